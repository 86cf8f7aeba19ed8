package search

import (
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// slotDocs have the words whose terms differ from field to field: a word
// whose stem is a municipality's name in the facts and elsewhere (Marks,
// Borås), spellings with å, ä and ö, compounds, words said in several
// fields and again in the next document, and synonyms.
func slotDocs() []Doc {
	docs := []Doc{
		textDoc("Kraft i Mark", "Marks kommun, Arbetsförmedlingen, Borås stad", "Marks arbetsträning och hälsostöd i Mark. Träning, stöd och mer träning."),
		textDoc("Hälsostöd Borås", "Borås, Marks kommun", "Hälsostödet i Borås och Marks kommun: hälsocoacher, coacher, coach."),
		textDoc("Steget", "Försäkringskassan, Mark", "FK och AF. Arbetsträningen är för unga vuxna; vuxna, vuxen, ungdomar, Marks."),
		textDoc("Marks", "Marks", "Marks Marks Marks. Mark mark marken, markens."),
	}
	for i := range docs {
		docs[i].Places = []string{"Mark", "Borås"}
		docs[i].Facets["kommun"] = []string{"Mark", "Borås"}
	}
	return docs
}

// analysed returns the analyses of docs by one worker, in their order;
// with spoil, each known word's slots are another word's before each
// document (what addAt must notice and look up again).
func analysed(docs []Doc, spoil bool) []string {
	syns, places, within := contextOf(docs, []catalog.Synonym{{Ord: "FK", Betyder: "Försäkringskassan"}})
	w := newWorker()
	var out []string
	for i := range docs {
		if spoil {
			var words []*knownWord
			for _, k := range w.seen {
				words = append(words, k)
			}
			for j, k := range words {
				o := words[(j+1)%len(words)]
				k.stemAt, k.ownAt, k.formAt, k.ownFormAt, k.spellingAt = o.ownAt, o.stemAt, o.ownFormAt, o.formAt, o.spellingAt
			}
		}
		a := w.analyse(&docs[i], syns, places, within, docSum(&docs[i]))
		out = append(out, a.data)
	}
	return out
}

// TestSlotsChecked: a document's terms are the same whichever slots its
// words hold: addAt takes a slot only for its own term.
func TestSlotsChecked(t *testing.T) {
	docs := slotDocs()
	want, got := analysed(docs, false), analysed(docs, true)
	for i := range docs {
		if got[i] != want[i] {
			t.Errorf("%s: with other words' slots\n%q\nwant\n%q", docs[i].Name, got[i], want[i])
		}
	}
}

// TestSlotsKept: each word the worker knows holds its terms' slots, so
// that adding them looks nothing up.
func TestSlotsKept(t *testing.T) {
	docs := slotDocs()
	syns, places, within := contextOf(docs, nil)
	w := newWorker()
	for i := range docs {
		w.analyse(&docs[i], syns, places, within, docSum(&docs[i]))
	}
	own := 0
	for sp, k := range w.seen {
		check := func(what string, sl *slot, s *weightSet, term string) {
			if term == "" {
				return
			}
			if sl == nil || sl != s.slots[term] {
				t.Errorf("%s: the slot of its %s %q is not the set's", sp, what, term)
			}
		}
		check("stem", k.stemAt, &w.best, k.stem)
		check("own stem", k.ownAt, &w.best, k.own)
		check("spelled stem", k.formAt, &w.spelledBest, k.form)
		check("own spelled stem", k.ownFormAt, &w.spelledBest, k.ownForm)
		if k.runes >= minCompound {
			check("spelling", k.spellingAt, &w.compounds, k.spelling)
		}
		if k.own != k.stem {
			own++
		}
	}
	if own == 0 {
		t.Error("no word whose stem is a place's name: the documents do not test that")
	}
}
