package msg

import "strings"

// Limits that keep the cost of a build bounded whatever the input: the
// size of tables, headings, nesting and links in a text, the files of
// static/, and the lists shown in messages.
const (
	BodyTableWide    ID = "body-table-wide"
	BodyTableBig     ID = "body-table-big"
	BodyHeadings     ID = "body-too-many-headings"
	BodyTooDeep      ID = "body-too-deep"
	BodyLinksCostly  ID = "body-links-costly"
	FolderFileTooBig ID = "folder-file-too-big"
	FolderTooBig     ID = "folder-too-big"
	ListFirst        ID = "list-first"

	// Limits of samkat's own work, not of the catalogue's text.
	LayoutPageTooBig ID = "layout-page-too-big"
	LayoutTooSlow    ID = "layout-too-slow"
	ServeBusy        ID = "serve-busy"
)

// MaxListed is how many values a message lists before it says how many
// more there are.
const MaxListed = 10

var limitsTexts = map[ID]Text{
	BodyTableWide: {
		Sv:  "tabellen har %d kolumner; gränsen är %d",
		En:  "the table has %d columns; the limit is %d",
		Fix: "Dela upp tabellen i flera smalare, eller lägg uppgifterna i en fil i static/ och länka till den.",
	},
	BodyTableBig: {
		Sv:  "tabellen har %d celler (%d kolumner gånger %d rader); gränsen är %d",
		En:  "the table has %d cells (%d columns times %d rows); the limit is %d",
		Fix: "Dela upp tabellen i flera mindre, eller lägg uppgifterna i en fil i static/ och länka till den.",
	},
	BodyHeadings: {
		Sv:  "texten har %d rubriker; gränsen är %d",
		En:  "the text has %d headings; the limit is %d",
		Fix: "Använd färre rubriker: en rubrik ska inleda ett avsnitt, inte en enstaka rad.",
	},
	BodyTooDeep: {
		Sv:  "raden ligger %d nivåer djupt i citat (>) och listor; ingen text behöver mer än %d",
		En:  "this line is nested %d levels deep in quotes (>) and lists; no text needs more than %d",
		Fix: "Ta bort överflödiga > och listtecken (-, *, 1.) i början av raden, och minska indraget.",
	},
	BodyLinksCostly: {
		Sv:  "stycket som börjar här har %d [ på %d tecken; så många länkar i så långa stycken tar för lång tid att läsa",
		En:  "the paragraph starting here has %d [ in %d characters; that many links in paragraphs that long take too long to read",
		Fix: "Dela upp stycket med tomma rader, och se efter att varje [ stängs med ] och varje ( med ).",
	},
	FolderFileTooBig: {
		Sv:  "%s är %d byte, mer än gränsen %d MiB för en fil",
		En:  "%s is %d bytes, more than the limit of %d MiB for one file",
		Fix: "Gör filen mindre (komprimera bilden, spara PDF:en för skärm), eller lägg den på en annan webbplats och länka dit.",
	},
	FolderTooBig: {
		Sv:  "filerna i %s är sammanlagt mer än %d MiB (gränsen passerades vid %s)",
		En:  "the files in %s come to more than %d MiB in all (the limit was passed at %s)",
		Fix: "Ta bort filer som inte används, gör stora filer mindre, eller lägg dem på en annan webbplats och länka dit.",
	},
}

var limitsToolTexts = map[ID]Text{
	ListFirst: {Sv: "%s … och %d till", En: "%s … and %d more"},
	LayoutPageTooBig: {
		Sv:  "layouts/%s: sidan %s blev större än %d MiB; se efter om mallen (eller base.html och _partials/) har en loop ({{range}}) som aldrig tar slut",
		En:  "layouts/%s: the page %s grew larger than %d MiB; check the layout (or base.html and _partials/) for a loop ({{range}}) that never ends",
		Fix: "Rätta mallen i layouts/, eller ta bort den så att samkats egen används.",
	},
	LayoutTooSlow: {
		Sv:  "layouts/%s: sidan %s var inte klar efter %v; se efter om mallen (eller base.html och _partials/) har en loop ({{range}}) som aldrig tar slut",
		En:  "layouts/%s: the page %s was not done after %v; check the layout (or base.html and _partials/) for a loop ({{range}}) that never ends",
		Fix: "Rätta mallen i layouts/, eller ta bort den så att samkats egen används.",
	},
	ServeBusy: {
		Sv:  "503 samkat serve har för många förfrågningar samtidigt; försök igen om en stund",
		En:  "503 samkat serve has too many requests at once; try again in a moment",
		Fix: "Ladda om sidan.",
	},
}

// Listed returns values separated by commas, but only the first MaxListed
// of them, followed by how many more there are: a message names a few
// values, not a whole catalogue's worth.
func Listed(values []string) Message {
	if len(values) <= MaxListed {
		return New(Verbatim, strings.Join(values, ", "))
	}
	return New(ListFirst, strings.Join(values[:MaxListed], ", "), len(values)-MaxListed)
}
