package search

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/axis"
)

// The browser index is a set of small JSON files under one folder, so that
// a query downloads only what it needs, even for national catalogues:
//
//	meta.json      format version, facet values and labels, and per
//	               document what a query and its first results need: name,
//	               url, status, age range, facet values and place in name
//	               order; which term files hold which keys
//	d/<n>.json     the target groups of documents n*DocChunk … (n+1)*DocChunk-1,
//	               shown under each result once loaded
//	t/<n>.json     terms and their postings, for the keys listed for file n
//	p/<n>.json     for a large key alone in t/<n>.json, what a two-letter
//	               word needs: the prefix match of all its terms at once
//
// A term's key is its first two letters (the whole term if shorter): every
// term a typed word can match, by prefix or with a typo, has the key of the
// word's stem or of the word itself. Keys are packed into term files in
// sorted order up to TermFileSize bytes, so that a small catalogue has a
// few files and a large one about one per key. A key larger than that also
// gets a prefix file, so that the second keystroke of a word, which
// matches every term of its key, needs one short list rather than all of
// their postings (at 10,000 activities, 5 KB instead of 40 KB compressed).
//
// Postings are flat arrays of numbers: for each document, its id minus the
// previous id, times 4, plus the field code (0 body … 3 name), so that the
// common small gaps take one or two digits.
//
// meta.json is read before the first answer, so it is laid out for gzip:
// one column per property rather than one row per document. names and urls
// hold each document's, front-coded (frontCoded); status is a string of one digit per document (0
// running, 1 planned, 2 ended); age is a string of each document's index
// into ages, the distinct [from, to] ranges (-1: open), in base 36, all of
// the width the largest index needs; rank holds per document its place in
// Swedish name order minus its id, as the difference from the document
// before (documents are numbered in file order, which comes in runs in
// name order, so these are mostly 0); each facet of
// f is a string with the documents' value codes, base 36, joined by "."
// within a document and by "," between documents; labels holds the display
// text of each value code, for facets whose values are identifiers; all
// lists the documents for every municipality.
//
// A result is drawn from meta.json alone (name, link, status, functions,
// municipalities), so that a keystroke never waits for display files; its
// target group follows when its d file has loaded.

// FormatVersion changes whenever the files change shape; the script
// refuses an index of another version.
const FormatVersion = 6

// DocChunk is how many documents' target groups share a file. A page of
// results needs one file per distinct chunk, so small chunks keep the bytes
// down in large catalogues.
const DocChunk = 16

// TermFileSize is the size up to which keys are packed into one term file.
const TermFileSize = 8 << 10

// facetOrder lists the facets the browser filters on, in display order:
// the axes that are facets, then the referrers and self-referral.
func facetOrder() []string {
	var order []string
	for ax := range axis.All() {
		if ax.Facet != "" {
			order = append(order, ax.Facet)
		}
	}
	return append(order, "remiss", "egenanmalan")
}

// shownFacets are the facets whose columns meta.json holds: a result shows
// them (functions, municipalities) and the stemmer needs the
// municipalities. The columns of the others are in f.json, which the
// browser loads after the first results: they are needed only for their
// counts and filters.
var shownFacets = map[string]bool{"funktion": true, "kommun": true}

// laterFile is f.json: the columns of the facets not in shownFacets.
type laterFile struct {
	Version int               `json:"v"`
	F       map[string]string `json:"f"`
}

var statusCodes = map[string]int{"pagaende": 0, "planerad": 1, "avslutad": 2}

type metaFile struct {
	Version  int `json:"v"`
	Docs     int `json:"docs"`
	DocChunk int `json:"docChunk"`
	// FacetOrder lists the facets; Facets holds each one's values, in the
	// order codes refer to, and F each document's codes (of the facets in
	// shownFacets; the others are in f.json).
	FacetOrder []string            `json:"facetOrder"`
	Facets     map[string][]string `json:"facets"`
	Labels     map[string][]string `json:"labels"`
	F          map[string]string   `json:"f"`
	Names      frontCoded          `json:"names"`
	URLs       frontCoded          `json:"urls"`
	All        []int               `json:"all"`
	Status     string              `json:"status"`
	Ages       [][2]int            `json:"ages"`
	Age        string              `json:"age"`
	Rank       []int               `json:"rank"`
	// Shards lists, for term file n, the keys it holds.
	Shards [][]string `json:"shards"`
	// Prefixed lists the keys whose term file n, being large, has a prefix
	// file p/<n>.json.
	Prefixed []string `json:"prefixed"`
}

