package search

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// keptDocs is a catalogue for TestKeptEqualsFull: compounds and their
// parts, words with å, ä and ö, numbers and names, spread over n
// documents so that a small term file size gives many files.
func keptDocs(n int) []Doc {
	words := []string{"arbetsträning", "hälsostöd", "samordning", "vårdcentral", "ungdomsteatern",
		"försäkringskassan", "rehabilitering", "sysselsättning", "coachning", "hälsocoacher",
		"psykisk", "ohälsa", "motivation", "arbetsförmåga", "studier", "praktik", "öppenvård"}
	docs := make([]Doc, n)
	for i := range docs {
		var body []string
		for j := range 6 {
			body = append(body, words[(i*7+j*3)%len(words)])
		}
		body = append(body, fmt.Sprintf("telefon 0%d-%d", 300+i%40, 1000+i))
		docs[i] = textDoc(fmt.Sprintf("Insats %03d %s", i, words[i%len(words)]),
			fmt.Sprintf("Borås %s", []string{"Mark", "Ulricehamn", "Svenljunga"}[i%3]),
			strings.Join(body, " "))
		docs[i].Places = []string{"Borås"}
	}
	docs[5].Name = "Trumpetcirkeln"
	docs[5].Text[Name] = docs[5].Name
	docs[14].Name = "Atgard hemma"
	docs[14].Text[Name] = docs[14].Name
	return docs
}

// keptStep is one build of TestKeptEqualsFull: a change to the documents
// or the synonyms of the build before.
type keptStep struct {
	name   string
	change func(docs []Doc, syns []catalog.Synonym) ([]Doc, []catalog.Synonym)
}

func editBody(i int, f func(string) string) func([]Doc, []catalog.Synonym) ([]Doc, []catalog.Synonym) {
	return func(docs []Doc, syns []catalog.Synonym) ([]Doc, []catalog.Synonym) {
		docs = slices.Clone(docs)
		docs[i].Text[Body] = f(docs[i].Text[Body])
		return docs, syns
	}
}

