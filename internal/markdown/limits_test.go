package markdown

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// convertOne converts body and returns the text of its diagnostics, one a
// line.
func convertOne(t *testing.T, body string) (string, string) {
	t.Helper()
	b0, diags := New().Convert("f.md", []byte(body))
	html := b0.HTML
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String() + "\n")
	}
	return string(html), b.String()
}

func table(cols, rows int) string {
	var b strings.Builder
	b.WriteString("|" + strings.Repeat(" a |", cols) + "\n")
	b.WriteString("|" + strings.Repeat("---|", cols) + "\n")
	for range rows - 1 {
		b.WriteString("| x |\n") // one cell: goldmark pads it to the header's width
	}
	return b.String()
}

// TestLimitsAtAndPast: each limit of a body, at the limit (accepted) and
// one past it (refused with its message at the line).
func TestLimitsAtAndPast(t *testing.T) {
	nested := func(n int) string { return strings.Repeat(">", n) + " text\n" }
	indented := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- punkt\n")
		}
		return b.String()
	}
	headings := func(n int) string { return strings.Repeat("## Avsnitt\n\nText.\n\n", n) }
	// One paragraph of 64 KiB with k brackets: the links' bound is k times
	// its length, and MaxLinkWork allows k up to kmax.
	const para = 64 << 10
	kmax := int(MaxLinkWork(para) / para)
	brackets := func(k int) string { return strings.Repeat("[", k) + strings.Repeat("a", para-k) }
	cases := []struct {
		name     string
		at, past string
		want     string // the message for past
	}{
		{"table columns", table(MaxTableColumns, 2), table(MaxTableColumns+1, 2),
			"f.md:2: error: the table has 51 columns; the limit is 50"},
		{"table cells", table(2, MaxTableCells/2), table(2, MaxTableCells/2+1),
			"f.md:2: error: the table has 10002 cells (2 columns times 5001 rows); the limit is 10000"},
		{"headings", headings(MaxHeadings), headings(MaxHeadings + 1),
			"f.md:4001: error: the text has 1001 headings; the limit is 1000"},
		{"quotes", nested(MaxNesting), nested(MaxNesting + 1),
			"f.md:1: error: this line is nested 21 levels deep in quotes (>) and lists; no text needs more than 20"},
		{"lists on one line", strings.Repeat("- ", MaxNesting) + "x\n", strings.Repeat("- ", MaxNesting+1) + "x\n",
			"f.md:1: error: this line is nested 21 levels deep in quotes (>) and lists; no text needs more than 20"},
		{"indented lists", indented(MaxNesting), indented(MaxNesting + 1),
			"f.md:21: error: this line is nested 21 levels deep in quotes (>) and lists; no text needs more than 20"},
		{"links in a long paragraph", brackets(kmax), brackets(kmax + 1),
			fmt.Sprintf("f.md:1: error: the paragraph starting here has %d [ in %d characters; that many links in paragraphs that long take too long to read", kmax+1, para)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if html, diags := convertOne(t, c.at); diags != "" || html == "" {
				t.Errorf("at the limit: diagnostics %q, %d bytes of HTML", diags, len(html))
			}
			html, diags := convertOne(t, c.past)
			if diags != c.want+"\n" {
				t.Errorf("past the limit:\n%s\nwant:\n%s", diags, c.want)
			}
			if strings.Contains(html, "<table") {
				t.Errorf("past the limit, the HTML still has the table")
			}
		})
	}
}

func TestHeadingIDsStayUnique(t *testing.T) {
	html, diags := convertOne(t, "## A\n\n## A\n\n## A 3\n\n## A\n\n## A\n")
	if diags != "" {
		t.Fatal(diags)
	}
	for _, id := range []string{`id="a"`, `id="a-2"`, `id="a-3"`, `id="a-4"`, `id="a-5"`} {
		if strings.Count(html, id) != 1 {
			t.Errorf("%s appears %d times in\n%s", id, strings.Count(html, id), html)
		}
	}
}

func TestRulesAreNotNesting(t *testing.T) {
	rule := strings.Repeat("- ", 40) + "\n"
	if _, diags := convertOne(t, "Text\n\n"+rule+"\nMer.\n"); diags != "" {
		t.Errorf("a rule of 40 dashes: %s", diags)
	}
}

