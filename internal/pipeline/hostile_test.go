package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/publish"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// hostileIndex and hostileActivity are a minimal valid catalogue that the
// cases below break one way at a time.
const hostileIndex = `---
titel: Katalog
baseurl: https://example.se/
kommuner: [Borås, Mark]
funktioner: [Samordnande insatser]
finansiering: [Finsam]
---
Intro.
`

const hostileActivity = `---
namn: Lotsen
funktion: samordnande-insatser
kommuner: [Borås]
finansiering: [finsam]
kontakt:
  - namn: Anna
    telefon: 033-12 34 56
granskad: 2026-11-01
---
## Syfte

Text.
`

func hostileCatalogue(activity string) fstest.MapFS {
	return fstest.MapFS{
		"content/_index.md":              {Data: []byte(hostileIndex)},
		"content/tillganglighet.md":      {Data: []byte("---\n---\nRedogörelse.\n")},
		"content/verksamheter/lotsen.md": {Data: []byte(activity)},
	}
}

// TestHostileInputIsRefused: each case is an activity file as it might
// arrive in a pull request, and the exact diagnostic it must produce. A
// catalogue with errors writes nothing.
func TestHostileInputIsRefused(t *testing.T) {
	const f = "content/verksamheter/lotsen.md"
	// An exponential alias bomb inside a real field: each list repeats the
	// previous nine times. yaml.v3 keeps aliases as nodes, and samkat refuses
	// them before anything could expand them.
	var laughs strings.Builder
	laughs.WriteString("---\nnamn: Lotsen\nremiss:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i, prev := 0, "a"; i < 9; i++ {
		name := string(rune('b' + i))
		laughs.WriteString("  - &" + name + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n")
		prev = name
	}
	laughs.WriteString("---\n")
	tooBig := hostileActivity + strings.Repeat("x", 9<<20)
	many := strings.Repeat("  - {namn: A, telefon: 033-12 34 56}\n", 10000)

	const ix = "content/_index.md"
	act := func(old, new string) string { return strings.Replace(hostileActivity, old, new, 1) }
	index := func(old, new string) string { return strings.Replace(hostileIndex, old, new, 1) }
	const g = "granskad: 2026-11-01"
	const tel = "    telefon: 033-12 34 56"
	// indexed are cases about content/_index.md: its text, by the case's name.
	indexed := map[string]string{}
	withIndex := func(name, src string) string { indexed[name] = src; return name }
	cases := []struct {
		name string
		src  string
		want string
	}{
		{"Latin-1", strings.Replace(hostileActivity, "Borås", "Bor\xe5s", 1),
			f + ":4: error: is not valid UTF-8 (first bad byte on this line); save the file as UTF-8"},
		{"NUL byte", strings.Replace(hostileActivity, "Text.", "Te\x00xt", 1),
			f + ":13: error: contains a NUL byte; the file is not text (save it as UTF-8 text)"},
		{"empty file", "", f + ":1: error: file is empty; it needs frontmatter between --- lines (see docs/editors.md)"},
		{"only frontmatter", "---\nnamn: Lotsen\n---", f + ":1: error: funktion: is required"},
		{"unclosed frontmatter", strings.Replace(hostileActivity, "---\n## Syfte", "## Syfte", 1),
			f + ":1: error: the frontmatter starting here is never closed with a --- line"},
		{"TOML frontmatter", "+++\nnamn = 'Lotsen'\n+++\n", f + ":1: error: only YAML frontmatter between --- lines is supported, not TOML or JSON"},
		{"JSON frontmatter", "{\"namn\": \"Lotsen\"}\n", f + ":1: error: only YAML frontmatter between --- lines is supported, not TOML or JSON"},
		{"a list as the whole document", "---\n- namn\n- Lotsen\n---\n", f + ":2:1: error: the frontmatter must be fields written as key: value, not a list"},
		{"number as a name", strings.Replace(hostileActivity, "namn: Lotsen", "namn: 42", 1),
			f + `:2:7: error: namn: must be text, not a number; put it in quotes if you mean "42"`},
		{"list as a name", strings.Replace(hostileActivity, "namn: Lotsen", "namn: [Lotsen]", 1),
			f + ":2:7: error: namn: must be text, not a list"},
		{"group where a list belongs", strings.Replace(hostileActivity, "kommuner: [Borås]", "kommuner: {Borås: ja}", 1),
			f + ":4:11: error: kommuner: must be a list, e.g. [Borås, Mark], not a group of fields"},
		{"text where contacts belong", strings.Replace(hostileActivity, "kontakt:\n  - namn: Anna\n    telefon: 033-12 34 56\n", "kontakt: Anna 033-12 34 56\n", 1),
			f + ":6:10: error: kontakt: must be a list of contacts, e.g.\n    kontakt:\n      - namn: Anna Andersson\n        telefon: 033-12 34 56"},
		{"a date that is a list", strings.Replace(hostileActivity, "granskad: 2026-11-01", "granskad: [2026-11-01]", 1),
			f + ":9:11: error: granskad: must be a date like 2026-03-01, not a list"},
		{"a number that is text", strings.Replace(hostileActivity, "granskad: 2026-11-01", "platser: tolv", 1),
			f + ":9:10: error: platser: must be a whole number, not text"},
		{"duplicate key", strings.Replace(hostileActivity, "granskad: 2026-11-01", "namn: Lotsen 2", 1),
			f + ":9:1: error: namn: appears twice; the first is on line 2"},
		{"billion laughs", laughs.String(), f + ":4:3: error: remiss: anchors and aliases (&, *) are not supported; write the value out"},
		{"deep nesting", strings.Replace(hostileActivity, "namn: Lotsen", "namn: "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000), 1),
			f + ":2:7: error: namn: is nested 5000 levels deep; no field needs more than 4 (check the brackets and indentation)"},
		{"100,000-character name", strings.Replace(hostileActivity, "namn: Lotsen", "namn: "+strings.Repeat("Lotsen ", 14285)+"Lotsen", 1),
			f + ":2:7: error: namn: is 100001 characters long; the limit is 200"},
		{"10,000 contacts", strings.Replace(hostileActivity, "  - namn: Anna\n    telefon: 033-12 34 56\n", many, 1),
			f + ":7:3: error: kontakt: has 10000 entries; the limit is 1000"},
		{"file over the size limit", tooBig,
			f + fmt.Sprintf(": error: file is %d bytes, more than the limit of 8 MiB; split it or shorten the description", len(tooBig))},
		{"javascript: in webb", strings.Replace(hostileActivity, "granskad: 2026-11-01", "webb: javascript:alert(1)", 1),
			f + `:9:7: error: webb: link "javascript:alert(1)" is not allowed: this must be a web address starting with https://, e.g. https://example.se/`},
		{"mixed case and spaces in webb", strings.Replace(hostileActivity, "granskad: 2026-11-01", `webb: "  JaVaScRiPt:alert(1)"`, 1),
			f + `:9:7: error: webb: link "JaVaScRiPt:alert(1)" is not allowed: this must be a web address starting with https://, e.g. https://example.se/`},
		{"data: in webb", strings.Replace(hostileActivity, "granskad: 2026-11-01", "webb: data:text/html;base64,PHNjcmlwdD4=", 1),
			f + `:9:7: error: webb: link "data:text/html;base64,PHNjcmlwdD4=" is not allowed: this must be a web address starting with https://, e.g. https://example.se/`},
		{"javascript: link", hostileActivity + "[x](javascript:alert(1))\n",
			f + `:14: error: link "javascript:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`},
		{"entity-encoded javascript: link", hostileActivity + "[x](&#106;avascript:alert(1))\n",
			f + `:14: error: link "&#106;avascript:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`},
		{"vbscript: image", hostileActivity + "![x](VBScript:msgbox(1))\n",
			f + `:14: error: link "VBScript:msgbox(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not vbscript:`},
		{"javascript: autolink", hostileActivity + "<javascript:alert(1)>\n",
			f + `:14: error: link "javascript:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`},
		{"script element", hostileActivity + "\n<script>alert(1)</script>\n",
			f + `:15: error: raw HTML is not allowed in the body; use Markdown instead (found "<script>alert(1)</script>")`},
		{"event handler", hostileActivity + "Hej <img src=x onerror=alert(1)>\n",
			f + `:14: error: raw HTML is not allowed in the body; use Markdown instead (found "<img src=x onerror=alert(1)>")`},
		{"iframe", hostileActivity + "\n<iframe src=\"https://evil.example/\"></iframe>\n",
			f + `:15: error: raw HTML is not allowed in the body; use Markdown instead (found "<iframe src=\"https://evil.exam…")`},

		// Values that would act: recipients added to a mailto: link.
		{"bcc in epost", act(tel, "    epost: anna@boras.se?bcc=alla@evil.example"),
			f + `:8:25: error: kontakt[0].epost: "anna@boras.se?bcc=alla@evil.example": the character "?" does not belong in an e-mail address (it can add hidden recipients or change the message); write the address only, e.g. namn.efternamn@example.se`},
		{"& in epost", act(tel, `    epost: "anna@boras.se&cc=x@evil.example"`),
			f + `:8:26: error: kontakt[0].epost: "anna@boras.se&cc=x@evil.example": the character "&" does not belong in an e-mail address (it can add hidden recipients or change the message); write the address only, e.g. namn.efternamn@example.se`},
		{"percent in epost", act(tel, "    epost: anna%40boras.se@evil.example"),
			f + `:8:16: error: kontakt[0].epost: "anna%40boras.se@evil.example": the character "%" does not belong in an e-mail address (it can add hidden recipients or change the message); write the address only, e.g. namn.efternamn@example.se`},
		{"slash in epost", act(tel, "    epost: anna@boras.se/x"),
			f + `:8:25: error: kontakt[0].epost: "anna@boras.se/x": the character "/" does not belong in an e-mail address (it can add hidden recipients or change the message); write the address only, e.g. namn.efternamn@example.se`},

		// A baseurl that moves the site's files to another host.
		{withIndex("empty segment in baseurl", index("https://example.se/", "https://a.se//b.example/")), hostileActivity,
			ix + `:3:10: error: baseurl: "https://a.se//b.example/" cannot be the address of the site: the path has an empty segment (//), and then the pages can load files from another host`},
		{withIndex("backslash in baseurl", index("https://example.se/", `'https://a.se/\b.example/'`)), hostileActivity,
			ix + `:3:10: error: baseurl: "https://a.se/\\b.example/" cannot be the address of the site: the path has a backslash (\), which browsers read as /`},
		{withIndex("query in baseurl", index("https://example.se/", "https://a.se/x?y=1")), hostileActivity,
			ix + `:3:10: error: baseurl: "https://a.se/x?y=1" cannot be the address of the site: it has a query (?y=1); the address ends with the site's folder`},
		{withIndex("fragment in baseurl", index("https://example.se/", "https://a.se/x#top")), hostileActivity,
			ix + `:3:10: error: baseurl: "https://a.se/x#top" cannot be the address of the site: it has a fragment (#top); the address ends with the site's folder`},

		// YAML tags.
		{"!!binary", act("namn: Lotsen", "namn: !!binary TG90c2Vu"), f + ":2:7: error: namn: YAML tags are not supported; remove !!binary"},
		{"!!python", act("namn: Lotsen", "namn: !!python/object/apply:os.system [ls]"), f + ":2:7: error: namn: YAML tags are not supported; remove !!python/object/apply:os.system"},
		{"local tag", act("namn: Lotsen", "namn: !foo Lotsen"), f + ":2:7: error: namn: YAML tags are not supported; remove !foo"},
		{"explicit !!str", act("namn: Lotsen", "namn: !!str 42"), f + ":2:7: error: namn: YAML tags are not supported; remove !!str"},
		{"tag inside a contact", act(tel, "    telefon: !!int 033"), f + ":8:14: error: kontakt: YAML tags are not supported; remove !!int"},
		{"tag on a key", act("namn: Lotsen", "!!str namn: Lotsen"), f + ":2:1: error: namn: YAML tags are not supported; remove !!str"},

		// Numbers in other notations.
		{"hex platser", act(g, g+"\nplatser: 0x10"),
			f + `:10:10: error: platser: "0x10" is a number written another way (in hexadecimal, that is 16); write the number with digits only, e.g. 16`},
		{"octal alder", act(g, g+"\nalder: {fran: 0o17, till: 64}"),
			f + `:10:15: error: alder.fran: "0o17" is a number written another way (in octal, that is 15); write the number with digits only, e.g. 16`},
		{"underscores in platser", act(g, g+"\nplatser: 1_000"),
			f + `:10:10: error: platser: "1_000" is a number written another way (with underscores between the digits, that is 1000); write the number with digits only, e.g. 16`},
		{".nan platser", act(g, g+"\nplatser: .nan"),
			f + `:10:10: error: platser: ".nan" is a number written another way (.nan means “not a number” in YAML); write the number with digits only, e.g. 16`},
		{".inf alder", act(g, g+"\nalder: {fran: 18, till: .inf}"),
			f + `:10:25: error: alder.till: ".inf" is a number written another way (.inf means infinity in YAML); write the number with digits only, e.g. 16`},
		{"exponent platser", act(g, g+"\nplatser: 1e3"),
			f + `:10:10: error: platser: "1e3" is a number written another way (with an exponent, that is 1000); write the number with digits only, e.g. 16`},
		{"30 digits platser", act(g, g+"\nplatser: 123456789012345678901234567890"),
			f + `:10:10: error: platser: "123456789012345678901234567890" has 30 digits; the number must be between 1 and 1000000`},
		{withIndex("hex granskas_inom", index("baseurl: https://example.se/", "granskas_inom: 0x16D")), hostileActivity,
			ix + `:3:16: error: granskas_inom: "0x16D" is a number written another way (in hexadecimal, that is 365); write the number with digits only, e.g. 16`},
		{"hex as a name", act("namn: Lotsen", "namn: 0x10"),
			f + `:2:7: error: namn: must be text, not a number (in hexadecimal, that is 16); put it in quotes if you mean "0x10"`},
		{".inf as a name", act("namn: Lotsen", "namn: .inf"),
			f + `:2:7: error: namn: must be text, not a number (.inf means infinity in YAML); put it in quotes if you mean ".inf"`},
		{"30 digits as a name", act("namn: Lotsen", "namn: 123456789012345678901234567890"),
			f + `:2:7: error: namn: must be text, not a number (30 digits); put it in quotes if you mean "123456789012345678901234567890"`},

		// Invisible and direction-changing characters.
		{"right-to-left override in namn", act("namn: Lotsen", "namn: Lots\u202een"),
			f + ":2:11: error: namn: contains an invisible character that controls the direction of the text (U+202E RIGHT-TO-LEFT OVERRIDE) at column 11; type the value again"},
		{"escaped override in namn", act("namn: Lotsen", `namn: "Lots\u202Een"`),
			f + ":2:7: error: namn: contains an invisible character that controls the direction of the text (U+202E RIGHT-TO-LEFT OVERRIDE) at column 7; type the value again"},
		{"ESC in namn", act("namn: Lotsen", `namn: "\e[31mLotsen"`),
			f + ":2:7: error: namn: contains an invisible character that is a control character (U+001B ESCAPE) at column 7; type the value again"},
		{"BEL in malgrupp", act(g, g+"\n"+`malgrupp: "Unga\a"`),
			f + ":10:11: error: malgrupp: contains an invisible character that is a control character (U+0007 BELL) at column 11; type the value again"},
		{"NUL in huvudman", act(g, g+"\n"+`huvudman: "Bor\0ås"`),
			f + ":10:11: error: huvudman: contains an invisible character that is a control character (U+0000 NULL) at column 11; type the value again"},
		{"isolate in a list", act("kommuner: [Borås]", "kommuner: [Bor\u2066ås]"),
			f + ":4:15: error: kommuner: contains an invisible character that controls the direction of the text (U+2066 LEFT-TO-RIGHT ISOLATE) at column 15; type the value again"},
		{"zero-width space in telefon", act(tel, "    telefon: 033-12\u200b34 56"),
			f + ":8:20: error: kontakt[0].telefon: contains an invisible character that takes no space (U+200B ZERO WIDTH SPACE) at column 20; type the value again"},
		{"right-to-left mark in adress", act(tel, tel+"\n    adress: Storgatan\u200f 1"),
			f + ":9:22: error: kontakt[0].adress: contains an invisible character that controls the direction of the text (U+200F RIGHT-TO-LEFT MARK) at column 22; type the value again"},
		{"word joiner in webb", act(g, g+"\nwebb: https://bor\u2060as.se/"),
			f + ":10:18: error: webb: contains an invisible character that takes no space (U+2060 WORD JOINER) at column 18; type the value again"},
		{withIndex("BOM in the index titel", index("titel: Katalog", "titel: Kata\ufefflog")), hostileActivity,
			ix + ":2:12: error: titel: contains an invisible character that takes no space (U+FEFF ZERO WIDTH NO-BREAK SPACE) at column 12; type the value again"},

		// Host names and declared names that only look alike.
		{"Cyrillic letter in webb", act(g, g+"\nwebb: https://b\u043eras.se/"),
			f + `:10:7: error: webb: link "https://bоras.se/" is not allowed: the host name mixes alphabets: "о" is a letter of the Cyrillic alphabet and "b" of the Latin; type the address with letters of one alphabet`},
		{"Greek letter in a body link", hostileActivity + "[x](https://b\u03bfras.se/)\n",
			f + `:14: error: link "https://bοras.se/" is not allowed: the host name mixes alphabets: "ο" is a letter of the Greek alphabet and "b" of the Latin; type the address with letters of one alphabet`},
		{withIndex("municipalities that differ in case", index("[Borås, Mark]", "[Borås, Mark, mark]")), hostileActivity,
			ix + `:4:25: error: kommuner: "mark" and "Mark" on line 4 differ only in upper and lower case; write the name once`},
		{withIndex("look-alike municipalities", index("[Borås, Mark]", "\n  - Borås\n  - Mark\n  - M\u0430rk")), hostileActivity,
			ix + `:7:5: error: kommuner: "Mаrk" and "Mark" on line 6 look the same but differ: "а" is a letter of the Cyrillic alphabet; type the name again`},
		{withIndex("municipalities with one address", index("[Borås, Mark]", "[Borås, Mark, Boras]")), hostileActivity,
			ix + `:4:25: error: kommuner: "Boras" and "Borås" on line 4 get the same address on the site (kommuner/boras/); write the name once, or give them names that differ`},
		{withIndex("look-alike financing names", index("[Finsam]", "[Finsam, {id: finsam-2, namn: F\u0456nsam}]")), hostileActivity,
			ix + `:6:24: error: finansiering: "Fіnsam" and "Finsam" on line 6 look the same but differ: "і" is a letter of the Cyrillic alphabet; type the name again`},
		{withIndex("function names that differ in case", index("[Samordnande insatser]", "[Samordnande insatser, {id: annan, namn: samordnande insatser}]")), hostileActivity,
			ix + `:5:36: error: funktioner: "samordnande insatser" and "Samordnande insatser" on line 5 differ only in upper and lower case; write the name once`},

		// Values without a slug.
		{"huvudman a dash", act(g, g+"\n"+`huvudman: "–"`),
			f + `:10:11: error: huvudman: "–" cannot become an address on the site: it needs at least one letter a–z (å, ä and ö count) or digit`},
		{"remiss without letters", act(g, g+"\n"+`remiss: ["???"]`),
			f + `:10:10: error: remiss: "???" is not the name of a referrer: it needs at least one letter a–z (å, ä and ö count) or digit`},
		{withIndex("function named ???", index("[Samordnande insatser]", `[Samordnande insatser, "???"]`)), hostileActivity,
			ix + `:5:36: error: funktioner: "???" cannot become an address on the site: it needs at least one letter a–z (å, ä and ö count) or digit`},
		{withIndex("financing named by symbols", index("[Finsam]", `[Finsam, "§§"]`)), hostileActivity,
			ix + `:6:24: error: finansiering: "§§" cannot become an address on the site: it needs at least one letter a–z (å, ä and ö count) or digit`},
		{withIndex("municipality !!!", index("[Borås, Mark]", `[Borås, Mark, "!!!"]`)), hostileActivity,
			ix + `:4:25: error: kommuner: "!!!" cannot become an address on the site: it needs at least one letter a–z (å, ä and ö count) or digit`},
		{withIndex("declared remiss a dash", index("finansiering: [Finsam]", "finansiering: [Finsam]\nremiss: [Vården, \"–\"]")), hostileActivity,
			ix + `:7:18: error: remiss: "–" is not the name of a referrer: it needs at least one letter a–z (å, ä and ö count) or digit`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out publish.Mem
			fsys := hostileCatalogue(c.src)
			if src, ok := indexed[c.name]; ok {
				fsys[ix] = &fstest.MapFile{Data: []byte(src)}
			}
			res, err := Site(context.Background(), fsys, &out, testOptions())
			if !errors.Is(err, ErrContent) {
				t.Fatalf("err = %v, want ErrContent", err)
			}
			if got := diagText(res); !strings.Contains(got, c.want+"\n") {
				t.Errorf("diagnostics:\n%.2000s\nwant a line:\n%s", got, c.want)
			}
			if n := len(out.Files()); n != 0 {
				t.Errorf("a catalogue with errors wrote %d files", n)
			}
		})
	}
}

