package search

import (
	"cmp"
	"context"
	"iter"
	"maps"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/parallel"
)

// Field says where in an activity a word stands; it sets the word's weight.
type Field int

// Fields, from least to most weighty.
const (
	Body   Field = iota // the description
	Facts               // municipalities, functions, financing, partners, organiser, contacts
	Target              // malgrupp
	Name                // namn
	numFields
)

// weight is the score a match in the field adds: a hit in the name
// outweighs one in the target group, which outweighs the body.
func (f Field) weight() int { return 1 << f }

// Doc is one activity as the search sees it.
type Doc struct {
	URL    string
	Name   string
	Target string
	Status string // pagaende, planerad or avslutad
	// AllKommuner marks an activity for every municipality, shown as
	// such rather than as the list of them all.
	AllKommuner bool
	// Facets holds the filterable values, by facet: "kommun", "funktion",
	// "finansiering", "remiss", "egenanmalan" ("ja"/"nej").
	Facets map[string][]string
	// AgeFrom and AgeTo bound the ages served; -1 is open.
	AgeFrom, AgeTo int
	// Text is what is searched, per field.
	Text [numFields]string
	// Places are the municipalities the activity is in. They weigh as
	// much as the target group, more than the other facts: for "borås",
	// an activity in Borås comes before one whose partner is "Borås Stad".
	Places []string
}

// posting is one document's best weight for a term.
type posting struct {
	doc    int32
	weight uint8
}

// spelling is one way a term is written with å, ä or ö ("vård" for the
// term vard), and the postings of the documents that write it so.
type spelling struct {
	form     string
	postings []posting
}

// Index is an inverted index over the docs: sorted terms and, for each,
// the documents that contain it with their best field weight.
type Index struct {
	Docs     []Doc
	terms    []string
	postings [][]posting
	// forms holds, for a term written with å, ä or ö in some document,
	// those spellings and the documents that write it so (with the field
	// of each); nil for the other terms. See spellingBonus.
	forms [][]spelling
	// rank is each document's place in Swedish alphabetical order of
	// names, which breaks ties between equal scores.
	rank []int
	// places holds the words of the municipalities' names (see stem).
	places map[string]struct{}
	// termFileSize is TermFileSize unless a test sets a smaller one, to
	// have prefix files from a small catalogue.
	termFileSize int
	// analyses, extra and extraForms are each document's analysis and
	// what the tails of its compounds add, from which gather takes the
	// postings; words is the vocabulary's checksum. Once every key's
	// postings are gathered (changed nil), the analyses are let go and
	// only their checksums (sums) kept: the files need no more of them.
	analyses          []*Analysis
	sums              []docSums
	extra, extraForms [][]termWeight
	words             uint64
	// from is the Kept of the build before, when the documents are the
	// same, and changed the keys whose postings may differ from that
	// build's: ix holds theirs alone. changed is nil when ix holds all.
	from    *Kept
	changed map[string]bool
}

// Build indexes docs. Synonyms apply both ways at index time: a document
// that says "Försäkringskassan" is found by "FK" and one that says "FK" by
// "Försäkringskassan". They are the catalogue's and the built-in national
// abbreviations (builtinSynonyms) that it does not declare itself. It fails only when ctx is cancelled.
func Build(ctx context.Context, docs []Doc, synonyms []catalog.Synonym) (*Index, error) {
	ix, _, err := BuildReusing(ctx, docs, synonyms, nil)
	return ix, err
}

// BuildReusing is Build with the analyses of an earlier build. prev[i],
// where there is one (prev may be shorter than docs, and hold nil), is
// one of the analyses an earlier BuildReusing returned, the one of the
// document that docs[i] is the new version of; it is used if it is still
// docs[i]'s (see Analysis), and made again if not. The index is the one
// Build makes, whatever prev holds. It returns the analysis of each
// document, for the next build.
func BuildReusing(ctx context.Context, docs []Doc, synonyms []catalog.Synonym, prev []*Analysis) (*Index, []*Analysis, error) {
	return BuildTrusting(ctx, docs, synonyms, prev, nil)
}

// contextOf returns what the whole catalogue gives every document's
// analysis: the synonyms, the words of the municipalities' names, and
// their checksum.
func contextOf(docs []Doc, synonyms []catalog.Synonym) ([]synonym, map[string]struct{}, uint64) {
	var syns []synonym
	for _, s := range withBuiltins(synonyms) {
		if o, b := Terms(s.Ord), Terms(s.Betyder); len(o) > 0 && len(b) > 0 {
			syns = append(syns, synonym{o, b, spelledTerms(s.Ord), spelledTerms(s.Betyder)})
		}
	}
	places := map[string]struct{}{}
	for _, d := range docs {
		for _, k := range d.Facets["kommun"] {
			for _, t := range Tokens(k) {
				places[t] = struct{}{}
			}
		}
	}
	return syns, places, contextSum(syns, places)
}

