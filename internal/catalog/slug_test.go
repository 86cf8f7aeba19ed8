package catalog

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"å folds to a", "Borås", "boras"},
		{"ä folds to a and comma-space is one hyphen", "Träna, praktisera", "trana-praktisera"},
		{"ö folds to o", "Öckerö", "ockero"},
		{"upper-case ÅÄÖ", "ÅÄÖ åäö", "aao-aao"},
		{"existing hyphen kept", "KRAFT-teamet", "kraft-teamet"},
		{"letters fold by their decomposition", "Štěpán Čapek", "stepan-capek"},
		{"stroked letters without one fold too", "Łódź Øresund Ærø Đorđe", "lodz-oresund-aro-dorde"},
		{"a mark written apart is no separator", "Bora\u030as", "boras"},
		{"leading and trailing separators dropped", "  --Aktiv vardag--  ", "aktiv-vardag"},
		{"runs of separators become one hyphen", "Aktiv  --  _ vardag", "aktiv-vardag"},
		{"punctuation is a separator", "a_b/c.d", "a-b-c-d"},
		{"parentheses", "Västra Götalandsregionen (VGR)", "vastra-gotalandsregionen-vgr"},
		{"digits kept", "Steg 1 2 3", "steg-1-2-3"},
		{"digits only", "2025", "2025"},
		{"digits and letters adjacent", "Fas3 Unga18", "fas3-unga18"},
		{"other accents fold", "Café Müller", "cafe-muller"},
		{"Danish and Norwegian letters", "Æble Ørsted", "able-orsted"},
		{"en dash between words", "Unga 18–29 år", "unga-18-29-ar"},
		{"empty", "", ""},
		{"separators only", " -!?- ", ""},
		{"non-Latin letters are separators", "日本 2", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slugify(tt.in)
			if got != tt.want {
				t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got != "" && !ValidSlug(got) {
				t.Errorf("Slugify(%q) = %q, which ValidSlug rejects", tt.in, got)
			}
			if again := Slugify(got); again != got {
				t.Errorf("Slugify is not idempotent: Slugify(%q) = %q", got, again)
			}
		})
	}
}

func TestValidSlug(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"boras", true},
		{"kraft-teamet", true},
		{"steg-1-2-3", true},
		{"2025", true},
		{"a", true},
		{"", false},
		{"-", false},
		{"-boras", false},
		{"boras-", false},
		{"aktiv--vardag", false},
		{"Boras", false},
		{"borås", false},
		{"aktiv vardag", false},
		{"aktiv_vardag", false},
		{"aktiv.md", false},
		{"a/b", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ValidSlug(tt.in); got != tt.want {
				t.Errorf("ValidSlug(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want rune
	}{
		{'å', 'a'},
		{'ä', 'a'},
		{'ö', 'o'},
		{'Å', 'a'},
		{'Ä', 'a'},
		{'Ö', 'o'},
		{'æ', 'a'},
		{'ø', 'o'},
		{'é', 'e'},
		{'É', 'e'},
		{'è', 'e'},
		{'ü', 'u'},
		{'Ü', 'u'},
		{'í', 'i'},
		{'ç', 'c'},
		{'ñ', 'n'},
		{'ÿ', 'y'},
		// Runes without a diacritic pass through, ASCII case included.
		{'a', 'a'},
		{'z', 'z'},
		{'A', 'A'},
		{'0', '0'},
		{'-', '-'},
		{' ', ' '},
		{'ß', 'ß'},
	}
	for _, tt := range tests {
		t.Run(string(tt.in), func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
