// Package markdown converts the Markdown bodies of catalogue files to HTML.
//
// Bodies are CommonMark with tables and autolinks, converted by goldmark, with
// the rules of the content format enforced on the syntax tree before
// rendering, each violation reported at its line in the file:
//
//   - Raw HTML is an error and never reaches the output (HTML comments are
//     dropped silently: they are editors' notes, not content).
//   - Links, images and autolinks must use http, https, mailto or tel, or be
//     relative. goldmark's own check is a deny-list; this is an allow-list,
//     applied after the normalisation browsers do (case, whitespace and
//     control characters, entities, percent-encoding), so "JaVaScRiPt:",
//     " javascript:", "java\tscript:" and "&#106;avascript:" are all caught.
//     A rejected link is rendered as its text only. An address without its
//     scheme ("www.example.se") is an error, not a relative link; bare
//     www. text is autolinked with https.
//   - With ForSite, relative links are resolved against the built site
//     (see Site): a link to a .md file becomes a link to its page, and one
//     that leads nowhere is an error.
//   - Heading ids keep å/ä/ö readable ("Målgrupp" → "malgrupp"); goldmark's
//     default drops non-ASCII letters ("mlgrupp").
//   - A level-1 heading is reported and rendered as level 2: the page's one
//     h1 is the activity's name.
//
// Bodies arrive padded so that line N of the body is line N of the file; a
// node's byte offset therefore maps to a file line by counting newlines.
package markdown

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter converts catalogue bodies. It is safe for concurrent use.
type Converter struct {
	md   goldmark.Markdown
	site *Site // nil: relative links are not resolved
}

// New returns the converter for catalogue bodies: CommonMark, tables,
// autolinks, no raw HTML. Relative links are passed through unchecked; use
// ForSite to resolve them.
func New() *Converter {
	return &Converter{md: goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:", "mailto:"})),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// ForSite returns the converter that resolves relative links against the
// built site s (see Site): links to .md files become links to their pages,
// and a link or image that leads nowhere is an error.
func ForSite(s *Site) *Converter {
	c := New()
	c.site = s
	return c
}

// Convert renders body to HTML and reports problems at their file lines.
// file is used only in diagnostics.
func (c *Converter) Convert(file string, body []byte) (template.HTML, diag.List) {
	var diags diag.List
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	w := walker{file: file, src: body, lines: lineStarts(body), diags: &diags, site: c.site}
	w.walk(doc)
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, body, doc); err != nil {
		// Rendering into a bytes.Buffer cannot fail; report it rather than panic.
		diags.AddError(diag.Pos{File: file}, "", msg.BodyRender, err)
	}
	return template.HTML(buf.String()), diags
}

type walker struct {
	file  string
	src   []byte
	lines []int // byte offset at which each line starts
	diags *diag.List
	site  *Site
}

// walk checks n's subtree, removing or rewriting nodes that may not be published.
func (w *walker) walk(n ast.Node) {
	for child := n.FirstChild(); child != nil; {
		next := child.NextSibling()
		switch node := child.(type) {
		case *ast.HTMLBlock:
			w.rawHTML(node, blockText(node, w.src))
			n.RemoveChild(n, node)
		case *ast.RawHTML:
			w.rawHTML(node, segmentsText(node.Segments, w.src))
			n.RemoveChild(n, node)
		case *ast.Link:
			dest, ok := w.link(node, string(node.Destination))
			if !ok {
				unwrap(n, node)
				break
			}
			node.Destination = []byte(dest)
		case *ast.Image:
			dest, ok := w.link(node, string(node.Destination))
			if !ok {
				n.RemoveChild(n, node)
				break
			}
			node.Destination = []byte(dest)
			node.SetAttributeString("loading", []byte("lazy"))
		case *ast.AutoLink:
			if string(node.Protocol) == "http" {
				// Linkify gives "www.example.se" http://; https is the
				// safer guess, and sites that answer only http are rare.
				node.Protocol = []byte("https")
			}
			if !w.allowed(node, string(node.URL(w.src))) {
				label := ast.NewString(node.Label(w.src))
				n.ReplaceChild(n, node, label)
			}
		case *ast.Heading:
			if node.Level == 1 {
				w.diags.AddWarning(w.pos(node), "", msg.BodyH1)
				node.Level = 2
			}
		}
		if child.Parent() == n && child.HasChildren() {
			w.walk(child)
		}
		child = next
	}
}

func (w *walker) rawHTML(n ast.Node, raw string) {
	if strings.HasPrefix(strings.TrimSpace(raw), "<!--") {
		return // a comment: an editor's note, dropped without a word
	}
	if isBR(raw) {
		w.diags.AddError(w.pos(n), "", msg.BodyBR)
		return
	}
	snippet := strings.Join(strings.Fields(raw), " ")
	if utf8.RuneCountInString(snippet) > 30 {
		snippet = string([]rune(snippet)[:30]) + "…"
	}
	w.diags.AddError(w.pos(n), "", msg.BodyRawHTML, snippet)
}

// link checks the destination of a link or image and returns the one to
// render: relative ones resolved against the site (see resolve).
func (w *walker) link(n ast.Node, dest string) (string, bool) {
	if !w.allowed(n, dest) {
		return "", false
	}
	if w.site == nil {
		return dest, true
	}
	out, problem := w.site.resolve(w.file, dest)
	if !problem.IsZero() {
		w.diags.AddError(w.pos(n), "", problem.ID, problem.Args...)
		return "", false
	}
	return out, true
}

func (w *walker) allowed(n ast.Node, dest string) bool {
	// The destination is kept as written; goldmark resolves backslash
	// escapes when it renders, so "A\:" becomes the scheme "A:". Check the
	// rendered form too.
	reason := CheckURL(dest)
	if reason.IsZero() {
		reason = CheckURL(string(util.UnescapePunctuations([]byte(dest))))
	}
	if !reason.IsZero() {
		w.diags.AddError(w.pos(n), "", msg.LinkNotAllowed, shorten(dest), reason)
		return false
	}
	return true
}

// shorten cuts a long address for a message.
func shorten(dest string) string {
	if utf8.RuneCountInString(dest) > 60 {
		return string([]rune(dest)[:60]) + "…"
	}
	return dest
}

// unwrap replaces node by its children in parent.
func unwrap(parent, node ast.Node) {
	for c := node.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, node, c)
		c = next
	}
	parent.RemoveChild(parent, node)
}

