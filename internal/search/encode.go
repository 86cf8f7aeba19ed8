package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// The browser index is a set of small JSON files under one folder, so that
// a query downloads only what it needs, even for national catalogues:
//
//	meta.json      format version, facet values, each document's facet
//	               codes, age range and status, and the shard keys
//	d/<n>.json     display data (name, url, target group, functions,
//	               municipalities) of documents n*DocChunk … (n+1)*DocChunk-1
//	t/<key>.json   the terms that start with <key> (their first two
//	               letters) and their postings
//
// Postings are flat arrays of numbers: for each document, its id minus the
// previous id, times 4, plus the field code (0 body … 3 name), so that the
// common small gaps take one or two digits.

// FormatVersion changes whenever the files change shape; the script
// refuses an index of another version.
const FormatVersion = 1

// DocChunk is how many documents' display data share a file.
const DocChunk = 64

// Facets lists the facets the browser filters on, in display order.
var Facets = []string{"kommun", "funktion", "finansiering", "remiss", "egenanmalan"}

var statusCodes = map[string]int{"pagaende": 0, "planerad": 1, "avslutad": 2}

type metaFile struct {
	Version int `json:"v"`
	// Facets holds each facet's values, in the order codes refer to.
	Facets map[string][]string `json:"facets"`
	// Docs holds per document: [status, ageFrom, ageTo, rank, [codes of
	// facet 0], [codes of facet 1], …] with facets in the order of
	// FacetOrder; rank is the document's place in Swedish alphabetical
	// order of names, which breaks ties the same way in Go and the browser.
	Docs       [][]any  `json:"docs"`
	FacetOrder []string `json:"facetOrder"`
	Shards     []string `json:"shards"`
	DocChunk   int      `json:"docChunk"`
}

// ShardKey is the file key of a term: its first two letters, or the term
// itself if shorter, hex-encoded when not plain a–z/0–9.
func ShardKey(term string) string {
	k := term
	if runes := []rune(term); len(runes) > 2 {
		k = string(runes[:2])
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return "x" + hex.EncodeToString([]byte(k))
		}
	}
	return k
}

// Files returns the browser index as files keyed by path below the index
// folder. values gives the display order of each facet's values (the
// catalogue's order of municipalities, functions …).
func (ix *Index) Files(values map[string][]string) (map[string][]byte, error) {
	files := map[string][]byte{}
	meta := metaFile{Version: FormatVersion, Facets: map[string][]string{}, FacetOrder: Facets, DocChunk: DocChunk}
	codes := map[string]map[string]int{}
	for _, f := range Facets {
		codes[f] = map[string]int{}
		vals := append([]string(nil), values[f]...)
		for _, d := range ix.Docs { // values a document has that the caller did not list
			for _, v := range d.Facets[f] {
				if !contains(vals, v) {
					vals = append(vals, v)
				}
			}
		}
		for i, v := range vals {
			codes[f][v] = i
		}
		meta.Facets[f] = vals
	}
	rank := make([]int, len(ix.Docs))
	for r, d := range ix.byName() {
		rank[d] = r
	}
	for i, d := range ix.Docs {
		row := []any{statusCodes[d.Status], d.AgeFrom, d.AgeTo, rank[i]}
		for _, f := range Facets {
			cs := []int{}
			for _, v := range d.Facets[f] {
				cs = append(cs, codes[f][v])
			}
			row = append(row, cs)
		}
		meta.Docs = append(meta.Docs, row)
	}
	for start := 0; start < len(ix.Docs); start += DocChunk {
		var chunk [][]string
		for _, d := range ix.Docs[start:min(start+DocChunk, len(ix.Docs))] {
			chunk = append(chunk, []string{d.Name, d.URL, d.Target, d.Functions, d.Kommuner})
		}
		b, err := json.Marshal(chunk)
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("d/%d.json", start/DocChunk)] = b
	}
	shards := map[string]map[string][]int{}
	var order []string
	for i, t := range ix.terms {
		k := ShardKey(t)
		if shards[k] == nil {
			shards[k] = map[string][]int{}
			order = append(order, k)
		}
		prev := int32(0)
		ps := make([]int, 0, len(ix.postings[i]))
		for _, p := range ix.postings[i] {
			ps = append(ps, int(p.doc-prev)*4+fieldCode(p.weight))
			prev = p.doc
		}
		shards[k][t] = ps
	}
	for _, k := range order {
		b, err := json.Marshal(shards[k])
		if err != nil {
			return nil, err
		}
		files["t/"+k+".json"] = b
	}
	meta.Shards = order
	b, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	files["meta.json"] = b
	return files, nil
}

func fieldCode(weight uint8) int {
	for f, w := range Weight {
		if int(weight) == w {
			return f
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
