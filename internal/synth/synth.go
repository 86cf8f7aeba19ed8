// Package synth makes synthetic catalogues for benchmarks, for the
// comparison with Hugo (tests/bench) and for the browser checks of a larger
// site. A catalogue is deterministic for a given size and seed, valid, and
// shaped like a regional one:
//
//   - content/_index.md declares 30 municipalities, the five functions and
//     six financing sources (with display names), the matrix and
//     granskas_inom;
//   - each activity file is about 4.0 KB: frontmatter with 1–3
//     municipalities, 1–2 functions, 1–3 financing sources, 1–3 contacts,
//     and most of samverkansparter, huvudman, malgrupp, alder, start,
//     platser, webb and granskad; a body of 306–615 words (median about
//     450) in six sections with headings, paragraphs, a bullet list, now
//     and then a numbered list or a table, and a link;
//   - a tenth of the activities have ended (slut before 2026), another
//     tenth end in the future.
//
// The random source is math/rand/v2's PCG, a specified algorithm, and
// nothing reads the clock, the environment or a map's order, so the same
// size and seed give the same bytes on every machine and Go version.
package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing/fstest"
)

// Catalogue returns the catalogue of n activities with seed 1, the one the
// benchmarks and the browser checks use.
func Catalogue(n int) fstest.MapFS { return Generate(n, 1) }

