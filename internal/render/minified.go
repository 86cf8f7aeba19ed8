package render

import (
	"bytes"
	"sync"

	"github.com/samkat/samkat/internal/site"
)

// Pages written minified. The build minifies every page it writes
// (tdewolff/minify's HTML minifier), and at 10,000 activities that was the
// largest single part of its CPU time after the pages were written without
// html/template (pages.go). So an activity page, when pages.go writes it,
// is written here instead with the bytes the minifier gives for what
// pages.go writes, and the build writes it as it is.
//
// What the minifier does to a page of the built-in layout, part by part:
//
//   - Text between tags: each run of white space becomes one space, or one
//     newline when it holds a line break; the run at the start goes after a
//     block tag (and after a start tag that follows one); the run at the end
//     goes before a block tag. The character references html/template
//     writes (&#34; &#39; &#43; &gt; &amp;) become the characters, but &lt;
//     stays, and &amp; stays before a letter, a digit or '#'.
//   - A quoted attribute: the same references are replaced (&lt; too);
//     class and lang lose white space at their ends and have its runs
//     collapsed; href loses it at its ends and has an "http:" or "https:"
//     written in capitals lowered; an empty value is written as the name
//     alone (class, id: not at all); a value with '"' in it may change its
//     quotes.
//   - <!DOCTYPE html> becomes <!doctype html>; the JSON-LD, compact JSON
//     already, stays as it is.
//
// The layout's own text (the tags, the white space between them) is
// written minified below. Every value is written minified by the rules
// above only where the result does not depend on what is around it: it
// is not empty, has no white space at its ends and does not end in '&'
// (appendMinText, appendMinAttr); a value that is not so, and a class or
// lang with any white space, leaves the page to the minifier (ok false).
// The navigation, the footer and the body are HTML of their own: each is
// minified alone, as one block element (minState.block), which gives the bytes
// it has in the page minified whole (see minState.block); a body, goldmark's
// HTML, is written so by minBody (minbody.go) rather than by the minifier.
//
// TestMinifiedAsWhole and FuzzMinifiedAsWhole compare these writers with
// the minifier over pages.go's bytes; the pipeline's TestWrittenMinified
// builds catalogues both ways. A page is written here only when pages.go
// would write it (the same layout digests).

// minPages holds, by layout, the writers of pages written minified.
var minPages = map[string]func(m *minWriter, v site.View){
	"activity": func(m *minWriter, v site.View) {
		if v, ok := v.(*site.ActivityView); ok {
			m.activity(v)
		} else {
			m.ok = false
		}
	},
}

// minWriter appends one page minified. ok turns false at the first part
// it cannot write so; the page is then left to the minifier.
type minWriter struct {
	r  *Renderer
	b  []byte
	ok bool
	// vals counts the bytes of the values written, for the size of the
	// page as pages.go would write it (see plainBound).
	vals int
}

// RenderMinified appends page to dst minified, as the minifier the
// renderer was made with (NewMinified) gives it, when it is one that is
// written so: ok is false for any other page (Render it then).
func (r *Renderer) RenderMinified(dst []byte, page site.Page) (_ []byte, ok bool) {
	if r.min == nil || r.min.off {
		return dst, false
	}
	write := r.min.pages[page.Template]
	if write == nil {
		return dst, false
	}
	m := minWriter{r: r, b: dst[:0], ok: true}
	write(&m, page.View)
	if !m.ok {
		return dst, false
	}
	return m.b, true
}

// activity writes what writeActivity writes, minified.
func (m *minWriter) activity(v *site.ActivityView) {
	if !hasTexts(v.T, activityTexts...) {
		m.ok = false
		return
	}
	m.page(&v.Frame, func() {
		t := v.T
		m.lit(`<article class="activity"><h1>`)
		m.text(v.Title)
		m.lit(`</h1><p class="status status-`)
		m.class(v.StatusKey)
		m.lit(`">`)
		m.text(t["status"])
		m.lit(": ")
		m.text(v.Status)
		m.lit(`</p><h2 class="visually-hidden">`)
		m.text(t["facts"])
		m.lit(`</h2>`)
		m.facts(v.Facts)
		if len(v.Contacts) > 0 {
			m.lit(`<h2>`)
			m.text(t["contacts"])
			m.lit(`</h2>`)
			m.contacts(v.Contacts, t)
		}
		if v.Body != "" {
			m.block(`<div class="text">`, string(v.Body), `</div>`)
		}
		m.lit(`</article>`)
	})
	if m.ok && plainBound(m, len(v.Body)+len(v.NavHTML)+len(v.FooterHTML)) > m.r.maxPage {
		m.ok = false // pages.go says whether it is too big
	}
}

