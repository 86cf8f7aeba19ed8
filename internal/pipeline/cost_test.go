package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// atLimits is a body with a table, headings, nesting and links each at or
// near its limit: accepted, and as costly as a body of its size may be.
func atLimits() string {
	var b strings.Builder
	b.WriteString("## Tabell\n\n|" + strings.Repeat(" a |", 50) + "\n|" + strings.Repeat("---|", 50) + "\n")
	b.WriteString(strings.Repeat("| x |\n", 199))
	b.WriteString("\n" + strings.Repeat("## Avsnitt\n\nText med [en länk](https://example.se/) och [en till](lotsen.md).\n\n", 200))
	b.WriteString(strings.Repeat(">", 20) + " citat\n\n")
	b.WriteString(strings.Repeat("[x](", 2000) + "\n")
	return b.String()
}

// refused is a body past several limits at once.
func refused() string {
	return "|" + strings.Repeat("a|", 3000) + "\n|" + strings.Repeat("-|", 3000) + "\n" + strings.Repeat("x\n", 3000) +
		"\n" + strings.Repeat("## A\n\n", 2000) + strings.Repeat(">", 5000) + "\n\n" + strings.Repeat("[x](", 50000) + "\n"
}

// catalogueOf returns the hostile catalogue with n activities of body.
func catalogueOf(n int, index, activity string) fstest.MapFS {
	fsys := hostileCatalogue(activity)
	fsys["content/_index.md"] = &fstest.MapFile{Data: []byte(index)}
	for i := 1; i < n; i++ {
		fsys[fmt.Sprintf("content/verksamheter/v%04d.md", i)] = &fstest.MapFile{Data: []byte(strings.Replace(activity, "Lotsen", fmt.Sprintf("Lotsen %d", i), 1))}
	}
	return fsys
}

// TestCheckAndBuildCostIsLinear: checking and building catalogues of four
// times the size allocates at most about four times as much, for valid
// catalogues, catalogues at the limits and hostile ones. Bytes are counted,
// not time: a cost that grows with the square of the input would allocate
// sixteen times as much.
func TestCheckAndBuildCostIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds catalogues of a few MB")
	}
	kommuner := make([]string, 500)
	for i := range kommuner {
		kommuner[i] = fmt.Sprintf("Kommun %d", i)
	}
	unknown := make([]string, 200)
	for i := range unknown {
		unknown[i] = fmt.Sprintf("Okänd %d", i)
	}
	manyKommuner := strings.Replace(hostileIndex, "kommuner: [Borås, Mark]", "kommuner: [Borås, Mark, "+strings.Join(kommuner, ", ")+"]", 1)
	manyUnknown := strings.Replace(hostileActivity, "kommuner: [Borås]", "kommuner: ["+strings.Join(unknown, ", ")+"]", 1)

	cases := []struct {
		name  string
		sizes [2]int
		fsys  func(n int) fstest.MapFS
		valid bool
	}{
		{"synthetic catalogue", [2]int{25, 100}, synth.Catalogue, true},
		{"bodies at the limits", [2]int{3, 12}, func(n int) fstest.MapFS { return catalogueOf(n, hostileIndex, hostileActivity+atLimits()) }, true},
		{"bodies past the limits", [2]int{3, 12}, func(n int) fstest.MapFS { return catalogueOf(n, hostileIndex, hostileActivity+refused()) }, false},
		{"many unknown names", [2]int{5, 20}, func(n int) fstest.MapFS { return catalogueOf(n, manyKommuner, manyUnknown) }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var check, build, size [2]uint64
			for i, n := range c.sizes {
				fsys := c.fsys(n)
				for _, f := range fsys {
					size[i] += uint64(len(f.Data))
				}
				var err error
				check[i] = allocated(func() { _, err = Check(context.Background(), fsys, testOptions()) })
				if (err == nil) != c.valid {
					t.Fatalf("%d activities: check: %v", n, err)
				}
				var out publish.Mem
				build[i] = allocated(func() { _, err = Site(context.Background(), fsys, &out, testOptions()) })
				if (err == nil) != c.valid {
					t.Fatalf("%d activities: build: %v", n, err)
				}
			}
			t.Logf("input %d → %d bytes; check allocated %d → %d, build %d → %d", size[0], size[1], check[0], check[1], build[0], build[1])
			for _, stage := range []struct {
				name string
				cost [2]uint64
			}{{"check", check}, {"build", build}} {
				// Four times the input; a fixed part (layouts, static files)
				// makes the ratio smaller, never larger.
				if grow := float64(size[1]) / float64(size[0]); float64(stage.cost[1]) > 1.5*grow*float64(stage.cost[0]) {
					t.Errorf("%s: %.1f times the input allocated %.1f times as much", stage.name, grow, float64(stage.cost[1])/float64(stage.cost[0]))
				}
				if per := stage.cost[1] / size[1]; per > 2000 {
					t.Errorf("%s: %d bytes allocated per byte of input", stage.name, per)
				}
			}
		})
	}
}
