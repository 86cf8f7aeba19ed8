package diag

import (
	"errors"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/msg"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{"content/verksamheter/lotsen.md", 4, 1}, "content/verksamheter/lotsen.md:4:1"},
		{Pos{"content/_index.md", 12, 0}, "content/_index.md:12"},
		{Pos{"content/_index.md", 0, 0}, "content/_index.md"},
		{Pos{"content/_index.md", 0, 5}, "content/_index.md"}, // a column without a line means nothing
		{Pos{"", 3, 4}, ""},
		{Pos{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.pos.String(); got != tt.want {
				t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
			}
		})
	}
}

func TestDiagnosticString(t *testing.T) {
	const file = "content/verksamheter/kraft-teamet.md"
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{
			"full position and field",
			Diagnostic{Pos{file, 4, 1}, Error, "kommun", msg.New(msg.Verbatim, `unknown field; did you mean "kommuner"?`)},
			file + `:4:1: error: kommun: unknown field; did you mean "kommuner"?`,
		},
		{
			"warning",
			Diagnostic{Pos{file, 21, 1}, Warning, "granskad", msg.New(msg.Verbatim, "2024-01-10 is older than granskas_inom (365 days)")},
			file + ":21:1: warning: granskad: 2024-01-10 is older than granskas_inom (365 days)",
		},
		{
			"no column",
			Diagnostic{Pos{file, 9, 0}, Error, "finansiering", msg.New(msg.Verbatim, "not declared")},
			file + ":9: error: finansiering: not declared",
		},
		{
			"no line",
			Diagnostic{Pos{file, 0, 0}, Error, "", msg.New(msg.Verbatim, "not UTF-8")},
			file + ": error: not UTF-8",
		},
		{
			"no field",
			Diagnostic{Pos{file, 14, 3}, Error, "", msg.New(msg.Verbatim, `link scheme "javascript" is not allowed`)},
			file + `:14:3: error: link scheme "javascript" is not allowed`,
		},
		{
			"no position",
			Diagnostic{Pos{}, Warning, "baseurl", msg.New(msg.Verbatim, "not set; sitemap.xml is not written")},
			"warning: baseurl: not set; sitemap.xml is not written",
		},
		{
			"nothing but a message",
			Diagnostic{Severity: Error, Msg: msg.New(msg.Verbatim, "content/ is missing")},
			"error: content/ is missing",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("String() =\n %q\nwant\n %q", got, tt.want)
			}
		})
	}
}

func TestAddErrorWarning(t *testing.T) {
	var l List
	l.AddError(Pos{"a.md", 1, 2}, "namn", msg.FieldTooLong, 301, 300)
	l.AddWarning(Pos{"b.md", 3, 0}, "", msg.GranskadFuture, "2030-01-10")
	want := []struct{ sv, en string }{
		{"a.md:1:2: fel: namn: är 301 tecken långt; gränsen är 300", "a.md:1:2: error: namn: is 301 characters long; the limit is 300"},
		{"b.md:3: varning: 2030-01-10 ligger i framtiden", "b.md:3: warning: 2030-01-10 is in the future"},
	}
	if len(l) != len(want) {
		t.Fatalf("list has %d diagnostics, want %d: %v", len(l), len(want), l)
	}
	for i, w := range want {
		if got := l[i].Text(msg.Sv); got != w.sv {
			t.Errorf("diagnostic %d in Swedish = %q, want %q", i, got, w.sv)
		}
		if got := l[i].Text(msg.En); got != w.en {
			t.Errorf("diagnostic %d in English = %q, want %q", i, got, w.en)
		}
	}
}

