package markdown

import (
	"html"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/yuin/goldmark/util"
)

// Site is what the converter knows of the built site, to resolve the
// relative links of bodies. The build makes it once; paths are
// slash-separated, catalogue files relative to the catalogue folder
// ("content/verksamheter/lotsen.md") and site paths relative to the site's
// root ("verksamheter/lotsen/", "bilder/karta.png").
//
// A link in a body is resolved as an editor reads it, in this order:
//   - to a .md file, relative to the file the link is in
//     ([Lotsen](lotsen.md), [Om](../om.md), [x](lotsen.md#kontakt)): it
//     becomes a link to that file's page;
//   - to any other file, by its path in static/ ([Karta](bilder/karta.png)
//     for static/bilder/karta.png), or relative to the file the link is in
//     (../../static/bilder/karta.png);
//   - as a browser reads it from the page the body is shown on
//     ([Aktiv vardag](../aktiv-vardag/) on an activity page): kept as it is
//     when something is there;
//   - "/x" is the site's own page or file x: rewritten to a relative link,
//     so that it works when the site is published under a sub-path.
//
// Every rewritten link is relative to the body's own page, as all links
// of the site are; the booklet rebases them from there.
type Site struct {
	// Pages maps each content file, drafts included, to the site path of
	// its page ("" for content/_index.md, the front page).
	Pages map[string]string
	// Drafts are the content files with utkast: true, which have no page.
	Drafts map[string]bool
	// Static holds the site paths of the files copied from static/, the
	// built-in ones included.
	Static map[string]bool
	// URLs holds every other site path of the built site: each page's
	// folder URL ("kommuner/mark/") and the generated files
	// ("data/verksamheter.json").
	URLs map[string]bool
}

// resolve returns the destination to render for dest, a link in file that
// has passed CheckURL, or the message saying why it leads nowhere.
// sug makes the "did you mean" hints, within its budget.
func (s *Site) resolve(file, dest string, sug *diag.Suggester) (string, msg.Message) {
	d := html.UnescapeString(string(util.UnescapePunctuations([]byte(dest))))
	d = strings.TrimSpace(d)
	if d == "" || strings.HasPrefix(d, "#") {
		return dest, msg.Message{} // this page
	}
	if _, ok := schemeOf(d); ok {
		return dest, msg.Message{} // absolute, already checked
	}
	raw, rest := d, ""
	if i := strings.IndexAny(d, "?#"); i >= 0 {
		raw, rest = d[:i], d[i:]
	}
	p, err := url.PathUnescape(raw)
	if err != nil {
		p = raw
	}
	from := s.Pages[file]
	shown := shorten(dest)

	if strings.HasPrefix(p, "/") {
		target := strings.TrimPrefix(path.Clean(p), "/")
		if strings.HasSuffix(strings.ToLower(target), ".md") {
			return s.page(file, from, shown, "content/"+target, rest, sug)
		}
		if t, ok := s.sitePath(target, strings.HasSuffix(p, "/")); ok {
			return relTo(from, t) + rest, msg.Message{}
		}
		if sug.Spent() {
			return "", msg.New(msg.LinkNoSitePath, shown, msg.Message{})
		}
		var paths []string
		for u := range s.URLs {
			if u != "" && !strings.HasSuffix(u, "index.html") {
				paths = append(paths, "/"+u)
			}
		}
		for name := range s.Static {
			paths = append(paths, "/"+name)
		}
		slices.Sort(paths)
		return "", msg.New(msg.LinkNoSitePath, shown, suggestPath("/"+target, paths, sug))
	}
	if strings.HasSuffix(strings.ToLower(p), ".md") {
		return s.page(file, from, shown, path.Join(path.Dir(file), p), rest, sug)
	}
	// A file in static/, named relative to the .md file or to static/.
	if j := path.Join(path.Dir(file), p); strings.HasPrefix(j, "static/") && s.Static[j[len("static/"):]] {
		return relTo(from, j[len("static/"):]) + rest, msg.Message{}
	}
	inStatic := strings.TrimPrefix(path.Clean(p), "static/")
	if s.Static[inStatic] {
		return relTo(from, inStatic) + rest, msg.Message{}
	}
	// A link written as the browser reads it, from the body's page.
	if _, ok := s.sitePath(path.Join(from, p), strings.HasSuffix(p, "/")); ok {
		return dest, msg.Message{}
	}
	if host := hostLike(p); host != "" {
		return "", msg.New(msg.LinkNotAllowed, shown, msg.New(msg.LinkWWW, d))
	}
	if sug.Spent() {
		return "", msg.New(msg.LinkNoStaticFile, shown, msg.Message{})
	}
	var names []string
	for name := range s.Static {
		names = append(names, name)
	}
	slices.Sort(names)
	return "", msg.New(msg.LinkNoStaticFile, shown, suggestPath(inStatic, names, sug))
}

