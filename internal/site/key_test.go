package site

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/synth"
)

// keyedInput is the test catalogue with a key for every content file.
func keyedInput(cat *catalog.Catalogue) Input {
	in := Input{Cat: cat, Now: catalog.Date{Year: 2026, Month: 3, Day: 1}, Version: "test", FileKeys: map[string]Key{}}
	in.FileKeys[cat.Index.File] = sha256.Sum256([]byte(cat.Index.File))
	for _, x := range cat.Activities {
		in.FileKeys[x.File] = sha256.Sum256([]byte(x.File))
	}
	for _, p := range cat.Pages {
		in.FileKeys[p.File] = sha256.Sum256([]byte(p.File))
	}
	return in
}

func TestKeysWithoutFileKeysAreZero(t *testing.T) {
	for _, pg := range Paths(Input{Cat: testCatalogue()}) {
		if pg.Key != (Key{}) {
			t.Fatalf("%s: key %x without file keys", pg.Path, pg.Key)
		}
	}
}

// Paths and Assemble give the same keys, Page.Build of a page from Paths
// the view Assemble makes, and every page its own key: for the test
// catalogue, and for synthetic ones with one booklet and with one per
// municipality.
func TestPathsBuildAsAssemble(t *testing.T) {
	t.Run("test catalogue", func(t *testing.T) { testPathsBuildAsAssemble(t, keyedInput(testCatalogue())) })
	for _, n := range []int{40, 350} {
		t.Run(fmt.Sprintf("synthetic %d", n), func(t *testing.T) {
			testPathsBuildAsAssemble(t, keyInput(t, keyCatalogue(t, n), catalog.Date{Year: 2026, Month: 3, Day: 1}, true))
		})
	}
}

func testPathsBuildAsAssemble(t *testing.T, in Input) {
	paths, pages := Paths(in), Assemble(in)
	if len(paths) != len(pages) {
		t.Fatalf("%d paths, %d pages", len(paths), len(pages))
	}
	seen := map[Key]string{}
	for i := range pages {
		if paths[i].Key != pages[i].Key || paths[i].Key == (Key{}) {
			t.Errorf("%s: key %x from Paths, %x from Assemble", pages[i].Path, paths[i].Key, pages[i].Key)
		}
		if other, dup := seen[pages[i].Key]; dup {
			t.Errorf("%s and %s have the same key", other, pages[i].Path)
		}
		seen[pages[i].Key] = pages[i].Path
		if paths[i].View != nil {
			t.Errorf("%s: Paths made a view", paths[i].Path)
		}
		if got := paths[i].Build(); !reflect.DeepEqual(got, pages[i].View) {
			t.Errorf("%s: Build made another view than Assemble", pages[i].Path)
		}
	}
}

// With Input.KeysLater, Paths gives every page the zero Key and no Files,
// and MakeKey and MakeFiles those Paths gives without it, from any number
// of goroutines at once (run with -race); the rest of every page is the
// same, its view too.
func TestKeysLater(t *testing.T) {
	inputs := map[string]Input{"test catalogue": keyedInput(testCatalogue())}
	for _, n := range []int{40, 350} {
		inputs[fmt.Sprintf("synthetic %d", n)] = keyInput(t, keyCatalogue(t, n), catalog.Date{Year: 2026, Month: 3, Day: 1}, true)
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			want := Paths(in)
			in.KeysLater = true
			got := Paths(in)
			if len(got) != len(want) {
				t.Fatalf("%d pages later, %d at once", len(got), len(want))
			}
			keys := make([][2]Key, len(got))
			files := make([][2][]string, len(got))
			var wg sync.WaitGroup
			for w := range 2 {
				wg.Go(func() {
					for i := range got {
						pg := got[(len(got)-1-i)*w+i*(1-w)]
						keys[i][w], files[i][w] = pg.MakeKey(), pg.MakeFiles()
					}
				})
			}
			wg.Wait()
			withFiles := 0
			for i := range got {
				g, w := got[i], want[i]
				if g.Key != (Key{}) {
					t.Errorf("%s: key %x given at once", g.Path, g.Key)
				}
				if k := keys[i][0]; k != w.Key || k == (Key{}) {
					t.Errorf("%s: MakeKey %x, Paths %x", g.Path, k, w.Key)
				}
				if k := keys[len(got)-1-i][1]; k != w.Key {
					t.Errorf("%s: MakeKey %x on another goroutine, Paths %x", g.Path, k, w.Key)
				}
				if w.MakeKey() != w.Key {
					t.Errorf("%s: MakeKey of a page keyed at once %x, not its Key %x", g.Path, w.MakeKey(), w.Key)
				}
				if g.Files != nil {
					t.Errorf("%s: files %v given at once", g.Path, g.Files)
				}
				if f := files[i][0]; !slices.Equal(f, w.Files) {
					t.Errorf("%s: MakeFiles %v, Paths %v", g.Path, f, w.Files)
				}
				if f := files[len(got)-1-i][1]; !slices.Equal(f, w.Files) {
					t.Errorf("%s: MakeFiles %v on another goroutine, Paths %v", g.Path, f, w.Files)
				}
				if len(w.Files) > 0 {
					withFiles++
				}
				if !slices.Equal(w.MakeFiles(), w.Files) {
					t.Errorf("%s: MakeFiles of a page listed at once %v, not its Files %v", g.Path, w.MakeFiles(), w.Files)
				}
				if g.Path != w.Path || g.URL != w.URL || g.Template != w.Template || g.InSitemap != w.InSitemap || g.LastMod != w.LastMod {
					t.Errorf("%s: another page later: %+v, at once %+v", g.Path, g, w)
				}
				if !reflect.DeepEqual(g.Entries(), w.Entries()) {
					t.Errorf("%s: other entries later", g.Path)
				}
				if !reflect.DeepEqual(g.Build(), w.Build()) {
					t.Errorf("%s: another view later", g.Path)
				}
			}
			if withFiles < len(in.Cat.Activities) {
				t.Errorf("only %d pages read a body", withFiles)
			}
			for _, pg := range Assemble(in) {
				if pg.Key == (Key{}) {
					t.Fatalf("%s: Assemble gave no key with KeysLater", pg.Path)
				}
			}
		})
	}
}

