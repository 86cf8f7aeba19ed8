package schema

import (
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
)

// field is what the schema says about one key of the content format: its
// Swedish description, whether the contract requires it (a test checks
// that the loader requires the same keys), the JSON Schema
// of its value and examples (from the catalogue where it has them).
type field struct {
	desc     string
	required bool
	schema   func(Values) obj
	examples func(Values) []any
}

// Limits the loader puts on texts (internal/load/fields.go).
const (
	maxNameLen  = 200
	maxOneLiner = 300
)

func text(maxLen int) func(Values) obj {
	return func(Values) obj {
		return obj{{"type", "string"}, {"pattern", `\S`}, {"maxLength", maxLen}}
	}
}

func ref(def string) obj { return obj{{"$ref", "#/$defs/" + def}} }

// oneOrList is a value or a list of them: the loader reads "kommuner: Mark"
// as a list of one, as an editor would expect. A value written twice is a
// warning, not an error, so the list does not ask for unique items.
func oneOrList(item obj, minItems int) obj {
	list := obj{{"type", "array"}, {"items", item}}
	if minItems > 0 {
		list = append(list, member{"minItems", minItems})
	}
	return obj{{"anyOf", []any{item, list}}}
}

func static(examples ...any) func(Values) []any {
	return func(Values) []any { return examples }
}

func firstIDs(terms []catalog.Term, n int) []string {
	var ids []string
	for _, t := range terms[:min(n, len(terms))] {
		ids = append(ids, t.ID)
	}
	return ids
}

// activityFields describes every key of load.ActivityKeys.
var activityFields = map[string]field{
	"namn": {
		desc:     "Verksamhetens namn, som det visas på webbplatsen. Måste finnas.",
		required: true,
		schema:   text(maxNameLen),
		examples: static("KRAFT-teamet"),
	},
	"funktion": {
		desc:     "Verksamhetens funktion: ett id ur funktioner i content/_index.md, eller en lista av id. Måste finnas.",
		required: true,
		schema:   func(Values) obj { return oneOrList(ref("funktion"), 1) },
		examples: func(v Values) []any {
			if ids := firstIDs(v.Funktioner, 1); len(ids) > 0 {
				return []any{ids[0]}
			}
			return nil
		},
	},
	"kommuner": {
		desc:     "Kommunerna verksamheten finns i, som de heter i content/_index.md, eller [alla]. Måste finnas.",
		required: true,
		schema:   func(Values) obj { return oneOrList(ref("kommunEllerAlla"), 1) },
		examples: func(v Values) []any {
			if len(v.Kommuner) == 0 {
				return []any{[]string{catalog.KommunAlla}}
			}
			return []any{v.Kommuner[:min(2, len(v.Kommuner))], []string{catalog.KommunAlla}}
		},
	},
	"finansiering": {
		desc:     "Hur verksamheten finansieras: id ur finansiering i content/_index.md. Måste finnas.",
		required: true,
		schema:   func(Values) obj { return oneOrList(ref("finansiering"), 1) },
		examples: func(v Values) []any {
			if ids := firstIDs(v.Finansiering, 2); len(ids) > 0 {
				return []any{ids}
			}
			return nil
		},
	},
	"kontakt": {
		desc:     "Kontakter: en lista där varje kontakt har minst namn, telefon, epost eller adress. Måste finnas, med minst en kontakt.",
		required: true,
		schema:   func(Values) obj { return oneOrList(ref("kontakt"), 1) },
		examples: static([]any{obj{{"namn", "Lena Ehrnlund"}, {"roll", "Ansvarig tjänsteman"}, {"telefon", "0320-77 94 61"}, {"epost", "lena.ehrnlund@example.se"}}}),
	},
	"samverkansparter": {
		desc:     "Myndigheter och organisationer som samverkar i verksamheten. Frivilligt.",
		schema:   func(Values) obj { return oneOrList(text(maxNameLen)(Values{}), 0) },
		examples: static([]string{"Arbetsförmedlingen", "Försäkringskassan"}),
	},
	"huvudman": {
		desc:     "Den som äger eller anordnar verksamheten. Frivilligt.",
		schema:   text(maxNameLen),
		examples: static("Samordningsförbundet Bollebygd, Mark och Svenljunga"),
	},
	"forbund": {
		desc: "Samordningsförbundet verksamheten hör till: namnet på en fil i content/forbund/ utan .md. Frivilligt.",
		schema: func(v Values) obj {
			if len(v.Forbund) == 0 {
				return obj{{"type", "string"}, {"pattern", `^[a-z0-9]+(?:-[a-z0-9]+)*$`}, {"maxLength", 80}}
			}
			return obj{{"enum", toAny(v.Forbund)}}
		},
		examples: func(v Values) []any {
			if len(v.Forbund) > 0 {
				return []any{v.Forbund[0]}
			}
			return nil
		},
	},
	"malgrupp": {
		desc:     "Vilka verksamheten är till för, på en rad. Frivilligt.",
		schema:   text(maxOneLiner),
		examples: static("Invånare 18–64 år med behov av insatser från fler än en myndighet"),
	},
	"alder": {
		desc:     "Åldersgränser: {fran: 18, till: 64}; fran får inte vara större än till. Frivilligt.",
		schema:   func(Values) obj { return ref("alder") },
		examples: static(obj{{"fran", 18}, {"till", 64}}),
	},
	"start": {
		desc:     "Dagen verksamheten började, ÅÅÅÅ-MM-DD. Frivilligt.",
		schema:   func(Values) obj { return ref("datum") },
		examples: static("2007-01-01"),
	},
	"slut": {
		desc:     "Dagen verksamheten slutar eller slutade, ÅÅÅÅ-MM-DD; inte före start. Efter den visas verksamheten som avslutad. Frivilligt.",
		schema:   func(Values) obj { return ref("datum") },
		examples: static("2009-12-31"),
	},
	"platser": {
		desc:     "Antal platser eller deltagare per år, ett heltal. Frivilligt.",
		schema:   func(Values) obj { return obj{{"type", "integer"}, {"minimum", 1}, {"maximum", 1000000}} },
		examples: static(12),
	},
	"remiss": {
		desc:   "Vilka som kan remittera (skicka) deltagare till verksamheten. Frivilligt.",
		schema: func(Values) obj { return oneOrList(ref("remittent"), 0) },
		examples: func(v Values) []any {
			if len(v.Remiss) > 0 {
				return []any{v.Remiss[:min(2, len(v.Remiss))]}
			}
			return []any{[]string{"Arbetsförmedlingen", "Försäkringskassan"}}
		},
	},
	"egenanmalan": {
		desc:     "true om den enskilde kan anmäla sig själv. Frivilligt.",
		schema:   func(Values) obj { return obj{{"type", "boolean"}} },
		examples: static(true),
	},
	"inriktning": {
		desc:     "individinriktad eller strukturovergripande, som i den nationella uppföljningen av Finsam. Frivilligt.",
		schema:   func(Values) obj { return obj{{"enum", []any{catalog.InriktningIndivid, catalog.InriktningStruktur}}} },
		examples: static(catalog.InriktningIndivid),
	},
	"webb": {
		desc: "Verksamhetens webbplats: en adress som börjar med https:// eller http://. Frivilligt.",
		schema: func(Values) obj {
			return obj{{"type", "string"}, {"format", "uri"}, {"pattern", "^https?://[^\\s\"<>`]+$"}, {"maxLength", 2000}}
		},
		examples: static("https://example.se/kraft"),
	},
	"granskad": {
		desc:     "Dagen uppgifterna senast kontrollerades, ÅÅÅÅ-MM-DD. Saknas den, eller är den äldre än granskas_inom dagar, blir det en varning.",
		schema:   func(Values) obj { return ref("datum") },
		examples: static("2026-10-01"),
	},
	"utkast": {
		desc:     "true för ett utkast, som inte publiceras. Frivilligt.",
		schema:   func(Values) obj { return obj{{"type", "boolean"}} },
		examples: static(false),
	},
	"aliases": {
		desc: "Tidigare namn på filen (utan .md), om den har bytt namn: de gamla adresserna leder hit. Frivilligt.",
		schema: func(Values) obj {
			return oneOrList(obj{{"type", "string"}, {"pattern", `^\s*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\s*$`}, {"maxLength", maxNameLen}}, 0)
		},
		examples: static([]string{"gammal-slug"}),
	},
}

