package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/search"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// incremental is the state of TestIncrementalEqualsCold: a catalogue
// folder, the output folder every build goes into, and the options.
type incremental struct {
	t   *testing.T
	dir string // the catalogue
	out string // built into again and again
	opt Options
	// mem, when set, is the site in memory the next build starts from
	// (as samkat serve builds), instead of out.
	mem *publish.Mem
}

// newIncremental copies the catalogue src into a folder of its own, to
// be built into a folder of its own again and again with benchOptions.
func newIncremental(t *testing.T, src fs.FS) *incremental {
	t.Helper()
	s := &incremental{t: t, dir: filepath.Join(t.TempDir(), "catalogue"), out: filepath.Join(t.TempDir(), "site"), opt: benchOptions()}
	if err := os.CopyFS(s.dir, src); err != nil {
		t.Fatal(err)
	}
	return s
}

// edit replaces old with new in the catalogue file name, once; the file
// must have old.
func (s *incremental) edit(name, old, new string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		s.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		s.t.Fatalf("%s has no %q", name, old)
	}
	s.write(name, strings.Replace(string(b), old, new, 1))
}

func (s *incremental) write(name, data string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *incremental) remove(name string) {
	s.t.Helper()
	if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(name))); err != nil {
		s.t.Fatal(err)
	}
}

// builtIn returns a file of the repository's layouts/ or static/.
func (s *incremental) builtIn(name string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

// outFile changes a file of the output by hand, as someone might.
func (s *incremental) outFile(name string, change func(p string) error) {
	s.t.Helper()
	if s.mem != nil {
		return
	}
	if err := change(filepath.Join(s.out, filepath.FromSlash(name))); err != nil {
		s.t.Fatal(err)
	}
}

// siteFiles reads every file of an output folder but samkat's record.
func siteFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == ".samkat" {
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// check builds the catalogue into the previous output and into a new
// folder, and fails unless the two sites are the same bytes, the build
// into the previous output wrote exactly the files whose bytes changed,
// and a second build into it writes nothing.
func (s *incremental) check(what string) Result {
	t := s.t
	t.Helper()
	if s.mem != nil {
		return s.checkMem(what)
	}
	before := siteFiles(t, s.out)
	res, err := Dir(context.Background(), s.dir, s.out, s.opt)
	if err != nil {
		t.Fatalf("%s: build into the previous output: %v\n%s", what, err, diagText(res))
	}
	opt := s.opt
	opt.Cache = nil
	fresh := filepath.Join(t.TempDir(), "site")
	cold, err := Dir(context.Background(), s.dir, fresh, opt)
	if err != nil {
		t.Fatalf("%s: cold build: %v\n%s", what, err, diagText(cold))
	}
	got, want := siteFiles(t, s.out), siteFiles(t, fresh)
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s missing from the build into the previous output", what, name)
		} else if !bytes.Equal(g, want[name]) {
			t.Errorf("%s: %s differs from the cold build's:\n%.300s\nwant\n%.300s", what, name, g, want[name])
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is in the build into the previous output only", what, name)
		}
	}
	changed := 0
	for name, b := range got {
		if old, ok := before[name]; !ok || !bytes.Equal(old, b) {
			changed++
		}
	}
	if res.Written != changed {
		t.Errorf("%s: %d files written, but %d changed", what, res.Written, changed)
	}
	if res.Files != cold.Files || diagText(res) != diagText(cold) {
		t.Errorf("%s: %d files and diagnostics\n%s\nwant %d and\n%s", what, res.Files, diagText(res), cold.Files, diagText(cold))
	}
	again, err := Dir(context.Background(), s.dir, s.out, s.opt)
	if err != nil {
		t.Fatalf("%s: build again: %v", what, err)
	}
	if again.Written != 0 || again.Removed != 0 || again.Reused != again.Files {
		t.Errorf("%s: a build with nothing changed wrote %d files, removed %d, and kept %d of %d without making them", what, again.Written, again.Removed, again.Reused, again.Files)
	}
	// A cold build has no previous files to take from; one with nothing
	// changed keeps the open data and the booklets whole.
	if cold.taken != (taken{}) || again.taken != (taken{}) {
		t.Errorf("%s: taken from the previous files: %+v by the cold build, %+v by the build with nothing changed; want none", what, cold.taken, again.taken)
	}
	return res
}

