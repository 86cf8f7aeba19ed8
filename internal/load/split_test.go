package load

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"golang.org/x/text/unicode/norm"
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

// TestComposedIsNFC: every text composed accepts is NFC, since every pair
// of its characters is; and the texts it refuses include those that
// compose.
func TestComposedIsNFC(t *testing.T) {
	var set []rune
	for r := rune(0); r <= 0xff; r++ {
		set = append(set, r)
	}
	for r := rune(0x2010); r <= 0x2027; r++ {
		set = append(set, r)
	}
	for _, a := range set {
		for _, b := range set {
			s := []byte(string([]rune{a, b}))
			if !composed(s) {
				t.Fatalf("composed(%q) = false", s)
			}
			if !norm.NFC.IsNormal(s) {
				t.Errorf("%q is not NFC", s)
			}
		}
	}
	for _, s := range []string{"Bora\u030as", "\u0100", "\u212b", "e\u0301", "ok \u00e5\u0301", "\u2000", "\u2028", "\u200f\u0301"} {
		if composed([]byte(s)) {
			t.Errorf("composed(%q) = true", s)
		}
	}
}

func FuzzComposed(f *testing.F) {
	for _, s := range []string{"", "Borås", "Bora\u030as", "\u00c5\u030a", "18\u201364 år", "\u2026\u0301"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if utf8.Valid(src) && composed(src) && !norm.NFC.IsNormal(src) {
			t.Errorf("composed(%q), but it is not NFC", src)
		}
	})
}

func FuzzComposedUTF8(f *testing.F) {
	for _, s := range []string{"", "Borås", "Bora\u030as", "\u00c5\u030a", "18\u201364 år", "\u2026\u0301",
		"ASCII only, more than eight bytes", "\xc3", "\xc3(", "åäö\xc3", "\xe2\x80", "\xe2\x80\x90", "\xe2\x80\xa8",
		"eight bytes then \xc2\xa0", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xc0\x80", "\xc2\xc2"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := composedUTF8(src), utf8.Valid(src) && composed(src); got != want {
			t.Errorf("composedUTF8(%q) = %v, want %v", src, got, want)
		}
	})
}

// BenchmarkComposed compares the check with norm's, on a file's worth of
// Swedish text.
func BenchmarkComposed(b *testing.B) {
	src := bytes.Repeat([]byte("Samverkan kring arbetsträning och stöd till unga vuxna (18\u201364 år) i Borås. "), 64)
	b.Run("norm", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			norm.NFC.Bytes(src)
		}
	})
	b.Run("composed", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			composed(src)
		}
	})
	b.Run("valid+composed", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			_ = utf8.Valid(src) && composed(src)
		}
	})
	b.Run("composedUTF8", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			composedUTF8(src)
		}
	})
}
