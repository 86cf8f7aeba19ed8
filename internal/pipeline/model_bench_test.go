package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"runtime/pprof"
	"slices"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/synth"
)

// BenchmarkPrepare measures Prepare, what samkat serve does after every
// save, on a synthetic catalogue in memory, and Render of one activity
// page of the result; cached, with one Cache for every Prepare (as samkat
// serve keeps one) and that activity's file changed before each; served,
// cached with a source that knows its files' sums, as samkat serve's
// does (FileSummer):
//
//	go test ./internal/pipeline -run '^$' -bench Prepare -benchmem
func BenchmarkPrepare(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, mode := range []string{"cached=false", "cached=true", "served"} {
			cached := mode != "cached=false"
			b.Run(fmt.Sprintf("n=%d/%s", n, mode), func(b *testing.B) {
				if n > 1000 && testing.Short() {
					b.Skip("-short: only up to 1,000 activities")
				}
				var src fstest.MapFS = synth.Catalogue(n)
				var fsys fs.FS = src
				if mode == "served" {
					fsys = knownSums(src)
				}
				names := synth.Activities(src)
				file := names[len(names)/2]
				page := "verksamheter/" + file[len("content/verksamheter/"):len(file)-len(".md")] + "/index.html"
				opt := testOptions()
				versions := [][]byte{src[file].Data, append(slices.Clone(src[file].Data), "\nEn rad till.\n"...)}
				if cached {
					opt.Cache = NewCache()
					if _, _, err := Prepare(context.Background(), fsys, opt); err != nil {
						b.Fatal(err)
					}
				}
				b.ResetTimer()
				i := 0
				// Labelled, so that a profile can leave out the setup:
				// go tool pprof -tagfocus bench=timed
				pprof.Do(context.Background(), pprof.Labels("bench", "timed"), func(ctx context.Context) {
					for b.Loop() {
						if cached {
							i++
							src[file] = &fstest.MapFile{Data: versions[i%2]}
						}
						m, _, err := Prepare(ctx, fsys, opt)
						if err != nil {
							b.Fatal(err)
						}
						if _, ok, err := m.Render(ctx, page); !ok || err != nil {
							b.Fatalf("%s: %v, %v", page, ok, err)
						}
					}
				})
			})
		}
	}
}

// sumsKnown is a catalogue in memory that gives the sums of its files
// without hashing them again, as samkat serve's source does: it hashed
// each file once, when it read it, and compares the bytes.
type sumsKnown struct {
	fstest.MapFS
	mu   sync.Mutex
	sums map[string]knownSum
}

type knownSum struct {
	data []byte
	sum  [32]byte
}

func knownSums(src fstest.MapFS) *sumsKnown {
	return &sumsKnown{MapFS: src, sums: map[string]knownSum{}}
}

func (s *sumsKnown) UnreadSum(name string) ([32]byte, bool) {
	f, ok := s.MapFS[name]
	if !ok || len(f.Data) == 0 {
		return [32]byte{}, false
	}
	s.mu.Lock()
	k, ok := s.sums[name]
	s.mu.Unlock()
	if ok && len(k.data) == len(f.Data) && &k.data[0] == &f.Data[0] {
		return k.sum, true
	}
	return s.FileSum(name, f.Data)
}

func (s *sumsKnown) FileSum(name string, data []byte) ([32]byte, bool) {
	f, ok := s.MapFS[name]
	if !ok || !bytes.Equal(f.Data, data) {
		return [32]byte{}, false
	}
	s.mu.Lock()
	k, ok := s.sums[name]
	s.mu.Unlock()
	if ok && bytes.Equal(k.data, data) {
		return k.sum, true
	}
	k = knownSum{f.Data, sha256.Sum256(f.Data)}
	s.mu.Lock()
	s.sums[name] = k
	s.mu.Unlock()
	return k.sum, true
}
