package site

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"html"
	"html/template"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/check"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/synth"
)

// The oracle: a hash of everything a view holds, found by reflection, so
// that it knows nothing of how the view was made. Pointers are followed,
// maps are hashed in the order of their keys, and an interface by its
// dynamic type and value.

type oracle struct {
	h hash.Hash
	// strings memoises the hash of the interface texts, one map shared by
	// every page of a build.
	strings map[uintptr][]byte
}

func oracleKey(v View, memo map[uintptr][]byte) Key {
	o := &oracle{h: sha256.New(), strings: memo}
	o.value(reflect.ValueOf(v))
	var k Key
	o.h.Sum(k[:0])
	return k
}

func (o *oracle) str(s string) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(len(s)))
	o.h.Write(b[:])
	o.h.Write([]byte(s))
}

func (o *oracle) int(n int64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	o.h.Write(b[:])
}

func (o *oracle) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		o.str("<invalid>")
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			o.str("<nil>")
			return
		}
		if v.Kind() == reflect.Interface {
			o.str(v.Elem().Type().String())
		}
		o.value(v.Elem())
	case reflect.Struct:
		// Both builds' views have the same types: the fields in their
		// order say which is which.
		for i := range v.NumField() {
			o.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			o.str("<nil slice>")
			return
		}
		o.int(int64(v.Len()))
		for i := range v.Len() {
			o.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			o.str("<nil map>")
			return
		}
		if v.Type() == reflect.TypeFor[Strings]() && o.strings != nil {
			p := uintptr(v.UnsafePointer())
			sum, ok := o.strings[p]
			if !ok {
				inner := &oracle{h: sha256.New()}
				inner.mapValue(v)
				sum = inner.h.Sum(nil)
				o.strings[p] = sum
			}
			o.h.Write(sum)
			return
		}
		o.mapValue(v)
	case reflect.String:
		o.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			o.int(1)
		} else {
			o.int(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		o.int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		o.int(int64(v.Uint()))
	default:
		panic("oracle: cannot hash a " + v.Kind().String())
	}
}

func (o *oracle) mapValue(v reflect.Value) {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	o.int(int64(len(keys)))
	for _, k := range keys {
		o.value(k)
		o.value(v.MapIndex(k))
	}
}

// flatten lists the leaves of v by path, to name a field that differs.
func flatten(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			out[path] = "<nil>"
			return
		}
		flatten(v.Elem(), path, out)
	case reflect.Struct:
		for i := range v.NumField() {
			flatten(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	case reflect.Slice, reflect.Array:
		out[path+".len"] = fmt.Sprint(v.Len())
		for i := range v.Len() {
			flatten(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		out[path+".len"] = fmt.Sprint(v.Len())
		for _, k := range v.MapKeys() {
			flatten(v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), out)
		}
	default:
		out[path] = fmt.Sprint(v)
	}
}

// firstDifference names a field that differs between two views.
func firstDifference(a, b View) string {
	fa, fb := map[string]string{}, map[string]string{}
	flatten(reflect.ValueOf(a), "", fa)
	flatten(reflect.ValueOf(b), "", fb)
	paths := slices.Sorted(maps.Keys(fa))
	for p := range fb {
		if _, ok := fa[p]; !ok {
			paths = append(paths, p)
		}
	}
	for _, p := range paths {
		if fa[p] != fb[p] {
			return fmt.Sprintf("%s: %q → %q", p, fa[p], fb[p])
		}
	}
	return "(none found)"
}

// The catalogue the mutations start from: a synthetic one with two
// förbund pages that some activities name, a page that explains a
// function, a plain page, an alias and a draft.
func keyCatalogue(t testing.TB, n int) fstest.MapFS {
	fsys := synth.Generate(n, 7)
	fsys["content/forbund/sjuharad.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Samordningsförbundet Sjuhärad\nbeskrivning: Finansiell samordning.\nkommuner: [Mark, Borås]\n---\nFörbundet bildades 2006.\n")}
	fsys["content/forbund/alvsborg.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Samordningsförbundet Älvsborg\n---\nFörbundet i Älvsborg.\n")}
	fsys["content/funktioner/specialresurser.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Specialresurser\nbeskrivning: Stöd av specialister.\n---\nSpecialresurser är stöd som kräver särskild kunskap.\n")}
	fsys["content/om.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Om katalogen\nbeskrivning: Vad katalogen är.\n---\nKatalogen samlar verksamheterna.\n")}
	files := synth.Activities(fsys)
	for i, f := range files {
		switch {
		case i%7 == 0:
			setKey(t, fsys, f, "forbund", "sjuharad")
		case i%11 == 0:
			setKey(t, fsys, f, "forbund", "alvsborg")
		}
	}
	setKey(t, fsys, files[3], "aliases", "[tidigare-adress]")
	setKey(t, fsys, files[4], "utkast", "true")
	return fsys
}

