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
//   - Shapes whose cost in goldmark grows faster than the text have limits
//     (limits.go): table width and cells, headings, nesting of quotes and
//     lists, and links in long paragraphs. Nesting and links are measured
//     before parsing, and a body past them is not parsed at all.
//
// Bodies arrive padded so that line N of the body is line N of the file; a
// node's byte offset therefore maps to a file line by counting newlines.
package markdown

import (
	"bytes"
	"html"
	"html/template"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter converts catalogue bodies. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// unlinked is md without bare links made (Linkify), for the bodies
	// that have none (see mayLinkify).
	unlinked goldmark.Markdown
	site     *Site // nil: relative links are not resolved
}

// New returns the converter for catalogue bodies: CommonMark, tables,
// autolinks, no raw HTML. Relative links are passed through unchecked; use
// ForSite to resolve them.
func New() *Converter {
	insets := newInsetRenderer()
	md := func(linkify bool) goldmark.Markdown {
		ext := []goldmark.Extender{extension.Table}
		if linkify {
			ext = append(ext, extension.NewLinkify(extension.WithLinkifyAllowedProtocols(linkifyProtocols)))
		}
		return goldmark.New(
			goldmark.WithExtensions(ext...),
			goldmark.WithParserOptions(
				parser.WithAutoHeadingID(),
				parser.WithParagraphTransformers(util.Prioritized(tableLimits{}, 150)),
			),
			goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(insets, insetRendererPriority))),
		)
	}
	return &Converter{md: md(true), unlinked: md(false)}
}

// linkifyProtocols are the schemes of the bare links made links.
var linkifyProtocols = []string{"http:", "https:", "mailto:"}

// ForSite returns the converter that resolves relative links against the
// built site s (see Site): links to .md files become links to their pages,
// and a link or image that leads nowhere is an error.
func ForSite(s *Site) *Converter {
	c := New()
	c.site = s
	return c
}

// Body is a converted body: its HTML, and its words as plain text, made
// from the same parse so that what a page shows, its description and what
// search finds always agree.
type Body struct {
	HTML template.HTML
	// Summary is the running text: paragraphs and list items, without
	// headings, tables and code (for a page's description, a feed entry).
	Summary string
	// Text is every word a reader sees, table cells included (for search),
	// at most MaxText characters.
	Text string
	// Booklet is the HTML as it stands inside a larger page (the printable
	// catalogue), when Convert was given an Inset: by the first. It is
	// kept as the pieces it is spliced from HTML (see Spliced).
	Booklet Spliced
	// MoreBooklets is the HTML as each further Inset Convert was given
	// says, in their order (a body printed in booklets at two depths).
	MoreBooklets []Spliced
}

// Inset says how a body is fitted into a page that holds many: headings
// move down Levels (an activity's h2 becomes h4 under its h3), ids get
// IDPrefix so that they stay unique on the one page, and relative links
// and images written for the page at From are rebased to the page at To
// (both site-relative folder URLs, "" for the front page).
type Inset struct {
	Levels   int
	IDPrefix string
	From, To string
}

// MaxText is how much of a body's text Body.Text keeps; search indexes no
// more of one description.
const MaxText = 20000

// Convert parses body once and renders it to HTML and plain text, and
// reports problems at their file lines. file is used only in diagnostics.
// With an inset, it also renders the body as it stands inside a larger
// page (Body.Booklet), from the same tree; with more, once for each
// (Body.MoreBooklets).
func (c *Converter) Convert(file string, body []byte, inset ...Inset) (Body, diag.List) {
	return c.convert(file, body, inset, true)
}

