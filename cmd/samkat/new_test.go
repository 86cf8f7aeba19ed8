package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateNew = flag.Bool("update-new", false, "rewrite testdata/new/*.golden")

// newActivity runs samkat new in dir and returns the file it wrote.
func newActivity(t *testing.T, dir string, args ...string) (path string, data string) {
	t.Helper()
	code, stdout, stderr := runSamkat(t, append(append([]string{"new"}, args...), dir)...)
	if code != exitOK || stderr != "" {
		t.Fatalf("new %v exited %d\nstdout:\n%s\nstderr:\n%s", args, code, stdout, stderr)
	}
	m := regexp.MustCompile(`(?m)^samkat new: (?:skrev|wrote) (.+)$`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("stdout names no file:\n%s", stdout)
	}
	b, err := os.ReadFile(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return m[1], string(b)
}

func goldenNew(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "new", name)
	if *updateNew {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/samkat -run TestRunNew -update-new)", err)
	}
	if got != string(want) {
		t.Errorf("the new file differs from %s (run with -update-new and review the diff):\n%s", file, got)
	}
}

func TestRunNewGolden(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	dir := initCatalogue(t)
	path, got := newActivity(t, dir, "Steg 1: Arbete & hälsa", "--funktion", "Samordnande insatser",
		"--funktion", "aktiverande-funktion", "--kommun", "exempelstad", "--kommun", " EXEMPELBY ", "--now", "2026-11-20")
	if want := filepath.Join(dir, "content", "verksamheter", "steg-1-arbete-halsa.md"); path != want {
		t.Errorf("wrote %s, want %s", path, want)
	}
	goldenNew(t, "steg-1-arbete-halsa.md.golden", got)

	_, got = newActivity(t, dir, "Nytt team", "--now", "2026-11-20")
	goldenNew(t, "nytt-team.md.golden", got)
}

// activityFieldNames are every field of an activity in the content format;
// a new file names each, in use or commented out.
var activityFieldNames = []string{"namn", "funktion", "kommuner", "finansiering", "kontakt", "samverkansparter",
	"huvudman", "forbund", "malgrupp", "alder", "start", "slut", "platser", "remiss", "egenanmalan",
	"inriktning", "webb", "granskad", "utkast", "aliases"}

var contactFieldNames = []string{"namn", "roll", "telefon", "epost", "adress", "kommun"}

