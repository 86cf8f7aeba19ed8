// samkat's search form on the front page. It shows the form (hidden for
// browsers without JavaScript), keeps the query in the URL so that a link
// can be shared and the back button works, loads the search engine and its
// index the first time someone starts to search, and shows results, counts
// per filter, the selected filters and the matrix filtered in place.
const section = document.getElementById("sok");
if (section) init(section);

function init(section) {
  const form = section.querySelector("form");
  const q = form.elements.q;
  const age = form.elements.alder;
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const facetNames = [...new Set(boxes.map((b) => b.name))];
  const statusLine = section.querySelector(".search-status");
  const results = section.querySelector(".search-results");
  const more = section.querySelector(".search-more");
  const chips = section.querySelector(".search-chips");
  const chipList = chips.querySelector("ul");
  const texts = JSON.parse(section.querySelector("#sok-texter").textContent);
  const matrix = matrixState();
  const PAGE = 20;
  let index = null;
  let loading = null;
  let parse = null; // the engine's parseQuery, once loaded
  let hits = [];
  let shown = PAGE;
  let runId = 0;

  // loose is a value as compared with the address: lower case, without
  // diacritics or anything but letters and digits.
  const loose = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  let unknown = []; // values in the address that are no box's: {name, value}
  const fill = (text, value) => text.replace("%d", value).replace("%s", value);
  // labelOf is a checkbox's label text, without its count.
  const labelOf = (box) => [...box.parentElement.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();

  section.hidden = false;

  // state reads the form as a query for the engine.
  function state() {
    const filters = {};
    for (const name of facetNames) {
      filters[name] = boxes.filter((b) => b.name === name && b.checked).map((b) => b.value);
    }
    const picked = filters.status || [];
    delete filters.status;
    const status = [];
    if (picked.includes("pagaende")) status.push("pagaende", "planerad");
    if (picked.includes("avslutad")) status.push("avslutad");
    return { text: q.value, filters, age: parseInt(age.value, 10) || 0, status };
  }

  // withAgeFromText: an age typed in the field ("24 år") is the age
  // filter, shown as its chip, unless the age field has one.
  function withAgeFromText(s) {
    const p = parse(s.text);
    if (p.age === 0 || s.age > 0) return s;
    return { ...s, text: p.text, age: p.age, ageText: p.ageText };
  }

  const active = (s) => s.text.trim() !== "" || s.age > 0 || s.status.length > 0 ||
    Object.values(s.filters).some((v) => v.length > 0);

  function toURL() {
    const p = new URLSearchParams();
    if (q.value.trim()) p.set("q", q.value.trim());
    for (const b of boxes) if (b.checked) p.append(b.name, b.value);
    for (const u of unknown) p.append(u.name, u.value);
    if (parseInt(age.value, 10) > 0) p.set("alder", String(parseInt(age.value, 10)));
    const qs = p.toString();
    return location.pathname + (qs ? "?" + qs : "") + location.hash;
  }

  // fromURL fills the form from the address; true if it held a query. A
  // value is the box whose value or label it is, in any case and with or
  // without diacritics (?kommun=tranemo is Tranemo); one that is no box's
  // stays in the address and is shown as a chip that it matched nothing.
  function fromURL() {
    const p = new URLSearchParams(location.search);
    q.value = p.get("q") || "";
    age.value = p.get("alder") || "";
    for (const b of boxes) b.checked = false;
    unknown = [];
    for (const [name, value] of p) {
      if (!facetNames.includes(name)) continue;
      const b = boxes.find((x) => x.name === name && x.value === value) ||
        boxes.find((x) => x.name === name && (loose(x.value) === loose(value) || loose(labelOf(x)) === loose(value)));
      if (b) b.checked = true;
      else if (!unknown.some((u) => u.name === name && u.value === value)) unknown.push({ name, value });
    }
    return [...p.keys()].some((k) => k === "q" || k === "alder" || facetNames.includes(k));
  }

  function ensureIndex() {
    if (!loading) {
      const engine = new URL(section.dataset.engine, document.baseURI).href;
      const base = new URL(section.dataset.index, document.baseURI).href;
      loading = import(engine).then((m) => {
        parse = m.parseQuery;
        return m.Index.load(base);
      }).then((ix) => (index = ix));
    }
    return loading;
  }

  // run answers the form's query. The result list is aria-busy until the
  // newest query has been answered (and tests wait for that).
  async function run() {
    const id = ++runId;
    results.setAttribute("aria-busy", "true");
    try {
      await answer(id);
    } catch (err) {
      // A file of the index did not load (the network, most likely): say
      // so, and let the next keystroke try again.
      if (id === runId) statusLine.textContent = texts.loadError;
    } finally {
      if (id === runId) results.removeAttribute("aria-busy");
    }
  }

  async function answer(id) {
    let s = state();
    showChips(s);
    showSelectedCounts();
    if (!index) {
      if (!active(s)) return;
      statusLine.textContent = texts.searching;
      try {
        await ensureIndex();
      } catch (err) {
        loading = null;
        throw err;
      }
      if (id !== runId) return;
    }
    s = withAgeFromText(s);
    showChips(s);
    const res = await index.search(s, true);
    if (id !== runId) return; // a newer keystroke has taken over
    showCounts(res.counts, res.partial);
    if (res.partial) completeCounts(id, s);
    if (!active(s)) {
      hits = [];
      results.replaceChildren();
      more.hidden = true;
      statusLine.textContent = "";
      showMatrix(null);
      return;
    }
    hits = res.hits;
    shown = PAGE;
    const keep = new Uint8Array(index.n);
    for (const h of hits) keep[h.doc] = 1;
    showMatrix(keep);
    showResults(0);
    const found = hits.length === 0 ? texts.foundNone
      : hits.length === 1 ? texts.found1 : fill(texts.foundN, hits.length);
    // Some words found nothing: the results match the others.
    statusLine.textContent = hits.length > 0 && res.unmatched.length > 0
      ? fill(texts.unmatched, res.unmatched.map((w) => "”" + w + "”").join(", ")) + " " + found : found;
    // Once this answer is shown and the page is idle, load what the next
    // keystroke will likely need.
    (window.requestIdleCallback || setTimeout)(() => index.prefetch(s.text));
  }

  // showResults shows the hits from `from` to `shown`: at once what the
  // index's meta.json holds (name, link, status, functions, municipalities),
  // then each target group when its file has loaded. The list has
  // data-pending until then.
  function showResults(from) {
    const docs = hits.slice(from, shown).map((h) => h.doc);
    const items = docs.map((doc) => {
      const d = index.brief(doc);
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = d.url;
      a.textContent = d.name;
      li.append(a);
      if (d.status !== "pagaende") {
        const mark = document.createElement("span");
        mark.className = "status status-" + d.status;
        mark.textContent = " " + (d.status === "avslutad" ? texts.endedMark : texts.plannedMark);
        li.append(mark);
      }
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = d.functions.join(", ") + " · " + (d.allKommuner ? texts.allMunicipalities : d.kommuner.join(", "));
      li.append(meta);
      const target = document.createElement("span");
      target.className = "target";
      li.append(target);
      return li;
    });
    if (from === 0) results.replaceChildren(...items);
    else results.append(...items);
    more.hidden = hits.length <= shown;
    if (items.length > 0) {
      const pending = (results.dataset.pending = String(Number(results.dataset.pending || 0) + 1));
      const done = () => {
        if (results.dataset.pending === pending) delete results.dataset.pending;
      };
      index.targets(docs).then((targets) => {
        targets.forEach((t, i) => {
          if (t) items[i].lastChild.textContent = t;
          else items[i].lastChild.remove();
        });
      }).catch(() => {}).finally(done); // without target groups the results still serve
    }
    return items;
  }

  // completeCounts loads the columns of the facets a result does not show
  // (f.json), once the page is idle after the first answer, and then shows
  // their counts, if the query is still the newest. Until then those
  // facets show no count, never a wrong one; the form has data-counting.
  function completeCounts(id, s) {
    (window.requestIdleCallback || setTimeout)(() => {
      index.loadFacets().then(() => (id === runId ? index.search(s) : null)).then((res) => {
        if (res && id === runId) showCounts(res.counts);
      }).catch(() => {
        if (id === runId) delete form.dataset.counting; // the counts shown stay; the next keystroke tries again
      });
    });
  }

  function showCounts(counts, partial) {
    if (partial) form.dataset.counting = "";
    else delete form.dataset.counting;
    for (const b of boxes) {
      if (partial && partial.includes(b.name)) {
        const span = b.parentElement.querySelector("[data-count]");
        if (span.textContent !== "") span.textContent = "";
        continue;
      }
      let n = (counts[b.name] || {})[b.value] || 0;
      if (b.name === "status" && b.value === "pagaende") n += (counts.status || {}).planerad || 0;
      const span = b.parentElement.querySelector("[data-count]");
      if (span.textContent !== "(" + n + ")") span.textContent = "(" + n + ")";
    }
  }

  function showSelectedCounts() {
    for (const span of form.querySelectorAll("[data-selected]")) {
      const n = boxes.filter((b) => b.name === span.dataset.selected && b.checked).length;
      span.textContent = n > 0 ? " (" + n + ")" : "";
    }
  }

  // matrixState reads the matrix entries once (and those of the list of
  // structural activities below it: every li[data-sok]): their documents,
  // lists and how many entries of each list are shown.
  function matrixState() {
    const items = [...document.querySelectorAll("li[data-sok]")];
    const lists = [...new Set(items.map((li) => li.parentElement))];
    const listNo = new Map(lists.map((ul, i) => [ul, i]));
    return {
      table: document.querySelector("table.matrix"),
      items,
      docs: Int32Array.from(items, (li) => Number(li.dataset.sok)),
      hidden: Uint8Array.from(items, (li) => (li.hidden ? 1 : 0)),
      list: Int32Array.from(items, (li) => listNo.get(li.parentElement)),
      // Ended activities' entries (data-ended) are hidden until a search
      // finds them.
      ended: Uint8Array.from(items, (li) => (li.hasAttribute("data-ended") ? 1 : 0)),
      lists,
      shown: Int32Array.from(lists, (ul) => [...ul.children].filter((li) => !li.hidden).length),
      current: Int32Array.from(lists, (ul) => [...ul.children].filter((li) => !li.hasAttribute("data-ended")).length),
    };
  }

  // showMatrix filters the matrix at the next frame, after the results
  // are shown: it lies below them, and when keystrokes come faster than
  // frames only the last one's matrix is drawn. The table has
  // data-pending until then.
  let matrixKeep;
  function showMatrix(keep) {
    if (!matrix.table) return filterMatrix(keep);
    const queued = matrix.table.hasAttribute("data-pending");
    matrixKeep = keep;
    if (queued) return;
    matrix.table.setAttribute("data-pending", "");
    requestAnimationFrame(() => {
      matrix.table.removeAttribute("data-pending");
      filterMatrix(matrixKeep);
    });
  }

  // filterMatrix hides the matrix entries of documents not kept (keep[doc]
  // is 1 for those kept; null keeps all current ones) and shows those of
  // ended activities that are kept, and marks the lists it empties. It
  // touches only entries that change. While filtered, matrix cells off
  // screen are laid out only when scrolled to (the class matrix-filtered,
  // samkat.css): with tens of thousands of entries, laying out the whole
  // table on every keystroke would take far longer than the search.
  function filterMatrix(keep) {
    const m = matrix;
    if (m.items.length === 0) return;
    if (keep !== null && m.table) m.table.classList.add("matrix-filtered");
    const changed = new Set();
    for (let i = 0; i < m.items.length; i++) {
      const found = keep !== null && keep[m.docs[i]] === 1;
      const hide = (m.ended[i] ? !found : keep !== null && !found) ? 1 : 0;
      if (hide === m.hidden[i]) continue;
      m.hidden[i] = hide;
      m.items[i].hidden = hide === 1;
      m.shown[m.list[i]] += hide ? -1 : 1;
      changed.add(m.list[i]);
    }
    for (const l of changed) {
      const list = m.lists[l];
      if (m.current[l] === 0) {
        // A cell of ended activities only: its "–" goes while one is shown.
        for (let e = list.nextElementSibling; e; e = e.nextElementSibling) e.hidden = m.shown[l] > 0;
        continue;
      }
      const next = list.nextElementSibling;
      let none = next && next.classList.contains("matrix-none") ? next : null;
      if (m.shown[l] === 0 && !none) {
        none = document.createElement("span");
        none.className = "matrix-none";
        none.textContent = texts.noMatch || section.dataset.noMatch || "–";
        list.after(none);
      } else if (m.shown[l] > 0 && none) {
        none.remove();
      }
    }
  }

  function chip(label, remove) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label + " ×";
    button.setAttribute("aria-label", fill(texts.removeFilter, label));
    button.addEventListener("click", () => {
      remove();
      changed(true);
      const next = chipList.querySelector("button") || q;
      next.focus();
    });
    li.append(button);
    return li;
  }

  function showChips(s) {
    const list = [];
    if (s.text.trim()) list.push(chip(fill(texts.textChip, s.text.trim()), () => (q.value = s.ageText !== undefined ? s.ageText : "")));
    for (const b of boxes) if (b.checked) list.push(chip(labelOf(b), () => (b.checked = false)));
    for (const u of unknown) list.push(chip(fill(texts.unknownValue, u.value), () => (unknown = unknown.filter((x) => x !== u))));
    // An age typed in the field is removed from it.
    const dropAge = s.ageText !== undefined ? () => (q.value = s.text) : () => (age.value = "");
    if (s.age > 0) list.push(chip(fill(texts.ageChip, String(s.age)), dropAge));
    chipList.replaceChildren(...list);
    chips.hidden = list.length === 0;
  }

  // changed runs the query and records it in the history: a new entry for a
  // deliberate change (a filter), the same entry while typing.
  function changed(push) {
    const url = toURL();
    if (url !== location.pathname + location.search + location.hash) {
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    run();
  }

  q.addEventListener("input", () => changed(false));
  age.addEventListener("input", () => changed(false));
  // The first focus in the form starts loading the engine and its index,
  // and readies the matrix for filtering (its cells have been laid out by
  // now, so off screen they keep their size), ahead of the first keystroke.
  form.addEventListener("focusin", () => {
    ensureIndex().catch(() => {});
    if (matrix.table) matrix.table.classList.add("matrix-filtered");
  }, { once: true });
  form.addEventListener("change", (e) => {
    if (e.target.type === "checkbox") changed(true);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    changed(true);
  });
  chips.querySelector(".search-clear").addEventListener("click", () => {
    q.value = "";
    age.value = "";
    for (const b of boxes) b.checked = false;
    unknown = [];
    changed(true);
    q.focus();
  });
  more.addEventListener("click", () => {
    const from = shown;
    shown += PAGE;
    const items = showResults(from);
    if (items.length > 0) items[0].querySelector("a").focus();
  });
  window.addEventListener("popstate", () => {
    fromURL();
    run();
  });
  if (fromURL()) run();
}
