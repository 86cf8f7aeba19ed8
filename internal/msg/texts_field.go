package msg

// Problems with one field's value, found while reading a single file.
const (
	FieldUnknown        ID = "field-unknown"
	FieldTwice          ID = "field-twice"
	FieldRequired       ID = "field-required"
	FieldNotText        ID = "field-not-text"
	FieldNotTextQuote   ID = "field-not-text-quote"
	FieldNotPhone       ID = "field-not-phone"
	FieldTooLong        ID = "field-too-long"
	FieldNotList        ID = "field-not-list"
	ListTooLong         ID = "list-too-long"
	ListEntryNotText    ID = "list-entry-not-text"
	ListEntryEmpty      ID = "list-entry-empty"
	ListEntryTwice      ID = "list-entry-twice"
	FieldNotDate        ID = "field-not-date"
	DateInvalid         ID = "date-invalid"
	FieldNotBool        ID = "field-not-bool"
	FieldNotWhole       ID = "field-not-whole-number"
	FieldOutOfRange     ID = "field-out-of-range"
	FieldNotGroup       ID = "field-not-group"
	SprakUnsupported    ID = "sprak-unsupported"
	KommunAllaReserved  ID = "kommun-alla-reserved"
	AxisUnknown         ID = "axis-unknown"
	AxesSame            ID = "axes-same"
	SynonymMalformed    ID = "synonym-malformed"
	TermsNotList        ID = "terms-not-list"
	TermBadID           ID = "term-bad-id"
	TermMalformed       ID = "term-malformed"
	TermTwice           ID = "term-twice"
	KommunAllaAlone     ID = "kommun-alla-alone"
	AlderReversed       ID = "alder-reversed"
	SlutBeforeStart     ID = "slut-before-start"
	InriktningInvalid   ID = "inriktning-invalid"
	KontaktNotList      ID = "kontakt-not-list"
	KontaktEmpty        ID = "kontakt-empty"
	KontaktNotContact   ID = "kontakt-not-contact"
	PhoneInvalid        ID = "phone-invalid"
	EmailInvalid        ID = "email-invalid"
	KontaktSaysNothing  ID = "kontakt-says-nothing"
	KontaktNoWayToReach ID = "kontakt-no-way-to-reach"
	TitelAndNamn        ID = "titel-and-namn"
	AliasNotSlug        ID = "alias-not-slug"

	// Empty values, foreign keys and values written another way.
	FieldForeign       ID = "field-foreign"
	FieldEmpty         ID = "field-empty"
	ListNoBrackets     ID = "list-no-brackets"
	ListNoBracketsWarn ID = "list-no-brackets-warning"
	DateNoSuchMonth    ID = "date-no-such-month"
	DateNoSuchDay      ID = "date-no-such-day"
	DateOtherForm      ID = "date-other-form"
	PhoneBadChar       ID = "phone-bad-char"
	PhoneOddChar       ID = "phone-odd-char"
	KontaktAllEmpty    ID = "kontakt-all-empty"
	BodyBR             ID = "body-br"
)

