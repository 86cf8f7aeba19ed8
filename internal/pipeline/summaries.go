package pipeline

import (
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/site"
)

// The feed shows the summary of an activity without a målgrupp: the
// start of its body's text, which takes converting the body. samkat build
// keeps the summaries it showed in the cache file, by the body's bodyKey
// (its file, the link table and its place in the booklet: all that the
// conversion is made of), so that after one change the bodies of the
// others need not be converted for the feed.

// feedSummary is the summary the feed shows of a converted body.
func feedSummary(b markdown.Body) string { return catalog.Excerpt(b.Summary, 200) }

// bodySummary gives the feed the summaries of bodies, all converted.
func bodySummary(bodies map[string]markdown.Body) func(*catalog.Activity) string {
	return func(a *catalog.Activity) string { return feedSummary(bodies[a.File]) }
}

// summaryKnown says, for the cache of one build, whether the cache file
// holds the summary of the body of a file (keys: the bodyKeys by file).
func (r *run) summaryKnown(keys map[string]site.Key) func(file string) bool {
	if r == nil || !r.c.oneBuild {
		return func(string) bool { return false }
	}
	r.c.mu.Lock()
	known := r.c.summaries
	r.c.mu.Unlock()
	return func(file string) bool {
		k, ok := keys[file]
		if !ok {
			return false
		}
		_, ok = known[k]
		return ok
	}
}

// summaries gives the feed each activity's summary, from its converted
// body or from the cache file, and keeps those it gave for the next build.
type summaries struct {
	r      *run
	keys   map[string]site.Key // the bodyKeys by file
	bodies map[string]markdown.Body
	known  map[site.Key]string
	using  map[site.Key]string
}

// feedSummaries returns the summaries of bodies, or of the cache file
// where bodies has none.
func (r *run) feedSummaries(keys map[string]site.Key, bodies map[string]markdown.Body) *summaries {
	s := &summaries{r: r, keys: keys, bodies: bodies, using: map[site.Key]string{}}
	if r != nil && r.c.oneBuild {
		r.c.mu.Lock()
		s.known = r.c.summaries
		r.c.mu.Unlock()
	}
	return s
}

// of is the summary function of export.Atom.
func (s *summaries) of(a *catalog.Activity) string {
	k, keyed := s.keys[a.File]
	b, converted := s.bodies[a.File]
	var sum string
	switch {
	case converted:
		sum = feedSummary(b)
	case keyed:
		sum = s.known[k] // needed made sure it is there
	}
	if keyed {
		s.using[k] = sum
	}
	return sum
}

// done hands the summaries this build gave to the cache file.
func (s *summaries) done() {
	if s.r != nil && s.r.c.oneBuild {
		s.r.summaries = s.using
	}
}
