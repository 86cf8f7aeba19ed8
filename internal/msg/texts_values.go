package msg

// Values that are refused because of what they would do, not because of
// their type: an e-mail address that adds recipients, a baseurl that sends
// the site's files to another host, YAML tags, numbers in other notations,
// invisible characters, host names and declared names that only look
// alike, and names that give no address on the site.
const (
	EmailBadChar         ID = "email-bad-char"
	BaseURLNotSite       ID = "baseurl-not-site"
	CmdBaseURLNotSite    ID = "cmd-baseurl-not-site"
	YAMLTag              ID = "yaml-tag"
	FieldNumberNotation  ID = "field-number-notation"
	FieldNumberTooLong   ID = "field-number-too-long"
	FieldNotTextNotation ID = "field-not-text-notation"
	ValueInvisibleChar   ID = "value-invisible-char"
	LinkMixedScripts     ID = "link-mixed-scripts"
	DeclaredCaseOnly     ID = "declared-case-only"
	DeclaredLookAlike    ID = "declared-look-alike"
	DeclaredSameAddress  ID = "declared-same-address"
	ValueNoSlug          ID = "value-no-slug"
	RemissNoName         ID = "remiss-no-name"
	BaseURLEmptySegment  ID = "baseurl-empty-segment"
	BaseURLBackslash     ID = "baseurl-backslash"
	BaseURLQuery         ID = "baseurl-query"
	BaseURLFragment      ID = "baseurl-fragment"
	NotationHex          ID = "notation-hex"
	NotationOctal        ID = "notation-octal"
	NotationBinary       ID = "notation-binary"
	NotationUnderscore   ID = "notation-underscore"
	NotationExponent     ID = "notation-exponent"
	NotationDecimals     ID = "notation-decimals"
	NotationNaN          ID = "notation-nan"
	NotationInf          ID = "notation-inf"
	NotationDigits       ID = "notation-digits"
	CharKindBidi         ID = "char-kind-bidi"
	CharKindZeroWidth    ID = "char-kind-zero-width"
	CharKindControl      ID = "char-kind-control"
	ScriptLatin          ID = "script-latin"
	ScriptCyrillic       ID = "script-cyrillic"
	ScriptGreek          ID = "script-greek"
	ScriptArmenian       ID = "script-armenian"
	ScriptOther          ID = "script-other"
)

// valueTexts are the messages an editor meets, listed in docs/meddelanden.md.
var valueTexts = map[ID]Text{
	EmailBadChar: {
		Sv:  "%q: tecknet %q hör inte hemma i en e-postadress (det kan lägga till dolda mottagare eller ändra brevet); skriv bara adressen, t.ex. namn.efternamn@example.se",
		En:  "%q: the character %q does not belong in an e-mail address (it can add hidden recipients or change the message); write the address only, e.g. namn.efternamn@example.se",
		Fix: "Skriv bara e-postadressen. Ta bort ? och allt efter det (cc, bcc, subject); en adress är namn@domän och inget mer.",
	},
	BaseURLNotSite: {
		Sv:  "%q kan inte vara webbplatsens adress: %s",
		En:  "%q cannot be the address of the site: %s",
		Fix: "Skriv adressen där webbplatsen ligger, med ett snedstreck mellan mapparna och utan ? och #, t.ex. https://example.se/katalog/.",
	},
	YAMLTag: {
		Sv:  "YAML-taggar stöds inte; ta bort %s",
		En:  "YAML tags are not supported; remove %s",
		Fix: "Ta bort ordet som börjar med ! (t.ex. !!binary eller !!str) och skriv värdet som vanlig text. Om texten själv börjar med !, sätt citattecken runt den.",
	},
	FieldNumberNotation: {
		Sv:  "%q är ett tal skrivet på ett annat sätt (%s); skriv talet med bara siffror, t.ex. 16",
		En:  "%q is a number written another way (%s); write the number with digits only, e.g. 16",
		Fix: "Skriv talet med bara siffror 0–9, utan 0x, understreck, decimaler eller e.",
	},
	FieldNumberTooLong: {
		Sv:  "%q har %d siffror; talet ska vara mellan %d och %d",
		En:  "%q has %d digits; the number must be between %d and %d",
		Fix: "Rätta talet.",
	},
	FieldNotTextNotation: {
		Sv:  "ska vara text, inte ett tal (%s); sätt citattecken runt värdet om du menar %q",
		En:  "must be text, not a number (%s); put it in quotes if you mean %q",
		Fix: "Sätt citattecken runt värdet, så läses det som text och inte som ett tal.",
	},
	ValueInvisibleChar: {
		Sv:  "innehåller ett osynligt tecken som %s (%s) i kolumn %d; skriv värdet på nytt för hand",
		En:  "contains an invisible character that %s (%s) at column %d; type the value again",
		Fix: "Radera värdet och skriv det på nytt för hand. Osynliga tecken följer ofta med när man klistrar in från en webbsida, ett e-brev eller en PDF; de kan vända textens riktning så att den visar något annat än det som står.",
	},
	LinkMixedScripts: {
		Sv:  "värdnamnet blandar alfabet: %q är en bokstav från det %s alfabetet och %q från det %s; skriv adressen för hand med bokstäver från ett alfabet",
		En:  "the host name mixes alphabets: %q is a letter of the %s alphabet and %q of the %s; type the address with letters of one alphabet",
		Fix: "Skriv adressen på nytt för hand. En bokstav från ett annat alfabet som ser likadan ut (kyrilliskt а i stället för latinskt a) leder till en annan webbplats. Internationella domännamn kan skrivas som xn--….",
	},
	DeclaredCaseOnly: {
		Sv:  "%q och %q på rad %d skiljer sig bara i stora och små bokstäver; skriv namnet en gång",
		En:  "%q and %q on line %d differ only in upper and lower case; write the name once",
		Fix: "Ta bort det ena namnet och behåll den stavning som ska synas på webbplatsen.",
	},
	DeclaredLookAlike: {
		Sv:  "%q och %q på rad %d ser likadana ut men är olika: %q är en bokstav från det %s alfabetet; skriv namnet på nytt för hand",
		En:  "%q and %q on line %d look the same but differ: %q is a letter of the %s alphabet; type the name again",
		Fix: "Radera namnet och skriv det på nytt för hand; en bokstav från ett annat alfabet som ser likadan ut gör det till ett annat namn.",
	},
	DeclaredSameAddress: {
		Sv:  "%q och %q på rad %d får samma adress på webbplatsen (%s); skriv namnet en gång, eller ge dem namn som skiljer sig åt",
		En:  "%q and %q on line %d get the same address on the site (%s); write the name once, or give them names that differ",
		Fix: "Två namn som bara skiljer sig i å, ä, ö, skiljetecken eller mellanslag får samma sida; ta bort det ena.",
	},
	ValueNoSlug: {
		Sv:  "%q kan inte bli en adress på webbplatsen: det behövs minst en bokstav a–z (å, ä och ö räknas) eller en siffra",
		En:  "%q cannot become an address on the site: it needs at least one letter a–z (å, ä and ö count) or digit",
		Fix: "Skriv ett namn med bokstäver eller siffror, eller ta bort fältet om det inte finns något värde (ett streck eller frågetecken är inget namn).",
	},
	RemissNoName: {
		Sv:  "%q är inget namn på en remittent: det behövs minst en bokstav a–z (å, ä och ö räknas) eller en siffra",
		En:  "%q is not the name of a referrer: it needs at least one letter a–z (å, ä and ö count) or digit",
		Fix: "Skriv vem som kan remittera (t.ex. Arbetsförmedlingen), eller ta bort värdet; ett streck eller frågetecken är inget namn.",
	},
}