// bookletActivity writes what writeBookletActivity writes, minified.
func (m *minWriter) bookletActivity(t site.Strings, a *site.BookletActivity) {
	if len(a.Contacts) > 0 && !hasTexts(t, "contacts", "phone", "email", "address") {
		m.ok = false
		return
	}
	m.lit(`<article class="booklet-activity" data-activity aria-labelledby="`)
	m.class(a.ID)
	m.lit(`"><h3 id="`)
	m.class(a.ID)
	m.lit(`">`)
	m.text(a.Name)
	m.lit(`</h3>`)
	if a.Status != "" {
		m.lit(`<p class="status">`)
		m.text(a.Status)
		m.lit(`</p>`)
	}
	m.facts(a.Facts)
	if len(a.Contacts) > 0 {
		m.lit(`<h4>`)
		m.text(t["contacts"])
		m.lit(`</h4>`)
		m.contacts(a.Contacts, t)
	}
	if a.Body != "" {
		m.block(`<div class="text">`, string(a.Body), `</div>`)
	}
	m.lit(`</article>`)
}

// minEntry returns the booklet's entry f (the partial splicedPartial,
// which the renderer writes: Renderer.fast) minified, written so, in a
// buffer of size bytes (the entry's unminified size: more than enough);
// nil when it is not written so.
func (r *Renderer) minEntry(f *fragment, size int) []byte {
	if r.min == nil || r.min.off || r.fast[splicedPartial] == nil || f.partial != splicedPartial {
		return nil
	}
	t, a, ok := fragmentArgs[site.BookletActivity](f, "Activity")
	if !ok {
		return nil
	}
	m := minWriter{r: r, b: make([]byte, 0, size), ok: true}
	m.bookletActivity(t, &a)
	if !m.ok {
		return nil
	}
	return m.b
}

// MinifyAll has every page and entry left to the minifier, none written
// minified: the tests compare the two.
func (r *Renderer) MinifyAll() {
	if r.min != nil {
		r.min.off = true
	}
}

// plainBound is more than the bytes pages.go writes for a page of which m
// wrote the minified bytes, holding HTML of other bytes: the layout's own
// bytes are fewer than thrice their minified ones, and a value escaped
// for HTML is at most five times its bytes.
func plainBound(m *minWriter, other int) int {
	return 3*len(m.b) + 5*m.vals + other + 1024
}