// Usable reports, for each of analyses (nil ones included), whether it
// is an analysis of this version made in the context of docs and
// synonyms: one BuildTrusting uses when trusted without reading its
// document's text. docs need not hold their text.
func Usable(docs []Doc, synonyms []catalog.Synonym, analyses []*Analysis) []bool {
	_, _, within := contextOf(docs, synonyms)
	ok := make([]bool, len(analyses))
	for i, a := range analyses {
		ok[i] = a.validIn(within)
	}
	return ok
}

// BuildTrusting is BuildReusing for a caller that knows, by a key of its
// own of all a document is made of, that prev[i] is the analysis of
// docs[i] as it is now: where trusted[i] is true (trusted may be shorter
// than docs), prev[i] is used without checking it against the document,
// so docs[i].Text[Body] need not be given (it may be ""). It is still
// checked to be an analysis of this version made in the same context
// (the synonyms and the municipalities' names), and made again if not:
// then docs[i] must be whole (Usable tells beforehand which are used). A
// wrong trust gives a wrong index.
func BuildTrusting(ctx context.Context, docs []Doc, synonyms []catalog.Synonym, prev []*Analysis, trusted []bool) (*Index, []*Analysis, error) {
	return BuildKept(ctx, docs, synonyms, prev, trusted, nil, nil)
}

// BuildKept is BuildTrusting for a build after the one whose index kept
// from (see Index.FilesKeeping; nil for none), into the output that build
// left. old yields analyses among which are those the documents had then
// (an analysis made again for a document whose text changed is found
// there by its checksums). The index holds the postings of the keys whose
// postings changed alone, unless from is of other documents (a document
// came, went or changed places), from does not hold what the tails of
// their compounds added, or old lacks the analysis of a document that
// changed: then it holds them all. Its files are FilesKeeping's.
func BuildKept(ctx context.Context, docs []Doc, synonyms []catalog.Synonym, prev []*Analysis, trusted []bool, from *Kept, old iter.Seq[*Analysis]) (*Index, []*Analysis, error) {
	return BuildKeptReading(ctx, docs, nil, synonyms, prev, trusted, from, old)
}

