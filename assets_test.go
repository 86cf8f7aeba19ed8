package samkat

import (
	"io/fs"
	"os"
	"slices"
	"testing"
)

// TestEmbeddedMatchesRepository checks that the binary carries every layout
// and static file of the repository, including layouts/_partials, which a
// plain //go:embed directory pattern would silently leave out.
func TestEmbeddedMatchesRepository(t *testing.T) {
	for _, c := range []struct {
		dir      string
		embedded fs.FS
	}{{"layouts", Layouts()}, {"static", Static()}} {
		want := files(t, os.DirFS(c.dir))
		got := files(t, c.embedded)
		if !slices.Equal(got, want) {
			t.Errorf("%s: embedded %v, repository has %v", c.dir, got, want)
		}
	}
	if _, err := fs.Stat(Layouts(), "_partials/contacts.html"); err != nil {
		t.Errorf("partials are not embedded: %v", err)
	}
}

func files(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}