// convert is Convert; with spliced false, it renders each booklet version
// from the tree fitted for it (fitInto), as Convert did before it spliced
// them from the page's render, for the tests to compare.
func (c *Converter) convert(file string, body []byte, inset []Inset, spliced bool) (Body, diag.List) {
	var diags diag.List
	if !scanLimits(file, body, &diags) {
		return Body{}, diags // nothing is published, and parsing would cost too much
	}
	parse := func(md goldmark.Markdown) (ast.Node, *limitReport) {
		pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
		report := &limitReport{}
		pc.Set(limitReportKey, report)
		return md.Parser().Parse(text.NewReader(body), parser.WithContext(pc)), report
	}
	// Linkify looks for a bare link at every space of the text, and most
	// bodies have none: parsed without it first, a body is parsed again
	// with it only when its text might hold one.
	md := c.unlinked
	if spacedLineEnd(body) {
		md = c.md
	}
	doc, report := parse(md)
	if md == c.unlinked && mayLinkify(doc, body) {
		doc, report = parse(c.md)
	}
	w := walker{file: file, src: body, diags: &diags, site: c.site, sug: diag.NewSuggester(diag.SuggestBudget)}
	for _, t := range report.tables {
		if t.columns > MaxTableColumns {
			diags.AddError(w.posAt(t.pos), "", msg.BodyTableWide, t.columns, MaxTableColumns)
		} else {
			diags.AddError(w.posAt(t.pos), "", msg.BodyTableBig, t.columns*t.rows, t.columns, t.rows, MaxTableCells)
		}
	}
	w.walk(doc)
	// goldmark writes into one buffer taken from a pool, without a
	// bufio.Writer between; each HTML is copied out of it at its exact
	// size, as the build keeps every body's HTML until its pages are
	// written (a strings.Builder, grown by doubling, would keep a quarter
	// more on average).
	sw := renderBufs.Get().(*spanWriter)
	defer releaseRenderBuf(sw)
	render := func(insets []Inset) string {
		sw.reset(insets)
		if err := c.md.Renderer().Render(sw, body, doc); err != nil {
			// Rendering into memory cannot fail; report it rather than panic.
			diags.AddError(diag.Pos{File: file}, "", msg.BodyRender, err)
		}
		return string(sw.buf)
	}
	if !spliced {
		out := Body{HTML: template.HTML(render(nil))}
		out.Summary, out.Text = plainText(doc, body)
		if len(inset) > 0 {
			var was *fitted // what the first inset changed, when another follows
			if len(inset) > 1 {
				was = &fitted{}
			}
			fitInto(doc, inset[0], was)
			out.Booklet = Spliced{page: render(nil)}
			for _, in := range inset[1:] {
				was.to(in)
				out.MoreBooklets = append(out.MoreBooklets, Spliced{page: render(nil)})
			}
		}
		return out, diags
	}
	// The booklet versions are the page's with its headings, links and
	// images as each inset fits them (see splice.go).
	page := render(inset)
	out := Body{HTML: template.HTML(page)}
	out.Summary, out.Text = plainText(doc, body)
	if len(inset) > 0 {
		out.Booklet = sw.spliced(0, page)
		for i := range inset[1:] {
			out.MoreBooklets = append(out.MoreBooklets, sw.spliced(i+1, page))
		}
	}
	return out, diags
}

// mayLinkify reports whether doc, body parsed without Linkify, might
// parse otherwise with it: whether any of its texts holds '@' or the start
// of a bare link ("www.", or a scheme of linkifyProtocols). When none
// does, the two parses write the same HTML and the same plain text (they
// may split a text in two where it is written whole).
//
// Linkify is called where a text has a space, '*', '_', '~' or '(' or a
// line begins, and makes a link only of what follows it there: "www.", a
// scheme of linkifyProtocols, or an address: an '@' after at most 64
// letters, digits and !#$%&'*+-./=?^_`{|}~. Until it first does, the two
// parsers read the same nodes. At that place, the parser without it reads
// the letters of "www." or of the scheme as text, no inline parser
// starting at a letter, ':' or '.'; and it reads the '@' as text too, or
// as code (a code span that opens among those characters holds it): of
// those characters only '*', '_' and '`' start anything, and only code
// can run past the '@'. Code, links and emphasis keep their words in Text
// nodes, so looking at every Text finds it.
func mayLinkify(doc ast.Node, src []byte) bool {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if t, ok := n.(*ast.Text); ok {
			v := t.Segment.Value(src)
			if bytes.IndexByte(v, '@') >= 0 || bytes.Contains(v, []byte("www.")) || bytes.Contains(v, []byte("mailto:")) ||
				bytes.Contains(v, []byte("http:")) || bytes.Contains(v, []byte("https:")) {
				return true
			}
		}
		if n.HasChildren() && mayLinkify(n, src) {
			return true
		}
	}
	return false
}

