package search

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"hash/fnv"
	"iter"
	"maps"
	"slices"
	"unsafe"
)

// An Analysis is what Build works out of one document on its own: its
// terms with the weight of the weightiest field each is in, their
// spellings with å, ä and ö, its words long enough to be compounds, and
// the words it adds to the catalogue's vocabulary. It is most of the work
// of Build (folding, splitting and stemming every word of every
// description), so a caller that builds the index again, after a change to
// some documents, can keep each document's analysis and give it back to
// BuildReusing, which redoes only those of the documents that changed.
//
// An analysis depends on the document (its Text and Places) and on what
// the whole catalogue gives every document: the synonyms and the words of
// the municipalities' names. It records both, as checksums, and
// BuildReusing uses an analysis only where they are the same: a caller
// may give back any earlier analysis of a document, even one of another
// version of it.
//
// An analysis is one string, without pointers, which the garbage collector
// does not scan; MarshalBinary gives those bytes, to be kept on disk, and
// UnmarshalBinary takes them back. At 10,000 activities of 4 KB, the
// analyses are about 2.5 KB each.
type Analysis struct {
	data string
	// at holds where each list's entries begin in data, and count how many
	// it has.
	at, count [numLists]int
	// tails holds what the tails of the document's compounds add, as the
	// last build worked it out, and with which words; nil until then.
	tails *tails
}

// tails is what the tails of a document's compounds add to its terms and
// its spellings, with the checksum of the vocabulary's words and names
// they come from.
type tails struct {
	words        uint64
	terms, forms []termWeight
}

// The lists of an analysis, in the order of the encoding.
const (
	listTerms     = iota // weighted: the document's terms
	listForms            // weighted: spellings with å, ä or ö of terms
	listCompounds        // weighted: words of minCompound runes or more, as spelled
	listWords            // words of minTail runes or more outside the facts
	listNames            // words of the facts and of the places
	numLists
)

func weighted(list int) bool { return list <= listCompounds }

// analysisVersion is the first byte of an encoded analysis. It changes
// whenever the encoding or what an analysis holds changes (the stemmer,
// the tokeniser, the fields' weights): an analysis of another version is
// not used.
const analysisVersion = 1

// analysisHeader is the version byte, the context's checksum and the
// document's.
const analysisHeader = 1 + 8 + 8

// ErrAnalysis is the error UnmarshalBinary returns for bytes that are not
// an analysis of this version of samkat.
var ErrAnalysis = errors.New("search: not an analysis of this version")

// MarshalBinary returns the analysis as bytes, for UnmarshalBinary.
func (a *Analysis) MarshalBinary() ([]byte, error) { return []byte(a.data), nil }

// AppendBinary appends what MarshalBinary returns to b.
func (a *Analysis) AppendBinary(b []byte) ([]byte, error) { return append(b, a.data...), nil }

// UnmarshalBinary sets a to the analysis that MarshalBinary gave as data.
// It checks the bytes whole: a file of the cache that was cut short or
// overwritten is refused with ErrAnalysis, never half read.
func (a *Analysis) UnmarshalBinary(data []byte) error {
	b, err := parseAnalysis(string(data))
	if err != nil {
		return err
	}
	*a = b
	return nil
}