// page writes what writePage writes, minified, with main writing the
// template "main".
func (m *minWriter) page(f *site.Frame, main func()) {
	if f.NavHTML == "" || f.FooterHTML == "" || f.Redirect != "" || !hasTexts(f.T, frameTexts...) ||
		f.Preview && !hasTexts(f.T, "draftPage", "draftPreview") {
		m.ok = false
		return
	}
	var sd *site.GovernmentService
	switch d := f.StructuredData.(type) {
	case nil:
	case *site.GovernmentService:
		if d == nil {
			m.ok = false
			return
		}
		sd = d
	default:
		m.ok = false
		return
	}

	m.lit(`<!doctype html><html lang="`)
	m.class(f.Lang)
	m.lit(`"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>`)
	m.text(f.DocTitle)
	m.lit(`</title>`)
	if f.Description != "" {
		m.lit(`<meta name="description" content="`)
		m.attr(f.Description)
		m.lit(`">`)
	}
	if f.Canonical != "" {
		m.lit(`<link rel="canonical" href="`)
		m.url(f.Canonical, false)
		m.lit(`"><meta property="og:url" content="`)
		m.attr(f.Canonical)
		m.lit(`">`)
	}
	m.lit(`<meta property="og:type" content="website"><meta property="og:site_name" content="`)
	m.attr(f.SiteTitle)
	m.lit(`"><meta property="og:title" content="`)
	m.attr(f.Title)
	m.lit(`">`)
	if f.Description != "" {
		m.lit(`<meta property="og:description" content="`)
		m.attr(f.Description)
		m.lit(`">`)
	}
	if f.Lang == "sv" {
		m.lit(`<meta property="og:locale" content="sv_SE">`)
	} else {
		m.lit(`<meta property="og:locale" content="en_GB">`)
	}
	m.lit(`<meta name="generator" content="samkat `)
	m.attrAfterText(f.Version)
	m.lit(`"><link rel="stylesheet" href="`)
	m.url(f.CSS, false)
	m.lit(`">`)
	if sd != nil {
		m.lit(`<script type="application/ld+json">`)
		m.json(sd)
		m.lit(`</script>`)
	}
	m.lit(`<link rel="icon" href="`)
	m.url(f.Favicon, false)
	m.lit(`" type="image/svg+xml">`)
	if feed := f.Footer.Feed; feed != nil {
		m.lit(`<link rel="alternate" type="application/atom+xml" href="`)
		m.url(feed.Href, false)
		m.lit(`" title="`)
		m.attr(feed.Label)
		m.lit(`">`)
	}
	m.lit(`</head><body><a class="skip" href="#innehall">`)
	m.text(f.T["skip"])
	m.lit(`</a><header class="site-header"><div class="wrap"><p class="site-title"><a href="`)
	m.url(f.Home, false)
	m.lit(`">`)
	m.text(f.SiteTitle)
	m.lit(`</a>`)
	if f.Subtitle != "" {
		m.lit(` <span class="subtitle">`)
		m.text(f.Subtitle)
		m.lit(`</span>`)
	}
	m.lit(`</p>`)
	m.block("", string(f.NavHTML), "")
	m.lit(`</div></header><main id="innehall" tabindex="-1"><div class="wrap">`)
	if f.Preview {
		m.lit(`<p class="preview-note" role="note">`)
		if f.Draft {
			m.text(f.T["draftPage"])
		} else {
			m.text(f.T["draftPreview"])
		}
		m.lit(`</p>`)
	}
	main()
	m.lit(`</div></main>`)
	m.block("", string(f.FooterHTML), "")
	m.lit(`</body></html>`)
}

// facts writes what appendFacts writes, minified. The links of a fact are
// written from fa.Links, of which fa.HTML is the partial "fact-links"
// (Prerender's, with the built-in partial: pages.go writes no page
// otherwise).
func (m *minWriter) facts(facts []site.Fact) {
	m.lit(`<dl class="facts">`)
	for i := range facts {
		fa := &facts[i]
		m.lit(`<div><dt>`)
		m.text(fa.Label)
		m.lit(`</dt><dd>`)
		if len(fa.Links) == 0 {
			m.text(fa.Text)
		} else {
			for j, l := range fa.Links {
				if j > 0 {
					m.lit(", ")
				}
				m.lit(`<a href="`)
				m.url(l.Href, false)
				m.lit(`">`)
				m.text(l.Label)
				m.lit(`</a>`)
			}
		}
		m.lit(`</dd></div>`)
	}
	m.lit(`</dl>`)
}

// contacts writes what appendContacts writes, minified. Only the space
// before the municipality depends on what comes before it: at the start
// of the <li> (a block tag) it goes.
func (m *minWriter) contacts(list []site.ContactView, t site.Strings) {
	m.lit(`<ul class="contacts">`)
	for i := range list {
		c := &list[i]
		m.lit(`<li>`)
		if c.Name != "" {
			m.lit(`<strong>`)
			m.text(c.Name)
			m.lit(`</strong>`)
		}
		if c.Role != "" {
			m.lit(`<br>`)
			m.text(c.Role)
		}
		if c.Kommun != "" {
			if c.Name != "" || c.Role != "" {
				m.lit(" ")
			}
			m.lit(`<span class="meta">(`)
			m.text(c.Kommun)
			m.lit(`)</span>`)
		}
		if c.Phone != "" {
			m.lit(`<br>`)
			m.text(t["phone"])
			m.lit(`: <a href="`)
			m.url(string(c.TelHref), true)
			m.lit(`">`)
			m.text(c.Phone)
			m.lit(`</a>`)
		}
		if c.Email != "" {
			m.lit(`<br>`)
			m.text(t["email"])
			m.lit(`: <a href="`)
			m.url(c.MailHref, false)
			m.lit(`">`)
			m.text(c.Email)
			m.lit(`</a>`)
		}
		if c.Address != "" {
			m.lit(`<br>`)
			m.text(t["address"])
			m.lit(": ")
			m.text(c.Address)
		}
		m.lit(`</li>`)
	}
	m.lit(`</ul>`)
}

