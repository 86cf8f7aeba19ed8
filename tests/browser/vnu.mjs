// The Nu HTML checker (vnu.jar) over every .html file of the site. It runs
// in a separate Java process while the browser checks run.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const jar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

// startVnu resolves to { files, problems }, one problem per message.
export function startVnu(site) {
  const files = readdirSync(site, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => path.join(site, f));
  return new Promise((resolve) => {
    const java = spawn('java', ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    java.stdout.on('data', (d) => (out += d));
    java.stderr.on('data', (d) => (err += d));
    java.on('error', (e) => resolve({ files: files.length, problems: [`cannot run java: ${e.message}`] }));
    java.on('close', (code) => {
      const problems = [];
      let messages = [];
      try {
        messages = JSON.parse(out).messages;
      } catch {
        problems.push(`vnu exited with ${code} and no readable report:\n${out}${err}`);
      }
      const MAX = 40;
      for (const m of messages.slice(0, MAX)) {
        const file = m.url ? path.relative(site, decodeURIComponent(new URL(m.url).pathname)) : '?';
        const where = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn}` : '';
        const extract = m.extract ? `\n  …${m.extract.replaceAll('\n', ' ')}…` : '';
        problems.push(`${file}${where}: ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}${extract}`);
      }
      if (messages.length > MAX) problems.push(`… and ${messages.length - MAX} more`);
      if (problems.length === 0 && code !== 0) problems.push(`vnu exited with ${code}:\n${err}`);
      resolve({ files: files.length, problems });
    });
  });
}
