// Package check enforces the rules of the content format that span files and
// resolves references between them. Single-file rules (types, required keys,
// dates, addresses) live in package load; check runs after it on the whole
// catalogue:
//
//   - every funktion and finansiering id of an activity is declared in
//     content/_index.md; ids match ignoring case and surrounding space, and
//     the declared namn is accepted for its id;
//   - when content/_index.md declares remiss, every referrer of an activity
//     is one of them (matched like municipalities); otherwise a referrer
//     spelt almost like a more common one gets a "did you mean" warning;
//   - values repeated in one list with another case or diacritics, two
//     activities with the same namn and files named like copies are warned
//     about (see spelling.go);
//   - every municipality name (activity kommuner, contact kommun, förbund
//     kommuner) is declared; matching ignores case and surrounding space but
//     not diacritics, so "boras" is an error with the suggestion "Borås";
//   - a forbund reference names a page in content/forbund/ (its slug, in
//     any case; a förbund's name gets its slug suggested);
//   - pages in content/finansiering/ and content/funktioner/ describe a
//     declared id;
//   - slugs are unique, and plain pages do not take a URL the site needs;
//   - warnings: granskad missing or older than granskas_inom, slut passed,
//     an activity with no way to reach it, no accessibility statement.
//
// Catalogue also resolves what it checks: municipality names, referrers,
// funktion, finansiering and forbund values become the index's spelling and
// kommuner: [alla] is expanded into every municipality, so later stages
// never deal with editors' spelling.
//
// A key of content/_index.md that has errors (Index.Broken) is not used to
// check activities: one line asks to fix content/_index.md first instead of
// an error in every activity.
package check

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/route"
)

// Catalogue checks cat on day now, resolves municipality names in place and
// returns the problems found. It does nothing useful without an index (load
// has then already reported the missing file).
func Catalogue(cat *catalog.Catalogue, now catalog.Date) diag.List {
	return CatalogueReusing(cat, now, nil)
}

// Reuse keeps what the checks of each activity gave, for the next check of
// the catalogue (samkat serve keeps one for its life). Those checks depend
// on the activity's file, the index, the förbund pages and the day only:
// dep is a hash of the last two, and the keeper must add the first two (it
// knows their bytes). The other checks (unique slugs, copies, spelling
// variants across activities) run on the whole catalogue every time.
type Reuse interface {
	// CheckedActivity returns, for the activity a as load made it, what it
	// became when it was checked with the same file, index and dep, and
	// the diagnostics of its checks. Neither is changed by the checks:
	// the keeper may give the same activity and list to every check of
	// a catalogue that has the file (the checks never change a list in
	// place, nor an activity they did not check).
	CheckedActivity(a *catalog.Activity, dep [32]byte) (*catalog.Activity, diag.List, bool)
	// ActivityChecked keeps what the checks of an activity gave: a, as
	// checked, and its diagnostics. The keeper must copy what it keeps
	// (the struct; its lists are not changed in place after).
	ActivityChecked(a *catalog.Activity, dep [32]byte, diags diag.List)
}

