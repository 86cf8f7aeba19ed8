// axe-core on one page of every type; some also in dark mode and at 375px.

import { createRequire } from 'node:module';
import { open } from './page.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, TAGS);
}

// describe prints each violation with its id, help URL and (up to five of)
// the elements it was found on, each with the first reason axe gives.
function describe(violations) {
  const MAX_NODES = 5;
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, MAX_NODES)) {
      const reason = (n.summary || '').split('\n').map((l) => l.trim())
        .find((l) => l && !/^Fix (any|all) of the following:$/.test(l));
      lines.push(`  - ${n.target}${reason ? `\n    ${reason}` : ''}`);
    }
    if (v.nodes.length > MAX_NODES) lines.push(`  … and ${v.nodes.length - MAX_NODES} more elements`);
  }
  return lines;
}

// checkAxe runs axe on each of runs: { name, path, status, scheme, width }.
export async function checkAxe(ctx, runs) {
  for (const r of runs) {
    const scheme = r.scheme || 'light';
    const width = r.width || 1280;
    const { page, context, problems } = await open(ctx, r.path, {
      status: r.status,
      contextOptions: { colorScheme: scheme, viewport: { width, height: 800 } },
    });
    try {
      problems.push(...describe(await axeViolations(page)));
    } finally {
      await context.close();
    }
    ctx.report(`axe ${scheme} ${width}px, ${r.name}: /${r.path}`, problems);
  }
}
