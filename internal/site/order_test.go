package site

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/synth"
)

// An Order kept from one catalogue to the next gives the pages Paths and
// Assemble give without it, whatever changed in between: names that move
// an activity in the order or not at all, two names swapped (the order
// before has the right length and is wrong), two activities with the same
// name, a file deleted and one added, and a draft made public. It fails
// if the order remembered is taken without being checked.
func TestOrderKeptBetweenCatalogues(t *testing.T) {
	fsys := keyCatalogue(t, 120)
	files := synth.Activities(fsys)
	now := catalog.Date{Year: 2026, Month: 3, Day: 1}
	name := func(file string) string {
		text := string(fsys[file].Data)
		i := strings.Index(text, "\nnamn: ") + len("\nnamn: ")
		return text[i : i+strings.IndexByte(text[i:], '\n')]
	}
	steps := []struct {
		what string
		edit func()
	}{
		{"the first", func() {}},
		{"the same again", func() {}},
		{"a body", func() {
			f := fsys[files[5]]
			fsys[files[5]] = &fstest.MapFile{Data: append(append([]byte{}, f.Data...), "\nEn rad till.\n"...)}
		}},
		{"a name moved to the front", func() { setKey(t, fsys, files[60], "namn", "Aaaa först") }},
		{"a name moved to the end", func() { setKey(t, fsys, files[61], "namn", "Öööö sist") }},
		{"two names swapped", func() {
			a, b := name(files[10]), name(files[90])
			setKey(t, fsys, files[10], "namn", b)
			setKey(t, fsys, files[90], "namn", a)
		}},
		{"two activities with one name", func() { setKey(t, fsys, files[20], "namn", name(files[30])) }},
		{"their slugs' order decides", func() {
			setKey(t, fsys, files[30], "namn", "Samma namn")
			setKey(t, fsys, files[20], "namn", "Samma namn")
		}},
		{"a file deleted", func() { delete(fsys, files[40]) }},
		{"a file added", func() {
			fsys["content/verksamheter/ny-verksamhet.md"] = &fstest.MapFile{Data: fsys[files[41]].Data}
			setKey(t, fsys, "content/verksamheter/ny-verksamhet.md", "namn", "Mmmm ny")
		}},
		{"one deleted and one added", func() {
			delete(fsys, files[42])
			fsys["content/verksamheter/aaa-annan.md"] = &fstest.MapFile{Data: fsys[files[43]].Data}
		}},
		{"a draft made public", func() { setKey(t, fsys, files[4], "utkast", "") }},
	}
	order := &Order{}
	for _, step := range steps {
		step.edit()
		in := keyInput(t, fsys, now, false)
		want := Assemble(in)
		in.Order = order
		paths, got := Paths(in), Assemble(in)
		if len(paths) != len(want) || len(got) != len(want) {
			t.Fatalf("%s: %d and %d pages with the order kept, %d without", step.what, len(paths), len(got), len(want))
		}
		for i := range want {
			if paths[i].Path != want[i].Path || paths[i].Key != want[i].Key || !reflect.DeepEqual(paths[i].Files, want[i].Files) {
				t.Fatalf("%s: page %d is %s (key %x) from Paths with the order kept, %s (key %x) without", step.what, i, paths[i].Path, paths[i].Key, want[i].Path, want[i].Key)
			}
			if !reflect.DeepEqual(got[i].View, want[i].View) {
				t.Fatalf("%s: %s: another view with the order kept", step.what, want[i].Path)
			}
		}
	}
}