// frontCoded is a list of strings stored as, for each, how much of the
// string before it it begins with (Shared, in UTF-16 code units as
// JavaScript counts them, always at a character boundary) and the rest
// (Rest). Names and URLs come nearly sorted (file order), so most share a
// long beginning with the one before: at 10,000 activities this takes a
// third of the compressed bytes of the plain lists.
type frontCoded struct {
	Shared []int    `json:"shared"`
	Rest   []string `json:"rest"`
	prev   string
}

func newFrontCoded() frontCoded { return frontCoded{Shared: []int{}, Rest: []string{}} }

func (fc *frontCoded) add(s string) {
	bytes, units := 0, 0
	for bytes < len(s) {
		r, w := utf8.DecodeRuneInString(s[bytes:])
		// Invalid bytes become U+FFFD in JSON: they stay in the rest.
		if (r == utf8.RuneError && w <= 1) || !strings.HasPrefix(fc.prev[bytes:], s[bytes:bytes+w]) {
			break
		}
		bytes += w
		units += utf16.RuneLen(r)
	}
	fc.Shared = append(fc.Shared, units)
	fc.Rest = append(fc.Rest, s[bytes:])
	fc.prev = s
}

// ShardKey is the key of a term: its first two letters, or the term itself
// if shorter.
func ShardKey(term string) string { return firstRunes(term, 2) }

// Files returns the browser index as files keyed by path below the index
// folder. values gives the display order of each facet's values (the
// catalogue's order of municipalities, functions …), and labels the text
// shown for a value where it is not the value itself (a function's name
// for its identifier).
func (ix *Index) Files(values map[string][]string, labels map[string]map[string]string) (map[string][]byte, error) {
	files, keep, _, err := ix.FilesKeeping(values, labels)
	if err == nil && len(keep) > 0 {
		err = errors.New("search: the files of an index of the changed keys alone are FilesKeeping's")
	}
	return files, err
}

// FilesKeeping is Files for an index BuildKept made: it leaves out the
// term and prefix files that are as the build before left them, and
// lists them in keep, for the caller to keep from that build's output.
// It returns what this index keeps for the next build (BuildKept).
func (ix *Index) FilesKeeping(values map[string][]string, labels map[string]map[string]string) (files map[string][]byte, keep []string, next *Kept, err error) {
	files = map[string][]byte{}
	meta := metaFile{
		Version: FormatVersion, Docs: len(ix.Docs), DocChunk: DocChunk,
		FacetOrder: facetOrder(), Facets: map[string][]string{}, Labels: map[string][]string{}, F: map[string]string{},
		Names: newFrontCoded(), URLs: newFrontCoded(), All: []int{},
		Ages: [][2]int{}, Rank: []int{}, Shards: [][]string{}, Prefixed: []string{},
	}
	later := laterFile{Version: FormatVersion, F: map[string]string{}}
	for _, f := range meta.FacetOrder {
		vals := append([]string{}, values[f]...)
		for _, d := range ix.Docs { // values a document has that the caller did not list
			for _, v := range d.Facets[f] {
				if !contains(vals, v) {
					vals = append(vals, v)
				}
			}
		}
		code := map[string]int{}
		for i, v := range vals {
			code[v] = i
		}
		meta.Facets[f] = vals
		if l := labels[f]; len(l) > 0 {
			shown := make([]string, len(vals))
			for i, v := range vals {
				shown[i] = cmp.Or(l[v], v)
			}
			meta.Labels[f] = shown
		}
		var b strings.Builder
		for i, d := range ix.Docs {
			if i > 0 {
				b.WriteByte(',')
			}
			for j, v := range d.Facets[f] {
				if j > 0 {
					b.WriteByte('.')
				}
				b.WriteString(strconv.FormatInt(int64(code[v]), 36))
			}
		}
		if shownFacets[f] {
			meta.F[f] = b.String()
		} else {
			later.F[f] = b.String()
		}
	}
	var status strings.Builder
	ageCode := map[[2]int]int{}
	var ages []int
	for i, d := range ix.Docs {
		meta.Names.add(d.Name)
		meta.URLs.add(d.URL)
		if d.AllKommuner {
			meta.All = append(meta.All, i)
		}
		status.WriteString(strconv.Itoa(statusCodes[d.Status]))
		r := [2]int{d.AgeFrom, d.AgeTo}
		c, ok := ageCode[r]
		if !ok {
			c = len(meta.Ages)
			ageCode[r] = c
			meta.Ages = append(meta.Ages, r)
		}
		ages = append(ages, c)
	}
	meta.Status = status.String()
	// Each document's age range code in base 36, all of one width.
	width := len(strconv.FormatInt(int64(max(len(meta.Ages)-1, 0)), 36))
	var age strings.Builder
	for _, c := range ages {
		code := strconv.FormatInt(int64(c), 36)
		age.WriteString(strings.Repeat("0", width-len(code)) + code)
	}
	meta.Age = age.String()
	// Place in name order minus the id, as the difference from the
	// document before: files come in runs in name order, so mostly 0.
	meta.Rank = make([]int, len(ix.Docs))
	prev := 0
	for d, r := range ix.rank {
		meta.Rank[d] = r - d - prev
		prev = r - d
	}
	for start := 0; start < len(ix.Docs); start += DocChunk {
		var chunk []string
		for _, d := range ix.Docs[start:min(start+DocChunk, len(ix.Docs))] {
			chunk = append(chunk, d.Target)
		}
		b, err := json.Marshal(chunk)
		if err != nil {
			return nil, nil, nil, err
		}
		files[fmt.Sprintf("d/%d.json", start/DocChunk)] = b
	}
	keep, parts, err := ix.termFiles(files, &meta)
	if err != nil {
		return nil, nil, nil, err
	}
	b, err := json.Marshal(meta)
	if err != nil {
		return nil, nil, nil, err
	}
	files["meta.json"] = b
	if b, err = json.Marshal(later); err != nil {
		return nil, nil, nil, err
	}
	files["f.json"] = b
	return files, keep, ix.kept(parts), nil
}

