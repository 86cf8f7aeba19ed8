package pipeline

import (
	"bytes"
	"maps"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/site"
)

// TestBodiesKeptInMemory: a cache kept in memory holds, after each good
// build, the bodies of that build and no others (each stamped with it; a
// body left for later known as clean, not as converted),
// a body with a diagnostic converted with it, so that its diagnostic is
// reported again by the builds that take it from the cache; a build with
// errors leaves the bodies as they were; every file is what a cold build
// makes.
func TestBodiesKeptInMemory(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	lotsen, aktiv := "content/verksamheter/lotsen.md", "content/verksamheter/aktiv-vardag.md"
	withH1 := func(r Result) bool {
		for _, d := range r.Diagnostics {
			if d.Pos.File == lotsen && d.Msg.ID == msg.BodyH1 {
				return true
			}
		}
		return false
	}
	check := func(step string, m *Model, res Result, h1 bool) {
		t.Helper()
		c := opt.Cache
		want := map[site.Key]bool{}
		for _, k := range m.p.pending.keys() {
			want[k] = true
		}
		got := map[site.Key]bool{}
		for k, e := range c.bodies {
			got[k] = true
			if e.gen != c.bodiesGen {
				t.Errorf("%s: a body of build %d kept after build %d", step, e.gen, c.bodiesGen)
			}
			if e.converted && e.clean != (len(e.diags) == 0) {
				t.Errorf("%s: a body with %d diagnostics kept as clean: %v", step, len(e.diags), e.clean)
			}
			if !e.converted && !e.clean {
				t.Errorf("%s: a body neither converted nor clean kept", step)
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: the cache keeps %d bodies, the build has %d", step, len(got), len(want))
		}
		if withH1(res) != h1 {
			t.Errorf("%s: the heading's warning reported: %v, want %v", step, withH1(res), h1)
		}
		built, _, err := buildMem(t, src)
		if err != nil {
			t.Fatal(err)
		}
		rendersAsBuilt(ctx, t, step+": ", m, built)
	}
	prepare := func(step string, h1 bool) {
		t.Helper()
		m, res, err := Prepare(ctx, src, opt)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		check(step, m, res, h1)
	}
	add := func(file, text string) {
		src[file] = &fstest.MapFile{Data: append(slices.Clone(src[file].Data), text...)}
	}
	prepare("first", false)
	// Known clean but not converted, as a body left for later is: the
	// build after the one that leaves them (and renders nothing) still
	// has to convert them.
	for k, e := range opt.Cache.bodies {
		opt.Cache.bodies[k] = bodyEntry{clean: e.clean, gen: e.gen}
	}
	if m, _, err := Prepare(ctx, src, opt); err != nil || len(m.p.pending.jobs) == 0 {
		t.Fatalf("left for later: %v, %d bodies pending", err, len(m.p.pending.jobs))
	}
	prepare("after the bodies left for later", false)
	add(lotsen, "\n# En rubrik för mycket\n")
	prepare("a heading the body may not have", true)
	add(aktiv, "\nEn rad till.\n")
	prepare("another body", true)
	was := src[aktiv].Data
	kept := maps.Clone(opt.Cache.bodies)
	src[aktiv] = &fstest.MapFile{Data: nil}
	if _, _, err := Prepare(ctx, src, opt); err == nil {
		t.Fatal("an empty activity file builds")
	}
	if !maps.EqualFunc(kept, opt.Cache.bodies, func(a, b bodyEntry) bool { return a.gen == b.gen && a.converted == b.converted }) {
		t.Error("the failed build changed the bodies kept")
	}
	src[aktiv] = &fstest.MapFile{Data: append(slices.Clone(was), "\nOch en.\n"...)}
	prepare("written after the failed build", true)
	delete(src, "content/verksamheter/koordinator.md")
	prepare("a file removed", true)
	src[lotsen] = &fstest.MapFile{Data: bytes.Replace(src[lotsen].Data, []byte("\n# En rubrik för mycket\n"), nil, 1)}
	prepare("the heading gone", false)
}
