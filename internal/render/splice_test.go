package render

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSpliceRefusesAChangedPlaceholder(t *testing.T) {
	min := func(b []byte) ([]byte, error) { return bytes.ToUpper(b), nil }
	r, err := NewMinified(os.DirFS("../../layouts"), nil, min)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Splicing() {
		t.Fatal("the built-in layouts are not spliced")
	}
	ph, m, ok, err := r.splice([]byte("\n<article id=a>x</article>"), 0, nil)
	if err != nil || !ok {
		t.Fatalf("splice: %v %v", ok, err)
	}
	r.splices = append(r.splices, m)
	var out bytes.Buffer
	if err := r.Splice(&out, []byte("<p>a</p>"+string(ph)+"<p>b</p>")); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "<p>a</p>\n<ARTICLE ID=A>X</ARTICLE><p>b</p>"; got != want {
		t.Errorf("spliced %q, want %q", got, want)
	}
	changed := strings.Replace(string(ph), `"></article>`, `" ></article>`, 1)
	if err := r.Splice(&out, []byte(changed)); err == nil {
		t.Error("a changed placeholder was spliced")
	}
	for entry, want := range map[string]bool{
		"<div>x</div>":                               false,
		"<article>x</article> text":                  false,
		"<articles>x</article>":                      false,
		"<article><pre>x</article>":                  false,
		"<article><PRE class=a>x</article>":          false,
		"<article><pre>x</pre><pre>y</article>":      false,
		"<article><pre>x</pre></article>":            true,
		"<article><pre-x>x</article>":                true,
		"<article><pre>x</pre ><p>y</p></article>\n": true,
	} {
		if _, _, ok, _ := r.splice([]byte(entry), 0, nil); ok != want {
			t.Errorf("%q spliced: %v, want %v", entry, ok, want)
		}
	}
}

// A catalogue's copy of the built-in layouts is spliced; a layout of its
// own is not.
func TestOwnLayoutsAreNotSpliced(t *testing.T) {
	min := func(b []byte) ([]byte, error) { return b, nil }
	r, err := NewMinified(os.DirFS("../../layouts"), os.DirFS("../../layouts"), min)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Splicing() {
		t.Error("a copy of the built-in layouts is not spliced")
	}
	own := fstest.MapFS{"_partials/footer.html": {Data: []byte(`{{define "footer"}}<footer></footer>{{end}}`)}}
	if r, err = NewMinified(os.DirFS("../../layouts"), own, min); err != nil {
		t.Fatal(err)
	}
	if r.Splicing() {
		t.Error("a catalogue's own footer is spliced")
	}
}
