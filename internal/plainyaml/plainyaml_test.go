package plainyaml

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/synth"
	"go.yaml.in/yaml/v3"
)

// agree checks that, when Parse reads src, yaml.v3 reads it too and makes
// the same tree; it reports whether Parse read it.
func agree(t *testing.T, name string, src []byte) bool {
	t.Helper()
	got, ok := Parse(src)
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Errorf("%s: read, but yaml.v3 refuses it (%v):\n%s", name, err, src)
		return true
	}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("%s: the trees differ:\n%s\ngot:\n%s\nwant:\n%s", name, src, dump(got), dump(&want))
	}
	return true
}

// dump shows a node tree with every field the comparison looks at.
func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		c := *n
		c.Content = nil
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(strings.ReplaceAll(strings.TrimSpace(strings.ReplaceAll(
			strings.TrimPrefix(strings.TrimPrefix(
				strings.TrimSpace(strings.Join(strings.Fields(fmtNode(c)), " ")), "{"), "}"), "\n", " ")), "  ", " "))
		b.WriteString("\n")
		for _, k := range n.Content {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func fmtNode(n yaml.Node) string {
	return strings.Join([]string{
		"kind=" + itoa(int(n.Kind)), "style=" + itoa(int(n.Style)), "tag=" + n.Tag, "value=" + strconvQuote(n.Value),
		"line=" + itoa(n.Line), "col=" + itoa(n.Column),
		"head=" + strconvQuote(n.HeadComment), "linec=" + strconvQuote(n.LineComment), "foot=" + strconvQuote(n.FootComment),
		"anchor=" + n.Anchor,
	}, " ")
}

// yamlTexts returns every stretch of text between two "---" lines of the
// repository's Markdown files and test archives: the front matter of each
// catalogue file, the broken ones of the error catalogues among them.
func yamlTexts(t testing.TB) map[string][]byte {
	t.Helper()
	texts := map[string][]byte{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == "public") {
			return filepath.SkipDir
		}
		if ext := filepath.Ext(path); d.IsDir() || ext != ".md" && ext != ".txtar" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		parts := strings.Split(string(data), "\n---\n")
		parts[0] = strings.TrimPrefix(parts[0], "---\n")
		for i, p := range parts {
			texts[path+"#"+itoa(i)] = []byte(p + "\n")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

func TestAgreesOnRepositoryFiles(t *testing.T) {
	read := 0
	texts := yamlTexts(t)
	for name, src := range texts {
		if agree(t, name, src) {
			read++
		}
	}
	t.Logf("%d of %d texts read here, the rest left to yaml.v3", read, len(texts))
	if read < 50 {
		t.Errorf("only %d texts read: the subset no longer covers ordinary front matter", read)
	}
}

// TestReadsGeneratedCatalogue checks that the front matter of ordinary
// activity files is inside the subset (else the speed is lost without a
// sign) and read the same as by yaml.v3.
func TestReadsGeneratedCatalogue(t *testing.T) {
	fsys := synth.Generate(300, 7)
	for _, name := range synth.Activities(fsys) {
		src := string(fsys[name].Data)
		end := strings.Index(src[4:], "\n---\n")
		if !strings.HasPrefix(src, "---\n") || end < 0 {
			t.Fatalf("%s: no front matter", name)
		}
		front := []byte(src[4 : 4+end+1])
		if !agree(t, name, front) {
			t.Errorf("%s: left to yaml.v3:\n%s", name, front)
		}
	}
}

// TestFewAllocations checks that a front matter's tree costs a few
// allocations, not one or more for each node: the lines, the nodes, the
// Content slices and the parser's stack are each taken in one block (a
// time stamp's parse may add one). Growing each Content slice by append
// made some thirty-four a front matter.
func TestFewAllocations(t *testing.T) {
	fronts := generatedFronts(200, 3)
	allocs := testing.AllocsPerRun(5, func() {
		for _, f := range fronts {
			if _, ok := Parse(f); !ok {
				t.Fatalf("left to yaml.v3:\n%s", f)
			}
		}
	}) / float64(len(fronts))
	t.Logf("%.1f allocations a front matter", allocs)
	if allocs > 5 {
		t.Errorf("%.1f allocations a front matter, want at most 5", allocs)
	}
}

// TestContentAppendsApart: the Content slices share one block, so each
// must end where its nodes do; appending to one must not write over the
// next one's nodes.
func TestContentAppendsApart(t *testing.T) {
	src := []byte("kommuner: [Hjo, Mark]\nfinansiering: [finsam]\n")
	doc, ok := Parse(src)
	if !ok {
		t.Fatal("not read")
	}
	root := doc.Content[0]
	kommuner := root.Content[1]
	_ = append(kommuner.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "Borås"})
	_ = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "x"})
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*doc, want) {
		t.Errorf("the tree changed:\n%s\nwant:\n%s", dump(doc), dump(&want))
	}
}

