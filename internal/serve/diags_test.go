package serve

import (
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// TestSameDiagnostics: lists that say the same are the same, whether
// their parts are (the quick comparison) or only their words are; lists
// that say something else are not.
func TestSameDiagnostics(t *testing.T) {
	day := catalog.Date{Year: 2026, Month: 1, Day: 2}
	one := func(args ...any) diag.List {
		var l diag.List
		l.AddWarning(diag.Pos{File: "content/a.md", Line: 3}, "granskad", msg.GranskadOld, args...)
		return l
	}
	nested := func(s string) diag.List {
		var l diag.List
		l.AddError(diag.Pos{File: "content/a.md", Line: 2}, "kommuner", msg.KommunUndeclared, "boras", "content/_index.md", msg.New(msg.DidYouMean, s), msg.Listed([]string{"Borås", s}))
		return l
	}
	cases := []struct {
		name string
		a, b diag.List
		want bool
	}{
		{"empty", nil, diag.List{}, true},
		{"same parts", one(day, 365), one(day, 365), true},
		{"same words, other types", one(day, 365), one(day, int64(365)), true},
		{"another argument", one(day, 365), one(day, 366), false},
		{"another day", one(day, 365), one(day.AddDays(1), 365), false},
		{"nested, same", nested("Borås"), nested("Borås"), true},
		{"nested, other", nested("Borås"), nested("Bollebygd"), false},
		{"longer", one(day, 365), append(one(day, 365), one(day, 365)...), false},
		{"another position", one(day, 365), func() diag.List { l := one(day, 365); l[0].Pos.Line = 4; return l }(), false},
	}
	for _, c := range cases {
		if got := sameDiagnostics(c.a, c.b); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