// CatalogueReusing is Catalogue with the checks of each activity taken
// from reuse when it has them, and given to it when it has not: the
// diagnostics and the catalogue are those of Catalogue. With a reuse,
// the activities of cat are not changed: each is replaced in
// cat.Activities by a checked copy, or by the checked activity reuse
// kept (load's may be shared with a keeper of its work). An activity whose
// checks made a "did you mean" suggestion is checked every time: the
// suggestions share a budget across the catalogue (diag.SuggestBudget).
func CatalogueReusing(cat *catalog.Catalogue, now catalog.Date, reuse Reuse) diag.List {
	var diags diag.List
	ix := cat.Index
	if ix == nil {
		return diags
	}
	c := checker{ix: ix, diags: &diags, now: now, broken: map[string]bool{}, sug: diag.NewSuggester(diag.SuggestBudget)}
	for _, k := range ix.Broken {
		c.broken[k] = true
	}
	// A required axis that declares nothing has an error of its own in the
	// index (missing, empty, or a mistyped key); checking every activity
	// against an empty list would only repeat it.
	for ax := range axis.All() {
		if ax.Source != axis.Collected && len(ax.Declared(ix)) == 0 {
			c.broken[ax.Name] = true
		}
	}
	if !c.broken[catalog.AxisKommuner] {
		ix.Kommuner = c.variants(ix.Kommuner, ix.Pos, ix.File, "kommuner")
	}
	if !c.broken["remiss"] {
		ix.Remiss = c.variants(ix.Remiss, ix.Pos, ix.File, "remiss")
	}
	forbund := map[string]string{} // slug → name
	hasStatement := false
	for _, p := range cat.Pages {
		switch p.Kind {
		case catalog.ForbundPage:
			forbund[p.Slug] = p.Titel
			if !c.broken[catalog.AxisKommuner] {
				p.Kommuner = c.kommuner(p.Kommuner, p.Pos, p.File, "kommuner")
				p.Kontakt = c.contacts(p.Kontakt, p.Pos, p.File)
			}
		case catalog.FunktionPage, catalog.FinansieringPage:
			if ax, ok := axis.Explaining(p.Kind); ok && !c.broken[ax.Name] {
				c.pageForTerm(p, ax.Declared(ix), ax.Name, ax.ExplainedKind)
			}
		case catalog.TillganglighetPage:
			hasStatement = true
		case catalog.PlainPage:
			if reserved := route.Reserved(); slices.Contains(reserved, p.Slug) {
				diags.AddError(diag.Pos{File: p.File, Line: 1}, "", msg.PageReservedName, p.Slug, strings.Join(reserved, ", "))
			}
		}
	}
	c.uniqueSlugs(cat)
	var dep [32]byte
	if reuse != nil {
		dep = depKey(now, forbund)
	}
	if reuse == nil {
		c.activities(cat.Activities, forbund)
		c.across(cat.Activities, len(ix.Remiss) == 0 && !c.broken["remiss"], dep, reuse)
	} else {
		c.activitiesReusing(cat, forbund, dep, reuse)
	}
	if skipped := c.skipped(); len(skipped) > 0 {
		diags.AddError(diag.Pos{File: ix.File}, "", msg.IndexFirstSkipped, strings.Join(skipped, ", "))
	}
	if !hasStatement {
		diags.AddWarning(diag.Pos{File: "content/tillganglighet.md"}, "", msg.StatementMissing)
	}
	return diags
}

