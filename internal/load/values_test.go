package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// TestValuesThatLookOddButAreFine: the limits on values refuse what would
// act, not what is merely unusual.
func TestValuesThatLookOddButAreFine(t *testing.T) {
	for _, c := range []struct{ old, new string }{
		{"peter@example.se", "peter.exempel+lotsen@example.se"},
		{"peter@example.se", "o'brien@example.se"},
		{"webb: https://example.se/lotsen", "webb: https://xn--bors-roa.se/"},
		{"webb: https://example.se/lotsen", "webb: https://borås.se/"},
		{"webb: https://example.se/lotsen", "webb: https://пример.рф/"},
		{"webb: https://example.se/lotsen", "webb: https://日本語.jp/"},
		{"webb: https://example.se/lotsen", "webb: https://example.se/lotsen?flik=1#kontakt"},
		{"alder: {fran: 18, till: 29}", "alder: {fran: +18, till: 029}"},
		{"namn: Lotsen", "namn: \"Lotsen\\tför unga\""},
		{"namn: Lotsen", "namn: Lotsen – för unga, 18–29 år"},
		{"namn: Lotsen", "namn: \"!Viktigt\""},
		{"namn: Lotsen", "namn: Лоцман"},
		{"inriktning: individinriktad", "malgrupp: |\n  Unga vuxna\n  i Borås\ninriktning: individinriktad"},
		{"inriktning: individinriktad", "huvudman: \"Borås stad (–)\"\ninriktning: individinriktad"},
	} {
		src := strings.Replace(validActivity, c.old, c.new, 1)
		if _, diags := ParseActivity("v.md", "v", []byte(src)); diags.HasErrors() {
			t.Errorf("%s:\n%s", c.new, printed(diags))
		}
	}
}

func TestNotation(t *testing.T) {
	for in, want := range map[string]string{
		"0x10":   "in hexadecimal, that is 16",
		"-0x10":  "in hexadecimal, that is -16",
		"0o17":   "in octal, that is 15",
		"0b101":  "in binary, that is 5",
		"1_000":  "with underscores between the digits, that is 1000",
		"1e3":    "with an exponent, that is 1000",
		"1.5E2":  "with an exponent, that is 150",
		"16.0":   "with decimals",
		".nan":   ".nan means “not a number” in YAML",
		"-.Inf":  "-.Inf means infinity in YAML",
		"123456": "",
		"0123":   "",
		"+16":    "",
		"1234567890123456789012345678901234567890": "40 digits",
	} {
		src := "---\nnamn: Lotsen\nplatser: " + in + "\n---\n"
		s, m, _ := frontmatterOf("v.md", []byte(src))
		if s == nil || m == nil {
			t.Fatalf("%s: not parsed", in)
		}
		if got := notation(m.Content[3]).String(); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// FuzzHasSlug holds hasSlug to what it stands for: that the slug is not
// empty.
func FuzzHasSlug(f *testing.F) {
	for _, s := range []string{"", "Mark", "–", "Å", "ÅÄÖ", "!!", "9", "Z", "@[`{", "Ǆ", "\u0301", "Борås"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasSlug(s), catalog.Slugify(s) != ""; got != want {
			t.Errorf("hasSlug(%q) = %v, Slugify gives %q", s, got, catalog.Slugify(s))
		}
	})
}

func TestElement(t *testing.T) {
	for _, c := range []struct {
		name string
		i    int
	}{{"kommuner", 0}, {"kontakt", 12}, {"aliases", 1000}, {"", 3}, {strings.Repeat("x", 100), 7}} {
		if got, want := element(c.name, c.i), fmt.Sprintf("%s[%d]", c.name, c.i); got != want {
			t.Errorf("element(%q, %d) = %q, want %q", c.name, c.i, got, want)
		}
	}
}
