package diag

import "testing"

// activityKeys are the frontmatter keys of an activity, the candidates the
// loader passes for an unknown key.
var activityKeys = []string{
	"namn", "funktion", "kommuner", "finansiering", "kontakt", "samverkansparter",
	"huvudman", "forbund", "malgrupp", "alder", "start", "slut", "platser",
	"remiss", "egenanmalan", "inriktning", "webb", "granskad", "utkast",
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name       string
		word       string
		candidates []string
		want       string
	}{
		{"prefix of a candidate", "kommun", activityKeys, "kommuner"},
		{"one letter missing", "finansering", activityKeys, "finansiering"},
		{"one letter wrong", "granskat", activityKeys, "granskad"},
		{"transposed letters", "funtkion", activityKeys, "funktion"},
		{"one letter extra", "utkasts", activityKeys, "utkast"},
		{"case is ignored, candidate spelling returned", "KOMMUNER", activityKeys, "kommuner"},
		{"surrounding space is ignored", "  webb ", activityKeys, "webb"},
		{"å counts as one edit", "ålder", activityKeys, "alder"},
		{"exact match", "slut", activityKeys, "slut"},
		{"closest wins", "namm", []string{"nummer", "namn"}, "namn"},
		{"ties go to the first candidate", "ab", []string{"ac", "ad"}, "ac"},
		{"two edits on a short word still qualify", "nxmx", []string{"namn"}, "namn"},
		{"three edits on a short word do not", "xxmx", []string{"namn"}, ""},
		{"long words allow a third of their length", "samverkansprter", []string{"samverkansparter"}, "samverkansparter"},
		{"nothing close", "telefon", activityKeys, ""},
		{"unrelated word", "xyz", activityKeys, ""},
		{"empty word", "", activityKeys, ""},
		{"blank word", "   ", activityKeys, ""},
		{"no candidates", "kommun", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Suggest(tt.word, tt.candidates); got != tt.want {
				t.Errorf("Suggest(%q, %q) = %q, want %q", tt.word, tt.candidates, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kommun", "kommuner", 2},
		{"kitten", "sitting", 3},
		{"borås", "boras", 1}, // runes, not bytes
		{"åäö", "aao", 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"_"+tt.b, func(t *testing.T) {
			if got := distance(tt.a, tt.b); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := distance(tt.b, tt.a); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

// TestSuggesterBudget: a candidate is looked at while the budget lasts;
// then there is no suggestion, and no work.
func TestSuggesterBudget(t *testing.T) {
	cands := []string{"x", "kommuner"}
	if got := NewSuggester(2).Suggest("kommunr", cands); got != "kommuner" {
		t.Errorf("with the budget for both candidates: %q", got)
	}
	s := NewSuggester(1)
	if got := s.Suggest("kommunr", cands); got != "" {
		t.Errorf("with the budget for one candidate: %q", got)
	}
	if !s.Spent() {
		t.Error("the budget is not spent")
	}
	if got := NewSuggester(-1).Suggest("kommunr", cands); got != "kommuner" {
		t.Errorf("without a limit: %q", got)
	}
}