// spacedLineEnd reports whether a line of body ends in two or more white
// space characters besides the two spaces of a hard line break. goldmark
// trims the white space that ends a line's text, but Linkify, called at
// every space, has the text split there, and only the piece after the
// last space is trimmed: "a \t" ending a line is written "a " with
// Linkify and "a" without. Such bodies are parsed with it from the start.
func spacedLineEnd(body []byte) bool {
	for len(body) > 0 {
		line, rest, newline := bytes.Cut(body, []byte{'\n'})
		body = rest
		end := len(line)
		if newline { // goldmark takes a hard line break's two spaces off first
			switch {
			case bytes.HasSuffix(line, []byte("  ")):
				end -= 2
			case bytes.HasSuffix(line, []byte("  \r")):
				end -= 3
			}
		}
		spaces := 0
		for spaces < end && util.IsSpace(line[end-1-spaces]) {
			spaces++
		}
		if spaces >= 2 {
			return true
		}
	}
	return false
}

// renderBufs holds the spanWriters Convert renders into between calls.
var renderBufs = sync.Pool{New: func() any { return &spanWriter{} }}

// keepRenderBuf is the largest buffer put back in the pool: one body
// larger than that should not hold its memory for the rest of the build.
const keepRenderBuf = 1 << 20

func releaseRenderBuf(w *spanWriter) {
	if cap(w.buf) > keepRenderBuf || cap(w.alt) > keepRenderBuf {
		return
	}
	w.insets = nil
	renderBufs.Put(w)
}

// fitInto changes the checked tree doc as in says: heading levels, ids,
// and the targets of relative links and images. With was, it records
// there what it changed, with what each was, so that the tree can be
// fitted into another page after.
func fitInto(doc ast.Node, in Inset, was *fitted) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Heading:
			var id []byte
			if v, ok := t.AttributeString("id"); ok {
				id, _ = v.([]byte)
			}
			if was != nil {
				was.headings = append(was.headings, fittedHeading{t, t.Level, id})
			}
			fitHeading(t, t.Level, id, in)
		case *ast.Link:
			if was != nil {
				was.targets = append(was.targets, fittedTarget{&t.Destination, t.Destination})
			}
			t.Destination = []byte(rebase(string(t.Destination), in))
		case *ast.Image:
			if was != nil {
				was.targets = append(was.targets, fittedTarget{&t.Destination, t.Destination})
			}
			t.Destination = []byte(rebase(string(t.Destination), in))
		}
		return ast.WalkContinue, nil
	})
}

// fitHeading gives h, whose level and id (nil: none) were these before
// any inset, its level and id in the page in says.
func fitHeading(h *ast.Heading, level int, id []byte, in Inset) {
	h.Level = min(level+in.Levels, 6)
	if id != nil {
		h.SetAttributeString("id", []byte(in.IDPrefix+"-"+string(id)))
	}
}

// fitted is what fitInto changed in a tree, with what each was.
type fitted struct {
	headings []fittedHeading
	targets  []fittedTarget
}

type fittedHeading struct {
	h     *ast.Heading
	level int
	id    []byte // nil: none
}

type fittedTarget struct {
	dest *[]byte // a link's or an image's Destination
	was  []byte  // replaced, never changed in place
}

// to fits the tree again, as in says, from what it was before any inset.
func (f *fitted) to(in Inset) {
	for _, fh := range f.headings {
		fitHeading(fh.h, fh.level, fh.id, in)
	}
	for _, ft := range f.targets {
		*ft.dest = []byte(rebase(string(ft.was), in))
	}
}

// rebase rewrites a relative link written on the page at in.From so that it
// works from the page at in.To; fragments point at the prefixed ids.
func rebase(href string, in Inset) string {
	switch {
	case strings.HasPrefix(href, "#"):
		return "#" + in.IDPrefix + "-" + href[1:]
	case href == "" || strings.HasPrefix(href, "/") || strings.Contains(strings.SplitN(href, "/", 2)[0], ":"):
		return href // absolute, or with a scheme
	}
	target := path.Join(path.Dir(in.From+"x"), href)
	if strings.HasSuffix(href, "/") {
		target += "/"
	}
	up := strings.Repeat("../", strings.Count(in.To, "/"))
	return up + strings.TrimPrefix(target, "./")
}

