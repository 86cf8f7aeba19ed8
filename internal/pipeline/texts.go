package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/publish"
)

// textStore holds the bodies' plain text (markdown.Body.Text) in a
// scratch file of the output between their conversion and the search
// index, its only reader, rather than in memory: at 10,000 activities
// some 37 MB fewer live through the rendering of every page. Each text
// is written as its body is converted, and read again as its document
// is analysed.
type textStore struct {
	open func() (*os.File, func(), error)

	mu    sync.Mutex
	f     *os.File
	done  func()
	w     *bufio.Writer
	size  int64               // what is written, buffered or not
	spans map[string]textSpan // by file
	err   error               // the first error writing
}

// textSpan is where a text is in the file.
type textSpan struct{ at, n int64 }

// scratcher is a writer that gives the build files of its own
// (publish.Tx).
type scratcher interface {
	Scratch(name string) (*os.File, func(), error)
}

// newTextStore returns the store of a build into out, or nil, when the
// texts stay in memory: out gives no scratch file (the build writes into
// memory), or a cache kept in memory (samkat serve) keeps the bodies.
func newTextStore(out publish.Writer, r *run) *textStore {
	s, ok := out.(scratcher)
	if !ok || (r != nil && !r.c.oneBuild) {
		return nil
	}
	return &textStore{open: func() (*os.File, func(), error) { return s.Scratch("texts") }, spans: map[string]textSpan{}}
}

// put keeps text as file's. An error is kept for text to return.
func (t *textStore) put(file, text string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return
	}
	if t.f == nil {
		if t.f, t.done, t.err = t.open(); t.err != nil {
			return
		}
		t.w = bufio.NewWriterSize(t.f, 64<<10)
	}
	if _, t.err = t.w.WriteString(text); t.err != nil {
		return
	}
	t.spans[file] = textSpan{t.size, int64(len(text))}
	t.size += int64(len(text))
}

// text returns the text put for file ("" for none). It is safe for
// concurrent use, also with put.
func (t *textStore) text(file string) (string, error) {
	t.mu.Lock()
	sp, ok := t.spans[file]
	err := t.err
	if err == nil && ok && t.w.Buffered() > 0 {
		err = t.w.Flush()
		t.err = err
	}
	f := t.f
	t.mu.Unlock()
	if err != nil {
		return "", fmt.Errorf("the bodies' text: %w", err)
	}
	if !ok || sp.n == 0 {
		return "", nil
	}
	b := make([]byte, sp.n)
	if _, err := f.ReadAt(b, sp.at); err != nil {
		return "", fmt.Errorf("the text of %s: %w", file, err)
	}
	return string(b), nil
}

// close removes the file.
func (t *textStore) close() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done != nil {
		t.done()
		t.done, t.f = nil, nil
		t.err = fmt.Errorf("closed")
	}
}

// keep moves b's text into t, when t is not nil, and keeps of its
// summary only what the build reads (see summaryHead): the summary is
// most often the text itself, the same string.
func (t *textStore) keep(file string, b *markdown.Body) {
	if t == nil {
		return
	}
	t.put(file, b.Text)
	b.Text = ""
	b.Summary = summaryHead(b.Summary)
}

// summaryRunes is how many characters of a body's Summary the build
// reads: it shows only catalog.Excerpt of it, of at most 200 characters
// (the feed's, feedSummary; a page's description has 160), and Excerpt
// reads no further than the character after its last.
const summaryRunes = 200 + 1

// summaryHead returns the first summaryRunes characters of s (as range
// counts them), in a string of their own: catalog.Excerpt(summaryHead(s),
// n) is catalog.Excerpt(s, n) for every n below summaryRunes.
func summaryHead(s string) string {
	n := 0
	for i := range s {
		if n == summaryRunes {
			return strings.Clone(s[:i])
		}
		n++
	}
	return s
}
