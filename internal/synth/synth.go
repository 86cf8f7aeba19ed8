// Package synth makes synthetic catalogues for benchmarks and for the
// browser checks of a larger site: deterministic, valid, and shaped like
// real ones (30 municipalities, the five functions, 4 KB per activity, a
// tenth of the activities ended).
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// Catalogue returns a deterministic catalogue of n activities of a national
// catalogue's shape (30 municipalities, 5 functions, 4 KB per activity), so
// benchmarks need no files and no network.
func Catalogue(n int) fstest.MapFS {
	kommuner := []string{"Alingsås", "Ale", "Bollebygd", "Borås", "Essunga", "Falköping", "Grästorp",
		"Gullspång", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv", "Lerum",
		"Lidköping", "Lilla Edet", "Mariestad", "Mark", "Mölndal", "Partille",
		"Skara", "Skövde", "Svenljunga", "Tibro", "Tidaholm", "Tranemo",
		"Trollhättan", "Töreboda", "Ulricehamn", "Vårgårda"}
	funktioner := []string{"samordnande-insatser", "kartlaggande-funktion", "aktiverande-funktion", "trana-praktisera-motivera", "specialresurser"}
	fin := []string{"finsam", "frisam", "miljarden", "ordinarie"}
	words := strings.Fields("samverkan rehabilitering arbetsförmåga sjukskrivning försörjning individ myndighet " +
		"stöd kartläggning praktik arbetsträning coachning hälsa motivation samordning unga vuxna psykisk ohälsa " +
		"handläggare gemensam handlingsplan arbetsmarknad studier aktivitet grupp träning vägledning")
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(list []string, k int) []string {
		out := make([]string, 0, k)
		for _, i := range rng.Perm(len(list))[:k] {
			out = append(out, list[i])
		}
		return out
	}
	para := func(nw int) string {
		w := make([]string, nw)
		for i := range w {
			w[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(w, " ") + "."
	}
	fsys := fstest.MapFS{"content/_index.md": {Data: []byte(fmt.Sprintf(`---
titel: Syntetisk katalog
baseurl: https://bench.example.se/
kommuner: [%s]
funktioner: [%s]
finansiering: [%s]
---
%s
`, strings.Join(kommuner, ", "), strings.Join(funktioner, ", "), strings.Join(fin, ", "), para(80)))},
		"content/tillganglighet.md": {Data: []byte("---\ntitel: Tillgänglighet\n---\nText.\n")},
	}
	for i := range n {
		slut := ""
		if rng.IntN(10) == 0 {
			slut = "slut: 2020-12-31\n"
		}
		body := fmt.Sprintf("## Bakgrund\n\n%s\n\n## Syfte\n\n%s\n\n## Målgrupp\n\n%s\n\n## Arbetssätt\n\n%s\n", para(120), para(80), para(60), para(150))
		fsys[fmt.Sprintf("content/verksamheter/v%05d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`---
namn: Verksamhet %d %s
funktion: %s
kommuner: [%s]
finansiering: [%s]
malgrupp: %s
alder: {fran: 18, till: 64}
start: 2019-01-01
%sgranskad: 2026-10-01
kontakt:
  - namn: Person %d
    telefon: 033-%06d
    epost: person%d@example.se
---
%s`, i, words[rng.IntN(len(words))], funktioner[rng.IntN(len(funktioner))],
			strings.Join(pick(kommuner, 1+rng.IntN(3)), ", "), strings.Join(pick(fin, 1+rng.IntN(2)), ", "),
			para(8), slut, i, i, i, body))}
	}
	return fsys
}
