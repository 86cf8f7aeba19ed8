package load

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/markdown"
)

const validActivity = `---
namn: Lotsen
funktion: trana-praktisera-motivera
kommuner: [Borås]
finansiering: [finsam]
kontakt:
  - namn: Peter Exempel
    telefon: 033-35 51 00
    epost: peter@example.se
alder: {fran: 18, till: 29}
start: 2007-01-01
slut: "2009-12-31"
egenanmalan: true
inriktning: individinriktad
webb: https://example.se/lotsen
---
## Syfte
Text.
`

// printed renders diagnostics one per line, as samkat prints them.
func printed(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func TestParseActivityValid(t *testing.T) {
	a, diags := ParseActivity("v.md", "lotsen", []byte(validActivity))
	if len(diags) != 0 {
		t.Fatalf("diagnostics for a valid file:\n%s", printed(diags))
	}
	if a.Namn != "Lotsen" || a.Funktion[0] != "trana-praktisera-motivera" || a.Kommuner[0] != "Borås" {
		t.Errorf("parsed %+v", a)
	}
	if *a.Alder.Fran != 18 || *a.Alder.Till != 29 || a.Slut.String() != "2009-12-31" || !*a.Egenanmalan {
		t.Errorf("alder/slut/egenanmalan wrong: %+v", a)
	}
	if a.Kontakt[0].Telefon != "033-35 51 00" {
		t.Errorf("telefon = %q", a.Kontakt[0].Telefon)
	}
	if got := a.Pos["kontakt[0].epost"].Line; got != 9 {
		t.Errorf("kontakt[0].epost on line %d, want 9", got)
	}
	// The body keeps the file's line numbers.
	if lines := strings.Split(string(a.Body), "\n"); lines[16] != "## Syfte" {
		t.Errorf("body line 17 = %q", lines[16])
	}
}

// TestParseActivityRules has a case per single-file rule of the content
// format: the replaced line and the exact diagnostic it must produce.
func TestParseActivityRules(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"unknown key with suggestion", "kommuner: [Borås]", "kommun: [Borås]",
			`v.md:4:1: error: kommun: unknown field "kommun"; did you mean "kommuner"?`},
		{"required field missing", "namn: Lotsen\n", "",
			`v.md:1: error: namn: is required`},
		{"namn is a number", "namn: Lotsen", "namn: 123",
			`v.md:2:7: error: namn: must be text, not a number; put it in quotes if you mean "123"`},
		{"list where text expected", "namn: Lotsen", "namn: [a, b]",
			`v.md:2:7: error: namn: must be text, not a list`},
		{"mapping where list expected", "kommuner: [Borås]", "kommuner: {a: b}",
			`v.md:4:11: error: kommuner: must be a list, e.g. [Borås, Mark], not a group of fields`},
		{"duplicate key", "finansiering: [finsam]", "finansiering: [finsam]\nnamn: Igen",
			`v.md:6:1: error: namn: appears twice; the first is on line 2`},
		{"impossible date", "start: 2007-01-01", "start: 2007-02-30",
			`v.md:11:8: error: start: "2007-02-30": February 2007 has only 28 days`},
		{"slut before start", "start: 2007-01-01", "start: 2010-01-01",
			`v.md:12:7: error: slut: 2009-12-31 is before start (2010-01-01); an activity cannot end before it begins`},
		{"ages reversed", "{fran: 18, till: 29}", "{fran: 30, till: 29}",
			`v.md:10:15: error: alder.fran: 30 is more than alder.till (29); the range is from the lowest to the highest age`},
		{"unknown age key", "{fran: 18, till: 29}", "{from: 18}",
			`v.md:10:9: error: alder.from: unknown field "from"; did you mean "fran"?`},
		{"bad email", "peter@example.se", "peter(at)example.se",
			`v.md:9:12: error: kontakt[0].epost: "peter(at)example.se" does not look like an e-mail address, e.g. namn.efternamn@example.se`},
		{"phone without digits", "033-35 51 00", "ring växeln",
			`v.md:8:14: error: kontakt[0].telefon: "ring växeln" does not look like a phone number: use digits, spaces, +, - and parentheses, e.g. 033-35 83 00`},
		{"contact says nothing", "  - namn: Peter Exempel\n    telefon: 033-35 51 00\n    epost: peter@example.se\n", "  - roll: Coach\n",
			`v.md:7:5: error: kontakt[0]: says nothing about the contact; give at least a namn, telefon, epost or adress`},
		{"javascript webb", "https://example.se/lotsen", "javascript:alert(1)",
			`v.md:15:7: error: webb: link "javascript:alert(1)" is not allowed: this must be a web address starting with https://, e.g. https://example.se/`},
		{"egenanmalan not bool", "egenanmalan: true", "egenanmalan: ja",
			`v.md:13:14: error: egenanmalan: must be true or false, not "ja"`},
		{"inriktning misspelt", "inriktning: individinriktad", "inriktning: individinriktat",
			`v.md:14:13: error: inriktning: "individinriktat" is not valid; did you mean "individinriktad"? (valid: individinriktad, strukturovergripande)`},
		{"alla with others", "kommuner: [Borås]", "kommuner: [alla, Mark]",
			`v.md:4:11: error: kommuner: [alla] means every municipality; write it alone, without other names`},
		{"anchor", "funktion: trana-praktisera-motivera", "funktion: &f trana-praktisera-motivera",
			`v.md:3:11: error: funktion: anchors and aliases (&, *) are not supported; write the value out`},
		{"yaml syntax", "namn: Lotsen", "namn: [Lotsen",
			`v.md:2:7: error: [ is opened here but never closed; put ] after the last value`},
		{"unclosed frontmatter", "---\n## Syfte", "## Syfte",
			`v.md:1: error: the frontmatter starting here is never closed with a --- line`},
		{"toml", "---\nnamn: Lotsen", "+++\nnamn = 'Lotsen'",
			`v.md:1: error: only YAML frontmatter between --- lines is supported, not TOML or JSON`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(validActivity, c.old, c.new, 1)
			if src == validActivity && c.old != c.new {
				t.Fatalf("case does not change the file: %q not found", c.old)
			}
			_, diags := ParseActivity("v.md", "lotsen", []byte(src))
			got := printed(diags)
			if !strings.Contains(got, c.want+"\n") {
				t.Errorf("diagnostics:\n%s\nwant a line:\n%s", got, c.want)
			}
		})
	}
}