var fieldTexts = map[ID]Text{
	FieldUnknown: {
		Sv:  "okänt fält %q%s",
		En:  "unknown field %q%s",
		Fix: "Rätta stavningen till förslaget, eller ta bort fältet.",
	},
	FieldTwice: {
		Sv:  "finns två gånger; den första står på rad %d",
		En:  "appears twice; the first is on line %d",
		Fix: "Ta bort en av raderna (eller slå ihop värdena).",
	},
	FieldRequired: {
		Sv:  "måste finnas",
		En:  "is required",
		Fix: "Lägg till fältet med ett värde.",
	},
	FieldNotText: {
		Sv:  "ska vara text, inte %s",
		En:  "must be text, not %s",
		Fix: "Skriv värdet som text på samma rad som fältnamnet.",
	},
	FieldNotTextQuote: {
		Sv:  "ska vara text, inte %s; sätt citattecken runt värdet om du menar %q",
		En:  "must be text, not %s; put it in quotes if you mean %q",
		Fix: "Sätt citattecken runt värdet.",
	},
	FieldNotPhone: {
		Sv:  "ska vara ett telefonnummer, inte %s",
		En:  "must be a phone number, not %s",
		Fix: "Skriv numret som det slås, t.ex. 033-35 83 00.",
	},
	FieldTooLong: {
		Sv:  "är %d tecken långt; gränsen är %d",
		En:  "is %d characters long; the limit is %d",
		Fix: "Korta värdet; längre text hör hemma i beskrivningen under fälten.",
	},
	FieldNotList: {
		Sv:  "ska vara en lista, t.ex. [Borås, Mark], inte %s",
		En:  "must be a list, e.g. [Borås, Mark], not %s",
		Fix: "Skriv värdena inom hakparenteser, åtskilda med kommatecken.",
	},
	ListTooLong: {
		Sv:  "har %d värden; gränsen är %d",
		En:  "has %d entries; the limit is %d",
		Fix: "Korta listan.",
	},
	ListEntryNotText: {
		Sv:  "värde %d ska vara text, inte %s",
		En:  "entry %d must be text, not %s",
		Fix: "Skriv värdet som text, med citattecken om det behövs.",
	},
	ListEntryEmpty: {
		Sv:  "värde %d är tomt",
		En:  "entry %d is empty",
		Fix: "Ta bort det extra kommatecknet eller fyll i värdet.",
	},
	ListEntryTwice: {
		Sv:  "%q står två gånger",
		En:  "%q is listed twice",
		Fix: "Ta bort det ena.",
	},
	FieldNotDate: {
		Sv:  "ska vara ett datum som 2026-03-01, inte %s",
		En:  "must be a date like 2026-03-01, not %s",
		Fix: "Skriv datumet som ÅÅÅÅ-MM-DD.",
	},
	DateInvalid: {
		Sv:  "%q är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01",
		En:  "%q is not a valid date; write YYYY-MM-DD, e.g. 2026-03-01",
		Fix: "Skriv datumet som ÅÅÅÅ-MM-DD.",
	},
	FieldNotBool: {
		Sv:  "ska vara true eller false, inte %q",
		En:  "must be true or false, not %q",
		Fix: "Skriv true (ja) eller false (nej).",
	},
	FieldNotWhole: {
		Sv:  "ska vara ett heltal, inte %s",
		En:  "must be a whole number, not %s",
		Fix: "Skriv bara siffror, utan mellanslag eller enhet.",
	},
	FieldOutOfRange: {
		Sv:  "ska vara mellan %d och %d, inte %d",
		En:  "must be between %d and %d, not %d",
		Fix: "Rätta talet.",
	},
	FieldNotGroup: {
		Sv:  "ska vara en grupp av fält, t.ex. %s, inte %s",
		En:  "must be a group of fields, e.g. %s, not %s",
		Fix: "Skriv fälten som i exemplet.",
	},
	SprakUnsupported: {
		Sv:  "%q stöds inte; skriv sv (svenska, standard) eller en (engelska)",
		En:  "%q is not supported; write sv (Swedish, the default) or en (English)",
		Fix: "Skriv sprak: sv eller sprak: en.",
	},
	KommunAllaReserved: {
		Sv:  "%q är reserverat: verksamheter skriver kommuner: [alla] för att mena alla kommuner",
		En:  "%q is reserved: activities write kommuner: [alla] to mean every municipality",
		Fix: "Ta bort alla ur listan i content/_index.md.",
	},
	AxisUnknown: {
		Sv:  "%q är ingen axel%s%s",
		En:  "%q is not an axis%s%s",
		Fix: "Välj en av axlarna i listan.",
	},
	AxesSame: {
		Sv:  "rader och kolumner är båda %q; välj två olika axlar",
		En:  "rader and kolumner are both %q; choose two different axes",
		Fix: "Välj en annan axel för rader eller kolumner.",
	},
	SynonymMalformed: {
		Sv:  "varje synonym skrivs som förkortning: ord, t.ex. FK: Försäkringskassan",
		En:  "each synonym is written as abbreviation: word, e.g. FK: Försäkringskassan",
		Fix: "Skriv en synonym per rad: förkortning, kolon, ord.",
	},
	TermsNotList: {
		Sv:  "ska vara en lista med värden som {id: finsam, namn: Finsam}, inte %s",
		En:  "must be a list of entries like {id: finsam, namn: Finsam}, not %s",
		Fix: "Skriv en rad per värde som börjar med - .",
	},
	TermBadID: {
		Sv:  "%q är inget giltigt id: använd a-z, 0-9 och -, t.ex. %q",
		En:  "%q is not a valid id: use a-z, 0-9 and -, e.g. %q",
		Fix: "Använd förslaget som id.",
	},
	TermMalformed: {
		Sv:  "värde %d ska vara {id: …, namn: …} eller ett namn, inte %s",
		En:  "entry %d must be {id: …, namn: …} or a name, not %s",
		Fix: "Skriv värdet som {id: …, namn: …}.",
	},
	TermTwice: {
		Sv:  "id %q finns två gånger",
		En:  "id %q is declared twice",
		Fix: "Ta bort det ena, eller ge dem olika id.",
	},
	KommunAllaAlone: {
		Sv:  "[alla] betyder alla kommuner; skriv det ensamt, utan andra namn",
		En:  "[alla] means every municipality; write it alone, without other names",
		Fix: "Skriv antingen kommuner: [alla] eller de enskilda kommunerna.",
	},
	AlderReversed: {
		Sv:  "%d är mer än alder.till (%d); åldern går från den lägsta till den högsta",
		En:  "%d is more than alder.till (%d); the range is from the lowest to the highest age",
		Fix: "Byt plats på talen.",
	},
	SlutBeforeStart: {
		Sv:  "%s är före start (%s); en verksamhet kan inte sluta innan den börjar",
		En:  "%s is before start (%s); an activity cannot end before it begins",
		Fix: "Rätta start eller slut.",
	},
	InriktningInvalid: {
		Sv:  "%q är inte giltigt%s%s",
		En:  "%q is not valid%s%s",
		Fix: "Skriv individinriktad eller strukturovergripande.",
	},
	KontaktNotList: {
		Sv:  "ska vara en lista med kontakter, t.ex.\n    kontakt:\n      - namn: Anna Andersson\n        telefon: 033-12 34 56",
		En:  "must be a list of contacts, e.g.\n    kontakt:\n      - namn: Anna Andersson\n        telefon: 033-12 34 56",
		Fix: "Skriv varje kontakt på en rad som börjar med - , med fälten indragna under.",
	},
	KontaktEmpty: {
		Sv:  "är tom; ange minst en kontakt med telefon, epost eller adress",
		En:  "is empty; give at least one contact with a telefon, epost or adress",
		Fix: "Lägg till en kontakt.",
	},
	KontaktNotContact: {
		Sv:  "ska vara en kontakt med fält som namn, telefon, epost, inte %s",
		En:  "must be a contact with fields such as namn, telefon, epost, not %s",
		Fix: "Skriv kontaktens fält indragna under raden med - .",
	},
	PhoneInvalid: {
		Sv:  "%q ser inte ut som ett telefonnummer: använd siffror, mellanslag, +, - och parenteser, t.ex. 033-35 83 00",
		En:  "%q does not look like a phone number: use digits, spaces, +, - and parentheses, e.g. 033-35 83 00",
		Fix: "Skriv numret med siffror, mellanslag och bindestreck.",
	},
	EmailInvalid: {
		Sv:  "%q ser inte ut som en e-postadress, t.ex. namn.efternamn@example.se",
		En:  "%q does not look like an e-mail address, e.g. namn.efternamn@example.se",
		Fix: "Rätta adressen.",
	},
	KontaktSaysNothing: {
		Sv:  "säger ingenting om kontakten; ange minst namn, telefon, epost eller adress",
		En:  "says nothing about the contact; give at least a namn, telefon, epost or adress",
		Fix: "Fyll i kontaktens uppgifter eller ta bort den.",
	},
	KontaktNoWayToReach: {
		Sv:  "ger inget sätt att nå verksamheten (ingen telefon, epost eller adress hos någon kontakt, och ingen webb); den publiceras och visas i granskningsrapporten, men lägg till ett sätt om du kan",
		En:  "gives no way to reach the activity (no telefon, epost or adress in any contact, and no webb); it is published and listed in the review report, but add one if you can",
		Fix: "Lägg till telefon, epost eller adress hos en kontakt, eller webb för verksamheten.",
	},
	TitelAndNamn: {
		Sv:  "är samma fält som namn (rad %d); skriv bara ett av dem",
		En:  "is the same field as namn (line %d); give only one of them",
		Fix: "Ta bort titel och behåll namn.",
	},
	AliasNotSlug: {
		Sv:  "%q är ingen adress: skriv den tidigare adressens sista del med a-z, 0-9 och -, t.ex. %q",
		En:  "%q is not an address: write the last part of the earlier address with a-z, 0-9 and -, e.g. %q",
		Fix: "Skriv det tidigare filnamnet utan .md, som det stod i adressen (verksamheter/gammal-slug/).",
	},

	// Empty values, foreign keys and values written another way.
	FieldForeign: {
		Sv:  "okänt fält %q; i samkat heter det %q",
		En:  "unknown field %q; in samkat it is called %q",
		Fix: "Byt fältnamnet till det som meddelandet föreslår (fälten kommer från ett annat verktyg, t.ex. Hugo).",
	},
	FieldEmpty: {
		Sv:  "är tomt; det måste fyllas i",
		En:  "is empty; it must be filled in",
		Fix: "Skriv ett värde efter kolonet, eller för listor minst ett värde inom hakparenteserna.",
	},
	ListNoBrackets: {
		Sv:  "flera värden skrivs som en lista inom hakparenteser: %s",
		En:  "several values are written as a list in brackets: %s",
		Fix: "Sätt hakparenteser runt värdena, t.ex. kommuner: [Mark, Svenljunga].",
	},
	ListNoBracketsWarn: {
		Sv:  "läses som listan %s; sätt hakparenteser runt värdena, eller citattecken runt texten om den är ett enda namn: %q",
		En:  "is read as the list %s; put brackets around the values, or quotes around the text if it is a single name: %q",
		Fix: "Sätt hakparenteser runt värdena, eller citattecken runt ett namn som innehåller kommatecken.",
	},
	DateNoSuchMonth: {
		Sv:  "%q: det finns ingen månad %d; skriv ÅÅÅÅ-MM-DD med månaden 01–12",
		En:  "%q: there is no month %d; write YYYY-MM-DD with the month 01–12",
		Fix: "Rätta månaden; kanske har dag och månad bytt plats.",
	},
	DateNoSuchDay: {
		Sv:  "%q: %s %d har bara %d dagar",
		En:  "%q: %s %d has only %d days",
		Fix: "Rätta dagen; kontrollera datumet i en kalender.",
	},
	DateOtherForm: {
		Sv:  "%q: skriv datum som ÅÅÅÅ-MM-DD, alltså %s om du menar %d %s %d",
		En:  "%q: write dates as YYYY-MM-DD, that is %s if you mean %d %s %d",
		Fix: "Skriv datumet som år-månad-dag med bindestreck, t.ex. 2026-03-01.",
	},
	PhoneBadChar: {
		Sv:  "%q innehåller %s; skriv %q",
		En:  "%q contains %s; write %q",
		Fix: "Skriv om numret med vanliga bindestreck och mellanslag (tecknen kommer ofta med när man klistrar in från Word eller en webbsida).",
	},
	PhoneOddChar: {
		Sv:  "%q: tecknet %q hör inte hemma i ett telefonnummer; använd siffror, mellanslag, +, - och parenteser, t.ex. 033-35 83 00",
		En:  "%q: the character %q does not belong in a phone number; use digits, spaces, +, - and parentheses, e.g. 033-35 83 00",
		Fix: "Ta bort tecknet eller byt det mot ett bindestreck eller mellanslag.",
	},
	KontaktAllEmpty: {
		Sv:  "alla fält i kontakten är tomma; fyll i minst namn, telefon, epost eller adress, eller ta bort kontakten",
		En:  "every field of the contact is empty; fill in at least a namn, telefon, epost or adress, or remove the contact",
		Fix: "Fyll i kontaktens uppgifter eller ta bort raderna.",
	},
	BodyBR: {
		Sv:  "<br> fungerar inte i texten; avsluta raden med \\ (omvänt snedstreck) för att bryta den, eller lämna en tom rad för ett nytt stycke",
		En:  "<br> does not work in the body; end the line with \\ (a backslash) to break it, or leave an empty line for a new paragraph",
		Fix: "Ta bort <br>. Radbrytning: avsluta raden med \\. Nytt stycke: lämna en tom rad.",
	},
}