// TestAcceptedVariantsBuild: input that looks odd but is valid builds the
// same site as the plain file.
func TestAcceptedVariantsBuild(t *testing.T) {
	plain, _, err := buildMem(t, hostileCatalogue(hostileActivity))
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("Ett långt stycke om verksamheten. ", 150000) // ~5 MB
	cases := []struct {
		name string
		src  string
		same bool // output identical to the plain file's
	}{
		{"BOM", "\uFEFF" + hostileActivity, true},
		{"CRLF", strings.ReplaceAll(hostileActivity, "\n", "\r\n"), true},
		{"CR", strings.ReplaceAll(hostileActivity, "\n", "\r"), true},
		{"quoted dates", strings.Replace(hostileActivity, "2026-11-01", `"2026-11-01"`, 1), true},
		{"5 MB body", hostileActivity + "\n" + big + "\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, res, err := buildMem(t, hostileCatalogue(c.src))
			if err != nil {
				t.Fatalf("%v\n%.2000s", err, diagText(res))
			}
			page := got["verksamheter/lotsen/index.html"]
			if c.same && !bytes.Equal(page, plain["verksamheter/lotsen/index.html"]) {
				t.Error("the activity page differs from the plain file's")
			}
			if !c.same && !bytes.Contains(page, []byte("Ett långt stycke")) {
				t.Error("the long body is missing from the page")
			}
		})
	}
}

