package diag

import (
	"io"
	"strings"

	"github.com/samkat/samkat/internal/msg"
)

// Warnings says how many warnings a report shows.
type Warnings int

const (
	// SummariseWarnings shows every error, then the warnings, with each kind
	// of warning that occurs more than a few times shown once with a count.
	SummariseWarnings Warnings = iota
	// AllWarnings shows every diagnostic, notes (Info) included.
	AllWarnings
	// NoWarnings shows the errors alone, for scripts.
	NoWarnings
)

// ParseWarnings reads a --warnings value: "summary" (or ""), "all", "none".
func ParseWarnings(s string) (Warnings, bool) {
	switch s {
	case "", "summary", "sammanfattning":
		return SummariseWarnings, true
	case "all", "alla":
		return AllWarnings, true
	case "none", "inga":
		return NoWarnings, true
	}
	return SummariseWarnings, false
}

// summariseAfter is how many warnings of one kind a summarised report
// shows before it counts the rest.
const summariseAfter = 3

// Report writes the list for a person: the errors first, each on its own
// line, then the warnings as w asks, then the summary line. An editor who
// gets eighteen "granskad saknas" must still see the one error. It writes
// nothing for a list without anything to show.
func (l List) Report(out io.Writer, lang msg.Lang, w Warnings) error {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	for _, d := range l {
		if d.Severity == Error {
			line(d.Text(lang))
		}
	}
	if w != NoWarnings {
		var kinds []msg.ID
		byKind := map[msg.ID][]Diagnostic{}
		for _, d := range l {
			if d.Severity == Warning || d.Severity == Info && w == AllWarnings {
				if _, seen := byKind[d.Msg.ID]; !seen {
					kinds = append(kinds, d.Msg.ID)
				}
				byKind[d.Msg.ID] = append(byKind[d.Msg.ID], d)
			}
		}
		for _, k := range kinds {
			ds := byKind[k]
			if w == SummariseWarnings && len(ds) > summariseAfter {
				line(ds[0].Text(lang))
				line(msg.New(msg.MoreOfKind, len(ds)-1).In(lang))
				continue
			}
			for _, d := range ds {
				line(d.Text(lang))
			}
		}
	}
	if e, wn := l.Count(); e+wn > 0 {
		line(l.Summary(lang))
	}
	_, err := io.WriteString(out, b.String())
	return err
}
