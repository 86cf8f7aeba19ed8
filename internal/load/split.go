package load

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"golang.org/x/text/unicode/norm"
)

// MaxFileSize is the largest catalogue file samkat reads.
const MaxFileSize = 8 << 20

// source is a catalogue file split into its YAML frontmatter and its body.
type source struct {
	yaml     []byte
	yamlLine int    // file line of the first YAML line (after the opening ---)
	body     []byte // padded: line N of body is line N of the file
}

// split checks a file's encoding and separates frontmatter and body.
// It returns nil when the file cannot be used at all.
func split(name string, src []byte) (*source, diag.List) {
	var diags diag.List
	at := func(line int) diag.Pos { return diag.Pos{File: name, Line: line} }
	if len(src) > MaxFileSize {
		diags.AddError(at(0), "", msg.FileTooBig, len(src), MaxFileSize>>20)
		return nil, diags
	}
	src = normalizeNewlines(bytes.TrimPrefix(src, []byte("\uFEFF")))
	if i := bytes.IndexByte(src, 0); i >= 0 {
		diags.AddError(at(lineOf(src, i)), "", msg.FileNUL)
		return nil, diags
	}
	// Most files are plain text, valid UTF-8 and NFC by their characters
	// (composedUTF8): one pass tells, instead of one for each.
	if !composedUTF8(src) {
		if !utf8.Valid(src) {
			diags.AddError(at(lineOf(src, firstInvalidUTF8(src))), "", msg.FileNotUTF8)
			return nil, diags
		}
		// Text copied from a PDF, or saved by some macOS tools, writes å as a
		// followed by a combining ring (NFD). It looks the same, so it must be
		// the same: "Borås" is the municipality Borås, not a near miss.
		// Composing keeps the lines as they are.
		if !composed(src) {
			src = norm.NFC.Bytes(src)
		}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		diags.AddError(at(1), "", msg.FileEmpty)
		return nil, diags
	}
	first, firstLine := firstNonBlankLine(src)
	switch {
	case bytes.Equal(first, []byte("+++")), bytes.HasPrefix(first, []byte("{")), bytes.Equal(first, []byte(";;;")):
		diags.AddError(at(firstLine), "", msg.FileNotYAML)
		return nil, diags
	case !bytes.Equal(first, []byte("---")):
		diags.AddError(at(firstLine), "", msg.FileNoStart)
		return nil, diags
	}
	yamlBytes, rest, ok := cutFrontmatter(src)
	if !ok {
		diags.AddError(at(firstLine), "", msg.FileNotClosed)
		return nil, diags
	}
	head := len(src) - len(rest)
	padding := bytes.Count(src[:head], []byte("\n"))
	body := make([]byte, padding+len(rest))
	for i := range padding {
		body[i] = '\n'
	}
	copy(body[padding:], rest)
	return &source{yaml: yamlBytes, yamlLine: firstLine + 1, body: body}, diags
}

// composed reports whether the valid UTF-8 src has only ASCII, Latin-1 (å,
// ä and ö among them) and the punctuation from U+2010 to U+2027 (dashes,
// quotation marks, the ellipsis). Each of these is NFC and none combines
// with another, so composing such a text changes nothing; most files are
// such texts, and norm looks up every character that is not ASCII in its
// tables (TestComposedIsNFC).
func composed(src []byte) bool {
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c < utf8.RuneSelf:
		case c == 0xc2 || c == 0xc3: // U+0080 to U+00FF, and its second byte
			i++
		case c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && 0x90 <= src[i+2] && src[i+2] <= 0xa7:
			i += 2
		default:
			return false
		}
	}
	return true
}

// composedUTF8 reports whether src is valid UTF-8 and composed, in one
// pass: utf8.Valid(src) && composed(src), as FuzzComposedUTF8 checks. Runs
// of ASCII are skipped eight bytes at a time.
func composedUTF8(src []byte) bool {
	const high = 0x8080808080808080
	for i := 0; i < len(src); {
		if i+8 <= len(src) && binary.LittleEndian.Uint64(src[i:])&high == 0 {
			i += 8
			continue
		}
		switch c := src[i]; {
		case c < utf8.RuneSelf:
			i++
		case (c == 0xc2 || c == 0xc3) && i+1 < len(src) && src[i+1]&0xc0 == 0x80: // U+0080 to U+00FF
			i += 2
		case c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && 0x90 <= src[i+2] && src[i+2] <= 0xa7:
			i += 3
		default:
			return false
		}
	}
	return true
}

// cutFrontmatter returns the YAML between a file's "---" lines and the
// body after them, both parts of src, or false when there is none. The
// first line that is not blank must be "---" and end in a newline; the YAML
// ends at the next line that is "---" (which may end the file). Either
// delimiter may have white space around it. This is adrg/frontmatter's
// rule for its "---" format (TestCutFrontmatterAsLibrary holds the two
// to the same answers), without its reading the whole file through a
// bufio.Reader into a buffer to hand back the body.
func cutFrontmatter(src []byte) (yaml, body []byte, ok bool) {
	// line returns the line at i, with its newline, and whether it is the
	// last, which has none.
	line := func(i int) (l []byte, last bool) {
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			return src[i : i+j+1], false
		}
		return src[i:], true
	}
	i := 0
	for {
		l, last := line(i)
		if last {
			return nil, nil, false
		}
		i += len(l)
		if t := bytes.TrimSpace(l); len(t) > 0 {
			if !bytes.Equal(t, []byte("---")) {
				return nil, nil, false
			}
			break
		}
	}
	start := i
	for {
		l, last := line(i)
		if bytes.Equal(bytes.TrimSpace(l), []byte("---")) {
			return src[start:i], src[i+len(l):], true
		}
		if last {
			return nil, nil, false
		}
		i += len(l)
	}
}

// normalizeNewlines turns CRLF and lone CR into LF, so lines count right.
func normalizeNewlines(b []byte) []byte {
	if !bytes.ContainsRune(b, '\r') {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

func firstNonBlankLine(src []byte) ([]byte, int) {
	line := 1
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		var l []byte
		if i < 0 {
			l, src = src, nil
		} else {
			l, src = src[:i], src[i+1:]
		}
		if t := bytes.TrimSpace(l); len(t) > 0 {
			return t, line
		}
		line++
	}
	return nil, line
}

func lineOf(src []byte, offset int) int { return 1 + bytes.Count(src[:offset], []byte("\n")) }

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// Body returns the body of the file name with bytes src as ParseIndex,
// ParseActivity and ParsePage give it (padded: line N of the body is line
// N of the file), or nil when the file cannot be used.
func Body(name string, src []byte) []byte {
	s, _ := split(name, src)
	if s == nil {
		return nil
	}
	return s.body
}