// TestMarkupInFrontmatterIsText puts markup into every text field and
// checks that the output has no element or attribute a browser would run.
func TestMarkupInFrontmatterIsText(t *testing.T) {
	const x = `<script>alert(1)</script><img src=x onerror=alert(2)>"'`
	q := `"` + strings.ReplaceAll(x, `"`, `\"`) + `"`
	act := `---
namn: ` + q + `
funktion: samordnande-insatser
kommuner: [Borås]
finansiering: [finsam]
malgrupp: ` + q + `
huvudman: ` + q + `
samverkansparter: [` + q + `]
remiss: [` + q + `]
kontakt:
  - namn: ` + q + `
    roll: ` + q + `
    telefon: 033-12 34 56
    adress: ` + q + `
granskad: 2026-11-01
---
Text.
`
	fsys := hostileCatalogue(act)
	fsys["content/_index.md"] = &fstest.MapFile{Data: []byte(strings.Replace(hostileIndex, "titel: Katalog", "titel: "+q, 1))}
	fsys["content/om.md"] = &fstest.MapFile{Data: []byte("---\ntitel: " + q + "\nbeskrivning: " + q + "\n---\n")}
	got, res, err := buildMem(t, fsys)
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	for name, data := range got {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if !bytes.Contains(data, []byte("alert(1)")) && name == "verksamheter/lotsen/index.html" {
			t.Errorf("%s: the text of the fields is missing", name)
		}
		for _, bad := range executable(data) {
			t.Errorf("%s: %s", name, bad)
		}
	}
	for _, name := range []string{"data/verksamheter.json", "feed.xml"} {
		if bytes.Contains(got[name], []byte("<script")) {
			t.Errorf("%s contains an unescaped <script", name)
		}
	}
}

