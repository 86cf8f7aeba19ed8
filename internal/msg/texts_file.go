package msg

// Problems with a file as a whole: reading it, its encoding, the frontmatter
// delimiters and where it lies in content/.
const (
	FileTooBig         ID = "file-too-big"
	FileNUL            ID = "file-nul"
	FileNotUTF8        ID = "file-not-utf8"
	FileEmpty          ID = "file-empty"
	FileNotYAML        ID = "file-not-yaml"
	FileNoStart        ID = "file-no-start"
	FileNotClosed      ID = "file-not-closed"
	FileUnreadable     ID = "file-unreadable"
	FileSymlink        ID = "file-symlink"
	FileNotRegular     ID = "file-not-regular"
	FileMdCase         ID = "file-md-case"
	FileNotMd          ID = "file-not-md"
	FileNoSlug         ID = "file-no-slug"
	FileWrongFolder    ID = "file-wrong-folder"
	IndexMissing       ID = "index-missing"
	NoContentFolder    ID = "no-content-folder"
	YAMLSyntax         ID = "yaml-syntax"
	YAMLNotMapping     ID = "yaml-not-mapping"
	YAMLComplexKey     ID = "yaml-complex-key"
	YAMLAlias          ID = "yaml-alias"
	YAMLTooDeep        ID = "yaml-too-deep"
	StatementMissing   ID = "statement-missing"
	PageReservedName   ID = "page-reserved-name"
	PageSameURL        ID = "page-same-url"
	PageTermUndeclared ID = "page-term-undeclared"
	StaticTakesPage    ID = "static-takes-page"
	StaticTakesGen     ID = "static-takes-generated"
	TwoPagesSamePath   ID = "two-pages-same-path"
	PageAndGenSamePath ID = "page-and-generated-same-path"
	BaseURLMissingWarn ID = "baseurl-missing"

	// YAML mistakes explained at their line and column.
	YAMLTab             ID = "yaml-tab"
	YAMLNoSpace         ID = "yaml-no-space-after-colon"
	YAMLIndented        ID = "yaml-indented"
	YAMLMisaligned      ID = "yaml-misaligned"
	YAMLUnclosedQuote   ID = "yaml-unclosed-quote"
	YAMLAfterQuote      ID = "yaml-text-after-quote"
	YAMLUnclosedBracket ID = "yaml-unclosed-bracket"
	YAMLBadStart        ID = "yaml-bad-start"
	YAMLColonInValue    ID = "yaml-colon-in-value"
	YAMLIndentedFirst   ID = "yaml-indented-first-key"
	YAMLDocEnd          ID = "yaml-document-end"
	YAMLCommentCut      ID = "yaml-comment-in-value"
	YAMLNoColon         ID = "yaml-no-colon"
	// The YAML library's own explanations, for the mistakes not recognised above.
	YAMLExpectedKey      ID = "yaml-parser-expected-key"
	YAMLExpectedColon    ID = "yaml-parser-expected-colon"
	YAMLColonHere        ID = "yaml-parser-colon-here"
	YAMLListNotClosed    ID = "yaml-parser-list-not-closed"
	YAMLEndOfStream      ID = "yaml-parser-end-of-stream"
	YAMLBadToken         ID = "yaml-parser-bad-token"
	YAMLExpectedDash     ID = "yaml-parser-expected-dash"
	FolderSymlink        ID = "folder-symlink"
	StaticInWayPage      ID = "static-in-way-page"
	StaticInWayGenerated ID = "static-in-way-generated"
)