// valuePartTexts are parts of the messages above: reasons and names.
var valuePartTexts = map[ID]Text{
	CmdBaseURLNotSite:   {Sv: "--baseurl: %s", En: "--baseurl: %s"},
	BaseURLEmptySegment: {Sv: "sökvägen har ett tomt steg (//), och då kan sidorna hämta filer från en annan värd", En: "the path has an empty segment (//), and then the pages can load files from another host"},
	BaseURLBackslash:    {Sv: "sökvägen har ett omvänt snedstreck (\\), som webbläsare läser som /", En: "the path has a backslash (\\), which browsers read as /"},
	BaseURLQuery:        {Sv: "den har en fråga (?%s); adressen slutar med webbplatsens mapp", En: "it has a query (?%s); the address ends with the site's folder"},
	BaseURLFragment:     {Sv: "den har ett fragment (#%s); adressen slutar med webbplatsens mapp", En: "it has a fragment (#%s); the address ends with the site's folder"},
	NotationHex:         {Sv: "i sextonsystemet, alltså %s", En: "in hexadecimal, that is %s"},
	NotationOctal:       {Sv: "i åttasystemet, alltså %s", En: "in octal, that is %s"},
	NotationBinary:      {Sv: "i tvåsystemet, alltså %s", En: "in binary, that is %s"},
	NotationUnderscore:  {Sv: "med understreck mellan siffrorna, alltså %s", En: "with underscores between the digits, that is %s"},
	NotationExponent:    {Sv: "med exponent, alltså %s", En: "with an exponent, that is %s"},
	NotationDecimals:    {Sv: "med decimaler", En: "with decimals"},
	NotationNaN:         {Sv: "%s betyder ”inget tal” i YAML", En: "%s means “not a number” in YAML"},
	NotationInf:         {Sv: "%s betyder oändligheten i YAML", En: "%s means infinity in YAML"},
	NotationDigits:      {Sv: "%d siffror", En: "%d digits"},
	CharKindBidi:        {Sv: "styr textens riktning", En: "controls the direction of the text"},
	CharKindZeroWidth:   {Sv: "inte tar någon plats", En: "takes no space"},
	CharKindControl:     {Sv: "är ett styrtecken", En: "is a control character"},
	ScriptLatin:         {Sv: "latinska", En: "Latin"},
	ScriptCyrillic:      {Sv: "kyrilliska", En: "Cyrillic"},
	ScriptGreek:         {Sv: "grekiska", En: "Greek"},
	ScriptArmenian:      {Sv: "armeniska", En: "Armenian"},
	ScriptOther:         {Sv: "%s", En: "%s"},
}
