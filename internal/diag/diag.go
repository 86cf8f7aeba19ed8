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
)

// Pos is a position in a catalogue file. File is slash-separated and relative
// to the catalogue root (for example "content/verksamheter/lotsen.md"). Line
// and Col are 1-based; 0 means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as "file:line:col", leaving out unknown parts.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error problems make the build publish nothing.
	Error Severity = iota
	// Warning problems are reported; the build still succeeds.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem in one place. Field names the frontmatter key
// (dotted for nested keys, e.g. "kontakt[1].epost") or is empty for problems
// that are not about a field (the body, the file as a whole).
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Field    string
	Msg      string
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is an ordered collection of diagnostics.
type List []Diagnostic

// Errorf adds an error at pos about field.
func (l *List) Errorf(pos Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos about field.
func (l *List) Warnf(pos Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column, then severity and message, and
// removes exact duplicates, so output is deterministic whatever order the
// files were read in.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	*l = slices.Compact(*l)
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
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

// Err returns an error describing the list's errors, or nil if it has none.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ErrorList(l)
}

// ErrorList is a List used as an error value.
type ErrorList List

func (e ErrorList) Error() string {
	n, _ := List(e).Count()
	for _, d := range e {
		if d.Severity == Error {
			if n == 1 {
				return d.String()
			}
			more := "errors"
			if n == 2 {
				more = "error"
			}
			return fmt.Sprintf("%s (and %d more %s)", d, n-1, more)
		}
	}
	return "no errors"
}

// Print writes every diagnostic on its own line followed by a summary line
// such as "2 errors, 1 warning". It writes nothing for an empty list.
func (l List) Print(w io.Writer) error {
	if len(l) == 0 {
		return nil
	}
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	b.WriteString(l.Summary())
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary returns "N errors, M warnings" with correct singulars.
func (l List) Summary() string {
	e, w := l.Count()
	return plural(e, "error", "errors") + ", " + plural(w, "warning", "warnings")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
