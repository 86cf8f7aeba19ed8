package catalog

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) Date { return Date{Year: y, Month: m, Day: day} }

func TestParseDate(t *testing.T) {
	valid := []struct {
		in   string
		want Date
	}{
		{"2025-01-05", d(2025, time.January, 5)},
		{"2025-02-28", d(2025, time.February, 28)},
		{"2024-02-29", d(2024, time.February, 29)}, // leap year
		{"2000-02-29", d(2000, time.February, 29)}, // divisible by 400
		{"2025-12-31", d(2025, time.December, 31)},
		{"2007-01-01", d(2007, time.January, 1)},
	}
	for _, tt := range valid {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("ParseDate(%q).String() = %q, want the input back", tt.in, s)
			}
		})
	}

	invalid := []string{
		"2025-02-30", // no such day
		"2025-02-29", // not a leap year
		"1900-02-29", // divisible by 100, not by 400
		"2025-04-31",
		"2025-13-01",
		"2025-00-10",
		"2025-01-00",
		"2025-1-5",
		"2025-01-5",
		"2025-1-05",
		"25-01-05",
		"02025-01-05",
		"2025/01/05",
		"20250105",
		"05-01-2025",
		"2025-01-05T00:00:00Z",
		"2025-01-05 ",
		" 2025-01-05",
		"2025-01-0x",
		"",
	}
	for _, in := range invalid {
		t.Run("invalid "+in, func(t *testing.T) {
			got, err := ParseDate(in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", in, got)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) returned %+v with its error, want the zero Date", in, got)
			}
			msg := err.Error()
			if !strings.Contains(msg, "YYYY-MM-DD") {
				t.Errorf("ParseDate(%q) error %q does not say what format is expected", in, msg)
			}
			if in != "" && !strings.Contains(msg, in) {
				t.Errorf("ParseDate(%q) error %q does not quote the input", in, msg)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	// Late evening in Stockholm is still the same day there, though UTC has
	// moved on: DateOf uses t's own location.
	loc := time.FixedZone("CET", 3600)
	tm := time.Date(2025, time.December, 31, 23, 30, 0, 0, loc)
	if got, want := DateOf(tm), d(2025, time.December, 31); got != want {
		t.Errorf("DateOf(%v) = %v, want %v", tm, got, want)
	}
	if got, want := DateOf(tm.UTC()), d(2025, time.December, 31); got != want {
		t.Errorf("DateOf(%v) = %v, want %v", tm.UTC(), got, want)
	}
	tm = time.Date(2026, time.January, 1, 0, 30, 0, 0, loc)
	if got, want := DateOf(tm), d(2026, time.January, 1); got != want {
		t.Errorf("DateOf(%v) = %v, want %v", tm, got, want)
	}
}

func TestDateBefore(t *testing.T) {
	tests := []struct {
		name string
		a, b Date
		want bool
	}{
		{"previous day", d(2025, 1, 1), d(2025, 1, 2), true},
		{"next day", d(2025, 1, 2), d(2025, 1, 1), false},
		{"same day", d(2025, 6, 30), d(2025, 6, 30), false},
		{"across a year", d(2024, 12, 31), d(2025, 1, 1), true},
		{"month decides over day", d(2025, 1, 31), d(2025, 2, 1), true},
		{"year decides over month", d(2025, 12, 1), d(2026, 1, 1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Before(tt.b); got != tt.want {
				t.Errorf("%v.Before(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestDateAddDays(t *testing.T) {
	tests := []struct {
		from Date
		n    int
		want Date
	}{
		{d(2025, 1, 5), 0, d(2025, 1, 5)},
		{d(2025, 1, 5), 1, d(2025, 1, 6)},
		{d(2025, 1, 31), 1, d(2025, 2, 1)},
		{d(2025, 2, 28), 1, d(2025, 3, 1)},
		{d(2024, 2, 28), 1, d(2024, 2, 29)},
		{d(2025, 12, 31), 1, d(2026, 1, 1)},
		{d(2025, 3, 1), -1, d(2025, 2, 28)},
		{d(2025, 1, 1), -1, d(2024, 12, 31)},
		{d(2025, 1, 1), 365, d(2026, 1, 1)},
		{d(2024, 1, 1), 366, d(2025, 1, 1)},
		// The change to summer time in Sweden must not shift the day.
		{d(2025, 3, 29), 2, d(2025, 3, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.from.String(), func(t *testing.T) {
			if got := tt.from.AddDays(tt.n); got != tt.want {
				t.Errorf("%v.AddDays(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
			}
			if got := tt.from.DaysUntil(tt.want); got != tt.n {
				t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.from, tt.want, got, tt.n)
			}
		})
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		in   Date
		want string
	}{
		{d(2025, 3, 1), "2025-03-01"},
		{d(2025, 12, 31), "2025-12-31"},
		{d(7, 1, 2), "0007-01-02"},
		{Date{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.in.String(); got != tt.want {
				t.Errorf("%#v.String() = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateIsZero(t *testing.T) {
	if !(Date{}).IsZero() {
		t.Error("Date{}.IsZero() = false, want true")
	}
	for _, x := range []Date{d(2025, 1, 1), {Year: 2025}, {Day: 1}} {
		if x.IsZero() {
			t.Errorf("%#v.IsZero() = true, want false", x)
		}
	}
}

func TestParseDateSaysWhatIsWrong(t *testing.T) {
	tests := []struct {
		in      string
		problem DateProblem
		guess   Date
	}{
		{"2026-13-01", DateNoSuchMonth, Date{}},
		{"2026-00-01", DateNoSuchMonth, Date{}},
		{"2026-02-30", DateNoSuchDay, Date{}},
		{"2026-04-31", DateNoSuchDay, Date{}},
		{"1/3 2026", DateOtherForm, d(2026, time.March, 1)},
		{"1/3/2026", DateOtherForm, d(2026, time.March, 1)},
		{"01.03.2026", DateOtherForm, d(2026, time.March, 1)},
		{"2026-3-1", DateOtherForm, d(2026, time.March, 1)},
		{"2026/03/01", DateOtherForm, d(2026, time.March, 1)},
		{"20260301", DateOtherForm, d(2026, time.March, 1)},
		{"1 mars 2026", DateOtherForm, d(2026, time.March, 1)},
		{"1:a mars 2026", DateOtherForm, d(2026, time.March, 1)},
		{"15 Oct 2026", DateOtherForm, d(2026, time.October, 15)},
		{"2026-03-01T10:00:00Z", DateOtherForm, d(2026, time.March, 1)},
		{"30/2 2026", DateNoSuchDay, Date{}},
		{"1/13 2026", DateNoSuchMonth, Date{}}, // day first: there is no month 13
		{"1/3 26", DateUnreadable, Date{}},     // a two-digit year is not guessed
		{"snart", DateUnreadable, Date{}},
		{"1 smurf 2026", DateUnreadable, Date{}},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		var de *DateError
		if !errors.As(err, &de) {
			t.Errorf("ParseDate(%q) error %v, want a *DateError", tt.in, err)
			continue
		}
		if de.Problem != tt.problem || de.Guess != tt.guess {
			t.Errorf("ParseDate(%q): problem %d, guess %v; want %d, %v", tt.in, de.Problem, de.Guess, tt.problem, tt.guess)
		}
	}
	_, err := ParseDate("2026-02-30")
	if de := err.(*DateError); de.Year != 2026 || de.Month != 2 || de.DaysInMonth != 28 {
		t.Errorf("2026-02-30: %+v", de)
	}
}

// TestDateBeforeAsDefined: Before agrees with comparing the days as times,
// for real days (compared field by field) and for any others (2026-02-30,
// the zero Date), which time.Date normalises.
func TestDateBeforeAsDefined(t *testing.T) {
	var days []Date
	for _, y := range []int{0, 1900, 2000, 2023, 2024, 2026} {
		for m := time.Month(0); m <= 13; m++ {
			for _, day := range []int{0, 1, 28, 29, 30, 31, 32} {
				days = append(days, Date{y, m, day})
			}
		}
	}
	for _, a := range days {
		if got, want := a.valid(), a.Month >= 1 && a.Month <= 12 && a.Day >= 1 && a.Day <= DaysIn(a.Year, a.Month); got != want {
			t.Errorf("%+v.valid() = %v, want %v", a, got, want)
		}
		for _, b := range days {
			if got, want := a.Before(b), a.Time().Before(b.Time()); got != want {
				t.Errorf("%+v.Before(%+v) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func BenchmarkStatusOn(b *testing.B) {
	a := &Activity{Start: Date{2024, 3, 1}, Slut: Date{2026, 12, 31}}
	now := Date{2026, 11, 22}
	for b.Loop() {
		a.StatusOn(now)
	}
}
