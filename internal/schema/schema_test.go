package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/check"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/load"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// The schema is tested with an independent validator of JSON Schema 2020-12
// (santhosh-tekuri/jsonschema, a test-only dependency), with formats
// asserted, as editors' tools check date and e-mail.

// compile compiles the schema of the catalogue cat.
func compile(t *testing.T, cat *catalog.Catalogue) *jsonschema.Schema {
	t.Helper()
	return compileValues(t, FromCatalogue(cat))
}

func compileValues(t *testing.T, v Values) *jsonschema.Schema {
	t.Helper()
	data, err := Activity(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("verksamhet.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("verksamhet.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

func loadCatalogue(t *testing.T, dir string) *catalog.Catalogue {
	t.Helper()
	cat, diags, err := load.Catalogue(context.Background(), os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if cat.Index == nil {
		t.Fatalf("%s: no usable content/_index.md: %v", dir, diags)
	}
	return cat
}

// instance is the frontmatter of src as the loader reads it, as a JSON
// value for the validator: dates stay the text they were written as.
func instance(t *testing.T, file string, src []byte) any {
	t.Helper()
	m, diags := load.Frontmatter(file, src)
	if m == nil {
		t.Fatalf("%s: no frontmatter: %v", file, diags)
	}
	v, err := toJSON(m)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// toJSON converts a YAML node the way the loader reads its types: numbers,
// booleans and null by their YAML tag, anything else (dates included) as
// the text written.
func toJSON(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := toJSON(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := toJSON(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool", "!!int", "!!float":
			var v any
			if err := n.Decode(&v); err != nil {
				return nil, fmt.Errorf("line %d: %w", n.Line, err)
			}
			return v, nil
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: a YAML alias, which the loader refuses", n.Line)
}

// catalogues are the repository's catalogues: content/ and the test
// catalogues in the style of other förbund.
func catalogues(t *testing.T) []string {
	t.Helper()
	dirs := []string{"../.."}
	more, err := filepath.Glob("../../tests/catalogues/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range more {
		if info, err := os.Stat(filepath.Join(d, "content", "_index.md")); err == nil && !info.IsDir() {
			dirs = append(dirs, d)
		}
	}
	if len(dirs) < 2 {
		t.Fatalf("found only %v; where are the test catalogues?", dirs)
	}
	return dirs
}

func TestEveryActivityValidates(t *testing.T) {
	for _, dir := range catalogues(t) {
		t.Run(filepath.Base(filepath.Clean(dir)), func(t *testing.T) {
			cat := loadCatalogue(t, dir)
			s := compile(t, cat)
			fsys := os.DirFS(dir)
			n := 0
			err := fs.WalkDir(fsys, "content/verksamheter", func(name string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || path.Ext(name) != ".md" {
					return err
				}
				src, err := fs.ReadFile(fsys, name)
				if err != nil {
					return err
				}
				n++
				if err := s.Validate(instance(t, name, src)); err != nil {
					t.Errorf("%s does not validate against its catalogue's schema:\n%v", name, err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatalf("%s: no activities found", dir)
			}
			t.Logf("%d activities validate", n)
		})
	}
}

// base is a valid activity of the repository's catalogue (content/);
// each case below changes it with a line of YAML.
const base = `namn: Testverksamhet
funktion: samordnande-insatser
kommuner: [Borås, Mark]
finansiering: [finsam]
kontakt:
  - namn: Lena Ehrnlund
    telefon: 0320-77 94 61
    epost: lena@example.se
granskad: 2026-10-01
`

// activity is base with the keys drop removed (with their indented lines)
// and add appended.
func activity(drop []string, add string) string {
	var b strings.Builder
	b.WriteString("---\n")
	dropping := false
	for _, line := range strings.SplitAfter(base, "\n") {
		if !strings.HasPrefix(line, " ") {
			key, _, _ := strings.Cut(line, ":")
			dropping = slices.Contains(drop, key)
		}
		if line == "" || dropping {
			continue
		}
		b.WriteString(line)
	}
	b.WriteString(add)
	b.WriteString("---\nText.\n")
	return b.String()
}

// TestSchemaAgreesWithCheck gives the schema and the loader with check the
// same activities: what samkat check refuses, the schema refuses, and what
// it accepts, the schema accepts. The few rules a schema cannot say (they
// compare two fields) are listed as such; samkat check is the real check.
func TestSchemaAgreesWithCheck(t *testing.T) {
	cat := loadCatalogue(t, "../..")
	s := compile(t, cat)
	tests := []struct {
		name  string
		drop  []string
		add   string
		valid bool // to samkat check
		gap   bool // a rule of samkat check the schema cannot express
	}{
		{name: "the base", valid: true},
		{name: "unknown key", add: "kommun: Mark\n"},
		{name: "undeclared municipality", drop: []string{"kommuner"}, add: "kommuner: [Göteborg]\n"},
		{name: "municipality in other capitals and space", drop: []string{"kommuner"}, add: "kommuner: [' borås ', MARK]\n", valid: true},
		{name: "one municipality, not a list", drop: []string{"kommuner"}, add: "kommuner: Svenljunga\n", valid: true},
		{name: "alla", drop: []string{"kommuner"}, add: "kommuner: [alla]\n", valid: true},
		{name: "Alla alone, not a list", drop: []string{"kommuner"}, add: "kommuner: Alla\n", valid: true},
		{name: "alla with others", drop: []string{"kommuner"}, add: "kommuner: [alla, Mark]\n", gap: true},
		{name: "no municipality", drop: []string{"kommuner"}},
		{name: "missing namn", drop: []string{"namn"}},
		{name: "empty namn", drop: []string{"namn"}, add: "namn:\n"},
		{name: "namn a number", drop: []string{"namn"}, add: "namn: 123\n"},
		{name: "undeclared function", drop: []string{"funktion"}, add: "funktion: okand\n"},
		{name: "two functions", drop: []string{"funktion"}, add: "funktion: [samordnande-insatser, specialresurser]\n", valid: true},
		{name: "undeclared financing", drop: []string{"finansiering"}, add: "finansiering: [esf]\n"},
		{name: "financing twice (a warning)", drop: []string{"finansiering"}, add: "finansiering: [finsam, finsam]\n", valid: true},
		{name: "bad date", add: "start: 2026-13-01\n"},
		{name: "no such day", add: "start: 2026-02-30\n"},
		{name: "date in another form", add: "start: 1/2/2026\n"},
		{name: "quoted date", add: "start: '2026-02-28'\n", valid: true},
		{name: "start after slut", add: "start: 2026-02-28\nslut: 2025-01-01\n", gap: true},
		{name: "empty optional field", add: "webb:\nhuvudman:\n", valid: true},
		{name: "webb javascript", add: "webb: javascript:alert(1)\n"},
		{name: "webb https", add: "webb: https://example.se/a?b=c\n", valid: true},
		{name: "bad e-mail", drop: []string{"kontakt"}, add: "kontakt:\n  - epost: lena.example.se\n"},
		{name: "phone without digits", drop: []string{"kontakt"}, add: "kontakt:\n  - telefon: ring oss\n"},
		{name: "phone, four digits", drop: []string{"kontakt"}, add: "kontakt:\n  - telefon: 1177\n"},
		{name: "phone as a YAML number", drop: []string{"kontakt"}, add: "kontakt:\n  - telefon: 0701234567\n", valid: true},
		{name: "phone with +46", drop: []string{"kontakt"}, add: "kontakt:\n  - telefon: +46 (0)33-35 83 00\n", valid: true},
		{name: "a contact that is a name only", drop: []string{"kontakt"}, add: "kontakt:\n  - namn: Lena\n", valid: true},
		{name: "a contact with a role only", drop: []string{"kontakt"}, add: "kontakt:\n  - roll: Samordnare\n"},
		{name: "one contact, not a list", drop: []string{"kontakt"}, add: "kontakt: {namn: Lena, roll: Samordnare}\n", valid: true},
		{name: "no contact", drop: []string{"kontakt"}, add: "kontakt: []\n"},
		{name: "unknown contact key", drop: []string{"kontakt"}, add: "kontakt:\n  - namn: Lena\n    mejl: a@b.se\n"},
		{name: "contact kommun undeclared", drop: []string{"kontakt"}, add: "kontakt:\n  - namn: Lena\n    kommun: Göteborg\n"},
		{name: "contact kommun alla", drop: []string{"kontakt"}, add: "kontakt:\n  - namn: Lena\n    kommun: alla\n"},
		{name: "contact kommun", drop: []string{"kontakt"}, add: "kontakt:\n  - namn: Lena\n    kommun: mark\n", valid: true},
		{name: "age", add: "alder: {fran: 18, till: 64}\n", valid: true},
		{name: "age out of range", add: "alder: {fran: 18, till: 200}\n"},
		{name: "age reversed", add: "alder: {fran: 64, till: 18}\n", gap: true},
		{name: "age as text", add: "alder: 18-64\n"},
		{name: "places zero", add: "platser: 0\n"},
		{name: "places", add: "platser: 12\n", valid: true},
		{name: "inriktning", add: "inriktning: strukturovergripande\n", valid: true},
		{name: "unknown inriktning", add: "inriktning: annan\n"},
		{name: "utkast ja", add: "utkast: ja\n"},
		{name: "utkast true", add: "utkast: true\negenanmalan: false\n", valid: true},
		{name: "forbund page", add: "forbund: boras\n", valid: true},
		{name: "no such forbund page", add: "forbund: goteborg\n"},
		{name: "remiss", add: "remiss: [Arbetsförmedlingen, Vården]\n", valid: true},
		{name: "samverkansparter", add: "samverkansparter: Försäkringskassan\n", valid: true},
		{name: "samverkansparter without brackets (a warning)", add: "samverkansparter: Försäkringskassan, Arbetsförmedlingen\n", valid: true},
		{name: "aliases", add: "aliases: [gammal-slug, aldre]\n", valid: true},
		{name: "an alias that is no slug", add: "aliases: [Gammal Slug]\n"},
		{name: "undeclared remiss, none declared", add: "remiss: [Polisen]\n", valid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := activity(tt.drop, tt.add)
			file := "content/verksamheter/testverksamhet.md"
			a, diags := load.ParseActivity(file, "testverksamhet", []byte(src))
			if a != nil {
				c := *cat
				c.Activities = []*catalog.Activity{a}
				diags = append(diags, check.Catalogue(&c, catalog.Date{Year: 2026, Month: 11, Day: 1})...)
			}
			var errs diag.List
			for _, d := range diags {
				if d.Severity == diag.Error && d.Pos.File == file {
					errs = append(errs, d)
				}
			}
			if checkValid := len(errs) == 0; checkValid != tt.valid {
				t.Fatalf("samkat check: valid=%v, the case says %v; errors: %v\n%s", checkValid, tt.valid, errs, src)
			}
			err := s.Validate(instance(t, file, []byte(src)))
			schemaValid := err == nil
			switch {
			case tt.gap && !schemaValid:
				t.Errorf("the schema now refuses %q: the case is no gap any more", tt.name)
			case tt.gap:
			case schemaValid != tt.valid:
				t.Errorf("schema: valid=%v, samkat check: valid=%v\n%s\nvalidator: %v", schemaValid, tt.valid, src, err)
			}
		})
	}
}

// TestFieldsMatchTheLoader checks the field table against the loader's key
// lists: every key has a description, and the table has no key the loader
// does not know.
func TestFieldsMatchTheLoader(t *testing.T) {
	for _, tt := range []struct {
		name  string
		keys  []string
		table map[string]field
	}{
		{"activity", load.ActivityKeys(), activityFields},
		{"kontakt", load.ContactKeys(), contactFields},
		{"alder", load.AlderKeys(), alderFields},
	} {
		for _, k := range tt.keys {
			f, ok := tt.table[k]
			if !ok {
				t.Errorf("%s: the loader knows %q, the schema does not: add it to internal/schema/fields.go", tt.name, k)
				continue
			}
			if strings.TrimSpace(f.desc) == "" || f.schema == nil {
				t.Errorf("%s: %q needs a description and a schema", tt.name, k)
			}
		}
		for k := range tt.table {
			if !slices.Contains(tt.keys, k) {
				t.Errorf("%s: the schema describes %q, which the loader does not accept", tt.name, k)
			}
		}
	}
}

// TestRequiredAsTheLoader checks that the schema requires exactly the keys
// the loader reports missing.
func TestRequiredAsTheLoader(t *testing.T) {
	full := activity(nil, "")
	for _, k := range load.ActivityKeys() {
		src := activity([]string{k}, "")
		if src == full {
			continue // not in the base activity: not required, or the base would be invalid
		}
		_, diags := load.ParseActivity("a.md", "a", []byte(src))
		loaderRequires := slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return d.Field == k && d.Msg.ID == "field-required" })
		if loaderRequires != activityFields[k].required {
			t.Errorf("%q: the loader requires it: %v; the schema: %v", k, loaderRequires, activityFields[k].required)
		}
	}
	var marked []string
	for k, f := range activityFields {
		if f.required {
			marked = append(marked, k)
			if !strings.Contains(base, "\n"+k+":") && !strings.HasPrefix(base, k+":") {
				t.Errorf("%q is required but not in the base activity of the tests", k)
			}
		}
	}
	if len(marked) != 5 {
		t.Errorf("required: %v; the contract requires namn, funktion, kommuner, finansiering, kontakt", marked)
	}
}

func TestSchemaShape(t *testing.T) {
	data, err := Activity(FromCatalogue(loadCatalogue(t, "../..")))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Schema     string                    `json:"$schema"`
		Required   []string                  `json:"required"`
		Properties map[string]map[string]any `json:"properties"`
		Additional *bool                     `json:"additionalProperties"`
		Defs       map[string]map[string]any `json:"$defs"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if s.Schema != Dialect || s.Additional == nil || *s.Additional {
		t.Errorf("$schema %q, additionalProperties %v: want 2020-12 and false", s.Schema, s.Additional)
	}
	for k, p := range s.Properties {
		if d, _ := p["description"].(string); d == "" {
			t.Errorf("%s has no description", k)
		}
		if _, ok := p["examples"]; !ok {
			t.Errorf("%s has no examples", k)
		}
	}
	if got := fmt.Sprint(s.Defs["datum"]["format"], " ", s.Defs["datum"]["pattern"]); got != `date ^\d{4}-\d{2}-\d{2}$` {
		t.Errorf("datum: %s", got)
	}
	for _, want := range []string{`"Borås"`, `"alla"`, `"samordnande-insatser"`, `"finsam"`, `"format": "email"`, `"boras"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the schema lacks %s", want)
		}
	}
}

func TestCaseless(t *testing.T) {
	for in, want := range map[string]string{"Borås": "[bB][oO][rR][åÅ][sS]", "Upplands-Bro": `[uU][pP][pP][lL][aA][nN][dD][sS]-[bB][rR][oO]`, "A.B (x)": `[aA]\.[bB] \([xX]\)`} {
		if got := caseless(in); got != want {
			t.Errorf("caseless(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestActivityNeedsEveryField(t *testing.T) {
	saved := activityFields["webb"]
	delete(activityFields, "webb")
	defer func() { activityFields["webb"] = saved }()
	if _, err := Activity(Values{}); err == nil || !strings.Contains(err.Error(), `"webb"`) {
		t.Errorf("Activity without a description of webb: err = %v, want one naming webb", err)
	}
}

// TestRemissFromTheIndex: when content/_index.md declares referrers, the
// schema offers them. The index reads remiss only once the loader knows the
// key; until then the test has nothing to check.
func TestRemissFromTheIndex(t *testing.T) {
	if !slices.Contains(load.IndexKeys(), "remiss") {
		t.Skip("content/_index.md has no remiss yet")
	}
	dir := t.TempDir()
	index := "---\ntitel: T\nkommuner: [Mark]\nfunktioner: [Stöd]\nfinansiering: [Finsam]\nremiss: [Arbetsförmedlingen, Vården]\n---\n"
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := FromCatalogue(loadCatalogue(t, dir)); !slices.Equal(v.Remiss, []string{"Arbetsförmedlingen", "Vården"}) {
		t.Errorf("FromCatalogue: Remiss = %q; set it from the index's remiss in FromCatalogue", v.Remiss)
	}
}

func TestRemissDeclared(t *testing.T) {
	v := Values{Kommuner: []string{"Mark"}, Funktioner: []catalog.Term{{ID: "stod", Namn: "Stöd"}}, Finansiering: []catalog.Term{{ID: "finsam", Namn: "Finsam"}},
		Remiss: []string{"Arbetsförmedlingen", "Vården"}}
	s := compileValues(t, v)
	for remiss, valid := range map[string]bool{"[Arbetsförmedlingen]": true, "[' vården ', ARBETSFÖRMEDLINGEN]": true, "Vården": true, "[Polisen]": false} {
		src := "---\nnamn: A\nfunktion: stod\nkommuner: Mark\nfinansiering: finsam\nkontakt: [{namn: B}]\nremiss: " + remiss + "\n---\n"
		if err := s.Validate(instance(t, "a.md", []byte(src))); (err == nil) != valid {
			t.Errorf("remiss: %s: valid %v, want %v (%v)", remiss, err == nil, valid, err)
		}
	}
}