func TestListSort(t *testing.T) {
	l := List{
		{Pos{"content/verksamheter/b.md", 2, 1}, Error, "namn", msg.New(msg.Verbatim, "m")},
		{Pos{"content/verksamheter/a.md", 10, 1}, Error, "slut", msg.New(msg.Verbatim, "m")},
		{Pos{"content/verksamheter/a.md", 9, 5}, Error, "start", msg.New(msg.Verbatim, "m")},
		{Pos{"content/verksamheter/a.md", 9, 1}, Warning, "granskad", msg.New(msg.Verbatim, "m")},
		{Pos{"content/verksamheter/a.md", 9, 1}, Error, "kommuner", msg.New(msg.Verbatim, "m")},
		{Pos{"content/_index.md", 30, 1}, Error, "kommuner", msg.New(msg.Verbatim, "m")},
		{Pos{"content/verksamheter/a.md", 10, 1}, Error, "slut", msg.New(msg.Verbatim, "m")}, // duplicate
		{Pos{"content/verksamheter/a.md", 0, 0}, Error, "", msg.New(msg.Verbatim, "file")},
	}
	want := []string{
		"content/_index.md:30:1: error: kommuner: m",
		"content/verksamheter/a.md: error: file",
		"content/verksamheter/a.md:9:1: error: kommuner: m",
		"content/verksamheter/a.md:9:1: warning: granskad: m",
		"content/verksamheter/a.md:9:5: error: start: m",
		"content/verksamheter/a.md:10:1: error: slut: m", // 10 after 9: numeric, not textual
		"content/verksamheter/b.md:2:1: error: namn: m",
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sorted list:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var empty List
	empty.Sort()
	if len(empty) != 0 {
		t.Errorf("sorting an empty list gave %v", empty)
	}
}

func TestListSortIsIndependentOfInputOrder(t *testing.T) {
	base := List{
		{Pos{"b.md", 1, 1}, Error, "x", msg.New(msg.Verbatim, "1")},
		{Pos{"a.md", 2, 1}, Error, "x", msg.New(msg.Verbatim, "2")},
		{Pos{"a.md", 2, 1}, Error, "x", msg.New(msg.Verbatim, "1")},
		{Pos{"a.md", 1, 7}, Warning, "y", msg.New(msg.Verbatim, "3")},
	}
	want := append(List(nil), base...)
	want.Sort()
	// Every rotation of the input sorts to the same list.
	for r := range base {
		l := append(append(List(nil), base[r:]...), base[:r]...)
		l.Sort()
		if len(l) != len(want) {
			t.Fatalf("rotation %d: %d diagnostics, want %d", r, len(l), len(want))
		}
		for i := range l {
			if l[i].String() != want[i].String() {
				t.Errorf("rotation %d: position %d is %v, want %v", r, i, l[i], want[i])
			}
		}
	}
}

// list returns a list with e errors and w warnings.
func list(e, w int) List {
	var l List
	for range e {
		l = append(l, Diagnostic{Pos{"a.md", len(l) + 1, 1}, Error, "f", msg.New(msg.Verbatim, "error")})
	}
	for range w {
		l = append(l, Diagnostic{Pos{"a.md", len(l) + 1, 1}, Warning, "f", msg.New(msg.Verbatim, "warning")})
	}
	return l
}

func TestCountSummary(t *testing.T) {
	tests := []struct {
		errors, warnings int
		summary, sv      string
	}{
		{0, 0, "0 errors, 0 warnings", "0 fel, 0 varningar"},
		{1, 0, "1 error, 0 warnings", "1 fel, 0 varningar"},
		{0, 1, "0 errors, 1 warning", "0 fel, 1 varning"},
		{1, 1, "1 error, 1 warning", "1 fel, 1 varning"},
		{1, 2, "1 error, 2 warnings", "1 fel, 2 varningar"},
		{2, 1, "2 errors, 1 warning", "2 fel, 1 varning"},
		{12, 11, "12 errors, 11 warnings", "12 fel, 11 varningar"},
	}
	for _, tt := range tests {
		t.Run(tt.summary, func(t *testing.T) {
			l := list(tt.errors, tt.warnings)
			e, w := l.Count()
			if e != tt.errors || w != tt.warnings {
				t.Errorf("Count() = %d, %d, want %d, %d", e, w, tt.errors, tt.warnings)
			}
			if got, want := l.HasErrors(), tt.errors > 0; got != want {
				t.Errorf("HasErrors() = %v, want %v", got, want)
			}
			if got := l.Summary(msg.En); got != tt.summary {
				t.Errorf("Summary(En) = %q, want %q", got, tt.summary)
			}
			if got := l.Summary(msg.Sv); got != tt.sv {
				t.Errorf("Summary(Sv) = %q, want %q", got, tt.sv)
			}
		})
	}
}

func TestPrint(t *testing.T) {
	t.Run("diagnostics then summary", func(t *testing.T) {
		l := List{
			{Pos{"content/verksamheter/a.md", 3, 1}, Error, "kommun", msg.New(msg.Verbatim, `unknown field; did you mean "kommuner"?`)},
			{Pos{"content/verksamheter/b.md", 9, 1}, Warning, "slut", msg.New(msg.Verbatim, "has passed")},
			{Pos{"content/verksamheter/b.md", 10, 1}, Warning, "granskad", msg.New(msg.Verbatim, "missing")},
		}
		var b strings.Builder
		if err := l.Print(&b, msg.En); err != nil {
			t.Fatal(err)
		}
		want := `content/verksamheter/a.md:3:1: error: kommun: unknown field; did you mean "kommuner"?
content/verksamheter/b.md:9:1: warning: slut: has passed
content/verksamheter/b.md:10:1: warning: granskad: missing
1 error, 2 warnings
`
		if b.String() != want {
			t.Errorf("Print wrote:\n%s\nwant:\n%s", b.String(), want)
		}
	})
	t.Run("empty list prints nothing", func(t *testing.T) {
		var b strings.Builder
		if err := (List{}).Print(&b, msg.En); err != nil {
			t.Fatal(err)
		}
		if b.Len() != 0 {
			t.Errorf("Print of an empty list wrote %q", b.String())
		}
	})
	t.Run("write error is returned", func(t *testing.T) {
		if err := list(1, 0).Print(failWriter{}, msg.En); !errors.Is(err, errWrite) {
			t.Errorf("Print to a failing writer returned %v, want %v", err, errWrite)
		}
	})
}

var errWrite = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }
