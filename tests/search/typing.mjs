// Typing into the front page's search field and timing each keystroke,
// for tests/search/bench.mjs and the browser checks (tests/browser/search.mjs).

// typeQuery runs in the page (page.evaluate(typeQuery, query)): it types
// query into the search field one character at a time, each once the one
// before has been answered, and returns per keystroke the time from setting
// the field's value and firing its input event until the result list is no
// longer aria-busy (answer, counts, results, matrix and status line are in
// the DOM), plus a forced layout, so that style and layout of the changed
// page count too (painting does not); from and to are that span in
// milliseconds since the epoch. firstResult says at which keystroke, and
// when, results were first shown.
export async function typeQuery(query) {
  const field = document.getElementById('sok-q');
  const list = document.getElementById('sok-resultat');
  const answered = () => new Promise((resolve) => {
    if (!list.hasAttribute('aria-busy')) return resolve();
    const obs = new MutationObserver(() => {
      if (!list.hasAttribute('aria-busy')) {
        obs.disconnect();
        resolve();
      }
    });
    obs.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  field.focus();
  const keys = [];
  let firstResult = null;
  for (let i = 1; i <= query.length; i++) {
    const t0 = performance.now();
    field.value = query.slice(0, i);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await answered();
    void document.body.offsetHeight; // style and layout of what changed
    const t1 = performance.now();
    const results = list.children.length;
    keys.push({ typed: field.value, total: t1 - t0, results, from: performance.timeOrigin + t0, to: performance.timeOrigin + t1 });
    if (results > 0 && firstResult === null) firstResult = { keystroke: i, at: performance.timeOrigin + t1 };
  }
  return { keys, firstResult, status: document.getElementById('sok-status').textContent };
}