// setKey sets the top-level frontmatter key of file to value ("" removes
// it): the line is replaced, or added after namn.
func setKey(t testing.TB, fsys fstest.MapFS, file, key, value string) {
	t.Helper()
	f, ok := fsys[file]
	if !ok {
		t.Fatalf("no %s", file)
	}
	text := string(f.Data)
	end := strings.Index(text[4:], "\n---\n") + 4
	front, body := text[:end+1], text[end+1:]
	line := ""
	if value != "" {
		line = key + ": " + value + "\n"
	}
	// A key's lines: its own and the indented ones under it.
	re := regexp.MustCompile(`(?m)^` + key + `:.*\n(?:[ -].*\n)*`)
	if re.MatchString(front) {
		front = re.ReplaceAllLiteralString(front, line)
	} else {
		front = strings.Replace(front, "---\n", "---\n"+line, 1)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(front + body)}
}

// keyInput loads fsys as the pipeline gives it to Assemble: checked,
// without drafts unless drafts; the bodies stand in for their HTML, and a
// file's key is the hash of its bytes.
func keyInput(t testing.TB, fsys fstest.MapFS, now catalog.Date, drafts bool) Input {
	t.Helper()
	cat, diags, err := load.Catalogue(context.Background(), fsys)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v\n%v", err, diags)
	}
	if d := check.Catalogue(cat, now); d.HasErrors() {
		t.Fatalf("check: %v", d)
	}
	if !drafts {
		cat.Activities = slices.DeleteFunc(cat.Activities, func(x *catalog.Activity) bool { return x.Utkast })
		cat.Pages = slices.DeleteFunc(cat.Pages, func(p *catalog.Page) bool { return p.Utkast })
	}
	in := Input{
		Cat: cat, Now: now, Version: "v1", Drafts: drafts,
		Bodies: map[string]template.HTML{}, Summaries: map[string]string{}, Booklet: map[string]markdown.Spliced{},
		ForbundBooklet: map[string]markdown.Spliced{},
		Data:           []DataFile{{Label: "JSON", Path: "data/verksamheter.json"}, {Label: "CSV", Path: "data/verksamheter.csv"}},
		Assets:         map[string]string{"samkat.css": "samkat.1.css", "favicon.svg": "favicon.1.svg", "samkat-sok.js": "samkat-sok.1.js"},
		FileKeys:       map[string]Key{},
	}
	body := func(file string, b []byte) {
		in.Bodies[file] = template.HTML("<p>" + html.EscapeString(string(b)) + "</p>")
		in.Summaries[file] = strings.TrimSpace(string(b))
		in.Booklet[file] = markdown.Whole(template.HTML("<div>" + html.EscapeString(string(b)) + "</div>"))
		in.ForbundBooklet[file] = markdown.Whole(template.HTML("<section>" + html.EscapeString(string(b)) + "</section>"))
		in.FileKeys[file] = sha256.Sum256(fsys[file].Data)
	}
	body(cat.Index.File, cat.Index.Body)
	for _, x := range cat.Activities {
		body(x.File, x.Body)
	}
	for _, p := range cat.Pages {
		body(p.File, p.Body)
	}
	return in
}

