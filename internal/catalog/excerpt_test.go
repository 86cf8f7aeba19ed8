package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// excerptWhole is Excerpt as it was first written, reading the whole text:
// Excerpt must give what it gives.
func excerptWhole(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut := string([]rune(text)[:max])
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

func TestExcerptAsWhole(t *testing.T) {
	texts := []string{
		"", "a", "Kort.", "ett två tre fyra fem sex sju åtta nio tio",
		"Stöd till unga vuxna, 16–29 år, som varken arbetar eller studerar.",
		strings.Repeat("Rehabilitering på väg mot arbete, ", 20),
		strings.Repeat("ö", 300), strings.Repeat("x ", 150) + "slut",
		"ogiltig \xff\xfe byte i mitten av en mening som är lång nog att skäras av",
		"ord,,,; ;: ...  med skiljetecken före snittet och efter det",
	}
	for _, text := range texts {
		for max := 0; max <= 210; max++ {
			if got, want := Excerpt(text, max), excerptWhole(text, max); got != want {
				t.Fatalf("Excerpt(%q, %d) = %q, want %q", text, max, got, want)
			}
		}
	}
}

func TestExcerptCopiesOnlyTheCut(t *testing.T) {
	long := strings.Repeat("Rehabilitering på väg mot arbete. ", 500) // 17 KB
	allocs := testing.AllocsPerRun(20, func() { _ = Excerpt(long, 200) })
	if allocs > 1 {
		t.Errorf("Excerpt of a long text: %v allocations, want 1 (the excerpt)", allocs)
	}
	short := "Kort text."
	if allocs := testing.AllocsPerRun(20, func() { _ = Excerpt(short, 200) }); allocs != 0 {
		t.Errorf("Excerpt of a short text: %v allocations, want none", allocs)
	}
}
