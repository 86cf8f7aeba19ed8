// Typing into the front page's search field and timing each keystroke,
// for tests/search/bench.mjs and the browser checks (tests/browser/search.mjs).

// typeQuery runs in the page (page.evaluate(typeQuery, query), or with
// {query, pause}): it types query into the search field one character at a
// time, each once the one before has been answered and its matrix drawn,
// and then pause milliseconds have passed (0: at once; a quick typist
// takes 150 ms a key, and the page may load files meanwhile). Per
// keystroke it returns total, the time from setting the field's value and
// firing its input event until the result list is no longer aria-busy (the
// results, counts, chips and status line are in the DOM), plus a forced
// layout, so that style and layout count too (painting does not); from
// and to are that span in milliseconds since the epoch; and matrix, the
// time until the matrix below the results has been filtered too (a frame
// later, without data-pending), plus a forced layout. firstResult says at
// which keystroke, and when, results were first shown.
export async function typeQuery(arg) {
  const { query, pause = 0 } = typeof arg === 'string' ? { query: arg } : arg;
  const field = document.getElementById('sok-q');
  const list = document.getElementById('sok-resultat');
  const table = document.querySelector('table.matrix');
  // cleared resolves once el no longer has the attribute.
  const cleared = (el, attr) => new Promise((resolve) => {
    if (!el || !el.hasAttribute(attr)) return resolve();
    const obs = new MutationObserver(() => {
      if (!el.hasAttribute(attr)) {
        obs.disconnect();
        resolve();
      }
    });
    obs.observe(el, { attributes: true, attributeFilter: [attr] });
  });
  field.focus();
  const keys = [];
  let firstResult = null;
  for (let i = 1; i <= query.length; i++) {
    if (pause > 0 && i > 1) await new Promise((resolve) => setTimeout(resolve, pause));
    const t0 = performance.now();
    field.value = query.slice(0, i);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await cleared(list, 'aria-busy');
    void document.body.offsetHeight; // style and layout of what changed
    const t1 = performance.now();
    const results = list.children.length;
    await cleared(table, 'data-pending');
    void document.body.offsetHeight;
    const t2 = performance.now();
    keys.push({ typed: field.value, total: t1 - t0, matrix: t2 - t0, results, from: performance.timeOrigin + t0, to: performance.timeOrigin + t1 });
    if (results > 0 && firstResult === null) firstResult = { keystroke: i, at: performance.timeOrigin + t1 };
  }
  return { keys, firstResult, status: document.getElementById('sok-status').textContent };
}
