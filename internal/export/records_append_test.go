package export

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/synth"
)

// referenceJSON and referenceCSV are an activity's records as
// encoding/json and encoding/csv make them.
func referenceJSON(t testing.TB, ix *catalog.Index, a *catalog.Activity, now catalog.Date) []byte {
	t.Helper()
	b, err := json.Marshal(activityJSON(ix, a, now))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func referenceCSV(t testing.TB, ix *catalog.Index, a *catalog.Activity, now catalog.Date) []byte {
	t.Helper()
	b, err := newCSVRowWriter().row(csvCells(ix, a, now))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(b)
}

// checkRecords compares a's records with the encoders' and reports the
// first difference.
func checkRecords(t *testing.T, ix *catalog.Index, a *catalog.Activity, now catalog.Date) bool {
	t.Helper()
	ok := true
	if got, err := RecordJSON(ix, a, now); err != nil || !bytes.Equal(got, referenceJSON(t, ix, a, now)) {
		t.Errorf("%s: RecordJSON\n got %s, %v\nwant %s", a.Slug, got, err, referenceJSON(t, ix, a, now))
		ok = false
	}
	if got, err := RecordCSV(ix, a, now); err != nil || !bytes.Equal(got, referenceCSV(t, ix, a, now)) {
		t.Errorf("%s: RecordCSV\n got %q, %v\nwant %q", a.Slug, got, err, referenceCSV(t, ix, a, now))
		ok = false
	}
	return ok
}

// TestRecordsAsEncoders holds the records appended field by field to the
// bytes of encoding/json and encoding/csv, for the repository's
// activities, a generated catalogue and the sample, on days before,
// within and after their dates.
func TestRecordsAsEncoders(t *testing.T) {
	var cats []*catalog.Catalogue
	for _, fsys := range []fs.FS{os.DirFS("../.."), synth.Generate(400, 7)} {
		cat, diags, err := load.Catalogue(context.Background(), fsys)
		if err != nil || diags.HasErrors() {
			t.Fatalf("load: %v\n%v", err, diags)
		}
		cats = append(cats, cat)
	}
	cats = append(cats, sample())
	days := []catalog.Date{{Year: 2020, Month: 1, Day: 1}, now, {Year: 2031, Month: 12, Day: 31}}
	n := 0
	for _, cat := range cats {
		for _, a := range cat.Activities {
			for _, day := range days {
				if !checkRecords(t, cat.Index, a, day) {
					return
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d records compared", n)
	}
}

// FuzzRecordsAsEncoders compares the records of an activity made of the
// fuzzer's texts with the encoders'.
func FuzzRecordsAsEncoders(f *testing.F) {
	for _, s := range []string{"", "Lotsen", "=SUMMA(A1)", "-5", "+46 70", "@x", "\tflik", "\rcr", " mellan ", "\u00a0nbsp",
		`\.`, `"citat"`, "a;b", "rad\nrad\r\nrad\r", "<b>&amp;</b>", "\u2028\u2029", "\xff\xfe", "\x00\x01\x1f\x7f", "åäö ÅÄÖ", "nil och inget", "slut\xc3", "a\xc3(b", "\xc0\x80\xc1\xbf", "\xe2\x80\xa8\xed\xa0\x80"} {
		f.Add(s, s, s+" (x)", s, 3, true)
	}
	f.Add("nil", `\.`, " a", "=b", -2, false)
	f.Add(`\.`, "x", "", "\n", 0, true)
	f.Fuzz(func(t *testing.T, a1, a2, a3, a4 string, n int, yes bool) {
		ix := &catalog.Index{BaseURL: a4, Funktioner: []catalog.Term{{ID: "f", Namn: a1}}, Finansiering: []catalog.Term{{ID: a2, Namn: a3}}}
		pick := func(k int) string { return []string{a1, a2, a3, a4, ""}[((n+k)%5+5)%5] }
		age := n
		a := &catalog.Activity{
			Slug: a1, Namn: a2, Kommuner: []string{a3, a4}, Funktion: []string{"f", pick(1)}, Finansiering: []string{a2},
			Kontakt:          []catalog.Contact{{Namn: a1, Roll: pick(2), Telefon: a3}, {}, {Roll: a4, Epost: pick(3), Adress: a2, Kommun: pick(4)}},
			Samverkansparter: []string{pick(5)}, Huvudman: a3, Forbund: pick(6), Malgrupp: a4, Inriktning: pick(7), Webb: pick(8),
			Platser: n, Body: []byte(a1 + "\n" + a2 + " " + a3), AllaKommuner: yes,
		}
		if n%3 != 0 {
			a.Alder = &catalog.Alder{Fran: &age}
			if n%2 == 0 {
				a.Alder = &catalog.Alder{Till: &age}
			}
			a.Egenanmalan = &yes
			a.Remiss = []string{a4, a1}
		}
		if n%4 != 0 {
			a.Start = catalog.Date{Year: n % 10000, Month: 3, Day: 9}
			a.Slut = catalog.Date{Year: 2026, Month: 12, Day: n % 32}
			a.Granskad = catalog.Date{Year: n, Month: 1, Day: 1}
		}
		if strings.HasPrefix(a1, "nil") {
			a.Kommuner, a.Funktion, a.Finansiering, a.Kontakt = nil, nil, nil, nil
		}
		checkRecords(t, ix, a, now)
	})
}