// BuildKeptReading is BuildKept for documents whose Text[Body] is read
// as each is analysed, not given in docs: body(i), when body is not nil,
// returns document i's (and is not called for a document whose trusted
// analysis is used). Only the texts being analysed are in memory at
// once. The index is the one BuildKept makes of the documents with their
// text; it fails if body does.
func BuildKeptReading(ctx context.Context, docs []Doc, body func(i int) (string, error), synonyms []catalog.Synonym, prev []*Analysis, trusted []bool, from *Kept, old iter.Seq[*Analysis]) (*Index, []*Analysis, error) {
	syns, places, within := contextOf(docs, synonyms)
	// Each document's analysis, on all cores: folding and stemming every
	// word of every description is most of the work.
	analyses := make([]*Analysis, len(docs))
	workers, err := parallel.ForWorkers(ctx, len(docs), newWorker, func(w *worker, i int) error {
		if i < len(prev) && i < len(trusted) && trusted[i] && prev[i].validIn(within) {
			analyses[i] = prev[i]
			w.addVocabulary(prev[i])
			return nil
		}
		d := &docs[i]
		if body != nil {
			text, err := body(i)
			if err != nil {
				return err
			}
			whole := *d
			whole.Text[Body] = text
			d = &whole
		}
		sum := docSum(d)
		if i < len(prev) && prev[i].valid(within, sum) {
			analyses[i] = prev[i]
			w.addVocabulary(prev[i])
			return nil
		}
		a := w.analyse(d, syns, places, within, sum)
		analyses[i] = &a
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	vocabulary := workers[0].vocabulary
	for _, w := range workers[1:] {
		maps.Copy(vocabulary.words, w.words)
		maps.Copy(vocabulary.names, w.names)
	}
	vocabulary.stems = map[string]struct{}{}
	for word := range vocabulary.words {
		vocabulary.stems[Stem(word)] = struct{}{}
	}
	// What the tails of each document's compounds add, which depends on
	// the words of all of them: kept with the analysis, for as long as the
	// words are the same.
	words := vocabulary.sum()
	sameDocs := from.ofDocs(docs)
	if sameDocs && from.words == words {
		// What the tails added in the build before, to documents whose
		// analysis is the same, is what they add again.
		for i, a := range analyses {
			kd := &from.docs[i]
			if within, sum := a.header(); within != kd.within || sum != kd.sum || (a.tails != nil && a.tails.words == words) {
				continue
			}
			c := *a
			c.tails = &tails{words: words, terms: kd.terms, forms: kd.forms}
			analyses[i] = &c
		}
	}
	extra := make([][]termWeight, len(docs))
	extraForms := make([][]termWeight, len(docs))
	_, err = parallel.ForWorkers(ctx, len(docs), newWorker, func(w *worker, i int) error {
		if t := analyses[i].tails; t != nil && t.words == words {
			extra[i], extraForms[i] = t.terms, t.forms
			return nil
		}
		// What the tails add comes after the document's own terms, and
		// may repeat them: the postings keep the best weight of each.
		terms, forms := w.extra[:0], w.extraForms[:0]
		add := func(sp string, t tail, weight uint8) {
			terms = append(terms, termWeight{t.stem, weight})
			if form := spelledStem(sp[len(firstRunes(sp, t.at)):], t.stem); form != "" {
				// A copy, as in postingLists.add: form is part of the
				// analysis's string.
				forms = append(forms, termWeight{strings.Clone(form), weight})
			}
		}
		for sp, weight := range analyses[i].entries(listCompounds) {
			word := unspell(sp)
			if _, isName := vocabulary.names[word]; isName {
				continue
			}
			for _, t := range w.tails(word, &vocabulary) {
				add(sp, t, tailWeight(weight))
			}
			// In an activity's name, every tail counts, at the weight of
			// the body: "teater" finds Ungdomsteatern though no text says
			// "teater" alone.
			if int(weight) == Name.weight() {
				for _, t := range w.anyTails(word, &vocabulary) {
					add(sp, t, uint8(Body.weight()))
				}
			}
		}
		if len(terms) > 0 {
			extra[i] = slices.Clone(terms)
		}
		if len(forms) > 0 {
			extraForms[i] = slices.Clone(forms)
		}
		w.extra, w.extraForms = terms[:0], forms[:0]
		// A new value: the one given may be in use elsewhere.
		a := *analyses[i]
		a.tails = &tails{words: words, terms: extra[i], forms: extraForms[i]}
		analyses[i] = &a
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	ix := &Index{Docs: docs, rank: make([]int, len(docs)), places: places,
		analyses: analyses, extra: extra, extraForms: extraForms, words: words}
	for r, d := range byName(docs) {
		ix.rank[d] = r
	}
	if sameDocs {
		ix.from = from
		ix.changed = changedKeys(from, analyses, extra, extraForms, old)
	}
	if err := ix.gather(ctx); err != nil {
		return nil, nil, err
	}
	ix.sums = make([]docSums, len(analyses))
	for i, a := range analyses {
		ix.sums[i].within, ix.sums[i].sum = a.header()
	}
	if ix.changed == nil {
		// All postings are gathered, and termFiles gathers again only
		// the changed keys': the analyses (some 60 MB at 10,000
		// activities) go with the caller's copy, not with ix, which
		// lives on until its files are made.
		ix.analyses = nil
	}
	return ix, analyses, nil
}

// docSums are the checksums an analysis was made of: the context's and
// the document's (Analysis.header).
type docSums struct{ within, sum uint64 }

// gather sets the postings and spellings of ix: those of the keys in
// ix.changed, or all of them when it is nil.
func (ix *Index) gather(ctx context.Context) error {
	analyses, extra, extraForms := ix.analyses, ix.extra, ix.extraForms
	in := func(string) bool { return true }
	inForm := in
	if ch := ix.changed; ch != nil {
		in = func(t string) bool { return ch[ShardKey(t)] }
		// A spelling's key is its term's, the key unspelled: found by
		// the key as spelled, without unspelling every spelling.
		spelled := map[string]bool{}
		for key := range ch {
			for _, sp := range spellingsOf(key) {
				spelled[sp] = true
			}
		}
		inForm = func(f string) bool { return spelled[ShardKey(f)] }
	}
	byTerm, err := gatherPostings(ctx, len(ix.Docs), func(by *postingLists, d int32) {
		for t, w := range analyses[d].entries(listTerms) {
			if in(t) {
				by.add(t, d, w)
			}
		}
		for _, tw := range extra[d] {
			if in(tw.term) {
				by.add(tw.term, d, tw.weight)
			}
		}
	})
	if err != nil {
		return err
	}
	ix.terms, ix.postings = byTerm.sorted()
	byForm, err := gatherPostings(ctx, len(ix.Docs), func(by *postingLists, d int32) {
		for f, w := range analyses[d].entries(listForms) {
			if inForm(f) {
				by.add(f, d, w)
			}
		}
		for _, tw := range extraForms[d] {
			if inForm(tw.term) {
				by.add(tw.term, d, tw.weight)
			}
		}
	})
	if err != nil {
		return err
	}
	ix.forms = nil
	if forms, postings := byForm.sorted(); len(forms) > 0 {
		ix.forms = make([][]spelling, len(ix.terms))
		for j, f := range forms {
			if i, ok := ix.term(unspell(f)); ok {
				ix.forms[i] = append(ix.forms[i], spelling{f, postings[j]})
			}
		}
	}
	return nil
}

// spellingsOf returns the ways key can be written with å, ä and ö (key
// itself among them): those whose unspell is key.
func spellingsOf(key string) []string {
	out := []string{""}
	for _, r := range key {
		var alts []string
		switch r {
		case 'a':
			alts = []string{"a", "å", "ä"}
		case 'o':
			alts = []string{"o", "ö"}
		default:
			alts = []string{string(r)}
		}
		var next []string
		for _, s := range out {
			for _, a := range alts {
				next = append(next, s+a)
			}
		}
		out = next
	}
	return out
}

// postingLists holds terms and the postings of each, sorted by document
// as the documents are added in order.
type postingLists struct {
	at    map[string]int32 // where in terms and lists each term is
	terms []string
	lists [][]posting
}

// add adds document d to the postings of term with weight, keeping the
// best weight of a term the document has more than once.
func (p *postingLists) add(term string, d int32, weight uint8) {
	i, ok := p.at[term]
	if !ok {
		// A copy: term is part of an analysis's string, which the
		// index would otherwise keep whole (see BuildKeptReading).
		term = strings.Clone(term)
		i = int32(len(p.terms))
		p.at[term] = i
		p.terms = append(p.terms, term)
		p.lists = append(p.lists, nil)
	}
	ps := p.lists[i]
	if n := len(ps); n > 0 && ps[n-1].doc == d {
		ps[n-1].weight = max(ps[n-1].weight, weight)
		return
	}
	p.lists[i] = append(ps, posting{d, weight})
}

// sorted returns the terms of p in order, and the postings of each.
func (p *postingLists) sorted() ([]string, [][]posting) {
	order := make([]int32, len(p.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(p.terms[a], p.terms[b]) })
	terms := make([]string, len(order))
	lists := make([][]posting, len(order))
	for i, j := range order {
		terms[i], lists[i] = p.terms[j], p.lists[j]
	}
	return terms, lists
}

// gatherPostings returns the postings that add adds for documents 0 to
// n-1, each term's sorted by document. It adds those of a range of
// documents on each core, and joins the ranges' postings in their order.
func gatherPostings(ctx context.Context, n int, add func(by *postingLists, d int32)) (*postingLists, error) {
	parts := max(min(runtime.GOMAXPROCS(0), n/256), 1)
	by := make([]*postingLists, parts)
	err := parallel.For(ctx, parts, func(p int) error {
		m := &postingLists{at: map[string]int32{}}
		for d := p * n / parts; d < (p+1)*n/parts; d++ {
			add(m, int32(d))
		}
		by[p] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	all := by[0]
	for _, m := range by[1:] {
		for j, t := range m.terms {
			i, ok := all.at[t]
			if !ok {
				i = int32(len(all.terms))
				all.at[t] = i
				all.terms = append(all.terms, t)
				all.lists = append(all.lists, nil)
			}
			all.lists[i] = append(all.lists[i], m.lists[j]...)
		}
	}
	return all, nil
}

// analyse returns the analysis of d.
func (w *worker) analyse(d *Doc, syns []synonym, places map[string]struct{}, within, sum uint64) Analysis {
	docTerms(d, syns, places, w)
	e := &w.enc
	e.start(within, sum)
	e.weightedList(w.best.list)
	e.weightedList(w.spelledBest.list)
	e.weightedList(w.compounds.list)
	e.strings(w.docWords)
	e.strings(w.docNames)
	return e.done()
}

// sum is a checksum of the words and the names of v, in no order: what
// the tails of a compound depend on (stems are made of words).
func (v *vocabulary) sum() uint64 {
	var sum uint64
	add := func(kind byte, s string) {
		// FNV-1a, 64 bits.
		h := (uint64(14695981039346656037) ^ uint64(kind)) * 1099511628211
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
		sum += h
	}
	for w := range v.words {
		add('w', w)
	}
	for n := range v.names {
		add('n', n)
	}
	return sum
}

// addVocabulary adds the words of a to w's vocabulary.
func (w *worker) addVocabulary(a *Analysis) {
	for word := range a.entries(listWords) {
		w.words[word] = struct{}{}
	}
	for name := range a.entries(listNames) {
		w.names[name] = struct{}{}
	}
}

// termWeight is a term of a document, and the weight of the weightiest
// field it is in. A document's terms are held as a slice of them between
// the passes of Build, not as a map: at 10,000 activities the maps were
// some 190 MB, the most memory the index takes.
type termWeight struct {
	term   string
	weight uint8
}

// weightSet holds terms, each with the best weight it is added with, in
// the order they first come. A map of terms to weights would do, but
// reading a document's terms out of the map of a worker, which keeps the
// room the largest document took, costs more than adding them.
//
// A worker's set is emptied for every document, and a document adds the
// same words' stems as many documents before it: each term has a slot,
// kept from one document to the next, that says where in list it is in
// the document of this generation. What a word adds, the worker keeps
// with the word (knownWord), slots too, so a word's stem is added without
// a look-up.
type weightSet struct {
	slots map[string]*slot
	gen   int // the document's generation; a slot of another is not in list
	list  []termWeight
}

// slot is where the term is in its weightSet's list, in generation gen.
type slot struct {
	term    string
	gen, at int
}

// slotted is a term and its slot in the weightSet it is added to (nil:
// looked up).
type slotted struct {
	term string
	at   *slot
}

func newWeightSet() weightSet { return weightSet{slots: map[string]*slot{}, gen: 1} }

func (s *weightSet) empty() {
	s.gen++
	s.list = s.list[:0]
}

// slotOf returns the slot of t, made the first time.
func (s *weightSet) slotOf(t string) *slot {
	sl := s.slots[t]
	if sl == nil {
		sl = &slot{term: t}
		s.slots[t] = sl
	}
	return sl
}

func (s *weightSet) add(t string, w uint8) { s.addAt(s.slotOf(t), t, w) }

// addAt is add, with the slot of t: sl is looked up again unless it is
// t's (a term kept with its word is the slot's string, which compares at
// once).
func (s *weightSet) addAt(sl *slot, t string, w uint8) {
	if sl == nil || sl.term != t {
		sl = s.slotOf(t)
	}
	if sl.gen == s.gen {
		s.list[sl.at].weight = max(s.list[sl.at].weight, w)
		return
	}
	sl.gen, sl.at = s.gen, len(s.list)
	s.list = append(s.list, termWeight{t, w})
}

// weight returns t's weight, 0 if it is not in s.
func (s *weightSet) weight(t string) uint8 {
	if sl := s.slots[t]; sl != nil && sl.gen == s.gen {
		return s.list[sl.at].weight
	}
	return 0
}

// synonym holds the terms of each side, and their spellings with å, ä or ö
// (see spelledTerms).
type synonym struct{ ord, betyder, ordForms, betyderForms []string }

// spelledTerms returns, for each of Terms(s), its spelling with å, ä or ö
// as written in s, or "" if it has none.
func spelledTerms(s string) []string {
	var out []string
	for _, sp := range spelledTokens(s) {
		out = append(out, spelledStem(sp, Stem(unspell(sp))))
	}
	return out
}

// spelledStem returns the spelling of the stem st of the word written sp
// (with å, ä or ö kept): the first as many letters of sp, if st begins
// the word and they have an å, ä or ö; otherwise "".
func spelledStem(sp, st string) string {
	if !hasSpelling(sp) {
		return ""
	}
	if form := firstRunes(sp, utf8.RuneCountInString(st)); hasSpelling(form) && unspelledIs(form, st) {
		return form
	}
	return ""
}

// unspelledIs reports whether unspell(form) == st, without making the
// unspelled string: spelledStem asks it of nearly every word written with
// å, ä or ö.
func unspelledIs(form, st string) bool {
	j := 0
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c == 0xc3 && i+1 < len(form) {
			switch form[i+1] {
			case 0xa5, 0xa4: // å, ä
				c = 'a'
				i++
			case 0xb6: // ö
				c = 'o'
				i++
			}
		}
		if j >= len(st) || st[j] != c {
			return false
		}
		j++
	}
	return j == len(st)
}

// worker is what one core keeps while indexing: caches, and the words it
// has seen.
type worker struct {
	stems map[string]string
	vocabulary
	tailCache map[string][]tail
	// cut, stemBuf and forms are docTerms' buffers, reused from one
	// document to the next.
	cut            wordCutter
	stemBuf, forms []slotted
	// best, spelledBest and compounds are docTerms' sets, emptied for
	// each document.
	best, spelledBest, compounds weightSet
	// extra and extraForms are Build's buffers for the terms that
	// compounds' tails add to a document.
	extra, extraForms []termWeight
	// seen holds what the worker knows of each word it has read, by its
	// spelling with å, ä and ö (see known).
	seen map[string]*knownWord
	// recent holds, by recentSlot of its spelling, the last word known
	// looked up there: the common words of a text are found in it
	// without hashing the word again and looking it up in seen.
	recent *[recentSize]*knownWord
	// pass counts the fields docTerms has read, and doc the documents.
	pass, doc int
	// docWords and docNames are the words docTerms adds to the
	// vocabulary from the document it reads, each once.
	docWords, docNames []string
	enc                analysisEncoder
}

// knownWord is what docTerms works out once for each spelling of a word.
type knownWord struct {
	spelling string // the word as w.seen has it
	tok      string // the word without å, ä and ö (unspell)
	stem     string // the stem, in the facts
	// own is the stem elsewhere: the word itself when its stem is the
	// name of a municipality and it is not (see docTerms).
	own string
	// form and ownForm are the spellings of stem and own (spelledStem).
	form, ownForm string
	// stemAt, ownAt, formAt, ownFormAt and spellingAt are the slots of
	// stem and own in the worker's best, of form and ownForm (nil when
	// "") in its spelledBest, and of the spelling in its compounds (nil
	// when the word is too short to be one).
	stemAt, ownAt, formAt, ownFormAt, spellingAt *slot
	runes                                        int
	// word and name say whether the word is in the worker's vocabulary's
	// words and names.
	word, name bool
	pass       int // the last field read that has the word
	// wordDoc and nameDoc are the last documents whose docWords and
	// docNames have the word.
	wordDoc, nameDoc int
}

// known returns what w knows of the word spelled sp, working it out the
// first time it is seen. sp may be a piece of a buffer that changes after
// (docTerms' folded text): what is kept is a copy.
func (w *worker) known(sp string, places map[string]struct{}) *knownWord {
	r := &w.recent[recentSlot(sp)]
	if k := *r; k != nil && k.spelling == sp {
		return k
	}
	k, ok := w.seen[sp]
	if !ok {
		k = w.learn(sp, places)
	}
	*r = k
	return k
}

// recentSize is the number of a worker's recent words, a power of two:
// about the words common in every description, and small enough to stay
// in the processor's caches.
const recentSize = 1 << recentBits

const recentBits = 12

// recentSlot returns the slot of the word sp in a worker's recent words:
// a hash of its length and of up to its first and last 8 bytes, cheaper
// than the map's hash of the whole word. Words that share a slot only
// take turns in it.
func recentSlot(sp string) uint {
	var x uint64
	switch n := len(sp); {
	case n >= 8:
		x = load64(sp) ^ bits.RotateLeft64(load64(sp[n-8:]), 31)
	case n >= 4:
		x = uint64(load32(sp)) | uint64(load32(sp[n-4:]))<<32
	case n > 0:
		x = uint64(sp[0]) | uint64(sp[n/2])<<8 | uint64(sp[n-1])<<16
	}
	x ^= uint64(len(sp)) << 56
	return uint((x * 0x9e3779b97f4a7c15) >> (64 - recentBits))
}

// load64 and load32 read the first 8 and 4 bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// learn works out what known knows of the word spelled sp, the first
// time it is seen, and keeps it in w.seen.
func (w *worker) learn(sp string, places map[string]struct{}) *knownWord {
	sp = strings.Clone(sp)
	tok := unspell(sp)
	k := &knownWord{spelling: sp, tok: tok, stem: w.stem(tok), runes: utf8.RuneCountInString(tok)}
	k.own = k.stem
	if _, isPlace := places[k.stem]; isPlace && k.stem != tok {
		if _, tokIsPlace := places[tok]; !tokIsPlace {
			k.own = tok
		}
	}
	if sp != tok {
		k.form, k.ownForm = spelledStem(sp, k.stem), spelledStem(sp, k.own)
	}
	k.stemAt, k.ownAt = w.best.slotOf(k.stem), w.best.slotOf(k.own)
	if k.form != "" {
		k.formAt = w.spelledBest.slotOf(k.form)
	}
	if k.ownForm != "" {
		k.ownFormAt = w.spelledBest.slotOf(k.ownForm)
	}
	if k.runes >= minCompound {
		k.spellingAt = w.compounds.slotOf(k.spelling)
	}
	w.seen[sp] = k
	return k
}

// tail is the stem of a compound's tail and where, in runes, the tail
// begins.
type tail struct {
	stem string
	at   int
}

// vocabulary is what decides which words are compounds.
type vocabulary struct {
	// words holds the words of minTail runes or more: a compound's tail
	// is indexed only if it is a word of the catalogue.
	words map[string]struct{}
	// names holds the words of the facts (municipalities, partners,
	// organisers, contacts …), which are names, not compounds, wherever
	// they appear: Svenljunga is not about "unga".
	names map[string]struct{}
	// stems holds the stems of words.
	stems map[string]struct{}
}

func newWorker() *worker {
	return &worker{stems: map[string]string{}, tailCache: map[string][]tail{}, seen: map[string]*knownWord{},
		recent: new([recentSize]*knownWord),
		best:   newWeightSet(), spelledBest: newWeightSet(), compounds: newWeightSet(),
		vocabulary: vocabulary{words: map[string]struct{}{}, names: map[string]struct{}{}}}
}

func (w *worker) stem(tok string) string {
	st, ok := w.stems[tok]
	if !ok {
		st = Stem(tok)
		w.stems[tok] = st
	}
	return st
}

// Compound words. Swedish writes them as one word (arbetsträning,
// hälsostöd), and people search for the part that matters to them
// ("träning", "stöd"). So a word is also indexed under the stems of its
// tails that are words of the catalogue on their own: arbetsträning under
// träning's stem if some text says "träning". The beginning of a compound
// is found as a prefix anyway. A tail has minTail runes or more and
// leaves a head of minHead, so that short endings that happen to be words
// do not count. Names are not split (see vocabulary).
const (
	minHead     = 3
	minTail     = 4
	minCompound = minHead + minTail
)

// tailWeight is what a compound's tail weighs in a field of weight w: as
// much as a whole word one field lower (but never less than the body), so
// that "Stöd i vardagen" comes before "Hälsostöd" for "stöd".
func tailWeight(w uint8) uint8 {
	for f := Body + 1; f < numFields; f++ {
		if int(w) == f.weight() {
			return uint8((f - 1).weight())
		}
	}
	return w
}

// tails returns the stems of word's tails that are words of v, or
// inflections of them: hälsocoacher has the tail coacher, whose stem is
// that of coach. An inflection counts only if its stem has minTail runes,
// since short stems meet by chance (koordinator's tail nator has the stem
// of nät).
func (w *worker) tails(word string, v *vocabulary) []tail {
	if t, ok := w.tailCache[word]; ok {
		return t
	}
	var out []tail
	runes := []rune(word)
	for i := minHead; len(runes)-i >= minTail; i++ {
		rest := string(runes[i:])
		st := w.stem(rest)
		_, isWord := v.words[rest]
		_, isStem := v.stems[st]
		if (isWord || (isStem && utf8.RuneCountInString(st) >= minTail)) && !hasTail(out, st) {
			out = append(out, tail{st, i})
		}
	}
	w.tailCache[word] = out
	return out
}

// anyTails returns the stems of word's tails of minSplitTail runes or more
// (shorter ones, such as curateamet's "amet", begin too many words by
// chance), words of the catalogue or not, where a compound can be joined:
// after a head of minHead that is a word of v, or ends in the joining s
// (ungdoms|teatern, arbets|center).
func (w *worker) anyTails(word string, v *vocabulary) []tail {
	var out []tail
	runes := []rune(word)
	for i := minHead; len(runes)-i >= minSplitTail; i++ {
		head := string(runes[:i])
		if _, isWord := v.words[head]; !isWord && runes[i-1] != 's' {
			continue
		}
		if st := w.stem(string(runes[i:])); utf8.RuneCountInString(st) >= minTail && !hasTail(out, st) {
			out = append(out, tail{st, i})
		}
	}
	return out
}

func hasTail(tails []tail, st string) bool {
	return slices.ContainsFunc(tails, func(t tail) bool { return t.stem == st })
}

// docTerms works out the terms of d with the weight of the weightiest
// field each is in (into w.best), their spellings with å, ä or ö
// (w.spelledBest), and the words long enough to be compounds, with theirs
// (w.compounds). It adds d's words to w's vocabulary, and lists them in
// w.docWords and w.docNames. A word outside the facts whose stem is
// the name of a municipality (places), but which is not one itself, is
// indexed as it is: "marken" does not make an activity one in Mark.
func docTerms(d *Doc, syns []synonym, places map[string]struct{}, w *worker) {
	// The worker's maps, emptied: they keep the room the largest document
	// took, and growing a map of hundreds of terms rehashes it often.
	best, spelled, compounds := &w.best, &w.spelledBest, &w.compounds
	best.empty()
	spelled.empty()
	compounds.empty()
	w.doc++
	w.docWords, w.docNames = w.docWords[:0], w.docNames[:0]
	add := func(t string, w uint8) {
		best.add(t, w)
	}
	addForm := func(form string, w uint8) {
		if form != "" {
			spelled.add(form, w)
		}
	}
	stems, forms := w.stemBuf[:0], w.forms[:0]
	for f := Field(0); f < numFields; f++ {
		weight := uint8(f.weight())
		stems, forms = stems[:0], forms[:0]
		// The words as spelled: those without å, ä and ö are theirs
		// unspelled, which known works out once for each word.
		// Each is cut, folded, as it is looked up: a piece of the text or
		// of the cutter's buffer, only until known keeps a copy.
		w.cut.reset(d.Text[f])
		w.pass++
		for sp, ok := w.cut.next(); ok; sp, ok = w.cut.next() {
			k := w.known(sp, places)
			tok := k.tok
			if k.pass == w.pass {
				// What a word adds does not depend on how often the
				// field has it, and a description says most of its
				// words more than once.
				continue
			}
			k.pass = w.pass
			st, form := slotted{k.stem, k.stemAt}, slotted{k.form, k.formAt}
			if f != Facts {
				st, form = slotted{k.own, k.ownAt}, slotted{k.ownForm, k.ownFormAt}
			}
			stems = append(stems, st)
			if sp != tok { // written with å, ä or ö
				forms = append(forms, form)
			}
			switch {
			case f == Facts:
				if !k.name {
					w.names[tok], k.name = struct{}{}, true
				}
				if k.nameDoc != w.doc {
					w.docNames, k.nameDoc = append(w.docNames, tok), w.doc
				}
			case k.runes >= minTail:
				if !k.word {
					w.words[tok], k.word = struct{}{}, true
				}
				if k.wordDoc != w.doc {
					w.docWords, k.wordDoc = append(w.docWords, tok), w.doc
				}
			}
			if k.runes >= minCompound && f != Facts {
				// The spelling as the worker first saw it: sp is a piece
				// of this field's folded text, which the key would keep.
				compounds.addAt(k.spellingAt, k.spelling, weight)
			}
		}
		// Words written together with a hyphen, run together, in names and
		// facts (and a name's number, Fas 3): a name is found however it
		// is typed (krafthuset, kraft huset, kraft-huset).
		if f == Name || f == Facts {
			for _, j := range Joined(d.Text[f], f == Name) {
				st := w.stem(j)
				stems = append(stems, slotted{st, best.slotOf(st)})
			}
		}
		if f == Facts {
			for _, p := range d.Places {
				toks, sps := tokenPairs(p)
				for i, tok := range toks {
					sp := sps[i]
					w.names[tok] = struct{}{}
					if k := w.known(sp, places); k.nameDoc != w.doc {
						w.docNames, k.nameDoc = append(w.docNames, tok), w.doc
					}
					st := w.stem(tok)
					add(st, uint8(Target.weight()))
					addForm(spelledStem(sp, st), uint8(Target.weight()))
				}
			}
		}
		for _, t := range stems {
			best.addAt(t.at, t.term, weight)
		}
		for _, form := range forms {
			if form.term != "" {
				spelled.addAt(form.at, form.term, weight)
			}
		}
		// Fields come in rising weight, so a term is in this field if its
		// best weight is this field's (before the synonyms add any).
		inField := func(terms []string) bool {
			for _, t := range terms {
				if best.weight(t) != weight {
					return false
				}
			}
			return true
		}
		var also, alsoForms []string
		for _, s := range syns {
			if inField(s.betyder) {
				also = append(also, s.ord...)
				alsoForms = append(alsoForms, s.ordForms...)
			}
			if inField(s.ord) {
				also = append(also, s.betyder...)
				alsoForms = append(alsoForms, s.betyderForms...)
			}
		}
		for _, t := range also {
			add(t, weight)
		}
		for _, form := range alsoForms {
			addForm(form, weight)
		}
	}
	w.stemBuf, w.forms = stems[:0], forms[:0]
}

// prefixRange returns the index range of terms starting with p.
func (ix *Index) prefixRange(p string) (int, int) {
	lo := sort.SearchStrings(ix.terms, p)
	hi := lo
	for hi < len(ix.terms) && strings.HasPrefix(ix.terms[hi], p) {
		hi++
	}
	return lo, hi
}

// byName returns the document numbers in Swedish alphabetical order of
// their names (and in their order where names are the same).
func byName(docs []Doc) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := catalog.Compare(docs[a].Name, docs[b].Name); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return order
}