// checkMem is check for a build into memory that starts from the
// previous one's (publish.Mem.Next), as samkat serve builds.
func (s *incremental) checkMem(what string) Result {
	t := s.t
	t.Helper()
	src := os.DirFS(s.dir)
	mem := s.mem.Next()
	res, err := Site(context.Background(), src, mem, s.opt)
	if err != nil {
		t.Fatalf("%s: build from the previous one: %v\n%s", what, err, diagText(res))
	}
	opt := s.opt
	opt.Cache = nil
	var fresh publish.Mem
	cold, err := Site(context.Background(), src, &fresh, opt)
	if err != nil {
		t.Fatalf("%s: cold build: %v\n%s", what, err, diagText(cold))
	}
	got, want := mem.Files(), fresh.Files()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s missing from the build from the previous one", what, name)
		} else if !bytes.Equal(g, want[name]) {
			t.Errorf("%s: %s differs from the cold build's:\n%.300s\nwant\n%.300s", what, name, g, want[name])
		}
	}
	if len(got) != len(want) || res.Files != cold.Files || diagText(res) != diagText(cold) {
		t.Errorf("%s: %d files (%d stored) and diagnostics\n%s\nwant %d (%d) and\n%s", what, res.Files, len(got), diagText(res), cold.Files, len(want), diagText(cold))
	}
	again := mem.Next()
	kept, err := Site(context.Background(), src, again, s.opt)
	if err != nil {
		t.Fatalf("%s: build again: %v", what, err)
	}
	if kept.Reused != kept.Files || len(again.Files()) != len(got) {
		t.Errorf("%s: a build with nothing changed kept %d of %d files", what, kept.Reused, kept.Files)
	}
	s.mem = again
	return res
}

// TestIncrementalEqualsCold is the guard of the build cache: after each of
// many changes, to the content, the layouts, static files, the options,
// the cache itself and the output, a build into the previous output gives
// exactly the bytes of a cold build into a new folder, and writes only
// the files whose bytes changed. It runs with the cache samkat build keeps
// in the output folder, and with one kept in memory as samkat serve does.
func TestIncrementalEqualsCold(t *testing.T) {
	for _, mode := range []string{"persistent", "memory", "page by page", "serve"} {
		t.Run(mode, func(t *testing.T) {
			s := &incremental{t: t, dir: filepath.Join(t.TempDir(), "catalogue"), out: filepath.Join(t.TempDir(), "site"), opt: benchOptions()}
			// Every page to render made alone (site.Page.Build), however
			// many they are.
			s.opt.everyPageAlone = mode == "page by page"
			if err := os.CopyFS(s.dir, os.DirFS("testdata/small")); err != nil {
				t.Fatal(err)
			}
			switch mode {
			case "memory":
				s.opt.Cache = NewCache()
			case "serve":
				s.opt.Cache = NewCache()
				s.mem = new(publish.Mem)
			}
			if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
				t.Fatalf("first build: %v\n%s", err, diagText(res))
			}
			for _, m := range incrementalChanges() {
				m.change(s)
				s.check(m.name)
				if t.Failed() {
					t.Fatalf("stopped after %q", m.name)
				}
			}
		})
	}
}

type change struct {
	name   string
	change func(s *incremental)
}

const lotsen = "content/verksamheter/lotsen.md"

