package pipeline

import (
	"context"
	"fmt"
	"testing"

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