// executable lists script elements, event-handler attributes and
// script-like URLs in an HTML document.
func executable(doc []byte) []string {
	var found []string
	l := html.NewLexer(parse.NewInputBytes(doc))
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return found
		case html.StartTagToken:
			tag := strings.ToLower(string(l.Text()))
			if tag == "script" {
				// Data blocks are not run; samkat's own fingerprinted
				// scripts are. Anything else is content that got through.
				typ, src := scriptAttrs(l)
				own := ownScript.MatchString(src)
				if typ != "application/ld+json" && typ != "application/json" && !own {
					found = append(found, "element <script type="+typ+" src="+src+">")
				}
			} else if tag == "iframe" || tag == "object" || tag == "embed" {
				found = append(found, "element <"+tag+">")
			}
		case html.AttributeToken:
			name := strings.ToLower(string(l.Text()))
			val := strings.ToLower(strings.TrimSpace(attrValue(l.AttrVal())))
			if strings.HasPrefix(name, "on") {
				found = append(found, "attribute "+string(data))
			}
			if (name == "href" || name == "src") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") || strings.HasPrefix(val, "vbscript:")) {
				found = append(found, "URL "+string(data))
			}
		}
	}
}

// ownScript matches the src of samkat's own scripts from static/.
var ownScript = regexp.MustCompile(`^(\.\./)*samkat-[a-z]+\.[0-9a-f]{10}\.js$`)