func incrementalChanges() []change {
	return []change{
		{"nothing", func(s *incremental) {}},
		// The next change reads this file back from the cache: its
		// pointers to zero values with it.
		{"egenanmalan false, an age from 0", func(s *incremental) {
			s.edit("content/verksamheter/aktiv-vardag.md", "alder: {fran: 18}\n", "alder: {fran: 0}\negenanmalan: false\n")
		}},
		{"a body", func(s *incremental) { s.edit(lotsen, "## Bakgrund\n", "## Bakgrund\n\nEn ny rad.\n") }},
		{"namn", func(s *incremental) { s.edit(lotsen, "namn: Lotsen\n", "namn: Lotsen i Borås\n") }},
		{"kommuner", func(s *incremental) { s.edit(lotsen, "kommuner: [Borås, mark]", "kommuner: [Borås, Mark, Åmål]") }},
		{"funktion", func(s *incremental) {
			s.edit(lotsen, "funktion: aktiverande-funktion", "funktion: samordnande-insatser")
		}},
		{"huvudman", func(s *incremental) {
			s.edit(lotsen, "huvudman: Samordningsförbundet Testbygd", "huvudman: Borås stad")
		}},
		{"forbund", func(s *incremental) { s.edit(lotsen, "forbund: testforbundet\n", "") }},
		{"a draft published", func(s *incremental) { s.edit("content/verksamheter/hemlig.md", "utkast: true\n", "") }},
		{"an activity made a draft", func(s *incremental) {
			s.edit("content/verksamheter/koordinator.md", "---\n", "---\nutkast: true\n")
		}},
		{"slut today", func(s *incremental) { s.edit(lotsen, "start: 2020-01-01\n", "start: 2020-01-01\nslut: 2026-11-22\n") }},
		{"slut passed by Now", func(s *incremental) { s.opt.Now = catalog.Date{Year: 2026, Month: 11, Day: 23} }},
		{"an activity added", func(s *incremental) {
			s.write("content/verksamheter/nytt-team.md", "---\nnamn: Nytt team\nfunktion: specialresurser\nkommuner: [Mark]\nfinansiering: [finsam]\ngranskad: 2026-11-01\nkontakt:\n  - epost: nytt@example.se\n---\nEtt nytt team.\n")
		}},
		{"an activity removed", func(s *incremental) { s.remove("content/verksamheter/ny-insats.md") }},
		{"an activity renamed", func(s *incremental) {
			b, err := os.ReadFile(filepath.Join(s.dir, "content/verksamheter/dialogforare.md"))
			if err != nil {
				s.t.Fatal(err)
			}
			s.remove("content/verksamheter/dialogforare.md")
			s.write("content/verksamheter/samtalsledare.md", string(b))
		}},
		{"an alias", func(s *incremental) {
			s.edit(lotsen, "start: 2020-01-01\n", "start: 2020-01-01\naliases: [gamla-lotsen]\n")
		}},
		{"a link to an activity", func(s *incremental) {
			s.edit("content/om.md", "En katalog för tester.", "En katalog för tester. Se [Lotsen](verksamheter/lotsen.md).")
		}},
		{"the linked activity's namn", func(s *incremental) { s.edit(lotsen, "namn: Lotsen i Borås\n", "namn: Lotsen\n") }},
		{"a page changed", func(s *incremental) { s.edit("content/om.md", "En katalog", "En liten katalog") }},
		{"a page added", func(s *incremental) { s.write("content/kontakt.md", "---\ntitel: Kontakt\n---\nRing oss.\n") }},
		{"a page removed", func(s *incremental) { s.remove("content/kontakt.md") }},
		{"a förbund page changed", func(s *incremental) {
			s.edit("content/forbund/testforbundet.md", "Förbundet bildades 2006.", "Förbundet bildades 2007.")
		}},
		{"_index.md changed", func(s *incremental) {
			s.edit("content/_index.md", "titel: Samverkan i Testbygd", "titel: Samverkan i hela Testbygd")
		}},
		{"a layout of the catalogue's own", func(s *incremental) {
			s.write("layouts/activity.html", strings.Replace(s.builtIn("layouts/activity.html"), "{{", "<!-- egen -->{{", 1))
		}},
		{"the layout changed", func(s *incremental) {
			s.write("layouts/activity.html", strings.Replace(s.builtIn("layouts/activity.html"), "{{", "<!-- ändrad -->{{", 1))
		}},
		{"the layout removed", func(s *incremental) { s.remove("layouts/activity.html") }},
		{"a static file of the catalogue's own", func(s *incremental) { s.write("static/robots-extra.txt", "en fil\n") }},
		{"the stylesheet overridden", func(s *incremental) {
			s.write("static/samkat.css", s.builtIn("static/samkat.css")+"\n.egen{color:red}\n")
		}},
		{"the static file changed", func(s *incremental) { s.write("static/robots-extra.txt", "en annan fil\n") }},
		{"BaseURL", func(s *incremental) { s.opt.BaseURL = "https://preview.example.se/" }},
		{"BaseURL back", func(s *incremental) { s.opt.BaseURL = "" }},
		{"Drafts", func(s *incremental) { s.opt.Drafts = true }},
		{"Drafts off", func(s *incremental) { s.opt.Drafts = false }},
		{"Now", func(s *incremental) { s.opt.Now = catalog.Date{Year: 2027, Month: 3, Day: 2} }},
		{"Changed", func(s *incremental) {
			s.opt.Changed = map[string]time.Time{lotsen: time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)}
		}},
		{"Version", func(s *incremental) { s.opt.Version = "test-2" }},
		{"a body's words, the frontmatter as it was", func(s *incremental) {
			s.edit(lotsen, "En ny rad.\n", "En ny rad om xylofonträning.\n")
		}},
		{"the cache files truncated", func(s *incremental) {
			s.cacheFiles(func(name string, b []byte) []byte { return b[:len(b)/2] })
		}},
		{"the keys of the output garbage", func(s *incremental) {
			s.cacheFile(cacheFileName, func(name string, b []byte) []byte { return []byte("garbage\x00\xff") })
		}},
		{"the parsed files garbage", func(s *incremental) {
			s.parsedFiles(func(name string, b []byte) []byte { return append([]byte("garbage"), b...) })
		}},
		{"the parsed files damaged", func(s *incremental) {
			s.edit(lotsen, "namn: Lotsen\n", "namn: Lotsen (skadad)\n")
			s.parsedFiles(func(name string, b []byte) []byte {
				b = slices.Clone(b)
				b[len(b)/2] ^= 0x55
				return b
			})
		}},
		{"the parsed files damaged back", func(s *incremental) {
			s.edit(lotsen, "namn: Lotsen (skadad)\n", "namn: Lotsen\n")
		}},
		{"the analyses garbage", func(s *incremental) {
			s.edit(lotsen, "xylofonträning", "trumträning")
			s.searchFiles(func(name string, b []byte) []byte { return append([]byte("garbage"), b...) })
		}},
		{"the analyses damaged", func(s *incremental) {
			s.edit(lotsen, "trumträning", "xylofonträning")
			s.searchFiles(func(name string, b []byte) []byte {
				b = slices.Clone(b)
				b[len(b)/2] ^= 0x55
				return b
			})
		}},
		{"the cache files of another samkat", func(s *incremental) {
			s.edit(lotsen, "namn: Lotsen\n", "namn: Lotsen 2\n")
			for _, name := range append([]string{cacheFileName}, parsedFileNames()...) {
				s.cacheFile(name, func(name string, b []byte) []byte { return foreignCache(s.t, name, b, s.opt.Version) })
			}
			s.foreignSearch()
		}},
		{"the cache files emptied", func(s *incremental) { s.cacheFiles(func(string, []byte) []byte { return nil }) }},
		{"the cache files removed", func(s *incremental) {
			if s.opt.Cache == nil {
				for _, name := range append(append([]string{cacheFileName}, parsedFileNames()...), searchFileNames()...) {
					s.outFile(".samkat/"+name, os.Remove)
				}
			}
		}},
		{"a kept page edited by hand", func(s *incremental) {
			s.outFile("om/index.html", func(p string) error { return os.WriteFile(p, []byte("ändrad för hand"), 0o644) })
		}},
		{"a kept page deleted by hand", func(s *incremental) { s.outFile("verksamheter/lotsen/index.html", os.Remove) }},
		{"a kept page touched", func(s *incremental) {
			later := time.Now().Add(time.Hour)
			s.outFile("index.html", func(p string) error { return os.Chtimes(p, later, later) })
		}},
		{"a derived file edited by hand", func(s *incremental) {
			s.outFile("data/verksamheter.json", func(p string) error { return os.WriteFile(p, []byte("[]"), 0o644) })
		}},
		{"a static file deleted by hand", func(s *incremental) { s.outFile("robots-extra.txt", os.Remove) }},
		{"the open data touched, and a body changed", func(s *incremental) {
			s.edit(lotsen, "## Bakgrund\n", "## Bakgrund\n\nÄnnu en rad.\n")
			later := time.Now().Add(time.Hour)
			for _, name := range []string{"data/verksamheter.json", "data/verksamheter.csv"} {
				s.outFile(name, func(p string) error { return os.Chtimes(p, later, later) })
			}
		}},
		{"the text of an activity without målgrupp, which the feed shows", func(s *incremental) {
			s.edit("content/verksamheter/koordinator.md", "Kartlägger samverkan", "Kartlägger och stöder samverkan")
		}},
		{"the booklet edited by hand, its size and time kept, and a body changed", func(s *incremental) {
			s.edit("content/verksamheter/samtalsledare.md", "Testbygd\n---\n", "Testbygd\n---\nEn rad till.\n")
			handEdited(s, "Dialogförare")
		}},
		{"a record of the open data changed by hand, its size and time kept", func(s *incremental) {
			s.edit(lotsen, "Ännu en rad.", "Ännu en rad, ändrad.")
			for _, name := range []string{"data/verksamheter.json", "data/verksamheter.csv"} {
				s.outFile(name, func(p string) error { return sameSizeAndTime(p, "Aktiv vardag", "Aktiv Vardag") })
			}
		}},
	}
}

