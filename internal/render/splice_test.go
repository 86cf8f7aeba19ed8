package render

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/site"
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

// An entry taken from an earlier build (Reuse) gets the placeholder one
// rendered now would: the white space the built-in partial writes around
// it, and the entry's bytes in its place.
func TestReusedEntryStandsAsRendered(t *testing.T) {
	min := func(b []byte) ([]byte, error) { return b, nil }
	r, err := NewMinified(os.DirFS("../../layouts"), nil, min)
	if err != nil {
		t.Fatal(err)
	}
	f := &fragment{partial: splicedPartial, args: map[string]any{"Activity": site.BookletActivity{Name: "A", ID: "v-a"}, "T": site.Strings{}}}
	entry, ok := r.write(nil, f)
	if !ok {
		t.Fatal("the built-in entry is not written by the renderer")
	}
	rendered, m, ok, err := r.splice(entry, 0, nil)
	if err != nil || !ok {
		t.Fatalf("splice: %v %v", ok, err)
	}
	r.splices = append(r.splices, m)
	r.spliceIDs = append(r.spliceIDs, "v-a")
	reused := r.Reuse("v-b", []byte("<article>b</article>"))
	if want := strings.Replace(string(rendered), "-0\"", "-1\"", 1); string(reused) != want {
		t.Errorf("reused entry's placeholder %q, want %q", reused, want)
	}
	var out bytes.Buffer
	type at struct {
		id string
		at int64
	}
	var got []at
	if err := r.SpliceEach(&out, []byte("<p>x</p>"+string(rendered)+string(reused)), func(id string, off int64, entry []byte) {
		got = append(got, at{id, off})
		if int64(out.Len()) != off {
			t.Errorf("entry %s at %d, but %d bytes are written", id, off, out.Len())
		}
	}); err != nil {
		t.Fatal(err)
	}
	want := []at{{"v-a", int64(len("<p>x</p>") + len(reusedLead))}, {"v-b", int64(len("<p>x</p>") + len(reusedLead) + len(m) + len(reusedLead))}}
	if !slices.Equal(got, want) {
		t.Errorf("entries at %v, want %v", got, want)
	}
	if b := out.Bytes(); !bytes.HasSuffix(b, []byte(reusedLead+"<article>b</article>")) {
		t.Errorf("spliced %q", b)
	}
}
