package render

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

// Splicing: the entries of the printable catalogues (the partial
// "booklet-activity") are minified once each, when Prerender renders
// them, rather than once in every booklet that prints them (an activity is
// in the booklet of the whole catalogue and in that of each of its
// municipalities). Prerender gives each page a placeholder in the entry's
// place, an empty element of the entry's own outer tag:
//
//	<article data-samkat-splice="TOKEN-17"></article>
//
// The page is minified as usual, the placeholder with it, and Splice puts
// each entry's minified HTML where its placeholder came out.
//
// That gives the bytes of minifying the page with the entries in it, for
// an entry that is one element from its first tag to its last (leading
// and trailing white space left in the page), of a block kind (article),
// outside <pre> and raw text. HTML minification (tdewolff/minify's) reads
// a page as a run of tokens with little state from one to the next:
// whether the next leading space goes (set by every block tag), whether
// it is inside <pre>, and a look ahead from text ending in white space,
// which stops at the first start tag or block end tag. So the tokens
// before the entry see its block start tag either way and the tokens
// after it start after a block end tag either way; the entry's own tokens
// start after a start tag, which reads no state, and never look past its
// block end tag. An entry with <pre> in it must leave it closed. The
// built-in layouts print the entries between block tags; a catalogue's
// own layouts might print them inside <pre> or a <textarea>, so a
// catalogue with layouts of its own gets no splicing (every page is
// minified whole). TestSplicedAsWhole in package pipeline builds sites
// both ways and compares every file.

// spliced is the partial whose entries are spliced, and its outer tag.
const (
	splicedPartial = "booklet-activity"
	splicedTag     = "article"
)

// Splicing reports whether the pages may hold placeholders for Splice.
func (r *Renderer) Splicing() bool { return r.spliceOpen != nil }

// Spliced reports whether page (minified or not) holds a placeholder.
func (r *Renderer) Spliced(page []byte) bool {
	return r.spliceOpen != nil && bytes.Contains(page, r.spliceOpen)
}

// Splice writes the minified page to w with every placeholder replaced by
// its entry, minified.
func (r *Renderer) Splice(w io.Writer, page []byte) error {
	return r.SpliceEach(w, page, nil)
}

// SpliceEach is Splice, calling each (when not nil) for every entry it
// writes, with the entry's ID, its offset in what it writes to w and its
// bytes (not to be kept).
func (r *Renderer) SpliceEach(w io.Writer, page []byte, each func(id string, at int64, entry []byte)) error {
	var at int64
	for r.spliceOpen != nil {
		i := bytes.Index(page, r.spliceOpen)
		if i < 0 {
			break
		}
		rest := page[i+len(r.spliceOpen):]
		j := bytes.IndexByte(rest, '"')
		n, err := strconv.Atoi(string(rest[:max(j, 0)]))
		if j < 0 || err != nil || n < 0 || n >= len(r.splices) || !bytes.HasPrefix(rest[j:], spliceClose) {
			return fmt.Errorf("a placeholder for a rendered entry came out of the minifier changed, at byte %d", i)
		}
		if r.splices[n] == nil {
			return fmt.Errorf("the rendered entry %d was let go before its page was written, at byte %d", n, i)
		}
		if _, err := w.Write(page[:i]); err != nil {
			return err
		}
		at += int64(i)
		if each != nil && n < len(r.spliceIDs) {
			each(r.spliceIDs[n], at, r.splices[n])
		}
		if _, err := w.Write(r.splices[n]); err != nil {
			return err
		}
		at += int64(len(r.splices[n]))
		page = rest[j+len(spliceClose):]
	}
	_, err := w.Write(page)
	return err
}

// DropSplices lets go of the minified entries, once every page that holds
// placeholders is written.
func (r *Renderer) DropSplices() { r.splices, r.spliceIDs, r.plan = nil, nil, nil }

// Reuse takes entry, the minified bytes of the booklet's entry id as an
// earlier build spliced them, as that entry: it returns the HTML to give
// the entry (site.BookletActivity.HTML) for Splice to put entry in its
// place, or "" when the renderer does not splice. Prerender renders no
// entry that has HTML. It must not be called while Prerender runs; the
// caller must know that the entry would be rendered to these bytes (the
// same BookletActivity, texts, root and layouts).
func (r *Renderer) Reuse(id string, entry []byte) template.HTML {
	if r.spliceOpen == nil {
		return ""
	}
	n := len(r.splices)
	r.splices = append(r.splices, entry)
	r.spliceIDs = append(r.spliceIDs, id)
	return template.HTML(r.placeholder(reusedLead, n, ""))
}

// reusedLead is the white space before an entry of the built-in partial
// (writeBookletActivity), the only one spliced: a reused entry's
// placeholder stands where one rendered now would, with what is around it.
const reusedLead = "\n"

// placeholder returns the placeholder of entry n, with lead and trail
// around it.
func (r *Renderer) placeholder(lead string, n int, trail string) []byte {
	ph := make([]byte, 0, len(lead)+len(r.spliceOpen)+8+len(spliceClose)+len(trail))
	ph = append(ph, lead...)
	ph = append(ph, r.spliceOpen...)
	ph = strconv.AppendInt(ph, int64(n), 10)
	ph = append(ph, spliceClose...)
	return append(ph, trail...)
}

var spliceClose = []byte(`"></` + splicedTag + `>`)

// newSpliceOpen returns the start of a placeholder, with a token no page
// holds by chance.
func newSpliceOpen() []byte {
	var b [12]byte
	_, _ = rand.Read(b[:]) // never fails
	return []byte(`<` + splicedTag + ` data-samkat-splice="` + hex.EncodeToString(b[:]) + `-`)
}

// splice takes entry, the HTML a partial rendered, as an entry to splice,
// if it is one element of splicedTag outside <pre> (see above): it returns
// the placeholder to render in its place, to be replaced by its minified
// bytes at index n: min when it is not nil (the entry written minified,
// minEntry), else the minifier's. ok is false for an entry that is not
// one. The minifier may write into entry.
func (r *Renderer) splice(entry []byte, n int, min []byte) (placeholder template.HTML, minified []byte, ok bool, err error) {
	core := bytes.TrimLeft(entry, " \t\n\r\f")
	lead := entry[:len(entry)-len(core)]
	core = bytes.TrimRight(core, " \t\n\r\f")
	trail := entry[len(lead)+len(core):]
	open := "<" + splicedTag
	end := "</" + splicedTag + ">"
	if len(core) <= len(open) || string(core[:len(open)]) != open || !isSpace(core[len(open)]) && core[len(open)] != '>' ||
		!bytes.HasSuffix(core, []byte(end)) || !preClosed(core) {
		return "", nil, false, nil
	}
	ph := r.placeholder(string(lead), n, string(trail))
	if min != nil {
		return template.HTML(ph), min, true, nil
	}
	if minified, err = r.minFragment(core); err != nil {
		return "", nil, false, err
	}
	return template.HTML(ph), minified, true, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// preClosed reports whether html has no <pre> start tag after its last
// </pre> end tag (the tag name in any case).
func preClosed(html []byte) bool {
	closed := true
	for i := 0; ; {
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			return closed
		}
		i += j + 1
		k := i
		endTag := k < len(html) && html[k] == '/'
		if endTag {
			k++
		}
		if len(html)-k > 3 && html[k]|0x20 == 'p' && html[k+1]|0x20 == 'r' && html[k+2]|0x20 == 'e' &&
			(isSpace(html[k+3]) || html[k+3] == '>' || html[k+3] == '/') {
			closed = endTag
		}
	}
}
