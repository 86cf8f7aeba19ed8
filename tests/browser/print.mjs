// The printable catalogue (utskrift/): printed to PDF by Chromium the way a
// person would save it, then checked: every current activity is in the
// page and in the PDF's text, each function starts on a new page, and the
// navigation is not printed. The PDF and PNGs of its first pages are kept
// in out/ for people to look at (PNGs need pdftoppm from poppler-utils).
// In a catalogue of more than 300 activities, checkPrintPart does the same
// for a municipality's or a förbund's booklet.

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

// checkPrintPart prints the booklet of a municipality or a förbund
// (part.path, e.g. forbund/x/utskrift/) to PDF and checks it against the
// page that lists the same activities (part.list, e.g. forbund/x/): the
// same activities, each function on a new page, headed by its own title
// in print, with neither the navigation nor the breadcrumb printed.
export async function checkPrintPart(ctx, part) {
  const list = await open(ctx, part.list);
  const slugOf = (href) => href.replace(/\/$/, '').split('/').pop();
  const expected = [...new Set((await list.page.$$eval('main .items .item > a', (as) => as.map((a) => a.getAttribute('href')))).map(slugOf))].sort();
  await list.context.close();

  const { page, context, problems } = await open(ctx, part.path);
  await page.emulateMedia({ media: 'print' });
  const inPage = (await page.$$eval('article[data-activity]', (as) => as.map((a) => a.getAttribute('aria-labelledby')))).map((id) => id.replace(/^v-/, '')).sort();
  if (inPage.join() !== expected.join()) {
    const missing = expected.filter((s) => !inPage.includes(s));
    const extra = inPage.filter((s) => !expected.includes(s));
    problems.push(`${part.path} has ${inPage.length} activities, ${part.list} lists ${expected.length}; missing: ${missing.join(', ')}; not listed: ${extra.join(', ')}`);
  }
  const shown = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('.site-header')).display,
    crumb: [...document.querySelectorAll('main nav')].map((n) => getComputedStyle(n).display),
    h1: document.querySelector('main h1').textContent.trim(),
    title: document.title,
    breaks: [...document.querySelectorAll('.booklet-section')].map((s) => getComputedStyle(s).breakBefore),
  }));
  if (shown.nav !== 'none') problems.push('the site header and navigation are printed');
  if (shown.crumb.length !== 1 || shown.crumb[0] !== 'none') problems.push(`the breadcrumb (${shown.crumb.length} nav in main) is printed or missing`);
  if (!shown.title.startsWith(shown.h1 + ' – ')) problems.push(`the booklet is headed "${shown.h1}", not by its title "${shown.title}"`);
  if (shown.breaks.some((b) => b !== 'page')) problems.push(`function sections do not start new pages: ${shown.breaks}`);

  const pdf = path.join(ctx.out, part.file + '.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await context.close();
  if (tool('pdftotext')) {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
    if (!text.includes(shown.h1)) problems.push(`the PDF does not show the heading "${shown.h1}"`);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join(ctx.out, part.file)]);
  } else {
    problems.push('pdftotext (poppler-utils) is missing: cannot read the PDF');
  }
  ctx.report(`${part.path} prints the ${expected.length} current activities ${part.list} lists, headed by its title (out/${part.file}.pdf)`, problems);
}