func TestRunNewHasEveryField(t *testing.T) {
	_, got := newActivity(t, initCatalogue(t), "Alla fält")
	front, body, ok := strings.Cut(strings.TrimPrefix(got, "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("no frontmatter:\n%s", got)
	}
	for _, f := range activityFieldNames {
		if !regexp.MustCompile(`(?m)^(# )?` + f + `:`).MatchString(front) {
			t.Errorf("the new file lacks %s:", f)
		}
	}
	for _, f := range contactFieldNames {
		if !regexp.MustCompile(`(?m)^    (# )?` + f + `:|^  - ` + f + `:`).MatchString(front) {
			t.Errorf("the new file's contact lacks %s:", f)
		}
	}
	for _, h := range []string{"Bakgrund", "Syfte", "Målgrupp", "Arbetssätt", "Kompetens", "Ingång till verksamheten"} {
		if !strings.Contains(body, "\n## "+h+"\n") {
			t.Errorf("the body lacks the section %s", h)
		}
	}
}

// TestRunNewFailsUntilFilledIn is the promise of the placeholders: check
// names every one of them, and passes once they are filled in.
func TestRunNewFailsUntilFilledIn(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	dir := initCatalogue(t)
	path, data := newActivity(t, dir, "Nytt team")
	rel := "content/verksamheter/nytt-team.md"

	code, stdout, stderr := runSamkat(t, "check", dir)
	if code != exitContent {
		t.Fatalf("check of an unfilled file exited %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		rel + `:12:11: fel: funktion: "ANGE-FUNKTION" finns inte i content/_index.md`,
		rel + `:15:12: fel: kommuner: "ANGE-KOMMUN"`,
		rel + `:19:16: fel: finansiering: "ANGE-FINANSIERING" finns inte i content/_index.md`,
		rel + `:23:14: fel: kontakt[0].telefon: "ANGE-TELEFON" ser inte ut som ett telefonnummer`,
		rel + `:24:12: fel: kontakt[0].epost: "ANGE-EPOST" ser inte ut som en e-postadress`,
		"5 fel",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check output lacks %q:\n%s", want, stderr)
		}
	}

	filled := strings.NewReplacer(
		"funktion: ANGE-FUNKTION", "funktion: samordnande-insatser",
		"[ANGE-KOMMUN]", "[Exempelstad]",
		"[ANGE-FINANSIERING]", "[finsam, ordinarie]",
		"telefon: ANGE-TELEFON", "telefon: 010-123 45 67",
		"epost: ANGE-EPOST", "epost: team@example.se",
		"    # namn: Förnamn Efternamn", "    namn: Kim Exempel",
		"## Bakgrund\n", "## Bakgrund\n\nTeamet startade 2026.\n",
	).Replace(data)
	if err := os.WriteFile(path, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runSamkat(t, "check", dir)
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "(0 fel, 0 varningar)") {
		t.Errorf("check of the filled-in file exited %d\nstdout:\n%s\nstderr:\n%s\nfile:\n%s", code, stdout, stderr, filled)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runSamkat(t, "build", "-o", out, dir); code != exitOK {
		t.Fatalf("build exited %d\n%s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "verksamheter", "nytt-team", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Nytt team", "Kim Exempel", "Teamet startade 2026."} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(string(page), "Anteckningar") || strings.Contains(string(page), "Varför verksamheten finns") {
		t.Error("the template's notes reached the page")
	}
}

func TestRunNewRefuses(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	dir := initCatalogue(t)
	sub := filepath.Join(dir, "content", "verksamheter", "avslutade")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "gamla-teamet.md"), []byte("---\nnamn: x\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // exactly
	}{
		{"slug exists", []string{"Exempelteamet", dir}, exitContent,
			"samkat new: det finns redan en verksamhet med filnamnet exempelteamet.md: content/verksamheter/exempelteamet.md; välj ett annat namn eller ändra den filen\n"},
		{"slug exists in a subfolder", []string{"Gamla  teamet!", dir}, exitContent,
			"samkat new: det finns redan en verksamhet med filnamnet gamla-teamet.md: content/verksamheter/avslutade/gamla-teamet.md; välj ett annat namn eller ändra den filen\n"},
		{"undeclared kommun", []string{"X", "--kommun", "Exempelstan", dir}, exitContent,
			`samkat new: --kommun "Exempelstan" finns inte i content/_index.md; menade du "Exempelstad"?; giltiga: Exempelstad, Exempelby` + "\n"},
		{"undeclared funktion", []string{"X", "--funktion", "lots", dir}, exitContent,
			`samkat new: --funktion "lots" finns inte i content/_index.md; giltiga: samordnande-insatser, kartlaggande-funktion, aktiverande-funktion, trana-praktisera-motivera` + "\n"},
		{"no name", []string{}, exitUsage,
			`samkat new: ange verksamhetens namn, till exempel: samkat new "KRAFT-teamet"` + "\n"},
		{"a folder for a name", []string{dir}, exitUsage,
			`samkat new: ange verksamhetens namn, till exempel: samkat new "KRAFT-teamet"` + "\n"},
		{"no letters", []string{"–", dir}, exitUsage,
			`samkat new: namnet "–" ger inget filnamn; det behöver minst en bokstav eller siffra` + "\n"},
		{"not a catalogue", []string{"X", t.TempDir()}, exitContent, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runSamkat(t, append([]string{"new"}, tt.args...)...)
			if code != tt.code || stdout != "" || tt.stderr != "" && stderr != tt.stderr {
				t.Errorf("exit %d, stdout %q\nstderr %q\nwant exit %d, stderr %q", code, stdout, stderr, tt.code, tt.stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "verksamheter")); len(entries) != 2 {
		t.Errorf("refused commands wrote files: %v", entries)
	}
}

func TestRunNewOwnTemplate(t *testing.T) {
	dir := initCatalogue(t)
	own := filepath.Join(dir, "layouts", "_new", "verksamhet.md")
	if err := os.MkdirAll(filepath.Dir(own), 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl := `---
namn: {{yaml .Namn}}
funktion: {{with .Funktion}}{{yaml .}}{{else}}ANGE-FUNKTION{{end}}
kommuner: {{with .Kommuner}}{{yaml .}}{{else}}[alla]{{end}}
finansiering: [finsam]
kontakt:
  - namn: Förbundets kansli
    epost: kansli@example.se
huvudman: Samordningsförbundet i {{.Katalog.Titel}}
granskad: {{.Granskad}}
---
Filen heter {{.Slug}}.md; {{len .Katalog.Kommuner}} kommuner.
`
	if err := os.WriteFile(own, []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	_, got := newActivity(t, dir, "Förbundets lots", "--funktion", "kartlaggande-funktion", "--now", "2026-11-20")
	want := `---
namn: Förbundets lots
funktion: [kartlaggande-funktion]
kommuner: [alla]
finansiering: [finsam]
kontakt:
  - namn: Förbundets kansli
    epost: kansli@example.se
huvudman: Samordningsförbundet i Samverkan i Exempelbygden
granskad: 2026-11-20
---
Filen heter forbundets-lots.md; 2 kommuner.
`
	if got != want {
		t.Errorf("with the catalogue's template:\n%s\nwant:\n%s", got, want)
	}
	if code, stdout, stderr := runSamkat(t, "check", "--now", "2026-11-20", dir); code != exitOK {
		t.Errorf("check exited %d\n%s%s", code, stdout, stderr)
	}

	// A broken template is named, and nothing is written.
	if err := os.WriteFile(own, []byte("namn: {{.Nam}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SAMKAT_LANG", "")
	code, _, stderr := runSamkat(t, "new", "Trasig", dir)
	if code != exitContent || !strings.HasPrefix(stderr, "samkat new: mallen layouts/_new/verksamhet.md: ") || !strings.Contains(stderr, "Nam") {
		t.Errorf("broken template: exit %d, stderr %q", code, stderr)
	}
	notExist(t, filepath.Join(dir, "content", "verksamheter", "trasig.md"))
}
