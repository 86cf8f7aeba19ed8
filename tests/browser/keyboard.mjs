// Keyboard use of the front page: the skip link comes first and moves focus
// to the main content; Tab reaches every link of the matrix; whatever has
// focus shows it.

import { open } from './page.mjs';

const SKIP_TEXT = 'Till innehållet';

// focusInfo describes document.activeElement: what it is, whether it shows
// a focus indicator (an outline or a box-shadow) and whether it is on screen.
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const text = (el.textContent || '').trim().replace(/\s+/g, ' ');
  return {
    name,
    text: text.length > 50 ? text.slice(0, 49) + '…' : text,
    href: el.getAttribute('href'),
    id: el.id,
    inMain: !!el.closest('main'),
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
    shadow: cs.boxShadow !== 'none',
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
      r.top < window.innerHeight && r.left < window.innerWidth,
  };
}

const label = (f) => `${f.name} "${f.text}"${f.href ? ` (${f.href})` : ''}`;

function focusProblems(f) {
  const p = [];
  if (!f.outline && !f.shadow) p.push(`no visible focus indicator (outline or box-shadow) on ${label(f)}`);
  if (!f.onScreen) p.push(`focused element is not on screen: ${label(f)}`);
  return p;
}

export async function checkKeyboard(ctx, path) {
  // 1. The skip link: first Tab stop, visible when focused, and it moves
  // focus to main#innehall so that the next Tab continues inside main.
  {
    const { page, context, problems } = await open(ctx, path);
    try {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(focusInfo);
      if (!first) {
        problems.push('the first Tab focused nothing');
      } else if (first.text !== SKIP_TEXT) {
        problems.push(`the first Tab focused ${label(first)}, want the skip link "${SKIP_TEXT}"`);
      } else {
        problems.push(...focusProblems(first));
        await page.keyboard.press('Enter');
        const moved = await page
          .waitForFunction(() => document.activeElement?.matches('main#innehall'), null, { timeout: 5000 })
          .then(() => true, () => false);
        if (!moved) {
          const now = await page.evaluate(focusInfo);
          problems.push(`activating the skip link left focus on ${now ? label(now) : 'the body'}, want main#innehall`);
        } else {
          await page.keyboard.press('Tab');
          const next = await page.evaluate(focusInfo);
          if (!next || !next.inMain) {
            problems.push(`after the skip link, Tab focused ${next ? label(next) : 'nothing'}, want the first stop inside main`);
          }
        }
      }
    } finally {
      await context.close();
    }
    ctx.report('keyboard: skip link is the first Tab stop and moves focus to main#innehall', problems);
  }

  // 2. Tab through the whole page once.
  {
    const { page, context, problems } = await open(ctx, path);
    try {
      const tabbable = await page.evaluate(() => {
        window.__focused = new Set();
        document.addEventListener('focusin', (e) => window.__focused.add(e.target));
        return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length;
      });
      const seen = [];
      for (let i = 0; i < tabbable + 5; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(focusInfo);
        // Past the last stop focus leaves the document (or wraps to the
        // skip link): the walk is complete.
        if (!f || (seen.length > 0 && f.text === SKIP_TEXT)) break;
        seen.push(f);
        problems.push(...focusProblems(f));
      }
      if (seen.length >= tabbable + 5) problems.push(`focus never left the page after ${seen.length} Tabs (a keyboard trap?)`);
      const missed = await page.evaluate(() =>
        [...document.querySelectorAll('table.matrix th a, table.matrix li:not([hidden]) a')]
          .filter((a) => !window.__focused.has(a))
          .map((a) => `${a.textContent.trim()} (${a.getAttribute('href')})`));
      const links = await page.locator('table.matrix th a, table.matrix li:not([hidden]) a').count();
      if (links === 0) problems.push('the front page has no matrix links');
      for (const m of missed) problems.push(`Tab never reached the matrix link ${m}`);
      ctx.report(`keyboard: Tab through the page (${seen.length} stops) shows focus on each and reaches all ${links} matrix links`, problems);
    } finally {
      await context.close();
    }
  }
}