// contactFields describes every key of load.ContactKeys.
var contactFields = map[string]field{
	"namn": {
		desc:     "Kontaktpersonens eller funktionens namn.",
		schema:   text(maxNameLen),
		examples: static("Lena Ehrnlund"),
	},
	"roll": {
		desc:     "Kontaktpersonens roll.",
		schema:   text(maxNameLen),
		examples: static("Ansvarig tjänsteman"),
	},
	"telefon": {
		desc: "Telefonnummer, med minst fem siffror; mellanslag, bindestreck, parenteser och ett inledande + är tillåtna.",
		// An unquoted number without separators is a number to YAML; the
		// loader reads its source text, so it is a phone number too when it
		// has five digits (leading zeros are lost to the number here).
		schema: func(Values) obj {
			return obj{{"anyOf", []any{
				obj{{"type", "string"}, {"pattern", `^\s*\+?[ ()/-]*(?:[0-9][ ()/-]*){5,}\s*$`}, {"maxLength", maxNameLen}},
				obj{{"type", "integer"}, {"not", obj{{"minimum", -9999}, {"maximum", 9999}}}},
			}}}
		},
		examples: static("0320-77 94 61", "+46 33 35 83 00"),
	},
	"epost": {
		desc: "E-postadress.",
		schema: func(Values) obj {
			return obj{{"type", "string"}, {"format", "email"}, {"pattern", load.EmailPattern()}, {"maxLength", 254}}
		},
		examples: static("lena.ehrnlund@example.se"),
	},
	"adress": {
		desc:     "Besöksadress, på en rad.",
		schema:   text(maxOneLiner),
		examples: static("Näsgatan 32, Kinna"),
	},
	"kommun": {
		desc:     "Kommunen kontakten gäller, om verksamheten finns i flera. Frivilligt.",
		schema:   func(Values) obj { return ref("kommun") },
		examples: func(v Values) []any { return toAny(v.Kommuner[:min(1, len(v.Kommuner))]) },
	},
}

// alderFields describes every key of load.AlderKeys.
var alderFields = map[string]field{
	"fran": {desc: "Lägsta ålder, ett heltal.", schema: age, examples: static(18)},
	"till": {desc: "Högsta ålder, ett heltal.", schema: age, examples: static(64)},
}

func age(Values) obj { return obj{{"type", "integer"}, {"minimum", 0}, {"maximum", 130}} }

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
