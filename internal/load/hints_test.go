package load

import (
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// TestEditorMistakes has a case per mistake editors make in the
// frontmatter: the line replaced in a valid file and every diagnostic it
// must produce, exactly (one mistake, one message).
func TestEditorMistakes(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		// YAML syntax, at the line and column of the mistake.
		{"tab indentation", "    epost: peter@example.se", "\tepost: peter@example.se",
			`v.md:9:1: error: the line is indented with a tab; YAML allows only spaces for indentation`},
		{"colon in value", "namn: Lotsen", "namn: Steg 1: arbete",
			`v.md:2:13: error: the value contains a colon and a space, which YAML reads as a new field; put the value in quotes: namn: "Steg 1: arbete"`},
		{"unclosed bracket", "kommuner: [Borås]", "kommuner: [Borås",
			`v.md:4:11: error: [ is opened here but never closed; put ] after the last value`},
		{"unclosed bracket over lines", "kommuner: [Borås]", "kommuner: [Borås,\n  Mark",
			`v.md:4:11: error: [ is opened here but never closed; put ] after the last value`},
		{"unclosed quote", "namn: Lotsen", `namn: "Lotsen`,
			`v.md:2:7: error: the quote " that starts the value is never closed; put the same mark at the end of the value`},
		{"unclosed quote in list", "kommuner: [Borås]", `kommuner: [Borås, "Mark]`,
			`v.md:4:19: error: the quote " that starts the value is never closed; put the same mark at the end of the value`},
		{"text after quote", "namn: Lotsen", `namn: "Lotsen" i Borås`,
			`v.md:2:16: error: text after the closing quote; put the whole value in quotes: namn: '"Lotsen" i Borås'`},
		{"indented key", "finansiering: [finsam]", "  finansiering: [finsam]",
			`v.md:5:3: error: the line is indented, but the line above already has a value; remove the spaces at the start of the line`},
		{"misaligned contact field", "    epost: peter@example.se", "   epost: peter@example.se",
			`v.md:9:4: error: the line is indented 3 spaces, but the fields of its group (namn on line 7) are indented 4; line them up`},
		{"missing space after colon", "finansiering: [finsam]", "finansiering:[finsam]",
			`v.md:5:14: error: a space is missing after the colon; write finansiering: [finsam]`},
		{"missing space in contact", "    epost: peter@example.se", "    epost:peter@example.se",
			`v.md:9:11: error: a space is missing after the colon; write epost: peter@example.se`},
		{"missing space in a group", "alder: {fran: 18, till: 29}", "alder: {fran:18, till: 29}",
			`v.md:10:14: error: alder.fran: a space is missing after the colon; write fran: 18`},
		{"missing space in a lone contact", "  - namn: Peter Exempel\n    telefon: 033-35 51 00\n    epost: peter@example.se\n", "  - telefon:033-35 51 00\n",
			`v.md:7:13: error: kontakt[0].telefon: a space is missing after the colon; write telefon: 033-35 51 00`},
		{"no colon", "finansiering: [finsam]", "finansiering [finsam]",
			`v.md:5:1: error: the line has no colon; write the field name, a colon, a space and the value, e.g. namn: Lotsen`},
		{"value starting with @", "namn: Lotsen", "namn: @lotsen",
			`v.md:2:7: error: a value cannot start with @ without quotes; write namn: "@lotsen"`},
		{"parser message in words", "namn: Lotsen", "namn: Lotsen\n- x",
			`v.md:2: error: the frontmatter is not valid YAML: did not find expected key; check the indentation and the quotes`},

		// YAML that silently drops text.
		{"hash in value", "namn: Lotsen", "namn: Grupp #2 Mark",
			`v.md:2:13: warning: namn: what follows " #" is read as a comment and left out, so the value is only "Grupp"; put the value in quotes if the # belongs to it: namn: "Grupp #2 Mark"`},
		{"hash in a contact's value", "  - namn: Peter Exempel", "  - namn: Peter #1 Exempel",
			`v.md:7:17: warning: kontakt[0].namn: what follows " #" is read as a comment and left out, so the value is only "Peter"; put the value in quotes if the # belongs to it: namn: "Peter #1 Exempel"`},
		{"a comment is a comment", "namn: Lotsen", "namn: Lotsen # nytt namn 2024", ``},
		{"quoted hash", "namn: Lotsen", `namn: "Grupp #2 Mark"`, ``},
		{"indented first key", "namn: Lotsen", "  namn: Lotsen",
			`v.md:3:1: error: this line is not read, because the fields start indented on line 2; remove the spaces before the fields so that all start at the left margin`},
		{"document end", "alder: {fran: 18, till: 29}", "...\nalder: {fran: 18, till: 29}",
			`v.md:10: error: the lines after ... are not read; remove the line with the three dots`},

		// Empty values: required ones are one error, optional ones are absent.
		{"namn quoted empty", "namn: Lotsen", `namn: ""`, `v.md:2:7: error: namn: is empty; it must be filled in`},
		{"namn blank", "namn: Lotsen", `namn:`, `v.md:2:6: error: namn: is empty; it must be filled in`},
		{"kommuner empty list", "kommuner: [Borås]", `kommuner: []`, `v.md:4:11: error: kommuner: is empty; it must be filled in`},
		{"finansiering empty list", "finansiering: [finsam]", `finansiering: []`, `v.md:5:15: error: finansiering: is empty; it must be filled in`},
		{"funktion empty list", "funktion: trana-praktisera-motivera", `funktion: []`, `v.md:3:11: error: funktion: is empty; it must be filled in`},
		{"contact all empty", "  - namn: Peter Exempel\n    telefon: 033-35 51 00\n    epost: peter@example.se\n", "  - namn: \"\"\n    telefon: \"\"\n    epost:\n",
			`v.md:7:5: error: kontakt[0]: every field of the contact is empty; fill in at least a namn, telefon, epost or adress, or remove the contact`},
		{"optional fields cleared by a CMS", "alder: {fran: 18, till: 29}\nstart: 2007-01-01\nslut: \"2009-12-31\"\negenanmalan: true\ninriktning: individinriktad\nwebb: https://example.se/lotsen\n",
			"alder: \"\"\nstart: \"\"\nslut: \"\"\negenanmalan: \"\"\ninriktning: \"\"\nwebb: \"\"\nplatser: \"\"\nmalgrupp: \"\"\nsamverkansparter: []\nremiss: \"\"\ngranskad: \"\"\nutkast: \"\"\nhuvudman: \"\"\n", ``},

		// What is wrong with the value.
		{"month 13", "start: 2007-01-01", "start: 2007-13-01",
			`v.md:11:8: error: start: "2007-13-01": there is no month 13; write YYYY-MM-DD with the month 01–12`},
		{"30 February", "start: 2007-01-01", "start: 2026-02-30",
			`v.md:11:8: error: start: "2026-02-30": February 2026 has only 28 days`},
		{"date day first", "start: 2007-01-01", "start: 1/3 2007",
			`v.md:11:8: error: start: "1/3 2007": write dates as YYYY-MM-DD, that is 2007-03-01 if you mean 1 March 2007`},
		{"date without zeros", "start: 2007-01-01", "start: 2007-3-1",
			`v.md:11:8: error: start: "2007-3-1": write dates as YYYY-MM-DD, that is 2007-03-01 if you mean 1 March 2007`},
		{"date in words", "start: 2007-01-01", "start: 1 mars 2007",
			`v.md:11:8: error: start: "1 mars 2007": write dates as YYYY-MM-DD, that is 2007-03-01 if you mean 1 March 2007`},
		{"list without brackets", "kommuner: [Borås]", "kommuner: Borås, Mark",
			`v.md:4:11: error: kommuner: several values are written as a list in brackets: [Borås, Mark]`},
		{"party list without brackets", "egenanmalan: true", "egenanmalan: true\nsamverkansparter: Arbetsförmedlingen, Försäkringskassan",
			`v.md:14:19: warning: samverkansparter: is read as the list [Arbetsförmedlingen, Försäkringskassan]; put brackets around the values, or quotes around the text if it is a single name: "Arbetsförmedlingen, Försäkringskassan"`},
		{"party name with a comma, quoted", "egenanmalan: true", "egenanmalan: true\nsamverkansparter: \"Förbundet Bollebygd, Mark och Svenljunga\"", ``},
		{"en dash in phone", "033-35 51 00", "033–35 51 00",
			`v.md:8:17: error: kontakt[0].telefon: "033–35 51 00" contains a dash (–) instead of a hyphen (-); write "033-35 51 00"`},
		{"non-breaking space in phone", "033-35 51 00", "033-35\u00a051 00",
			`v.md:8:20: error: kontakt[0].telefon: "033-35\u00a051 00" contains a non-breaking space instead of a plain one; write "033-35 51 00"`},
		{"odd character in phone", "033-35 51 00", "033.35 51 00",
			`v.md:8:17: error: kontakt[0].telefon: "033.35 51 00": the character "." does not belong in a phone number; use digits, spaces, +, - and parentheses, e.g. 033-35 83 00`},
		{"hugo title", "namn: Lotsen", "title: Lotsen",
			`v.md:2:1: error: title: unknown field "title"; in samkat it is called "namn"`},
		{"hugo draft", "egenanmalan: true", "egenanmalan: true\ndraft: true",
			`v.md:14:1: error: draft: unknown field "draft"; in samkat it is called "utkast"`},
		{"hugo tags", "funktion: trana-praktisera-motivera", "tags: [trana-praktisera-motivera]",
			`v.md:3:1: error: tags: unknown field "tags"; in samkat it is called "funktion"`},
		{"hugo date", "egenanmalan: true", "egenanmalan: true\ndate: 2026-01-01",
			`v.md:14:1: error: date: unknown field "date"; in samkat it is called "granskad"`},
		{"url for webb", "webb: https://example.se/lotsen", "url: https://example.se/lotsen",
			`v.md:15:1: error: url: unknown field "url"; in samkat it is called "webb"`},

		// One mistake, one message.
		{"mistyped required key", "kommuner: [Borås]", "kommun: [Borås]",
			`v.md:4:1: error: kommun: unknown field "kommun"; did you mean "kommuner"?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(validActivity, c.old, c.new, 1)
			if src == validActivity {
				t.Fatalf("case does not change the file: %q not found", c.old)
			}
			_, diags := ParseActivity("v.md", "lotsen", []byte(src))
			got := strings.TrimSuffix(printed(diags), "\n")
			if got != c.want {
				t.Errorf("diagnostics:\n%s\nwant exactly:\n%s", got, c.want)
			}
		})
	}
}

// TestEditorMistakesInSwedish checks the Swedish words of some of them.
func TestEditorMistakesInSwedish(t *testing.T) {
	cases := []struct{ old, new, want string }{
		{"start: 2007-01-01", "start: 2026-02-30", `v.md:11:8: fel: start: "2026-02-30": februari 2026 har bara 28 dagar`},
		{"start: 2007-01-01", "start: 1/3 2026", `v.md:11:8: fel: start: "1/3 2026": skriv datum som ÅÅÅÅ-MM-DD, alltså 2026-03-01 om du menar 1 mars 2026`},
		{"namn: Lotsen", `namn: ""`, `v.md:2:7: fel: namn: är tomt; det måste fyllas i`},
		{"033-35 51 00", "033–35 51 00", `v.md:8:17: fel: kontakt[0].telefon: "033–35 51 00" innehåller ett tankstreck (–) i stället för ett bindestreck (-); skriv "033-35 51 00"`},
		{"namn: Lotsen", "namn: Lotsen\n- x", `v.md:2: fel: fälten är inte giltig YAML: ett fältnamn väntades här; kontrollera indrag och citattecken`},
	}
	for _, c := range cases {
		src := strings.Replace(validActivity, c.old, c.new, 1)
		_, diags := ParseActivity("v.md", "lotsen", []byte(src))
		if len(diags) != 1 || diags[0].Text("sv") != c.want {
			t.Errorf("%s: got %v, want %s", c.new, diags, c.want)
		}
	}
}

// TestYAMLHintValidParts checks that what YAML allows is not taken for a
// mistake when the file has one further down: texts over several lines,
// lists over several lines, | texts, lists at the key's column.
func TestYAMLHintValidParts(t *testing.T) {
	src := "namn: Lotsen\nmalgrupp: vuxna\n  som vill arbeta\nkommuner: [Borås,\n  Mark]\nalder: {fran: 18,\n  till: 64}\n" +
		"samverkansparter:\n- Arbetsförmedlingen\n- Försäkringskassan\nkontakt:\n  - |\n    text: med kolon\n  - namn: a\n    adress: |\n      Gatan 1: uppgång B\n" +
		"# en kommentar: med kolon\nfunktion: [a\n"
	h, ok := yamlHint([]byte(src), 2)
	if !ok || h.line != 18 || h.id != "yaml-unclosed-bracket" {
		t.Errorf("got %+v, %v; want the unclosed [ on line 18", h, ok)
	}
}

func TestIndexAndPageMistakes(t *testing.T) {
	_, diags := ParseIndex("i.md", []byte(strings.Replace(validIndex, "kommuner: [Borås, Mark]", "kommuner: []\nsprak: \"\"", 1)))
	if got, want := strings.TrimSpace(printed(diags)), `i.md:3:11: error: kommuner: is empty; it must be filled in`; got != want {
		t.Errorf("index: got\n%s\nwant\n%s", got, want)
	}
	_, diags = ParseIndex("i.md", []byte(strings.Replace(validIndex, "kommuner: [Borås, Mark]", "kommuner: Borås, Mark", 1)))
	if got, want := strings.TrimSpace(printed(diags)), `i.md:3:11: error: kommuner: several values are written as a list in brackets: [Borås, Mark]`; got != want {
		t.Errorf("index list: got\n%s\nwant\n%s", got, want)
	}
	_, diags = ParsePage("om.md", "om", catalog.PlainPage, []byte("---\ntitle: Om\ndraft: true\n---\n"))
	want := "om.md:2:1: error: title: unknown field \"title\"; in samkat it is called \"titel\"\n" +
		"om.md:3:1: error: draft: unknown field \"draft\"; in samkat it is called \"utkast\""
	if got := strings.TrimSpace(printed(diags)); got != want {
		t.Errorf("page: got\n%s\nwant\n%s", got, want)
	}
}