type keyMutation struct {
	name   string
	drafts bool                                  // base and mutation both with Drafts
	files  func(t *testing.T, fsys fstest.MapFS) // on a fresh copy of the catalogue
	input  func(t *testing.T, in *Input)         // on the mutation's input
	// base, when set, changes the input the mutation starts from (else
	// the catalogue on the day now).
	base func(t *testing.T, in *Input)
	// tight, when set, is the most keys that may change while their views
	// do not.
	tight int
	// only, when tight is set, says which pages may change.
	only func(path string) bool
}

func TestKeysFollowViews(t *testing.T) {
	for _, n := range []int{302, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) { testKeysFollowViews(t, n) })
	}
}

func testKeysFollowViews(t *testing.T, n int) {
	now := catalog.Date{Year: 2026, Month: 3, Day: 1}
	base := keyCatalogue(t, n)
	files := synth.Activities(base)
	a, b := files[10], files[11]
	slugOf := func(f string) string {
		return strings.TrimSuffix(strings.TrimPrefix(f, "content/verksamheter/"), ".md")
	}
	rename := func(t *testing.T, fsys fstest.MapFS, from, to string) {
		fsys[to] = fsys[from]
		delete(fsys, from)
	}
	edit := func(file, key, value string) func(*testing.T, fstest.MapFS) {
		return func(t *testing.T, fsys fstest.MapFS) { setKey(t, fsys, file, key, value) }
	}
	appendBody := func(file string) func(*testing.T, fstest.MapFS) {
		return func(t *testing.T, fsys fstest.MapFS) {
			fsys[file] = &fstest.MapFile{Data: append(slices.Clone(fsys[file].Data), "\nEtt nytt stycke.\n"...)}
		}
	}
	// The activity whose slut comes first after now, and its day.
	var ending string
	var slut catalog.Date
	{
		in := keyInput(t, base, now, false)
		for _, x := range in.Cat.Activities {
			if !x.Slut.IsZero() && now.Before(x.Slut) && (ending == "" || x.Slut.Before(slut)) {
				ending, slut = x.File, x.Slut
			}
		}
	}
	mutations := []keyMutation{
		{name: "nothing"},
		{name: "body", files: appendBody(a), only: func(p string) bool {
			return p == "verksamheter/"+slugOf(a)+"/index.html" || strings.HasPrefix(p, "utskrift/")
		}},
		// files[14] names the förbund sjuharad: its body is in the booklet
		// of that förbund too, and in no other page.
		{name: "body of a förbund's activity", files: appendBody(files[14]), only: func(p string) bool {
			return p == "verksamheter/"+slugOf(files[14])+"/index.html" || strings.HasPrefix(p, "utskrift/") || p == "forbund/sjuharad/utskrift/index.html"
		}},
		{name: "namn", files: edit(a, "namn", "Ett helt nytt namn")},
		{name: "kommuner", files: edit(a, "kommuner", "[Mark, Borås, Ale]")},
		{name: "funktion", files: edit(a, "funktion", "[specialresurser, kartlaggande-funktion]")},
		{name: "finansiering", files: edit(a, "finansiering", "[esf]")},
		{name: "huvudman", files: edit(a, "huvudman", "Ny huvudman AB")},
		{name: "huvudman spelling", files: edit(b, "huvudman", "SAMORDNINGSFÖRBUNDET ÄLVSBORG")},
		{name: "forbund", files: edit(a, "forbund", "sjuharad")},
		{name: "forbund removed", files: edit(files[0], "forbund", "")},
		{name: "kontakt", files: edit(a, "kontakt", "\n  - namn: Ny Person\n    telefon: 0320-12 34 56\n    epost: ny@example.se")},
		{name: "slut", files: func(t *testing.T, fsys fstest.MapFS) {
			setKey(t, fsys, a, "start", "2010-01-01")
			setKey(t, fsys, a, "slut", "2025-06-30")
		}},
		{name: "utkast", files: edit(a, "utkast", "true")},
		{name: "utkast with drafts", drafts: true, files: edit(a, "utkast", "true")},
		{name: "utkast undone with drafts", drafts: true, files: edit(files[4], "utkast", "")},
		{name: "activity added", files: func(t *testing.T, fsys fstest.MapFS) {
			fsys["content/verksamheter/helt-ny.md"] = fsys[a]
			setKey(t, fsys, "content/verksamheter/helt-ny.md", "namn", "Helt ny verksamhet")
		}},
		{name: "activity removed", files: func(t *testing.T, fsys fstest.MapFS) { delete(fsys, a) }},
		{name: "activity renamed", files: func(t *testing.T, fsys fstest.MapFS) { rename(t, fsys, a, "content/verksamheter/nytt-namn.md") }},
		{name: "alias", files: edit(a, "aliases", "[gammal-plats]")},
		{name: "booklet limit", files: func(t *testing.T, fsys fstest.MapFS) {
			for _, f := range files[len(files)-2:] {
				delete(fsys, f)
			}
		}},
		{name: "förbund page changed", files: func(t *testing.T, fsys fstest.MapFS) {
			f := "content/forbund/sjuharad.md"
			fsys[f] = &fstest.MapFile{Data: append(slices.Clone(fsys[f].Data), "Ny text.\n"...)}
		}, only: func(p string) bool {
			// Its text is on its page and in its booklet.
			return p == "forbund/sjuharad/index.html" || p == "forbund/sjuharad/utskrift/index.html"
		}},
		{name: "förbund page titel", files: edit("content/forbund/sjuharad.md", "titel", "Sjuhärads förbund")},
		{name: "förbund page added", files: func(t *testing.T, fsys fstest.MapFS) {
			fsys["content/forbund/annat.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Annat förbund\nkommuner: [Ale]\n---\nText.\n")}
		}},
		{name: "förbund page removed", files: func(t *testing.T, fsys fstest.MapFS) {
			delete(fsys, "content/forbund/sjuharad.md")
			for _, f := range files {
				if strings.Contains(string(fsys[f].Data), "forbund: sjuharad") {
					setKey(t, fsys, f, "forbund", "")
				}
			}
		}},
		{name: "funktion page changed", files: appendBody("content/funktioner/specialresurser.md")},
		{name: "funktion page added", files: func(t *testing.T, fsys fstest.MapFS) {
			fsys["content/funktioner/kartlaggande-funktion.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Kartläggning\n---\nText.\n")}
		}},
		{name: "funktion page removed", files: func(t *testing.T, fsys fstest.MapFS) { delete(fsys, "content/funktioner/specialresurser.md") }},
		{name: "plain page changed", files: appendBody("content/om.md")},
		{name: "plain page titel", files: edit("content/om.md", "titel", "Om oss")},
		{name: "plain page added", files: func(t *testing.T, fsys fstest.MapFS) {
			fsys["content/kontakt.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Kontakt\n---\nRing oss.\n")}
		}},
		{name: "plain page removed", files: func(t *testing.T, fsys fstest.MapFS) { delete(fsys, "content/om.md") }},
		{name: "statement removed", files: func(t *testing.T, fsys fstest.MapFS) { delete(fsys, "content/tillganglighet.md") }},
		{name: "index titel", files: edit("content/_index.md", "titel", "En annan titel")},
		{name: "index kommuner order", files: func(t *testing.T, fsys fstest.MapFS) {
			f := "content/_index.md"
			text := strings.Replace(string(fsys[f].Data), "  - Alingsås\n  - Ale\n", "  - Ale\n  - Alingsås\n", 1)
			fsys[f] = &fstest.MapFile{Data: []byte(text)}
		}},
		{name: "index body", files: appendBody("content/_index.md")},
		{name: "index undertitel", files: edit("content/_index.md", "undertitel", "en ny undertitel")},
		{name: "index sprak", files: edit("content/_index.md", "sprak", "en")},
		{name: "index baseurl", files: edit("content/_index.md", "baseurl", "https://annan.example.se/")},
		{name: "index granskas_inom", files: edit("content/_index.md", "granskas_inom", "30")},
		{name: "index matris", files: edit("content/_index.md", "matris", "\n  rader: finansiering\n  kolumner: kommuner")},
		{name: "index synonymer", files: edit("content/_index.md", "synonymer", "\n  AF: Arbetsförmedlingen\n  FK: Försäkringskassan")},
		{name: "index funktion namn", files: func(t *testing.T, fsys fstest.MapFS) {
			f := "content/_index.md"
			text := strings.Replace(string(fsys[f].Data), "namn: Specialresurser", "namn: Särskilda resurser", 1)
			fsys[f] = &fstest.MapFile{Data: []byte(text)}
		}},
		{name: "now past a slut", base: func(t *testing.T, in *Input) {
			if ending == "" {
				t.Skip("no activity ends after now")
			}
			in.Now = slut
		}, input: func(t *testing.T, in *Input) { in.Now = slut.AddDays(1) }},
		{name: "version", input: func(t *testing.T, in *Input) { in.Version = "v2" }},
		{name: "assets", input: func(t *testing.T, in *Input) { in.Assets["samkat.css"] = "samkat.2.css" }},
		{name: "data", input: func(t *testing.T, in *Input) { in.Data = in.Data[:1] }},
	}
	// The pages of an input by path, with the oracle's hash of each view.
	type build struct {
		pages map[string]Page
		hash  map[string]Key
	}
	assemble := func(in Input) build {
		b := build{pages: map[string]Page{}, hash: map[string]Key{}}
		memo := map[uintptr][]byte{}
		for _, pg := range Assemble(in) {
			b.pages[pg.Path] = pg
			b.hash[pg.Path] = oracleKey(pg.View, memo)
		}
		return b
	}
	// The builds of the unchanged catalogue, with and without drafts.
	bases := map[bool]build{}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			fsys := maps.Clone(base)
			if m.files != nil {
				m.files(t, fsys)
			}
			before, ok := bases[m.drafts]
			if m.base != nil || !ok {
				in := keyInput(t, base, now, m.drafts)
				if m.base != nil {
					m.base(t, &in)
				}
				before = assemble(in)
				if m.base == nil {
					bases[m.drafts] = before
				}
			}
			after := keyInput(t, fsys, now, m.drafts)
			if m.input != nil {
				m.input(t, &after)
			}
			old, oldHash := before.pages, before.hash
			memo := map[uintptr][]byte{}
			changed, over := 0, 0
			var overPaths []string
			for _, pg := range Assemble(after) {
				o, ok := old[pg.Path]
				if !ok {
					continue
				}
				viewChanged := oracleKey(pg.View, memo) != oldHash[pg.Path]
				keyChanged := pg.Key != o.Key
				switch {
				case viewChanged && !keyChanged:
					t.Errorf("%s: %s: the view changed but not the key: %s", m.name, pg.Path, firstDifference(o.View, pg.View))
				case keyChanged && !viewChanged:
					over++
					overPaths = append(overPaths, pg.Path)
				}
				if keyChanged {
					changed++
				}
				if keyChanged && m.only != nil && !m.only(pg.Path) {
					t.Errorf("%s: %s: its key changed", m.name, pg.Path)
				}
			}
			t.Logf("%s: %d keys changed, %d of them with the same view %v", m.name, changed, over, firstFew(overPaths))
			if m.only != nil && over > m.tight {
				t.Errorf("%s: %d keys changed with their views the same, want at most %d", m.name, over, m.tight)
			}
			if m.name == "nothing" && changed > 0 {
				t.Errorf("nothing changed, but %d keys did", changed)
			}
		})
	}
}

func firstFew(s []string) []string {
	if len(s) > 5 {
		return append(s[:5:5], "…")
	}
	return s
}
