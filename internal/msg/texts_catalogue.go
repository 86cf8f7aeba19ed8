package msg

// Problems across files: references to what content/_index.md declares, to
// förbund pages, and dates relative to the day of the build.
const (
	NotDeclared      ID = "not-declared"
	KommunUndeclared ID = "kommun-undeclared"
	ForbundNoPage    ID = "forbund-no-page"
	SlutPassed       ID = "slut-passed"
	GranskadMissing  ID = "granskad-missing"
	GranskadOld      ID = "granskad-old"
	GranskadFuture   ID = "granskad-future"
)

var catalogueTexts = map[ID]Text{
	NotDeclared: {
		Sv:  "%q finns inte i %s%s (finns: %s)",
		En:  "%q is not declared in %s%s (declared: %s)",
		Fix: "Rätta stavningen till ett av de värden som finns, eller lägg till värdet i content/_index.md.",
	},
	KommunUndeclared: {
		Sv:  "%q är ingen kommun i %s%s (finns: %s, eller skriv [alla])",
		En:  "%q is not a municipality declared in %s%s (declared: %s, or write [alla])",
		Fix: "Rätta stavningen, eller lägg till kommunen i content/_index.md.",
	},
	ForbundNoPage: {
		Sv:  "det finns ingen sida content/forbund/%s.md%s",
		En:  "there is no page content/forbund/%s.md%s",
		Fix: "Rätta forbund till filnamnet (utan .md) för förbundets sida i content/forbund/.",
	},
	SlutPassed: {
		Sv:  "%s har passerats; verksamheten visas som avslutad",
		En:  "%s has passed; the activity is listed as avslutad (ended)",
		Fix: "Inget behöver göras om verksamheten har slutat; annars rätta slut.",
	},
	GranskadMissing: {
		Sv:  "saknas: skriv datumet då uppgifterna senast kontrollerades, t.ex. granskad: %s",
		En:  "missing: add the date the entry was last checked, e.g. granskad: %s",
		Fix: "Kontrollera uppgifterna och skriv dagens datum i granskad.",
	},
	GranskadOld: {
		Sv:  "%s är äldre än granskas_inom (%d dagar); kontrollera uppgifterna och uppdatera datumet",
		En:  "%s is older than granskas_inom (%d days); check the entry and update the date",
		Fix: "Kontrollera uppgifterna med verksamheten och skriv dagens datum i granskad.",
	},
	GranskadFuture: {
		Sv:  "%s ligger i framtiden",
		En:  "%s is in the future",
		Fix: "Skriv det datum då uppgifterna faktiskt kontrollerades.",
	},
}
