package publish

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The manifest is JSON, written and read field by field: at 10,000
// activities it lists some 11,000 files, and encoding/json, which finds
// each field by reflection, was most of the time of reading it at the
// start of a build and of writing it twice at its end, with nothing
// beside either. The bytes are those json.Marshal writes, and a manifest
// in any other form (written by hand, by another version, or damaged) is
// read by encoding/json as before, so that it is refused when it was.

// encodeManifest returns json.Marshal(m): the same bytes, map keys in
// sorted order.
func encodeManifest(m manifest) []byte {
	b := make([]byte, 0, 64+len(m.Files)*200) // a site's entry is some 170 bytes
	b = append(b, `{"format":`...)
	b = strconv.AppendInt(b, int64(m.Format), 10)
	b = append(b, `,"build":`...)
	b = appendJSONString(b, m.Build)
	b = append(b, `,"files":`...)
	if m.Files == nil {
		b = append(b, "null"...)
	} else {
		names := make([]string, 0, len(m.Files))
		for name := range m.Files {
			names = append(names, name)
		}
		slices.Sort(names)
		b = append(b, '{')
		for i, name := range names {
			if i > 0 {
				b = append(b, ',')
			}
			e := m.Files[name]
			b = appendJSONString(b, name)
			b = append(b, `:{"size":`...)
			b = strconv.AppendInt(b, e.Size, 10)
			b = append(b, `,"sha256":`...)
			b = appendJSONString(b, e.Hash)
			if e.MTime != 0 {
				b = append(b, `,"mtime":`...)
				b = strconv.AppendInt(b, e.MTime, 10)
			}
			if e.Added {
				b = append(b, `,"added":true`...)
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendJSONString appends s as encoding/json writes a string: a plain
// one as it is, any other (quotes, backslashes, control characters, the
// characters it escapes for HTML, anything not ASCII) by encoding/json
// itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// decodeManifest reads a manifest in the form encodeManifest writes. ok
// is false for any other form, even one encoding/json reads: then the
// caller reads it with encoding/json. What it reads is what
// json.Unmarshal reads from the same bytes.
func decodeManifest(b []byte) (m manifest, ok bool) {
	d := manifestDecoder{b: b, ok: true}
	d.lit(`{"format":`)
	m.Format = int(d.int())
	d.lit(`,"build":`)
	m.Build = d.str()
	d.lit(`,"files":{`)
	m.Files = make(map[string]entry, len(b)/160+1)
	if !d.maybe(`}`) {
		for d.ok {
			name := d.str()
			var e entry
			d.lit(`:{"size":`)
			e.Size = d.int()
			d.lit(`,"sha256":`)
			e.Hash = d.str()
			if d.maybe(`,"mtime":`) {
				e.MTime = d.int()
			}
			e.Added = d.maybe(`,"added":true`)
			d.lit(`}`)
			if !d.ok {
				break
			}
			m.Files[name] = e
			if !d.maybe(`,`) {
				d.lit(`}`)
				break
			}
		}
	}
	d.lit(`}`)
	if !d.ok || d.i != len(b) {
		return manifest{}, false
	}
	return m, true
}

// manifestDecoder reads b from i; ok turns false at the first byte that
// is not of the form it expects, and stays so.
type manifestDecoder struct {
	b  []byte
	i  int
	ok bool
}

// lit reads s.
func (d *manifestDecoder) lit(s string) {
	if !d.maybe(s) {
		d.ok = false
	}
}

// maybe reads s if it comes next.
func (d *manifestDecoder) maybe(s string) bool {
	if d.ok && len(d.b)-d.i >= len(s) && string(d.b[d.i:d.i+len(s)]) == s {
		d.i += len(s)
		return true
	}
	return false
}

// int reads an integer as JSON writes one: no fraction, no exponent, no
// leading zero, within int64.
func (d *manifestDecoder) int() int64 {
	if !d.ok {
		return 0
	}
	j := d.i
	if j < len(d.b) && d.b[j] == '-' {
		j++
	}
	start := j
	for j < len(d.b) && '0' <= d.b[j] && d.b[j] <= '9' {
		j++
	}
	if j == start || (d.b[start] == '0' && j > start+1) {
		d.ok = false
		return 0
	}
	n, err := strconv.ParseInt(string(d.b[d.i:j]), 10, 64)
	if err != nil {
		d.ok = false
		return 0
	}
	d.i = j
	return n
}

// str reads a string with no escape, no control character and valid
// UTF-8 (a string with any of those is left to encoding/json).
func (d *manifestDecoder) str() string {
	if !d.ok || d.i >= len(d.b) || d.b[d.i] != '"' {
		d.ok = false
		return ""
	}
	j := d.i + 1
	plain := true
	for ; j < len(d.b) && d.b[j] != '"'; j++ {
		switch c := d.b[j]; {
		case c == '\\' || c < 0x20:
			d.ok = false
			return ""
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	if j == len(d.b) || (!plain && !utf8.Valid(d.b[d.i+1:j])) {
		d.ok = false
		return ""
	}
	s := string(d.b[d.i+1 : j])
	d.i = j + 1
	return s
}
