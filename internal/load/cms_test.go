package load

import (
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/msg"
)

// withCMS is validIndex with the given cms setting, which starts on line 11.
func withCMS(block string) []byte {
	return []byte(strings.Replace(validIndex, "synonymer: {FK: Försäkringskassan}\n", "synonymer: {FK: Försäkringskassan}\n"+block, 1))
}

func TestParseCMS(t *testing.T) {
	for _, c := range []struct {
		block string
		want  catalog.CMS
	}{
		{"cms: {repo: forbundet/katalog}\n", catalog.CMS{Backend: "github", Repo: "forbundet/katalog", Branch: "main"}},
		{"cms:\n  repo: Samordningsforbundet-BMS/katalog.se\n  branch: release/2026\n  base_url: https://oauth.example.se/\n  auth_endpoint: /api/auth\n  site_domain: katalogen.netlify.app\n",
			catalog.CMS{Backend: "github", Repo: "Samordningsforbundet-BMS/katalog.se", Branch: "release/2026",
				BaseURL: "https://oauth.example.se", AuthEndpoint: "/api/auth", SiteDomain: "katalogen.netlify.app"}},
		{"cms: {backend: test-repo}\n", catalog.CMS{Backend: "test-repo", Branch: "main"}},
	} {
		ix, diags := ParseIndex("content/_index.md", withCMS(c.block))
		if len(diags) != 0 {
			t.Errorf("%q: %s", c.block, printed(diags))
			continue
		}
		if ix.CMS == nil || *ix.CMS != c.want {
			t.Errorf("%q: parsed %+v, want %+v", c.block, ix.CMS, c.want)
		}
	}
	if ix, _ := ParseIndex("content/_index.md", []byte(validIndex)); ix.CMS != nil {
		t.Errorf("no cms setting gave %+v", ix.CMS)
	}
}