func TestCases(t *testing.T) {
	for _, tc := range []struct {
		src  string
		read bool
	}{
		{"namn: Lotsen\n", true},
		{"namn: Lotsen", true},
		{"namn:   Lotsen   \nplatser: 12\n", true},
		{"kommuner: [Hjo, Lidköping,  Mark ]\n", true},
		{"kommuner: []\n", true},
		{"kommuner: [ ]\n", true},
		{"kontakt:\n  - namn: Åsa Öberg\n    telefon: 0325-54 88 76\n  - namn: B\n", true},
		{"kontakt:\n- namn: A\n  roll: B\nwebb: https://x.example.se/a?b=c\n", true},
		{"a:\n  b:\n    c: d\n  e: [f]\n", true},
		{"list:\n  - a\n  - [b, c]\n  -   d\n", true},
		{"- a\n- b\n", false}, // not a mapping
		{"namn: 'Lotsen'\n", true},
		{"namn: \"Lotsen, Mark\"\n", true},
		{"namn: \"Lotsen \\\" Mark\"\n", false}, // an escape
		{"namn: 'Lotsen''s'\n", false},
		{"namn: \"Lotsen\" x\n", false},
		{"namn: \"\n", false},
		{"namn: Lotsen # kommentar\n", false},
		{"# kommentar\nnamn: Lotsen\n", false},
		{"namn:\n", false},        // empty value
		{"namn: a: b\n", false},   // an error to yaml.v3
		{"namn: a\n  b\n", false}, // a scalar over two lines
		{"namn: a\n b: c\n", false},
		{"namn: &x a\n", false},
		{"namn: !!str 12\n", false},
		{"namn: |\n  text\n", false},
		{"namn: a\tb\n", false},
		{"namn: a\r\n", false},
		{"\ufeffnamn: a\n", false},
		{"namn: a\u2028b\n", false},
		{"namn: a\u00a0b\n", false},
		{"  namn: a\n", false},
		{"\n\nnamn: a\n", true},
		{"kommuner: [a, b\n", false},
		{"kommuner: [a, [b]]\n", false},
		{"kommuner: [a,, b]\n", false},
		{"namn: -a\n", false},
		{"namn: a\n---\nb: c\n", false},
		{"<<: a\n", false},
		{"a : b\n", false},
	} {
		got, ok := Parse([]byte(tc.src))
		if ok != tc.read {
			t.Errorf("Parse(%q) read = %v, want %v", tc.src, ok, tc.read)
		}
		if ok {
			agree(t, tc.src, []byte(tc.src))
			if got.Content[0].Kind != yaml.MappingNode {
				t.Errorf("Parse(%q): not a mapping", tc.src)
			}
		}
	}
}

func TestResolve(t *testing.T) {
	for _, s := range []string{
		"true", "True", "TRUE", "tRue", "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "nULL",
		".nan", ".NaN", ".inf", "-.inf", "+.INF", ".5", ".5e3", ".", ".e3", "..",
		"0", "12", "-12", "+12", "1_000", "0x1F", "0o17", "0b101", "-0b101", "-0o17", "017", "08", "1e3", "1.5", "1.", "+1.5e-3",
		"9223372036854775807", "9223372036854775808", "18446744073709551616", "0b2", "0o9", "-0x1F",
		"2025-01-05", "2025-1-5", "2025-13-01", "2025-01-05T10:20:30Z", "2025-01-05 10:20:30", "2025-01-05t10:20:30+01:00", "20250-01-05",
		"0325-54 88 76", "+46 70 123 45 67", "070-123 45 67", "12 st", "1,5", "5-10", "18–30",
		"Lotsen", "Åsa", "<<", "<a", "_1",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+s), &n); err != nil {
			continue
		}
		want := n.Content[0].Content[1].Tag
		if got := resolve(s); got != want {
			t.Errorf("resolve(%q) = %s, yaml.v3 %s", s, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, src := range []string{
		"namn: Lotsen\nkommuner: [Hjo, Mark]\nplatser: 12\ngranskad: 2025-01-05\n",
		"kontakt:\n  - namn: Åsa\n    telefon: +46 70 123 45 67\n",
		"a:\n- b\n- c: d\n  e: f\n",
		"webb: https://x.example.se/a?b=c#d\negenanmalan: false\n",
	} {
		f.Add([]byte(src))
	}
	for _, src := range yamlTexts(f) {
		if _, ok := Parse(src); ok {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		agree(t, "fuzz", src)
	})
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"12", "0x1F", "2025-01-05", "-.inf", "1_0.5e3", "0o17", "true"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" || !plain(s, false) || keyEnd(s) >= 0 || strings.ContainsAny(s, "\n\r\t#") || !allowedBytes([]byte(s)) {
			return
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+s), &n); err != nil || len(n.Content) == 0 {
			return
		}
		v := n.Content[0].Content[1]
		if v.Kind != yaml.ScalarNode || v.Value != s {
			return
		}
		if got := resolve(s); got != v.Tag {
			t.Errorf("resolve(%q) = %s, yaml.v3 %s", s, got, v.Tag)
		}
	})
}

func itoa(i int) string { return strconv.Itoa(i) }

func strconvQuote(s string) string { return strconv.Quote(s) }

// BenchmarkFrontMatter reads the front matter of 1,000 generated
// activities here and with yaml.v3.
func BenchmarkFrontMatter(b *testing.B) {
	fronts := generatedFronts(1000, 1)
	b.Run("plainyaml", func(b *testing.B) {
		for b.Loop() {
			for _, f := range fronts {
				if _, ok := Parse(f); !ok {
					b.Fatal("left to yaml.v3")
				}
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		for b.Loop() {
			for _, f := range fronts {
				var n yaml.Node
				if err := yaml.Unmarshal(f, &n); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// generatedFronts returns the front matter of n generated activities
// (seed seed), without its "---" lines.
func generatedFronts(n int, seed uint64) [][]byte {
	fsys := synth.Generate(n, seed)
	var fronts [][]byte
	for _, name := range synth.Activities(fsys) {
		src := string(fsys[name].Data)
		fronts = append(fronts, []byte(src[4:4+strings.Index(src[4:], "\n---\n")+1]))
	}
	return fronts
}
