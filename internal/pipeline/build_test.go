package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/publish"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

var testNow = catalog.Date{Year: 2026, Month: 11, Day: 22}

func testOptions() Options {
	return Options{
		Now:     testNow,
		Version: "test",
		Layouts: os.DirFS("../../layouts"),
		Static:  os.DirFS("../../static"),
	}
}

// buildMem builds the catalogue in src into memory.
func buildMem(t *testing.T, src fs.FS) (map[string][]byte, Result, error) {
	t.Helper()
	var out publish.Mem
	res, err := Site(context.Background(), src, &out, testOptions())
	return out.Files(), res, err
}

// readTree reads every file below dir, keyed by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

// TestSmallCatalogueGolden compares the whole output of a small catalogue
// with testdata/small.golden/. Run with -update after an intended change and
// read the diff.
func TestSmallCatalogueGolden(t *testing.T) {
	got, res, err := buildMem(t, os.DirFS("testdata/small"))
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	golden := "testdata/small.golden"
	if *update {
		os.RemoveAll(golden)
		for name, data := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile("testdata/small.diagnostics", []byte(diagText(res)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := readTree(t, golden)
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[name]; !ok {
			t.Errorf("missing output file %s", name)
		} else if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs from the golden file (run go test ./internal/pipeline -run Golden -update and review the diff)", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected output file %s", name)
		}
	}
	wantDiags, _ := os.ReadFile("testdata/small.diagnostics")
	if d := diagText(res); d != string(wantDiags) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", d, wantDiags)
	}
}

func diagText(res Result) string { return diagTextIn(res, msg.En) }

func diagTextIn(res Result, lang msg.Lang) string {
	var b strings.Builder
	res.Diagnostics.Print(&b, lang)
	return b.String()
}

// TestSmallCatalogueContent checks facts of the small catalogue's pages that
// the golden files would let slip by in a careless -update.
func TestSmallCatalogueContent(t *testing.T) {
	got, _, err := buildMem(t, os.DirFS("testdata/small"))
	if err != nil {
		t.Fatal(err)
	}
	page := func(name string) string {
		t.Helper()
		b, ok := got[name]
		if !ok {
			t.Fatalf("no %s in output", name)
		}
		return string(b)
	}
	checkLinks(t, got, "/testbygd/")
	if _, ok := got["verksamheter/hemlig/index.html"]; ok {
		t.Error("a draft (utkast: true) was published")
	}
	if strings.Contains(page("data/verksamheter.json"), "Hemlig") {
		t.Error("a draft reached the open data")
	}
	lotsen := page("verksamheter/lotsen/index.html")
	for _, want := range []string{"tel:+46333551", "mailto:peter.exempel@example.se", "Unga vuxna 18–29 år", "Österlånggatan 12 A"} {
		if !strings.Contains(lotsen, want) {
			t.Errorf("activity page lacks %q", want)
		}
	}
	ended := page("avslutade/index.html")
	if !strings.Contains(ended, "verksamheter/aktiv-vardag/") {
		t.Error("the ended activity is not on avslutade/")
	}
	// The ended activity is in the matrix hidden, for the search to show
	// when it finds it.
	if n := strings.Count(page("index.html"), ` data-ended hidden><a href="verksamheter/aktiv-vardag/">`); n == 0 {
		t.Error("the ended activity is not in the matrix, hidden")
	}
	rows := firstTable([]byte(page("index.html")))
	for _, r := range rows {
		for _, c := range r {
			for _, h := range c.hrefs {
				if strings.Contains(h, "koordinator") {
					t.Errorf("strukturövergripande activity in the matrix: %q", c.text)
				}
			}
		}
	}
	if !strings.Contains(page("index.html"), "verksamheter/koordinator/") {
		t.Error("the strukturövergripande activity is not listed on the front page")
	}
}

var activityHref = regexp.MustCompile(`verksamheter/([a-z0-9-]+)/`)

