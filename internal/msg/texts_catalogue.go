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

	// Values that split filters, copies, förbund names and a broken index.
	SpellingVariant   ID = "spelling-variant"
	SpellingTie       ID = "spelling-tie"
	ListEntryVariant  ID = "list-entry-variant"
	SameNamn          ID = "same-namn"
	CopyFileOf        ID = "copy-file-of"
	CopyFileName      ID = "copy-file-name"
	ForbundIsName     ID = "forbund-is-name"
	IndexFirst        ID = "index-first"
	IndexFirstSkipped ID = "index-first-skipped"
	AliasTaken        ID = "alias-taken"
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

	// Values that split filters, copies, förbund names and a broken index.
	SpellingVariant: {
		Sv:  "menade du %q? Så skrivs det i %s; %q blir annars ett eget val i sökfiltret",
		En:  "did you mean %q? That is how it is written in %s; otherwise %q becomes a separate choice in the search filter",
		Fix: "Skriv värdet likadant som i de andra verksamheterna, eller lista de kända remittenterna under remiss i content/_index.md.",
	},
	SpellingTie: {
		Sv:  "nästan samma stavning som %q i %s; är det samma, skriv likadant (annars blir %q ett eget val i sökfiltret)",
		En:  "spelt almost like %q in %s; if they are the same, write them the same way (otherwise %q is a separate choice in the search filter)",
		Fix: "Välj den rätta stavningen och skriv den likadant i alla verksamheter, eller lista de kända remittenterna under remiss i content/_index.md.",
	},
	ListEntryVariant: {
		Sv:  "%q står redan i listan som %q",
		En:  "%q is already in the list as %q",
		Fix: "Ta bort det ena; värdet räknas bara en gång.",
	},
	SameNamn: {
		Sv:  "samma namn som %s; är den ena filen en kopia? Ta bort kopian eller ge verksamheterna olika namn",
		En:  "same name as %s; is one of the files a copy? Remove the copy or give the activities different names",
		Fix: "Ta bort den fil som är en kopia, eller ge verksamheterna namn som skiljer dem åt.",
	},
	CopyFileOf: {
		Sv:  "filnamnet ser ut som en kopia av %s; ta bort kopian, eller byt namn på filen om det är en egen verksamhet",
		En:  "the file name looks like a copy of %s; remove the copy, or rename the file if it is an activity of its own",
		Fix: "Ta bort kopian. Är det en egen verksamhet, ge filen verksamhetens namn (filnamnet blir sidans adress).",
	},
	CopyFileName: {
		Sv:  "filnamnet ser ut som en kopia (%q); ge filen verksamhetens namn, eftersom det blir sidans adress",
		En:  "the file name looks like a copy (%q); name the file after the activity, since the name becomes the page's address",
		Fix: "Byt namn på filen till verksamhetens namn, t.ex. lotsen.md.",
	},
	ForbundIsName: {
		Sv:  "%q är förbundets namn; skriv filnamnet för dess sida (utan .md): forbund: %s",
		En:  "%q is the förbund's name; write the file name of its page (without .md): forbund: %s",
		Fix: "Skriv filnamnet för förbundets sida i content/forbund/ utan .md, t.ex. forbund: sjuharad.",
	},
	IndexFirst: {
		Sv:  "rätta content/_index.md först; verksamheterna kontrolleras mot den",
		En:  "fix content/_index.md first; the activities are checked against it",
		Fix: "Rätta felen i content/_index.md och kör kontrollen igen; då kontrolleras verksamheterna mot den.",
	},
	IndexFirstSkipped: {
		Sv:  "rätta content/_index.md först; verksamheterna kontrolleras mot den (till dess kontrolleras inte: %s)",
		En:  "fix content/_index.md first; the activities are checked against it (not checked until then: %s)",
		Fix: "Rätta felen i content/_index.md och kör kontrollen igen; då kontrolleras verksamheterna mot den.",
	},
	AliasTaken: {
		Sv:  "%q kan inte leda hit: %s är redan adressen till %s",
		En:  "%q cannot lead here: %s is already the address of %s",
		Fix: "Ta bort det gamla namnet ur aliases; en adress kan bara leda till en sida.",
	},
}
