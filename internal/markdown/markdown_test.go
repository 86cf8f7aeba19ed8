package markdown

import (
	"fmt"
	stdhtml "html"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// pad puts n blank lines before body, as the loader does for the frontmatter.
func pad(n int, body string) []byte { return []byte(strings.Repeat("\n", n) + body) }

func TestConvert(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantHTML  []string // substrings of the output
		notHTML   []string // must not occur (case-insensitive)
		wantDiags []string
	}{
		{name: "heading ids keep å ä ö readable",
			body:     "## Målgrupp\n\n## Ingång till verksamheten\n\n## Målgrupp\n",
			wantHTML: []string{`<h2 id="malgrupp">Målgrupp</h2>`, `<h2 id="ingang-till-verksamheten">`, `<h2 id="malgrupp-2">`}},
		{name: "reserved and empty ids",
			body:     "## Innehåll\n\n## ???\n",
			wantHTML: []string{`id="innehall-2"`, `id="avsnitt"`}},
		{name: "h1 becomes h2 with a warning",
			body:      "# Rubrik\n",
			wantHTML:  []string{`<h2 id="rubrik">Rubrik</h2>`},
			notHTML:   []string{"<h1"},
			wantDiags: []string{"f.md:11: warning: use ## for headings in the body; the page title comes from namn, so this heading is shown as ##"}},
		{name: "tables",
			body:     "| a | b |\n|---|---|\n| 1 | 2 |\n",
			wantHTML: []string{"<table>", "<th>a</th>", "<td>2</td>"}},
		{name: "autolinks",
			body:     "Se https://example.se/x och www.example.se och <info@example.se>.\n",
			wantHTML: []string{`<a href="https://example.se/x">`, `<a href="https://www.example.se">`, `<a href="mailto:info@example.se">`}},
		{name: "allowed links",
			body:     "[a](https://a.se) [b](mailto:b@c.se) [t](tel:+4633123) [r](../lotsen/) [f](#syfte)\n",
			wantHTML: []string{`href="https://a.se"`, `href="mailto:b@c.se"`, `href="tel:+4633123"`, `href="../lotsen/"`, `href="#syfte"`}},
		{name: "javascript link",
			body:      "Text\n[klicka](javascript:alert(1))\n",
			wantHTML:  []string{"klicka"},
			notHTML:   []string{"javascript", "<a "},
			wantDiags: []string{`f.md:12: error: link "javascript:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`}},
		{name: "obfuscated schemes",
			body:    "[a](JaVaScRiPt:alert(1)) [b](&#106;avascript:alert(1)) [c](<java\tscript:x>) [d](vbscript:x) [e](data:text/html,x) [f](file:///etc/passwd) [g](ftp://x.se) [h](//evil.se) [i](javascript&colon;alert(1))\n",
			notHTML: []string{"javascript", "vbscript", "data:", "file:", "ftp:", "evil", "<a "},
			wantDiags: []string{
				`f.md:11: error: link "JaVaScRiPt:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`,
				`f.md:11: error: link "data:text/html,x" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not data:`,
				`f.md:11: error: link "file:///etc/passwd" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not file:`,
				`f.md:11: error: link "ftp://x.se" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not ftp:`,
				`f.md:11: error: link "&#106;avascript:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`,
				`f.md:11: error: link "java\tscript:x" is not allowed: the address contains an invisible control character; type it again`,
				`f.md:11: error: link "javascript&colon;alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`,
				`f.md:11: error: link "vbscript:x" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not vbscript:`,
				`f.md:11: error: link "//evil.se" is not allowed: write the full address, starting with https://`,
			}},
		{name: "images",
			body:      "![logo](https://a.se/l.png)\n\n![x](javascript:alert(1))\n",
			wantHTML:  []string{`<img src="https://a.se/l.png" alt="logo" loading="lazy">`},
			notHTML:   []string{"javascript"},
			wantDiags: []string{`f.md:13: error: link "javascript:alert(1)" is not allowed: links must start with https://, http://, mailto: or tel: or be relative, not javascript:`}},
		{name: "raw html block and inline",
			body:    "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> här.\n\n<iframe src=\"https://evil\"></iframe>\n",
			notHTML: []string{"<script", "onerror", "<iframe", "raw html omitted"},
			wantDiags: []string{
				`f.md:11: error: raw HTML is not allowed in the body; use Markdown instead (found "<script>alert(1)</script>")`,
				`f.md:13: error: raw HTML is not allowed in the body; use Markdown instead (found "<img src=x onerror=alert(1)>")`,
				`f.md:15: error: raw HTML is not allowed in the body; use Markdown instead (found "<iframe src=\"https://evil\"></i…")`,
			}},
		{name: "comments are dropped quietly",
			body:     "<!-- att göra: uppdatera -->\n\nText.\n",
			wantHTML: []string{"<p>Text.</p>"},
			notHTML:  []string{"<!--", "göra"}},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, diags := c.Convert("f.md", pad(10, tt.body))
			html := body.HTML
			for _, want := range tt.wantHTML {
				if !strings.Contains(string(html), want) {
					t.Errorf("output lacks %s:\n%s", want, html)
				}
			}
			for _, not := range tt.notHTML {
				if strings.Contains(strings.ToLower(string(html)), strings.ToLower(not)) {
					t.Errorf("output contains %s:\n%s", not, html)
				}
			}
			diags.Sort()
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(sorted(tt.wantDiags), "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(sorted(tt.wantDiags), "\n"))
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://example.se/", true}, {"http://example.se", true}, {"mailto:a@b.se", true},
		{"tel:0320-779461", true}, {"../lotsen/", true}, {"#syfte", true}, {"bilaga.pdf", true},
		{"javascript:alert(1)", false}, {" JAVASCRIPT:alert(1)", false}, {"java\nscript:x", false},
		{"\x01javascript:x", false}, {"javascript%3Aalert(1)", false}, {"data:image/png;base64,AA", false},
		{"vbscript:x", false}, {"//evil.se", false}, {"https:evil", false}, {"ftp://a.se", false},
		{"sms:123", false}, {"a b:c", true},
		// Control characters are escaped by the renderer, so they stay part
		// of the address: the hosts would be %030 and 0%03 (found by FuzzConvert).
		{"http://\x030", false}, {"http://0\x03", false}, {"https://a.se/\n", false}, {" https://a.se/ ", true},
		// Without a scheme this is a file called www.example.se.
		{"www.example.se", false}, {"WWW.example.se/sida", false}, {"www-filer/a.pdf", true},
	}
	for _, tt := range tests {
		if got := CheckURL(tt.url).IsZero(); got != tt.ok {
			t.Errorf("CheckURL(%q) ok = %v, want %v (%s)", tt.url, got, tt.ok, CheckURL(tt.url))
		}
	}
}

// TestPlainText: the plain text comes from the same parse as the HTML. A
// table is read as a table (its cells are words for search, not part of a
// description), and autolinks keep their text; both were lost when the text
// came from a second parser without the table and linkify extensions.
func TestPlainText(t *testing.T) {
	body := []byte("\n\n## Bakgrund\n\nUnga vuxna har *ofta* gått\nmellan myndigheter.\n\nAndra stycket är längre än gränsen tillåter.\n")
	b, _ := New().Convert("f.md", body)
	if got, want := b.Summary, "Unga vuxna har ofta gått mellan myndigheter. Andra stycket är längre än gränsen tillåter."; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if b.Text != b.Summary {
		t.Errorf("Text = %q, want the summary: there is nothing else", b.Text)
	}

	table := []byte("| Dag | Tid |\n|---|---|\n| Måndag | 9–12 |\n\nMer information på www.example.se eller <info@example.se>.\n")
	b, _ = New().Convert("f.md", table)
	if got, want := b.Summary, "Mer information på www.example.se eller info@example.se."; got != want {
		t.Errorf("Summary of a body that starts with a table = %q, want %q", got, want)
	}
	if got, want := b.Text, "Dag Tid Måndag 9–12 Mer information på www.example.se eller info@example.se."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestConvertConcurrently(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := fmt.Sprintf("## Rubrik %d\n\n[l](https://a.se/%d) <b>x</b>\n", i, i)
			out, diags := c.Convert("f.md", []byte(body))
			html := out.HTML
			if !strings.Contains(string(html), fmt.Sprintf("https://a.se/%d", i)) || len(diags) != 2 {
				t.Errorf("goroutine %d: %s %v", i, html, diags)
			}
		}()
	}
	wg.Wait()
}

