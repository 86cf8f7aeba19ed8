package msg

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// area is a group of messages as the editors' list shows them.
type area struct {
	title, intro string
	texts        map[ID]Text
}

// editorAreas are the messages an editor can meet, in the order the
// editors' list shows them; the rest (the command's own lines and the
// pieces messages are built from) are not about the content.
func editorAreas() []area {
	return []area{
		{"Filen som helhet", "Fel som gäller hela filen: hur den är sparad, raderna med `---` och var den ligger.", fileTexts},
		{"Fälten", "Fel i ett fälts värde. Meddelandet börjar med fältets namn.", fieldTexts},
		{"Hänvisningar mellan filer", "Värden som ska finnas i `content/_index.md` eller i en annan fil, och datum jämfört med dagens.", catalogueTexts},
		{"Texten under fälten", "Fel i den fria texten (Markdown) efter den andra raden med `---`.", bodyTexts},
		{"Värden som inte går att använda", "Värden som skulle göra något annat än det som syns: dolda mottagare i en e-postadress, osynliga tecken, bokstäver från ett annat alfabet, tal skrivna på ett annat sätt, YAML-taggar och namn som inte kan bli en adress.", valueTexts},
		{"Formuläret för redaktörer", "Fel i inställningen `cms` i `content/_index.md`, som slår på formuläret (se [formular.md](formular.md)).", cmsTexts},
		{"Gränser", "Gränser för hur stort och krångligt något får vara, så att bygget alltid blir klart i rimlig tid.", limitsTexts},
	}
}

var verbPlaceholder = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?(\[[0-9]+\])?[a-zA-Z]`)

// EditorsList returns the Markdown list of every message an editor can
// meet, in Swedish, with what to do about it. docs/meddelanden.md is this
// text; a test keeps the two the same.
func EditorsList() string {
	var b strings.Builder
	b.WriteString(`# Meddelanden från samkat

<!-- Den här filen skapas från samkats meddelandekatalog (internal/msg).
Ändra inte här: ändra texterna där och kör
go test ./internal/msg -run TestEditorsList -update -->

Här finns alla meddelanden som samkat kan ge om innehållet i katalogen, med
vad du gör åt dem. Varje meddelande börjar med filen, raden och ofta
kolumnen där felet finns, sedan *fel* eller *varning* och fältets namn:

    content/verksamheter/lotsen.md:4:1: fel: kommun: okänt fält "kommun"; menade du "kommuner"?

Ett **fel** stoppar publiceringen tills det är rättat; ingenting av
webbplatsen ändras. En **varning** publiceras ändå, men säger något som
bör rättas. **Information** (visas med ` + "`--warnings=all`" + `) kräver
ingenting av dig. I listan nedan står *…* där meddelandet visar ett värde ur
din fil. Koden i parentes är meddelandets namn, samma på svenska och
engelska (och i ` + "`samkat check --format json`" + `).
`)
	for _, a := range editorAreas() {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", a.title, a.intro)
		ids := make([]ID, 0, len(a.texts))
		for id := range a.texts {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			t := a.texts[id]
			text := verbPlaceholder.ReplaceAllString(t.Sv, "…")
			text = strings.ReplaceAll(text, "\n", " ")
			text = strings.Join(strings.Fields(text), " ")
			fmt.Fprintf(&b, "\n- **%s** (`%s`)  \n  %s\n", escapeMarkdown(text), id, t.Fix)
		}
	}
	return b.String()
}

// escapeMarkdown keeps characters of a message from being read as Markdown.
func escapeMarkdown(s string) string {
	return strings.NewReplacer("*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, "`", "\\`", "#", `\#`).Replace(s)
}
