package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without time or zone. The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateProblem says what is wrong with a text that is not a YYYY-MM-DD date.
type DateProblem int

const (
	// DateUnreadable is a text that cannot be read as a date at all.
	DateUnreadable DateProblem = iota
	// DateNoSuchMonth has a month outside 1–12 (Month holds it).
	DateNoSuchMonth
	// DateNoSuchDay has a day the month does not have (30 February);
	// Year, Month, Day hold what was written and DaysInMonth the last day.
	DateNoSuchDay
	// DateOtherForm is a real day written another way (1/3 2026,
	// 2026-3-1, 1 mars 2026); Guess is the day it unambiguously means.
	DateOtherForm
)

// DateError is the error of ParseDate: the text, what is wrong with it and,
// when it can be read another way, the date it means.
type DateError struct {
	Text        string
	Problem     DateProblem
	Year, Day   int
	Month       int
	DaysInMonth int
	Guess       Date
}

func (e *DateError) Error() string {
	return fmt.Sprintf("%q is not a valid date; write YYYY-MM-DD, e.g. 2026-03-01", e.Text)
}

var (
	isoDateRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	// Other ways people write a day. Day-first is the Swedish order, so
	// 1/3 2026 is the first of March.
	ymdRE      = regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$`)
	dmyRE      = regexp.MustCompile(`^(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*|\s+)(\d{4})$`)
	compactRE  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	withTimeRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[T ]\d`)
	namedRE    = regexp.MustCompile(`^(\d{1,2})(?::[ae])?\s*([\p{L}]+)\.?\s+(\d{4})$`)
)

// monthNames are the Swedish and English names and abbreviations of months.
var monthNames = map[string]int{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "feb": 2, "february": 2,
	"mars": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"maj": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"augusti": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// ParseDate parses "YYYY-MM-DD" and rejects impossible days such as
// 2025-02-30. The error is a *DateError that says what is wrong.
func ParseDate(s string) (Date, error) {
	if m := isoDateRE.FindStringSubmatch(s); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if e := checkDay(s, y, mo, d); e != nil {
			return Date{}, e
		}
		return Date{y, time.Month(mo), d}, nil
	}
	return Date{}, otherForm(s)
}

// otherForm reads s as a day written in another way, for the suggestion.
func otherForm(s string) *DateError {
	t := strings.TrimSpace(s)
	var y, mo, d int
	if m := ymdRE.FindStringSubmatch(t); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else if m := dmyRE.FindStringSubmatch(t); m != nil {
		y, mo, d = atoi(m[3]), atoi(m[2]), atoi(m[1])
	} else if m := compactRE.FindStringSubmatch(t); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else if m := withTimeRE.FindStringSubmatch(t); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else if m := namedRE.FindStringSubmatch(t); m != nil && monthNames[strings.ToLower(m[2])] > 0 {
		y, mo, d = atoi(m[3]), monthNames[strings.ToLower(m[2])], atoi(m[1])
	} else {
		return &DateError{Text: s}
	}
	if e := checkDay(s, y, mo, d); e != nil {
		return e
	}
	return &DateError{Text: s, Problem: DateOtherForm, Guess: Date{y, time.Month(mo), d}}
}

// checkDay returns the problem with year y, month mo, day d, or nil.
func checkDay(s string, y, mo, d int) *DateError {
	switch {
	case mo < 1 || mo > 12:
		return &DateError{Text: s, Problem: DateNoSuchMonth, Year: y, Month: mo, Day: d}
	case d < 1:
		return &DateError{Text: s}
	case d > DaysIn(y, time.Month(mo)):
		return &DateError{Text: s, Problem: DateNoSuchDay, Year: y, Month: mo, Day: d, DaysInMonth: DaysIn(y, time.Month(mo))}
	}
	return nil
}

// DaysIn returns the number of days of month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d was not given.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool {
	if d.valid() && e.valid() {
		// Real days compare field by field, without two calls of
		// time.Date: the pages and the search ask every activity's status.
		if d.Year != e.Year {
			return d.Year < e.Year
		}
		if d.Month != e.Month {
			return d.Month < e.Month
		}
		return d.Day < e.Day
	}
	return d.Time().Before(e.Time())
}

// valid reports whether d is a real day, which time.Date keeps as it is.
func (d Date) valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	switch d.Month {
	case time.February:
		leap := d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)
		return d.Day <= 28 || d.Day == 29 && leap
	case time.April, time.June, time.September, time.November:
		return d.Day <= 30
	}
	return d.Day <= 31
}

// AddDays returns the day n days after d.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}
