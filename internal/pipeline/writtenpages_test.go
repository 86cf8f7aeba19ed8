package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// TestWrittenAsTemplate builds catalogues with the built-in layouts,
// whose activity pages, review report and entries of lists, matrices and
// booklets render writes without html/template, and with built-in layouts
// that print the same but are not the ones it knows (an action that prints
// nothing in activity.html, review.html and each of those partials), which
// html/template renders, and compares every file.
func TestWrittenAsTemplate(t *testing.T) {
	templated := fstest.MapFS{}
	builtin := os.DirFS("../../layouts")
	err := fs.WalkDir(builtin, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(builtin, p)
		templated[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	perturb := func(file, name string) {
		def := []byte(`{{define "` + name + `"}}`)
		if !bytes.Contains(templated[file].Data, def) {
			t.Fatalf("%s does not define %s", file, name)
		}
		templated[file] = &fstest.MapFile{Data: bytes.Replace(templated[file].Data, def, append(def, `{{""}}`...), 1)}
	}
	perturb("activity.html", "main")
	perturb("review.html", "main")
	for _, name := range []string{"item", "matrix-item", "booklet-activity"} {
		perturb("_partials/"+name+".html", name)
	}
	cases := map[string]fs.FS{
		"small":                 os.DirFS("testdata/small"),
		"ostra-skaraborg":       os.DirFS("../../tests/catalogues/ostra-skaraborg"),
		"verksamhetsberattelse": os.DirFS("../../tests/catalogues/verksamhetsberattelse"),
		"synth":                 synth.Catalogue(300),
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		for _, drafts := range []bool{false, true} {
			t.Run(name, func(t *testing.T) {
				build := func(layouts fs.FS) map[string][]byte {
					opt := testOptions()
					opt.Drafts = drafts
					opt.Layouts = layouts
					var out publish.Mem
					if res, err := Site(context.Background(), cases[name], &out, opt); err != nil {
						t.Fatalf("build: %v\n%s", err, diagText(res))
					}
					return out.Files()
				}
				want, got := build(templated), build(builtin)
				pages := 0
				for _, f := range slices.Sorted(maps.Keys(want)) {
					if bytes.Contains(want[f], []byte(`<article class="activity">`)) {
						pages++
					}
					if d := difference(want[f], got[f], "html/template", "written"); d != "" {
						t.Errorf("%s %s", f, d)
					}
				}
				if len(got) != len(want) {
					t.Errorf("%d files, want %d", len(got), len(want))
				}
				if pages == 0 {
					t.Error("no activity page in the site")
				}
			})
		}
	}
}