// activities checks each activity of acts in place and appends its
// diagnostics to c.diags: exactly what checking them one after another
// gives, but on all cores.
//
// The "did you mean" suggestions share c.sug's budget in the order of the
// activities, so each activity is checked with a Suggester of its own
// given the whole budget left before any of them. One whose checks spent
// none of it asked for no suggestion that the budget decides (Suggest
// spends some on any word it compares), so it gives the same with any
// budget: what it gave is taken. The first one that spent some had what
// the shared budget would have left it: what it gave is taken too, and
// the shared budget spent as much. Every later one that spent some is
// checked again, in order, with the shared budget: a catalogue has few
// (each is a mistake of its editors).
func (c *checker) activities(acts []*catalog.Activity, forbund map[string]string) {
	type result struct {
		diags diag.List
		// spent is the budget the activity's checks spent; was is the
		// activity as load made it, kept only when spent is not zero.
		spent int
		was   *catalog.Activity
	}
	// The look-up tables are built once here, not by the first worker
	// that needs them: the workers only read them.
	c.kommunList()
	c.remissList()
	budget := c.sug.Left()
	results := make([]result, len(acts))
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := max(min(runtime.GOMAXPROCS(0), len(acts)/activitiesPerTask), 1)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var own diag.List
			w := checker{ix: c.ix, diags: &own, now: c.now, broken: c.broken, kommunNames: c.kommunNames, remissNames: c.remissNames}
			for {
				from := int(next.Add(activitiesPerTask)) - activitiesPerTask
				if from >= len(acts) {
					return
				}
				for i := from; i < min(from+activitiesPerTask, len(acts)); i++ {
					a := acts[i]
					was := *a
					start := len(own)
					w.sug = diag.NewSuggester(budget)
					w.activity(a, forbund)
					r := &results[i]
					r.diags = own[start:len(own):len(own)]
					if r.spent = budget - w.sug.Left(); r.spent != 0 {
						r.was = &was
					}
				}
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, r := range results {
		n += len(r.diags)
	}
	*c.diags = slices.Grow(*c.diags, n)
	for i, r := range results {
		switch {
		case r.spent == 0:
		case c.sug.Left() == budget:
			c.sug.Charge(r.spent)
		default:
			*acts[i] = *r.was
			c.activity(acts[i], forbund)
			continue
		}
		*c.diags = append(*c.diags, r.diags...)
	}
}

// activitiesPerTask is how many activities a worker of
// checker.activities takes at a time.
const activitiesPerTask = 64

// activitiesReusing checks the activities of cat and across them, with
// the checks of each taken from reuse when it has them (see
// CatalogueReusing), and appends their diagnostics to c.diags in the
// order of the activities, the checks across them last. The lists of
// the activities are gathered first and appended at once: at 10,000
// activities, growing the list activity by activity allocated some 6 MB
// of every save in samkat serve.
func (c *checker) activitiesReusing(cat *catalog.Catalogue, forbund map[string]string, dep [32]byte, reuse Reuse) {
	out := c.diags
	var own diag.List // the diagnostics of the activities checked here, and across them
	c.diags = &own
	defer func() { c.diags = out }()
	parts := make([]diag.List, len(cat.Activities))
	n := 0
	for i, a := range cat.Activities {
		// The activities load made may be shared with a keeper of its
		// work: what the checks make takes their place.
		if checked, ds, ok := reuse.CheckedActivity(a, dep); ok {
			cat.Activities[i] = checked
			parts[i] = ds
			n += len(ds)
			continue
		}
		q := *a
		a = &q
		cat.Activities[i] = a
		from, left := len(own), c.sug.Left()
		c.activity(a, forbund)
		parts[i] = own[from:len(own):len(own)]
		n += len(parts[i])
		if left != 0 && c.sug.Left() == left {
			reuse.ActivityChecked(a, dep, parts[i])
		}
	}
	from := len(own)
	acrossDiags, kept := c.across(cat.Activities, len(c.ix.Remiss) == 0 && !c.broken["remiss"], dep, reuse)
	if !kept {
		acrossDiags = own[from:]
	}
	// Room for the two diagnostics CatalogueReusing may add after.
	list := slices.Grow(*out, n+len(acrossDiags)+2)
	for _, ds := range parts {
		list = append(list, ds...)
	}
	*out = append(list, acrossDiags...)
}

// AcrossReuse is a Reuse that also keeps what the checks across the
// activities (copies, the same namn twice, referrers spelt two ways) gave
// the last time, by a hash of all they read: after a save that changes
// no activity's namn, file name or referrers, they are not run again.
// What they read of an activity is hashed once for its file, the index
// and dep (the keeper remembers it, as it keeps its checks), so that a
// save hashes again only what the activities it changed give them.
type AcrossReuse interface {
	Reuse
	// Remember returns what mk gives for the activity a, checked with
	// dep: the keeper gives it again, without calling mk, for an activity
	// with the same file, index and dep.
	Remember(a *catalog.Activity, dep [32]byte, mk func() [32]byte) [32]byte
	// Across returns the diagnostics of the checks across activities
	// whose inputs hash to key, if it keeps them; the caller does not
	// change them.
	Across(key [32]byte) (diag.List, bool)
	// AcrossChecked keeps the diagnostics of the checks across
	// activities whose inputs hash to key.
	AcrossChecked(key [32]byte, diags diag.List)
}

// across runs the checks across activities (remissVariants when remiss
// is set, copies) and appends their diagnostics to c.diags, or returns
// what they gave, kept by reuse when it is an AcrossReuse that has them
// for the same inputs (kept is then true, and the list not appended: its
// caller copies it once, where it goes; at 10,000 activities growing
// c.diags by it was some 0.8 MB of every save).
func (c *checker) across(acts []*catalog.Activity, remiss bool, dep [32]byte, reuse Reuse) (diags diag.List, kept bool) {
	ar, ok := reuse.(AcrossReuse)
	var key [32]byte
	if ok {
		h := sha256.New()
		fmt.Fprintf(h, "samkat across 1\x00%v\x00%d\x00", remiss, len(acts))
		if remiss {
			dep[0] ^= 1 // another key per activity
		}
		// The same bytes as one buffer of all the keys, without the buffer.
		for _, a := range acts {
			k := ar.Remember(a, dep, func() [32]byte { return acrossKey(a, remiss) })
			h.Write(k[:])
		}
		h.Sum(key[:0])
		if ds, found := ar.Across(key); found {
			return ds, true
		}
	}
	from := len(*c.diags)
	if remiss {
		c.remissVariants(acts)
	}
	c.copies(acts)
	if ok {
		ar.AcrossChecked(key, slices.Clone((*c.diags)[from:]))
	}
	return nil, false
}

// acrossKey hashes all that remissVariants (when remiss is set) and
// copies read of a: its file, slug and namn and where the namn was
// written, and its referrers and partners and where the referrers were
// written.
func acrossKey(a *catalog.Activity, remiss bool) [32]byte {
	var b []byte
	str := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	pos := func(p diag.Pos) {
		str(p.File)
		b = strconv.AppendInt(b, int64(p.Line), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.Col), 10)
		b = append(b, ';')
	}
	str("samkat across activity 1")
	b = strconv.AppendBool(b, remiss)
	str(a.File)
	str(a.Slug)
	str(a.Namn)
	pos(posOf(a.Pos, a.File, "namn", -1))
	if remiss {
		b = strconv.AppendInt(b, int64(len(a.Remiss)), 10)
		for i, v := range a.Remiss {
			str(v)
			pos(posOf(a.Pos, a.File, "remiss", i))
		}
		b = strconv.AppendInt(b, int64(len(a.Samverkansparter)), 10)
		for _, v := range a.Samverkansparter {
			str(v)
		}
	}
	return sha256.Sum256(b)
}

