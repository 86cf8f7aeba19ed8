// Narrow screens: no page may scroll sideways at 320 CSS pixels (WCAG 2.1
// reflow, 1.4.10, and so on any phone), and the front page is photographed
// full length at 1280 and 375 pixels wide for
// people to look at (out/home-1280.png, out/home-375.png, and the same in
// dark mode).

import path from 'node:path';
import { open } from './page.mjs';

const NARROW = 320; // reflow is checked here
const PHONE = 375; // screenshots are taken here

// overflow returns the page's horizontal overflow and the outermost elements
// that stick out to the right of the viewport without being clipped by a
// scrolling ancestor. An absolutely positioned element escapes the
// scrolling boxes between it and its containing block, so a visually
// hidden span deep inside a scrolling table can still widen the page.
function overflow() {
  const vw = window.innerWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const clipped = (el) => {
    // What el's box is positioned by: 'absolute' and 'fixed' boxes skip the
    // ancestors that are not their containing block.
    let mode = getComputedStyle(el).position;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (mode === 'fixed') return false;
      const cs = getComputedStyle(a);
      if (mode === 'absolute' && cs.position === 'static' && cs.transform === 'none') continue;
      if (cs.overflowX !== 'visible') return true;
      mode = cs.position;
    }
    return false;
  };
  const culprits = [];
  const out = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 0.5 || r.width === 0 || clipped(el)) continue;
    out.add(el);
    if (el.parentElement && out.has(el.parentElement)) continue;
    culprits.push(`${name(el)} reaches x=${Math.round(r.right)}: "${(el.textContent || '').trim().slice(0, 40)}"`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, culprits: culprits.slice(0, 8) };
}

export async function checkLayout(ctx, pages) {
  for (const p of pages) {
    const { page, context, problems } = await open(ctx, p.path, {
      status: p.status,
      contextOptions: { viewport: { width: NARROW, height: 800 } },
    });
    try {
      const o = await page.evaluate(overflow);
      if (o.scrollWidth > o.innerWidth) {
        problems.push(`the page scrolls sideways: scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}`, ...o.culprits);
      }
    } finally {
      await context.close();
    }
    ctx.report(`no sideways scrolling at ${NARROW}px: /${p.path}`, problems);
  }

  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, PHONE]) {
      const { page, context, problems } = await open(ctx, '', {
        contextOptions: { viewport: { width, height: 800 }, colorScheme: scheme },
      });
      try {
        const file = path.join(ctx.out, `home-${width}${scheme === 'dark' ? '-dark' : ''}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
      } finally {
        await context.close();
      }
      ctx.report(`screenshot of the front page, ${width}px, ${scheme}`, problems);
    }
  }
}
