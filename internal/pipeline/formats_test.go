package pipeline

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/publish"
)

// TestFeedIsValidAtom checks feed.xml of the real catalogue against the
// requirements of RFC 4287: a feed with id, title, updated, an author and a
// self link, and entries with id, title, updated and an alternate link,
// all ids absolute and all dates RFC 3339.
func TestFeedIsValidAtom(t *testing.T) {
	got, _, err := buildMem(t, os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links   []link `xml:"link"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Links   []link `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(got["feed.xml"], &feed); err != nil {
		t.Fatalf("feed.xml is not Atom XML: %v", err)
	}
	absolute := func(what, s string) {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			t.Errorf("%s %q is not an absolute IRI", what, s)
		}
	}
	rfc3339 := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("%s %q is not an RFC 3339 date: %v", what, s, err)
		}
	}
	absolute("feed id", feed.ID)
	rfc3339("feed updated", feed.Updated)
	if feed.Title == "" || len(feed.Author) == 0 || feed.Author[0].Name == "" {
		t.Error("the feed needs a title and an author")
	}
	self := false
	for _, l := range feed.Links {
		self = self || l.Rel == "self" && strings.HasSuffix(l.Href, "/feed.xml")
	}
	if !self {
		t.Error("the feed has no rel=self link")
	}
	if len(feed.Entries) != 18 {
		t.Errorf("%d entries, want the 18 activities", len(feed.Entries))
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		absolute("entry id", e.ID)
		rfc3339("entry updated", e.Updated)
		if e.Title == "" || len(e.Links) == 0 || ids[e.ID] {
			t.Errorf("entry %q lacks a title or link, or repeats an id", e.ID)
		}
		ids[e.ID] = true
	}
}

// TestSitemapIsValid checks sitemap.xml against the sitemaps.org protocol:
// the urlset namespace, absolute URLs under baseurl of at most 2,048
// characters, W3C dates, no duplicates, and every HTML page but the 404.
func TestSitemapIsValid(t *testing.T) {
	got, _, err := buildMem(t, os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(got["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml is not a sitemap: %v", err)
	}
	const base = "https://samverkan.example.se/sjuharad/"
	seen := map[string]bool{}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, base) || len(u.Loc) > 2048 || seen[u.Loc] {
			t.Errorf("bad or repeated loc %q", u.Loc)
		}
		seen[u.Loc] = true
		if u.LastMod != "" && !date.MatchString(u.LastMod) {
			t.Errorf("lastmod %q is not a W3C date", u.LastMod)
		}
		page := strings.TrimPrefix(u.Loc, base) + "index.html"
		if _, ok := got[page]; !ok {
			t.Errorf("sitemap lists %s, which has no page", u.Loc)
		}
	}
	for name := range got {
		if strings.HasSuffix(name, "index.html") && !seen[base+strings.TrimSuffix(name, "index.html")] {
			t.Errorf("%s is not in the sitemap", name)
		}
	}
}

// TestFrontPageIsLight: the front page of the default catalogue, with its
// stylesheet and scripts, stays under 30 KB compressed, and the whole search
// payload (script, engine, index) under 20 KB.
func TestFrontPageIsLight(t *testing.T) {
	got, _, err := buildMem(t, os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	gz := func(names ...string) int {
		n := 0
		for _, name := range names {
			var b bytes.Buffer
			w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			w.Write(got[name])
			w.Close()
			n += b.Len()
		}
		return n
	}
	var css, scripts, index []string
	for name := range got {
		switch {
		case regexp.MustCompile(`^samkat\.[0-9a-f]{10}\.css$`).MatchString(name):
			css = append(css, name)
		case regexp.MustCompile(`^samkat-sok(motor)?\.[0-9a-f]{10}\.js$`).MatchString(name):
			scripts = append(scripts, name)
		case strings.HasPrefix(name, "sok/index/"):
			index = append(index, name)
		}
	}
	if len(css) != 1 || len(scripts) != 2 || len(index) == 0 {
		t.Fatalf("assets not found: %v %v %d index files", css, scripts, len(index))
	}
	front := gz(append([]string{"index.html", css[0]}, scripts...)...)
	if front > 30*1024 {
		t.Errorf("front page with CSS and scripts is %d bytes compressed, over 30 KB", front)
	}
	search := gz(append(scripts, index...)...)
	if search > 20*1024 {
		t.Errorf("the search payload is %d bytes compressed, over 20 KB", search)
	}
	t.Logf("front page %d B, search payload %d B (gzip -9, files compressed one by one)", front, search)
}

// TestOpenDataNumbersAsWritten: platser: 1000 is 1000 in the JSON, as an
// integer. The minifier used to write it 1e3, which a reader with an
// integer type refuses (and most read as a float).
func TestOpenDataNumbersAsWritten(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	lotsen := src["content/verksamheter/lotsen.md"]
	lotsen.Data = bytes.Replace(lotsen.Data, []byte("platser: 20\n"), []byte("platser: 1000\n"), 1)
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if data := files["data/verksamheter.json"]; !bytes.Contains(data, []byte(`"platser":1000,`)) {
		i := bytes.Index(data, []byte(`"platser"`))
		t.Errorf("data/verksamheter.json: want \"platser\":1000, got %.20s", data[max(i, 0):])
	}
}

// TestGeneratedJSONIsCompact: the build writes the JSON it makes (the open
// data, the search index) without minifying it, because encoding/json
// makes it compact; the minifier would not change a byte of it.
func TestGeneratedJSONIsCompact(t *testing.T) {
	files, res, err := buildMem(t, os.DirFS("testdata/small"))
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	min := publish.NewMinifier()
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		n++
		if m, err := min.Minify(name, data); err != nil || !bytes.Equal(m, data) {
			t.Errorf("%s is not compact: minified it is %d bytes, not %d (%v)", name, len(m), len(data), err)
		}
	}
	if n < 3 {
		t.Errorf("only %d JSON files", n)
	}
}
