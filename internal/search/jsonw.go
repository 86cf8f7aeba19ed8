package search

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// marshalPostings returns the bytes json.Marshal gives for m, a term
// file's or a prefix file's terms and their postings: the keys sorted, the
// numbers in decimal. The term files are most of the index, and written
// this way they take a tenth of the time reflection takes.
func marshalPostings(m map[string][]int) []byte {
	keys := make([]string, 0, len(m))
	size := 2
	for k, ps := range m {
		keys = append(keys, k)
		size += len(k) + 4 + len(ps)*4
	}
	slices.Sort(keys)
	b := make([]byte, 0, size)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		ps := m[k]
		if ps == nil {
			b = append(b, "null"...)
			continue
		}
		b = append(b, '[')
		for j, p := range ps {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(p), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendJSONString appends s as json.Marshal writes it. Terms are letters
// and digits, which it writes as they are; anything else goes through
// json.Marshal.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			return appendMarshalled(b, s)
		}
	}
	if !utf8.ValidString(s) {
		return appendMarshalled(b, s)
	}
	for _, r := range s {
		if r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendMarshalled(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}
