package pipeline

import (
	"encoding/binary"
	"errors"
	"slices"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
)

// The binary codec of the cache-parsed files' entries (parsedEntry),
// written field by field. Each file of the catalogue read again with the
// same bytes has its entry decoded, on every rebuild, before anything
// else can start: a codec that found the fields by reflection took some
// 0.17 CPU s of the loading of 10,000 activities, most of it in setting
// values through package reflect (go test ./internal/pipeline -run '^$'
// -bench ParsedCodec -benchmem). A field added to the model must be added
// here too: TestCodecEveryField sets every field it finds by reflection
// and fails on one that does not read back. It keeps what DeepEqual
// tells apart: a nil pointer from a pointer to a zero value, a nil slice
// or map from an empty one.
//
// Each value is encoded on its own, with its own table of the strings it
// holds: a string it repeats (the file name in each of an activity's
// positions) is written once and read back as one string. The format is
// that of the samkat that wrote it only: the cache files' stamp (see
// buildStamp) names the executable, so another build never reads it.
//
//	bool                 one byte, 0 or 1
//	int                  zig-zag varint
//	string               varint i > 0: the i-th string of the value's table;
//	                     0, then the length and the bytes: the next one
//	[]byte               varint 0 for nil, else length+1, then the bytes
//	slice, map           varint 0 for nil, else length+1, then the elements
//	                     (a map's as key, value)
//	pointer              0 for nil, 1 and the value
//	struct               its fields in the order of their declaration

// encoder appends the encoding of one value to b.
type encoder struct {
	b    []byte
	strs map[string]uint64 // the strings written so far, by number from 1
	keys []string          // scratch for positions
}

func (e *encoder) bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	e.b = append(e.b, b)
}

func (e *encoder) int(v int) { e.b = binary.AppendVarint(e.b, int64(v)) }

func (e *encoder) string(s string) {
	if s == "" {
		e.b = append(e.b, 0, 0)
		return
	}
	if i, ok := e.strs[s]; ok {
		e.b = binary.AppendUvarint(e.b, i)
		return
	}
	e.strs[s] = uint64(len(e.strs)) + 1
	e.b = append(e.b, 0)
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

// length writes the length of a slice or map, n+1, or 0 for nil.
func (e *encoder) length(n int, isNil bool) bool {
	if isNil {
		e.b = append(e.b, 0)
		return false
	}
	e.b = binary.AppendUvarint(e.b, uint64(n)+1)
	return true
}

// pointer writes whether a pointer is set.
func (e *encoder) pointer(set bool) bool {
	e.bool(set)
	return set
}

func (e *encoder) bytes(b []byte) {
	if e.length(len(b), b == nil) {
		e.b = append(e.b, b...)
	}
}

func (e *encoder) strings(s []string) {
	if e.length(len(s), s == nil) {
		for _, x := range s {
			e.string(x)
		}
	}
}

func (e *encoder) date(d catalog.Date) {
	e.int(d.Year)
	e.int(int(d.Month))
	e.int(d.Day)
}

func (e *encoder) contacts(cs []catalog.Contact) {
	if !e.length(len(cs), cs == nil) {
		return
	}
	for _, c := range cs {
		e.string(c.Namn)
		e.string(c.Roll)
		e.string(c.Telefon)
		e.string(c.Epost)
		e.string(c.Adress)
		e.string(c.Kommun)
	}
}

func (e *encoder) terms(ts []catalog.Term) {
	if !e.length(len(ts), ts == nil) {
		return
	}
	for _, t := range ts {
		e.string(t.ID)
		e.string(t.Namn)
	}
}

func (e *encoder) optInt(p *int) {
	if e.pointer(p != nil) {
		e.int(*p)
	}
}

// positions writes m in the order of its keys: the same entry gives the
// same bytes in every build, so a cache file whose entries did not change
// is not written again.
func (e *encoder) positions(m map[string]diag.Pos) {
	if !e.length(len(m), m == nil) {
		return
	}
	e.keys = e.keys[:0]
	for k := range m {
		e.keys = append(e.keys, k)
	}
	slices.Sort(e.keys)
	for _, k := range e.keys {
		p := m[k]
		e.string(k)
		e.string(p.File)
		e.int(p.Line)
		e.int(p.Col)
	}
}

func (e *encoder) index(ix *catalog.Index) {
	if !e.pointer(ix != nil) {
		return
	}
	e.string(ix.File)
	e.string(ix.Titel)
	e.string(ix.Undertitel)
	e.string(ix.Region)
	e.string(ix.BaseURL)
	e.string(ix.Sprak)
	e.int(ix.GranskasInom)
	e.strings(ix.Kommuner)
	e.terms(ix.Funktioner)
	e.terms(ix.Finansiering)
	e.string(ix.Matris.Rader)
	e.string(ix.Matris.Kolumner)
	if e.length(len(ix.Synonymer), ix.Synonymer == nil) {
		for _, s := range ix.Synonymer {
			e.string(s.Ord)
			e.string(s.Betyder)
		}
	}
	e.strings(ix.Remiss)
	e.strings(ix.Broken)
	if c := ix.CMS; e.pointer(c != nil) {
		e.string(c.Backend)
		e.string(c.Repo)
		e.string(c.Branch)
		e.string(c.BaseURL)
		e.string(c.AuthEndpoint)
		e.string(c.SiteDomain)
	}
	e.bytes(ix.Body)
	e.positions(ix.Pos)
}

func (e *encoder) activity(a *catalog.Activity) {
	if !e.pointer(a != nil) {
		return
	}
	e.string(a.File)
	e.string(a.Slug)
	e.string(a.Namn)
	e.strings(a.Funktion)
	e.strings(a.Kommuner)
	e.bool(a.AllaKommuner)
	e.strings(a.Finansiering)
	e.contacts(a.Kontakt)
	e.strings(a.Samverkansparter)
	e.string(a.Huvudman)
	e.string(a.Forbund)
	e.string(a.Malgrupp)
	if e.pointer(a.Alder != nil) {
		e.optInt(a.Alder.Fran)
		e.optInt(a.Alder.Till)
	}
	e.date(a.Start)
	e.date(a.Slut)
	e.int(a.Platser)
	e.strings(a.Remiss)
	if e.pointer(a.Egenanmalan != nil) {
		e.bool(*a.Egenanmalan)
	}
	e.string(a.Inriktning)
	e.string(a.Webb)
	e.date(a.Granskad)
	e.bool(a.Utkast)
	e.strings(a.Aliases)
	e.bytes(a.Body)
	e.positions(a.Pos)
}

func (e *encoder) page(p *catalog.Page) {
	if !e.pointer(p != nil) {
		return
	}
	e.string(p.File)
	e.int(int(p.Kind))
	e.string(p.Slug)
	e.string(p.Titel)
	e.string(p.Beskrivning)
	e.string(p.Webb)
	e.strings(p.Kommuner)
	e.contacts(p.Kontakt)
	e.bool(p.Utkast)
	e.bytes(p.Body)
	e.positions(p.Pos)
}

// decoder reads one value from s[at:]; its strings are parts of s. After
// the first error it reads nothing more: every read gives a zero value.
type decoder struct {
	s    string
	at   int
	strs []string
	err  error
}

var errCodec = errors.New("cache: not a value of this codec")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCodec
	}
	d.at = len(d.s)
}

