package load

import (
	"bytes"
	"errors"
	"testing"

	"github.com/adrg/frontmatter"
)

// libraryCut is what cutFrontmatter replaced: adrg/frontmatter with the one
// "---" format, capturing the bytes.
func libraryCut(src []byte) (yaml, body []byte, ok bool, err error) {
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		*(v.(*[]byte)) = bytes.Clone(data)
		return nil
	})
	body, err = frontmatter.MustParse(bytes.NewReader(src), &yaml, format)
	if errors.Is(err, frontmatter.ErrNotFound) {
		return nil, nil, false, nil
	}
	return yaml, body, err == nil, err
}

var frontmatterSeeds = []string{
	"", "---", "---\n", "---\n---", "---\n---\n", "\n\n---\nnamn: A\n---\nText\n",
	"  ---  \nnamn: A\n\t---\t\nText", "---\nnamn: A\n", "---\nnamn: A\n--- \n", "+++\nx\n+++\n",
	"text\n---\nnamn: A\n---\n", "---\nnamn: A\n----\n---\nbody\n---\n", "\u00a0\n---\nx: 1\n---\u0085\nb",
	"---\r\nx: 1\r\n---\r\n", "---\nx\n---", "\n", " \n \n",
}

func checkCut(t *testing.T, src []byte) {
	t.Helper()
	wantYAML, wantBody, wantOK, err := libraryCut(src)
	if err != nil {
		t.Fatalf("library: %v", err)
	}
	yaml, body, ok := cutFrontmatter(src)
	if ok != wantOK || !bytes.Equal(yaml, wantYAML) || !bytes.Equal(body, wantBody) {
		t.Errorf("cutFrontmatter(%q) = %q, %q, %v; the library has %q, %q, %v", src, yaml, body, ok, wantYAML, wantBody, wantOK)
	}
}

// TestCutFrontmatterAsLibrary: the frontmatter and body are where
// adrg/frontmatter finds them, and the files it finds none in are the same.
func TestCutFrontmatterAsLibrary(t *testing.T) {
	for _, s := range frontmatterSeeds {
		checkCut(t, []byte(s))
	}
}

func FuzzCutFrontmatter(f *testing.F) {
	for _, s := range frontmatterSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkCut(t, src) })
}
