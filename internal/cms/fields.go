package cms

import (
	"slices"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
)

// BodyField is the name Decap gives the Markdown after the frontmatter.
const BodyField = "body"

// dateFormat is the content format's date, as Decap's datetime widget
// (Day.js) spells it.
const dateFormat = "YYYY-MM-DD"

// input is what the widgets are made from: the declared values.
type input struct {
	ix      *catalog.Index
	forbund []Option // the catalogue's förbund pages
}

// widget makes the widget of one field, without its name and required flag
// (set from the contract by the caller).
type widget func(in *input) Field

// activityWidgets has a widget for every key of load.ActivityKeys; a test
// holds the two together.
var activityWidgets = map[string]widget{
	"namn": text("Namn", "Verksamhetens namn, som det ska stå på sidan. Filnamnet bildas av namnet."),
	"funktion": func(in *input) Field {
		return selectOf("Funktion", "En eller flera av katalogens funktioner.", terms(in.ix.Funktioner), true)
	},
	"kommuner": func(in *input) Field {
		opts := append([]Option{{Label: "Alla kommuner", Value: catalog.KommunAlla}}, kommunOptions(in)...)
		return selectOf("Kommuner", "Kommunerna där verksamheten finns, eller bara ”Alla kommuner”.", opts, true)
	},
	"finansiering": func(in *input) Field {
		return selectOf("Finansiering", "Hur verksamheten finansieras; en eller flera.", terms(in.ix.Finansiering), true)
	},
	"kontakt": func(in *input) Field {
		return Field{
			Label: "Kontakt", Widget: "list", LabelSingular: "kontakt",
			Hint:    "Minst en kontakt. Ett namn räcker, men telefon, e-post eller adress gör att läsaren kan nå verksamheten.",
			Summary: "{{fields.namn}} {{fields.telefon}} {{fields.epost}}",
			Fields:  fieldsOf(load.ContactKeys(), nil, contactWidgets, in),
		}
	},
	"samverkansparter": textList("Samverkansparter", "part", "Myndigheter och organisationer som samverkar, t.ex. Arbetsförmedlingen."),
	"huvudman":         text("Huvudman", "Den som äger eller driver verksamheten, t.ex. ett samordningsförbund."),
	"forbund": func(in *input) Field {
		if len(in.forbund) == 0 {
			return text("Förbund", "Filnamnet (utan .md) för förbundets sida i content/forbund/.")(in)
		}
		return selectOf("Förbund", "Förbundet som ordnar verksamheten, om det har en egen sida.", in.forbund, false)
	},
	"malgrupp": text("Målgrupp", "En rad om vilka verksamheten är till för, t.ex. Unga vuxna 16–29 år."),
	"alder": func(in *input) Field {
		return Field{
			Label: "Ålder", Widget: "object", Collapsed: ptr(false),
			Hint:   "Åldersgräns för deltagarna; fyll i den ena, båda eller ingen.",
			Fields: fieldsOf(load.AlderKeys(), nil, alderWidgets, in),
		}
	},
	"start":   date("Start", "Dagen verksamheten började eller börjar."),
	"slut":    date("Slut", "Sista dagen; därefter visas verksamheten som avslutad."),
	"platser": number("Platser", "Antal platser eller deltagare per år.", 1, 1000000),
	"remiss": func(in *input) Field {
		hint := "Vilka som kan remittera (skicka) deltagare."
		if len(in.ix.Remiss) == 0 {
			return textList("Remiss", "remittent", hint)(in)
		}
		opts := make([]Option, len(in.ix.Remiss))
		for i, r := range in.ix.Remiss {
			opts[i] = Option{Label: r, Value: r}
		}
		return selectOf("Remiss", hint, opts, true)
	},
	"egenanmalan": boolean("Egenanmälan", "Kan man söka till verksamheten själv, utan remiss?"),
	"inriktning": func(*input) Field {
		return selectOf("Inriktning", "Indelningen i den nationella uppföljningen av Finsam.", []Option{
			{Label: "Individinriktad", Value: catalog.InriktningIndivid},
			{Label: "Strukturövergripande", Value: catalog.InriktningStruktur},
		}, false)
	},
	"webb": webURL("Webbplats", "Hela adressen till verksamhetens egen sida, med https:// först."),
	"granskad": func(in *input) Field {
		f := date("Granskad", "Dagen uppgifterna senast kontrollerades; i dag när du sparar.")(in)
		f.Default = "{{now}}"
		return f
	},
	"utkast": boolean("Utkast (visas inte på webbplatsen)", "Ett utkast publiceras inte, inte ens när förslaget godkänts. Det är inte samma sak som formulärets status Utkast."),
	"aliases": textList("Tidigare filnamn", "filnamn",
		"Filnamn (utan .md) som verksamheten haft förut; de gamla adresserna leder hit. Behövs bara om den har bytt namn."),
}