// plainText returns the words of doc, as checked and rewritten by the
// walker: the running text (no headings, tables, code or HTML) and all of
// it (table cells too), each with its white space collapsed.
func plainText(doc ast.Node, src []byte) (summary, all string) {
	// Most bodies have no table, and then the running text is all of it:
	// run is made only once a table has text, from what every had so far.
	var every, run []byte
	every = make([]byte, 0, min(len(src), 4*MaxText))
	tables := false // whether run is kept apart from every
	inTable := 0
	write := func(b []byte) {
		if inTable > 0 && !tables {
			run, tables = slices.Clone(every), true
		}
		if len(every) < 4*MaxText {
			every = append(every, b...)
		}
		if tables && inTable == 0 && len(run) < 4*MaxText {
			run = append(run, b...)
		}
	}
	space := []byte{' '}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch t := n.(type) {
		case *ast.Heading, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.RawHTML:
			if entering {
				write(space)
			}
			return ast.WalkSkipChildren, nil
		case *east.Table:
			if entering {
				inTable++
			} else {
				inTable--
			}
		case *east.TableCell, *ast.Paragraph, *ast.TextBlock, *ast.ListItem:
			write(space)
		case *ast.Text:
			if entering {
				write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					write(space)
				}
			}
		case *ast.String:
			if entering {
				write(t.Value)
			}
		case *ast.AutoLink:
			if entering {
				write(t.Label(src))
			}
		}
		return ast.WalkContinue, nil
	})
	all = collapseSpace(every)
	if tables {
		summary = collapseSpace(run)
	} else {
		summary = all
	}
	if utf8.RuneCountInString(all) > MaxText {
		all = string([]rune(all)[:MaxText])
	}
	return summary, all
}

// collapseSpace returns the words of b (as strings.Fields splits them)
// joined by single spaces, without making the slice of words: the text of
// a body is most of what the build splits. It collapses b in place (b is
// the caller's scratch, changed), and returns a string of exactly the
// words' size: the build keeps every body's text until the search index
// is made, and a buffer of b's size would keep a quarter more.
func collapseSpace(b []byte) string {
	n := 0           // b[:n] is the text so far; never ahead of i
	pending := false // a space is due before the next word
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf && !asciiSpace[c] {
			// A run of ASCII that is not space, as most words are, is
			// copied at once.
			j := i + 1
			for j < len(b) && b[j] < utf8.RuneSelf && !asciiSpace[b[j]] {
				j++
			}
			if pending { // a space was skipped: n < i
				b[n] = ' '
				n++
				pending = false
			}
			n += copy(b[n:], b[i:j])
			i = j
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r < utf8.RuneSelf || unicode.IsSpace(r) {
			pending = n > 0
		} else {
			if pending {
				b[n] = ' '
				n++
				pending = false
			}
			n += copy(b[n:], b[i:i+w])
		}
		i += w
	}
	return string(b[:n])
}

// asciiSpace are the ASCII bytes unicode.IsSpace (and strings.Fields) take
// for space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

type walker struct {
	file  string
	src   []byte
	lines []int // byte offset at which each line starts, once a position is asked for
	diags *diag.List
	site  *Site

	headings int
	sug      *diag.Suggester // the body's "did you mean" hints, within diag.SuggestBudget
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
			if w.headings++; w.headings == MaxHeadings+1 {
				w.diags.AddError(w.pos(node), "", msg.BodyHeadings, countHeadings(n.OwnerDocument()), MaxHeadings)
			}
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
	out, problem := w.site.resolve(w.file, dest, w.sug)
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
	return w.posAt(offset)
}

// posAt returns the file position of the byte at offset.
func (w *walker) posAt(offset int) diag.Pos {
	if w.lines == nil {
		// Most bodies have nothing to report: count their lines only
		// for one that has.
		w.lines = lineStarts(w.src)
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
			// A host with quotes, percent signs, brackets and the like is
			// not a host; the renderer's escaping would turn it into
			// another one ("http://]" links to the host "%5D").
			if p, err := url.Parse(c); err != nil || p.Host == "" || strings.ContainsAny(p.Host, "\"'<>`{}|\\^%[] ") {
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
	// next holds, per base id, the number to try first for its next
	// duplicate, so that n equal headings cost n steps, not n².
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	// Ids the layouts use themselves are taken from the start.
	return &headingIDs{used: map[string]bool{"innehall": true, "sok": true}, next: map[string]int{}}
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := catalog.Slugify(string(value))
	if base == "" {
		base = "avsnitt"
	}
	id := base
	if h.used[id] {
		i := max(h.next[base], 2)
		for h.used[base+"-"+strconv.Itoa(i)] {
			i++
		}
		id = base + "-" + strconv.Itoa(i)
		h.next[base] = i + 1
	}
	h.used[id] = true
	return []byte(id)
}

// countHeadings returns the number of headings in doc.
func countHeadings(doc ast.Node) int {
	n := 0
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := node.(*ast.Heading); ok && entering {
			n++
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return n
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