// scriptAttrs reads the type and src attributes of the start tag the lexer
// is in, leaving the lexer after the tag's attributes.
func scriptAttrs(l *html.Lexer) (typ, src string) {
	for {
		tt, _ := l.Next()
		if tt != html.AttributeToken {
			return typ, src
		}
		switch strings.ToLower(string(l.Text())) {
		case "type":
			typ = strings.ToLower(attrValue(l.AttrVal()))
		case "src":
			src = attrValue(l.AttrVal())
		}
	}
}

// failingFS wraps an fs.FS and fails to open the named files, as a file
// that is unreadable or that vanishes between listing and reading.
type failingFS struct {
	fs.FS
	fail map[string]error
}

func (f failingFS) Open(name string) (fs.File, error) {
	if err, ok := f.fail[name]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.FS.Open(name)
}

func TestUnreadableAndVanishingFiles(t *testing.T) {
	fsys := hostileCatalogue(hostileActivity)
	fsys["content/verksamheter/hemlig.md"] = &fstest.MapFile{Data: []byte(hostileActivity)}
	fsys["content/verksamheter/borta.md"] = &fstest.MapFile{Data: []byte(hostileActivity)}
	src := failingFS{FS: fsys, fail: map[string]error{
		"content/verksamheter/hemlig.md": fs.ErrPermission,
		"content/verksamheter/borta.md":  fs.ErrNotExist,
	}}
	var out publish.Mem
	res, err := Site(context.Background(), src, &out, testOptions())
	if !errors.Is(err, ErrContent) {
		t.Fatalf("err = %v, want ErrContent", err)
	}
	for _, want := range []string{
		"content/verksamheter/hemlig.md: error: cannot be read: permission denied\n",
		"content/verksamheter/borta.md: error: cannot be read: file does not exist\n",
	} {
		if !strings.Contains(diagText(res), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diagText(res))
		}
	}
}