// page resolves a link to the content file target.
func (s *Site) page(file, from, shown, target, rest string, sug *diag.Suggester) (string, msg.Message) {
	if s.Drafts[target] {
		return "", msg.New(msg.LinkToDraft, shown, target)
	}
	if u, ok := s.Pages[target]; ok {
		return relTo(from, u) + rest, msg.Message{}
	}
	tail := msg.Message{}
	if sug.Spent() {
		return "", msg.New(msg.LinkNoContentFile, shown, target, tail)
	}
	var files []string
	for f := range s.Pages {
		if !s.Drafts[f] {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	if best := closestFile(target, files, sug); best != "" {
		tail = msg.New(msg.DidYouMean, relFile(path.Dir(file), best))
	}
	return "", msg.New(msg.LinkNoContentFile, shown, target, tail)
}

// sitePath reports the site path p stands for, if the site has one: a file,
// or a page's folder (with or without the final "/" or "index.html").
func (s *Site) sitePath(p string, dir bool) (string, bool) {
	p = strings.TrimPrefix(p, "./")
	if p == "." {
		p = ""
	}
	if !dir && (s.Static[p] || s.URLs[p]) {
		return p, true
	}
	folder := strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
	if folder != "" {
		folder += "/"
	}
	if s.URLs[folder] {
		return folder, true
	}
	return "", false
}

// relTo returns the link from the page at site path from to site path to,
// written as the site writes its links: up to the root, then down.
func relTo(from, to string) string {
	rel := strings.Repeat("../", strings.Count(from, "/")) + (&url.URL{Path: to}).EscapedPath()
	if rel == "" {
		return "./"
	}
	return rel
}

// relFile writes catalogue file target relative to folder dir, as an
// editor would link to it from a file in dir.
func relFile(dir, target string) string {
	d := strings.Split(dir, "/")
	t := strings.Split(target, "/")
	i := 0
	for i < len(d) && i < len(t)-1 && d[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(d)-i) + strings.Join(t[i:], "/")
}

// closestFile is the file among files that target most plausibly means:
// the same name in another folder, or a name one typo away (in the same
// folder first). Making the list costs sug's budget too.
func closestFile(target string, files []string, sug *diag.Suggester) string {
	sug.Charge(len(files))
	// Names are compared without ".md", so that om-oss.md finds om.md.
	name := func(f string) string { return strings.TrimSuffix(path.Base(f), ".md") }
	var names []string
	for _, f := range files {
		names = append(names, name(f))
	}
	best := sug.Suggest(name(target), names)
	if best == "" {
		return ""
	}
	found := ""
	for _, f := range files {
		if name(f) != best {
			continue
		}
		if path.Dir(f) == path.Dir(target) {
			return f
		}
		if found == "" {
			found = f
		}
	}
	return found
}

// suggestPath is the "did you mean" tail for a path among paths, by the
// file name first.
func suggestPath(p string, paths []string, sug *diag.Suggester) msg.Message {
	best := closestFile(p, paths, sug)
	if best == "" {
		return msg.Message{}
	}
	return msg.New(msg.DidYouMean, best)
}

// hostLike returns the first segment of a scheme-less p when it reads as
// a host name (www.…, or name.se and the like with nothing after the
// dot that a file would have), else "".
func hostLike(p string) string {
	if h := wwwHost(p); h != "" {
		return h
	}
	first, _, _ := strings.Cut(p, "/")
	dot := strings.LastIndexByte(first, '.')
	if dot <= 0 {
		return ""
	}
	switch strings.ToLower(first[dot+1:]) {
	case "se", "nu", "com", "org", "net", "eu", "info", "io":
		return first
	}
	return ""
}