// allocated returns the bytes allocated by f.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// hostileBodies make bodies of about n bytes in the shapes whose cost used
// to grow faster than their size.
var hostileBodies = map[string]func(n int) string{
	"wide table":      func(n int) string { return table(n/8, 1) + strings.Repeat("x\n", n/4) },
	"padded table":    func(n int) string { return table(MaxTableColumns, n/6) },
	"same headings":   func(n int) string { return strings.Repeat("## A\n\n", n/6) },
	"nested quotes":   func(n int) string { return strings.Repeat(">", n) + " x\n" },
	"quote staircase": func(n int) string { return staircase(n, func(i int) string { return strings.Repeat(">", i) + " x\n" }) },
	"list staircase": func(n int) string {
		return staircase(n, func(i int) string { return strings.Repeat("  ", i) + "- x\n" })
	},
	"open brackets":   func(n int) string { return strings.Repeat("[", n) },
	"open links":      func(n int) string { return strings.Repeat("[x](", n/4) },
	"open <links":     func(n int) string { return strings.Repeat("[x](< ", n/6) },
	"open titles":     func(n int) string { return strings.Repeat("[x](a \"\n", n/8) },
	"brackets closed": func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) },
	"emphasis":        func(n int) string { return strings.Repeat("*a", n/2) },
	"plain text":      func(n int) string { return strings.Repeat("Ett stycke om verksamheten. ", n/28) },
	"linked paragraphs": func(n int) string {
		return strings.Repeat("Se [Lotsen](https://example.se/lotsen) för mer.\n\n", n/50)
	},
}

func staircase(n int, line func(i int) string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(line(i))
	}
	return b.String()
}

// TestCostIsLinear: converting each hostile body of 64 KB and of four times
// that allocates at most about four times as much (a quadratic cost would
// be sixteen times), and never more than a generous multiple of the input
// (goldmark's nodes take a few hundred bytes per character of emphasis).
// Bytes are counted, not time.
func TestCostIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("converts a few MB")
	}
	c := New()
	for name, gen := range hostileBodies {
		t.Run(name, func(t *testing.T) {
			var cost [2]uint64
			for i, n := range []int{64 << 10, 256 << 10} {
				body := []byte(gen(n))
				cost[i] = allocated(func() {
					c.Convert("f.md", body)
				})
				if limit := uint64(1000*len(body) + 1<<20); cost[i] > limit {
					t.Errorf("%d bytes of input allocated %d bytes, more than %d", len(body), cost[i], limit)
				}
			}
			if cost[1] > 6*cost[0]+1<<20 {
				t.Errorf("four times the input allocated %.1f times as much (%d, then %d bytes)", float64(cost[1])/float64(cost[0]), cost[0], cost[1])
			}
		})
	}
}

// BenchmarkHostile converts each hostile body of 256 KB, to see the time
// it takes.
func BenchmarkHostile(b *testing.B) {
	c := New()
	for name, gen := range hostileBodies {
		body := []byte(gen(256 << 10))
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				c.Convert("f.md", body)
			}
		})
	}
}

// TestBrokenLinksInALargeSite: every link that leads nowhere gets its
// message, but "did you mean" hints stop at the body's budget: 5,000
// broken links on a site of 10,000 pages used to compare every link with
// every page.
func TestBrokenLinksInALargeSite(t *testing.T) {
	s := &Site{Pages: map[string]string{}, Drafts: map[string]bool{}, Static: map[string]bool{}, URLs: map[string]bool{}}
	for i := range 10000 {
		s.Pages[fmt.Sprintf("content/verksamheter/v%05d.md", i)] = fmt.Sprintf("verksamheter/v%05d/", i)
	}
	body := []byte(strings.Repeat("[a](v1234.md) [b](/saknas/) [c](bild.png)\n\n", 5000/3))
	c := ForSite(s)
	var n int
	alloc := allocated(func() {
		_, diags := c.Convert("content/verksamheter/v00001.md", body)
		n = len(diags)
	})
	if n != 3*(5000/3) {
		t.Errorf("%d messages, want one per link", n)
	}
	if alloc > 256<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
	t.Logf("allocated %d bytes", alloc)
}

// TestBothScanLimitsReported: a body past the nesting and the links limit
// gets both messages.
func TestBothScanLimitsReported(t *testing.T) {
	body := strings.Repeat(">", 30) + " x\n\n" + strings.Repeat("[x](", 100000) + "\n"
	_, diags := convertOne(t, body)
	if strings.Count(diags, "\n") != 2 || !strings.Contains(diags, "nested 30 levels") || !strings.Contains(diags, "f.md:3: error: the paragraph") {
		t.Errorf("diagnostics:\n%s", diags)
	}
}