// TestFileNames: names with spaces and å/ä/ö get a folded slug; a symbolic
// link, even to a file inside the catalogue, is refused, so nothing
// outside the folder can be read through one.
func TestFileNames(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, hostileCatalogue(hostileActivity)); err != nil {
		t.Fatal(err)
	}
	acts := filepath.Join(dir, "content", "verksamheter")
	if err := os.WriteFile(filepath.Join(acts, "Aktiv vardag i Borås.md"), []byte(strings.Replace(hostileActivity, "Lotsen", "Aktiv vardag", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Dir(context.Background(), dir, out, testOptions()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "verksamheter", "aktiv-vardag-i-boras", "index.html")); err != nil {
		t.Errorf("folded slug: %v", err)
	}

	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte(strings.Replace(hostileActivity, "Text.", "HEMLIGT", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(acts, "lank.md")); err != nil {
		t.Fatal(err)
	}
	res, err := Dir(context.Background(), dir, out, testOptions())
	if !errors.Is(err, ErrContent) {
		t.Fatalf("err = %v, want ErrContent", err)
	}
	want := "content/verksamheter/lank.md: error: is a symbolic link; samkat does not follow links (they could point outside the catalogue): copy the file instead\n"
	if !strings.Contains(diagText(res), want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", diagText(res), want)
	}
	if err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte("HEMLIGT")) {
				t.Errorf("%s contains the linked file's text", p)
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// failAfter passes the first n writes on to next and fails the rest, like
// a disk that fills up part way. The build writes from several goroutines,
// so it counts under a lock.
type failAfter struct {
	mu   sync.Mutex
	n    int
	next publish.Writer
}

func (w *failAfter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	full := w.n <= 0
	w.n--
	w.mu.Unlock()
	if full {
		return errors.New("no space left on device")
	}
	return w.next.WriteFile(name, data)
}

func TestDiskFullMidBuild(t *testing.T) {
	w := &failAfter{n: 5, next: &publish.Mem{}}
	_, err := Site(context.Background(), os.DirFS("testdata/small"), w, testOptions())
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("err = %v, want the write error", err)
	}
}

// TestDiskFullKeepsPreviousOutput: a build whose writes start failing part
// way leaves the previous site byte for byte, modification times included.
func TestDiskFullKeepsPreviousOutput(t *testing.T) {
	cat, out, _ := builtCopy(t)
	before := statTree(t, out)
	// Change the catalogue, so that the failed build would write new bytes.
	idx := filepath.Join(cat, "content", "_index.md")
	b, _ := os.ReadFile(idx)
	os.WriteFile(idx, bytes.Replace(b, []byte("titel: "), []byte("titel: Ny "), 1), 0o644)
	tx, err := publish.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Site(context.Background(), os.DirFS(cat), &failAfter{n: 5, next: tx}, testOptions())
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("err = %v, want the write error", err)
	}
	if err := tx.Abort(); err != nil {
		t.Fatal(err)
	}
	if after := statTree(t, out); !maps.Equal(after, before) {
		t.Errorf("the output changed: %d files, had %d", len(after), len(before))
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 2 {
		t.Errorf("beside the output: %v", entries)
	}
}

// statTree reads every file below dir with its modification time, skipping
// samkat's record.
func statTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".samkat" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			info, _ := d.Info()
			files[p] = info.ModTime().String() + "\n" + string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestUnwritableOutputKeepsOldSite: when the output cannot be written
// (here: its path is a file), the build fails and the file is untouched.
func TestUnwritableOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.WriteFile(out, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Dir(context.Background(), "testdata/small", out, testOptions()); err == nil {
		t.Fatal("no error for an output path that is a file")
	}
	if b, _ := os.ReadFile(out); string(b) != "not a folder" {
		t.Errorf("output file changed to %q", b)
	}
}

// TestExecutableFindsScripts keeps the checker above honest.
func TestExecutableFindsScripts(t *testing.T) {
	doc := []byte(`<p>ok</p><script>x</script><img src=x onerror=y><a href=" JavaScript:z">a</a><a href="https://e.se/">b</a>` +
		`<script type="module" src="https://evil.example/x.js"></script><script type="module" src="samkat-sok.0123456789.js"></script>`)
	if got := executable(doc); len(got) != 4 {
		t.Errorf("found %q, want the inline script, the onerror, the javascript: link and the foreign script", got)
	}
}

// TestRebuildWritesOnlyWhatChanged: the same input again writes nothing;
// one changed activity rewrites its page and the files that list it, and
// leaves the rest with their modification times.
func TestRebuildWritesOnlyWhatChanged(t *testing.T) {
	cat, out, first := builtCopy(t)
	if first.Written != first.Files || first.Files == 0 {
		t.Errorf("first build: %+v", first)
	}
	before := statTree(t, out)
	again, err := Dir(context.Background(), cat, out, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || again.Unchanged != first.Files || again.Removed != 0 {
		t.Errorf("the same input again: wrote %d, %d unchanged, removed %d", again.Written, again.Unchanged, again.Removed)
	}
	if after := statTree(t, out); !maps.Equal(after, before) {
		t.Error("an unchanged build changed the output")
	}
	os.Remove(filepath.Join(cat, "content", "verksamheter", "lotsen.md"))
	third, err := Dir(context.Background(), cat, out, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if third.Removed == 0 || third.Written == 0 || third.Written >= third.Files {
		t.Errorf("one activity removed: wrote %d of %d, removed %d", third.Written, third.Files, third.Removed)
	}
	if _, err := os.Stat(filepath.Join(out, "verksamheter", "lotsen")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the removed activity's folder: %v", err)
	}
}

// TestNoUnusedAssets: every CSS and JavaScript file of the site is one a
// page refers to; samkat's own are there under their fingerprinted names
// only.
func TestNoUnusedAssets(t *testing.T) {
	files, _, err := buildMem(t, os.DirFS("testdata/small"))
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if ext := filepath.Ext(name); ext != ".css" && ext != ".js" {
			continue
		}
		used := false
		for page, data := range files {
			if strings.HasSuffix(page, ".html") && bytes.Contains(data, []byte(name)) {
				used = true
				break
			}
		}
		if !used {
			t.Errorf("%s: no page refers to it", name)
		}
	}
	for _, plain := range []string{"samkat.css", "samkat-sok.js", "samkat-sokmotor.js"} {
		if _, ok := files[plain]; ok {
			t.Errorf("%s is written under its plain name", plain)
		}
	}
}

// hugeFile stands for a file of size bytes that are never stored: reading
// it yields the letter a, and read counts the bytes read.
type hugeFile struct {
	fs.FS
	name string
	size int64
	read *atomic.Int64
}

func (h hugeFile) Open(name string) (fs.File, error) {
	if name != h.name {
		return h.FS.Open(name)
	}
	f, err := h.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return &hugeReader{File: f, h: h}, nil
}

// listedHuge is hugeFile whose folder listing shows the size too, as a
// real folder does; hugeFile alone is a file that grew after it was listed.
type listedHuge struct{ hugeFile }

func (h listedHuge) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(h.FS, name)
	for i, e := range entries {
		if path.Join(name, e.Name()) == h.name {
			info, _ := e.Info()
			entries[i] = fs.FileInfoToDirEntry(sizedInfo{info, h.size})
		}
	}
	return entries, err
}

type hugeReader struct {
	fs.File
	h   hugeFile
	off int64
}

func (r *hugeReader) Stat() (fs.FileInfo, error) {
	info, err := r.File.Stat()
	return sizedInfo{info, r.h.size}, err
}

func (r *hugeReader) Read(p []byte) (int, error) {
	if r.off >= r.h.size {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), r.h.size-r.off))
	for i := range p[:n] {
		p[i] = 'a'
	}
	r.off += int64(n)
	r.h.read.Add(int64(n))
	return n, nil
}

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

