package search_test

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/search"
	"github.com/samkat/samkat/internal/synth"
)

// filesOf returns the browser files of the index of docs, built from prev.
func filesOf(t *testing.T, docs []search.Doc, syns []catalog.Synonym, prev []*search.Analysis) (map[string][]byte, []*search.Analysis) {
	t.Helper()
	ix, analyses, err := search.BuildReusing(context.Background(), docs, syns, prev)
	if err != nil {
		t.Fatal(err)
	}
	if len(analyses) != len(docs) {
		t.Fatalf("%d analyses of %d documents", len(analyses), len(docs))
	}
	values := map[string][]string{}
	files, err := ix.Files(values, nil)
	if err != nil {
		t.Fatal(err)
	}
	return files, analyses
}

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("%s: files %v, want %v", what, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s: %s differs from a cold build's", what, name)
		}
	}
}

func synthDocs(t *testing.T, n int) ([]search.Doc, []catalog.Synonym) {
	now := catalog.Date{Year: 2026, Month: 11, Day: 22}
	cat, bodies := loadFS(t, synth.Generate(n, 1), now)
	return search.FromCatalogue(cat, now, func(a *catalog.Activity) string { return bodies[a.File] }), cat.Index.Synonymer
}

// TestBuildReusingIsBuild holds the index built from earlier analyses to
// the one Build makes, whatever the analyses given: those of the same
// documents, of documents since changed, moved, of other synonyms, or read
// back from their bytes.
func TestBuildReusingIsBuild(t *testing.T) {
	docs, syns := synthDocs(t, 120)
	_, prev := filesOf(t, docs, syns, nil)

	got, again := filesOf(t, docs, syns, prev)
	sameFiles(t, "same documents", got, coldFiles(t, docs, syns))
	for i := range again {
		if again[i] != prev[i] {
			t.Fatalf("analysis %d of an unchanged document made again", i)
		}
	}

	edited := slices.Clone(docs)
	edited[7].Text[search.Body] += " Nytt om xylofonträning och träning."
	edited[8].Text[search.Name] = "Ungdomsteatern"
	got, _ = filesOf(t, edited, syns, prev)
	sameFiles(t, "two edited", got, coldFiles(t, edited, syns))

	moved := append([]search.Doc{docs[len(docs)-1]}, docs[:len(docs)-1]...)
	got, _ = filesOf(t, moved, syns, prev)
	sameFiles(t, "moved by one", got, coldFiles(t, moved, syns))

	fewer := docs[:len(docs)/2]
	got, _ = filesOf(t, fewer, syns, prev)
	sameFiles(t, "half of them", got, coldFiles(t, fewer, syns))

	otherSyns := append(slices.Clone(syns), catalog.Synonym{Ord: "xyz", Betyder: "arbetsträning"})
	got, _ = filesOf(t, docs, otherSyns, prev)
	sameFiles(t, "other synonyms", got, coldFiles(t, docs, otherSyns))

	otherPlaces := slices.Clone(docs)
	otherPlaces[3].Facets = maps.Clone(docs[3].Facets)
	otherPlaces[3].Facets["kommun"] = append(slices.Clone(docs[3].Facets["kommun"]), "Marken")
	got, _ = filesOf(t, otherPlaces, syns, prev)
	sameFiles(t, "another municipality", got, coldFiles(t, otherPlaces, syns))

	read := make([]*search.Analysis, len(prev))
	for i, a := range prev {
		data, err := a.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		read[i] = new(search.Analysis)
		if err := read[i].UnmarshalBinary(data); err != nil {
			t.Fatalf("analysis %d: %v", i, err)
		}
		if again, _ := read[i].MarshalBinary(); !bytes.Equal(again, data) {
			t.Fatalf("analysis %d: its bytes read back are not its bytes", i)
		}
	}
	got, _ = filesOf(t, edited, syns, read)
	sameFiles(t, "read back", got, coldFiles(t, edited, syns))
}

