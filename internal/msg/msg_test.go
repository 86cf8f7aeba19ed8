package msg

import (
	"errors"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// declaredIDs returns every constant of type ID in the package's source,
// with the name it is declared under.
func declaredIDs(t *testing.T) map[ID]string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	ids := map[ID]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "ID" {
					continue
				}
				for i, name := range vs.Names {
					lit := vs.Values[i].(*ast.BasicLit)
					v, _ := strconv.Unquote(lit.Value)
					if prev, dup := ids[ID(v)]; dup {
						t.Errorf("%s and %s have the same ID %q", prev, name.Name, v)
					}
					ids[ID(v)] = name.Name
				}
			}
		}
	}
	return ids
}

var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

func TestEveryMessageInBothLanguages(t *testing.T) {
	ids := declaredIDs(t)
	if len(ids) < 50 {
		t.Fatalf("found only %d IDs; is the parse of the package right?", len(ids))
	}
	seen := map[ID]int{}
	for _, tab := range tables {
		for id := range tab {
			seen[id]++
		}
	}
	for id, name := range ids {
		switch seen[id] {
		case 0:
			t.Errorf("%s (%q) has no text", name, id)
		case 1:
		default:
			t.Errorf("%s (%q) has a text in %d tables", name, id, seen[id])
		}
	}
	for id, x := range All() {
		if _, ok := ids[id]; !ok {
			t.Errorf("text %q has no ID constant", id)
		}
		if strings.TrimSpace(x.Sv) == "" || strings.TrimSpace(x.En) == "" {
			if id != SevInfo { // all have words; a check against empty halves
				t.Errorf("%q: Swedish %q, English %q: both languages are needed", id, x.Sv, x.En)
			}
		}
		sv, en := verbRE.FindAllString(x.Sv, -1), verbRE.FindAllString(x.En, -1)
		if !slices.Equal(sv, en) {
			t.Errorf("%q: Swedish has verbs %v, English %v; they must take the same arguments", id, sv, en)
		}
	}
}

func TestIn(t *testing.T) {
	m := New(FieldUnknown, "kommun", New(DidYouMean, "kommuner"))
	if got, want := m.In(Sv), `okänt fält "kommun"; menade du "kommuner"?`; got != want {
		t.Errorf("Sv: got %q, want %q", got, want)
	}
	if got, want := m.In(En), `unknown field "kommun"; did you mean "kommuner"?`; got != want {
		t.Errorf("En: got %q, want %q", got, want)
	}
	if got := New(FieldUnknown, "x", Message{}).In(Sv); got != `okänt fält "x"` {
		t.Errorf("a zero Message argument must print nothing, got %q", got)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"sv": Sv, " EN ": En, "Svenska": Sv, "en-GB": En} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := ParseLang("de"); ok {
		t.Error("de is not supported")
	}
}

var update = flag.Bool("update", false, "rewrite docs/meddelanden.md from the catalogue")

// TestEditorsList keeps docs/meddelanden.md, the editors' list of every
// message with its fix, the same as the catalogue.
func TestEditorsList(t *testing.T) {
	for _, a := range editorAreas() {
		for id, x := range a.texts {
			if strings.TrimSpace(x.Fix) == "" {
				t.Errorf("%q is a message an editor can meet, but says nothing on how to fix it (Fix)", id)
			}
		}
	}
	const file = "../../docs/meddelanden.md"
	want := EditorsList()
	if *update {
		if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is not the list the catalogue makes; run go test ./internal/msg -run TestEditorsList -update and review the diff", file)
	}
}

// TestValuesCannotAct: a catalogue value in a message cannot start a line,
// reach the terminal as an escape, or turn the text around.
func TestValuesCannotAct(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"Mark\n::error file=x::pwned", `okänt fält "kommun" (giltiga: Mark\n::error file=x::pwned)`},
		{"Borås\x1b[2J", `okänt fält "kommun" (giltiga: Borås\x1b[2J)`},
		{"Ale\u202eelA", `okänt fält "kommun" (giltiga: Ale\u202eelA)`},
		{"Tranemo\u200b", `okänt fält "kommun" (giltiga: Tranemo\u200b)`},
		{"Ulricehamn\tMark", "okänt fält \"kommun\" (giltiga: Ulricehamn\tMark)"},
	} {
		got := New(FieldUnknown, "kommun", New(ValidList, tt.value)).In(Sv)
		if got != tt.want {
			t.Errorf("value %q:\n got %s\nwant %s", tt.value, got, tt.want)
		}
	}
	if got := New(CmdFailed, errors.New("a\nb")).In(En); got != `a\nb` {
		t.Errorf("an error argument: got %q", got)
	}
}