// pos returns the file position of n, from its own offset or its block's.
func (w *walker) pos(n ast.Node) diag.Pos {
	offset := -1
	for m := n; m != nil && offset < 0; m = m.Parent() {
		if p := m.Pos(); p >= 0 {
			offset = p
		} else if m.Type() == ast.TypeBlock && m.Lines().Len() > 0 {
			offset = m.Lines().At(0).Start
		}
	}
	if offset < 0 {
		return diag.Pos{File: w.file}
	}
	line := sort.Search(len(w.lines), func(i int) bool { return w.lines[i] > offset })
	return diag.Pos{File: w.file, Line: line}
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func blockText(n ast.Node, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

func segmentsText(segs *text.Segments, src []byte) string {
	var b strings.Builder
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// allowedSchemes are the only URL schemes the content format permits.
var allowedSchemes = []string{"http", "https", "mailto", "tel"}

// CheckURL returns an empty message when u may be published as a link target, and otherwise
// why not. Relative references are allowed; absolute ones need an allowed
// scheme. The check works on the URL as a browser would read it.
func CheckURL(u string) msg.Message {
	// goldmark keeps entities in destinations and decodes them when
	// rendering, so decode them here too ("&#106;avascript:").
	s := html.UnescapeString(u)
	// A browser would drop control characters at the ends, and tabs and
	// newlines anywhere, but the renderer escapes them (\x03 becomes %03),
	// and then they are part of the address: "http://0\x03" would link to
	// the host "0%03". So they are an error wherever they are.
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return msg.New(msg.LinkControlChar)
	}
	s = strings.Trim(s, " ")
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, `\\`) || strings.HasPrefix(s, `/\`) {
		return msg.New(msg.LinkNoScheme)
	}
	candidates := []string{s}
	if dec, err := url.PathUnescape(s); err == nil && dec != s {
		candidates = append(candidates, normalizeURL(dec))
	}
	for _, c := range candidates {
		scheme, ok := schemeOf(c)
		if !ok {
			if host := wwwHost(c); host != "" {
				// Without a scheme it is a relative link to a file
				// called "www.example.se": never what was meant.
				return msg.New(msg.LinkWWW, c)
			}
			continue
		}
		if !slices.Contains(allowedSchemes, scheme) {
			return msg.New(msg.LinkBadScheme, scheme)
		}
		if (scheme == "http" || scheme == "https") && c == s {
			// A host with quotes, percent signs and the like is not a
			// host; the renderer's escaping would turn it into another one.
			if p, err := url.Parse(c); err != nil || p.Host == "" || strings.ContainsAny(p.Host, "\"'<>`{}|\\^% ") {
				return msg.New(msg.LinkNoHost)
			} else if reason := MixedScripts(p.Hostname()); !reason.IsZero() {
				return reason
			}
		}
	}
	return msg.Message{}
}

// CheckWebURL is CheckURL for a field that must be a web address (webb,
// baseurl): the same rule and messages as links in the body, and then
// http or https only.
func CheckWebURL(u string) msg.Message {
	if reason := CheckURL(u); !reason.IsZero() {
		if reason.ID == msg.LinkBadScheme {
			return msg.New(msg.LinkNotWeb)
		}
		return reason
	}
	s := strings.TrimSpace(html.UnescapeString(u))
	if i := strings.IndexAny(s, " \"<>`"); i >= 0 {
		// In the body these end the link; in a field they would be kept,
		// and escaped into another address.
		return msg.New(msg.LinkBadChar, s[i:i+1])
	}
	p, err := url.Parse(s)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") {
		return msg.New(msg.LinkNotWeb)
	}
	if p.User != nil {
		// "https://bank.se@evil.example/" shows one host and goes to another.
		return msg.New(msg.LinkNoHost)
	}
	return msg.Message{}
}

// wwwHost returns the host name a scheme-less address starts with when it
// is plainly one ("www.example.se/x" → "www.example.se"), else "".
func wwwHost(u string) string {
	first, _, _ := strings.Cut(u, "/")
	first, _, _ = strings.Cut(first, "?")
	first, _, _ = strings.Cut(first, "#")
	if len(first) > 4 && strings.EqualFold(first[:4], "www.") && strings.Contains(first[4:], ".") {
		return first
	}
	return ""
}

// normalizeURL reads a URL the most lenient way a browser or server might:
// without spaces and control characters at the ends, and without any
// control character inside. The check applies it to a percent-decoded
// reading, in case something decodes the address before using it.
func normalizeURL(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f })
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u)
}

// schemeOf returns the lower-cased scheme of u, if u has one.
func schemeOf(u string) (string, bool) {
	i := strings.IndexAny(u, ":/?#")
	if i <= 0 || u[i] != ':' {
		return "", false
	}
	scheme := strings.ToLower(u[:i])
	for j, r := range scheme {
		if !(r >= 'a' && r <= 'z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			// Not a scheme by the URL standard: browsers treat it as a path.
			return "", false
		}
	}
	return scheme, true
}

// headingIDs gives headings readable ids with å/ä/ö folded, unique per body.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs {
	// Ids the layouts use themselves are taken from the start.
	return &headingIDs{used: map[string]bool{"innehall": true, "sok": true}}
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := catalog.Slugify(string(value))
	if base == "" {
		base = "avsnitt"
	}
	id := base
	for i := 2; h.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// PlainText returns the start of body's paragraphs as plain text, whitespace
// collapsed and cut at a word boundary to at most max runes (with "…"). It is
// meant for meta descriptions and feed summaries.
func PlainText(body []byte, max int) string {
	doc := goldmark.New().Parser().Parse(text.NewReader(body))
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || b.Len() > 4*max {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Heading, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(t.Segment.Value(body))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.Paragraph:
			b.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	s := strings.Join(strings.Fields(b.String()), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