var contactWidgets = map[string]widget{
	"namn":    text("Namn", ""),
	"roll":    text("Roll", "T.ex. Samordnare eller Ansvarig tjänsteman."),
	"telefon": text("Telefon", "T.ex. 033-35 83 00."),
	"epost":   text("E-post", ""),
	"adress":  text("Adress", "Besöksadress."),
	"kommun": func(in *input) Field {
		return selectOf("Kommun", "Om kontakten bara gäller en av kommunerna.", kommunOptions(in), false)
	},
}

var alderWidgets = map[string]widget{
	"fran": number("Från", "Lägsta ålder.", 0, 130),
	"till": number("Till", "Högsta ålder.", 0, 130),
}

// pageWidgets are the fields of förbund, financing and function pages.
// titel is not offered: it is the same field as namn, and a file may have
// only one of them.
var pageWidgets = map[string]widget{
	"namn":        text("Namn", "Namnet, som på verksamheterna."),
	"beskrivning": text("Beskrivning", "En rad som sammanfattar."),
	"webb":        webURL("Webbplats", "Hela adressen, med https:// först."),
	"kommuner": func(in *input) Field {
		return selectOf("Kommuner", "Medlemskommunerna.", kommunOptions(in), true)
	},
	"kontakt": func(in *input) Field {
		f := activityWidgets["kontakt"](in)
		f.Hint = "Kontakter till förbundet."
		return f
	},
	"utkast": boolean("Utkast (visas inte på webbplatsen)", "Ett utkast publiceras inte."),
}

// pageAliases are contract keys that are spellings of another key.
var pageAliases = map[string]string{"titel": "namn"}

// fieldsOf makes the widgets of keys, in the contract's order, each
// required when it is in required. A key without a widget is left out
// (the tests make sure there is none).
func fieldsOf(keys, required []string, widgets map[string]widget, in *input) []Field {
	var out []Field
	for _, k := range keys {
		w, ok := widgets[k]
		if !ok {
			continue
		}
		f := w(in)
		f.Name = k
		if !slices.Contains(required, k) {
			f.Required = ptr(false)
		} else if f.Widget == "list" || f.Multiple {
			f.Min = ptr(1)
		}
		out = append(out, f)
	}
	return out
}

func body(hint string) Field {
	return Field{
		Label: "Beskrivning", Name: BodyField, Widget: "markdown", Required: ptr(false), Hint: hint,
		// Headings from ## down: the page's own heading is the name. No
		// raw HTML, which the build refuses.
		Buttons:    []string{"bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"},
		Components: &[]string{"image"},
	}
}

const activityBodyHint = "Texten om verksamheten. Vanliga rubriker, i den här ordningen: Bakgrund, Syfte, Målgrupp, Arbetssätt, Kompetens, Ingång till verksamheten."

