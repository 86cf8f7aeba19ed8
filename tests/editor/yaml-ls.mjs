// Checks that VS Code's YAML extension would use the schema as
// docs/verktyg.md says: its language server (yaml-language-server, pinned in
// package.json), given the yaml.* settings of .vscode/settings.json with the
// repository as workspace, is asked what it reports for the files in
// fixtures/. Run through .ci/editor.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const vscode = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8'));
const yaml = {};
for (const [k, v] of Object.entries(vscode)) if (k.startsWith('yaml.')) yaml[k.slice(5)] = v;

const server = spawn(process.execPath, [join(here, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
  { stdio: ['pipe', 'pipe', 'inherit'] });
let buf = Buffer.alloc(0);
let nextID = 0;
const answers = new Map();
const published = new Map(); // uri → resolve functions waiting for diagnostics
const diagnostics = new Map();
const send = (m) => {
  const s = JSON.stringify({ jsonrpc: '2.0', ...m });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
};
const request = (method, params) => new Promise((r) => { answers.set(++nextID, r); send({ id: nextID, method, params }); });
server.stdout.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())[1]);
    if (buf.length < end + 4 + len) return;
    const m = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString());
    buf = buf.subarray(end + 4 + len);
    if (m.method && m.id !== undefined) { // the server asks for the settings
      send({ id: m.id, result: m.method === 'workspace/configuration' ? m.params.items.map((i) => (i.section === 'yaml' ? yaml : null)) : null });
    } else if (m.id !== undefined) {
      answers.get(m.id)?.(m.result);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(m.params.uri, m.params.diagnostics);
      published.get(m.params.uri)?.();
    }
  }
});

const rootUri = pathToFileURL(root).href;
await request('initialize', {
  processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'samkat' }],
  capabilities: { workspace: { configuration: true }, textDocument: { completion: {}, hover: { contentFormat: ['markdown'] } } },
});
send({ method: 'initialized', params: {} });
send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml } } });

async function open(name) {
  const uri = pathToFileURL(join(here, 'fixtures', name)).href;
  const text = readFileSync(join(here, 'fixtures', name), 'utf8');
  const done = new Promise((r) => published.set(uri, r));
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
  await Promise.race([done, new Promise((r) => setTimeout(r, 10000))]);
  return { uri, text, diags: (diagnostics.get(uri) ?? []).map((d) => `${d.range.start.line + 1}: ${d.message}`) };
}

let failed = 0;
const expect = (ok, what, detail) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) { failed++; console.log(`     ${detail}`); }
};

const fel = await open('fel.verksamhet.yaml');
for (const [line, words] of [[2, 'kommun'], [3, 'samordnande-insatser'], [4, 'Borås'], [8, 'e-mail']]) {
  expect(fel.diags.some((d) => d.startsWith(`${line}: `) && d.includes(words)), `fel.verksamhet.yaml: line ${line} is marked (${words})`, fel.diags.join(' | '));
}
const ratt = await open('ratt.verksamhet.yaml');
expect(ratt.diags.length === 0, 'ratt.verksamhet.yaml: nothing is marked', ratt.diags.join(' | '));
const mode = await open('modeline.yaml');
expect(mode.diags.some((d) => d.startsWith('4: ') && d.includes('Borås')), 'modeline.yaml: the $schema line picks the schema up', mode.diags.join(' | '));

const lines = ratt.text.split('\n');
const at = lines.findIndex((l) => l.startsWith('kommuner:'));
const completion = await request('textDocument/completion', { textDocument: { uri: ratt.uri }, position: { line: at, character: 'kommuner: '.length } });
const labels = (completion?.items ?? completion ?? []).map((i) => i.label);
expect(labels.includes('Borås') && labels.includes('alla'), 'completion offers the catalogue\'s municipalities and alla', labels.join(', '));
const hover = await request('textDocument/hover', { textDocument: { uri: ratt.uri }, position: { line: 0, character: 1 } });
const text = JSON.stringify(hover?.contents ?? '');
expect(text.includes('Verksamhetens namn'), 'hover shows the Swedish description', text.slice(0, 200));

server.kill();
process.exit(failed ? 1 : 0);
