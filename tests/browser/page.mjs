// Opening a page of the served site for a check.

// open loads base+path in a fresh context (no history, so no :visited links
// that would differ between runs) and returns the page together with the
// problems found while loading: a wrong status, or a stylesheet, icon or
// other subresource that did not load, which would make the results
// meaningless.
export async function open(ctx, path, { status = 200, contextOptions = {} } = {}) {
  const context = await ctx.browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    ...contextOptions,
  });
  const page = await context.newPage();
  const problems = [];
  const url = ctx.base + path;
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  // Pages must load nothing from other hosts: no web fonts, no trackers.
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin + '/') && !r.url().startsWith('data:')) problems.push(`request to another host: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.url() !== url && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res) problems.push(`no response for ${url}`);
  else if (res.status() !== status) problems.push(`status ${res.status()} for ${url}, want ${status}`);
  return { page, context, problems };
}