var fileTexts = map[ID]Text{
	FileTooBig: {
		Sv:  "filen är %d byte, mer än gränsen %d MiB; dela upp den eller korta beskrivningen",
		En:  "file is %d bytes, more than the limit of %d MiB; split it or shorten the description",
		Fix: "Korta texten eller dela upp verksamheten i flera filer.",
	},
	FileNUL: {
		Sv:  "innehåller ett NUL-tecken; filen är inte text (spara den som UTF-8-text)",
		En:  "contains a NUL byte; the file is not text (save it as UTF-8 text)",
		Fix: "Filen har sparats i ett ordbehandlingsformat. Spara den som vanlig text (UTF-8).",
	},
	FileNotUTF8: {
		Sv:  "är inte giltig UTF-8 (första felaktiga tecknet finns på den här raden); spara filen som UTF-8",
		En:  "is not valid UTF-8 (first bad byte on this line); save the file as UTF-8",
		Fix: "Spara filen med teckenkodningen UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8).",
	},
	FileEmpty: {
		Sv:  "filen är tom; den behöver fält mellan två rader med --- (se docs/redaktorer.md)",
		En:  "file is empty; it needs frontmatter between --- lines (see docs/editors.md)",
		Fix: "Börja med en rad ---, skriv fälten och avsluta med en rad ---. Kopiera gärna en befintlig verksamhet.",
	},
	FileNotYAML: {
		Sv:  "bara fält i YAML mellan rader med --- fungerar, inte TOML eller JSON",
		En:  "only YAML frontmatter between --- lines is supported, not TOML or JSON",
		Fix: "Skriv fälten som namn: värde mellan två rader med ---.",
	},
	FileNoStart: {
		Sv:  "filen måste börja med en rad ---, sedan fälten och sedan en rad --- till",
		En:  "the file must start with a --- line, then the fields, then another --- line",
		Fix: "Lägg till en rad med bara --- överst i filen.",
	},
	FileNotClosed: {
		Sv:  "fälten som börjar här avslutas aldrig med en rad ---",
		En:  "the frontmatter starting here is never closed with a --- line",
		Fix: "Lägg till en rad med bara --- efter det sista fältet, före texten.",
	},
	FileUnreadable: {
		Sv:  "kan inte läsas: %v",
		En:  "cannot be read: %v",
		Fix: "Kontrollera att filen finns och att du har rätt att läsa den.",
	},
	FileSymlink: {
		Sv:  "är en symbolisk länk; samkat följer inte länkar (de kan peka utanför katalogen): kopiera filen i stället",
		En:  "is a symbolic link; samkat does not follow links (they could point outside the catalogue): copy the file instead",
		Fix: "Ersätt länken med en kopia av filen.",
	},
	FileNotRegular: {
		Sv:  "är inte en vanlig fil",
		En:  "is not a regular file",
		Fix: "Ta bort den ur content/.",
	},
	FileMdCase: {
		Sv:  "läses inte: Markdown-filer ska sluta på .md (med små bokstäver)",
		En:  "is not read: Markdown files must end in .md (lower case)",
		Fix: "Byt namn på filen så att den slutar på .md.",
	},
	FileNotMd: {
		Sv:  "är ingen .md-fil och hoppas över; bilder och andra filer hör hemma i static/",
		En:  "is not a .md file and is ignored; images and other files belong in static/",
		Fix: "Flytta filen till static/ (bilder, pdf-filer) eller ta bort den.",
	},
	FileNoSlug: {
		Sv:  "filnamnet ger ingen användbar adress; använd bokstäver eller siffror, t.ex. mitt-projekt.md",
		En:  "the file name gives no usable address; name it with letters or digits, e.g. mitt-projekt.md",
		Fix: "Byt namn på filen till något med bokstäver eller siffror.",
	},
	FileWrongFolder: {
		Sv:  "hoppas över: bara verksamheter/ får ha undermappar; flytta den till content/, verksamheter/, finansiering/, funktioner/ eller forbund/",
		En:  "is ignored: only verksamheter/ may have subfolders; move it to content/, verksamheter/, finansiering/, funktioner/ or forbund/",
		Fix: "Flytta filen till en av de mappar som meddelandet nämner.",
	},
	IndexMissing: {
		Sv:  "saknas; varje katalog behöver en med titel, kommuner, funktioner och finansiering (se docs/redaktorer.md)",
		En:  "is missing; every catalogue needs one with its titel, kommuner, funktioner and finansiering (see docs/editors.md)",
		Fix: "Skapa content/_index.md; samkat init skriver en att fylla i.",
	},
	NoContentFolder: {
		Sv:  "ingen mapp content/: kör samkat i en katalogmapp eller ange sökvägen (t.ex. samkat build mitt-forbund)",
		En:  "no content/ folder: run samkat in a catalogue folder, or give its path (e.g. samkat build mitt-forbund)",
		Fix: "Gå till mappen som innehåller content/, eller skriv dess namn efter kommandot.",
	},
	YAMLSyntax: {
		Sv:  "fälten är inte giltig YAML: %s",
		En:  "the frontmatter is not valid YAML: %s",
		Fix: "Se förklaringen i meddelandet; jämför med en fil som fungerar.",
	},
	YAMLNotMapping: {
		Sv:  "fälten ska skrivas som namn: värde, inte som %s",
		En:  "the frontmatter must be fields written as key: value, not %s",
		Fix: "Skriv ett fält per rad: namn, kolon, mellanslag, värde.",
	},
	YAMLComplexKey: {
		Sv:  "fältnamn ska vara vanliga ord; sammanslagning (<<) och sammansatta nycklar stöds inte",
		En:  "keys must be plain names; merge keys (<<) and complex keys are not supported",
		Fix: "Skriv ut fältet med sitt namn.",
	},
	YAMLAlias: {
		Sv:  "ankare och alias (&, *) stöds inte; skriv ut värdet",
		En:  "anchors and aliases (&, *) are not supported; write the value out",
		Fix: "Skriv värdet i stället för * eller &, eller sätt citattecken runt texten.",
	},
	YAMLTooDeep: {
		Sv:  "är inbäddat i %d nivåer; inget fält behöver fler än %d (kontrollera hakparenteser och indrag)",
		En:  "is nested %d levels deep; no field needs more than %d (check the brackets and indentation)",
		Fix: "Kontrollera att varje [ och { stängs och att indragen stämmer.",
	},
	StatementMissing: {
		Sv:  "tillgänglighetsredogörelsen saknas; en sida som säger det publiceras. Offentliga aktörer måste publicera en (se docs/redaktorer.md)",
		En:  "the accessibility statement (tillgänglighetsredogörelse) is missing; a stub saying so is published. Public bodies must publish one (see docs/editors.md)",
		Fix: "Skapa content/tillganglighet.md efter DIGG:s mall.",
	},
	PageReservedName: {
		Sv:  "sidnamnet %q används av samkat självt; byt namn på filen (reserverade: %s)",
		En:  "the page name %q is used by the generator itself; rename the file (reserved: %s)",
		Fix: "Byt namn på filen till något som inte finns i listan.",
	},
	PageSameURL: {
		Sv:  "filen skulle publiceras på %s, precis som %s; byt namn på en av dem",
		En:  "this file would be published at %s, like %s; rename one of them",
		Fix: "Byt namn på en av filerna.",
	},
	PageTermUndeclared: {
		Sv:  "ingen %s med id %q finns i %s, så sidan beskriver ingenting%s (finns: %s)",
		En:  "no %s with id %q is declared in %s, so this page describes nothing%s (declared: %s)",
		Fix: "Döp om filen till ett id som finns i content/_index.md, eller lägg till id:t där.",
	},
	StaticTakesPage: {
		Sv:  "static/%s: skulle ta sidan /%s:s plats; ta bort eller byt namn på filen",
		En:  "static/%s: would take the place of the page /%s; remove or rename the file",
		Fix: "Byt namn på filen i static/.",
	},
	StaticTakesGen: {
		Sv:  "static/%s: skulle ta platsen för en fil som samkat skapar (robots.txt, feed.xml, sitemap.xml, data/ och sok/ skapas av samkat); ta bort eller byt namn på filen",
		En:  "static/%s: would take the place of the file the build makes there (robots.txt, feed.xml, sitemap.xml, data/ and sok/ are the build's); remove or rename the file",
		Fix: "Byt namn på filen i static/.",
	},
	TwoPagesSamePath: {
		Sv:  "två sidor skulle skrivas till %s",
		En:  "two pages would be written to %s",
		Fix: "Byt namn på en av filerna.",
	},
	PageAndGenSamePath: {
		Sv:  "en sida och en fil som samkat skapar skulle båda skrivas till %s",
		En:  "a page and a file the build makes would both be written to %s",
		Fix: "Byt namn på sidan.",
	},
	BaseURLMissingWarn: {
		Sv:  "saknas: sitemap.xml och feed.xml skrivs inte, eftersom de behöver fullständiga adresser (t.ex. baseurl: https://samverkan.example.se/)",
		En:  "not set: sitemap.xml and feed.xml are not written, since they need absolute addresses (e.g. baseurl: https://samverkan.example.se/)",
		Fix: "Skriv webbplatsens adress i baseurl i content/_index.md.",
	},

	// YAML mistakes explained at their line and column.
	YAMLTab: {
		Sv:  "raden är indragen med tabb; YAML tillåter bara mellanslag i indrag",
		En:  "the line is indented with a tab; YAML allows only spaces for indentation",
		Fix: "Byt tabben mot mellanslag, lika många som på raderna i samma grupp.",
	},
	YAMLNoSpace: {
		Sv:  "mellanslag saknas efter kolonet; skriv %s",
		En:  "a space is missing after the colon; write %s",
		Fix: "Sätt ett mellanslag mellan kolonet och värdet.",
	},
	YAMLIndented: {
		Sv:  "raden är indragen, men raden ovanför har redan ett värde; ta bort mellanslagen i början av raden",
		En:  "the line is indented, but the line above already has a value; remove the spaces at the start of the line",
		Fix: "Låt fältet börja lika långt till vänster som fälten ovanför.",
	},
	YAMLMisaligned: {
		Sv:  "raden är indragen %d mellanslag, men fälten i samma grupp (%s på rad %d) är indragna %d; rada upp dem",
		En:  "the line is indented %d spaces, but the fields of its group (%s on line %d) are indented %d; line them up",
		Fix: "Använd lika många mellanslag före varje fält i samma grupp, t.ex. under samma kontakt.",
	},
	YAMLUnclosedQuote: {
		Sv:  "citattecknet %s som börjar värdet avslutas aldrig; sätt samma tecken i slutet av värdet",
		En:  "the quote %s that starts the value is never closed; put the same mark at the end of the value",
		Fix: "Sätt ett citattecken i slutet av värdet, eller ta bort det i början.",
	},
	YAMLAfterQuote: {
		Sv:  "text efter det avslutande citattecknet; sätt citattecken runt hela värdet: %s",
		En:  "text after the closing quote; put the whole value in quotes: %s",
		Fix: "Sätt citattecken runt hela värdet; enkla ' om texten själv innehåller \".",
	},
	YAMLUnclosedBracket: {
		Sv:  "%s öppnas här men stängs aldrig; sätt %s efter det sista värdet",
		En:  "%s is opened here but never closed; put %s after the last value",
		Fix: "Sätt ] (eller }) efter det sista värdet på raden.",
	},
	YAMLBadStart: {
		Sv:  "ett värde kan inte börja med %s utan citattecken; skriv %s",
		En:  "a value cannot start with %s without quotes; write %s",
		Fix: "Sätt citattecken runt värdet.",
	},
	YAMLColonInValue: {
		Sv:  "värdet innehåller kolon och mellanslag, som YAML läser som ett nytt fält; sätt citattecken runt värdet: %s",
		En:  "the value contains a colon and a space, which YAML reads as a new field; put the value in quotes: %s",
		Fix: "Sätt citattecken runt värdet, t.ex. namn: \"Steg 1: arbete\".",
	},
	YAMLIndentedFirst: {
		Sv:  "raden läses inte, eftersom fälten börjar indragna på rad %d; ta bort mellanslagen före fälten så att alla börjar längst till vänster",
		En:  "this line is not read, because the fields start indented on line %d; remove the spaces before the fields so that all start at the left margin",
		Fix: "Ta bort mellanslagen i början av de första raderna.",
	},
	YAMLDocEnd: {
		Sv:  "raderna efter ... läses inte; ta bort raden med de tre punkterna",
		En:  "the lines after ... are not read; remove the line with the three dots",
		Fix: "Ta bort raden med tre punkter.",
	},
	YAMLCommentCut: {
		Sv:  "det som står efter \" #\" räknas som en kommentar och kommer inte med, så värdet blir bara %q; sätt citattecken runt värdet om # hör till texten: %s",
		En:  "what follows \" #\" is read as a comment and left out, so the value is only %q; put the value in quotes if the # belongs to it: %s",
		Fix: "Sätt citattecken runt hela värdet, t.ex. namn: \"Grupp #2 Mark\".",
	},
	YAMLNoColon: {
		Sv:  "raden har inget kolon; skriv fältnamn, kolon, mellanslag och värde, t.ex. namn: Lotsen",
		En:  "the line has no colon; write the field name, a colon, a space and the value, e.g. namn: Lotsen",
		Fix: "Sätt kolon och mellanslag efter fältnamnet, eller dra in raden om den fortsätter värdet ovanför.",
	},
	YAMLExpectedKey: {
		Sv:  "ett fältnamn väntades här; kontrollera indrag och citattecken",
		En:  "did not find expected key; check the indentation and the quotes",
		Fix: "Jämför indragen med raden ovanför; fält på samma nivå börjar i samma kolumn.",
	},
	YAMLExpectedColon: {
		Sv:  "ett kolon saknas efter fältnamnet",
		En:  "could not find expected ':'",
		Fix: "Skriv fältnamnet, ett kolon och ett mellanslag före värdet.",
	},
	YAMLColonHere: {
		Sv:  "ett kolon står där inget nytt fält kan börja; sätt citattecken runt värdet",
		En:  "mapping values are not allowed in this context; put the value in quotes",
		Fix: `Sätt citattecken runt värdet: namn: "Steg 1: arbete".`,
	},
	YAMLListNotClosed: {
		Sv:  "en lista inom [ ] avslutas inte rätt; kontrollera kommatecken och ]",
		En:  "did not find expected ',' or ']'; check the commas and the ]",
		Fix: "Skriv värdena åtskilda med kommatecken och avsluta listan med ].",
	},
	YAMLEndOfStream: {
		Sv:  "fälten tar slut mitt i ett värde; kontrollera att varje citattecken och hakparentes avslutas",
		En:  "found unexpected end of stream; check that every quote and bracket is closed",
		Fix: `Kontrollera att varje " och [ har sitt slut.`,
	},
	YAMLBadToken: {
		Sv:  "ett tecken som inte får inleda ett värde; sätt citattecken runt värdet",
		En:  "found character that cannot start any token; put the value in quotes",
		Fix: "Sätt citattecken runt värdet.",
	},
	YAMLExpectedDash: {
		Sv:  "en rad i listan börjar inte med - ; kontrollera indragen",
		En:  "did not find expected '-' indicator; check the indentation",
		Fix: "Börja varje rad i listan med - och samma indrag som raden ovanför.",
	},
	FolderSymlink: {
		Sv:  "är en symbolisk länk; samkat följer inte länkar (de kan peka utanför katalogen): lägg mappen här i stället för länken",
		En:  "is a symbolic link; samkat does not follow links (they could point outside the catalogue): put the folder here instead of the link",
		Fix: "Ersätt länken med själva mappen (flytta eller kopiera den hit).",
	},
	StaticInWayPage: {
		Sv:  "ligger där sidan /%s ska vara; ta bort eller byt namn på filen",
		En:  "lies where the page /%s goes; remove or rename the file",
		Fix: "Byt namn på filen i static/ eller flytta den till en annan mapp där.",
	},
	StaticInWayGenerated: {
		Sv:  "ligger där samkat skriver en egen fil (robots.txt, feed.xml, sitemap.xml, data/ och sok/ är samkats); ta bort eller byt namn på filen",
		En:  "lies where samkat writes a file of its own (robots.txt, feed.xml, sitemap.xml, data/ and sok/ are samkat's); remove or rename the file",
		Fix: "Byt namn på filen i static/.",
	},
}