func (m *minWriter) lit(s string) { m.b = append(m.b, s...) }

// value writes s with appendMin, unless the page has already been left
// to the minifier.
func (m *minWriter) value(s string, appendMin func(b []byte, s string) ([]byte, bool)) {
	if !m.ok {
		return
	}
	m.vals += len(s)
	m.b, m.ok = appendMin(m.b, s)
}

// text writes s, a value in text between tags.
func (m *minWriter) text(s string) { m.value(s, appendMinText) }

// attr writes s as the whole value of a quoted attribute with no traits
// of its own (content, title).
func (m *minWriter) attr(s string) { m.value(s, appendMinAttr) }

// attrAfterText writes s at the end of a quoted attribute value that has
// text of the layout before it ("samkat {{.Version}}"): s may then be
// empty or start with white space.
func (m *minWriter) attrAfterText(s string) { m.value(s, appendMinAttrEnd) }

// class writes s into the value of a class or lang attribute: white space
// in it leaves the page to the minifier.
func (m *minWriter) class(s string) {
	if !m.ok {
		return
	}
	if s == "" {
		m.ok = false // lang="" is written lang; class="status status-" is not, but is not worth the case
		return
	}
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			m.ok = false
			return
		}
	}
	m.attr(s)
}

// url writes s as the whole value of an href.
func (m *minWriter) url(s string, trusted bool) {
	if !m.ok {
		return
	}
	m.vals += len(s)
	m.b, m.ok = appendMinURL(m.b, s, trusted)
}

// json writes the JSON-LD, which the minifier leaves as it is: compact
// JSON (encoding/json's) with no padding.
func (m *minWriter) json(v any) {
	if !m.ok {
		return
	}
	start := len(m.b)
	var ok bool
	if m.b, ok = appendJSON(m.b, v); !ok || len(m.b) == start || m.b[start] != '{' || m.b[len(m.b)-1] != '}' {
		m.ok = false
		return
	}
	m.vals += len(m.b) - start
}

// block writes open+html+close (an element of the layout around HTML of
// the page's, or HTML alone) minified as the minifier minifies it in the
// page: see minState.block.
func (m *minWriter) block(open, html, close string) {
	if !m.ok {
		return
	}
	if open == "" {
		// The navigation and the footer: the same on many pages.
		m.b, m.ok = m.r.min.cached(m.b, html)
		return
	}
	m.b, m.ok = m.r.min.block(m.b, open, html, close)
}

// block appends open+html+close minified alone, when that gives the
// bytes it has in the page minified whole; ok is false when it does not
// know that it does. The minifier reads a page as a run of tokens with
// little state from one to the next (see splice.go): whether the next
// leading space goes, whether it is inside <pre>, and a look ahead from
// text that ends in white space, which stops at the first start tag or
// block end tag. For HTML that is one element of a block kind from its
// first tag to its last (white space around it trimmed), whose tags are
// all complete, with every <pre> closed and nothing of raw text
// (<script>, <style>, <textarea> …), comments or foreign content
// (<svg>, <math>) in it, the tokens before it see its block start tag
// either way, the tokens after it start after a block end tag either way,
// and its own tokens read nothing from before its first tag (a start tag
// sets the state without reading it) and never look past its last.
func (r *minState) block(b []byte, open, html, close string) (_ []byte, ok bool) {
	buf, _ := r.blockBufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer r.blockBufs.Put(buf)
	unit := append(append(append((*buf)[:0], open...), html...), close...)
	*buf = unit[:0]
	unit = bytes.Trim(unit, " \t\n\r\f")
	if !isolatedBlock(unit) {
		return b, false
	}
	if out, ok := minBody(b, unit); ok {
		return out, true // goldmark's HTML, written minified here (minbody.go)
	}
	min, err := r.minify(unit) // may write into unit: it is ours
	if err != nil {
		return b, false
	}
	return append(b, min...), true
}

