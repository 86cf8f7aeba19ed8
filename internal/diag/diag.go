// Package diag collects the problems found in a catalogue and prints them the
// way compilers do: one per line as "file:line:col: severity: field: message",
// sorted by position, followed by a count. It is modelled on go/scanner's
// ErrorList. Every other package reports into a List instead of stopping at
// the first problem, so an editor sees all mistakes of a pull request at once.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/msg"
)

// Pos is a position in a catalogue file. File is slash-separated and relative
// to the catalogue root (for example "content/verksamheter/lotsen.md"). Line
// and Col are 1-based; 0 means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as "file:line:col", leaving out unknown parts. A file
// name with a line break or another character that acts is written out
// (msg.Visible), so that it cannot start a line of its own.
func (p Pos) String() string {
	file := msg.Visible(p.File)
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error problems make the build publish nothing.
	Error Severity = iota
	// Warning problems are reported; the build still succeeds.
	Warning
	// Info is worth knowing but asks nothing of the editor (an activity
	// that ended long ago); it is shown only when all notes are asked for.
	Info
)

// In names s in language l.
func (s Severity) In(l msg.Lang) string {
	switch s {
	case Warning:
		return msg.New(msg.SevWarning).In(l)
	case Info:
		return msg.New(msg.SevInfo).In(l)
	}
	return msg.New(msg.SevError).In(l)
}

func (s Severity) String() string { return s.In(msg.En) }

// Diagnostic is one problem in one place. Field names the frontmatter key
// (dotted for nested keys, e.g. "kontakt[1].epost") or is empty for problems
// that are not about a field (the body, the file as a whole).
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Field    string
	Msg      msg.Message
}

// Text formats d as "file:line:col: severity: field: message" in language l.
func (d Diagnostic) Text(l msg.Lang) string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.In(l))
	b.WriteString(": ")
	if d.Field != "" {
		b.WriteString(msg.Visible(d.Field)) // field names are the editor's keys
		b.WriteString(": ")
	}
	b.WriteString(d.Msg.In(l))
	return b.String()
}

// String formats d in English.
func (d Diagnostic) String() string { return d.Text(msg.En) }

// List is an ordered collection of diagnostics.
type List []Diagnostic

// AddError adds an error at pos about field: message id with args.
func (l *List) AddError(pos Pos, field string, id msg.ID, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Field: field, Msg: msg.New(id, args...)})
}

// AddWarning adds a warning at pos about field.
func (l *List) AddWarning(pos Pos, field string, id msg.ID, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Field: field, Msg: msg.New(id, args...)})
}

// AddInfo adds a note at pos about field.
func (l *List) AddInfo(pos Pos, field string, id msg.ID, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Info, Field: field, Msg: msg.New(id, args...)})
}

// Sort orders the list by file, line, column, then severity and message, and
// removes exact duplicates, so output is deterministic whatever order the
// files were read in.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		if c := cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Field, b.Field),
		); c != 0 {
			return c
		}
		// The text last, and only then: making it is most of the sort.
		return cmp.Compare(a.Msg.String(), b.Msg.String())
	})
	*l = slices.CompactFunc(*l, func(a, b Diagnostic) bool {
		return a.Pos == b.Pos && a.Severity == b.Severity && a.Field == b.Field && a.Msg.String() == b.Msg.String()
	})
}

// Count returns the number of errors and warnings (notes are not counted).
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Print writes every diagnostic on its own line in language lang, followed
// by a summary line such as "2 fel, 1 varning". It writes nothing for an
// empty list.
func (l List) Print(w io.Writer, lang msg.Lang) error {
	if len(l) == 0 {
		return nil
	}
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Text(lang))
		b.WriteByte('\n')
	}
	b.WriteString(l.Summary(lang))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary returns "N errors, M warnings" in language lang, with correct
// singulars.
func (l List) Summary(lang msg.Lang) string {
	e, w := l.Count()
	return msg.New(msg.SummaryCounts, Plural(e, msg.Errors1, msg.ErrorsN), Plural(w, msg.Warnings1, msg.WarningsN)).In(lang)
}

// Plural returns the message one for n == 1 and many (with n) otherwise.
func Plural(n int, one, many msg.ID) msg.Message {
	if n == 1 {
		return msg.New(one)
	}
	return msg.New(many, n)
}
