package pipeline

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestAliases: an earlier address of an activity sends the reader on to
// its page, and is neither in the sitemap nor indexed by search engines.
func TestAliases(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	act := src["content/verksamheter/aktiv-vardag.md"]
	act.Data = []byte(strings.Replace(string(act.Data), "---\n", "---\naliases: [vardag, aktiv-vardag-2009]\n", 1))
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	for _, alias := range []string{"vardag", "aktiv-vardag-2009"} {
		page := string(files["verksamheter/"+alias+"/index.html"])
		for _, want := range []string{
			`<meta http-equiv="refresh" content="0; url=../../verksamheter/aktiv-vardag/">`,
			`<meta name="robots" content="noindex">`,
			`<link rel="canonical" href="https://samverkan.example.se/testbygd/verksamheter/aktiv-vardag/">`,
			`<a href="../../verksamheter/aktiv-vardag/">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("verksamheter/%s/ lacks %s:\n%s", alias, want, page)
			}
		}
		if strings.Contains(string(files["sitemap.xml"]), "verksamheter/"+alias+"/") {
			t.Errorf("the sitemap lists the alias %s", alias)
		}
	}
}

// TestAliasErrors: an alias that is not an address, or that takes the
// address of another activity, is an error on the alias.
func TestAliasErrors(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	act := src["content/verksamheter/aktiv-vardag.md"]
	act.Data = []byte(strings.Replace(string(act.Data), "---\n", "---\naliases: [Gammalt Namn, kraftteamet]\n", 1))
	src["content/verksamheter/kraftteamet.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(act.Data), "aliases: [Gammalt Namn, kraftteamet]\n", "", 1))}
	_, res, _ := buildMem(t, src)
	got := diagText(res)
	for _, want := range []string{
		`content/verksamheter/aktiv-vardag.md:2:11: error: aliases: "Gammalt Namn" is not an address: write the last part of the earlier address with a-z, 0-9 and -, e.g. "gammalt-namn"`,
		`content/verksamheter/aktiv-vardag.md:2:25: error: aliases: "kraftteamet" cannot lead here: verksamheter/kraftteamet/ is already the address of content/verksamheter/kraftteamet.md`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack\n%s\ngot:\n%s", want, got)
		}
	}
}