// termFiles adds the term files t/<n>.json and the prefix files
// p/<n>.json, and lists their keys in meta. For an index of the changed
// keys alone, it leaves out a file of the same keys as in the build
// before, none of them changed, and returns its name in keep; a file
// that is to hold other keys than it did has the postings of all of them
// gathered. It returns the keys, with their sizes.
func (ix *Index) termFiles(files map[string][]byte, meta *metaFile) (keep []string, parts []keyPart, err error) {
	fileSize := cmp.Or(ix.termFileSize, TermFileSize)
	if ix.changed != nil && ix.from.fileSize != fileSize {
		ix.changed = nil
		if err := ix.gather(context.Background()); err != nil {
			return nil, nil, err
		}
	}
	spelled := make([]uint8, len(ix.Docs))
	for {
		parts = ix.keyParts(spelled)
		packed := pack(parts, fileSize)
		var old [][]int
		if ix.changed != nil {
			old = pack(ix.from.keys, ix.from.fileSize)
		}
		kept := make([]bool, len(packed))
		missing := map[string]bool{}
		for n, f := range packed {
			made := false
			for _, i := range f {
				made = made || parts[i].made
			}
			if ix.changed != nil && !made && n < len(old) && sameKeys(f, parts, old[n], ix.from.keys) {
				kept[n] = true
				continue
			}
			for _, i := range f {
				if !parts[i].made {
					missing[parts[i].key] = true
				}
			}
		}
		if len(missing) > 0 {
			// Files that hold other keys than before: their unchanged keys'
			// postings are needed too.
			for key := range missing {
				ix.changed[key] = true
			}
			if err := ix.gather(context.Background()); err != nil {
				return nil, nil, err
			}
			continue
		}
		for n, f := range packed {
			keys := make([]string, len(f))
			cur := map[string][]int{}
			for j, i := range f {
				p := &parts[i]
				keys[j] = p.key
				if p.size > fileSize {
					name := fmt.Sprintf("p/%d.json", n)
					if kept[n] {
						keep = append(keep, name)
					} else {
						files[name] = marshalPostings(ix.prefixFile(p.key, p.first, p.end, p.entries))
					}
					meta.Prefixed = append(meta.Prefixed, p.key)
				}
				maps.Copy(cur, p.entries)
			}
			meta.Shards = append(meta.Shards, keys)
			if name := fmt.Sprintf("t/%d.json", n); kept[n] {
				keep = append(keep, name)
			} else {
				files[name] = marshalPostings(cur)
			}
		}
		return keep, parts, nil
	}
}

