package export

import (
	"strconv"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
)

// The records as encoding/json and encoding/csv made them before they were
// appended field by field (records.go): the reference the tests hold the
// appended bytes to.

// activityJSON is the value of which json.Marshal gives activity a's
// object in the JSON document.
func activityJSON(ix *catalog.Index, a *catalog.Activity, now catalog.Date) jsonActivity {
	j := jsonActivity{
		Slug: a.Slug, URL: ix.BaseURL + ActivityURL(a), Namn: a.Namn,
		Status:           a.StatusOn(now).String(),
		Kommuner:         nonNil(a.Kommuner),
		AllaKommuner:     a.AllaKommuner,
		Kontakt:          []jsonContact{},
		Samverkansparter: a.Samverkansparter,
		Huvudman:         a.Huvudman, Forbund: a.Forbund, Malgrupp: a.Malgrupp,
		Start: a.Start.String(), Slut: a.Slut.String(), Platser: a.Platser,
		Remiss: a.Remiss, Egenanmalan: a.Egenanmalan, Inriktning: a.Inriktning,
		Webb: a.Webb, Granskad: a.Granskad.String(),
		Text: strings.TrimSpace(string(a.Body)),
	}
	for _, id := range a.Funktion {
		j.Funktion = append(j.Funktion, jsonTerm{id, ix.FunktionNamn(id)})
	}
	for _, id := range a.Finansiering {
		j.Finansiering = append(j.Finansiering, jsonTerm{id, ix.FinansieringNamn(id)})
	}
	for _, c := range a.Kontakt {
		j.Kontakt = append(j.Kontakt, jsonContact(c))
	}
	if a.Alder != nil {
		j.Alder = &jsonAge{Fran: a.Alder.Fran, Till: a.Alder.Till}
	}
	return j
}

// csvCells returns the cells of which csv.Writer gives activity a's row.
func csvCells(ix *catalog.Index, a *catalog.Activity, now catalog.Date) []string {
	var funk, fin []string
	for _, id := range a.Funktion {
		funk = append(funk, ix.FunktionNamn(id))
	}
	for _, id := range a.Finansiering {
		fin = append(fin, ix.FinansieringNamn(id))
	}
	var fran, till string
	if a.Alder != nil {
		fran, till = optInt(a.Alder.Fran), optInt(a.Alder.Till)
	}
	var egen string
	if a.Egenanmalan != nil {
		egen = map[bool]string{true: "ja", false: "nej"}[*a.Egenanmalan]
	}
	var platser string
	if a.Platser > 0 {
		platser = strconv.Itoa(a.Platser)
	}
	row := []string{
		a.Slug, a.Namn, a.StatusOn(now).String(), join(funk), join(a.Kommuner), join(fin), a.Malgrupp,
		fran, till, a.Huvudman, a.Forbund, join(a.Samverkansparter), join(a.Remiss),
		egen, platser, a.Inriktning, a.Start.String(), a.Slut.String(), a.Webb, a.Granskad.String(),
		contacts(a.Kontakt), ix.BaseURL + ActivityURL(a), strings.TrimSpace(string(a.Body)),
	}
	for i := range row {
		row[i] = defuseFormula(row[i])
	}
	return row
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func join(s []string) string { return strings.Join(s, ", ") }

func contacts(cs []catalog.Contact) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		var fields []string
		name := c.Namn
		if c.Roll != "" {
			name = strings.TrimSpace(name + " (" + c.Roll + ")")
		}
		for _, f := range []string{name, c.Telefon, c.Epost, c.Adress, c.Kommun} {
			if f != "" {
				fields = append(fields, f)
			}
		}
		parts = append(parts, strings.Join(fields, ", "))
	}
	return strings.Join(parts, " | ")
}

// defuseFormula keeps spreadsheet programs from running a cell as a formula.
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