// depKey is a hash of what the checks of an activity depend on besides
// its file and the index: the day and the förbund pages' slugs and names.
func depKey(now catalog.Date, forbund map[string]string) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "samkat check 1\x00%s\x00%d\x00", now, len(forbund))
	for _, slug := range slices.Sorted(maps.Keys(forbund)) {
		fmt.Fprintf(h, "%d:%s%d:%s", len(slug), slug, len(forbund[slug]), forbund[slug])
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

type checker struct {
	ix     *catalog.Index
	diags  *diag.List
	now    catalog.Date
	broken map[string]bool // keys of the index with errors: not checked against

	// kommunNames and remissNames look names up in the index's lists,
	// built at first use: a thousand names against a thousand declared
	// cost a thousand look-ups, not a million comparisons.
	kommunNames, remissNames *names
	sug                      *diag.Suggester // "did you mean" within diag.SuggestBudget
}

// names is a list of the index made quick to search: by the lower-cased
// name, and by slug for suggestions.
type names struct {
	byKey  map[string]string // key → the first name with that key
	bySlug map[string]string // slug → the first name with that slug
	list   []string
}

func newNames(list []string, key func(string) string) *names {
	n := &names{byKey: map[string]string{}, bySlug: map[string]string{}, list: list}
	for _, v := range list {
		if k := key(v); n.byKey[k] == "" {
			n.byKey[k] = v
		}
		if s := catalog.Slugify(v); n.bySlug[s] == "" {
			n.bySlug[s] = v
		}
	}
	return n
}

// find returns the name whose key is want.
func (n *names) find(want string) (string, bool) {
	v, ok := n.byKey[want]
	return v, ok
}

// suggest prefers a name that differs only in å/ä/ö ("boras" → "Borås")
// before falling back to edit distance.
func (n *names) suggest(sug *diag.Suggester, name string) string {
	if v, ok := n.bySlug[catalog.Slugify(name)]; ok {
		return v
	}
	return sug.Suggest(name, n.list)
}

func (c *checker) kommunList() *names {
	if c.kommunNames == nil {
		c.kommunNames = newNames(c.ix.Kommuner, func(k string) string { return strings.ToLower(strings.TrimSpace(k)) })
	}
	return c.kommunNames
}

func (c *checker) remissList() *names {
	if c.remissNames == nil {
		c.remissNames = newNames(c.ix.Remiss, strings.ToLower)
	}
	return c.remissNames
}

// dependent is a key of content/_index.md and the activity field checked
// against it.
type dependent struct{ key, field string }

// dependents lists them in the order they are named: the declared axes,
// then remiss.
func dependents() []dependent {
	var deps []dependent
	for ax := range axis.All() {
		if ax.Source != axis.Collected {
			deps = append(deps, dependent{ax.Name, ax.Field})
		}
	}
	return append(deps, dependent{"remiss", "remiss"})
}

// skipped returns the activity fields not checked because the index key
// they depend on has errors.
func (c *checker) skipped() []string {
	var out []string
	for _, d := range dependents() {
		if c.broken[d.key] {
			out = append(out, d.field)
		}
	}
	return out
}

// BrokenKeys returns the top-level keys of the index file that load
// reported errors for (in "funktioner[2].id" the key is "funktioner"), for
// Index.Broken.
func BrokenKeys(loadDiags diag.List, indexFile string) []string {
	var keys []string
	for _, d := range loadDiags {
		if d.Severity != diag.Error || d.Pos.File != indexFile || d.Field == "" {
			continue
		}
		key, _, _ := strings.Cut(d.Field, ".")
		key, _, _ = strings.Cut(key, "[")
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys
}

// IndexFirst is the line that replaces the checks of activities when
// content/_index.md is unusable as a whole (it does not parse), or nil when
// the load diagnostics show no error in it (it is missing, which has its own
// message).
func IndexFirst(loadDiags diag.List, indexFile string) *diag.Diagnostic {
	for _, d := range loadDiags {
		if d.Severity == diag.Error && d.Pos.File == indexFile && d.Msg.ID != msg.IndexMissing {
			return &diag.Diagnostic{Pos: diag.Pos{File: indexFile}, Severity: diag.Error, Msg: msg.New(msg.IndexFirst)}
		}
	}
	return nil
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

func (c *checker) activity(a *catalog.Activity, forbund map[string]string) {
	// Terms resolve to their ids; names (kommuner) below, with alla.
	for ax := range axis.All() {
		if ax.Source != axis.Terms || c.broken[ax.Name] {
			continue
		}
		terms := ax.Declared(c.ix)
		ax.Set(a, c.resolve(ax.Of(a), a.Pos, a.File, ax.Field, func(id string, pos diag.Pos) (string, bool) {
			return c.declared(id, terms, pos, ax.Field)
		}))
	}
	switch {
	case c.broken[catalog.AxisKommuner]:
	case a.AllaKommuner:
		a.Kommuner = slices.Clone(c.ix.Kommuner)
	default:
		a.Kommuner = c.kommuner(a.Kommuner, a.Pos, a.File, "kommuner")
	}
	switch {
	case c.broken["remiss"]:
	case len(c.ix.Remiss) > 0:
		a.Remiss = c.resolve(a.Remiss, a.Pos, a.File, "remiss", c.referrer)
	default:
		a.Remiss = c.variants(a.Remiss, a.Pos, a.File, "remiss")
	}
	a.Samverkansparter = c.variants(a.Samverkansparter, a.Pos, a.File, "samverkansparter")
	if !c.broken[catalog.AxisKommuner] {
		a.Kontakt = c.contacts(a.Kontakt, a.Pos, a.File)
	}
	if len(a.Kontakt) > 0 && !a.Reachable() && !triedToReach(a) {
		c.diags.AddWarning(posOf(a.Pos, a.File, "kontakt", -1), "kontakt", msg.KontaktNoWayToReach)
	}
	if a.Forbund != "" {
		if slug, ok := c.forbund(a.Forbund, forbund, posOf(a.Pos, a.File, "forbund", -1)); ok {
			a.Forbund = slug
		}
	}
	c.dates(a)
}

// forbund resolves a forbund value to the slug of a page: the slug in any
// case. A förbund's name is an error that suggests the slug.
func (c *checker) forbund(value string, pages map[string]string, pos diag.Pos) (string, bool) {
	want := strings.ToLower(strings.TrimSpace(value))
	if _, ok := pages[want]; ok {
		return want, true
	}
	known := slices.Sorted(maps.Keys(pages))
	for _, slug := range known {
		if n := pages[slug]; n != "" && fold(n) == fold(value) {
			c.diags.AddError(pos, "forbund", msg.ForbundIsName, value, slug)
			return "", false
		}
	}
	tail := c.sug.DidYouMean(value, known)
	switch {
	case !tail.IsZero():
	case len(known) > 0:
		tail = msg.New(msg.KnownList, msg.Listed(known))
	default:
		tail = msg.New(msg.ForbundAddOne)
	}
	c.diags.AddError(pos, "forbund", msg.ForbundNoPage, value, tail)
	return "", false
}

// declared resolves value to the id of one of terms, reporting it if there
// is none. Ids match ignoring case and surrounding space, as municipality
// names do; a term's namn (same rule) stands for its id, since that is what
// editors see on the site.
func (c *checker) declared(value string, terms []catalog.Term, pos diag.Pos, field string) (string, bool) {
	want := strings.TrimSpace(value)
	for _, t := range terms {
		if strings.EqualFold(t.ID, want) {
			return t.ID, true
		}
	}
	ids := make([]string, len(terms))
	for i, t := range terms {
		if strings.EqualFold(strings.TrimSpace(t.Namn), want) {
			return t.ID, true
		}
		ids[i] = t.ID
	}
	tail := c.sug.DidYouMean(value, ids)
	if s := catalog.Slugify(value); slices.Contains(ids, s) {
		tail = msg.New(msg.DidYouMean, s) // a name without its å/ä/ö
	}
	c.diags.AddError(pos, field, msg.NotDeclared, value, c.ix.File, tail, msg.Listed(ids))
	return "", false
}

// referrer resolves a remiss value to the spelling of content/_index.md,
// as kommun does for municipality names.
func (c *checker) referrer(value string, pos diag.Pos) (string, bool) {
	return c.resolveName(c.remissList(), value, pos, "remiss", msg.NotDeclared, c.ix.Remiss)
}

// kommuner resolves names to the index's spelling, reporting unknown ones.
func (c *checker) kommuner(names []string, pos map[string]diag.Pos, file, field string) []string {
	return c.resolve(names, pos, file, field, func(n string, p diag.Pos) (string, bool) {
		return c.kommun(n, p, field)
	})
}

func (c *checker) kommun(name string, pos diag.Pos, field string) (string, bool) {
	return c.resolveName(c.kommunList(), name, pos, field, msg.KommunUndeclared, c.ix.Kommuner)
}

// resolveName resolves value to its spelling in list, or reports it as
// unknown with the message id, a suggestion when one is close, and every
// value content/_index.md declares.
func (c *checker) resolveName(list *names, value string, pos diag.Pos, field string, id msg.ID, all []string) (string, bool) {
	if v, ok := list.find(strings.ToLower(strings.TrimSpace(value))); ok {
		return v, true
	}
	var tail msg.Message
	if s := list.suggest(c.sug, value); s != "" {
		tail = msg.New(msg.DidYouMean, s)
	}
	c.diags.AddError(pos, field, id, value, c.ix.File, tail, msg.Listed(all))
	return "", false
}

// contacts resolves the municipality of each contact, and returns the
// list with them resolved: list itself when none changed, else a copy
// (list may be shared with a cache of what load made, which stays as it
// was).
func (c *checker) contacts(list []catalog.Contact, pos map[string]diag.Pos, file string) []catalog.Contact {
	out := list
	for i := range list {
		if list[i].Kommun == "" {
			continue
		}
		key := fmt.Sprintf("kontakt[%d].kommun", i)
		if k, ok := c.kommun(list[i].Kommun, posOf(pos, file, key, -1), key); ok && k != out[i].Kommun {
			if &out[0] == &list[0] {
				out = slices.Clone(list)
			}
			out[i].Kommun = k
		}
	}
	return out
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
	if s := c.sug.Suggest(p.Slug, ids); s != "" {
		tail = msg.New(msg.DidYouMeanAlt, folder, s)
	}
	c.diags.AddError(diag.Pos{File: p.File, Line: 1}, "", msg.PageTermUndeclared, msg.New(what), p.Slug, c.ix.File, tail, msg.Listed(ids))
}

// uniqueSlugs reports two files that would be published at the same URL.
func (c *checker) uniqueSlugs(cat *catalog.Catalogue) {
	// Sized for every activity and page: grown one entry at a time, at
	// 10,000 activities the map was some 1.3 MB of every save.
	seen := make(map[string]string, len(cat.Activities)+len(cat.Pages))
	claim := func(url, file string) {
		if first, ok := seen[url]; ok {
			c.diags.AddError(diag.Pos{File: file, Line: 1}, "", msg.PageSameURL, url, first)
			return
		}
		seen[url] = file
	}
	for _, a := range cat.Activities {
		claim(route.Activity(a.Slug), a.File)
	}
	// Aliases after every slug, so that an alias that takes an activity's
	// address is reported on the alias, whatever the order of the files.
	for _, a := range cat.Activities {
		for i, alias := range a.Aliases {
			url := route.Activity(alias)
			if first, ok := seen[url]; ok {
				c.diags.AddError(posOf(a.Pos, a.File, "aliases", i), "aliases", msg.AliasTaken, alias, url, first)
				continue
			}
			seen[url] = a.File
		}
	}
	for _, p := range cat.Pages {
		claim(route.Page(p), p.File)
	}
}

// dates produces the date-relative warnings.
//
// An activity that ended is worth a warning in the month after its slut,
// when the editor may not know it is now listed as ended; after that it is
// a note (shown with --warnings=all and in the review report), and so is a
// stale granskad on it: an ended project is not reviewed every year, and a
// nightly job should not warn about it for ever.
func (c *checker) dates(a *catalog.Activity) {
	report := c.diags.AddWarning
	if ended := !a.Slut.IsZero() && a.Slut.Before(c.now); ended {
		if a.Slut.DaysUntil(c.now) > recentlyEnded {
			report = c.diags.AddInfo
		}
		report(posOf(a.Pos, a.File, "slut", -1), "slut", msg.SlutPassed, a.Slut)
		report = c.diags.AddInfo
	}
	limit := c.ix.ReviewLimit()
	switch {
	case a.Granskad.IsZero():
		if _, invalid := a.Pos["granskad"]; !invalid { // a date that is not one has its own error
			report(diag.Pos{File: a.File, Line: 1}, "granskad", msg.GranskadMissing, c.now)
		}
	case a.Granskad.AddDays(limit).Before(c.now):
		report(posOf(a.Pos, a.File, "granskad", -1), "granskad", msg.GranskadOld, a.Granskad, limit)
	case c.now.Before(a.Granskad):
		c.diags.AddWarning(posOf(a.Pos, a.File, "granskad", -1), "granskad", msg.GranskadFuture, a.Granskad)
	}
}

// recentlyEnded is how many days after its slut an ended activity is still
// a warning rather than a note.
const recentlyEnded = 30

// triedToReach reports whether a gives a way to reach it that was refused
// (a telefon, epost, adress or webb written but not valid): that value has
// its own error, and "no way to reach it" on top would be a second message
// for one mistake.
func triedToReach(a *catalog.Activity) bool {
	if _, ok := a.Pos["webb"]; ok {
		return true
	}
	for i := range a.Kontakt {
		for _, key := range []string{"telefon", "epost", "adress"} {
			if _, ok := a.Pos[fmt.Sprintf("kontakt[%d].%s", i, key)]; ok {
				return true
			}
		}
	}
	return false
}
