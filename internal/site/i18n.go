package site

import (
	"fmt"

	"github.com/samkat/samkat/internal/catalog"
)

// Strings are the interface texts of the built-in layouts, keyed by a
// short English name. Layouts use them as {{.T.key}}.
type Strings map[string]string

// texts holds the interface in each supported language (content/_index.md
// sprak). Both must have the same keys; a test checks it.
var texts = map[string]Strings{
	"sv": {
		"search.title":         "Sök verksamhet",
		"search.label":         "Sökord",
		"search.tips":          "Till exempel unga, sjukskriven eller FK. Det går bra att skriva utan å, ä och ö.",
		"search.filters":       "Filter",
		"search.age":           "Personens ålder",
		"search.selfYes":       "Personen kan anmäla sig själv",
		"search.statusCurrent": "Pågående och planerade",
		"search.statusEnded":   "Avslutade",
		"search.submit":        "Visa resultat",
		"search.chips":         "Valda filter",
		"search.clear":         "Rensa alla filter",
		"search.results":       "Sökresultat",
		"search.found1":        "1 verksamhet hittades",
		"search.foundN":        "%d verksamheter hittades",
		"search.foundNone":     "Ingen verksamhet hittades. Pröva färre ord eller ta bort något filter.",
		"search.more":          "Visa fler",
		"search.removeFilter":  "Ta bort filtret %s",
		"search.ageChip":       "Ålder %s",
		"search.textChip":      "Sökord: %s",
		"search.loadError":     "Sökningen kunde inte laddas. Använd tabellen och listorna nedan.",
		"search.plannedMark":   "Planerad",
		"search.endedMark":     "Avslutad",
		"search.searching":     "Söker …",
		"search.noMatch":       "Ingen träff",
		"skip":                 "Till innehållet",
		"nav":                  "Huvudmeny",
		"home":                 "Startsida",
		"activities":           "Verksamheter",
		"municipalities":       "Kommuner",
		"municipality":         "Kommun",
		"functions":            "Funktioner",
		"function":             "Funktion",
		"financing":            "Finansiering",
		"organisers":           "Huvudmän",
		"organiser":            "Huvudman",
		"forbund":              "Samordningsförbund",
		"ended":                "Avslutade",
		"endedTitle":           "Avslutade verksamheter",
		"endedIntro":           "Verksamheter vars period har tagit slut. De finns kvar här så att det går att se vad som har funnits.",
		"noneEnded":            "Inga verksamheter har avslutats.",
		"matrix":               "Verksamheter per kommun och funktion",
		"matrixEmpty":          "Ingen verksamhet",
		"structural":           "Strukturövergripande insatser",
		"structuralIntro":      "Insatser som bygger samverkan mellan myndigheterna snarare än att möta enskilda personer. De gäller hela området och visas därför inte i tabellen.",
		"allActivities":        "Alla verksamheter",
		"allIntro":             "Alla pågående och planerade verksamheter i bokstavsordning.",
		"count1":               "1 verksamhet",
		"countN":               "%d verksamheter",
		"target":               "Målgrupp",
		"ages":                 "Ålder",
		"agesRange":            "%d–%d år",
		"agesFrom":             "från %d år",
		"agesTo":               "upp till %d år",
		"period":               "Period",
		"status":               "Status",
		"running":              "Pågående",
		"planned":              "Planerad",
		"plannedFrom":          "Planerad, startar %s",
		"endedOn":              "Avslutad %s",
		"since":                "sedan %s",
		"until":                "till och med %s",
		"places":               "Platser per år",
		"partners":             "Samverkansparter",
		"referral":             "Vem kan remittera",
		"selfReferral":         "Egenanmälan",
		"yes":                  "Ja",
		"no":                   "Nej",
		"focus":                "Inriktning",
		"individinriktad":      "Individinriktad",
		"strukturovergripande": "Strukturövergripande",
		"website":              "Webbplats",
		"reviewed":             "Senast granskad",
		"stale":                "(för mer än %d dagar sedan: uppgifterna kan vara inaktuella, kontrollera med verksamheten)",
		"facts":                "Fakta",
		"contacts":             "Kontakt",
		"phone":                "Telefon",
		"email":                "E-post",
		"address":              "Adress",
		"serves":               "för %s",
		"allMunicipalities":    "Alla kommuner",
		"description":          "Beskrivning",
		"byFunction":           "Efter funktion",
		"members":              "Medlemskommuner",
		"inMunicipality":       "Verksamheter i %s",
		"notFound":             "Sidan finns inte",
		"notFoundText":         "Sidan du söker finns inte, eller har flyttats. Börja om från startsidan eller bläddra bland kommuner och funktioner.",
		"toHome":               "Till startsidan",
		"statement":            "Tillgänglighet",
		"statementTitle":       "Tillgänglighetsredogörelse",
		"statementMissing":     "Den här webbplatsen har ännu ingen tillgänglighetsredogörelse. Kontakta utgivaren om du stöter på hinder.",
		"openData":             "Öppna data",
		"feed":                 "Nyhetsflöde (Atom)",
		"generator":            "Byggd med samkat",
		"plannedMark":          "planerad",
		"other":                "Övrigt",
		"more":                 "Läs mer",
		"about":                "Om",
		"noActivities":         "Här finns inga pågående verksamheter.",
	},
	"en": {
		"search.title":         "Find an activity",
		"search.label":         "Search words",
		"search.tips":          "For example young, sick leave or FK. Letters without accents work too.",
		"search.filters":       "Filters",
		"search.age":           "The person's age",
		"search.selfYes":       "The person may apply on their own",
		"search.statusCurrent": "Running and planned",
		"search.statusEnded":   "Ended",
		"search.submit":        "Show results",
		"search.chips":         "Selected filters",
		"search.clear":         "Clear all filters",
		"search.results":       "Search results",
		"search.found1":        "1 activity found",
		"search.foundN":        "%d activities found",
		"search.foundNone":     "No activity found. Try fewer words or remove a filter.",
		"search.more":          "Show more",
		"search.removeFilter":  "Remove the filter %s",
		"search.ageChip":       "Age %s",
		"search.textChip":      "Words: %s",
		"search.loadError":     "The search could not be loaded. Use the table and the lists below.",
		"search.plannedMark":   "Planned",
		"search.endedMark":     "Ended",
		"search.searching":     "Searching …",
		"search.noMatch":       "No match",
		"skip":                 "Skip to content",
		"nav":                  "Main menu",
		"home":                 "Home",
		"activities":           "Activities",
		"municipalities":       "Municipalities",
		"municipality":         "Municipality",
		"functions":            "Functions",
		"function":             "Function",
		"financing":            "Financing",
		"organisers":           "Organisers",
		"organiser":            "Organiser",
		"forbund":              "Coordination associations",
		"ended":                "Ended",
		"endedTitle":           "Ended activities",
		"endedIntro":           "Activities whose period is over. They stay listed here so that you can see what has existed.",
		"noneEnded":            "No activities have ended.",
		"matrix":               "Activities by municipality and function",
		"matrixEmpty":          "None",
		"structural":           "Structural measures",
		"structuralIntro":      "Measures that build cooperation between the authorities rather than meeting individuals. They cover the whole area and are therefore not shown in the table.",
		"allActivities":        "All activities",
		"allIntro":             "All running and planned activities in alphabetical order.",
		"count1":               "1 activity",
		"countN":               "%d activities",
		"target":               "Target group",
		"ages":                 "Ages",
		"agesRange":            "%d–%d years",
		"agesFrom":             "from %d years",
		"agesTo":               "up to %d years",
		"period":               "Period",
		"status":               "Status",
		"running":              "Running",
		"planned":              "Planned",
		"plannedFrom":          "Planned, starts %s",
		"endedOn":              "Ended %s",
		"since":                "since %s",
		"until":                "until %s",
		"places":               "Places per year",
		"partners":             "Partners",
		"referral":             "Who may refer",
		"selfReferral":         "Self-referral",
		"yes":                  "Yes",
		"no":                   "No",
		"focus":                "Focus",
		"individinriktad":      "Individual",
		"strukturovergripande": "Structural",
		"website":              "Website",
		"reviewed":             "Last reviewed",
		"stale":                "(more than %d days ago: the details may be out of date, check with the activity)",
		"facts":                "Facts",
		"contacts":             "Contact",
		"phone":                "Phone",
		"email":                "E-mail",
		"address":              "Address",
		"serves":               "for %s",
		"allMunicipalities":    "All municipalities",
		"description":          "Description",
		"byFunction":           "By function",
		"members":              "Member municipalities",
		"inMunicipality":       "Activities in %s",
		"notFound":             "Page not found",
		"notFoundText":         "The page you are looking for does not exist or has moved. Start again from the home page or browse municipalities and functions.",
		"toHome":               "Go to the home page",
		"statement":            "Accessibility",
		"statementTitle":       "Accessibility statement",
		"statementMissing":     "This website does not yet have an accessibility statement. Contact the publisher if you meet any barriers.",
		"openData":             "Open data",
		"feed":                 "News feed (Atom)",
		"generator":            "Built with samkat",
		"plannedMark":          "planned",
		"other":                "Other",
		"more":                 "Read more",
		"about":                "About",
		"noActivities":         "There are no running activities here.",
	},
}

var monthNames = map[string][12]string{
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// lang holds one language's texts and formats.
type lang struct {
	code string
	t    Strings
}

func newLang(code string) lang {
	if _, ok := texts[code]; !ok {
		code = "sv"
	}
	return lang{code: code, t: texts[code]}
}

// f formats the text key with args.
func (l lang) f(key string, args ...any) string { return fmt.Sprintf(l.t[key], args...) }

// date writes a day for a reader: "1 oktober 2007" / "1 October 2007".
func (l lang) date(d catalog.Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, monthNames[l.code][d.Month-1], d.Year)
}

// count writes "1 verksamhet" / "3 verksamheter".
func (l lang) count(n int) string {
	if n == 1 {
		return l.t["count1"]
	}
	return l.f("countN", n)
}
