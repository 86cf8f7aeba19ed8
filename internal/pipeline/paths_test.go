package pipeline

import (
	"context"
	"io/fs"
	"slices"
	"testing"

	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// TestPathsAgreeWithAssemble: the pages the links of the bodies are
// resolved against (site.Paths, before the Markdown is converted) are the
// pages the build makes (site.Assemble), in the same order, on the
// repository's own catalogue, the small test catalogue and a synthetic one,
// with and without drafts.
func TestPathsAgreeWithAssemble(t *testing.T) {
	cases := []struct {
		name string
		src  fs.FS
	}{
		{"repository", catalogueFS(t, "../..")},
		{"small", catalogueFS(t, "testdata/small")},
		{"synthetic", synth.Catalogue(300)},
	}
	for _, c := range cases {
		for _, drafts := range []bool{false, true} {
			opt := testOptions()
			opt.Drafts = drafts
			p, res, err := prepare(context.Background(), c.src, opt, nil, nil)
			if err != nil {
				t.Fatalf("%s: %v\n%s", c.name, err, diagText(res))
			}
			in := siteInput(p, opt, nil)
			paths, pages := site.Paths(in), site.Assemble(in)
			if len(pages) < 20 {
				t.Fatalf("%s: only %d pages", c.name, len(pages))
			}
			if !slices.EqualFunc(paths, pages, func(p, q site.Page) bool {
				return p.View == nil && q.View != nil && p.Path == q.Path && p.URL == q.URL && p.Template == q.Template &&
					p.InSitemap == q.InSitemap && p.LastMod == q.LastMod
			}) {
				t.Errorf("%s (drafts %v): Paths and Assemble disagree:\n%v\n%v", c.name, drafts, summary(paths), summary(pages))
			}
		}
	}
}

func summary(pages []site.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Template+" "+p.Path)
	}
	return out
}
