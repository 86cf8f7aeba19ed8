package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/publish"
)

// BenchmarkBuildPeak builds into memory as BenchmarkBuild does and reports
// the most heap it held, sampled every 10 ms: peak-live-MB/op is the largest
// heap the garbage collector found live (what the build holds at its peak,
// not what it allocates in all), peak-heap-MB/op the largest heap including
// the garbage not yet collected (what the process's memory follows). With
// SAMKAT_PEAK_PROFILE set to a folder, it writes a heap profile there at
// each new live peak (peak-N.pprof), to read with go tool pprof
// -sample_index=inuse_space:
//
//	SAMKAT_PEAK_PROFILE=/tmp/peak go test ./internal/pipeline -run '^$' \
//	    -bench 'BuildPeak/n=10000' -benchtime 1x -memprofilerate 65536
func BenchmarkBuildPeak(b *testing.B) {
	forSizes(b, func(b *testing.B, src fstest.MapFS) {
		opt := benchOptions()
		var live, heap uint64
		for b.Loop() {
			s := startPeakSampler(os.Getenv("SAMKAT_PEAK_PROFILE"))
			var out publish.Mem
			res, err := Site(context.Background(), src, &out, opt)
			s.stop()
			if err != nil {
				b.Fatalf("%v\n%s", err, diagText(res))
			}
			live, heap = max(live, s.live), max(heap, s.heap)
		}
		b.ReportMetric(float64(live)/(1<<20), "peak-live-MB/op")
		b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB/op")
	})
}

// BenchmarkBuildPeakDir builds as samkat build does, from a catalogue
// folder into a fresh output folder, with no cache, and reports the peaks
// as BenchmarkBuildPeak does: here only what the build holds is counted,
// not the written site (set TMPDIR to a folder of its own, see
// docs/performance.md). SAMKAT_PEAK_PROFILE writes the profiles as there.
func BenchmarkBuildPeakDir(b *testing.B) {
	forSizes(b, func(b *testing.B, src fstest.MapFS) {
		dir := writeCatalogue(b, src)
		opt := benchOptions()
		var live, heap uint64
		for i := 0; b.Loop(); i++ {
			out := filepath.Join(b.TempDir(), "site")
			s := startPeakSampler(os.Getenv("SAMKAT_PEAK_PROFILE"))
			res, err := Dir(context.Background(), dir, out, opt)
			s.stop()
			if err != nil {
				b.Fatalf("%v\n%s", err, diagText(res))
			}
			live, heap = max(live, s.live), max(heap, s.heap)
		}
		b.ReportMetric(float64(live)/(1<<20), "peak-live-MB/op")
		b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB/op")
	})
}

// peakSampler samples the live heap every 10 ms until stopped.
type peakSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	live uint64 // the largest live heap the collector found
	heap uint64 // the largest heap, garbage included
}

func startPeakSampler(profiles string) *peakSampler {
	runtime.GC()
	s := &peakSampler{done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		var profiled uint64
		for n := 0; ; {
			metrics.Read(sample)
			s.heap = max(s.heap, sample[1].Value.Uint64())
			if v := sample[0].Value.Uint64(); v > s.live {
				s.live = v
				// A profile costs time: one at each 5 % more.
				if profiles != "" && v > profiled+profiled/20 {
					profiled = v
					n++
					// A heap profile shows the heap as of the last
					// collection but one: collect now, for it to show this.
					runtime.GC()
					writeHeapProfile(filepath.Join(profiles, fmt.Sprintf("peak-%d.pprof", n)))
				}
			}
			select {
			case <-s.done:
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

func (s *peakSampler) stop() {
	close(s.done)
	s.wg.Wait()
}

func writeHeapProfile(name string) {
	f, err := os.Create(name)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.Lookup("heap").WriteTo(f, 0)
}

// BenchmarkBuildStages builds as BenchmarkBuildPeakDir does and reports
// the live heap at the stages the build passes (Options.stage), after a
// collection there: the largest at each, in MB (live-MB-at-<stage>/op),
// and the largest the sampler saw (peak-live-MB/op). The booklets are
// emitted a few at a time (booklets=few, as samkat build does) or all at
// once (booklets=all), to compare. The collections change the pacing:
// the peak of BenchmarkBuildPeakDir is the one samkat build sees.
func BenchmarkBuildStages(b *testing.B) {
	forSizes(b, func(b *testing.B, src fstest.MapFS) {
		dir := writeCatalogue(b, src)
		for _, atOnce := range []struct {
			name string
			n    int
		}{{"few", 0}, {"all", 1 << 30}} {
			b.Run("booklets="+atOnce.name, func(b *testing.B) {
				opt := benchOptions()
				opt.bookletsAtOnce = atOnce.n
				var mu sync.Mutex
				live := map[string]uint64{}
				opt.stage = func(name string) {
					runtime.GC()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					mu.Lock()
					live[name] = max(live[name], ms.HeapAlloc)
					mu.Unlock()
				}
				var peak uint64
				for b.Loop() {
					out := filepath.Join(b.TempDir(), "site")
					s := startPeakSampler("")
					res, err := Dir(context.Background(), dir, out, opt)
					s.stop()
					if err != nil {
						b.Fatalf("%v\n%s", err, diagText(res))
					}
					peak = max(peak, s.live)
				}
				for name, v := range live {
					b.ReportMetric(float64(v)/(1<<20), "live-MB-at-"+strings.ReplaceAll(strings.ReplaceAll(name, " ", "-"), "'", "")+"/op")
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB/op")
			})
		}
	})
}