// ReadAnalysis is UnmarshalBinary for bytes held in a string: the
// analysis keeps s, not a copy of it.
func ReadAnalysis(s string) (*Analysis, error) {
	a, err := parseAnalysis(s)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// Same says whether a and b have the same bytes as MarshalBinary gives
// them (what the tails of compounds add is not among them). It costs
// nothing for an analysis and its copies (BuildTrusting's, with other
// tails): they share the bytes.
func (a *Analysis) Same(b *Analysis) bool {
	return a == b || (a != nil && b != nil && a.data == b.data)
}

// Len returns the size of the analysis in bytes.
func (a *Analysis) Len() int { return len(a.data) }

func parseAnalysis(s string) (Analysis, error) {
	a := Analysis{data: s}
	if len(s) < analysisHeader || s[0] != analysisVersion {
		return Analysis{}, ErrAnalysis
	}
	off := analysisHeader
	for list := range numLists {
		n, w := checkedUvarint(s, off)
		if w <= 0 || n > uint64(len(s)) {
			return Analysis{}, ErrAnalysis
		}
		off += w
		a.at[list], a.count[list] = off, int(n)
		for range n {
			l, w := checkedUvarint(s, off)
			if w <= 0 || l > uint64(len(s)-off-w) {
				return Analysis{}, ErrAnalysis
			}
			off += w + int(l)
			if weighted(list) {
				if off >= len(s) || !isWeight(s[off]) {
					return Analysis{}, ErrAnalysis
				}
				off++
			}
		}
	}
	if off != len(s) {
		return Analysis{}, ErrAnalysis
	}
	return a, nil
}

// isWeight reports whether w is the weight of a field.
func isWeight(w byte) bool {
	for f := Body; f < numFields; f++ {
		if int(w) == f.weight() {
			return true
		}
	}
	return false
}

// valid reports whether a is the analysis of a document with the checksum
// doc, made in the context with the checksum ctx.
func (a *Analysis) valid(ctx, doc uint64) bool {
	return a != nil && len(a.data) >= analysisHeader && a.data[0] == analysisVersion &&
		le64(a.data[1:9]) == ctx && le64(a.data[9:17]) == doc
}

// validIn reports whether a is an analysis of this version made in the
// context with the checksum ctx, of whichever document.
func (a *Analysis) validIn(ctx uint64) bool {
	return a != nil && len(a.data) >= analysisHeader && a.data[0] == analysisVersion &&
		le64(a.data[1:9]) == ctx
}

func le64(s string) uint64 {
	var x uint64
	for i := 7; i >= 0; i-- {
		x = x<<8 | uint64(s[i])
	}
	return x
}

// entries returns the strings of list, each with its weight (0 for the
// lists without).
func (a *Analysis) entries(list int) iter.Seq2[string, uint8] {
	return func(yield func(string, uint8) bool) {
		s, off := a.data, a.at[list]
		for range a.count[list] {
			l, w := uvarint(s, off)
			off += w
			t := s[off : off+int(l)]
			off += int(l)
			var weight uint8
			if weighted(list) {
				weight = s[off]
				off++
			}
			if !yield(t, weight) {
				return
			}
		}
	}
}

// uvarint decodes the number at s[off:], which parseAnalysis or the
// encoder has checked.
func uvarint(s string, off int) (uint64, int) {
	var x uint64
	for i, shift := 0, uint(0); ; i, shift = i+1, shift+7 {
		c := s[off+i]
		if c < 0x80 {
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
	}
}

// checkedUvarint decodes the number at s[off:], or returns a width of 0
// where there is none (s ends, or the number overflows 64 bits).
func checkedUvarint(s string, off int) (uint64, int) {
	var x uint64
	for i, shift := 0, uint(0); i < binary.MaxVarintLen64 && off+i < len(s); i, shift = i+1, shift+7 {
		c := s[off+i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, 0
			}
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
	}
	return 0, 0
}

// analysisEncoder makes the bytes of an analysis; a worker keeps one, for
// its buffer. The lists are written in their order, each with begin.
type analysisEncoder struct {
	buf       []byte
	list      int
	at, count [numLists]int
}

func (e *analysisEncoder) start(ctx, doc uint64) {
	e.buf = append(e.buf[:0], analysisVersion)
	e.buf = binary.LittleEndian.AppendUint64(e.buf, ctx)
	e.buf = binary.LittleEndian.AppendUint64(e.buf, doc)
	e.list = 0
}

// begin starts the next list, of n entries.
func (e *analysisEncoder) begin(n int) {
	e.buf = binary.AppendUvarint(e.buf, uint64(n))
	e.at[e.list], e.count[e.list] = len(e.buf), n
	e.list++
}

func (e *analysisEncoder) add(s string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *analysisEncoder) addWeighted(s string, w uint8) {
	e.add(s)
	e.buf = append(e.buf, w)
}

func (e *analysisEncoder) weightedList(tws []termWeight) {
	e.begin(len(tws))
	for _, tw := range tws {
		e.addWeighted(tw.term, tw.weight)
	}
}

func (e *analysisEncoder) strings(ss []string) {
	e.begin(len(ss))
	for _, s := range ss {
		e.add(s)
	}
}

func (e *analysisEncoder) done() Analysis {
	if e.list != numLists {
		panic("search: an analysis without all its lists")
	}
	return Analysis{data: string(e.buf), at: e.at, count: e.count}
}

// docSum is the checksum of what an analysis reads of d: its text, field
// by field, and its places. Two CRC-32 (in hardware on the common
// machines): a document's text is read once more per build, at some
// gigabytes a second.
func docSum(d *Doc) uint64 {
	var lens [8]byte
	var ieee, castagnoli uint32
	write := func(s string) {
		binary.LittleEndian.PutUint64(lens[:], uint64(len(s)))
		ieee = crc32.Update(ieee, crc32.IEEETable, lens[:])
		castagnoli = crc32.Update(castagnoli, castagnoliTable, lens[:])
		// The text is not copied to be read: crc32 only reads it.
		b := unsafe.Slice(unsafe.StringData(s), len(s))
		ieee = crc32.Update(ieee, crc32.IEEETable, b)
		castagnoli = crc32.Update(castagnoli, castagnoliTable, b)
	}
	for _, t := range d.Text {
		write(t)
	}
	for _, p := range d.Places {
		write(p)
	}
	return uint64(ieee)<<32 | uint64(castagnoli)
}

var castagnoliTable = crc32.MakeTable(crc32.Castagnoli)

// contextSum is the checksum of what an analysis reads beyond its
// document: the synonyms and the words of the places.
func contextSum(syns []synonym, places map[string]struct{}) uint64 {
	h := fnv.New64a()
	var lens [8]byte
	write := func(s string) {
		binary.LittleEndian.PutUint64(lens[:], uint64(len(s)))
		h.Write(lens[:])
		h.Write([]byte(s))
	}
	writeAll := func(ss []string) {
		binary.LittleEndian.PutUint64(lens[:], uint64(len(ss)))
		h.Write(lens[:])
		for _, s := range ss {
			write(s)
		}
	}
	binary.LittleEndian.PutUint64(lens[:], uint64(len(syns)))
	h.Write(lens[:])
	for _, s := range syns {
		writeAll(s.ord)
		writeAll(s.betyder)
		writeAll(s.ordForms)
		writeAll(s.betyderForms)
	}
	writeAll(slices.Sorted(maps.Keys(places)))
	return h.Sum64()
}
