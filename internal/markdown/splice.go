package markdown

import (
	"bytes"
	"html/template"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A body's booklet versions differ from its page's only where fitInto
// changes the tree: a heading's level and id, a link's or an image's
// target. So Convert renders the tree once, for the page, and where it
// writes one of those nodes it writes it also as each inset fits it, aside
// (spanWriter.record); each booklet version is then the page's HTML with
// those pieces replaced (spanWriter.spliced, Spliced.HTML). A node's HTML depends on the
// node alone (its children are written apart, between its opening and its
// closing), so this writes what rendering the fitted tree writes, one
// render per body instead of one per version. One node changes as it is
// written: an aligned table cell (see renderCell). TestSplicedAsRefitted and
// FuzzSplicedAsRefitted compare the two.

// insetRenderer writes headings, links and images as goldmark's HTML
// renderer does, and, into a spanWriter that has insets, records each as
// the insets fit it.
type insetRenderer struct {
	heading, link, image, cell renderer.NodeRendererFunc
}

// newInsetRenderer returns the insetRenderer over goldmark's HTML renderer
// with its default options, as goldmark.New has it.
func newInsetRenderer() *insetRenderer {
	var funcs capturedFuncs
	html.NewRenderer().RegisterFuncs(&funcs)
	extension.NewTableHTMLRenderer().RegisterFuncs(&funcs)
	return &insetRenderer{heading: funcs[ast.KindHeading], link: funcs[ast.KindLink], image: funcs[ast.KindImage],
		cell: funcs[east.KindTableCell]}
}

// capturedFuncs takes the functions a NodeRenderer registers.
type capturedFuncs map[ast.NodeKind]renderer.NodeRendererFunc

func (c *capturedFuncs) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) {
	if *c == nil {
		*c = capturedFuncs{}
	}
	(*c)[kind] = f
}

// insetRendererPriority puts insetRenderer's functions before the HTML
// renderer's (1000): the lowest priority registers last, and wins.
const insetRendererPriority = 100

func (r *insetRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(east.KindTableCell, r.renderCell)
}

func (r *insetRenderer) renderHeading(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	sw, ok := w.(*spanWriter)
	if !ok || len(sw.insets) == 0 {
		return r.heading(w, src, n, entering)
	}
	h := n.(*ast.Heading)
	level := h.Level
	start := len(sw.buf)
	status, err := r.heading(w, src, n, entering)
	end := len(sw.buf)
	if entering {
		was, _ := h.AttributeString("id")
		id := headingID(h)
		for _, in := range sw.insets {
			fitHeading(h, level, id, in)
			_, _ = r.heading(w, src, n, entering)
			sw.aside(end)
		}
		if id != nil { // the id as it was, not boxed again
			h.SetAttributeString("id", was)
		}
	} else {
		for _, in := range sw.insets { // the end tag has only the level
			h.Level = min(level+in.Levels, 6)
			_, _ = r.heading(w, src, n, entering)
			sw.aside(end)
		}
	}
	h.Level = level
	sw.span(start, end)
	return status, err
}

func (r *insetRenderer) renderLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	sw, ok := w.(*spanWriter)
	if !ok || len(sw.insets) == 0 || !entering { // a link's end tag is the same in every version
		return r.link(w, src, n, entering)
	}
	return sw.target(r.link, src, n, &n.(*ast.Link).Destination)
}

func (r *insetRenderer) renderImage(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	sw, ok := w.(*spanWriter)
	if !ok || len(sw.insets) == 0 || !entering { // an image is written whole on entering
		return r.image(w, src, n, entering)
	}
	return sw.target(r.image, src, n, &n.(*ast.Image).Destination)
}

// renderCell writes a table cell's start tag once for each version. An
// aligned cell's style is not the same in each: goldmark appends the
// alignment to the cell's style attribute every time it writes the tag,
// so the first booklet version, rendered second, had it twice, and the
// next three times; the booklets' bytes stay what they were.
func (r *insetRenderer) renderCell(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	sw, ok := w.(*spanWriter)
	if !ok || len(sw.insets) == 0 || !entering || n.(*east.TableCell).Alignment == east.AlignNone {
		return r.cell(w, src, n, entering)
	}
	start := len(sw.buf)
	status, err := r.cell(w, src, n, entering)
	end := len(sw.buf)
	for range sw.insets {
		_, _ = r.cell(w, src, n, entering)
		sw.aside(end)
	}
	sw.span(start, end)
	return status, err
}

// headingID returns h's id as fitInto reads it: nil when it has none.
func headingID(h *ast.Heading) []byte {
	var id []byte
	if v, ok := h.AttributeString("id"); ok {
		id, _ = v.([]byte)
	}
	return id
}

// spanWriter is the util.BufWriter Convert renders into: goldmark writes
// through it without another buffer between. With insets, insetRenderer
// records in it the pieces of the page's HTML that the booklet versions
// write otherwise, and those versions' pieces.
type spanWriter struct {
	buf    []byte
	insets []Inset
	// spans are the pieces of buf to replace, in their order.
	spans []span
	// alt holds every span's replacements, one per inset in their order,
	// the i-th of them alt[altAt[i]:altAt[i+1]].
	alt   []byte
	altAt []int
}

// span is a piece buf[start:end] of the page's HTML; its replacement for
// the i-th inset is the altAt index alt+i.
type span struct{ start, end, alt int }