func (d *decoder) byte() byte {
	if d.at >= len(d.s) {
		d.fail()
		return 0
	}
	d.at++
	return d.s[d.at-1]
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		if d.at >= len(d.s) || shift > 63 {
			d.fail()
			return 0
		}
		b := d.s[d.at]
		d.at++
		if b < 0x80 {
			if shift == 63 && b > 1 {
				d.fail()
				return 0
			}
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
	}
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *decoder) int() int {
	n := d.varint()
	if int64(int(n)) != n {
		d.fail()
		return 0
	}
	return int(n)
}

// pointer reads whether a pointer is set.
func (d *decoder) pointer() bool { return d.bool() }

// length reads the length of a slice or map: -1 for nil (and for an
// error). Each element is a byte at least, so a length beyond what is
// left is an error.
func (d *decoder) length() int {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.at)+1 {
		d.fail()
		return -1
	}
	return int(n) - 1
}

func (d *decoder) string() string {
	i := d.uvarint()
	if i > 0 {
		if i > uint64(len(d.strs)) {
			d.fail()
			return ""
		}
		return d.strs[i-1]
	}
	n := d.uvarint()
	if n > uint64(len(d.s)-d.at) {
		d.fail()
		return ""
	}
	s := d.s[d.at : d.at+int(n)]
	d.at += int(n)
	if s != "" {
		d.strs = append(d.strs, s)
	}
	return s
}

func (d *decoder) bytes() []byte {
	n := d.length()
	if n < 0 {
		return nil
	}
	b := make([]byte, n)
	d.at += copy(b, d.s[d.at:])
	return b
}

func (d *decoder) strings() []string {
	n := d.length()
	if n < 0 {
		return nil
	}
	s := make([]string, n)
	for i := range s {
		s[i] = d.string()
	}
	return s
}

func (d *decoder) date() catalog.Date {
	return catalog.Date{Year: d.int(), Month: time.Month(d.int()), Day: d.int()}
}