// TestParseCMSErrors: each mistake is one error at its line, in both
// languages, and leaves the form off rather than half configured.
func TestParseCMSErrors(t *testing.T) {
	for _, c := range []struct{ block, sv, en string }{
		{"cms: forbundet/katalog\n",
			`content/_index.md:11:6: fel: cms: ska vara en grupp av fält, t.ex. {repo: forbundet/katalog, branch: main}, inte text`,
			`content/_index.md:11:6: error: cms: must be a group of fields, e.g. {repo: forbundet/katalog, branch: main}, not text`},
		{"cms: {branch: main}\n",
			`content/_index.md:11:6: fel: cms.repo: måste finnas`,
			`content/_index.md:11:6: error: cms.repo: is required`},
		{"cms:\n  repo: https://github.com/forbundet/katalog\n",
			`content/_index.md:12:9: fel: cms.repo: "https://github.com/forbundet/katalog" är inget GitHub-repo: skriv ägare/namn, t.ex. forbundet/katalog`,
			`content/_index.md:12:9: error: cms.repo: "https://github.com/forbundet/katalog" is not a GitHub repository: write owner/name, e.g. forbundet/katalog`},
		{"cms:\n  repo: forbundet/katalog\n  branch: min gren\n",
			`content/_index.md:13:11: fel: cms.branch: "min gren" är inget giltigt namn på en gren: använd bokstäver a–z, siffror, -, _, . och /, t.ex. main`,
			`content/_index.md:13:11: error: cms.branch: "min gren" is not a valid branch name: use letters a-z, digits, -, _, . and /, e.g. main`},
		{"cms:\n  repo: forbundet/katalog\n  branch: ../main\n",
			`content/_index.md:13:11: fel: cms.branch: "../main" är inget giltigt namn på en gren: använd bokstäver a–z, siffror, -, _, . och /, t.ex. main`,
			`content/_index.md:13:11: error: cms.branch: "../main" is not a valid branch name: use letters a-z, digits, -, _, . and /, e.g. main`},
		{"cms:\n  backend: gitlab\n",
			`content/_index.md:12:12: fel: cms.backend: "gitlab" är ingen backend som formuläret kan använda; menade du "github"? (giltiga: github, test-repo)`,
			`content/_index.md:12:12: error: cms.backend: "gitlab" is not a backend the form can use; did you mean "github"? (valid: github, test-repo)`},
		{"cms:\n  repo: forbundet/katalog\n  brach: main\n",
			`content/_index.md:13:3: fel: cms.brach: okänt fält "brach"; menade du "branch"?`,
			`content/_index.md:13:3: error: cms.brach: unknown field "brach"; did you mean "branch"?`},
		{"cms:\n  repo: forbundet/katalog\n  base_url: oauth.example.se\n",
			`content/_index.md:13:13: fel: cms.base_url: länken "oauth.example.se" går inte: här ska det stå en webbadress som börjar med https://, t.ex. https://example.se/`,
			`content/_index.md:13:13: error: cms.base_url: link "oauth.example.se" is not allowed: this must be a web address starting with https://, e.g. https://example.se/`},
		{"cms:\n  repo: forbundet/katalog\n  auth_endpoint: https://x/auth\n",
			`content/_index.md:13:18: fel: cms.auth_endpoint: "https://x/auth" är ingen sökväg: skriv den del av adressen som kommer efter base_url, t.ex. auth`,
			`content/_index.md:13:18: error: cms.auth_endpoint: "https://x/auth" is not a path: write the part of the address that follows base_url, e.g. auth`},
		{"cms:\n  repo: forbundet/katalog\n  site_domain: https://katalogen.netlify.app/\n",
			`content/_index.md:13:16: fel: cms.site_domain: "https://katalogen.netlify.app/" är inget domännamn: skriv bara namnet, t.ex. katalogen.netlify.app, utan https:// och /`,
			`content/_index.md:13:16: error: cms.site_domain: "https://katalogen.netlify.app/" is not a domain name: write the name only, e.g. katalogen.netlify.app, without https:// and /`},
	} {
		ix, diags := ParseIndex("content/_index.md", withCMS(c.block))
		if len(diags) != 1 {
			t.Errorf("%q: want one error, got:\n%s", c.block, printed(diags))
			continue
		}
		if got := diags[0].Text(msg.Sv); got != c.sv {
			t.Errorf("%q in Swedish:\n got %s\nwant %s", c.block, got, c.sv)
		}
		if got := diags[0].Text(msg.En); got != c.en {
			t.Errorf("%q in English:\n got %s\nwant %s", c.block, got, c.en)
		}
		if ix != nil && ix.CMS != nil {
			t.Errorf("%q: a setting with errors gave a form: %+v", c.block, ix.CMS)
		}
	}
}

// TestClearedFieldsAreLeftOut: the form writes a field the editor filled in
// and cleared again as "" (a date, a number, a text, a contact's field);
// that is the field left out, and a required one is still required.
func TestClearedFieldsAreLeftOut(t *testing.T) {
	cleared := strings.Replace(validActivity, "alder: {fran: 18, till: 29}\nstart: 2007-01-01\n",
		"alder: {fran: '', till: ''}\nstart: \"\"\nplatser: \"\"\nmalgrupp: ''\ngranskad: \"\"\n", 1)
	cleared = strings.Replace(cleared, "    epost: peter@example.se\n", "    epost: peter@example.se\n    roll: \"\"\n    kommun: \"\"\n", 1)
	a, diags := ParseActivity("v.md", "lotsen", []byte(cleared))
	if len(diags) != 0 {
		t.Fatalf("cleared optional fields gave:\n%s", printed(diags))
	}
	if a.Alder != nil || !a.Start.IsZero() || a.Platser != 0 || a.Malgrupp != "" || !a.Granskad.IsZero() || a.Kontakt[0].Roll != "" {
		t.Errorf("cleared fields have values: %+v", a)
	}
	_, diags = ParseActivity("v.md", "lotsen", []byte(strings.Replace(validActivity, "namn: Lotsen", `namn: ""`, 1)))
	if got, want := printed(diags), "v.md:2:7: error: namn: is empty; it must be filled in\n"; got != want {
		t.Errorf("a cleared namn gave %q, want %q", got, want)
	}
}