// reset empties w for a render with insets (none: nothing recorded).
func (w *spanWriter) reset(insets []Inset) {
	w.buf, w.insets = w.buf[:0], insets
	w.spans, w.alt, w.altAt = w.spans[:0], w.alt[:0], w.altAt[:0]
}

// aside moves what was written to buf after end to alt, as the next
// replacement.
func (w *spanWriter) aside(end int) {
	w.altAt = append(w.altAt, len(w.alt))
	w.alt = append(w.alt, w.buf[end:]...)
	w.buf = w.buf[:end]
}

// span records buf[start:end] as replaced by the last len(w.insets)
// pieces put aside, unless each of them is the same as it.
func (w *spanWriter) span(start, end int) {
	first := len(w.altAt) - len(w.insets)
	w.altAt = append(w.altAt, len(w.alt))
	for i := range w.insets {
		if !bytes.Equal(w.alt[w.altAt[first+i]:w.altAt[first+i+1]], w.buf[start:end]) {
			w.spans = append(w.spans, span{start, end, first})
			return
		}
	}
	// The same in every version (an absolute link): nothing to replace.
	w.alt = w.alt[:w.altAt[first]]
	w.altAt = w.altAt[:first]
}

// target writes the link or image n, entering, with render, and records
// it as each inset rebases its target dest.
func (w *spanWriter) target(render renderer.NodeRendererFunc, src []byte, n ast.Node, dest *[]byte) (ast.WalkStatus, error) {
	was := *dest
	start := len(w.buf)
	status, err := render(w, src, n, true)
	end := len(w.buf)
	for _, in := range w.insets {
		*dest = []byte(rebase(string(was), in))
		_, _ = render(w, src, n, true)
		w.aside(end)
	}
	*dest = was
	w.span(start, end)
	return status, err
}

// spliced returns the i-th inset's version of page, the string of buf:
// its spans and their replacements, for Spliced.HTML to splice.
func (w *spanWriter) spliced(i int, page string) Spliced {
	piece := func(s span) []byte { return w.alt[w.altAt[s.alt+i]:w.altAt[s.alt+i+1]] }
	if len(w.spans) == 0 {
		return Spliced{page: page}
	}
	size := 0
	for _, s := range w.spans {
		size += len(piece(s))
	}
	if len(w.buf)+size > math.MaxInt32 { // far beyond what a file may hold: spliced whole
		return Spliced{page: string(w.spliceWhole(piece))}
	}
	alt := make([]byte, 0, size)
	cuts := make([]cut, len(w.spans))
	for k, s := range w.spans {
		alt = append(alt, piece(s)...)
		cuts[k] = cut{int32(s.start), int32(s.end), int32(len(alt))}
	}
	return Spliced{page: page, cuts: cuts, alt: string(alt)}
}

// spliceWhole returns buf with each span replaced by its piece.
func (w *spanWriter) spliceWhole(piece func(span) []byte) []byte {
	var b []byte
	at := 0
	for _, s := range w.spans {
		b = append(b, w.buf[at:s.start]...)
		b = append(b, piece(s)...)
		at = s.end
	}
	return append(b, w.buf[at:]...)
}

// Spliced is a booklet version of a body (Body.Booklet) kept as what it is
// spliced from: the page's HTML, the pieces of it that the version
// replaces, and what it writes there instead. HTML makes its bytes. The
// build keeps every body's booklet versions from its conversion until
// their booklet entries are rendered (at 10,000 activities some 40 MB as
// whole strings); kept so, a version adds to the page's HTML, which the
// build keeps anyway, only its replacements.
type Spliced struct {
	page string
	// cuts are the pieces of page replaced, in their order: the k-th by
	// alt[cuts[k-1].altEnd:cuts[k].altEnd] (from 0 for the first).
	cuts []cut
	alt  string
}

// cut is the piece page[start:end] of a Spliced, replaced by the part of
// its alt that ends at altEnd.
type cut struct{ start, end, altEnd int32 }

// Whole returns the Spliced whose HTML is html.
func Whole(html template.HTML) Spliced { return Spliced{page: string(html)} }

// HTML returns the version's bytes: the page's HTML with each piece
// replaced. Without pieces (no heading, link or image that the inset
// changes) it is the page's HTML itself, not a copy.
func (s Spliced) HTML() template.HTML {
	if len(s.cuts) == 0 {
		return template.HTML(s.page)
	}
	size := len(s.page) + len(s.alt)
	for _, c := range s.cuts {
		size -= int(c.end - c.start)
	}
	var b strings.Builder
	b.Grow(size)
	at, from := 0, 0
	for _, c := range s.cuts {
		b.WriteString(s.page[at:c.start])
		b.WriteString(s.alt[from:c.altEnd])
		at, from = int(c.end), int(c.altEnd)
	}
	b.WriteString(s.page[at:])
	return template.HTML(b.String())
}

func (w *spanWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func (w *spanWriter) WriteString(s string) (int, error) {
	w.buf = append(w.buf, s...)
	return len(s), nil
}

func (w *spanWriter) WriteByte(c byte) error {
	w.buf = append(w.buf, c)
	return nil
}

func (w *spanWriter) WriteRune(r rune) (int, error) {
	n := len(w.buf)
	w.buf = utf8.AppendRune(w.buf, r)
	return len(w.buf) - n, nil
}

// Available, Buffered and Flush are bufio.Writer's, for a writer that
// holds everything until it is read.
func (w *spanWriter) Available() int { return cap(w.buf) - len(w.buf) }
func (w *spanWriter) Buffered() int  { return len(w.buf) }
func (w *spanWriter) Flush() error   { return nil }