func (d *decoder) contacts() []catalog.Contact {
	n := d.length()
	if n < 0 {
		return nil
	}
	cs := make([]catalog.Contact, n)
	for i := range cs {
		c := &cs[i]
		c.Namn, c.Roll, c.Telefon = d.string(), d.string(), d.string()
		c.Epost, c.Adress, c.Kommun = d.string(), d.string(), d.string()
	}
	return cs
}

func (d *decoder) terms() []catalog.Term {
	n := d.length()
	if n < 0 {
		return nil
	}
	ts := make([]catalog.Term, n)
	for i := range ts {
		ts[i].ID, ts[i].Namn = d.string(), d.string()
	}
	return ts
}

func (d *decoder) optInt() *int {
	if !d.pointer() {
		return nil
	}
	n := d.int()
	return &n
}

func (d *decoder) positions() map[string]diag.Pos {
	n := d.length()
	if n < 0 {
		return nil
	}
	m := make(map[string]diag.Pos, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.string()
		m[k] = diag.Pos{File: d.string(), Line: d.int(), Col: d.int()}
	}
	if len(m) != n {
		d.fail() // a key twice
	}
	return m
}

func (d *decoder) index() *catalog.Index {
	if !d.pointer() {
		return nil
	}
	ix := &catalog.Index{}
	ix.File, ix.Titel, ix.Undertitel = d.string(), d.string(), d.string()
	ix.Region, ix.BaseURL, ix.Sprak = d.string(), d.string(), d.string()
	ix.GranskasInom = d.int()
	ix.Kommuner = d.strings()
	ix.Funktioner = d.terms()
	ix.Finansiering = d.terms()
	ix.Matris.Rader, ix.Matris.Kolumner = d.string(), d.string()
	if n := d.length(); n >= 0 {
		ix.Synonymer = make([]catalog.Synonym, n)
		for i := range ix.Synonymer {
			ix.Synonymer[i].Ord, ix.Synonymer[i].Betyder = d.string(), d.string()
		}
	}
	ix.Remiss = d.strings()
	ix.Broken = d.strings()
	if d.pointer() {
		ix.CMS = &catalog.CMS{Backend: d.string(), Repo: d.string(), Branch: d.string(), BaseURL: d.string(), AuthEndpoint: d.string(), SiteDomain: d.string()}
	}
	ix.Body = d.bytes()
	ix.Pos = d.positions()
	return ix
}

func (d *decoder) activity() *catalog.Activity {
	if !d.pointer() {
		return nil
	}
	a := &catalog.Activity{}
	a.File, a.Slug, a.Namn = d.string(), d.string(), d.string()
	a.Funktion = d.strings()
	a.Kommuner = d.strings()
	a.AllaKommuner = d.bool()
	a.Finansiering = d.strings()
	a.Kontakt = d.contacts()
	a.Samverkansparter = d.strings()
	a.Huvudman, a.Forbund, a.Malgrupp = d.string(), d.string(), d.string()
	if d.pointer() {
		a.Alder = &catalog.Alder{Fran: d.optInt(), Till: d.optInt()}
	}
	a.Start = d.date()
	a.Slut = d.date()
	a.Platser = d.int()
	a.Remiss = d.strings()
	if d.pointer() {
		v := d.bool()
		a.Egenanmalan = &v
	}
	a.Inriktning, a.Webb = d.string(), d.string()
	a.Granskad = d.date()
	a.Utkast = d.bool()
	a.Aliases = d.strings()
	a.Body = d.bytes()
	a.Pos = d.positions()
	return a
}

func (d *decoder) page() *catalog.Page {
	if !d.pointer() {
		return nil
	}
	p := &catalog.Page{}
	p.File = d.string()
	p.Kind = catalog.PageKind(d.int())
	p.Slug, p.Titel, p.Beskrivning, p.Webb = d.string(), d.string(), d.string(), d.string()
	p.Kommuner = d.strings()
	p.Kontakt = d.contacts()
	p.Utkast = d.bool()
	p.Body = d.bytes()
	p.Pos = d.positions()
	return p
}

// appendEntry appends the encoding of e to b.
func appendEntry(b []byte, e *parsedEntry) []byte {
	enc := &encoder{b: b, strs: map[string]uint64{}}
	enc.index(e.Index)
	enc.activity(e.Activity)
	enc.page(e.Page)
	return enc.b
}

// readEntry reads into e the entry s holds, all of s.
func readEntry(s string, e *parsedEntry) error {
	var strs [64]string // an activity's distinct strings, most often (the table need not grow)
	d := &decoder{s: s, strs: strs[:0]}
	ix := d.index()
	a := d.activity()
	p := d.page()
	if d.err == nil && d.at != len(d.s) {
		d.err = errCodec
	}
	if d.err != nil {
		return d.err
	}
	*e = parsedEntry{Index: ix, Activity: a, Page: p}
	return nil
}
