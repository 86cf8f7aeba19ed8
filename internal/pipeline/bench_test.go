package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/render"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// BenchmarkBuild measures a whole build into memory (load, check, Markdown,
// render, exports, minify). Run with:
//
//	go test ./internal/pipeline -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		src := synth.Catalogue(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			opt := testOptions()
			for b.Loop() {
				var out publish.Mem
				res, err := Site(context.Background(), src, &out, opt)
				if err != nil {
					b.Fatalf("%v\n%s", err, diagText(res))
				}
			}
		})
	}
}

// BenchmarkDir measures a whole build into an output folder, as samkat
// build does it: into a folder that does not exist yet (fresh), and into
// the previous output with nothing changed (again). Run with:
//
//	go test ./internal/pipeline -run '^$' -bench Dir -benchmem -benchtime 3x
func BenchmarkDir(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		dir := b.TempDir()
		writeTree(b, dir, synth.Catalogue(n))
		opt := testOptions()
		opt.Changed = map[string]time.Time{} // no git history to read
		b.Run(fmt.Sprintf("fresh/n=%d", n), func(b *testing.B) {
			outs := b.TempDir()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(outs, fmt.Sprint(i))
				if _, err := Dir(context.Background(), dir, out, opt); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := os.RemoveAll(out); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
		b.Run(fmt.Sprintf("again/n=%d", n), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			if _, err := Dir(context.Background(), dir, out, opt); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := Dir(context.Background(), dir, out, opt)
				if err != nil {
					b.Fatal(err)
				}
				if res.Written != 0 {
					b.Fatalf("wrote %d files of an unchanged site", res.Written)
				}
			}
		})
	}
}

// writeTree writes the files of fsys below dir.
func writeTree(tb testing.TB, dir string, fsys fstest.MapFS) {
	tb.Helper()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkAssemble measures site.Assemble alone, on a prepared synthetic
// catalogue of 10,000 activities:
//
//	go test ./internal/pipeline -run '^$' -bench Assemble -benchmem
func BenchmarkAssemble(b *testing.B) {
	opt := testOptions()
	p, res, err := prepare(context.Background(), synth.Catalogue(10000), opt)
	if err != nil {
		b.Fatalf("%v\n%s", err, diagText(res))
	}
	in := siteInput(p, opt, nil)
	for b.Loop() {
		site.Assemble(in)
	}
}

// BenchmarkRenderActivityPages measures rendering the 10,000 activity
// pages of a synthetic catalogue, one after the other, after
// render.Prerender. The layouts are read from ../../layouts, so the test
// binary run in another checkout measures that checkout's layouts:
//
//	go test ./internal/pipeline -run '^$' -bench RenderActivityPages -benchmem
func BenchmarkRenderActivityPages(b *testing.B) {
	opt := testOptions()
	p, res, err := prepare(context.Background(), synth.Catalogue(10000), opt)
	if err != nil {
		b.Fatalf("%v\n%s", err, diagText(res))
	}
	r, err := render.New(opt.Layouts, nil)
	if err != nil {
		b.Fatal(err)
	}
	pages := site.Assemble(siteInput(p, opt, nil))
	if err := r.Prerender(context.Background(), pages); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, pg := range pages {
			if pg.Template == "activity" {
				if _, err := r.Render(pg); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
