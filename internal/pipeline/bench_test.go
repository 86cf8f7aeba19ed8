package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/cputime"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/render"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// The benchmarks build synthetic catalogues (package synth: about 4 KB and
// 450 words per activity) of 100, 1,000 and 10,000 activities. -short
// leaves out 10,000. Run them with, e.g.:
//
//	go test ./internal/pipeline -run '^$' -bench . -benchmem
//	go test ./internal/pipeline -run '^$' -bench 'BuildDir/n=10000' -benchtime 3x -benchmem
//
// docs/performance.md has the figures and how they were taken. Besides
// the wall time (ns/op) each reports cpu-s/op, the CPU time (user + system,
// all threads) of the timed part: on a shared machine it moves less than
// the wall time when other work competes for the cores.

// benchSizes are the catalogue sizes of the benchmarks.
var benchSizes = []int{100, 1000, 10000}

// forSizes runs f as a sub-benchmark "n=N" for each size, with the
// catalogue of that size; the catalogue is made only for the sizes that run.
func forSizes(b *testing.B, f func(b *testing.B, src fstest.MapFS)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("-short: only up to 1,000 activities")
			}
			f(b, synth.Catalogue(n))
		})
	}
}

// benchOptions are the test options with no git history to read, as for a
// catalogue outside a repository.
func benchOptions() Options {
	opt := testOptions()
	opt.Changed = map[string]time.Time{}
	return opt
}

// BenchmarkBuild measures a whole build into memory (load, check, Markdown,
// render, exports, search index, minify): what samkat serve does on every
// save, and what samkat build does before it writes.
func BenchmarkBuild(b *testing.B) {
	forSizes(b, func(b *testing.B, src fstest.MapFS) {
		opt := benchOptions()
		var cpu cpuMeter
		cpu.start()
		for b.Loop() {
			var out publish.Mem
			res, err := Site(context.Background(), src, &out, opt)
			if err != nil {
				b.Fatalf("%v\n%s", err, diagText(res))
			}
		}
		cpu.stop()
		cpu.report(b)
	})
}

// BenchmarkBuildDir measures samkat build of a catalogue folder into a new,
// empty output folder: Build plus reading the files and writing the site.
// Removing each iteration's output is not timed.
func BenchmarkBuildDir(b *testing.B) {
	forSizes(b, func(b *testing.B, src fstest.MapFS) {
		dir := writeCatalogue(b, src)
		opt := benchOptions()
		var written int
		var cpu cpuMeter
		for i := 0; i < b.N; i++ {
			out := filepath.Join(b.TempDir(), "site")
			cpu.start()
			res, err := Dir(context.Background(), dir, out, opt)
			cpu.stop()
			if err != nil {
				b.Fatalf("%v\n%s", err, diagText(res))
			}
			written += res.Written
			b.StopTimer()
			if err := os.RemoveAll(out); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(written)/float64(b.N), "files-written/op")
		cpu.report(b)
	})
}

// BenchmarkRebuild measures samkat build into the previous output after one
// activity changed: between iterations one activity's body alternates
// between two versions, so every iteration has exactly one change to
// publish. Each build uses the cache the previous one left in the output
// folder, as samkat build does. files-written/op is how many files the
// change rewrote, files-reused/op how many the build kept without making
// them again, and peak-live-MB/op the largest live heap (see
// BenchmarkBuildPeak).
func BenchmarkRebuild(b *testing.B) {
	forSizes(b, func(b *testing.B, src fstest.MapFS) {
		dir := writeCatalogue(b, src)
		out := filepath.Join(b.TempDir(), "site")
		opt := benchOptions()
		if res, err := Dir(context.Background(), dir, out, opt); err != nil {
			b.Fatalf("%v\n%s", err, diagText(res))
		}
		edit := newEdit(b, dir, src)
		var written, reused int
		var live uint64
		var cpu cpuMeter
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			edit.toggle(b)
			s := startPeakSampler("")
			b.StartTimer()
			cpu.start()
			var res Result
			var err error
			// go tool pprof -tagfocus bench=timed
			pprof.Do(context.Background(), pprof.Labels("bench", "timed"), func(ctx context.Context) {
				res, err = Dir(ctx, dir, out, opt)
			})
			cpu.stop()
			b.StopTimer()
			s.stop()
			b.StartTimer()
			if err != nil {
				b.Fatalf("%v\n%s", err, diagText(res))
			}
			written += res.Written
			reused += res.Reused
			live = max(live, s.live)
		}
		b.ReportMetric(float64(written)/float64(b.N), "files-written/op")
		b.ReportMetric(float64(reused)/float64(b.N), "files-reused/op")
		b.ReportMetric(float64(live)/(1<<20), "peak-live-MB/op")
		cpu.report(b)
	})
}

