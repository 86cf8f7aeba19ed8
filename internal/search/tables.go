package search

//go:generate go run ./gentables ../../static/samkat-sokmotor.js

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The browser engine (static/samkat-sokmotor.js) shares this package's
// constants and tables. They are written into it, between the lines
// JSTablesBegin and JSTablesEnd, by go generate ./internal/search; a test
// fails when the file is not current.
const (
	JSTablesBegin = "// BEGIN tables from internal/search (go generate ./internal/search); do not edit."
	JSTablesEnd   = "// END tables"
)

// JSTables returns the constants and tables of the browser engine, as
// JavaScript, between JSTablesBegin and JSTablesEnd.
func JSTables() string {
	var b strings.Builder
	js := func(v any) string {
		data, err := json.Marshal(v)
		if err != nil {
			panic(err) // strings and numbers only
		}
		return string(data)
	}
	weights := make([]int, numFields)
	for f := Body; f < numFields; f++ {
		weights[f] = f.weight()
	}
	fmt.Fprintln(&b, JSTablesBegin)
	fmt.Fprintf(&b, "const WEIGHT = %s; // body, facts, target group, name\n", js(weights))
	fmt.Fprintf(&b, "const EXACT = %v, PREFIX = %v, TYPO = %v, STRAY_PREFIX = %v, SPLIT = %v;\n",
		exactMatch, prefixMatch, typoMatch, strayPrefixMatch, splitMatch)
	fmt.Fprintf(&b, "const MIN_HEAD = %d, MIN_SPLIT_TAIL = %d; // of a query word split as a compound: see tailScores\n", minHead, minSplitTail)
	fmt.Fprintf(&b, "const MIN_STEM = %d;\n", minStem)
	fmt.Fprintf(&b, "const MAX_WORD = %d; // longer words are cut to this many letters\n", MaxWord)
	fmt.Fprintf(&b, "const MIN_TYPO = %d; // words, and stems, of this length may have one typo\n", minTypo)
	fmt.Fprintf(&b, "const MIN_STEM_PREFIX = %d; // shorter stems match terms that part from the word only as STRAY_PREFIX\n", minStemPrefix)
	fmt.Fprintf(&b, "const MAX_AGE = %d;\n", maxAge)
	fmt.Fprintf(&b, "const SPELLING_BONUS = %v, MIN_SPELLED = %d; // a match spelled with å/ä/ö as typed: see spellingBonus\n", spellingBonus, minSpelled)
	b.WriteString("const SUFFIXES = [")
	for i, s := range suffixes {
		if i%10 == 0 {
			b.WriteString("\n ")
		}
		b.WriteString(" " + js(s) + ",")
	}
	b.WriteString("\n];\n")
	// A Map, not an object: a word may be named like a property of every
	// object ("constructor").
	b.WriteString("const LEMMAS = new Map([")
	for i, w := range slices.Sorted(maps.Keys(lemmas)) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "[%s, %s]", js(w), js(lemmas[w]))
	}
	b.WriteString("]);\n")
	b.WriteString(JSTablesEnd + "\n")
	return b.String()
}

// ReplaceJSTables returns src with its tables replaced by JSTables.
func ReplaceJSTables(src string) (string, error) {
	i := strings.Index(src, JSTablesBegin)
	j := strings.Index(src, JSTablesEnd+"\n")
	if i < 0 || j < i {
		return "", fmt.Errorf("no lines %q … %q", JSTablesBegin, JSTablesEnd)
	}
	return src[:i] + JSTables() + src[j+len(JSTablesEnd)+1:], nil
}