// keyParts returns the keys of the term files in order: those whose
// postings ix holds with their entries, and, for an index of the changed
// keys alone, the others as the build before kept them.
func (ix *Index) keyParts(spelled []uint8) []keyPart {
	var made []keyPart
	// Terms are sorted, so each key's terms come together.
	for i := 0; i < len(ix.terms); {
		p := keyPart{key: ShardKey(ix.terms[i]), first: i, entries: map[string][]int{}, made: true}
		for ; i < len(ix.terms) && ShardKey(ix.terms[i]) == p.key; i++ {
			for t, ps := range ix.termEntries(i, spelled) {
				p.entries[t] = ps
				p.size += len(t) + 4 + len(ps)*3 // about its length in JSON
			}
		}
		p.end = i
		made = append(made, p)
	}
	if ix.changed == nil {
		return made
	}
	parts := make([]keyPart, 0, len(ix.from.keys)+len(made))
	kept := ix.from.keys
	for len(kept) > 0 || len(made) > 0 {
		switch {
		case len(kept) > 0 && ix.changed[kept[0].key]:
			kept = kept[1:] // its postings, if it has any, are in made
		case len(made) == 0 || (len(kept) > 0 && kept[0].key < made[0].key):
			parts = append(parts, keyPart{key: kept[0].key, size: kept[0].size})
			kept = kept[1:]
		default:
			parts = append(parts, made[0])
			made = made[1:]
		}
	}
	return parts
}

// prefixFile is what a two-letter word needs of a large key's terms (from
// first to end): under "*" each document's best field among all of them,
// which is its prefix match, and the postings of the word itself, its
// exact match.
func (ix *Index) prefixFile(key string, first, end int, entries map[string][]int) map[string][]int {
	// By document number rather than in a map to be sorted: a large key
	// has postings in most documents. Every weight is at least 1.
	best := make([]uint8, len(ix.Docs))
	for t := first; t < end; t++ {
		for _, p := range ix.postings[t] {
			best[p.doc] = max(best[p.doc], p.weight)
		}
	}
	union := []int{}
	prev := 0
	for d, w := range best {
		if w > 0 {
			union = append(union, (d-prev)*4+fieldCode(w))
			prev = d
		}
	}
	out := map[string][]int{"*": union}
	if i, ok := ix.term(key); ok {
		out[key] = encode(ix.postings[i])
	}
	return out
}

// termEntries returns term i's postings as the browser reads them, under
// the term; for a term written with å, ä or ö, those of each spelling under
// the spelling ("vård"), and under the term only the documents whose best
// field is not among those (the browser joins them again; see spelling).
// spelled has a zero for every document, as it has again on return: it
// holds a document's best field among the spellings meanwhile.
func (ix *Index) termEntries(i int, spelled []uint8) map[string][]int {
	t := ix.terms[i]
	if ix.forms == nil || len(ix.forms[i]) == 0 {
		return map[string][]int{t: encode(ix.postings[i])}
	}
	out := map[string][]int{}
	for _, f := range ix.forms[i] {
		out[f.form] = encode(f.postings)
		for _, p := range f.postings {
			spelled[p.doc] = max(spelled[p.doc], p.weight)
		}
	}
	var plain []posting
	for _, p := range ix.postings[i] {
		if p.weight > spelled[p.doc] {
			plain = append(plain, p)
		}
	}
	for _, f := range ix.forms[i] {
		for _, p := range f.postings {
			spelled[p.doc] = 0
		}
	}
	if len(plain) > 0 {
		out[t] = encode(plain)
	}
	return out
}

// encode returns postings as the browser reads them.
func encode(postings []posting) []int {
	prev := int32(0)
	ps := make([]int, 0, len(postings))
	for _, p := range postings {
		ps = append(ps, int(p.doc-prev)*4+fieldCode(p.weight))
		prev = p.doc
	}
	return ps
}

func fieldCode(weight uint8) int {
	for f := Body; f < numFields; f++ {
		if int(weight) == f.weight() {
			return int(f)
		}
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