// BenchmarkRebuildMem measures a build into memory after one activity
// changed, from the previous build's site (publish.Mem.Next) with a cache
// kept in memory, as samkat serve can build; without the cache for
// comparison. The change alternates as in BenchmarkRebuild.
func BenchmarkRebuildMem(b *testing.B) {
	for _, cached := range []bool{false, true} {
		b.Run(fmt.Sprintf("cache=%v", cached), func(b *testing.B) {
			forSizes(b, func(b *testing.B, src fstest.MapFS) {
				opt := benchOptions()
				if cached {
					opt.Cache = NewCache()
				}
				mem := new(publish.Mem)
				if res, err := Site(context.Background(), src, mem, opt); err != nil {
					b.Fatalf("%v\n%s", err, diagText(res))
				}
				names := synth.Activities(src)
				name := names[len(names)/2]
				versions := [2][]byte{src[name].Data, bytes.Replace(src[name].Data, []byte("\n## Syfte\n"), []byte("\nEn rad till.\n\n## Syfte\n"), 1)}
				var reused int
				var cpu cpuMeter
				for i := 0; i < b.N; i++ {
					src[name] = &fstest.MapFile{Data: versions[(i+1)%2]}
					next := mem.Next()
					cpu.start()
					res, err := Site(context.Background(), src, next, opt)
					cpu.stop()
					if err != nil {
						b.Fatalf("%v\n%s", err, diagText(res))
					}
					reused += res.Reused
					mem = next
				}
				b.ReportMetric(float64(reused)/float64(b.N), "files-reused/op")
				cpu.report(b)
			})
		})
	}
}

// cpuMeter adds up the CPU time of the process between start and stop.
type cpuMeter struct {
	total, from time.Duration
	ok          bool
}

func (c *cpuMeter) start() { c.from, c.ok = cputime.Process() }

func (c *cpuMeter) stop() {
	if now, ok := cputime.Process(); ok && c.ok {
		c.total += now - c.from
	}
}

// report adds cpu-s/op to the benchmark's figures.
func (c *cpuMeter) report(b *testing.B) {
	if c.ok && b.N > 0 {
		b.ReportMetric(c.total.Seconds()/float64(b.N), "cpu-s/op")
	}
}

// writeCatalogue writes src to a temporary folder and returns it.
func writeCatalogue(b *testing.B, src fstest.MapFS) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "catalogue")
	if err := os.CopyFS(dir, src); err != nil {
		b.Fatal(err)
	}
	return dir
}

// edit is one activity file of a catalogue folder and two versions of it:
// the generated one and one with a word of its body changed.
type edit struct {
	path     string
	versions [2][]byte
	next     int
}

// newEdit picks the activity in the middle of the catalogue.
func newEdit(b *testing.B, dir string, src fstest.MapFS) *edit {
	b.Helper()
	names := synth.Activities(src)
	name := names[len(names)/2]
	orig := src[name].Data
	changed := bytes.Replace(orig, []byte("\n## Syfte\n"), []byte("\nEn rad till, ändrad för mätningen.\n\n## Syfte\n"), 1)
	if bytes.Equal(orig, changed) {
		b.Fatalf("%s has no section to change", name)
	}
	return &edit{path: filepath.Join(dir, filepath.FromSlash(name)), versions: [2][]byte{orig, changed}, next: 1}
}

// toggle writes the other version of the file.
func (e *edit) toggle(b *testing.B) {
	b.Helper()
	if err := os.WriteFile(e.path, e.versions[e.next], 0o644); err != nil {
		b.Fatal(err)
	}
	e.next = 1 - e.next
}

// BenchmarkAssemble measures site.Assemble alone, on a prepared synthetic
// catalogue of 10,000 activities:
//
//	go test ./internal/pipeline -run '^$' -bench Assemble -benchmem
func BenchmarkAssemble(b *testing.B) {
	opt := testOptions()
	p, res, err := prepare(context.Background(), synth.Catalogue(10000), opt, nil, nil)
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
	p, res, err := prepare(context.Background(), synth.Catalogue(10000), opt, nil, nil)
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
