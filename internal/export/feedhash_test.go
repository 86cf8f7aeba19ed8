package export

import (
	"bytes"
	"crypto/sha256"
	"reflect"
	"strconv"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

func feedSum(f *Feed) [32]byte {
	h := sha256.New()
	f.Hash(h)
	return [32]byte(h.Sum(nil))
}

// TestFeedHashEveryField: changing any value a feed is encoded of (found
// by reflection: every string, at any depth, and whether an entry has a
// summary) changes its Hash, and the feed's bytes too, so that a hash
// that stays the same means the same bytes.
func TestFeedHashEveryField(t *testing.T) {
	cat := sample()
	second := *cat.Activities[0]
	second.Slug, second.Malgrupp = "andra", ""
	cat.Activities = append(cat.Activities, &second)
	summary := func(a *catalog.Activity) string { return "en sammanfattning" }
	base := NewFeed(cat, now, nil, summary)
	baseSum := feedSum(base)
	baseBytes, err := base.Encode()
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	var visit func(path string, v reflect.Value, at func(f *Feed) reflect.Value)
	try := func(path string, change func(f *Feed)) {
		f := NewFeed(cat, now, nil, summary)
		change(f)
		b, err := f.Encode()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if bytes.Equal(b, baseBytes) {
			return // not encoded (the XML name's namespace, say)
		}
		changed++
		if feedSum(f) == baseSum {
			t.Errorf("%s changed, the feed's bytes too, but not its hash", path)
		}
	}
	// at reaches the value the path names in another feed.
	visit = func(path string, v reflect.Value, at func(f *Feed) reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			try(path, func(f *Feed) { at(f).SetString(at(f).String() + "x") })
		case reflect.Struct:
			for i := range v.NumField() {
				visit(path+"."+v.Type().Field(i).Name, v.Field(i), func(f *Feed) reflect.Value { return at(f).Field(i) })
			}
		case reflect.Slice:
			for i := range v.Len() {
				visit(path+"["+strconv.Itoa(i)+"]", v.Index(i), func(f *Feed) reflect.Value { return at(f).Index(i) })
			}
		case reflect.Pointer:
			if v.IsNil() {
				try(path+" set", func(f *Feed) { at(f).Set(reflect.New(v.Type().Elem())) })
				return
			}
			try(path+" nil", func(f *Feed) { at(f).SetZero() })
			visit(path, v.Elem(), func(f *Feed) reflect.Value { return at(f).Elem() })
		}
	}
	visit("feed", reflect.ValueOf(&base.doc).Elem(), func(f *Feed) reflect.Value { return reflect.ValueOf(&f.doc).Elem() })
	if changed < 20 {
		t.Errorf("only %d changes found to try", changed)
	}
}

// TestSitemapHashEveryField: changing the base URL, or any entry's
// address or date, changes SitemapHash.
func TestSitemapHashEveryField(t *testing.T) {
	sum := func(base string, entries []Entry) [32]byte {
		h := sha256.New()
		SitemapHash(h, base, entries)
		return [32]byte(h.Sum(nil))
	}
	entries := func() []Entry {
		return []Entry{{URL: ""}, {URL: "verksamheter/lotsen/", LastMod: now}}
	}
	want := sum("https://example.se/", entries())
	for what, change := range map[string]func(base *string, e []Entry) []Entry{
		"base URL": func(base *string, e []Entry) []Entry { *base += "x/"; return e },
		"address":  func(base *string, e []Entry) []Entry { e[1].URL += "x/"; return e },
		"date":     func(base *string, e []Entry) []Entry { e[1].LastMod.Day++; return e },
		"no date":  func(base *string, e []Entry) []Entry { e[1].LastMod = catalog.Date{}; return e },
		"a date":   func(base *string, e []Entry) []Entry { e[0].LastMod = now; return e },
		"an entry": func(base *string, e []Entry) []Entry { return append(e, Entry{URL: "om/"}) },
		"moved":    func(base *string, e []Entry) []Entry { e[0].URL, e[1].URL = e[1].URL, e[0].URL; return e },
	} {
		base := "https://example.se/"
		e := change(&base, entries())
		if sum(base, e) == want {
			t.Errorf("%s changed, not the hash", what)
		}
	}
}
