package catalog

import "testing"

// FuzzSlugify: a derived slug is empty or valid, and deriving again changes
// nothing, so a file name and its page address always agree.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Borås", "Träna, praktisera, motivera", "KRAFT-huset", " --a--b-- ", "Ærø Œuvre ß", "", "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := Slugify(name)
		if s != "" && !ValidSlug(s) {
			t.Fatalf("Slugify(%q) = %q, not a valid slug", name, s)
		}
		if again := Slugify(s); again != s {
			t.Fatalf("Slugify is not idempotent: %q → %q → %q", name, s, again)
		}
	})
}
