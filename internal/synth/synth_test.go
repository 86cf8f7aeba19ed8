package synth

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b, c := Generate(200, 7), Generate(200, 7), Generate(200, 8)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Fatalf("%s differs between two calls with the same seed", name)
		}
	}
	same := 0
	for name, f := range a {
		if g, ok := c[name]; ok && bytes.Equal(f.Data, g.Data) {
			same++
		}
	}
	if same > 2 { // _index.md and tillganglighet.md
		t.Errorf("seeds 7 and 8 share %d files", same)
	}
}

// TestShape holds the catalogue to the shape the benchmarks and the Hugo
// comparison describe: about 4 KB and 450 words per activity, a tenth ended.
func TestShape(t *testing.T) {
	const n = 2000
	fsys := Catalogue(n)
	names := Activities(fsys)
	if len(names) != n {
		t.Fatalf("%d activities, want %d", len(names), n)
	}
	var sizes, words []int
	ended := 0
	for _, name := range names {
		text := string(fsys[name].Data)
		front, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
		if !ok {
			t.Fatalf("%s: no frontmatter", name)
		}
		sizes = append(sizes, len(text))
		words = append(words, len(strings.Fields(body)))
		if i := strings.Index(front, "slut: "); i >= 0 && front[i+6:i+10] < "2026" {
			ended++
		}
	}
	slices.Sort(sizes)
	slices.Sort(words)
	if med := sizes[n/2]; med < 3600 || med > 4400 {
		t.Errorf("median activity %d bytes, want about 4,000", med)
	}
	if med := words[n/2]; med < 420 || med > 480 {
		t.Errorf("median body %d words, want about 450", med)
	}
	if words[0] < 280 || words[n-1] > 640 {
		t.Errorf("bodies of %d to %d words, want about 300 to 620", words[0], words[n-1])
	}
	if ended < n/20 || ended > n/5 {
		t.Errorf("%d of %d ended, want about a tenth", ended, n)
	}
}