func diagsHave(diags diag.List, id msg.ID) bool {
	for _, d := range diags {
		if d.Msg.ID == id {
			return true
		}
	}
	return false
}

// maxDepth returns how deep blockquotes and lists nest in html.
func maxDepth(html string) int {
	depth, deepest := 0, 0
	for i := 0; i < len(html); i++ {
		if html[i] != '<' {
			continue
		}
		rest := html[i:]
		switch {
		case strings.HasPrefix(rest, "<blockquote>"), strings.HasPrefix(rest, "<ul>"), strings.HasPrefix(rest, "<ol"):
			depth++
			deepest = max(deepest, depth)
		case strings.HasPrefix(rest, "</blockquote>"), strings.HasPrefix(rest, "</ul>"), strings.HasPrefix(rest, "</ol>"):
			depth--
		}
	}
	return deepest
}

var urlAttr = regexp.MustCompile(`(?i)\s(?:href|src)="([^"]*)"`)

var handler = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"## Målgrupp\n\n[a](https://a.se)", "<script>x</script>", "[x](javascript:alert(1))",
		"![i](data:image/png;base64,AA)", "<img src=x onerror=alert(1)>", "| a |\n|---|\n| <b> |", "www.example.se", "# h1\n",
		// The limits: wide and padded tables, headings, nesting, links.
		"| a | b | c |\n|:-|-:|:-:|\nx\n", "|" + strings.Repeat("a|", 60) + "\n|" + strings.Repeat("-|", 60) + "\nx\n",
		"## A\n## A\n## A 2\n", "> > - 1. > x\n", strings.Repeat(">", 25) + "\n", strings.Repeat("  ", 12) + "- x\n",
		"- - - - - - - - - - - - - - - - - - - - - - -\n", "[x](<[x](< [x](a \"\n[", "[[[[]]]](((("} {
		f.Add([]byte(s))
	}
	c := New()
	f.Fuzz(func(t *testing.T, body []byte) {
		out, diags := c.Convert("f.md", body)
		html := out.HTML
		// The output grows with the input, never out of proportion: a
		// table padded to its header's width is bounded by MaxTableCells.
		if limit := 64*len(body) + 16*MaxTableCells + 4096; len(html) > limit {
			t.Fatalf("%d bytes of input gave %d bytes of HTML (limit %d)", len(body), len(html), limit)
		}
		if n := strings.Count(string(html), "<blockquote>") + strings.Count(string(html), "<li>"); n > 0 && !diagsHave(diags, msg.BodyTooDeep) {
			if depth := maxDepth(string(html)); depth > MaxNesting {
				t.Fatalf("HTML nested %d deep without a message:\n%s", depth, body)
			}
		}
		low := strings.ToLower(string(html))
		for _, m := range urlAttr.FindAllStringSubmatch(string(html), -1) {
			if reason := CheckURL(stdhtml.UnescapeString(m[1])); !reason.IsZero() {
				t.Fatalf("output links to %q (%s):\n%s", m[1], reason, html)
			}
		}
		for _, bad := range []string{"<script", "<iframe", "<object", "<embed", "<svg", "<style"} {
			if strings.Contains(low, bad) {
				t.Fatalf("output contains %q:\n%s", bad, html)
			}
		}
		if handler.MatchString(string(html)) {
			t.Fatalf("output contains an event handler attribute:\n%s", html)
		}
		for _, d := range diags {
			if d.Pos.File != "f.md" || d.Pos.Line < 1 {
				t.Fatalf("diagnostic without a line: %v", d)
			}
		}
	})
}
