package catalog

import (
	"testing"
	"time"
)

func TestActivityStatusOn(t *testing.T) {
	start, slut := d(2025, time.March, 1), d(2025, time.June, 30)
	tests := []struct {
		name        string
		start, slut Date
		now         Date
		want        Status
	}{
		{"day before start", start, slut, d(2025, time.February, 28), Planerad},
		{"long before start", start, slut, d(2020, time.January, 1), Planerad},
		{"start day", start, slut, start, Pagaende},
		{"between start and slut", start, slut, d(2025, time.April, 15), Pagaende},
		{"slut day is the last day", start, slut, slut, Pagaende},
		{"day after slut", start, slut, d(2025, time.July, 1), Avslutad},
		{"long after slut", start, slut, d(2030, time.January, 1), Avslutad},
		{"no dates", Date{}, Date{}, d(2025, time.April, 15), Pagaende},
		{"only start, passed", start, Date{}, d(2030, time.January, 1), Pagaende},
		{"only start, ahead", start, Date{}, d(2025, time.February, 1), Planerad},
		{"only slut, passed", Date{}, slut, d(2025, time.July, 1), Avslutad},
		{"only slut, on it", Date{}, slut, slut, Pagaende},
		{"one-day activity on its day", start, start, start, Pagaende},
		{"one-day activity the day after", start, start, d(2025, time.March, 2), Avslutad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Activity{Start: tt.start, Slut: tt.slut}
			if got := a.StatusOn(tt.now); got != tt.want {
				t.Errorf("activity %v – %v on %v: StatusOn = %v, want %v", tt.start, tt.slut, tt.now, got, tt.want)
			}
		})
	}
}

func TestStatusString(t *testing.T) {
	for s, want := range map[Status]string{Pagaende: "pagaende", Planerad: "planerad", Avslutad: "avslutad"} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", int(s), got, want)
		}
	}
}

func TestIndexTermNames(t *testing.T) {
	ix := &Index{
		Funktioner:   []Term{{ID: "samordnande-insatser", Namn: "Samordnande insatser"}},
		Finansiering: []Term{{ID: "finsam", Namn: "Finsam (finansiell samordning)"}},
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"declared function", ix.FunktionNamn("samordnande-insatser"), "Samordnande insatser"},
		{"unknown function falls back to id", ix.FunktionNamn("okand"), "okand"},
		{"declared financing", ix.FinansieringNamn("finsam"), "Finsam (finansiell samordning)"},
		{"function id is not a financing id", ix.FinansieringNamn("samordnande-insatser"), "samordnande-insatser"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