// TestSjuharadCatalogue builds the repository's own content/ end to end and
// checks the front-page matrix against the kartläggning's table cell by cell.
func TestSjuharadCatalogue(t *testing.T) {
	got, res, err := buildMem(t, os.DirFS("../.."))
	if err != nil {
		t.Fatalf("build of content/: %v\n%s", err, diagText(res))
	}
	if res.Diagnostics.HasErrors() {
		t.Fatal(diagText(res))
	}
	checkLinks(t, got, "/sjuharad/")

	want := readMatrix(t, "testdata/sjuharad-matrix.txt")
	rows := firstTable(got["index.html"])
	if len(rows) != len(want) { // want[0] is the header row, like rows[0]
		t.Fatalf("matrix has %d rows, want a header row and %d", len(rows), len(want)-1)
	}
	header := rows[0]
	for j, name := range want[0].cols {
		if j+1 >= len(header) || strings.TrimSpace(header[j+1].text) != name {
			t.Errorf("column %d header = %q, want %q", j+1, cellText(header, j+1), name)
		}
	}
	for i, w := range want[1:] {
		r := rows[i+1] // row 0 is the header
		if got := strings.TrimSpace(stripHidden(cellText(r, 0))); got != w.name {
			t.Errorf("row %d = %q, want %q", i+1, got, w.name)
		}
		for j, slugs := range w.cells {
			var have []string
			if j+1 < len(r) {
				for _, h := range r[j+1].hrefs {
					if m := activityHref.FindStringSubmatch(h); m != nil {
						have = append(have, m[1])
					}
				}
			}
			slices.Sort(have)
			if !slices.Equal(have, slugs) {
				t.Errorf("%s × %s = %v, want %v", w.name, want[0].cols[j], have, slugs)
			}
		}
	}
}

type matrixRow struct {
	name  string
	cols  []string   // header row only
	cells [][]string // sorted slugs per column
}

// readMatrix reads the expected matrix: "row | cell | cell …" lines, the
// first line naming the columns, cells as space-separated slugs.
func readMatrix(t *testing.T, file string) []matrixRow {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var rows []matrixRow
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if rows == nil {
			rows = append(rows, matrixRow{cols: parts[1:]})
			continue
		}
		r := matrixRow{name: parts[0]}
		for _, c := range parts[1:] {
			slugs := strings.Fields(c)
			slices.Sort(slugs)
			r.cells = append(r.cells, slugs)
		}
		rows = append(rows, r)
	}
	return rows
}

func cellText(r []matrixCell, j int) string {
	if j < len(r) {
		return r[j].text
	}
	return ""
}

// stripHidden drops helper text that is only there for screen readers.
func stripHidden(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkLinks fails for every internal link that points at no output file.
// basePath is the site's path on its host, used by the 404 page.
func checkLinks(t *testing.T, files map[string][]byte, basePath string) {
	t.Helper()
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, href := range links(data) {
			if href == "" || strings.HasPrefix(href, "#") || strings.Contains(href, ":") {
				continue
			}
			target := href
			if i := strings.IndexAny(target, "#?"); i >= 0 {
				target = target[:i]
			}
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, basePath)
			} else {
				target = path.Join(path.Dir(name), target)
				if strings.HasSuffix(href, "/") || target == "." {
					target += "/"
				}
			}
			if target == "." || target == "./" || target == "" || strings.HasSuffix(target, "/") {
				target = strings.TrimPrefix(strings.TrimSuffix(target, "./")+"index.html", "/")
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s links to %q, which is not in the output (%s)", name, href, target)
			}
		}
	}
}

