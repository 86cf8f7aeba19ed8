package site

import (
	"fmt"
	"html/template"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
)

// booklet makes utskrift/: the catalogue as one printable document like
// the original kartläggning: title, introduction, the matrix, then every
// current activity with all its facts under its (first) function.
func (a *assembler) booklet() {
	const url = "utskrift/"
	v := a.add(url, "utskrift", a.l.t["printTitle"])
	v.Intro = a.l.t["printIntro"]
	v.Body = shiftHeadings(a.in.Bodies[a.ix.File], 0, "inledning", "", url)
	v.Matrix = a.matrix(v.Root, false)
	for _, f := range a.ix.Funktioner {
		sec := BookletSection{Heading: f.Namn, ID: "funktion-" + f.ID}
		if p := a.page(catalog.FunktionPage, f.ID); p != nil {
			sec.Text = shiftHeadings(a.in.Bodies[p.File], 1, "funktion-"+f.ID, "funktioner/"+f.ID+"/", url)
		}
		for _, x := range a.sorted {
			if !a.current(x) || len(x.Funktion) == 0 || x.Funktion[0] != f.ID {
				continue
			}
			ba := BookletActivity{Name: x.Namn, ID: "v-" + x.Slug, Facts: a.facts(x, v.Root)}
			ba.Status, _ = a.status(x)
			for _, c := range x.Kontakt {
				ba.Contacts = append(ba.Contacts, a.contact(c))
			}
			ba.Body = shiftHeadings(a.in.Bodies[x.File], 2, "v-"+x.Slug, activityURL(x), url)
			sec.Activities = append(sec.Activities, ba)
		}
		if len(sec.Activities) > 0 || sec.Text != "" {
			v.Booklet = append(v.Booklet, sec)
		}
	}
}

var (
	headingTag = regexp.MustCompile(`<(/?)h([1-6])([ >])`)
	idAttr     = regexp.MustCompile(` id="([^"]*)"`)
	hrefAttr   = regexp.MustCompile(` href="([^"]*)"`)
	srcAttr    = regexp.MustCompile(` src="([^"]*)"`)
)

// shiftHeadings fits a page's rendered Markdown into the booklet: headings
// move down by levels (h2 becomes h4 under an activity's h3), ids get the
// prefix so that they stay unique on the one page, and relative links and
// images are rebased from the page's own URL (from) to the booklet's (to).
// The input is samkat's own Markdown output, which has no raw HTML, so
// these patterns see every tag there is.
func shiftHeadings(body template.HTML, levels int, prefix, from, to string) template.HTML {
	s := headingTag.ReplaceAllStringFunc(string(body), func(m string) string {
		g := headingTag.FindStringSubmatch(m)
		n, _ := strconv.Atoi(g[2])
		return fmt.Sprintf("<%sh%d%s", g[1], min(n+levels, 6), g[3])
	})
	s = idAttr.ReplaceAllString(s, ` id="`+prefix+`-$1"`)
	s = hrefAttr.ReplaceAllStringFunc(s, func(m string) string {
		href := hrefAttr.FindStringSubmatch(m)[1]
		return ` href="` + rebase(href, prefix, from, to) + `"`
	})
	// Images are relative to the page as links are (bilder/karta.png on an
	// activity page is ../../bilder/karta.png).
	s = srcAttr.ReplaceAllStringFunc(s, func(m string) string {
		src := srcAttr.FindStringSubmatch(m)[1]
		return ` src="` + rebase(src, prefix, from, to) + `"`
	})
	return template.HTML(s) // rewritten from trusted converter output
}

// rebase rewrites a relative link written on the page at from so that it
// works from the page at to; fragments point at the prefixed ids.
func rebase(href, prefix, from, to string) string {
	switch {
	case strings.HasPrefix(href, "#"):
		return "#" + prefix + "-" + href[1:]
	case href == "" || strings.HasPrefix(href, "/") || strings.Contains(strings.SplitN(href, "/", 2)[0], ":"):
		return href // absolute, or with a scheme
	}
	target := path.Join(path.Dir(from+"x"), href)
	if strings.HasSuffix(href, "/") {
		target += "/"
	}
	up := strings.Repeat("../", strings.Count(to, "/"))
	return up + strings.TrimPrefix(target, "./")
}
