package pipeline

import (
	"bytes"
	"encoding/binary"

	"github.com/samkat/samkat/internal/load"
)

// bodySpan says how the body of a file that package load parsed is made
// of the file's bytes: padding newlines, then the bytes from head on
// (load.Body; the newlines keep line N of the body line N of the file).
// That holds of a file load need not change (no byte order mark, no
// carriage return, its text composed): most files. A cache-parsed entry
// keeps it, so that a rebuild makes the body of an unchanged file from
// its bytes without splitting them into frontmatter and body again.
type bodySpan struct {
	head, padding int
}

// bodySpanOf returns the span of body in src, or false when body is not
// made of src so (load changed the bytes, or found no body).
func bodySpanOf(src, body []byte) (bodySpan, bool) {
	if body == nil {
		return bodySpan{}, false
	}
	// body is padding newlines and src[head:], so head-padding, the bytes
	// of src before head that are not newlines, is known: head is where
	// that many are passed. Any head in the run of newlines there gives
	// the same body; the first is taken.
	other := len(src) - len(body)
	if other < 0 {
		return bodySpan{}, false
	}
	head, n := 0, 0
	for ; n < other; head++ {
		if head == len(src) {
			return bodySpan{}, false
		}
		if src[head] != '\n' {
			n++
		}
	}
	padding := head - other
	for _, c := range body[:padding] {
		if c != '\n' {
			return bodySpan{}, false
		}
	}
	if !bytes.Equal(body[padding:], src[head:]) {
		return bodySpan{}, false
	}
	return bodySpan{head: head, padding: padding}, true
}

// body makes the body of the span from src: a copy of its own, as load
// gives it. False when src is too short for the span.
func (s bodySpan) body(src []byte) ([]byte, bool) {
	if s.head < 0 || s.padding < 0 || s.head > len(src) || s.padding > len(src) {
		return nil, false
	}
	b := make([]byte, s.padding+len(src)-s.head)
	for i := range s.padding {
		b[i] = '\n'
	}
	copy(b[s.padding:], src[s.head:])
	return b, true
}

// appendBodySpan writes the span in front of a cache-parsed entry: head+1
// and padding as uvarints, or 0 for none.
func appendBodySpan(b []byte, s bodySpan, ok bool) []byte {
	if !ok {
		return append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(s.head)+1)
	return binary.AppendUvarint(b, uint64(s.padding))
}

// cutBodySpan reads what appendBodySpan wrote in front of entry: the
// span, whether there is one, and the rest of entry; false in the last
// place when entry does not start so.
func cutBodySpan(entry string) (s bodySpan, found bool, rest string, ok bool) {
	d := &decoder{s: entry}
	head := d.uvarint()
	if d.err != nil {
		return bodySpan{}, false, "", false
	}
	if head == 0 {
		return bodySpan{}, false, entry[d.at:], true
	}
	padding := d.uvarint()
	if d.err != nil || head-1 > load.MaxFileSize || padding > load.MaxFileSize { // no file is longer
		return bodySpan{}, false, "", false
	}
	return bodySpan{head: int(head - 1), padding: int(padding)}, true, entry[d.at:], true
}
