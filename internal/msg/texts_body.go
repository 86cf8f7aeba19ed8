package msg

// Problems in the Markdown text below the fields.
const (
	BodyRender      ID = "body-render"
	BodyH1          ID = "body-h1"
	BodyRawHTML     ID = "body-raw-html"
	LinkNotAllowed  ID = "link-not-allowed"
	LinkControlChar ID = "link-control-char"
	LinkNoScheme    ID = "link-protocol-relative"
	LinkBadScheme   ID = "link-bad-scheme"
	LinkNoHost      ID = "link-no-host"

	// Links resolved against the built site, and the one rule for webb.
	LinkWWW           ID = "link-www"
	LinkNotWeb        ID = "link-not-web"
	LinkNoContentFile ID = "link-no-content-file"
	LinkToDraft       ID = "link-to-draft"
	LinkNoStaticFile  ID = "link-no-static-file"
	LinkNoSitePath    ID = "link-no-site-path"
	LinkBadChar       ID = "link-bad-char"
)

var bodyTexts = map[ID]Text{
	BodyRender: {
		Sv:  "texten kan inte visas: %v",
		En:  "cannot render the body: %v",
		Fix: "Rapportera felet till den som sköter samkat.",
	},
	BodyH1: {
		Sv:  "använd ## för rubriker i texten; sidans rubrik kommer från namn, så den här rubriken visas som ##",
		En:  "use ## for headings in the body; the page title comes from namn, so this heading is shown as ##",
		Fix: "Skriv ## före rubriken i stället för #.",
	},
	BodyRawHTML: {
		Sv:  "HTML får inte användas i texten; använd Markdown i stället (hittade %q)",
		En:  "raw HTML is not allowed in the body; use Markdown instead (found %q)",
		Fix: "Ta bort HTML-koden och skriv med Markdown: **fet**, [länktext](https://…), en tom rad mellan stycken.",
	},
	LinkNotAllowed: {
		Sv:  "länken %q går inte: %s",
		En:  "link %q is not allowed: %s",
		Fix: "Skriv hela adressen med https:// först, eller länka till en annan verksamhets fil.",
	},
	LinkControlChar: {
		Sv:  "adressen innehåller ett osynligt styrtecken; skriv den igen",
		En:  "the address contains an invisible control character; type it again",
		Fix: "Skriv adressen för hand i stället för att klistra in den.",
	},
	LinkNoScheme: {
		Sv:  "skriv hela adressen, med https:// först",
		En:  "write the full address, starting with https://",
		Fix: "Skriv https: före //.",
	},
	LinkBadScheme: {
		Sv:  "länkar ska börja med https://, http://, mailto: eller tel: eller vara relativa, inte %s:",
		En:  "links must start with https://, http://, mailto: or tel: or be relative, not %s:",
		Fix: "Länka bara till webbsidor (https://), e-post (mailto:) och telefonnummer (tel:).",
	},
	LinkNoHost: {
		Sv:  "en http(s)-adress behöver ett värdnamn, t.ex. https://example.se/",
		En:  "an http(s) address needs a host name, e.g. https://example.se/",
		Fix: "Skriv hela adressen, t.ex. https://www.boras.se/.",
	},

	// Links resolved against the built site, and the one rule for webb.
	LinkWWW: {
		Sv:  "adressen saknar https:// i början; skriv https://%s",
		En:  "the address lacks https:// at the start; write https://%s",
		Fix: "Skriv https:// före adressen.",
	},
	LinkNotWeb: {
		Sv:  "här ska det stå en webbadress som börjar med https://, t.ex. https://example.se/",
		En:  "this must be a web address starting with https://, e.g. https://example.se/",
		Fix: "Skriv verksamhetens webbadress; e-post och telefon hör hemma under kontakt.",
	},
	LinkNoContentFile: {
		Sv:  "länken %q leder ingenstans: filen %s finns inte%s",
		En:  "link %q leads nowhere: there is no file %s%s",
		Fix: "Rätta filnamnet i länken. En länk till en annan verksamhet skrivs med dess filnamn, räknat från filen du skriver i: [Lotsen](lotsen.md) från en annan verksamhet, [Om katalogen](../om.md) till content/om.md.",
	},
	LinkToDraft: {
		Sv:  "länken %q leder till %s, som är ett utkast (utkast: true) och inte publiceras",
		En:  "link %q leads to %s, which is a draft (utkast: true) and is not published",
		Fix: "Ta bort länken tills verksamheten publiceras, eller ta bort utkast: true i den andra filen.",
	},
	LinkNoStaticFile: {
		Sv:  "länken %q leder ingenstans: det finns ingen sådan fil i static/%s",
		En:  "link %q leads nowhere: there is no such file in static/%s",
		Fix: "Lägg filen i mappen static/ och länka till den med sökvägen där: ![Karta](bilder/karta.png) för static/bilder/karta.png. En länk till en annan sida i katalogen skrivs med sidans .md-fil: [Lotsen](lotsen.md).",
	},
	LinkNoSitePath: {
		Sv:  "länken %q leder ingenstans: webbplatsen har ingen sådan sida eller fil%s",
		En:  "link %q leads nowhere: the site has no such page or file%s",
		Fix: "Länka till sidans .md-fil, t.ex. [Lotsen](../verksamheter/lotsen.md), eller till en fil i static/ med dess sökväg där, eller skriv hela adressen med https:// först.",
	},
	LinkBadChar: {
		Sv:  "adressen innehåller %q, som inte kan stå i en adress; ta bort tecknet (ett mellanslag skrivs %%20)",
		En:  "the address contains %q, which cannot be part of an address; remove it (a space is written %%20)",
		Fix: "Kopiera adressen från webbläsarens adressfält i stället för från en text.",
	},
}
