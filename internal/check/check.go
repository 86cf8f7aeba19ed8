// Package check enforces the rules of the content format that span files and
// resolves references between them. Single-file rules (types, required keys,
// dates, addresses) live in package load; check runs after it on the whole
// catalogue:
//
//   - every funktion and finansiering id of an activity is declared in
//     content/_index.md;
//   - every municipality name (activity kommuner, contact kommun, förbund
//     kommuner) is declared; matching ignores case and surrounding space but
//     not diacritics, so "boras" is an error with the suggestion "Borås";
//   - a forbund reference names a page in content/forbund/;
//   - pages in content/finansiering/ and content/funktioner/ describe a
//     declared id;
//   - slugs are unique, and plain pages do not take a URL the site needs;
//   - warnings: granskad missing or older than granskas_inom, slut passed,
//     no accessibility statement.
//
// Catalogue also resolves what it checks: municipality names become the
// index's spelling and kommuner: [alla] is expanded into every municipality,
// so later stages never deal with editors' spelling.
package check

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// ReservedSlugs are the top-level URLs the generator itself uses; a plain
// page (content/<slug>.md) may not take them.
var reservedSlugs = []string{
	"verksamheter", "kommuner", "funktioner", "finansiering", "forbund",
	"huvudman", "avslutade", "data", "static", "feed", "sitemap", "404",
}

// Catalogue checks cat on day now, resolves municipality names in place and
// returns the problems found. It does nothing useful without an index (load
// has then already reported the missing file).
func Catalogue(cat *catalog.Catalogue, now catalog.Date) diag.List {
	var diags diag.List
	ix := cat.Index
	if ix == nil {
		return diags
	}
	c := checker{ix: ix, diags: &diags, now: now}
	forbund := map[string]bool{}
	hasStatement := false
	for _, p := range cat.Pages {
		switch p.Kind {
		case catalog.ForbundPage:
			forbund[p.Slug] = true
			p.Kommuner = c.kommuner(p.Kommuner, p.Pos, p.File, "kommuner")
			c.contacts(p.Kontakt, p.Pos, p.File)
		case catalog.FunktionPage:
			c.pageForTerm(p, ix.Funktioner, "funktioner", msg.KindFunc)
		case catalog.FinansieringPage:
			c.pageForTerm(p, ix.Finansiering, "finansiering", msg.KindFinance)
		case catalog.TillganglighetPage:
			hasStatement = true
		case catalog.PlainPage:
			if slices.Contains(reservedSlugs, p.Slug) {
				diags.AddError(diag.Pos{File: p.File, Line: 1}, "", msg.PageReservedName, p.Slug, strings.Join(reservedSlugs, ", "))
			}
		}
	}
	c.uniqueSlugs(cat)
	for _, a := range cat.Activities {
		c.activity(a, forbund)
	}
	if !hasStatement {
		diags.AddWarning(diag.Pos{File: "content/tillganglighet.md"}, "", msg.StatementMissing)
	}
	return diags
}

type checker struct {
	ix    *catalog.Index
	diags *diag.List
	now   catalog.Date
}

// posOf returns where element i of key was written, falling back to the key.
func posOf(pos map[string]diag.Pos, file, key string, i int) diag.Pos {
	if i >= 0 {
		if p, ok := pos[fmt.Sprintf("%s[%d]", key, i)]; ok {
			return p
		}
	}
	if p, ok := pos[key]; ok {
		return p
	}
	return diag.Pos{File: file, Line: 1}
}

func (c *checker) activity(a *catalog.Activity, forbund map[string]bool) {
	for i, id := range a.Funktion {
		c.declared(id, c.ix.Funktioner, posOf(a.Pos, a.File, "funktion", i), "funktion")
	}
	for i, id := range a.Finansiering {
		c.declared(id, c.ix.Finansiering, posOf(a.Pos, a.File, "finansiering", i), "finansiering")
	}
	if a.AllaKommuner {
		a.Kommuner = slices.Clone(c.ix.Kommuner)
	} else {
		a.Kommuner = c.kommuner(a.Kommuner, a.Pos, a.File, "kommuner")
	}
	c.contacts(a.Kontakt, a.Pos, a.File)
	if a.Forbund != "" && !forbund[a.Forbund] {
		known := slices.Sorted(maps.Keys(forbund))
		tail := diag.DidYouMean(a.Forbund, known)
		switch {
		case !tail.IsZero():
		case len(known) > 0:
			tail = msg.New(msg.KnownList, strings.Join(known, ", "))
		default:
			tail = msg.New(msg.ForbundAddOne)
		}
		c.diags.AddError(posOf(a.Pos, a.File, "forbund", -1), "forbund", msg.ForbundNoPage, a.Forbund, tail)
	}
	c.dates(a)
}