// cached is block for HTML alone that many pages hold, minified
// once for all.
func (r *minState) cached(b []byte, html string) (_ []byte, ok bool) {
	if v, ok := r.blocks.Load(html); ok {
		min, _ := v.([]byte)
		return append(b, min...), min != nil
	}
	min, ok := r.block(nil, "", html, "")
	if !ok {
		min = nil
	}
	r.blocks.Store(html, min)
	return append(b, min...), ok
}

// minState is what a Renderer keeps for the pages it writes minified.
type minState struct {
	minify    func(html []byte) ([]byte, error)
	pages     map[string]func(m *minWriter, v site.View)
	off       bool     // MinifyAll
	blocks    sync.Map // string → []byte (nil: not minified alone)
	blockBufs sync.Pool
}

// blockTags are tags the minifier treats as blocks (tdewolff/minify's
// html table), of which isolatedBlock accepts one as the outer element.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "div": true, "dl": true,
	"fieldset": true, "figure": true, "footer": true, "form": true, "header": true, "main": true,
	"nav": true, "ol": true, "p": true, "section": true, "table": true, "ul": true,
}

// rawTags are the tags whose content the lexer reads as raw text or as
// one token, or that the minifier treats apart.
var rawTags = map[string]bool{
	"iframe": true, "math": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "svg": true, "template": true, "textarea": true, "title": true, "xmp": true,
}

// isolatedBlock reports whether html is one element of a block kind, as
// minState.block needs it: it starts with <TAG and ends with </TAG>, TAG one of
// blockTags; every '<' in it starts a tag (a letter or '/' after it) whose
// '>' comes before the next '<', outside quotes; no tag is one of rawTags;
// and its last <pre> is closed. It is written for the HTML of goldmark
// and of the layouts; anything else it refuses.
func isolatedBlock(html []byte) bool {
	if len(html) < 2 || html[0] != '<' || html[len(html)-1] != '>' {
		return false
	}
	var first, last []byte // tag names as written
	var lower [16]byte     // longer names are in neither set
	inPre := false
	for i := 0; i < len(html); {
		if html[i] != '<' {
			j := bytes.IndexByte(html[i:], '<')
			if j < 0 {
				return false // text after the last tag
			}
			if bytes.IndexByte(html[i:i+j], '>') >= 0 {
				return false // '>' in text: html/template and goldmark escape it
			}
			i += j
			continue
		}
		// A tag: <name attrs> or </name>.
		k := i + 1
		end := k < len(html) && html[k] == '/'
		if end {
			k++
		}
		n := k
		for n < len(html) && isTagByte(html[n]) {
			n++
		}
		if n == k || !isASCIILetter(html[k]) {
			return false // <!--, <?, < followed by text
		}
		name := html[k:n]
		low := lower[:0]
		if len(name) <= len(lower) {
			for _, c := range name {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low = append(low, c)
			}
		}
		// To the '>' that ends the tag, outside quoted attribute values.
		var quote byte
		j := n
		for ; j < len(html); j++ {
			c := html[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if end || html[j-1] != '=' {
					return false // a quote only opens a value
				}
				quote = c
			case c == '<':
				return false
			case c == '>':
				goto closed
			}
		}
		return false
	closed:
		if end && j != n {
			return false // </name > and the like: not what the layouts write
		}
		if rawTags[string(low)] {
			return false
		}
		if string(low) == "pre" {
			inPre = !end
		}
		if first == nil {
			if end || !blockTags[string(low)] {
				return false
			}
			first = name
		}
		last = nil
		if end {
			last = name
		}
		i = j + 1
	}
	return !inPre && last != nil && bytes.EqualFold(last, first)
}

func isTagByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '-'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// keepsAmp reports whether the minifier keeps "&amp;" before c (a
// letter, a digit or '#' could make the '&' start another reference).
func keepsAmp(next byte) bool {
	return isASCIILetter(next) || '0' <= next && next <= '9' || next == '#'
}

// appendMinText appends s as the minifier writes text that html/template
// escaped (appendHTML), when that does not depend on what is around it:
// ok is false for "", for s with white space at either end or ending in
// '&'.
func appendMinText(b []byte, s string) (_ []byte, ok bool) {
	if s == "" || isSpace(s[0]) || isSpace(s[len(s)-1]) || s[len(s)-1] == '&' {
		return b, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isSpace(c):
			b, i = appendSpaceRun(b, s, i)
		case c == 0:
			b = append(b, "\uFFFD"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '&':
			if keepsAmp(s[i+1]) {
				b = append(b, "&amp;"...)
			} else {
				b = append(b, '&')
			}
		default:
			b = append(b, c)
		}
	}
	return b, true
}

// lowerScheme lowers an http: or https: scheme at the start of the URL v
// in place, as the minifier does, and reports false for a data: URL
// (which the minifier rewrites in ways of its own).
func lowerScheme(v []byte) bool {
	if len(v) > 5 {
		switch {
		case equalFold(v[:4], "http") && v[4] == ':':
			lowerInPlace(v[:4])
		case equalFold(v[:4], "http") && (v[4] == 's' || v[4] == 'S') && v[5] == ':':
			lowerInPlace(v[:5])
		case equalFold(v[:5], "data:"):
			return false
		}
	}
	return true
}

// appendSpaceRun appends the run of white space that starts at s[i] as the
// minifier writes it in text: one newline if it holds \n or \r, else one
// space. It returns the index of the run's last byte.
func appendSpaceRun[T string | []byte](b []byte, s T, i int) ([]byte, int) {
	nl := false
	for ; i < len(s) && isSpace(s[i]); i++ {
		nl = nl || s[i] == '\n' || s[i] == '\r'
	}
	if nl {
		return append(b, '\n'), i - 1
	}
	return append(b, ' '), i - 1
}

// appendMinAttr appends s as the minifier writes the whole value of a
// quoted attribute with no traits of its own (white space kept) that
// html/template escaped: ok is false for "" (written as the attribute's
// name alone) and as appendMinAttrEnd says.
func appendMinAttr(b []byte, s string) (_ []byte, ok bool) {
	if s == "" {
		return b, false
	}
	return appendMinAttrEnd(b, s)
}

// appendMinAttrEnd is appendMinAttr for s at the end of a value with
// other text before it: ok is false for s ending in '&' and for s with
// '"' in it (the minifier may choose the other quotes then).
func appendMinAttrEnd(b []byte, s string) (_ []byte, ok bool) {
	if s != "" && s[len(s)-1] == '&' {
		return b, false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b, false
		case 0:
			b = append(b, "\uFFFD"...)
		case '&':
			if keepsAmp(s[i+1]) {
				b = append(b, "&amp;"...)
			} else {
				b = append(b, '&')
			}
		default:
			b = append(b, c)
		}
	}
	return b, true
}

// appendMinURL appends s as the minifier writes the whole value of an
// href that html/template escaped (appendURL): the references of '&' and
// '+' replaced ("&amp;" kept before a letter, a digit or '#'), and a
// scheme http or https lowered. ok is false for a data: URL (which the
// minifier rewrites) and for an empty one (written as the name alone).
func appendMinURL(b []byte, s string, trusted bool) (_ []byte, ok bool) {
	if !trusted && !safeURL(s) {
		s = "#ZgotmplZ"
	}
	start := len(b)
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			if i+1 < len(s) && keepsAmp(s[i+1]) {
				b = append(b, "&amp;"...)
			} else {
				b = append(b, '&')
			}
		case c == '+':
			b = append(b, '+')
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			bytesIndex("!#$*,/:;=?@[]-._~", c),
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	v := b[start:]
	if len(v) == 0 {
		return b, false // href="" is written href
	}
	if !lowerScheme(v) {
		return b[:start], false
	}
	return b, true
}

func bytesIndex(set string, c byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

func lowerInPlace(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}