// TestCompoundTailsFollowTheVocabulary checks that an analysis kept from
// an earlier build gives its compounds the tails the words of this build
// make: arbetsträning is found by "träning" once another activity has
// the word, though its own text did not change.
func TestCompoundTailsFollowTheVocabulary(t *testing.T) {
	doc := func(name, body string) search.Doc {
		d := search.Doc{Name: name, URL: name, Status: "pagaende", Facets: map[string][]string{}, AgeFrom: -1, AgeTo: -1}
		d.Text[search.Name], d.Text[search.Body] = name, body
		return d
	}
	before := []search.Doc{doc("Kraft", "Arbetsträning för vuxna."), doc("Steg", "Samtal i grupp.")}
	ix, prev, err := search.BuildReusing(context.Background(), before, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hits := ix.Search(search.Query{Text: "träning"}); len(hits) != 0 {
		t.Fatalf("before: träning finds %v", hits)
	}
	after := []search.Doc{before[0], doc("Steg", "Träning i grupp.")}
	ix, _, err = search.BuildReusing(context.Background(), after, nil, prev)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range ix.Search(search.Query{Text: "träning"}) {
		names = append(names, ix.Docs[h.Doc].Name)
	}
	if slices.Sort(names); !slices.Equal(names, []string{"Kraft", "Steg"}) {
		t.Errorf("after: träning finds %v, want Kraft and Steg", names)
	}
}

func TestUnmarshalAnalysisRefuses(t *testing.T) {
	docs, syns := synthDocs(t, 2)
	_, prev := filesOf(t, docs, syns, nil)
	data, _ := prev[0].MarshalBinary()
	other := append([]byte{data[0] + 1}, data[1:]...)
	for name, b := range map[string][]byte{
		"empty": nil, "cut short": data[:len(data)-1], "one byte more": append(slices.Clone(data), 0),
		"another version": other,
	} {
		var a search.Analysis
		if err := a.UnmarshalBinary(b); !errors.Is(err, search.ErrAnalysis) {
			t.Errorf("%s: err = %v, want ErrAnalysis", name, err)
		}
	}
}

// FuzzUnmarshalAnalysis feeds the decoder of kept analyses what a damaged
// cache could hold: it refuses, or takes what gives its bytes back and
// what a build can use without failing.
func FuzzUnmarshalAnalysis(f *testing.F) {
	docs := []search.Doc{{Name: "Kraft", Facets: map[string][]string{"kommun": {"Borås"}}, Places: []string{"Borås"}}}
	docs[0].Text[search.Name], docs[0].Text[search.Body] = "Kraft", "Arbetsträning för vuxna i Borås, med stöd."
	_, prev, err := search.BuildReusing(context.Background(), docs, nil, nil)
	if err != nil {
		f.Fatal(err)
	}
	data, _ := prev[0].MarshalBinary()
	f.Add(data)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var a search.Analysis
		if err := a.UnmarshalBinary(b); err != nil {
			return
		}
		if again, _ := a.MarshalBinary(); !bytes.Equal(again, b) {
			t.Fatalf("bytes %x read back as %x", b, again)
		}
		search.AnalysisEntries(&a)
		if _, _, err := search.BuildReusing(context.Background(), docs, nil, []*search.Analysis{&a}); err != nil {
			t.Fatal(err)
		}
	})
}

// TestBuildReusingSharesAnalyses builds twice at once from the same kept
// analyses, as serve may while a build is still writing: an analysis is
// only read (run with -race).
func TestBuildReusingSharesAnalyses(t *testing.T) {
	docs, syns := synthDocs(t, 30)
	_, prev := filesOf(t, docs, syns, nil)
	edited := slices.Clone(docs)
	edited[4].Text[search.Body] += " Träning för xylofonister."
	want, _ := filesOf(t, edited, syns, nil)
	var wg sync.WaitGroup
	got := make([]map[string][]byte, 2)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix, _, err := search.BuildReusing(context.Background(), edited, syns, prev)
			if err != nil {
				t.Error(err)
				return
			}
			got[i], err = ix.Files(map[string][]string{}, nil)
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for _, files := range got {
		sameFiles(t, "built at once", files, want)
	}
}

// TestBuildTrustingIsBuild holds the index built from trusted analyses,
// of documents given without their body's text, to the one Build makes
// of the whole documents; an analysis made in another context (other
// synonyms) is made again from the document, trusted or not.
func TestBuildTrustingIsBuild(t *testing.T) {
	docs, syns := synthDocs(t, 80)
	_, prev := filesOf(t, docs, syns, nil)
	trustingFiles := func(docs []search.Doc, syns []catalog.Synonym, trusted []bool) map[string][]byte {
		t.Helper()
		ix, analyses, err := search.BuildTrusting(context.Background(), docs, syns, prev, trusted)
		if err != nil {
			t.Fatal(err)
		}
		if len(analyses) != len(docs) {
			t.Fatalf("%d analyses of %d documents", len(analyses), len(docs))
		}
		files, err := ix.Files(map[string][]string{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	// All but two trusted, given without their text; the two untrusted
	// ones changed.
	bare := slices.Clone(docs)
	trusted := make([]bool, len(docs))
	for i := range bare {
		trusted[i] = i != 5 && i != 9
		if trusted[i] {
			bare[i].Text[search.Body] = ""
		}
	}
	bare[5].Text[search.Body] += " Nytt om xylofonträning."
	bare[9].Text[search.Name] = "Ungdomsteatern"
	whole := slices.Clone(docs)
	whole[5], whole[9] = bare[5], bare[9]
	sameFiles(t, "trusted", trustingFiles(bare, syns, trusted), coldFiles(t, whole, syns))
	sameFiles(t, "trust shorter than docs", trustingFiles(whole, syns, trusted[:3]), coldFiles(t, whole, syns))

	otherSyns := append(slices.Clone(syns), catalog.Synonym{Ord: "xyz", Betyder: "arbetsträning"})
	if u := search.Usable(bare, syns, append(slices.Clone(prev), nil)); slices.Contains(u[:len(prev)], false) || u[len(prev)] {
		t.Errorf("Usable in the same context: %v", u)
	}
	if u := search.Usable(bare, otherSyns, prev); slices.Contains(u, true) {
		t.Errorf("Usable with other synonyms: %v", u)
	}
	for i := range trusted {
		trusted[i] = true
	}
	sameFiles(t, "trusted, other synonyms", trustingFiles(whole, otherSyns, trusted), coldFiles(t, whole, otherSyns))
}

// coldFiles are the index files search.Build makes of docs, with nothing
// kept from before.
func coldFiles(t *testing.T, docs []search.Doc, syns []catalog.Synonym) map[string][]byte {
	t.Helper()
	ix, err := search.Build(context.Background(), docs, syns)
	if err != nil {
		t.Fatal(err)
	}
	files, err := ix.Files(map[string][]string{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return files
}