// TestDeterministic builds the real catalogue twice and compares every byte.
func TestDeterministic(t *testing.T) {
	a, _, err := buildMem(t, os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := buildMem(t, os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// builtCopy copies the small catalogue into a new folder and builds it once
// into public/ beside it: the previous output that the failure tests keep.
func builtCopy(t *testing.T) (cat, out string, first Result) {
	t.Helper()
	dir := t.TempDir()
	cat = filepath.Join(dir, "katalog")
	if err := os.CopyFS(cat, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "public")
	first, err := Dir(context.Background(), cat, out, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	return cat, out, first
}

// TestFailedBuildKeepsOldOutput builds a valid catalogue, breaks it, builds
// again into the same folder and checks the old site is untouched.
func TestFailedBuildKeepsOldOutput(t *testing.T) {
	cat, out, _ := builtCopy(t)
	before := readTree(t, out)
	if len(before) == 0 {
		t.Fatal("first build wrote nothing")
	}
	beforeTimes := statTree(t, out)
	broken := filepath.Join(cat, "content", "verksamheter", "lotsen.md")
	if err := os.WriteFile(broken, []byte("---\nnamn: Lotsen\nkommun: [Borås]\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Dir(context.Background(), cat, out, testOptions())
	if !errors.Is(err, ErrContent) {
		t.Fatalf("err = %v, want ErrContent", err)
	}
	if !strings.Contains(diagText(res), `content/verksamheter/lotsen.md:3:1: error: kommun: unknown field "kommun"; did you mean "kommuner"?`) {
		t.Errorf("diagnostics do not name the mistake:\n%s", diagText(res))
	}
	if !maps.Equal(statTree(t, out), beforeTimes) {
		t.Error("a file's modification time changed in a failed build")
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after a failed build, had %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed in a failed build", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "katalog" && e.Name() != "public" {
			t.Errorf("failed build left %s behind", e.Name())
		}
	}
}

// TestErrorCatalogues runs the catalogues in testdata/errors/*.txtar and
// compares the printed diagnostics with the archive's want/diagnostics (in
// English) and want/diagnostics.sv (in Swedish, the default language). An
// archive may set the language with want/lang; -update rewrites both.
func TestErrorCatalogues(t *testing.T) {
	archives, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no test archives")
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			files := parseTxtar(data)
			fsys := fstest.MapFS{}
			for name, data := range files {
				if !strings.HasPrefix(name, "want/") {
					fsys[name] = &fstest.MapFile{Data: data}
				}
			}
			var out publish.Mem
			res, err := Site(context.Background(), fsys, &out, testOptions())
			got := map[string]string{
				"want/diagnostics":    diagTextIn(res, msg.En),
				"want/diagnostics.sv": diagTextIn(res, msg.Sv),
			}
			// With a cache, warm the second time: the same diagnostics.
			opt := testOptions()
			opt.Cache = NewCache()
			for i := range 2 {
				cres, _ := Site(context.Background(), fsys, &publish.Mem{}, opt)
				if c := diagTextIn(cres, msg.En); c != got["want/diagnostics"] {
					t.Errorf("with a cache (build %d):\n%s\nwithout:\n%s", i+1, c, got["want/diagnostics"])
				}
			}
			if *update {
				i := bytes.Index(data, []byte("-- want/diagnostics"))
				if i < 0 {
					i = len(data)
				}
				data = append(data[:i:i], "-- want/diagnostics --\n"+got["want/diagnostics"]+"-- want/diagnostics.sv --\n"+got["want/diagnostics.sv"]...)
				if err := os.WriteFile(file, data, 0o644); err != nil {
					t.Fatal(err)
				}
				files = parseTxtar(data)
			}
			for _, name := range []string{"want/diagnostics", "want/diagnostics.sv"} {
				want, ok := files[name]
				if !ok {
					t.Fatalf("archive has no %s (run with -update and review the diff)", name)
				}
				if got[name] != string(want) {
					t.Errorf("%s:\n%s\nwant:\n%s", name, got[name], want)
				}
			}
			if res.Diagnostics.HasErrors() {
				if !errors.Is(err, ErrContent) {
					t.Errorf("err = %v, want ErrContent", err)
				}
				if n := len(out.Files()); n != 0 {
					t.Errorf("a catalogue with errors wrote %d files", n)
				}
			}
		})
	}
}

// parseTxtar reads the txtar format: "-- name --" lines start files.
func parseTxtar(data []byte) map[string][]byte {
	files := map[string][]byte{}
	var name string
	var buf []byte
	flush := func() {
		if name != "" {
			files[name] = buf
		}
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name, buf = strings.TrimSpace(trimmed[3:len(trimmed)-3]), []byte{}
			continue
		}
		if name != "" {
			buf = append(buf, line...)
		}
	}
	flush()
	return files
}

// TestCatalogueOverridesLayoutsAndStatic checks that a catalogue's own
// layouts/ and static/ replace built-in files of the same name, file by
// file, while the other built-in files stay in use.
func TestCatalogueOverridesLayoutsAndStatic(t *testing.T) {
	fsys := smallCatalogue(t)
	fsys["layouts/404.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<h1>Egen 404-sida</h1>{{end}}`)}
	fsys["static/samkat.css"] = &fstest.MapFile{Data: []byte("body{color:#123456}")}
	fsys["static/logo.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	got, res, err := buildMem(t, fsys)
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	if !strings.Contains(string(got["404.html"]), "Egen 404-sida") {
		t.Error("layouts/404.html of the catalogue was not used")
	}
	if !strings.Contains(string(got["verksamheter/lotsen/index.html"]), "Peter Exempel") {
		t.Error("built-in activity layout no longer works next to an override")
	}
	if css := string(got["samkat.css"]); !strings.Contains(css, "#123456") {
		t.Errorf("static/samkat.css not overridden: %.60q", css)
	}
	if !bytes.Contains(got["index.html"], []byte(publish.Fingerprint("samkat.css", []byte("body{color:#123456}")))) {
		t.Error("pages do not link the fingerprinted override stylesheet")
	}
	if _, ok := got["logo.svg"]; !ok {
		t.Error("an extra static file was not copied")
	}
	if _, ok := got["favicon.svg"]; !ok {
		t.Error("a built-in static file was lost next to the overrides")
	}
}

// smallCatalogue is testdata/small in memory, to add files to.
func smallCatalogue(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/small"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/small"), name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestStaticFileInTheWayOfAnother: a file of static/ may replace a
// built-in static file, but not a page or a file the build makes; that
// is an error naming the file, not a file silently lost, and check finds
// it as build does.
func TestStaticFileInTheWayOfAnother(t *testing.T) {
	const gen = ": error: lies where samkat writes a file of its own (robots.txt, feed.xml, sitemap.xml, data/ and sok/ are samkat's); remove or rename the file"
	for _, c := range []struct{ file, want string }{
		{"index.html", "static/index.html: error: lies where the page / goes; remove or rename the file"},
		{"verksamheter/lotsen/index.html", "static/verksamheter/lotsen/index.html: error: lies where the page /verksamheter/lotsen/ goes; remove or rename the file"},
		{"robots.txt", "static/robots.txt" + gen},
		{"data/verksamheter.json", "static/data/verksamheter.json" + gen},
		{"sok/index/meta.json", "static/sok/index/meta.json" + gen},
	} {
		fsys := smallCatalogue(t)
		fsys["static/"+c.file] = &fstest.MapFile{Data: []byte("mine")}
		_, res, err := buildMem(t, fsys)
		if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), c.want) {
			t.Errorf("build with static/%s: error %v, diagnostics:\n%s\nwant %q", c.file, err, diagText(res), c.want)
		}
		checked, err := Check(context.Background(), fsys, testOptions())
		if !errors.Is(err, ErrContent) || !strings.Contains(diagText(checked), c.want) {
			t.Errorf("check with static/%s: error %v, diagnostics:\n%s", c.file, err, diagText(checked))
		}
	}
}

var jsonLD = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)

// TestStructuredData: activity pages carry schema.org GovernmentService
// data that parses as JSON and names provider, area and audience.
func TestStructuredData(t *testing.T) {
	got, _, err := buildMem(t, os.DirFS("testdata/small"))
	if err != nil {
		t.Fatal(err)
	}
	m := jsonLD.FindSubmatch(got["verksamheter/lotsen/index.html"])
	if m == nil {
		t.Fatal("no JSON-LD on the activity page")
	}
	var d struct {
		Type       string `json:"@type"`
		Name       string
		Provider   struct{ Name string }
		AreaServed []struct{ Name string }
		Audience   struct {
			SuggestedMinAge int
		}
		AvailableChannel []struct {
			ServicePhone struct{ Telephone string }
		}
	}
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if d.Type != "GovernmentService" || d.Name != "Lotsen" || d.Provider.Name != "Samordningsförbundet Testbygd" ||
		len(d.AreaServed) != 2 || d.Audience.SuggestedMinAge != 18 || d.AvailableChannel[0].ServicePhone.Telephone != "+4633355141" {
		t.Errorf("JSON-LD = %+v", d)
	}
	if jsonLD.Match(got["index.html"]) {
		t.Error("the front page should not describe itself as a service")
	}
}
