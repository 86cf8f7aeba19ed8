package pipeline

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/synth"
)

// BenchmarkPrepare measures Prepare, what samkat serve does after every
// save, on a synthetic catalogue in memory, and Render of one activity
// page of the result; cached, with one Cache for every Prepare (as samkat
// serve keeps one) and that activity's file changed before each:
//
//	go test ./internal/pipeline -run '^$' -bench Prepare -benchmem
func BenchmarkPrepare(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, cached := range []bool{false, true} {
			b.Run(fmt.Sprintf("n=%d/cached=%v", n, cached), func(b *testing.B) {
				if n > 1000 && testing.Short() {
					b.Skip("-short: only up to 1,000 activities")
				}
				src := synth.Catalogue(n)
				names := synth.Activities(src)
				file := names[len(names)/2]
				page := "verksamheter/" + file[len("content/verksamheter/"):len(file)-len(".md")] + "/index.html"
				opt := testOptions()
				versions := [][]byte{src[file].Data, append(slices.Clone(src[file].Data), "\nEn rad till.\n"...)}
				if cached {
					opt.Cache = NewCache()
					if _, _, err := Prepare(context.Background(), src, opt); err != nil {
						b.Fatal(err)
					}
				}
				b.ResetTimer()
				i := 0
				for b.Loop() {
					if cached {
						i++
						src[file] = &fstest.MapFile{Data: versions[i%2]}
					}
					m, _, err := Prepare(context.Background(), src, opt)
					if err != nil {
						b.Fatal(err)
					}
					if _, ok, err := m.Render(context.Background(), page); !ok || err != nil {
						b.Fatalf("%s: %v, %v", page, ok, err)
					}
				}
			})
		}
	}
}