func collections(cat *catalog.Catalogue) []collection {
	in := &input{ix: cat.Index}
	for _, p := range cat.Pages {
		if p.Kind == catalog.ForbundPage {
			in.forbund = append(in.forbund, Option{Label: p.Titel, Value: p.Slug})
		}
	}
	activity := append(fieldsOf(load.ActivityKeys(), load.ActivityRequired(), activityWidgets, in), body(activityBodyHint))
	forbund := append(fieldsOf(load.PageKeys(catalog.ForbundPage), []string{"namn"}, pageWidgets, in),
		body("Text om förbundet."))
	cols := []collection{
		{
			Name: "verksamheter", Label: "Verksamheter", LabelSingular: "verksamhet",
			Description: "En fil per samverkansverksamhet. Varje ändring sparas som ett förslag (en pull request) som granskas innan den publiceras.",
			Folder:      "content/verksamheter", Create: true, Slug: "{{slug}}",
			IdentifierField: "namn", Summary: "{{namn}}", Extension: "md", Format: "yaml-frontmatter",
			SortableFields: []string{"namn", "granskad"},
			Fields:         activity,
		},
		{
			Name: "forbund", Label: "Förbund", LabelSingular: "förbund",
			Description: "Sidor om samordningsförbund och andra som ordnar verksamheter.",
			Folder:      "content/forbund", Create: true, Slug: "{{slug}}",
			IdentifierField: "namn", Summary: "{{namn}}", Extension: "md", Format: "yaml-frontmatter",
			Fields: forbund,
		},
	}
	// A financing or function page belongs to an entry of _index.md, whose
	// id is its file name: one page per declared entry, none to invent.
	for _, t := range []struct {
		name, label, each, what string
		kind                    catalog.PageKind
		terms                   []catalog.Term
	}{
		{"finansiering", "Finansiering", "finansieringskälla", "finansieringskällan", catalog.FinansieringPage, cat.Index.Finansiering},
		{"funktioner", "Funktioner", "funktion", "funktionen", catalog.FunktionPage, cat.Index.Funktioner},
	} {
		col := collection{
			Name: t.name, Label: t.label, Delete: ptr(false),
			Description: "En sida för varje " + t.each + " som content/_index.md anger. Namnet får samma värde som där om det lämnas tomt.",
		}
		for _, term := range t.terms {
			fields := fieldsOf(load.PageKeys(t.kind), nil, pageWidgets, in)
			for i := range fields {
				if fields[i].Name == "namn" {
					fields[i].Hint = "Lämna tomt för att använda namnet i content/_index.md: " + term.Namn + "."
				}
			}
			col.Files = append(col.Files, file{
				Name: term.ID, Label: term.Namn, File: "content/" + t.name + "/" + term.ID + ".md",
				Fields: append(fields, body("Text om "+t.what+".")),
			})
		}
		cols = append(cols, col)
	}
	return cols
}

func terms(ts []catalog.Term) []Option {
	out := make([]Option, len(ts))
	for i, t := range ts {
		out[i] = Option{Label: t.Namn, Value: t.ID}
	}
	return out
}

func text(label, hint string) widget {
	return func(*input) Field { return Field{Label: label, Widget: "string", Hint: hint} }
}

func webURL(label, hint string) widget {
	return func(*input) Field {
		return Field{Label: label, Widget: "string", Hint: hint,
			Pattern: []string{`^https?://[^\s]+$`, "Adressen ska börja med https:// (eller http://)."}}
	}
}

func textList(label, singular, hint string) widget {
	return func(*input) Field {
		return Field{Label: label, Widget: "list", LabelSingular: singular, Hint: hint,
			Field: &Field{Label: label, Name: singular, Widget: "string"}}
	}
}

func selectOf(label, hint string, opts []Option, multiple bool) Field {
	return Field{Label: label, Widget: "select", Hint: hint, Options: opts, Multiple: multiple}
}

func date(label, hint string) widget {
	return func(*input) Field {
		return Field{Label: label, Widget: "datetime", Hint: hint,
			Format: dateFormat, DateFormat: dateFormat, TimeFormat: ptr(false)}
	}
}

func number(label, hint string, lo, hi int) widget {
	return func(*input) Field {
		return Field{Label: label, Widget: "number", Hint: hint, ValueType: "int", Min: ptr(lo), Max: ptr(hi), Step: 1}
	}
}

func boolean(label, hint string) widget {
	return func(*input) Field { return Field{Label: label, Widget: "boolean", Hint: hint} }
}

func ptr[T any](v T) *T { return &v }

// kommunOptions are the catalogue's municipalities as choices, each name
// its own value.
func kommunOptions(in *input) []Option {
	opts := make([]Option, len(in.ix.Kommuner))
	for i, k := range in.ix.Kommuner {
		opts[i] = Option{Label: k, Value: k}
	}
	return opts
}
