package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
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
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

// Minify returns data minified according to name's extension; other files
// are returned unchanged.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	// The minifiers may write into their input (the JavaScript one renames
	// in place), and data may be shared: give them a copy, made in one
	// allocation with room for the NUL the parser appends. (Handing them a
	// reader instead had them read it into a buffer grown step by step:
	// at 10,000 activities, a second of copying and clearing memory.)
	in := make([]byte, len(data), len(data)+1)
	copy(in, data)
	out, err := m.m.Bytes(mt, in)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// Fingerprint returns name with a hash of data before the extension, for
// files that may be cached forever: "samkat.css" → "samkat.1a2b3c4d5e.css".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return name[:len(name)-len(ext)] + "." + hex.EncodeToString(sum[:])[:10] + ext
}
