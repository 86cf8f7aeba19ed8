package search

import (
	"cmp"
	"encoding/binary"
	"errors"
	"iter"
	"slices"
)

// Kept is what a build of the index keeps for the next one, so that after
// a change to a few documents only the term files whose postings changed
// are made again (see BuildKept and Index.FilesKeeping): for each
// document, in order, its URL, which analysis it had (its checksums) and
// what the tails of its compounds added, with the checksum of the
// vocabulary they come from; and each key of the term files with its size.
//
// The postings themselves are not kept: those of a key that changed are
// gathered again from every document's analysis, so a wrong Kept can only
// make a term file be made again, or kept when it should not be if the
// documents' checksums lie (the same trust as BuildReusing's).
type Kept struct {
	fileSize int
	words    uint64 // the vocabulary's checksum the tails are of
	docs     []keptDoc
	keys     []keyPart // in order; size and key only
}

// keptDoc is one document as Kept remembers it.
type keptDoc struct {
	url          string
	within, sum  uint64
	terms, forms []termWeight // what its compounds' tails added
}

// keptVersion is the first byte of an encoded Kept. It changes whenever
// the encoding, or what the term files are made of, changes.
const keptVersion = 1

// ErrKept is the error ReadKept returns for bytes that are not a Kept of
// this version of samkat.
var ErrKept = errors.New("search: not a kept index of this version")

