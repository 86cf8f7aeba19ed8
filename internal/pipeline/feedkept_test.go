package pipeline

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/route"
)

// TestFeedKeptByContent: after a change the feed and the sitemap do not
// show (a line added to a body whose activity has a målgrupp), a build
// keeps the previous build's feed and sitemap without making them again,
// as it keeps a page: bytes put in their place in the previous site are
// what the next one has. A change they show (the activity's namn, for
// the feed; an activity added) makes them again, the bytes of a build
// without a cache.
func TestFeedKeptByContent(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	prev := new(publish.Mem)
	if res, err := Site(ctx, src, prev, opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	for _, name := range []string{route.Feed, route.Sitemap} {
		if _, ok := prev.Get(name); !ok {
			t.Fatalf("no %s", name)
		}
		if err := prev.WriteFile(name, []byte("<kept/>")); err != nil {
			t.Fatal(err)
		}
	}
	edit := func(old, new string) {
		t.Helper()
		b := string(src[lotsen].Data)
		if !strings.Contains(b, old) {
			t.Fatalf("%s has no %q", lotsen, old)
		}
		src[lotsen] = &fstest.MapFile{Data: []byte(strings.Replace(b, old, new, 1))}
	}
	build := func(what string, out *publish.Mem, opt Options) *publish.Mem {
		t.Helper()
		if res, err := Site(ctx, src, out, opt); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, diagText(res))
		}
		return out
	}

	edit("## Bakgrund\n", "## Bakgrund\n\nEn ny rad.\n")
	next := build("a body changed", prev.Next(), opt)
	for _, name := range []string{route.Feed, route.Sitemap} {
		if got, _ := next.Get(name); string(got) != "<kept/>" {
			t.Errorf("a body changed: %s made again, want the previous build's kept:\n%.200s", name, got)
		}
	}

	same := func(what string, next *publish.Mem, names ...string) {
		t.Helper()
		cold := opt
		cold.Cache = nil
		want := build(what+", cold", new(publish.Mem), cold)
		for _, name := range names {
			got, _ := next.Get(name)
			w, _ := want.Get(name)
			if !bytes.Equal(got, w) {
				t.Errorf("%s: %s is not the cold build's:\n%.300s\nwant\n%.300s", what, name, got, w)
			}
		}
	}
	// The sitemap lists the pages by address: the same.
	edit("namn: Lotsen\n", "namn: Lotsen i Borås\n")
	next = build("namn", next.Next(), opt)
	same("namn", next, route.Feed)
	src["content/verksamheter/nytt-team.md"] = &fstest.MapFile{Data: []byte("---\nnamn: Nytt team\nfunktion: specialresurser\nkommuner: [Mark]\nfinansiering: [finsam]\ngranskad: 2026-11-01\nkontakt:\n  - epost: nytt@example.se\n---\nEtt nytt team.\n")}
	next = build("an activity added", next.Next(), opt)
	same("an activity added", next, route.Feed, route.Sitemap)
}