// Page.Build may be called for any page, from several goroutines at once,
// in any order and any number of times, and gives the view Assemble makes
// every time (run with -race).
func TestBuildConcurrently(t *testing.T) {
	in := keyInput(t, keyCatalogue(t, 350), catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
	want := Assemble(in)
	paths := Paths(in)
	const workers = 4
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker its own order: from the end, from the start, and
			// strided, each page twice.
			for n := range 2 * len(paths) {
				i := n % len(paths)
				switch w % 3 {
				case 0:
					i = len(paths) - 1 - i
				case 1:
					i = (i * 7) % len(paths)
				}
				if got := paths[i].Build(); !reflect.DeepEqual(got, want[i].View) {
					errs <- paths[i].Path
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for p := range errs {
		t.Errorf("%s: Build made another view than Assemble", p)
	}
}

// A page's view reads the bodies of its Files and of no other file.
func TestFilesAreTheBodiesAViewReads(t *testing.T) {
	for _, n := range []int{40, 350} {
		full := keyInput(t, keyCatalogue(t, n), catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
		want := Assemble(full)
		in := full
		in.Bodies, in.Summaries, in.Booklet = map[string]template.HTML{}, map[string]string{}, map[string]markdown.Spliced{}
		in.ForbundBooklet = map[string]markdown.Spliced{}
		paths := Paths(in)
		withFiles := 0
		for i, pg := range paths {
			clear(in.Bodies)
			clear(in.Summaries)
			clear(in.Booklet)
			clear(in.ForbundBooklet)
			for _, f := range pg.Files {
				in.Bodies[f], in.Summaries[f], in.Booklet[f] = full.Bodies[f], full.Summaries[f], full.Booklet[f]
				if b, ok := full.ForbundBooklet[f]; ok {
					in.ForbundBooklet[f] = b
				}
			}
			if len(pg.Files) > 0 {
				withFiles++
			}
			if !slices.Equal(pg.Files, want[i].Files) {
				t.Errorf("%d: %s: Files %v from Paths, %v from Assemble", n, pg.Path, pg.Files, want[i].Files)
			}
			if got := pg.Build(); !reflect.DeepEqual(got, want[i].View) {
				t.Errorf("%d: %s: with the bodies of %v only, another view: %s", n, pg.Path, pg.Files, firstDifference(want[i].View, got))
			}
		}
		if withFiles < n {
			t.Errorf("%d: only %d pages read a body", n, withFiles)
		}
	}
}

// Every field of an activity's frontmatter is in the key of its entry
// (activityFields): a field added to catalog.Activity must be added there,
// or named here as one no entry shows.
func TestActivityFieldsAreAllKeyed(t *testing.T) {
	keyed := []string{"File", "Slug", "Namn", "Funktion", "Kommuner", "AllaKommuner", "Finansiering", "Kontakt",
		"Samverkansparter", "Huvudman", "Forbund", "Malgrupp", "Alder", "Start", "Slut", "Platser", "Remiss",
		"Egenanmalan", "Inriktning", "Webb", "Granskad", "Utkast", "Aliases"}
	notShown := []string{"Body", "Pos"} // the body is in the file's key; positions are for diagnostics
	typ := reflect.TypeFor[catalog.Activity]()
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		if !slices.Contains(keyed, name) && !slices.Contains(notShown, name) {
			t.Errorf("catalog.Activity.%s is not in activityFields", name)
		}
	}
	if typ.NumField() != len(keyed)+len(notShown) {
		t.Errorf("catalog.Activity has %d fields, the lists %d", typ.NumField(), len(keyed)+len(notShown))
	}
	// And each one changes the key.
	x := &catalog.Activity{}
	var b keyBuf
	activityFields(&b, x)
	base := b.sum()
	for _, name := range keyed {
		y := &catalog.Activity{}
		f := reflect.ValueOf(y).Elem().FieldByName(name)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int:
			f.SetInt(1)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Struct: // a Date
			f.Set(reflect.ValueOf(catalog.Date{Year: 2026, Month: 1, Day: 1}))
		}
		b.b = b.b[:0]
		activityFields(&b, y)
		if b.sum() == base {
			t.Errorf("%s set, the key is the same", name)
		}
	}
}

// Index fields, likewise: in the frame's key or in indexWhole.
func TestIndexFieldsAreAllKeyed(t *testing.T) {
	known := []string{"File", "Titel", "Undertitel", "Region", "BaseURL", "Sprak", "GranskasInom", "Kommuner",
		"Funktioner", "Finansiering", "Matris", "Synonymer", "Remiss", "Broken", "CMS", "Body", "Pos"}
	typ := reflect.TypeFor[catalog.Index]()
	for i := range typ.NumField() {
		if name := typ.Field(i).Name; !slices.Contains(known, name) {
			t.Errorf("catalog.Index.%s is in no key", name)
		}
	}
}

// A changed file changes the key of every page that shows it.
func TestKeyFollowsFile(t *testing.T) {
	in := keyedInput(testCatalogue())
	before := Paths(in)
	x := in.Cat.Activities[0]
	in.FileKeys[x.File] = sha256.Sum256([]byte("changed"))
	after := Paths(in)
	for i := range before {
		if before[i].URL == activityURL(x) && before[i].Key == after[i].Key {
			t.Errorf("%s: key unchanged after its file changed", before[i].Path)
		}
	}
}

// BenchmarkPaths measures Paths at 10,000 activities with the files' keys
// (what a build pays to decide which pages to render) and without them
// (what it pays to resolve the links of the bodies):
//
//	go test ./internal/site -run '^$' -bench Paths -benchmem
func BenchmarkPaths(b *testing.B) {
	in := keyInput(b, synth.Catalogue(10000), catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
	b.Run("keyed", func(b *testing.B) {
		for b.Loop() {
			Paths(in)
		}
	})
	in.KeysLater = true
	b.Run("keys-later", func(b *testing.B) {
		for b.Loop() {
			Paths(in)
		}
	})
	in.KeysLater = false
	in.FileKeys = nil
	b.Run("unkeyed", func(b *testing.B) {
		for b.Loop() {
			Paths(in)
		}
	})
}

// BenchmarkBuildOnePage measures Paths and then Page.Build of one
// activity's page, what the dev server pays to show a page after a
// rebuild, at 10,000 activities.
func BenchmarkBuildOnePage(b *testing.B) {
	in := keyInput(b, synth.Catalogue(10000), catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
	for b.Loop() {
		pages := Paths(in)
		pages[1].Build()
	}
}

// A booklet page's BookletEntryIDs give its frame's root and every entry
// its view prints, each once, without the view; other pages give none.
// A renderer counts with them how long to keep an entry rendered: an
// entry missing would be let go while a booklet still prints it.
func TestBookletEntryIDsCoverTheView(t *testing.T) {
	for _, n := range []int{40, 350} {
		in := keyInput(t, keyCatalogue(t, n), catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
		booklets := 0
		for _, pg := range Paths(in) {
			root, ids := pg.BookletEntryIDs()
			v, ok := pg.Build().(*BookletView)
			if !ok {
				if ids != nil {
					t.Errorf("n=%d %s: %d booklet entries for a page that is no booklet", n, pg.Path, len(ids))
				}
				continue
			}
			booklets++
			if root != v.Root {
				t.Errorf("n=%d %s: root %q, the frame's %q", n, pg.Path, root, v.Root)
			}
			set := map[string]bool{}
			for _, id := range ids {
				if set[id] {
					t.Errorf("n=%d %s: %s given twice", n, pg.Path, id)
				}
				set[id] = true
			}
			printed := 0
			for _, sec := range v.Sections {
				for _, a := range sec.Activities {
					printed++
					if !set[a.ID] {
						t.Errorf("n=%d %s: the view prints %s, not among its entries' IDs", n, pg.Path, a.ID)
					}
				}
			}
			if printed == 0 {
				t.Errorf("n=%d %s: the booklet prints no entry", n, pg.Path)
			}
		}
		if want := map[int]int{40: 1, 350: 3}[n]; booklets < want {
			t.Errorf("n=%d: %d booklets, want at least %d", n, booklets, want)
		}
	}
}