// TestContactNameOnly: a contact may be a name and a role only, as activity
// plans and reports write them. That is not an error in the file; check
// warns when the activity as a whole gives no way to reach it.
func TestContactNameOnly(t *testing.T) {
	src := strings.Replace(validActivity, "    telefon: 033-35 51 00\n    epost: peter@example.se\n", "    roll: Projektledare\n", 1)
	a, diags := ParseActivity("v.md", "lotsen", []byte(src))
	if len(diags) != 0 {
		t.Fatalf("diagnostics for a contact with a name and a role:\n%s", printed(diags))
	}
	if len(a.Kontakt) != 1 || a.Kontakt[0].Namn != "Peter Exempel" || a.Kontakt[0].Roll != "Projektledare" {
		t.Errorf("kontakt = %+v", a.Kontakt)
	}
}

// TestParsePageName: förbund, financing and function pages name their
// subject with namn, as activities do; titel is the same field; both is an error.
func TestParsePageName(t *testing.T) {
	cases := []struct {
		name  string
		kind  catalog.PageKind
		front string
		titel string // the name the page gets
		want  string // the exact diagnostics, "" for none
	}{
		{"forbund namn", catalog.ForbundPage, "namn: Förbundet\nkommuner: [Mark]", "Förbundet", ""},
		{"forbund titel", catalog.ForbundPage, "titel: Förbundet", "Förbundet", ""},
		{"forbund both", catalog.ForbundPage, "namn: Förbundet\ntitel: Förbundet",
			"", "p.md:3:1: error: titel: is the same field as namn (line 2); give only one of them\n"},
		{"forbund neither", catalog.ForbundPage, "beskrivning: Om förbundet",
			"", "p.md:1: error: namn: is required\n"},
		{"forbund namn empty", catalog.ForbundPage, "namn:\nbeskrivning: B",
			"", "p.md:2:6: error: namn: is empty; it must be filled in\n"},
		{"finansiering namn", catalog.FinansieringPage, "namn: Finsam", "Finsam", ""},
		{"finansiering titel", catalog.FinansieringPage, "titel: Finsam", "Finsam", ""},
		{"finansiering neither", catalog.FinansieringPage, "beskrivning: Om finsam", "", ""},
		{"finansiering both", catalog.FinansieringPage, "titel: Finsam\nnamn: Finsam",
			"", "p.md:2:1: error: titel: is the same field as namn (line 3); give only one of them\n"},
		{"funktion namn", catalog.FunktionPage, "namn: Kartläggning", "Kartläggning", ""},
		{"funktion both", catalog.FunktionPage, "namn: A\ntitel: B",
			"", "p.md:3:1: error: titel: is the same field as namn (line 2); give only one of them\n"},
		{"plain page namn", catalog.PlainPage, "titel: Om\nnamn: Om",
			"Om", "p.md:3:1: error: namn: unknown field \"namn\" (valid: titel, beskrivning, utkast)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, diags := ParsePage("p.md", "p", c.kind, []byte("---\n"+c.front+"\n---\nText.\n"))
			if got := printed(diags); got != c.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, c.want)
			}
			if p != nil && p.Titel != c.titel {
				t.Errorf("titel = %q, want %q", p.Titel, c.titel)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	crlf := strings.ReplaceAll(validActivity, "\n", "\r\n")
	cases := []struct {
		name string
		src  string
		want string // "" means valid
	}{
		{"BOM", "\uFEFF" + validActivity, ""},
		{"CRLF", crlf, ""},
		{"CR", strings.ReplaceAll(validActivity, "\n", "\r"), ""},
		{"Latin-1", strings.Replace(validActivity, "Borås", "Bor\xe5s", 1), "v.md:4: error: is not valid UTF-8 (first bad byte on this line); save the file as UTF-8"},
		{"NUL", strings.Replace(validActivity, "Text.", "Te\x00xt.", 1), "v.md:18: error: contains a NUL byte; the file is not text (save it as UTF-8 text)"},
		{"empty", "  \n\n", "v.md:1: error: file is empty; it needs frontmatter between --- lines (see docs/editors.md)"},
		{"document is a list", "---\n- a\n- b\n---\n", "v.md:2:1: error: the frontmatter must be fields written as key: value, not a list"},
		{"only frontmatter", "---\nnamn: x\n---", "v.md:1: error: funktion: is required\nv.md:1: error: kommuner: is required\nv.md:1: error: finansiering: is required\nv.md:1: error: kontakt: is required"},
		{"no frontmatter", "# Lotsen\n", "v.md:1: error: the file must start with a --- line, then the fields, then another --- line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, diags := ParseActivity("v.md", "lotsen", []byte(c.src))
			got := printed(diags)
			if c.want == "" {
				if got != "" || a == nil || a.Kommuner[0] != "Borås" {
					t.Errorf("valid file gave:\n%s", got)
				}
				if a != nil && a.Pos["kontakt[0].epost"].Line != 9 {
					t.Errorf("line numbers shifted: epost on %d", a.Pos["kontakt[0].epost"].Line)
				}
				return
			}
			if got != c.want+"\n" {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

func TestBillionLaughsIsRefusedQuickly(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 30; i++ {
		b.WriteString("a" + string(rune('0'+i%10)) + string(rune('a'+i/10)) + ": &b" + strings.Repeat("x", i) + " [")
		b.WriteString("*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n")
	}
	b.WriteString("---\n")
	_, diags := ParseActivity("v.md", "x", []byte(b.String()))
	if !diags.HasErrors() {
		t.Fatal("no error for an alias bomb")
	}
}

const validIndex = `---
titel: Test
kommuner: [Borås, Mark]
funktioner:
  - id: samordnande-insatser
    namn: Samordnande insatser
  - Träna, praktisera
finansiering: [{id: finsam, namn: Finsam}]
matris: {rader: kommuner, kolumner: funktioner}
synonymer: {FK: Försäkringskassan}
---
Intro.
`

func TestParseIndex(t *testing.T) {
	ix, diags := ParseIndex("content/_index.md", []byte(validIndex))
	if len(diags) != 0 {
		t.Fatal(printed(diags))
	}
	if ix.Funktioner[1].ID != "trana-praktisera" || ix.Sprak != "sv" || ix.GranskasInom != 365 || ix.Synonymer[0].Ord != "FK" {
		t.Errorf("parsed %+v", ix)
	}
	bad := strings.Replace(validIndex, "kolumner: funktioner", "kolumner: funktion", 1)
	_, diags = ParseIndex("content/_index.md", []byte(bad))
	want := `content/_index.md:9:37: error: matris.kolumner: "funktion" is not an axis; did you mean "funktioner"? (valid: kommuner, funktioner, finansiering, huvudman)`
	if got := printed(diags); got != want+"\n" {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCatalogueWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                       {Data: []byte(validIndex)},
		"content/verksamheter/lotsen.md":          {Data: []byte(validActivity)},
		"content/verksamheter/sub/Kraft Huset.md": {Data: []byte(strings.Replace(validActivity, "Lotsen", "Kraft-huset", 1))},
		"content/verksamheter/.#lotsen.md":        {Data: []byte("junk")},
		"content/verksamheter/lotsen.md~":         {Data: []byte("junk")},
		"content/bild.png":                        {Data: []byte("png")},
		"content/om.md":                           {Data: []byte("---\ntitel: Om\n---\n")},
		"content/tillganglighet.md":               {Data: []byte("---\n---\nText\n")},
		"content/forbund/bms.md":                  {Data: []byte("---\ntitel: BMS\nkommuner: [Mark]\n---\n")},
		"content/annat/x.md":                      {Data: []byte("---\ntitel: X\n---\n")},
		"content/lank.md":                         {Data: []byte("x"), Mode: 0o777 | 1<<27}, // fs.ModeSymlink
	}
	cat, diags, err := Catalogue(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := printed(diags)
	for _, want := range []string{
		"content/bild.png: warning: is not a .md file and is ignored; images and other files belong in static/\n",
		"content/annat/x.md: warning: is ignored: only verksamheter/ may have subfolders",
		"content/lank.md: error: is a symbolic link; samkat does not follow links",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if cat.Index == nil || len(cat.Activities) != 2 {
		t.Fatalf("index %v, %d activities", cat.Index != nil, len(cat.Activities))
	}
	if cat.Activities[0].Slug != "lotsen" || cat.Activities[1].Slug != "kraft-huset" {
		t.Errorf("slugs %q %q", cat.Activities[0].Slug, cat.Activities[1].Slug)
	}
	kinds := map[string]catalog.PageKind{}
	for _, p := range cat.Pages {
		kinds[p.Slug] = p.Kind
	}
	if kinds["om"] != catalog.PlainPage || kinds["tillganglighet"] != catalog.TillganglighetPage || kinds["bms"] != catalog.ForbundPage {
		t.Errorf("page kinds %v", kinds)
	}
}

func TestMissingIndex(t *testing.T) {
	fsys := fstest.MapFS{"content/verksamheter/lotsen.md": {Data: []byte(validActivity)}}
	cat, diags, err := Catalogue(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if cat.Index != nil || !strings.Contains(printed(diags), "content/_index.md: error: is missing") {
		t.Errorf("got:\n%s", printed(diags))
	}
	if _, _, err := Catalogue(context.Background(), fstest.MapFS{}); err == nil {
		t.Error("no error without content/")
	}
}

// FuzzParseActivity feeds arbitrary files through frontmatter and field
// parsing: no panic, and every diagnostic names the file and a line inside it.
func FuzzParseActivity(f *testing.F) {
	f.Add([]byte(validActivity))
	f.Add([]byte("---\nkontakt: [{namn: a, telefon: 1}]\nalder: {fran: 1}\n---\n"))
	f.Add([]byte("\uFEFF---\r\nnamn: a\r\n---\r\nbody"))
	f.Add([]byte("---\na: &a [*a]\n---\n"))
	// The limits on values: tags, notations, invisible characters, e-mail
	// headers, values without a slug.
	for _, v := range []string{"namn: !!binary TG90c2Vu", "namn: !foo x", "!!str namn: x", "platser: 0x10", "platser: 1_000",
		"platser: .nan", "platser: 123456789012345678901234567890", "namn: 1e3", "namn: \"a\\u202eb\"", "namn: a\u202eb",
		"huvudman: \"a\\eb\"", "kommuner: [a\u200bb]", "kontakt: [{epost: a@b.se?bcc=c@d.se}]", "kontakt: [{telefon: 033\u2060123456}]",
		"huvudman: \"–\"", "remiss: [\"???\"]", "webb: https://b\u043eras.se/", "alder: {fran: 0o17, till: .inf}"} {
		f.Add([]byte("---\nnamn: a\n" + v + "\n---\n"))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		a, diags := ParseActivity("v.md", "v", src)
		lines := strings.Count(string(normalizeNewlines(src)), "\n") + 1
		for _, d := range diags {
			if d.Pos.File != "v.md" || d.Pos.Line < 0 || d.Pos.Line > lines {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		if a != nil && a.Namn == "" && !diags.HasErrors() {
			t.Fatal("activity without namn passed")
		}
		if a == nil || diags.HasErrors() {
			return
		}
		texts := []string{a.Namn, a.Huvudman, a.Forbund, a.Malgrupp, a.Webb}
		texts = append(append(append(append(texts, a.Funktion...), a.Kommuner...), a.Samverkansparter...), a.Remiss...)
		for _, c := range a.Kontakt {
			texts = append(texts, c.Namn, c.Roll, c.Telefon, c.Epost, c.Adress, c.Kommun)
			if strings.ContainsAny(c.Epost, emailBadChars) {
				t.Fatalf("epost %q passed", c.Epost)
			}
		}
		for _, s := range texts {
			if i := strings.IndexFunc(s, func(r rune) bool { _, bad := invisible(r); return bad }); i >= 0 {
				t.Fatalf("%q passed with an invisible character", s)
			}
		}
		if a.Huvudman != "" && catalog.Slugify(a.Huvudman) == "" {
			t.Fatalf("huvudman %q passed without a slug", a.Huvudman)
		}
	})
}

// FuzzParseIndex does the same for content/_index.md.
func FuzzParseIndex(f *testing.F) {
	f.Add([]byte(validIndex))
	f.Add([]byte("---\nfunktioner: [a, {id: b}]\nmatris: {rader: x}\n---\n"))
	for _, v := range []string{"baseurl: https://a.se//b.example/", "baseurl: https://a.se/x?y#z", "baseurl: 'https://a.se/\\b/'",
		"kommuner: [Mark, mark]", "kommuner: [Mark, M\u0430rk]", "kommuner: [Borås, Boras]", "kommuner: [\"!!!\"]",
		"funktioner: [\"???\"]", "finansiering: [Finsam, {id: f, namn: F\u0456nsam}]", "granskas_inom: 0x16D", "titel: !!str x"} {
		f.Add([]byte("---\ntitel: a\n" + v + "\n---\n"))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ix, diags := ParseIndex("i.md", src)
		if ix == nil && !diags.HasErrors() {
			t.Fatal("unusable index without an error")
		}
		if ix == nil || diags.HasErrors() {
			return
		}
		if ix.BaseURL != "" && !markdown.CheckBaseURL(ix.BaseURL).IsZero() {
			t.Fatalf("baseurl %q passed", ix.BaseURL)
		}
		slugs := map[string]string{}
		for _, k := range ix.Kommuner {
			s := catalog.Slugify(k)
			if prev, dup := slugs[s]; dup || s == "" {
				t.Fatalf("kommuner %q and %q passed with the slug %q", prev, k, s)
			}
			slugs[s] = k
		}
		for _, terms := range [][]catalog.Term{ix.Funktioner, ix.Finansiering} {
			for _, term := range terms {
				if !catalog.ValidSlug(term.ID) {
					t.Fatalf("term %+v passed", term)
				}
			}
		}
	})
}
