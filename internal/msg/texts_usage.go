package msg

// The command's help: the overview, each command's help and its options.
const (
	UsageMain    ID = "usage-main"
	HelpBuild    ID = "help-build"
	HelpCheck    ID = "help-check"
	HelpServe    ID = "help-serve"
	FlagOut      ID = "flag-o"
	FlagBaseURL  ID = "flag-baseurl"
	FlagFormat   ID = "flag-format"
	FlagWarnings ID = "flag-warnings"
	FlagPort     ID = "flag-port"
	FlagNow      ID = "flag-now"
	FlagBind     ID = "flag-bind"
	FlagDrafts   ID = "flag-drafts"
	FlagPoll     ID = "flag-poll"
)

var usageTexts = map[ID]Text{
	UsageMain: {
		Sv: `samkat bygger en katalog över samverkansverksamheter till en statisk webbplats.

Användning:
  samkat build [-o MAPP] [--now ÅÅÅÅ-MM-DD] [--baseurl ADRESS] [--format text|github|json] [--warnings summary|all|none] [mapp]
  samkat check [--now ÅÅÅÅ-MM-DD] [--format text|github|json] [--warnings summary|all|none] [mapp | fil.md …]
  samkat serve [--port N] [--bind ADRESS] [--drafts] [--poll] [--now ÅÅÅÅ-MM-DD] [mapp]
  samkat init [mapp]
  samkat new "Namn på verksamheten" [--funktion ID]… [--kommun NAMN]… [--finansiering ID]… [mapp]
  samkat schema [-o FIL] [mapp]
  samkat version

mapp är katalogmappen, den som innehåller content/ (standard: .). Flaggorna
får stå före eller efter mappen. check kan också få en eller flera filer ur
content/ och visar då bara problemen i dem.
Skriv "samkat KOMMANDO --help" för ett kommandos flaggor.

Slutkoder: 0 klart (varningar tillåts), 1 katalogen har fel eller bygget
misslyckades, 2 felaktigt kommando.
Meddelandena är på svenska; SAMKAT_LANG=en ger engelska.
`,
		En: `samkat builds a catalogue of samverkansverksamheter into a static website.

Usage:
  samkat build [-o DIR] [--now YYYY-MM-DD] [--baseurl URL] [--format text|github|json] [--warnings summary|all|none] [dir]
  samkat check [--now YYYY-MM-DD] [--format text|github|json] [--warnings summary|all|none] [dir | file.md …]
  samkat serve [--port N] [--bind ADDR] [--drafts] [--poll] [--now YYYY-MM-DD] [dir]
  samkat init [dir]
  samkat new "Name of the activity" [--funktion ID]… [--kommun NAME]… [--finansiering ID]… [dir]
  samkat schema [-o FILE] [dir]
  samkat version

dir is the catalogue folder, the one that holds content/ (default: .). The
options may come before or after it. check also takes one or more files of
content/ and then shows the problems in those alone.
Run "samkat COMMAND --help" for the options of a command.

Exit codes: 0 success (warnings allowed), 1 the catalogue has errors or the
build failed, 2 wrong usage.
Messages are in the catalogue's language (sprak); SAMKAT_LANG=en or sv overrides it.
`,
	},
	HelpBuild: {
		Sv: "Användning: samkat build [flaggor] [mapp]\n\nBygger katalogen i mapp (standard .) till en webbplats. Med fel publiceras ingenting,\noch det som redan finns i utmappen lämnas som det var.\n\nFlaggor:\n",
		En: "Usage: samkat build [options] [dir]\n\nBuilds the catalogue in dir (default .) into a website. With errors, nothing is published\nand the previous output is left as it was.\n\nOptions:\n",
	},
	HelpCheck: {
		Sv: "Användning: samkat check [flaggor] [mapp | fil.md …]\n\nKontrollerar katalogen i mapp (standard .) och skriver varje problem som fil:rad:kolumn.\nMed filer ur content/ visas bara problemen i dem (och fel i content/_index.md).\n\nFlaggor:\n",
		En: "Usage: samkat check [options] [dir | file.md …]\n\nValidates the catalogue in dir (default .) and prints every problem as file:line:col.\nWith files of content/, only their problems are shown (and errors in content/_index.md).\n\nOptions:\n",
	},
	HelpServe: {
		Sv: "Användning: samkat serve [flaggor] [mapp]\n\nBygger katalogen i mapp (standard .) i minnet, visar den på http://127.0.0.1:PORT/\noch bygger om den när en fil i content/, layouts/ eller static/ ändras; öppna sidor\nladdas om av sig själva. Problem skrivs här och visas på varje sida. Ctrl-C avslutar.\n\nFlaggor:\n",
		En: "Usage: samkat serve [options] [dir]\n\nBuilds the catalogue in dir (default .) into memory, serves it at http://127.0.0.1:PORT/\nand rebuilds it whenever a file in content/, layouts/ or static/ changes; open pages\nreload by themselves. Problems are printed here and shown on every page. Ctrl-C stops.\n\nOptions:\n",
	},
	FlagOut:      {Sv: "utmapp (standard: public/ i katalogmappen)", En: "output folder (default: public/ inside the catalogue folder)"},
	FlagBaseURL:  {Sv: "fullständig adress som webbplatsen publiceras på, i stället för baseurl i content/_index.md (t.ex. för en förhandsversion)", En: "absolute address the site is published at, overriding baseurl in content/_index.md (e.g. for a preview)"},
	FlagFormat:   {Sv: `hur problem skrivs: "text", "github" för anteckningar i GitHub Actions, eller "json" för andra program (docs/check-json.md)`, En: `how to print problems: "text", "github" for GitHub Actions annotations, or "json" for other tools (docs/check-json.md)`},
	FlagWarnings: {Sv: `vilka varningar som skrivs: "summary" (varje slag en gång, med antal, när de är många), "all" (även information) eller "none"`, En: `which warnings to print: "summary" (each kind once, with a count, when there are many), "all" (notes too) or "none"`},
	FlagPort:     {Sv: "port att lyssna på, på 127.0.0.1; 0 väljer en ledig", En: "port to listen on at 127.0.0.1; 0 picks a free one"},
	FlagNow:      {Sv: "dagen att bygga för, ÅÅÅÅ-MM-DD (standard: dagens datum i Sverige); gör datumberoende utdata reproducerbar", En: "the day to build for, YYYY-MM-DD (default: today in Sweden); makes date-dependent output reproducible"},
	FlagBind:     {Sv: "adress att lyssna på; 0.0.0.0 gör förhandsvisningen nåbar från till exempel en mobil i samma nätverk (standard: bara den här datorn)", En: "address to listen on; 0.0.0.0 makes the preview reachable from e.g. a phone on the same network (default: this computer only)"},
	FlagDrafts:   {Sv: "visa även utkast (utkast: true), märkta som utkast på varje sida", En: "show drafts (utkast: true) too, marked as drafts on every page"},
	FlagPoll:     {Sv: "leta efter ändringar genom att läsa mapparna varje sekund, för nätverksenheter och WSL där ändringar annars inte märks", En: "look for changes by reading the folders every second, for network drives and WSL where changes are otherwise not noticed"},
}
