package msg

// What samkat init and samkat new say: the files they write, their next
// steps, and why they refuse.
const (
	HelpInit         ID = "help-init"
	InitExists       ID = "init-exists"
	InitCreated      ID = "init-created"
	InitWroteFile    ID = "init-wrote-file"
	InitKeptFile     ID = "init-kept-file"
	InitNext         ID = "init-next"
	HelpNew          ID = "help-new"
	FlagFunktion     ID = "flag-funktion"
	FlagKommun       ID = "flag-kommun"
	FlagFinansiering ID = "flag-finansiering"
	NewNoName        ID = "new-no-name"
	NewNoSlug        ID = "new-no-slug"
	NewExists        ID = "new-exists"
	NewBadIndex      ID = "new-bad-index"
	NewUndeclared    ID = "new-undeclared"
	NewTemplate      ID = "new-template"
	NewWrote         ID = "new-wrote"
	NewNext          ID = "new-next"
)

var initTexts = map[ID]Text{
	HelpInit: {
		Sv: "Användning: samkat init [mapp]\n\nSkapar en ny katalog i mapp (standard .; mappen skapas om den inte finns): content/ med\ninställningar, en tillgänglighetsredogörelse och en exempelverksamhet, arbetsflöden för\nGitHub som kontrollerar pull requests och publicerar på GitHub Pages, och inställningar\nför VS Code. Filer som redan finns lämnas som de är; en mapp som redan har content/\nrörs inte.\n\nFlaggor:\n",
		En: "Usage: samkat init [dir]\n\nStarts a new catalogue in dir (default .; created if it does not exist): content/ with\nsettings, an accessibility statement and an example activity, GitHub workflows that\ncheck pull requests and publish to GitHub Pages, and VS Code settings. Files that exist\nare left as they are; a folder that already has content/ is not touched.\n\nOptions:\n",
	},
	InitExists:    {Sv: "%s har redan en katalog (%s finns); samkat init ändrar ingenting i den", En: "%s already holds a catalogue (%s exists); samkat init changes nothing in it"},
	InitCreated:   {Sv: "skapade en ny katalog i %s:", En: "started a new catalogue in %s:"},
	InitWroteFile: {Sv: "  skrev %s", En: "  wrote %s"},
	InitKeptFile:  {Sv: "  fanns redan, lämnades som den var: %s", En: "  exists already, left as it was: %s"},
	InitNext: {
		Sv: `
Katalogen går att bygga redan nu. Nästa steg:
  1. Byt exemplen på raderna med ÄNDRA i content/_index.md mot förbundets namn,
     kommuner, funktioner och finansiering.
  2. Fyll i content/tillganglighet.md (raderna med ÄNDRA).
  3. Skriv förbundets verksamheter, en fil var:  samkat new "Namn på verksamheten" %s
     och ta bort exemplet content/verksamheter/exempelteamet.md.
  4. Titta på webbplatsen:  samkat serve %s
  5. Lägg katalogen i ett repository på GitHub och välj Settings → Pages →
     Source: GitHub Actions. Sedan kontrolleras varje pull request och
     webbplatsen publiceras när main ändras och varje natt.
Allt steg för steg: https://github.com/samkat/samkat/blob/main/docs/kom-igang.md
`,
		En: `
The catalogue builds already. Next steps:
  1. Replace the examples on the lines marked ÄNDRA in content/_index.md with the
     förbund's name, municipalities, functions and financing.
  2. Fill in content/tillganglighet.md (the lines marked ÄNDRA).
  3. Write the förbund's activities, one file each:  samkat new "Name of the activity" %s
     and delete the example content/verksamheter/exempelteamet.md.
  4. Look at the site:  samkat serve %s
  5. Put the catalogue in a GitHub repository and choose Settings → Pages →
     Source: GitHub Actions. Then every pull request is checked and the site
     is published when main changes and every night.
Step by step: https://github.com/samkat/samkat/blob/main/docs/kom-igang.md
`,
	},
	HelpNew: {
		Sv: "Användning: samkat new \"Namn på verksamheten\" [flaggor] [mapp]\n\nSkriver content/verksamheter/<filnamn>.md i katalogen i mapp (standard .) med alla fält:\nde obligatoriska med värden som börjar med ANGE- och som samkat check inte godtar förrän\nde är ifyllda, de valfria bortkommenterade med en förklaring. Katalogen kan ha en egen\nmall i layouts/_new/verksamhet.md. --kommun får anges flera gånger.\n\nFlaggor:\n",
		En: "Usage: samkat new \"Name of the activity\" [options] [dir]\n\nWrites content/verksamheter/<slug>.md in the catalogue in dir (default .) with every field:\nthe required ones with values starting with ANGE- that samkat check rejects until they are\nfilled in, the optional ones commented out with what they mean. The catalogue may have its\nown template in layouts/_new/verksamhet.md. --kommun may be given more than once.\n\nOptions:\n",
	},
	FlagFunktion:     {Sv: "funktionens `ID` (eller namn) ur content/_index.md; får anges flera gånger", En: "the function's `ID` (or name) from content/_index.md; may be repeated"},
	FlagKommun:       {Sv: "en kommun (`NAMN`) ur content/_index.md, eller alla; får anges flera gånger", En: "a municipality (`NAME`) from content/_index.md, or alla; may be repeated"},
	FlagFinansiering: {Sv: "finansieringens `ID` (eller namn) ur content/_index.md; får anges flera gånger", En: "the financing source's `ID` (or name) from content/_index.md; may be repeated"},
	NewNoName:        {Sv: `ange verksamhetens namn, till exempel: samkat new "KRAFT-teamet"`, En: `give the activity's name, for example: samkat new "KRAFT-teamet"`},
	NewNoSlug:        {Sv: "namnet %q ger inget filnamn; det behöver minst en bokstav eller siffra", En: "the name %q gives no file name; it needs at least one letter or digit"},
	NewExists:        {Sv: "det finns redan en verksamhet med filnamnet %s: %s; välj ett annat namn eller ändra den filen", En: "an activity with the file name %s exists already: %s; choose another name or edit that file"},
	NewBadIndex:      {Sv: "%s går inte att läsa (%s); rätta den först, samkat check visar hur", En: "%s cannot be read (%s); fix it first, samkat check shows how"},
	NewUndeclared:    {Sv: "--%s %q finns inte i %s%s; giltiga: %s", En: "--%s %q is not declared in %s%s; valid: %s"},
	NewTemplate:      {Sv: "mallen %s: %v", En: "the template %s: %v"},
	NewWrote:         {Sv: "skrev %s", En: "wrote %s"},
	NewNext: {
		Sv: "Fyll i värdena som börjar med ANGE- och ta bort # framför de valfria fält du vill använda.\nsamkat check %s säger vad som återstår.\n",
		En: "Fill in the values that start with ANGE- and remove the # before the optional fields you want to use.\nsamkat check %s says what remains.\n",
	},
}