// TestKeptEqualsFull builds an index after each of a series of changes
// from what the build before kept (BuildKept, FilesKeeping), and checks
// that its files, with those it keeps from the build before's, are the
// files a whole build makes, byte for byte; and that some are kept.
func TestKeptEqualsFull(t *testing.T) {
	const fileSize = 256
	steps := []keptStep{
		{"nothing", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) { return d, s }},
		{"a word added", editBody(40, func(b string) string { return b + " xylofon" })},
		{"a word new to the catalogue forms compounds' tails", editBody(41, func(b string) string { return b + " träning och stöd" })},
		{"the word gone again: the compounds broken", editBody(41, func(b string) string { return strings.TrimSuffix(b, " träning och stöd") })},
		{"a word new to the catalogue splits a name's compound", editBody(6, func(b string) string { return b + " trumpet" })},
		{"the name's compound whole again", editBody(6, func(b string) string { return strings.TrimSuffix(b, " trumpet") })},
		{"a word removed", editBody(40, func(b string) string { return strings.TrimSuffix(b, " xylofon") })},
		{"a word of a document removed", editBody(7, func(b string) string { return strings.Replace(b, "praktik", "", 1) })},
		{"a spelling with å, ä and ö", editBody(8, func(b string) string { return b + " vård, åtgärd och överlämning" })},
		{"a spelling alone, of a term the document has", editBody(14, func(b string) string { return b + " åtgärd" })},
		{"a weight: a body word made a name's", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			d = slices.Clone(d)
			d[9].Name = d[9].Name + " samordning"
			d[9].Text[Name] = d[9].Name
			return d, s
		}},
		{"a name that moves the document in name order", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			d = slices.Clone(d)
			d[10].Name, d[10].Text[Name] = "Aaa först", "Aaa först"
			return d, s
		}},
		{"a fact: a name of the facts", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			d = slices.Clone(d)
			d[11].Text[Facts] += " Hälsostöd AB"
			return d, s
		}},
		{"a number", editBody(12, func(b string) string { return b + " 0320-12345" })},
		{"a synonym", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			return d, append(slices.Clone(s), catalog.Synonym{Ord: "xyl", Betyder: "arbetsträning"})
		}},
		{"two documents changed", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			d = slices.Clone(d)
			d[3].Text[Body] += " ett nytt ord: trumpetare"
			d[90].Text[Body] = "nästan ingenting"
			return d, s
		}},
		{"a document added", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			return slices.Insert(slices.Clone(d), 50, textDoc("Ny insats", "Mark", "ny text om arbetsträning")), s
		}},
		{"a change after the document added", editBody(51, func(b string) string { return b + " kvällar" })},
		{"a document removed", func(d []Doc, s []catalog.Synonym) ([]Doc, []catalog.Synonym) {
			return slices.Delete(slices.Clone(d), 20, 21), s
		}},
		{"a change after the document removed", editBody(60, func(b string) string { return b + " helger" })},
	}
	ctx := context.Background()
	values, labels := map[string][]string{}, map[string]map[string]string{}
	docs, syns := keptDocs(120), []catalog.Synonym(nil)
	ix, analyses, err := BuildKept(ctx, docs, syns, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	SetTermFileSize(ix, fileSize)
	output, keep, kept, err := ix.FilesKeeping(values, labels)
	if err != nil || len(keep) > 0 {
		t.Fatalf("first build: %v, %d kept", err, len(keep))
	}
	if kb, _ := kept.MarshalBinary(); true {
		if kept, err = ReadKept(string(kb)); err != nil {
			t.Fatal(err)
		}
	}
	keptAll := 0
	for _, st := range steps {
		docs, syns = st.change(docs, syns)
		old := analyses
		ix, analyses, err = BuildKept(ctx, docs, syns, old, nil, kept, slices.Values(old))
		if err != nil {
			t.Fatal(err)
		}
		SetTermFileSize(ix, fileSize)
		files, keep, next, err := ix.FilesKeeping(values, labels)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		full := mustBuild(docs, syns)
		SetTermFileSize(full, fileSize)
		want, err := full.Files(values, labels)
		if err != nil {
			t.Fatal(err)
		}
		got := maps.Clone(files)
		for _, name := range keep {
			if _, made := files[name]; made {
				t.Errorf("%s: %s both made and kept", st.name, name)
			}
			got[name] = output[name]
		}
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if g, ok := got[name]; !ok {
				t.Errorf("%s: no %s", st.name, name)
			} else if !bytes.Equal(g, want[name]) {
				t.Errorf("%s: %s (kept: %v) is\n%.300s\nwant\n%.300s", st.name, name, slices.Contains(keep, name), g, want[name])
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("%s: %s is not a file of the whole build", st.name, name)
			}
		}
		if st.name == "a word added" && len(keep) == 0 {
			t.Errorf("%s: no file kept of %d", st.name, len(want))
		}
		keptAll += len(keep)
		b, _ := next.MarshalBinary()
		if kept, err = ReadKept(string(b)); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		output = got
	}
	t.Logf("%d files kept in %d builds", keptAll, len(steps))
}

// TestReadKeptRefuses checks that bytes cut short or changed are refused,
// never half read, and that a Kept reads back as it was written.
func TestReadKeptRefuses(t *testing.T) {
	ix, _, err := BuildKept(context.Background(), keptDocs(30), nil, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _, kept, err := ix.FilesKeeping(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := kept.MarshalBinary()
	back, err := ReadKept(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if b2, _ := back.MarshalBinary(); !bytes.Equal(b, b2) {
		t.Error("a Kept read back is not as written")
	}
	for n := range len(b) {
		if _, err := ReadKept(string(b[:n])); err == nil {
			t.Errorf("%d of %d bytes read as a Kept", n, len(b))
		}
	}
	other := slices.Clone(b)
	other[0]++
	if _, err := ReadKept(string(other)); err == nil {
		t.Error("a Kept of another version read")
	}
}

// TestSpellingsOf checks that a spelling's key is found among the
// spellings of its term's key: for every spelling of the catalogue of
// TestKeptEqualsFull, and a few more.
func TestSpellingsOf(t *testing.T) {
	var forms []string
	for _, d := range keptDocs(120) {
		for _, text := range d.Text {
			forms = append(forms, spelledTokens(Fold(text))...)
		}
	}
	forms = append(forms, "å", "öö", "äo", "xå", "åtgärd", "ö1", "o", "a")
	for _, f := range forms {
		key := ShardKey(unspell(f))
		if !slices.Contains(spellingsOf(key), ShardKey(f)) {
			t.Errorf("%q: its key %q is not among the spellings %q of %q", f, ShardKey(f), spellingsOf(key), key)
		}
	}
}
