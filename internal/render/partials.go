package render

import (
	"strconv"

	"github.com/samkat/samkat/internal/site"
)

// The entries Prerender renders by the thousand (an activity in a list, in
// a cell of the matrix, in the booklet) are written without html/template
// too, in the way of the activity pages (activity.go), when the partial
// and what it runs are the built-in ones: fastPartials holds, per partial,
// the digest of the built-in templates (layoutDigest from the partial) and
// the writer. TestPartialsAsTemplate compares each with html/template.
var fastPartials = map[string]struct {
	digest string
	write  func(b []byte, f *fragment) ([]byte, bool)
}{
	"item":             {"1c36d5c40a35104236fada03867f861591e473f84955e484fa93bb162929bddf", writeItem},
	"matrix-item":      {"a006dafa8f9660495ca11dfa97686e63fda5391e25eb404e2ce298a85c9b2b3e", writeMatrixItem},
	"booklet-activity": {"67d58b1f7672e25dc7cc420a28cec882c0ae916fa8fb181699764855450b8d3b", writeBookletActivity},
}

// fragmentArgs returns the texts and the item of f's args, when they are
// of the types Prerender gives.
func fragmentArgs[T any](f *fragment, key string) (t site.Strings, v T, ok bool) {
	if t, ok = f.args["T"].(site.Strings); !ok {
		return t, v, false
	}
	v, ok = f.args[key].(T)
	return t, v, ok
}

// fragmentItem returns the texts and the item of f, an item's entry
// (fragment.item).
func fragmentItem(f *fragment) (t site.Strings, it site.Item, ok bool) {
	if f.item == nil || f.texts == nil {
		return t, it, false
	}
	return f.texts, *f.item, true
}

// hasTexts reports whether t has every key of keys.
func hasTexts(t site.Strings, keys ...string) bool {
	for _, k := range keys {
		if _, ok := t[k]; !ok {
			return false
		}
	}
	return true
}

// writeItem appends the partial "item" (_partials/item.html).
func writeItem(b []byte, f *fragment) ([]byte, bool) {
	t, it, ok := fragmentItem(f)
	if !ok || it.Draft && !hasTexts(t, "draftMark") {
		return b, false
	}
	b = append(b, "\n<li class=\"item\""...)
	if f.search {
		b = append(b, " data-sok=\""...)
		b = strconv.AppendInt(b, int64(it.SearchID), 10)
		b = append(b, '"')
	}
	b = append(b, ">\n<a href=\""...)
	b = appendURL(b, it.Href, false)
	b = append(b, "\">"...)
	b = appendHTML(b, it.Name)
	b = append(b, "</a>"...)
	if it.Draft {
		b = append(b, " <span class=\"status status-utkast\">"...)
		b = appendHTML(b, t["draftMark"])
		b = append(b, "</span>"...)
	}
	if it.Status != "" {
		b = append(b, " <span class=\"status status-"...)
		b = appendHTML(b, it.StatusKey)
		b = append(b, "\">"...)
		b = appendHTML(b, it.Status)
		b = append(b, "</span>"...)
	}
	b = append(b, "\n<span class=\"meta\">"...)
	b = appendHTML(b, it.Functions)
	b = append(b, " · "...)
	b = appendHTML(b, it.Kommuner)
	b = append(b, "</span>"...)
	if it.Target != "" {
		b = append(b, "\n<span class=\"target\">"...)
		b = appendHTML(b, it.Target)
		b = append(b, "</span>"...)
	}
	return append(b, "\n</li>"...), true
}

// writeMatrixItem appends the partial "matrix-item"
// (_partials/matrix-item.html).
func writeMatrixItem(b []byte, f *fragment) ([]byte, bool) {
	t, it, ok := fragmentItem(f)
	ended, planned := it.StatusKey == "avslutad", it.StatusKey == "planerad"
	if !ok || it.Draft && !hasTexts(t, "draftMark") || planned && !hasTexts(t, "plannedMark") || ended && !hasTexts(t, "endedMark") {
		return b, false
	}
	b = append(b, "<li data-sok=\""...)
	b = strconv.AppendInt(b, int64(it.SearchID), 10)
	b = append(b, '"')
	if ended {
		b = append(b, " data-ended hidden"...)
	}
	b = append(b, "><a href=\""...)
	b = appendURL(b, it.Href, false)
	b = append(b, "\">"...)
	b = appendHTML(b, it.Name)
	b = append(b, "</a>"...)
	if it.Draft {
		b = append(b, " <span class=\"status status-utkast\">("...)
		b = appendHTML(b, t["draftMark"])
		b = append(b, ")</span>"...)
	}
	if planned {
		b = append(b, " <span class=\"status status-planerad\">("...)
		b = appendHTML(b, t["plannedMark"])
		b = append(b, ")</span>"...)
	}
	if ended {
		b = append(b, " <span class=\"status status-avslutad\">("...)
		b = appendHTML(b, t["endedMark"])
		b = append(b, ")</span>"...)
	}
	return append(b, "</li>"...), true
}

// writeBookletActivity appends the partial "booklet-activity"
// (_partials/booklet-activity.html).
func writeBookletActivity(b []byte, f *fragment) ([]byte, bool) {
	t, a, ok := fragmentArgs[site.BookletActivity](f, "Activity")
	if !ok || len(a.Contacts) > 0 && !hasTexts(t, "contacts", "phone", "email", "address") {
		return b, false
	}
	b = append(b, "\n<article class=\"booklet-activity\" data-activity aria-labelledby=\""...)
	b = appendHTML(b, a.ID)
	b = append(b, "\">\n<h3 id=\""...)
	b = appendHTML(b, a.ID)
	b = append(b, "\">"...)
	b = appendHTML(b, a.Name)
	b = append(b, "</h3>"...)
	if a.Status != "" {
		b = append(b, "\n<p class=\"status\">"...)
		b = appendHTML(b, a.Status)
		b = append(b, "</p>"...)
	}
	b = append(b, '\n')
	b = appendFacts(b, a.Facts)
	if len(a.Contacts) > 0 {
		b = append(b, "\n<h4>"...)
		b = appendHTML(b, t["contacts"])
		b = append(b, "</h4>\n"...)
		b = appendContacts(b, a.Contacts, t)
	}
	if a.Body != "" {
		b = append(b, "\n<div class=\"text\">"...)
		b = append(b, a.Body...)
		b = append(b, "</div>"...)
	}
	return append(b, "\n</article>"...), true
}
