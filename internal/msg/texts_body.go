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
}