// TestHostileCostIsBounded: each case is a small input that used to cost
// out of all proportion (an 18 KB table took a 3 GB build), and the exact
// message it must now get. Building it allocates at most a bound measured
// here, in bytes, and publishes nothing.
func TestHostileCostIsBounded(t *testing.T) {
	const f = "content/verksamheter/lotsen.md"
	wide := "| " + strings.Repeat("a | ", 3000) + "\n|" + strings.Repeat("-|", 3000) + "\n" + strings.Repeat("x\n", 3000)
	var padded strings.Builder
	padded.WriteString("|" + strings.Repeat(" a |", 50) + "\n|" + strings.Repeat("---|", 50) + "\n")
	padded.WriteString(strings.Repeat("| x |\n", 300))
	var stairs strings.Builder
	for i := 0; stairs.Len() < 2<<20; i++ {
		stairs.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	kommuner := make([]string, 998) // with Borås and Mark, the most a list may have
	unknown := make([]string, 1000)
	for i := range unknown {
		unknown[i] = fmt.Sprintf("Okänd %d", i)
	}
	for i := range kommuner {
		kommuner[i] = fmt.Sprintf("Kommun %d med ett långt namn", i)
	}
	manyKommuner := strings.Replace(hostileIndex, "kommuner: [Borås, Mark]", "kommuner: [Borås, Mark, "+strings.Join(kommuner, ", ")+"]", 1)
	manyUnknown := strings.Replace(hostileActivity, "kommuner: [Borås]", "kommuner: ["+strings.Join(unknown, ", ")+"]", 1)
	var read atomic.Int64

	cases := []struct {
		name     string
		fsys     func(fstest.MapFS) fs.FS
		activity string
		want     string // a line of the diagnostics
		maxAlloc uint64 // bytes the build may allocate
		maxDiags int    // bytes of diagnostics, when not 0
	}{
		{"18 KB table 3000 columns wide", nil, hostileActivity + wide,
			f + ":15: error: the table has 3000 columns; the limit is 50", 64 << 20, 0},
		{"table of 50 columns and 301 rows", nil, hostileActivity + padded.String(),
			f + ":15: error: the table has 15050 cells (50 columns times 301 rows); the limit is 10000", 64 << 20, 0},
		{"10,000 identical headings", nil, hostileActivity + strings.Repeat("## Syfte\n\n", 10000),
			f + ":2012: error: the text has 10001 headings; the limit is 1000", 256 << 20, 0},
		{"quotes 100,000 deep", nil, hostileActivity + strings.Repeat(">", 100000) + " x\n",
			f + ":14: error: this line is nested 100000 levels deep in quotes (>) and lists; no text needs more than 20", 64 << 20, 0},
		{"2 MB staircase of lists", nil, hostileActivity + stairs.String(),
			f + ":34: error: this line is nested 21 levels deep in quotes (>) and lists; no text needs more than 20", 96 << 20, 0},
		{"100,000 unclosed [x](", nil, hostileActivity + "\n" + strings.Repeat("[x](", 100000) + "\n",
			f + ":15: error: the paragraph starting here has 100000 [ in 400000 characters; that many links in paragraphs that long take too long to read", 64 << 20, 0},
		{"100,000 unclosed [", nil, hostileActivity + "\n" + strings.Repeat("[", 100000) + "\n",
			f + ":15: error: the paragraph starting here has 100000 [ in 100000 characters; that many links in paragraphs that long take too long to read", 64 << 20, 0},
		{"1000 unknown names against 1000 declared", func(m fstest.MapFS) fs.FS {
			m["content/_index.md"] = &fstest.MapFile{Data: []byte(manyKommuner)}
			return m
		}, manyUnknown,
			f + `:4:12: error: kommuner: "Okänd 0" is not a municipality declared in content/_index.md (declared: Borås, Mark, Kommun 0 med ett långt namn, Kommun 1 med ett långt namn, Kommun 2 med ett långt namn, Kommun 3 med ett långt namn, Kommun 4 med ett långt namn, Kommun 5 med ett långt namn, Kommun 6 med ett långt namn, Kommun 7 med ett långt namn … and 990 more, or write [alla])`,
			256 << 20, 1000 * 600},
		{"a content file of 5 GB", func(m fstest.MapFS) fs.FS {
			return hugeFile{FS: m, name: f, size: 5 << 30, read: &read}
		}, hostileActivity,
			f + ": error: file is 5368709120 bytes, more than the limit of 8 MiB; split it or shorten the description", 64 << 20, 0},
		{"a static file of 5 GB", func(m fstest.MapFS) fs.FS {
			m["static/rapport.pdf"] = &fstest.MapFile{}
			return listedHuge{hugeFile{FS: m, name: "static/rapport.pdf", size: 5 << 30, read: &read}}
		}, hostileActivity,
			"static/rapport.pdf: error: static/rapport.pdf is 5368709120 bytes, more than the limit of 32 MiB for one file", 64 << 20, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var src fs.FS = hostileCatalogue(c.activity)
			if c.fsys != nil {
				src = c.fsys(hostileCatalogue(c.activity))
			}
			var out publish.Mem
			var res Result
			var err error
			alloc := allocated(func() { res, err = Site(context.Background(), src, &out, testOptions()) })
			if !errors.Is(err, ErrContent) {
				t.Fatalf("err = %v, want ErrContent", err)
			}
			got := diagText(res)
			if !strings.Contains(got, c.want+"\n") {
				t.Errorf("diagnostics:\n%.3000s\nwant a line:\n%s", got, c.want)
			}
			if c.maxDiags > 0 && len(got) > c.maxDiags {
				t.Errorf("%d bytes of diagnostics, more than %d", len(got), c.maxDiags)
			}
			if limit := c.maxAlloc * raceFactor; alloc > limit {
				t.Errorf("the build allocated %d bytes, more than %d", alloc, limit)
			}
			written := 0
			for _, data := range out.Files() {
				written += len(data)
			}
			if n := len(out.Files()); n != 0 {
				t.Errorf("a catalogue with errors wrote %d files", n)
			}
			t.Logf("allocated %d bytes, wrote %d files of %d bytes, %d bytes of diagnostics", alloc, len(out.Files()), written, len(got))
		})
	}
	if n := read.Load(); n != 0 {
		t.Errorf("%d bytes of the 5 GB file were read", n)
	}
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileFoldersAndLayouts: a static file that grows to 5 GB after
// check has seen it is refused without being read, and a layout that loops
// for ever ends at the page size limit with a message that names it.
func TestHostileFoldersAndLayouts(t *testing.T) {
	var read atomic.Int64
	cases := []struct {
		name     string
		fsys     func(*testing.T, fstest.MapFS) fs.FS
		want     string
		maxAlloc uint64
	}{
		{"a static file that grows to 5 GB", func(_ *testing.T, m fstest.MapFS) fs.FS {
			m["static/rapport.pdf"] = &fstest.MapFile{}
			return hugeFile{FS: m, name: "static/rapport.pdf", size: 5 << 30, read: &read}
		}, "static/rapport.pdf is 5368709120 bytes, more than the limit of 32 MiB for one file", 64 << 20},
		{"a layout with {{range 100000000000}}", func(t *testing.T, m fstest.MapFS) fs.FS {
			if testing.Short() {
				t.Skip("renders a page of 128 MiB")
			}
			m["layouts/home.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range 100000000000}}lol {{end}}{{end}}`)}
			return m
		}, "layouts/home.html: the page index.html grew larger than 128 MiB; check the layout (or base.html and _partials/) for a loop ({{range}}) that never ends", 1 << 30},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := c.fsys(t, hostileCatalogue(hostileActivity))
			var out publish.Mem
			var err error
			alloc := allocated(func() { _, err = Site(context.Background(), src, &out, testOptions()) })
			var me *msg.Error
			if !errors.As(err, &me) || me.Msg.In(msg.En) != c.want {
				t.Errorf("err = %v, want a message %q", err, c.want)
			}
			if limit := c.maxAlloc * raceFactor; alloc > limit {
				t.Errorf("the build allocated %d bytes, more than %d", alloc, limit)
			}
			t.Logf("allocated %d bytes", alloc)
		})
	}
	if n := read.Load(); n != 0 {
		t.Errorf("%d bytes of the 5 GB file were read", n)
	}
}
