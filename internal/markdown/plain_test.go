package markdown

import (
	"strings"
	"testing"
)

var collapseSeeds = []string{
	"", " ", "ett", "  två  ord ", "rad\nrad\r\n\tflik\v\f", "icke\u00a0brytande\u2003em\u0085nel",
	"\xc2", "a\xc2 \xa0b", "\xff ogiltig \xfe", "Hälsostöd  på   Borås",
}

func checkCollapse(t *testing.T, s string) {
	t.Helper()
	got := collapseSpace([]byte(s))
	if want := strings.Join(strings.Fields(s), " "); got != want {
		t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
	}
}

// TestCollapseSpace: the text's white space collapses as strings.Fields
// and strings.Join would have it, Unicode spaces and invalid bytes too.
func TestCollapseSpace(t *testing.T) {
	for _, s := range collapseSeeds {
		checkCollapse(t, s)
	}
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range collapseSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCollapse)
}

// TestPlainTextTables: with a table after running text, the running text
// leaves its cells out and all of it keeps them, in order.
func TestPlainTextTables(t *testing.T) {
	body := "Före tabellen.\n\n| A | B |\n|---|---|\n| ett | två |\n\nEfter  tabellen.\n\n| C |\n|---|\n| tre |\n\nSist.\n"
	b, diags := New().Convert("a.md", []byte(body))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got, want := b.Summary, "Före tabellen. Efter tabellen. Sist."; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if got, want := b.Text, "Före tabellen. A B ett två Efter tabellen. C tre Sist."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// BenchmarkCollapseSpace compares collapseSpace with the strings.Fields and
// strings.Join it replaced, on a description's worth of Swedish text.
func BenchmarkCollapseSpace(b *testing.B) {
	text := []byte(strings.Repeat("Samverkan kring  arbetsträning och stöd\ntill unga vuxna i Borås, med  handläggare från Försäkringskassan. ", 40))
	b.Run("Fields", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			_ = strings.Join(strings.Fields(string(text)), " ")
		}
	})
	b.Run("collapseSpace", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		scratch := make([]byte, len(text)) // collapseSpace changes what it is given
		for b.Loop() {
			copy(scratch, text)
			collapseSpace(scratch)
		}
	})
}
