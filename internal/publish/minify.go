package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier minifies output files by extension. It is safe for concurrent use.
type Minifier struct {
	m *minify.M
}

// mediaTypes maps the extensions samkat minifies to their media types.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml",
}

// NewMinifier returns a Minifier for HTML, CSS, JavaScript, JSON, SVG and XML.
// Inline <script type="application/ld+json"> and JavaScript in HTML are
// minified too, because the media types are registered by pattern.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags: true, // keep <html lang>, <head> and <body> explicit for validators
		KeepEndTags:      true, // old browsers and screen readers see the same tree as the source
		KeepQuotes:       true,
	})
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	// A number stays as written: the minifier's shortest form of 1000 is
	// 1e3, which a reader of the open data with an integer type refuses.
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{KeepNumbers: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

// Minify returns data minified according to name's extension; other files
// are returned unchanged. data is left as it is.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	if !Minified(name) {
		return data, nil
	}
	// The minifiers may write into their input (the JavaScript one renames
	// in place), and data may be shared: give them a copy, made in one
	// allocation with room for the NUL the parser appends. (Handing them a
	// reader instead had them read it into a buffer grown step by step:
	// at 10,000 activities, a second of copying and clearing memory.)
	in := make([]byte, len(data), len(data)+1)
	copy(in, data)
	out := bytes.NewBuffer(make([]byte, 0, len(data)))
	if err := m.MinifyTo(out, name, in); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Minified reports whether files named like name are minified.
func Minified(name string) bool {
	_, ok := mediaTypes[path.Ext(name)]
	return ok
}

// MinifyTo writes data minified according to name's extension to w; other
// files are written unchanged. The minifiers write into data (the
// JavaScript one renames in place, the parser puts a NUL after it while it
// reads when there is room): data must be bytes no one else reads, then
// or later. For a file the build made and will not use again, that saves
// a copy of it.
func (m *Minifier) MinifyTo(w io.Writer, name string, data []byte) error {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		_, err := w.Write(data)
		return err
	}
	if err := m.m.Minify(mt, w, buffer.NewReader(data)); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	return nil
}

// Fingerprint returns name with a hash of data before the extension, for
// files that may be cached forever: "samkat.css" → "samkat.1a2b3c4d5e.css".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return name[:len(name)-len(ext)] + "." + hex.EncodeToString(sum[:])[:10] + ext
}
