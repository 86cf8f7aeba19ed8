// The printable catalogue (utskrift/): printed to PDF by Chromium the way a
// person would save it, then checked: every current activity is in the
// page and in the PDF's text, each function starts on a new page, and the
// navigation is not printed. The PDF and PNGs of its first pages are kept
// in out/ for people to look at (PNGs need pdftoppm from poppler-utils).

import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { open } from './page.mjs';

function tool(name) {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function checkPrint(ctx) {
  // The expected activities: the current ones, as the all-activities list shows them.
  const list = await open(ctx, 'verksamheter/');
  const expected = await list.page.$$eval('main .items .item > a', (as) => as.map((a) => a.textContent.trim()));
  await list.context.close();

  const { page, context, problems } = await open(ctx, 'utskrift/');
  await page.emulateMedia({ media: 'print' });
  const inPage = await page.$$eval('article[data-activity] h3', (hs) => hs.map((h) => h.textContent.trim()));
  const missing = expected.filter((name) => !inPage.includes(name));
  if (inPage.length !== expected.length || missing.length > 0) {
    problems.push(`utskrift/ has ${inPage.length} activities, want ${expected.length}; missing: ${missing.join(', ')}`);
  }
  const shown = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('.site-header')).display,
    breaks: [...document.querySelectorAll('.booklet-section')].map((s) => getComputedStyle(s).breakBefore),
  }));
  if (shown.nav !== 'none') problems.push('the site header and navigation are printed');
  if (shown.breaks.some((b) => b !== 'page')) problems.push(`function sections do not start new pages: ${shown.breaks}`);

  const pdf = path.join(ctx.out, 'utskrift.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await context.close();
  if (tool('pdftotext')) {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
    const notPrinted = expected.filter((name) => !text.includes(name.replace(/\s+/g, ' ')));
    if (notPrinted.length > 0) problems.push(`not in the PDF text: ${notPrinted.join(', ')}`);
    const pages = Number((execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/) || [])[1]);
    if (!(pages > expected.length / 4)) problems.push(`the PDF has ${pages} pages, which is too few for ${expected.length} activities`);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '4', pdf, path.join(ctx.out, 'utskrift')]);
  } else {
    problems.push('pdftotext (poppler-utils) is missing: cannot read the PDF');
  }
  ctx.report(`utskrift/ prints all ${expected.length} current activities to PDF (out/utskrift.pdf)`, problems);
}
