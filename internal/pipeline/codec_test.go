package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// fill sets every field reachable from v by reflection: with zero set, to
// zero values behind pointers and empty slices and maps (which a codec
// must not read back as nil), else to values that differ from field to
// field (n counts them).
func fill(v reflect.Value, zero bool, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(!zero)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !zero {
			v.SetInt(int64(-*n))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !zero {
			v.SetUint(uint64(*n))
		}
	case reflect.String:
		if !zero {
			v.SetString(fmt.Sprintf("fält %d", *n%7)) // some repeat
		}
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), zero, n)
		v.Set(p)
	case reflect.Slice:
		l := 2
		if zero {
			l = 0
		}
		s := reflect.MakeSlice(v.Type(), l, l)
		for i := range l {
			fill(s.Index(i), zero, n)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		if !zero {
			for range 2 {
				k, x := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fill(k, false, n)
				fill(x, false, n)
				m.SetMapIndex(k, x)
			}
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), zero, n)
		}
	}
}

// TestCodecEveryField: an entry of the cache-parsed files reads back as it
// was written, every field of the model, found by reflection so that a
// field added later is covered: set, set to zero values behind pointers
// (egenanmalan: false once read back as not given), left nil.
func TestCodecEveryField(t *testing.T) {
	var n int
	for _, zero := range []bool{false, true} {
		for _, which := range []string{"Index", "Activity", "Page"} {
			var e parsedEntry
			f := reflect.ValueOf(&e).Elem().FieldByName(which)
			f.Set(reflect.New(f.Type().Elem()))
			fill(f.Elem(), zero, &n)
			var back parsedEntry
			if err := readEntry(string(appendEntry(nil, &e)), &back); err != nil {
				t.Fatalf("%s (zero %v): %v", which, zero, err)
			}
			if !reflect.DeepEqual(back, e) {
				t.Errorf("%s (zero %v) reads back otherwise:\n got %#v\nwant %#v", which, zero, back, e)
			}
		}
	}
	var back parsedEntry
	if err := readEntry(string(appendEntry(nil, &parsedEntry{})), &back); err != nil || !reflect.DeepEqual(back, parsedEntry{}) {
		t.Errorf("the empty entry: %#v, %v", back, err)
	}
}

// TestParsedEntryFields: the cache-parsed files keep all of load.Parsed
// but its diagnostics.
func TestParsedEntryFields(t *testing.T) {
	p, e := reflect.TypeFor[load.Parsed](), reflect.TypeFor[parsedEntry]()
	var want []string
	for i := range p.NumField() {
		if f := p.Field(i); f.Name != "Diags" {
			want = append(want, f.Name+" "+f.Type.String())
		}
	}
	var got []string
	for i := range e.NumField() {
		got = append(got, e.Field(i).Name+" "+e.Field(i).Type.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parsedEntry has %v, load.Parsed %v (and Diags)", got, want)
	}
}

// TestCodecDamaged: a value cut short or changed reads as an error, never
// a panic, and never as more than it holds.
func TestCodecDamaged(t *testing.T) {
	var e parsedEntry
	e.Activity = &catalog.Activity{}
	n := 0
	fill(reflect.ValueOf(e.Activity).Elem(), false, &n)
	b := appendEntry(nil, &e)
	for i := range len(b) {
		var back parsedEntry
		if readEntry(string(b[:i]), &back) == nil {
			t.Errorf("cut to %d of %d bytes: read without an error", i, len(b))
		}
		changed := bytes.Clone(b)
		changed[i] ^= 0xff
		_ = readEntry(string(changed), &back) // no panic
	}
	if readEntry(string(append(b, 0)), &e) == nil {
		t.Error("a byte more: read without an error")
	}
}

// BenchmarkParsedCodec compares the cache-parsed files' codec with JSON,
// what they held before, on the parsed files of a synthetic catalogue of
// 1,000 activities.
func BenchmarkParsedCodec(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, synth.Catalogue(1000)); err != nil {
		b.Fatal(err)
	}
	r := &parsedRecorder{parsed: map[site.Key]load.Parsed{}}
	if _, _, err := load.CatalogueReusing(context.Background(), os.DirFS(dir), r); err != nil {
		b.Fatal(err)
	}
	var entries []parsedEntry
	for _, p := range r.parsed {
		if p.Activity != nil {
			a := *p.Activity
			a.Body = nil
			entries = append(entries, parsedEntry{Activity: &a})
		}
	}
	encoded := make([]string, len(entries))
	jsoned := make([][]byte, len(entries))
	size, jsonSize := 0, 0
	for i := range entries {
		encoded[i] = string(appendEntry(nil, &entries[i]))
		jsoned[i], _ = json.Marshal(entries[i])
		size += len(encoded[i])
		jsonSize += len(jsoned[i])
	}
	b.Run("codec/encode", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			for i := range entries {
				buf = appendEntry(buf[:0], &entries[i])
			}
		}
		b.ReportMetric(float64(size)/float64(len(entries)), "bytes/entry")
	})
	b.Run("codec/decode", func(b *testing.B) {
		for b.Loop() {
			for _, s := range encoded {
				var e parsedEntry
				if err := readEntry(s, &e); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("json/encode", func(b *testing.B) {
		for b.Loop() {
			for i := range entries {
				if _, err := json.Marshal(entries[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(jsonSize)/float64(len(entries)), "bytes/entry")
	})
	b.Run("json/decode", func(b *testing.B) {
		for b.Loop() {
			for _, j := range jsoned {
				var e parsedEntry
				if err := json.Unmarshal(j, &e); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestCodecSameBytes: an entry is written as the same bytes every time,
// whatever order its maps give their keys in, so that a rebuild finds a
// cache file of unchanged entries unchanged.
func TestCodecSameBytes(t *testing.T) {
	pos := func() map[string]diag.Pos {
		m := map[string]diag.Pos{}
		for i, k := range []string{"namn", "funktion", "kommuner", "finansiering", "kontakt", "kontakt[0].epost", "granskad", "webb", "malgrupp", "huvudman", "start", "slut"} {
			m[k] = diag.Pos{File: "content/verksamheter/lotsen.md", Line: i + 2, Col: 1}
		}
		return m
	}
	e := parsedEntry{
		Index:    &catalog.Index{File: "content/_index.md", Pos: pos()},
		Activity: &catalog.Activity{Slug: "lotsen", Pos: pos()},
		Page:     &catalog.Page{Slug: "om", Pos: pos()},
	}
	first := appendEntry(nil, &e)
	for range 50 {
		e.Index.Pos, e.Activity.Pos, e.Page.Pos = pos(), pos(), pos()
		if got := appendEntry(nil, &e); !bytes.Equal(got, first) {
			t.Fatal("the same entry was written as other bytes")
		}
	}
}
