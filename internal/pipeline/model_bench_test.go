package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/samkat/samkat/internal/synth"
)

// BenchmarkPrepare measures Prepare, what samkat serve does after every
// save, on a synthetic catalogue in memory, and Render of one activity
// page of the result:
//
//	go test ./internal/pipeline -run '^$' -bench Prepare -benchmem
func BenchmarkPrepare(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("-short: only up to 1,000 activities")
			}
			src := synth.Catalogue(n)
			names := synth.Activities(src)
			page := "verksamheter/" + names[len(names)/2][len("content/verksamheter/"):len(names[len(names)/2])-len(".md")] + "/index.html"
			b.ResetTimer()
			for b.Loop() {
				m, _, err := Prepare(context.Background(), src, testOptions())
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