// declared reports id if it is not one of terms.
func (c *checker) declared(id string, terms []catalog.Term, pos diag.Pos, field string) {
	ids := make([]string, len(terms))
	for i, t := range terms {
		if t.ID == id {
			return
		}
		ids[i] = t.ID
	}
	c.diags.AddError(pos, field, msg.NotDeclared, id, c.ix.File, diag.DidYouMean(id, ids), strings.Join(ids, ", "))
}

// kommuner resolves names to the index's spelling, reporting unknown ones.
func (c *checker) kommuner(names []string, pos map[string]diag.Pos, file, field string) []string {
	out := make([]string, 0, len(names))
	for i, n := range names {
		if k, ok := c.kommun(n, posOf(pos, file, field, i), field); ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func (c *checker) kommun(name string, pos diag.Pos, field string) (string, bool) {
	want := strings.ToLower(strings.TrimSpace(name))
	for _, k := range c.ix.Kommuner {
		if strings.ToLower(strings.TrimSpace(k)) == want {
			return k, true
		}
	}
	var tail msg.Message
	if s := suggestKommun(name, c.ix.Kommuner); s != "" {
		tail = msg.New(msg.DidYouMean, s)
	}
	c.diags.AddError(pos, field, msg.KommunUndeclared, name, c.ix.File, tail, strings.Join(c.ix.Kommuner, ", "))
	return "", false
}

// suggestKommun prefers a name that differs only in å/ä/ö ("boras" → "Borås")
// before falling back to edit distance.
func suggestKommun(name string, kommuner []string) string {
	folded := catalog.Slugify(name)
	for _, k := range kommuner {
		if catalog.Slugify(k) == folded {
			return k
		}
	}
	return diag.Suggest(name, kommuner)
}

func (c *checker) contacts(list []catalog.Contact, pos map[string]diag.Pos, file string) {
	for i := range list {
		if list[i].Kommun == "" {
			continue
		}
		key := fmt.Sprintf("kontakt[%d].kommun", i)
		if k, ok := c.kommun(list[i].Kommun, posOf(pos, file, key, -1), key); ok {
			list[i].Kommun = k
		}
	}
}

func (c *checker) pageForTerm(p *catalog.Page, terms []catalog.Term, folder string, what msg.ID) {
	for _, t := range terms {
		if t.ID == p.Slug {
			if p.Titel == "" {
				p.Titel = t.Namn
			}
			return
		}
	}
	ids := make([]string, len(terms))
	for i, t := range terms {
		ids[i] = t.ID
	}
	var tail msg.Message
	if s := diag.Suggest(p.Slug, ids); s != "" {
		tail = msg.New(msg.DidYouMeanAlt, folder, s)
	}
	c.diags.AddError(diag.Pos{File: p.File, Line: 1}, "", msg.PageTermUndeclared, msg.New(what), p.Slug, c.ix.File, tail, strings.Join(ids, ", "))
}

// uniqueSlugs reports two files that would be published at the same URL.
func (c *checker) uniqueSlugs(cat *catalog.Catalogue) {
	seen := map[string]string{}
	claim := func(url, file string) {
		if first, ok := seen[url]; ok {
			c.diags.AddError(diag.Pos{File: file, Line: 1}, "", msg.PageSameURL, url, first)
			return
		}
		seen[url] = file
	}
	for _, a := range cat.Activities {
		claim("verksamheter/"+a.Slug+"/", a.File)
	}
	for _, p := range cat.Pages {
		switch p.Kind {
		case catalog.ForbundPage:
			claim("forbund/"+p.Slug+"/", p.File)
		case catalog.FunktionPage:
			claim("funktioner/"+p.Slug+"/", p.File)
		case catalog.FinansieringPage:
			claim("finansiering/"+p.Slug+"/", p.File)
		default:
			claim(p.Slug+"/", p.File)
		}
	}
}

// dates produces the date-relative warnings.
func (c *checker) dates(a *catalog.Activity) {
	if !a.Slut.IsZero() && a.Slut.Before(c.now) {
		c.diags.AddWarning(posOf(a.Pos, a.File, "slut", -1), "slut", msg.SlutPassed, a.Slut)
	}
	limit := c.ix.GranskasInom
	if limit <= 0 {
		limit = 365
	}
	switch {
	case a.Granskad.IsZero():
		if _, invalid := a.Pos["granskad"]; !invalid { // a date that is not one has its own error
			c.diags.AddWarning(diag.Pos{File: a.File, Line: 1}, "granskad", msg.GranskadMissing, c.now)
		}
	case a.Granskad.AddDays(limit).Before(c.now):
		c.diags.AddWarning(posOf(a.Pos, a.File, "granskad", -1), "granskad", msg.GranskadOld, a.Granskad, limit)
	case c.now.Before(a.Granskad):
		c.diags.AddWarning(posOf(a.Pos, a.File, "granskad", -1), "granskad", msg.GranskadFuture, a.Granskad)
	}
}
