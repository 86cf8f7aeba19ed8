package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/catalog"
)

func sample() *catalog.Catalogue {
	yes := true
	fran, till := 18, 29
	return &catalog.Catalogue{
		Index: &catalog.Index{
			Titel: "Samverkan i Test", BaseURL: "https://example.se/sub/", Sprak: "sv",
			Kommuner:     []string{"Borås", "Mark"},
			Funktioner:   []catalog.Term{{ID: "samordnande-insatser", Namn: "Samordnande insatser"}},
			Finansiering: []catalog.Term{{ID: "finsam", Namn: "Finsam"}},
		},
		Activities: []*catalog.Activity{{
			Slug: "lotsen", Namn: "Lotsen; \"unga\"", Funktion: []string{"samordnande-insatser"},
			Kommuner: []string{"Borås", "Mark"}, Finansiering: []string{"finsam"},
			Kontakt:     []catalog.Contact{{Namn: "Peter", Roll: "Ansvarig", Telefon: "033-35 51 41"}, {Adress: "Österlånggatan 12 A, Borås"}},
			Malgrupp:    "=HYPERLINK(\"http://evil\")",
			Alder:       &catalog.Alder{Fran: &fran, Till: &till},
			Egenanmalan: &yes,
			Start:       catalog.Date{Year: 2007, Month: 1, Day: 1},
			Slut:        catalog.Date{Year: 2009, Month: 12, Day: 31},
			Body:        []byte("\n\n\n## Bakgrund\n\nText med å.\n"),
		}},
	}
}

var now = catalog.Date{Year: 2026, Month: 11, Day: 22}

func TestCSVOpensInSwedishExcel(t *testing.T) {
	b, err := CSV(sample(), now)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFFslug;namn;")) {
		t.Fatalf("CSV must start with a BOM and use ';': %q", b[:20])
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Error("CSV lines must end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[1]) != len(csvHeader) {
		t.Fatalf("got %d rows of %d columns", len(rows), len(rows[1]))
	}
	col := func(name string) string {
		for i, h := range rows[0] {
			if h == name {
				return rows[1][i]
			}
		}
		t.Fatalf("no column %q", name)
		return ""
	}
	for name, want := range map[string]string{
		"namn":        `Lotsen; "unga"`,
		"status":      "avslutad",
		"kommuner":    "Borås, Mark",
		"funktion":    "Samordnande insatser",
		"malgrupp":    `'=HYPERLINK("http://evil")`,
		"alder_fran":  "18",
		"egenanmalan": "ja",
		"kontakt":     "Peter (Ansvarig), 033-35 51 41 | Österlånggatan 12 A, Borås",
		"url":         "https://example.se/sub/verksamheter/lotsen/",
		"text":        "## Bakgrund\n\nText med å.",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestJSONHasAllFields(t *testing.T) {
	b, err := JSON(sample(), now)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Verksamheter []map[string]any `json:"verksamheter"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Verksamheter[0]
	for _, k := range []string{"slug", "url", "namn", "status", "funktion", "kommuner", "finansiering", "kontakt", "malgrupp", "alder", "start", "slut", "egenanmalan", "text"} {
		if _, ok := a[k]; !ok {
			t.Errorf("JSON activity lacks %q", k)
		}
	}
}

func TestAtomAndSitemapAreWellFormed(t *testing.T) {
	feed, err := Atom(sample(), now, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		XMLName xml.Name
		Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Entries []struct {
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(feed, &f); err != nil {
		t.Fatalf("feed: %v\n%s", err, feed)
	}
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.Lang != "sv" || len(f.Entries) != 1 {
		t.Errorf("feed = %+v\n%s", f, feed)
	}
	if f.Entries[0].Updated != "2007-01-01T00:00:00Z" {
		t.Errorf("entry updated = %q, want the start date", f.Entries[0].Updated)
	}
	sm, err := Sitemap("https://example.se/", []Entry{{URL: ""}, {URL: "verksamheter/lotsen/", LastMod: now}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sm), "<loc>https://example.se/verksamheter/lotsen/</loc>") || !strings.Contains(string(sm), "<lastmod>2026-11-22</lastmod>") {
		t.Errorf("sitemap:\n%s", sm)
	}
}

// TestAtomDates: the git time of the file, else granskad, else a start
// that has passed, else a fixed day; never the build day.
func TestAtomDates(t *testing.T) {
	future := catalog.Date{Year: 2027, Month: 1, Day: 1}
	for _, c := range []struct {
		name    string
		changed map[string]time.Time
		edit    func(a *catalog.Activity)
		want    string
	}{
		{"git", map[string]time.Time{"content/verksamheter/lotsen.md": time.Date(2026, 3, 4, 11, 5, 6, 0, time.FixedZone("CET", 3600))},
			func(a *catalog.Activity) { a.Granskad = catalog.Date{Year: 2026, Month: 10, Day: 1} }, "2026-03-04T10:05:06Z"},
		{"granskad", nil, func(a *catalog.Activity) { a.Granskad = catalog.Date{Year: 2026, Month: 10, Day: 1} }, "2026-10-01T00:00:00Z"},
		{"start", nil, func(a *catalog.Activity) {}, "2007-01-01T00:00:00Z"},
		{"a start ahead", nil, func(a *catalog.Activity) { a.Start = future }, "2000-01-01T00:00:00Z"},
		{"nothing", nil, func(a *catalog.Activity) { a.Start = catalog.Date{} }, "2000-01-01T00:00:00Z"},
	} {
		cat := sample()
		cat.Activities[0].File = "content/verksamheter/lotsen.md"
		c.edit(cat.Activities[0])
		feed, err := Atom(cat, now, c.changed, nil)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Updated string `xml:"updated"`
			Entries []struct {
				Updated string `xml:"updated"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(feed, &f); err != nil {
			t.Fatal(err)
		}
		if f.Entries[0].Updated != c.want || f.Updated != c.want {
			t.Errorf("%s: entry %s, feed %s, want %s", c.name, f.Entries[0].Updated, f.Updated, c.want)
		}
	}
}

// TestWriteJSONIsMarshalOfTheWhole: the JSON written an activity at a time
// has the bytes of the whole document marshalled at once.
func TestWriteJSONIsMarshalOfTheWhole(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		cat := sample()
		a := *cat.Activities[0]
		cat.Activities = nil
		for i := range n {
			b := a
			b.Slug = fmt.Sprintf("a%d", i)
			b.Body = []byte("<b>&</b> \u2028 \"x\"\n")
			cat.Activities = append(cat.Activities, &b)
		}
		ix := cat.Index
		whole := jsonCatalogue{
			Titel: ix.Titel, BaseURL: ix.BaseURL, Datum: now.String(), Kommuner: ix.Kommuner,
			Funktioner: terms(ix.Funktioner), Finansiering: terms(ix.Finansiering), Verksamheter: []jsonActivity{},
		}
		for _, a := range cat.Activities {
			whole.Verksamheter = append(whole.Verksamheter, activityJSON(ix, a, now))
		}
		want, err := json.Marshal(whole)
		if err != nil {
			t.Fatal(err)
		}
		got, err := JSON(cat, now)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d activities:\n got %s, %v\nwant %s", n, got, err, want)
		}
	}
}