// sameSizeAndTime replaces old with new (of its length) in the file p,
// leaving its modification time as it was: a change only the bytes show.
func sameSizeAndTime(p, old, new string) error {
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if len(old) != len(new) || !bytes.Contains(b, []byte(old)) {
		return fmt.Errorf("%s: no %q to change", p, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		return err
	}
	return os.Chtimes(p, info.ModTime(), info.ModTime())
}

// cacheFile changes a cache file of the output folder by hand. With the
// cache in memory there is none: nothing to change.
func (s *incremental) cacheFile(name string, change func(name string, b []byte) []byte) {
	s.t.Helper()
	if s.opt.Cache != nil || s.mem != nil {
		return
	}
	p := filepath.Join(s.out, ".samkat", name)
	b, err := os.ReadFile(p)
	if err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, change(name, b), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *incremental) cacheFiles(change func(name string, b []byte) []byte) {
	s.t.Helper()
	s.cacheFile(cacheFileName, change)
	s.parsedFiles(change)
	s.searchFiles(change)
}

func parsedFileNames() []string {
	var names []string
	for sh := range parsedShards {
		names = append(names, parsedFileName(sh))
	}
	return names
}

// parsedFiles changes the cache-parsed files.
func (s *incremental) parsedFiles(change func(name string, b []byte) []byte) {
	s.t.Helper()
	for _, name := range parsedFileNames() {
		s.cacheFile(name, change)
	}
}

func searchFileNames() []string {
	var names []string
	for sh := range searchShards {
		names = append(names, searchFileName(sh))
	}
	return names
}

// searchFiles changes the cache-search files; a file of a shard that
// holds no analysis is left out, since a build need not write it.
func (s *incremental) searchFiles(change func(name string, b []byte) []byte) {
	s.t.Helper()
	if s.opt.Cache != nil || s.mem != nil {
		return
	}
	for _, name := range searchFileNames() {
		if _, err := os.Stat(filepath.Join(s.out, ".samkat", name)); err == nil {
			s.cacheFile(name, change)
		}
	}
}

// foreignSearch makes the cache-search files as another build of samkat
// would have written them, each analysis under the key of another
// activity's: trusted, they would show.
func (s *incremental) foreignSearch() {
	s.t.Helper()
	if s.opt.Cache != nil || s.mem != nil {
		return
	}
	known := map[site.Key]*search.Analysis{}
	for _, name := range searchFileNames() {
		b, err := os.ReadFile(filepath.Join(s.out, ".samkat", name))
		if err != nil {
			continue
		}
		entries, err := openCache(b, buildStamp(s.opt.Version))
		if err != nil {
			s.t.Fatalf("%s: %v", name, err)
		}
		if _, err := decodeAnalyses(known, entries); err != nil {
			s.t.Fatalf("%s: %v", name, err)
		}
	}
	keys := slices.SortedFunc(maps.Keys(known), func(a, b site.Key) int { return bytes.Compare(a[:], b[:]) })
	var shards [searchShards]map[site.Key]*search.Analysis
	for i, k := range keys {
		sh := searchShard(k)
		if shards[sh] == nil {
			shards[sh] = map[site.Key]*search.Analysis{}
		}
		shards[sh][k] = known[keys[(i+1)%len(keys)]]
	}
	for sh, m := range shards {
		p := filepath.Join(s.out, ".samkat", searchFileName(sh))
		if err := os.WriteFile(p, sealCache("another samkat", encodeAnalyses(m)), 0o644); err != nil {
			s.t.Fatal(err)
		}
	}
}

// foreignCache returns the cache file name with bytes b as another build
// of samkat would have written it, every parsed file made wrong: trusted,
// it would show.
func foreignCache(t *testing.T, name string, b []byte, version string) []byte {
	t.Helper()
	entries, err := openCache(b, buildStamp(version))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if strings.HasPrefix(name, "cache-parsed-") {
		parsed, err := decodeParsed(entries)
		if err != nil {
			t.Fatal(err)
		}
		for k, p := range parsed {
			if p.Activity != nil {
				p.Activity.Namn = "FÖRGIFTAD"
			}
			if p.Index != nil {
				p.Index.Titel = "FÖRGIFTAD"
			}
			parsed[k] = p
		}
		if entries, err = encodeParsed(parsed); err != nil {
			t.Fatal(err)
		}
	}
	return sealCache("another samkat", entries)
}

// TestIncrementalRepositoryCatalogue is TestIncrementalEqualsCold on the
// repository's own catalogue, whose files use what the small one does not
// (a false egenanmalan, which the cache file once read back as none): each
// of three activities' names changed in turn, the cache kept in the
// output folder.
func TestIncrementalRepositoryCatalogue(t *testing.T) {
	s := &incremental{t: t, dir: filepath.Join(t.TempDir(), "catalogue"), out: filepath.Join(t.TempDir(), "site"), opt: benchOptions()}
	for _, sub := range []string{"content", "layouts", "static"} {
		if err := os.CopyFS(filepath.Join(s.dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	names, err := fs.Glob(os.DirFS(s.dir), "content/verksamheter/*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no activities: %v", err)
	}
	names = names[:min(3, len(names))] // each edit builds three times
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(s.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		line, _, _ := strings.Cut(string(b[strings.Index(string(b), "\nnamn:")+1:]), "\n")
		s.edit(name, line, line+" (ändrad)")
		s.check(name + ": namn changed")
		if t.Failed() {
			t.FailNow()
		}
	}
}

// TestIncrementalSplitBooklet is TestIncrementalEqualsCold on a catalogue
// just above site.BookletMaxActivities, whose booklet is one per
// municipality and förbund: changes to what the förbund's booklets show
// (a body printed in a municipality's and a förbund's booklet at two
// depths, the förbund's text and title, which activities name it, a
// förbund page added and removed), and the catalogue falling to the
// threshold and rising above it again.
func TestIncrementalSplitBooklet(t *testing.T) {
	src, from, to := bookletCatalogue(t, site.BookletMaxActivities+1)
	var other string // an activity that names no förbund, and no link leads to
	for _, name := range synth.Activities(src) {
		if !bytes.Contains(src[name].Data, []byte("forbund:")) && name != "content/verksamheter/"+to+".md" {
			other = name
			break
		}
	}
	removed := src[other].Data
	for _, mode := range []string{"persistent", "serve"} {
		t.Run(mode, func(t *testing.T) {
			s := newIncremental(t, src)
			if mode == "serve" {
				s.opt.Cache = NewCache()
				s.mem = new(publish.Mem)
			}
			if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
				t.Fatalf("first build: %v\n%s", err, diagText(res))
			}
			for _, m := range []change{
				{"nothing", func(s *incremental) {}},
				{"a body in both booklets", func(s *incremental) { s.edit(from, "Se även", "Läs även") }},
				{"the namn, which moves the entry", func(s *incremental) { s.edit(from, "\nnamn: ", "\nnamn: Å ") }},
				{"a municipality added", func(s *incremental) { s.edit(from, "kommuner: [", "kommuner: [Ale, ") }},
				{"the municipality changed", func(s *incremental) { s.edit(from, "kommuner: [Ale, ", "kommuner: [Borås, ") }},
				{"the function, which moves the entry to another section", func(s *incremental) {
					s.edit(from, "funktion: aktiverande-funktion", "funktion: specialresurser")
				}},
				{"the linked activity's namn", func(s *incremental) {
					s.edit("content/verksamheter/"+to+".md", "\nnamn: ", "\nnamn: Nya ")
				}},
				{"a function renamed in _index.md", func(s *incremental) {
					s.edit("content/_index.md", "namn: Aktiverande funktion", "namn: Aktiverande insatser")
				}},
				{"the text of _index.md", func(s *incremental) { s.edit("content/_index.md", "Uppgifterna granskas", "Allt granskas") }},
				{"an activity added", func(s *incremental) {
					s.write("content/verksamheter/nytt-team.md", "---\nnamn: Nytt team\nfunktion: specialresurser\nkommuner: [Borås]\nfinansiering: [finsam]\ngranskad: 2026-11-01\nkontakt:\n  - epost: nytt@example.se\n---\nEtt nytt team.\n")
				}},
				{"the activity removed", func(s *incremental) { s.remove("content/verksamheter/nytt-team.md") }},
				{"the entry's layout of the catalogue's own", func(s *incremental) {
					s.write("layouts/_partials/booklet-activity.html", strings.Replace(s.builtIn("layouts/_partials/booklet-activity.html"), "<h3 ", "<h3 data-egen ", 1))
				}},
				{"the entry's layout removed", func(s *incremental) { s.remove("layouts/_partials/booklet-activity.html") }},
				{"a booklet edited by hand, its size and time kept, and a body changed", func(s *incremental) {
					s.edit(from, "Läs även", "Läs också")
					handEdited(s, "Läs även")
				}},
				{"a file touched", func(s *incremental) {
					later := time.Now().Add(time.Hour)
					if err := os.Chtimes(filepath.Join(s.dir, filepath.FromSlash(from)), later, later); err != nil {
						s.t.Fatal(err)
					}
				}},
				{"a body changed in the second of the previous build, its size kept", func(s *incremental) {
					racilyChanged(s, from, "Läs också", "Läs därtill"[:len("Läs också")])
				}},
				{"the förbund's text", func(s *incremental) { s.edit("content/forbund/sjuharad.md", "står bakom", "finansierar") }},
				{"the förbund's title", func(s *incremental) {
					s.edit("content/forbund/sjuharad.md", "titel: Samordningsförbundet Sjuhärad", "titel: Sjuhärads förbund")
				}},
				{"an activity leaves the förbund", func(s *incremental) { s.edit(from, "forbund: sjuharad\n", "") }},
				{"an activity joins the other förbund", func(s *incremental) { s.edit(from, "---\n", "---\nforbund: tomt\n") }},
				{"a förbund page added", func(s *incremental) {
					s.write("content/forbund/nytt.md", "---\ntitel: Nytt förbund\n---\nSe [nästa](../verksamheter/"+to+".md).\n")
				}},
				{"a förbund page removed", func(s *incremental) { s.remove("content/forbund/nytt.md") }},
				{"down to the threshold", func(s *incremental) { s.remove(other) }},
				{"above it again", func(s *incremental) { s.write(other, string(removed)) }},
			} {
				m.change(s)
				s.check(m.name)
				if t.Failed() {
					t.Fatalf("stopped after %q", m.name)
				}
			}
		})
	}
}

// handEdited changes, in each booklet of the output that holds text, a
// letter of its last entry, keeping its size and modification time: a
// change only the bytes show.
func handEdited(s *incremental, text string) {
	s.t.Helper()
	if s.mem != nil {
		return
	}
	booklets := bookletFiles(s.t, s.out, text)
	if len(booklets) == 0 {
		s.t.Fatalf("no booklet holds %q", text)
	}
	for name, b := range booklets {
		p := filepath.Join(s.out, filepath.FromSlash(name))
		info, err := os.Stat(p)
		if err != nil {
			s.t.Fatal(err)
		}
		i := bytes.LastIndex(b, []byte("data-activity"))
		j := bytes.IndexAny(b[i+200:], "aeiou")
		if i < 0 || j < 0 {
			s.t.Fatalf("%s: no entry to change", name)
		}
		b = bytes.Clone(b)
		b[i+200+j] = 'y'
		if err := os.WriteFile(p, b, 0o644); err != nil {
			s.t.Fatal(err)
		}
		if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
			s.t.Fatal(err)
		}
	}
}

// racilyChanged replaces old with new, of its length, in the catalogue
// file name, and gives it the modification time of the previous build's
// cache file: a change made in the second the build ended, which only
// the bytes show.
func racilyChanged(s *incremental, name, old, new string) {
	s.t.Helper()
	s.edit(name, old, new)
	info, err := os.Stat(filepath.Join(s.out, ".samkat", cacheFileName))
	if err != nil {
		if s.mem != nil || s.opt.Cache != nil {
			return
		}
		s.t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(s.dir, filepath.FromSlash(name)), info.ModTime(), info.ModTime()); err != nil {
		s.t.Fatal(err)
	}
}

// TestOpenDataFromPreviousFiles: after one activity changed, samkat build
// takes every other record of the open data from the previous build's
// files, and the files are those of a cold build.
func TestOpenDataFromPreviousFiles(t *testing.T) {
	s := &incremental{t: t, dir: filepath.Join(t.TempDir(), "catalogue"), out: filepath.Join(t.TempDir(), "site"), opt: benchOptions()}
	if err := os.CopyFS(s.dir, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	res, err := Dir(context.Background(), s.dir, s.out, s.opt)
	if err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	searchFiles := func() map[string]os.FileInfo {
		infos := map[string]os.FileInfo{}
		for _, name := range searchFileNames() {
			if info, err := os.Stat(filepath.Join(s.out, ".samkat", name)); err == nil {
				infos[name] = info
			}
		}
		return infos
	}
	wereSearch := searchFiles()
	s.edit(lotsen, "## Bakgrund\n", "## Bakgrund\n\nEn ny rad.\n")
	rebuilt := s.check("a body changed")
	// The analysis of the activity changed (its words are new to the
	// catalogue, so what the compounds' tails add to every other changed
	// too): the file of its old key and that of its new one are written,
	// no other.
	rewritten := 0
	for name, info := range searchFiles() {
		if was, ok := wereSearch[name]; !ok || !os.SameFile(was, info) {
			rewritten++
		}
	}
	if rewritten > 2 {
		t.Errorf("%d cache-search files written again after one change, want 2 at most", rewritten)
	}
	// Into the previous output, every record but the changed one's is
	// taken, in both files (s.check finds none taken by the cold build
	// and by the build with nothing changed, which keeps the open data
	// whole).
	want := int64(2 * (res.Activities - 1))
	if got := rebuilt.taken.records; got != want {
		t.Errorf("%d records taken from the previous files, want %d", got, want)
	}
	// And from the files of that build, whose records were taken: the
	// spans it kept for them (their CRCs, not made again) are right.
	s.edit(lotsen, "En ny rad.\n", "En ny rad, och en till.\n")
	if got := s.check("the body changed again").taken.records; got != want {
		t.Errorf("%d records taken from the files of a build that took them, want %d", got, want)
	}
}

// TestOldParsedFileRemoved: the one cache-parsed file an earlier samkat
// kept is removed by the first build that finds none of the 32 (an empty
// one too: earlier versions of this samkat emptied it), and a fresh output
// gets none.
func TestOldParsedFileRemoved(t *testing.T) {
	dir, out := filepath.Join(t.TempDir(), "catalogue"), filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(out, ".samkat", oldParsedFileName)
	if res, err := Dir(context.Background(), dir, out, benchOptions()); err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("a fresh output has %s: %v", oldParsedFileName, err)
	}
	for _, data := range []string{"the parsed files as JSON", ""} {
		if err := os.WriteFile(old, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, name := range parsedFileNames() {
			if err := os.Remove(filepath.Join(out, ".samkat", name)); err != nil {
				t.Fatal(err)
			}
		}
		if res, err := Dir(context.Background(), dir, out, benchOptions()); err != nil {
			t.Fatalf("%v\n%s", err, diagText(res))
		}
		if _, err := os.Stat(old); !os.IsNotExist(err) {
			t.Errorf("%s of %d bytes, after a build: %v", oldParsedFileName, len(data), err)
		}
	}
}

// TestKeepPagesInRuns: the pages of a rebuild are kept in runs of keepRun
// on all cores. With more pages than two runs hold, and pages all through
// the list changed by hand in the output (same size, other bytes), exactly
// those are written again, with a cold build's bytes, and every other page
// is kept.
func TestKeepPagesInRuns(t *testing.T) {
	src := synth.Catalogue(3 * keepRun)
	dir := filepath.Join(t.TempDir(), "catalogue")
	if err := os.CopyFS(dir, src); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	opt := benchOptions()
	if res, err := Dir(context.Background(), dir, out, opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	pages, err := filepath.Glob(filepath.Join(out, "verksamheter", "*", "index.html"))
	if err != nil || len(pages) < 2*keepRun {
		t.Fatalf("%d activity pages, want %d or more: %v", len(pages), 2*keepRun, err)
	}
	damaged := 0
	for i, p := range pages {
		if i%37 != 0 && i != len(pages)-1 {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b[len(b)-1] ^= 0x20
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		damaged++
	}
	res, err := Dir(context.Background(), dir, out, opt)
	if err != nil {
		t.Fatalf("rebuild: %v\n%s", err, diagText(res))
	}
	if res.Written != damaged || res.Reused != res.Files-damaged {
		t.Errorf("rebuild wrote %d files and kept %d of %d; want %d written, the others kept", res.Written, res.Reused, res.Files, damaged)
	}
	fresh := filepath.Join(t.TempDir(), "site")
	opt.Cache = nil
	if res, err := Dir(context.Background(), dir, fresh, opt); err != nil {
		t.Fatalf("cold build: %v\n%s", err, diagText(res))
	}
	got, want := siteFiles(t, out), siteFiles(t, fresh)
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s differs from the cold build's", name)
		}
	}
}
