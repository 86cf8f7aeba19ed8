package load

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
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

// yamlOnly is the single frontmatter format samkat accepts. Its unmarshal
// function only captures the bytes: decoding happens with yaml.v3, which
// reports positions.
var yamlOnly = frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
	*(v.(*[]byte)) = bytes.Clone(data)
	return nil
})

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
	if !utf8.Valid(src) {
		diags.AddError(at(lineOf(src, firstInvalidUTF8(src))), "", msg.FileNotUTF8)
		return nil, diags
	}
	// Text copied from a PDF, or saved by some macOS tools, writes å as a
	// followed by a combining ring (NFD). It looks the same, so it must be
	// the same: "Borås" is the municipality Borås, not a near miss.
	// Composing keeps the lines as they are.
	src = norm.NFC.Bytes(src)
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
	var yamlBytes []byte
	rest, err := frontmatter.MustParse(bytes.NewReader(src), &yamlBytes, yamlOnly)
	if errors.Is(err, frontmatter.ErrNotFound) {
		diags.AddError(at(firstLine), "", msg.FileNotClosed)
		return nil, diags
	}
	if err != nil {
		diags.AddError(at(firstLine), "", msg.FileUnreadableFM, err)
		return nil, diags
	}
	head := len(src) - len(rest)
	padding := bytes.Count(src[:head], []byte("\n"))
	body := make([]byte, 0, padding+len(rest))
	body = append(body, bytes.Repeat([]byte("\n"), padding)...)
	body = append(body, rest...)
	return &source{yaml: yamlBytes, yamlLine: firstLine + 1, body: body}, diags
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