// MarshalBinary returns k as bytes, for ReadKept.
func (k *Kept) MarshalBinary() ([]byte, error) {
	b := []byte{keptVersion, FormatVersion, analysisVersion}
	b = binary.AppendUvarint(b, uint64(k.fileSize))
	b = binary.LittleEndian.AppendUint64(b, k.words)
	b = binary.AppendUvarint(b, uint64(len(k.docs)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	weights := func(tws []termWeight) {
		b = binary.AppendUvarint(b, uint64(len(tws)))
		for _, tw := range tws {
			str(tw.term)
			b = append(b, tw.weight)
		}
	}
	for _, d := range k.docs {
		str(d.url)
		b = binary.LittleEndian.AppendUint64(b, d.within)
		b = binary.LittleEndian.AppendUint64(b, d.sum)
		weights(d.terms)
		weights(d.forms)
	}
	b = binary.AppendUvarint(b, uint64(len(k.keys)))
	for _, p := range k.keys {
		str(p.key)
		b = binary.AppendUvarint(b, uint64(p.size))
	}
	return b, nil
}

// ReadKept returns the Kept that MarshalBinary gave as data; the Kept
// keeps s. Bytes cut short, overwritten or of another version are
// refused with ErrKept, never half read.
func ReadKept(s string) (*Kept, error) {
	r := keptReader{s: s}
	if len(s) < 3 || s[0] != keptVersion || s[1] != FormatVersion || s[2] != analysisVersion {
		return nil, ErrKept
	}
	r.off = 3
	k := &Kept{fileSize: int(r.uvarint())}
	k.words = r.u64()
	n := r.count()
	k.docs = make([]keptDoc, 0, n)
	for range n {
		d := keptDoc{url: r.str(), within: r.u64(), sum: r.u64()}
		d.terms, d.forms = r.weights(), r.weights()
		k.docs = append(k.docs, d)
	}
	n = r.count()
	k.keys = make([]keyPart, 0, n)
	for range n {
		k.keys = append(k.keys, keyPart{key: r.str(), size: int(r.uvarint())})
	}
	if r.bad || r.off != len(s) || k.fileSize <= 0 {
		return nil, ErrKept
	}
	for i := 1; i < len(k.keys); i++ {
		if k.keys[i-1].key >= k.keys[i].key {
			return nil, ErrKept
		}
	}
	return k, nil
}

// keptReader reads what MarshalBinary wrote; bad is set, and zero values
// are returned, once the bytes do not hold what is asked.
type keptReader struct {
	s   string
	off int
	bad bool
}

func (r *keptReader) uvarint() uint64 {
	x, w := checkedUvarint(r.s, r.off)
	if w <= 0 || r.bad {
		r.bad = true
		return 0
	}
	r.off += w
	return x
}

// count reads a count of entries, each of which takes a byte or more.
func (r *keptReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.off) {
		r.bad = true
		return 0
	}
	return int(n)
}

func (r *keptReader) u64() uint64 {
	if r.bad || len(r.s)-r.off < 8 {
		r.bad = true
		return 0
	}
	x := le64(r.s[r.off : r.off+8])
	r.off += 8
	return x
}

func (r *keptReader) str() string {
	n := r.count()
	if r.bad {
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *keptReader) weights() []termWeight {
	n := r.count()
	var tws []termWeight
	for range n {
		t := r.str()
		if r.bad || r.off >= len(r.s) || !isWeight(r.s[r.off]) {
			r.bad = true
			return nil
		}
		tws = append(tws, termWeight{t, r.s[r.off]})
		r.off++
	}
	return tws
}

// header returns the checksums of the context and the document a was
// made of.
func (a *Analysis) header() (within, sum uint64) {
	return le64(a.data[1:9]), le64(a.data[9:17])
}

// keyPart is one key of the term files: its size (about its length in
// JSON) and, when its postings are in the index, its entries and the
// range of its terms.
type keyPart struct {
	key        string
	size       int
	entries    map[string][]int
	first, end int
	made       bool // entries, first and end are set
}

// pack returns the parts of each term file, as indexes into parts:
// keys are packed in their order up to fileSize, numbers in files of
// their own.
func pack(parts []keyPart, fileSize int) [][]int {
	var (
		files   [][]int
		size    int
		numbers bool
	)
	for i := range parts {
		p := &parts[i]
		number := p.key[0] >= '0' && p.key[0] <= '9'
		if size > 0 && (size+p.size > fileSize || number != numbers) {
			size = 0
		}
		if size == 0 {
			files = append(files, nil)
		}
		files[len(files)-1] = append(files[len(files)-1], i)
		size += p.size
		numbers = number
	}
	return files
}

// sameKeys says whether the files a (of parts pa) and b (of pb) hold the
// same keys.
func sameKeys(a []int, pa []keyPart, b []int, pb []keyPart) bool {
	return slices.EqualFunc(a, b, func(i, j int) bool { return pa[i].key == pb[j].key })
}

// ofDocs says whether k is of docs: the same documents in the same order,
// so that the documents' numbers in its build's postings are theirs.
func (k *Kept) ofDocs(docs []Doc) bool {
	if k == nil || len(k.docs) != len(docs) {
		return false
	}
	for i := range docs {
		if k.docs[i].url != docs[i].URL {
			return false
		}
	}
	return true
}

// changedKeys returns the keys whose postings may differ from those of
// the build that kept k, for documents of the same numbers: the keys of
// the terms and spellings a document has with another weight than it had
// then, or has or had alone. A document whose analysis has the same
// checksums as then has the same analysis: only what its compounds'
// tails add is compared. It returns nil (every key) when old lacks the
// analysis of a document whose analysis changed.
func changedKeys(k *Kept, analyses []*Analysis, extra, extraForms [][]termWeight, old iter.Seq[*Analysis]) map[string]bool {
	changed := map[string]bool{}
	var byHeader map[[2]uint64]*Analysis
	for i, a := range analyses {
		kd := &k.docs[i]
		within, sum := a.header()
		if within == kd.within && sum == kd.sum {
			// The same analysis: only what the tails add may differ (the
			// vocabulary grew or shrank), and a term's weight can change
			// only where the tails give it another.
			tailKeys(changed, kd.terms, extra[i], ShardKey)
			tailKeys(changed, kd.forms, extraForms[i], func(f string) string { return ShardKey(unspell(f)) })
			continue
		}
		if byHeader == nil {
			byHeader = map[[2]uint64]*Analysis{}
			for o := range old {
				if o != nil && len(o.data) >= analysisHeader {
					w, s := o.header()
					byHeader[[2]uint64{w, s}] = o
				}
			}
		}
		was, ok := byHeader[[2]uint64{kd.within, kd.sum}]
		if !ok {
			return nil
		}
		diff := func(list int, then, now []termWeight, key func(string) string) {
			// Each term's best weight before ([0]) and now ([1]).
			weights := map[string][2]uint8{}
			best := func(side int, t string, w uint8) {
				e := weights[t]
				e[side] = max(e[side], w)
				weights[t] = e
			}
			for t, w := range was.entries(list) {
				best(0, t, w)
			}
			for _, tw := range then {
				best(0, tw.term, tw.weight)
			}
			for t, w := range a.entries(list) {
				best(1, t, w)
			}
			for _, tw := range now {
				best(1, tw.term, tw.weight)
			}
			for t, e := range weights {
				if e[0] != e[1] {
					changed[key(t)] = true
				}
			}
		}
		diff(listTerms, kd.terms, extra[i], ShardKey)
		diff(listForms, kd.forms, extraForms[i], func(f string) string { return ShardKey(unspell(f)) })
	}
	return changed
}

// tailKeys adds to changed the keys of the terms then and now give
// another weight, each term's best.
func tailKeys(changed map[string]bool, then, now []termWeight, key func(string) string) {
	if slices.Equal(then, now) {
		return
	}
	weights := map[string][2]uint8{}
	for _, tw := range then {
		e := weights[tw.term]
		e[0] = max(e[0], tw.weight)
		weights[tw.term] = e
	}
	for _, tw := range now {
		e := weights[tw.term]
		e[1] = max(e[1], tw.weight)
		weights[tw.term] = e
	}
	for t, e := range weights {
		if e[0] != e[1] {
			changed[key(t)] = true
		}
	}
}

// kept returns what ix keeps for the next build, with the keys of parts.
func (ix *Index) kept(parts []keyPart) *Kept {
	k := &Kept{fileSize: cmp.Or(ix.termFileSize, TermFileSize), words: ix.words,
		docs: make([]keptDoc, len(ix.Docs)), keys: make([]keyPart, len(parts))}
	for i, sums := range ix.sums {
		d := &k.docs[i]
		d.url = ix.Docs[i].URL
		d.within, d.sum = sums.within, sums.sum
		d.terms, d.forms = ix.extra[i], ix.extraForms[i]
	}
	for i, p := range parts {
		k.keys[i] = keyPart{key: p.key, size: p.size}
	}
	return k
}
