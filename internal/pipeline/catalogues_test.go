package pipeline

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// The test catalogues in tests/catalogues/ are written the way other
// förbund write their activity plans and annual reports: contact persons
// named without a number, activities in subfolders of verksamheter/,
// kommuner: [alla], municipalities in other cases, many ended projects.
// They must build with no errors.

// catalogueFS reads the catalogue folder dir into memory, to change a file.
func catalogueFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	src := os.DirFS(dir)
	fsys := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func TestOtherForbundCatalogues(t *testing.T) {
	cases := []struct {
		dir         string
		activities  int
		unreachable []string // activities listed under "Går inte att nå"
	}{
		{"../../tests/catalogues/ostra-skaraborg", 13,
			[]string{"starka-individen", "halsoskolan", "samverkansteam-skaraborgs-sjukhus"}},
		{"../../tests/catalogues/verksamhetsberattelse", 12,
			[]string{"samverkanskoordinator"}},
	}
	for _, c := range cases {
		t.Run(c.dir[strings.LastIndex(c.dir, "/")+1:], func(t *testing.T) {
			src := catalogueFS(t, c.dir)
			got, res, err := buildMem(t, src)
			if err != nil || res.Diagnostics.HasErrors() {
				t.Fatalf("build: %v\n%s", err, diagText(res))
			}
			if res.Activities != c.activities {
				t.Errorf("%d activities published, want %d", res.Activities, c.activities)
			}
			pages := 0
			for name := range got {
				if m, _ := fs.Glob(fstest.MapFS{name: {}}, "verksamheter/*/index.html"); len(m) == 1 {
					pages++
				}
			}
			if pages != c.activities {
				t.Errorf("%d activity pages, want %d", pages, c.activities)
			}
			review := string(got["granskning/index.html"])
			_, list, _ := strings.Cut(review, `id="gar-inte-att-na"`)
			for _, slug := range c.unreachable {
				if !strings.Contains(list, "verksamheter/"+slug+"/") {
					t.Errorf("granskning/ does not list %s under Går inte att nå", slug)
				}
			}
		})
	}
}