// Generate returns a catalogue of n activities; another seed gives other
// activities of the same shape.
func Generate(n int, seed uint64) fstest.MapFS {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x73796e7468)), slugs: map[string]bool{}}
	fsys := fstest.MapFS{
		"content/_index.md":         {Data: []byte(index())},
		"content/tillganglighet.md": {Data: []byte(accessibility)},
	}
	for range n {
		slug, text := g.activity()
		fsys["content/verksamheter/"+slug+".md"] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// Activities returns the activity files of a catalogue in name order.
func Activities(fsys fstest.MapFS) []string {
	var names []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/verksamheter/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

type named struct{ id, namn string }

var kommuner = []string{
	"Alingsås", "Ale", "Bollebygd", "Borås", "Essunga", "Falköping", "Grästorp",
	"Gullspång", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv", "Lerum",
	"Lidköping", "Lilla Edet", "Mariestad", "Mark", "Mölndal", "Partille",
	"Skara", "Skövde", "Svenljunga", "Tibro", "Tidaholm", "Tranemo",
	"Trollhättan", "Töreboda", "Ulricehamn", "Vårgårda",
}

var funktioner = []named{
	{"samordnande-insatser", "Samordnande insatser"},
	{"kartlaggande-funktion", "Kartläggande funktion"},
	{"aktiverande-funktion", "Aktiverande funktion"},
	{"trana-praktisera-motivera", "Träna, praktisera, motivera"},
	{"specialresurser", "Specialresurser"},
}

// finansiering with how often each is chosen, relative to the others.
var finansiering = []struct {
	named
	weight int
}{
	{named{"finsam", "Finsam (finansiell samordning)"}, 30},
	{named{"frisam", "Frisam (frivillig samverkan)"}, 8},
	{named{"miljarden", "Den så kallade Miljarden"}, 6},
	{named{"ordinarie", "Ordinarie verksamhet"}, 30},
	{named{"esf", "Europeiska socialfonden (ESF)"}, 14},
	{named{"arvsfonden", "Allmänna arvsfonden"}, 6},
}

const accessibility = `---
titel: Tillgänglighet
---
Webbplatsen ska kunna användas av alla. Hittar du något som inte fungerar,
hör av dig till förbundet.
`

func index() string {
	var b strings.Builder
	b.WriteString("---\ntitel: Samverkan i Västra Götaland\nundertitel: finansiering och samverkansformer\n")
	b.WriteString("region: Västra Götaland\nbaseurl: https://samverkan.example.se/\nsprak: sv\ngranskas_inom: 365\n")
	b.WriteString("kommuner:\n")
	for _, k := range kommuner {
		fmt.Fprintf(&b, "  - %s\n", k)
	}
	b.WriteString("funktioner:\n")
	for _, f := range funktioner {
		fmt.Fprintf(&b, "  - id: %s\n    namn: %s\n", f.id, quote(f.namn))
	}
	b.WriteString("finansiering:\n")
	for _, f := range finansiering {
		fmt.Fprintf(&b, "  - id: %s\n    namn: %s\n", f.id, quote(f.namn))
	}
	b.WriteString("matris:\n  rader: kommuner\n  kolumner: funktioner\n---\n")
	b.WriteString(`Här finns samverkansverksamheterna i regionen: vad de gör, för vilka,
var och hur de finansieras. Tabellen visar verksamheterna efter kommun och
funktion.

Uppgifterna granskas en gång om året. Saknas något, eller är något fel,
skriv till [förbundet](mailto:info@samverkan.example.se).
`)
	return b.String()
}

// quote quotes a YAML scalar that would otherwise be read as something
// else (a comma in a flow list, a leading digit, "key: value").
func quote(s string) string {
	if strings.ContainsAny(s, ",:#[]{}\"'") || strings.ContainsAny(s[:1], "-?!&*|>%@`0123456789") {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	return s
}

type gen struct {
	rng   *rand.Rand
	slugs map[string]bool
}

func (g *gen) one(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// chance reports true with probability pct/100.
func (g *gen) chance(pct int) bool { return g.rng.IntN(100) < pct }

// some returns k distinct indexes below n, in increasing order.
func (g *gen) some(n, k int) []int {
	idx := g.rng.Perm(n)[:k]
	slices.Sort(idx)
	return idx
}

// weighted returns k distinct indexes of w, each drawn with probability
// proportional to its weight among those not yet drawn, in increasing order.
func (g *gen) weighted(w []int, k int) []int {
	w = append([]int(nil), w...)
	var out []int
	for range k {
		total := 0
		for _, x := range w {
			total += x
		}
		v := g.rng.IntN(total)
		for i, x := range w {
			if v < x {
				out = append(out, i)
				w[i] = 0
				break
			}
			v -= x
		}
	}
	slices.Sort(out)
	return out
}

// activity is one activity file: frontmatter and body.
type activity struct {
	namn, slug string
	kommuner   []string
	parter     []string
	huvudman   string
	fran, till int
	year       int
}

func (g *gen) activity() (string, string) {
	a := &activity{}
	nk := 1 + g.weighted([]int{50, 28, 22}, 1)[0]
	for _, i := range g.some(len(kommuner), nk) {
		a.kommuner = append(a.kommuner, kommuner[i])
	}
	a.namn = g.one(names)
	switch g.rng.IntN(8) {
	case 0, 1:
		a.namn += " " + a.kommuner[0]
	case 2:
		a.namn += " i " + a.kommuner[0]
	case 3:
		a.namn += " 2.0"
	}
	a.slug = slugOf(a.namn)
	for k := 2; g.slugs[a.slug]; k++ {
		a.slug = fmt.Sprintf("%s-%d", slugOf(a.namn), k)
	}
	g.slugs[a.slug] = true
	a.huvudman = g.one(huvudmän)
	a.fran = []int{16, 18, 18, 19, 20, 25}[g.rng.IntN(6)]
	a.till = []int{29, 30, 64, 64, 65, 66}[g.rng.IntN(6)]
	a.year = 2005 + g.rng.IntN(20)
	for _, i := range g.some(len(parter), 1+g.rng.IntN(4)) {
		a.parter = append(a.parter, parter[i])
	}

	var b strings.Builder
	b.Grow(4500)
	b.WriteString("---\n")
	fmt.Fprintf(&b, "namn: %s\n", quote(a.namn))
	funk := g.weighted([]int{1, 1, 1, 1, 1}, 1+g.weighted([]int{75, 25}, 1)[0])
	if len(funk) == 1 {
		fmt.Fprintf(&b, "funktion: %s\n", funktioner[funk[0]].id)
	} else {
		fmt.Fprintf(&b, "funktion: [%s, %s]\n", funktioner[funk[0]].id, funktioner[funk[1]].id)
	}
	fmt.Fprintf(&b, "kommuner: [%s]\n", strings.Join(a.kommuner, ", "))
	weights := make([]int, len(finansiering))
	for i, f := range finansiering {
		weights[i] = f.weight
	}
	var fin []string
	for _, i := range g.weighted(weights, 1+g.weighted([]int{50, 35, 15}, 1)[0]) {
		fin = append(fin, finansiering[i].id)
	}
	fmt.Fprintf(&b, "finansiering: [%s]\n", strings.Join(fin, ", "))
	g.contacts(&b, a)
	if g.chance(85) {
		b.WriteString("samverkansparter:\n")
		for _, p := range a.parter {
			fmt.Fprintf(&b, "  - %s\n", p)
		}
	}
	if g.chance(70) {
		fmt.Fprintf(&b, "huvudman: %s\n", quote(a.huvudman))
	}
	if g.chance(80) {
		fmt.Fprintf(&b, "malgrupp: %s\n", quote(g.one(målgrupper)))
	}
	if g.chance(60) {
		fmt.Fprintf(&b, "alder: {fran: %d, till: %d}\n", a.fran, a.till)
	}
	// A tenth ended before 2026, a tenth end after it; most of the rest
	// have a start and no end.
	month := 1 + g.rng.IntN(12)
	switch r := g.rng.IntN(10); {
	case r == 0:
		fmt.Fprintf(&b, "start: %d-%02d-01\nslut: %d-%02d-28\n", a.year, month, min(a.year+1+g.rng.IntN(3), 2025), month)
	case r == 1:
		fmt.Fprintf(&b, "start: %d-%02d-01\nslut: %d-%02d-28\n", a.year, month, 2027+g.rng.IntN(3), month)
	case r < 9:
		fmt.Fprintf(&b, "start: %d-%02d-01\n", a.year, month)
	}
	if g.chance(40) {
		fmt.Fprintf(&b, "platser: %d\n", 5+g.rng.IntN(60))
	}
	if g.chance(50) {
		fmt.Fprintf(&b, "webb: https://%s.example.se/%s\n", slugOf(a.kommuner[0]), a.slug)
	}
	if g.chance(85) {
		// Within 900 days before 2026-06-30: some are due for review.
		day := 900 - g.rng.IntN(900)
		fmt.Fprintf(&b, "granskad: %s\n", dayAfter2024(day))
	}
	b.WriteString("---\n")
	g.body(&b, a)
	return a.slug, b.String()
}

func (g *gen) contacts(b *strings.Builder, a *activity) {
	b.WriteString("kontakt:\n")
	n := 1 + g.weighted([]int{60, 30, 10}, 1)[0]
	for c := range n {
		first, last := g.one(förnamn), g.one(efternamn)
		fmt.Fprintf(b, "  - namn: %s %s\n    roll: %s\n", first, last, g.one(roller))
		if c == 0 || g.chance(90) {
			fmt.Fprintf(b, "    telefon: %s-%02d %02d %02d\n", g.one(riktnummer), 10+g.rng.IntN(90), g.rng.IntN(100), g.rng.IntN(100))
		}
		if g.chance(90) {
			fmt.Fprintf(b, "    epost: %s.%s@%s.example.se\n", slugOf(first), slugOf(last), slugOf(a.kommuner[0]))
		}
		if g.chance(50) {
			fmt.Fprintf(b, "    adress: %s %d, %s\n", g.one(gator), 1+g.rng.IntN(60), g.one(a.kommuner))
		}
		if len(a.kommuner) > 1 && g.chance(40) {
			fmt.Fprintf(b, "    kommun: %s\n", a.kommuner[c%len(a.kommuner)])
		}
	}
}

// body writes the description: six sections whose running text shares a
// total of 290–590 words; headings, list items and the closing line bring
// it to 306–615.
func (g *gen) body(b *strings.Builder, a *activity) {
	total := 290 + g.rng.IntN(301)
	words := func(pct int) int { return total * pct / 100 }

	b.WriteString("## Bakgrund\n\n")
	g.prose(b, bakgrund, words(22), a)
	b.WriteString("## Syfte\n\n")
	g.prose(b, syfte, words(15), a)

	b.WriteString("## Målgrupp\n\n")
	b.WriteString(g.fill(g.one(målgruppInledning), a))
	b.WriteString(":\n\n")
	for _, i := range g.some(len(målgruppPunkter), 3+g.rng.IntN(3)) {
		fmt.Fprintf(b, "- %s\n", målgruppPunkter[i])
	}
	b.WriteString("\n")
	if g.chance(50) {
		b.WriteString(g.one(målgruppAvslutning))
		b.WriteString("\n\n")
	}

	b.WriteString("## Arbetssätt\n\n")
	g.prose(b, arbetssätt, words(26), a)
	if g.chance(20) {
		b.WriteString("1. Anmälan och ett första samtal\n2. Kartläggning och gemensam planering\n3. Insatsen, med uppföljning var fjärde vecka\n4. Överlämning och avslut\n\n")
	}

	b.WriteString("## Kompetens\n\n")
	g.prose(b, kompetens, words(6), a)
	if g.chance(15) {
		b.WriteString("| Part | Andel av en tjänst |\n| --- | ---: |\n")
		for _, p := range a.parter {
			fmt.Fprintf(b, "| %s | %d %% |\n", p, 10*(1+g.rng.IntN(10)))
		}
		b.WriteString("\n")
	}

	b.WriteString("## Så kommer man i kontakt med oss\n\n")
	g.prose(b, ingång, words(8), a)
	switch g.rng.IntN(4) {
	case 0:
		fmt.Fprintf(b, "Mer om verksamheten finns på [kommunens webbplats](https://%s.example.se/%s).\n", slugOf(a.kommuner[0]), a.slug)
	case 1:
		fmt.Fprintf(b, "Frågor går att skicka till <mailto:info@%s.example.se>.\n", slugOf(a.kommuner[0]))
	case 2:
		fmt.Fprintf(b, "Ring [växeln](tel:+46%d) för att boka ett första samtal.\n", 300000000+g.rng.IntN(99999999))
	default:
		b.WriteString("Kontaktuppgifterna står överst på sidan.\n")
	}
}

// prose writes sentences of pool in a random order, none twice, until at
// least words words, breaking paragraphs now and then; a sentence is
// sometimes bold.
func (g *gen) prose(b *strings.Builder, pool []string, words int, a *activity) {
	got, inPara := 0, 0
	for _, i := range g.rng.Perm(len(pool)) {
		if got >= words && got > 0 {
			break
		}
		s := g.fill(pool[i], a)
		if inPara > 0 {
			if g.rng.IntN(4) == 0 {
				b.WriteString("\n\n")
				inPara = 0
			} else {
				b.WriteByte(' ')
			}
		}
		if g.rng.IntN(30) == 0 {
			s = "**" + strings.TrimSuffix(s, ".") + "**."
		}
		b.WriteString(s)
		inPara++
		got += strings.Count(s, " ") + 1
	}
	b.WriteString("\n\n")
}

// fill replaces the placeholders of a sentence: {namn}, {kommun} (one of
// the activity's), {kommuner} (all of them), {parter}, {huvudman}, {fran},
// {till} and {år}.
func (g *gen) fill(s string, a *activity) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return strings.NewReplacer(
		"{namn}", a.namn,
		"{kommun}", g.one(a.kommuner),
		"{kommuner}", list(a.kommuner),
		"{parter}", list(a.parter),
		"{huvudman}", a.huvudman,
		"{fran}", fmt.Sprint(a.fran),
		"{till}", fmt.Sprint(a.till),
		"{år}", fmt.Sprint(a.year),
	).Replace(s)
}

// list joins names the Swedish way: "A, B och C".
func list(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " och " + xs[len(xs)-1]
}

var slugFold = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e")

// slugOf makes a file name of a name: lower case, å ä ö folded, any run of
// other characters one hyphen.
func slugOf(s string) string {
	s = slugFold.Replace(strings.ToLower(s))
	var b strings.Builder
	hyphen := false
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	return b.String()
}

// dayAfter2024 returns the date that is day days after 2024-01-12, so that
// 900 is 2026-06-30.
func dayAfter2024(day int) string {
	y, m, d := 2024, 1, 12+day
	for {
		n := daysIn(y, m)
		if d <= n {
			return fmt.Sprintf("%d-%02d-%02d", y, m, d)
		}
		d -= n
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
