package pipeline

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDescriptionFromTheSameParse: a page's description is the running text
// of its body, read by the same parser that renders it. A body that starts
// with a table used to put "| Dag | Tid | |---|---|" into the description.
func TestDescriptionFromTheSameParse(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	src["content/oppettider.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Öppettider\n---\n| Dag | Tid |\n|---|---|\n| Måndag | 9–12 |\n\nRing <info@example.se> för andra tider.\n")}
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	page := string(files["oppettider/index.html"])
	if want := `<meta name="description" content="Ring info@example.se för andra tider.">`; !strings.Contains(page, want) {
		i := strings.Index(page, `<meta name="description"`)
		t.Errorf("description: want %s, got %.120s", want, page[max(i, 0):])
	}
}

// TestPageNamedLikeAGeneratedPage: content/utskrift.md and granskning.md
// get the reserved-name error with the file named, in check and build.
func TestPageNamedLikeAGeneratedPage(t *testing.T) {
	for _, name := range []string{"utskrift", "granskning"} {
		src := catalogueFS(t, "testdata/small")
		src["content/"+name+".md"] = &fstest.MapFile{Data: []byte("---\ntitel: X\n---\nText.\n")}
		_, res, err := buildMem(t, src)
		want := "content/" + name + ".md:1: error: the page name \"" + name + "\" is used by the generator itself"
		if err == nil || !strings.Contains(diagText(res), want) {
			t.Errorf("%s: err %v, diagnostics:\n%s\nwant %s", name, err, diagText(res), want)
		}
	}
}
