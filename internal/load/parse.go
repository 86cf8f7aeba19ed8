package load

import (
	"regexp"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/msg"
	"go.yaml.in/yaml/v3"
)

// Keys allowed in each kind of file, in documentation order (the order
// shown in "valid: …" messages).
var (
	indexKeys = []string{"titel", "undertitel", "region", "baseurl", "sprak", "granskas_inom",
		"kommuner", "funktioner", "finansiering", "matris", "remiss", "cms", "synonymer"}
	activityKeys = []string{"namn", "funktion", "kommuner", "finansiering", "kontakt", "samverkansparter",
		"huvudman", "forbund", "malgrupp", "alder", "start", "slut", "platser", "remiss",
		"egenanmalan", "inriktning", "webb", "granskad", "utkast", "aliases"}
	contactKeys = []string{"namn", "roll", "telefon", "epost", "adress", "kommun"}
	pageKeys    = []string{"namn", "titel", "beskrivning", "webb", "kommuner", "kontakt", "utkast"}
	termKeys    = []string{"id", "namn"}
	matrisKeys  = []string{"rader", "kolumner"}
	alderKeys   = []string{"fran", "till"}
)

// activityRequired are the keys every activity must have.
var activityRequired = []string{"namn", "funktion", "kommuner", "finansiering", "kontakt"}

// frontmatterOf splits src and decodes its frontmatter; the mapping is nil
// when the file is unusable (the diagnostics say why).
func frontmatterOf(file string, src []byte) (*source, *yaml.Node, diag.List) {
	s, diags := split(file, src)
	if s == nil {
		return nil, nil, diags
	}
	return s, parseYAML(file, s, &diags), diags
}

// positions returns about how many positions reading the mapping m
// records (one for each key of a mapping and each entry of a list), so
// that the map of them is made at its size rather than grown three or
// four times. It counts to maxPositionsHint at most: a list of a million
// entries is refused, not a reason for a map of a million.
func positions(m *yaml.Node) int {
	n := 0
	switch m.Kind {
	case yaml.MappingNode:
		n = len(m.Content) / 2
	case yaml.SequenceNode:
		n = len(m.Content)
	}
	for _, c := range m.Content {
		if n >= maxPositionsHint {
			break
		}
		if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
			n += positions(c)
		}
	}
	return min(n, maxPositionsHint)
}

// maxPositionsHint is more positions than any catalogue file has been seen
// to record (an activity records some twenty to forty).
const maxPositionsHint = 256

// ParseIndex reads content/_index.md. It returns nil when the file is unusable.
func ParseIndex(file string, src []byte) (*catalog.Index, diag.List) {
	s, m, diags := frontmatterOf(file, src)
	if m == nil {
		return nil, diags
	}
	ix := &catalog.Index{File: file, Body: s.body, Pos: make(map[string]diag.Pos, positions(m))}
	f := newFields(file, s, &diags, ix.Pos, "", m, indexKeys)
	f.require("titel", "kommuner", "funktioner", "finansiering")
	ix.Titel = f.text("titel", maxNameLen)
	ix.Undertitel = f.text("undertitel", maxOneLiner)
	ix.Region = f.text("region", maxNameLen)
	if base := f.webb("baseurl"); base != "" {
		if reason := markdown.CheckBaseURL(base); !reason.IsZero() {
			f.errAt(f.values.of("baseurl"), "baseurl", msg.BaseURLNotSite, base, reason)
		} else {
			if !strings.HasSuffix(base, "/") {
				base += "/"
			}
			ix.BaseURL = base
		}
	}
	ix.Sprak = "sv"
	if lang := f.text("sprak", 10); lang != "" {
		if lang != "sv" && lang != "en" {
			f.errAt(f.values.of("sprak"), "sprak", msg.SprakUnsupported, lang)
		} else {
			ix.Sprak = lang
		}
	}
	ix.GranskasInom = catalog.DefaultGranskasInom
	if n, ok := f.integer("granskas_inom", 1, 10000); ok {
		ix.GranskasInom = n
	}
	var at []diag.Pos
	ix.Kommuner, at = f.listAt("kommuner")
	for i, k := range ix.Kommuner {
		if strings.EqualFold(k, catalog.KommunAlla) {
			f.diags.AddError(at[i], "kommuner", msg.KommunAllaReserved, k)
		}
	}
	f.slugged("kommuner", ix.Kommuner, at)
	f.distinct("kommuner", declared(ix.Kommuner, at), func(slug string) string { return "kommuner/" + slug + "/" })
	ix.Funktioner = f.terms("funktioner")
	ix.Finansiering = f.terms("finansiering")
	ix.Remiss, at = f.listAt("remiss")
	f.slugged("remiss", ix.Remiss, at)
	ix.CMS = f.cms("cms")
	ix.Matris = catalog.Matris{Rader: catalog.AxisKommuner, Kolumner: catalog.AxisFunktioner}
	if mm := f.mapping("matris", "{rader: kommuner, kolumner: funktioner}"); mm != nil {
		mf := newFields(file, s, &diags, ix.Pos, "matris.", mm, matrisKeys)
		for key, dst := range map[string]*string{"rader": &ix.Matris.Rader, "kolumner": &ix.Matris.Kolumner} {
			name := mf.text(key, 40)
			if name == "" {
				continue
			}
			if axes := axis.MatrixNames(); !slices.Contains(axes, name) {
				mf.errAt(mf.values.of(key), "matris."+key, msg.AxisUnknown, name, diag.DidYouMean(name, axes),
					msg.New(msg.ValidList, strings.Join(axes, ", ")))
				continue
			}
			*dst = name
		}
		if ix.Matris.Rader == ix.Matris.Kolumner {
			f.errAt(mm, "matris", msg.AxesSame, ix.Matris.Rader)
		}
	}
	if sm := f.mapping("synonymer", "{FK: Försäkringskassan}"); sm != nil {
		for i := 0; i+1 < len(sm.Content); i += 2 {
			k, v := sm.Content[i], sm.Content[i+1]
			if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || strings.TrimSpace(k.Value) == "" || strings.TrimSpace(v.Value) == "" {
				f.errAt(k, "synonymer", msg.SynonymMalformed)
				continue
			}
			if !f.visible(k, "synonymer", strings.TrimSpace(k.Value)) || !f.visible(v, "synonymer", strings.TrimSpace(v.Value)) {
				continue
			}
			ix.Synonymer = append(ix.Synonymer, catalog.Synonym{Ord: strings.TrimSpace(k.Value), Betyder: strings.TrimSpace(v.Value)})
		}
	}
	return ix, diags
}

// terms reads an axis list: entries are {id, namn} or a plain name whose id
// is its slug.
func (f *fields) terms(key string) []catalog.Term {
	v := f.get(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		f.errAt(v, key, msg.TermsNotList, describe(v))
		return nil
	}
	var out []catalog.Term
	var names []declaredName
	for i, it := range v.Content {
		el := element(key, i)
		f.pos[el] = f.at(it)
		var t catalog.Term
		switch {
		case it.Kind == yaml.ScalarNode && it.ShortTag() == "!!str":
			namn := f.checkLen(it, key, strings.TrimSpace(it.Value), maxNameLen)
			if namn == "" {
				continue
			}
			t = catalog.Term{ID: catalog.Slugify(namn), Namn: namn}
			if t.ID == "" {
				f.errAt(it, key, msg.ValueNoSlug, namn)
				continue
			}
		case it.Kind == yaml.MappingNode:
			tf := newFields(f.file, f.src, f.diags, f.pos, el+".", it, termKeys)
			tf.require("id", "namn")
			t = catalog.Term{ID: tf.text("id", 80), Namn: tf.text("namn", maxNameLen)}
			if t.ID != "" && !catalog.ValidSlug(t.ID) {
				tf.errAt(tf.values.of("id"), el+".id", msg.TermBadID, t.ID, catalog.Slugify(t.ID))
				continue
			}
		default:
			f.errAt(it, key, msg.TermMalformed, i+1, describe(it))
			continue
		}
		if t.ID == "" || t.Namn == "" {
			continue
		}
		if slices.ContainsFunc(out, func(o catalog.Term) bool { return o.ID == t.ID }) {
			f.errAt(it, key, msg.TermTwice, t.ID)
			continue
		}
		out = append(out, t)
		names = append(names, declaredName{t.Namn, f.at(it)})
	}
	f.distinct(key, names, nil)
	return out
}

// ParseActivity reads one file of content/verksamheter/. slug is derived
// from the file name by the caller. It returns nil when the file is unusable.
func ParseActivity(file, slug string, src []byte) (*catalog.Activity, diag.List) {
	s, m, diags := frontmatterOf(file, src)
	if m == nil {
		return nil, diags
	}
	a := &catalog.Activity{File: file, Slug: slug, Body: s.body, Pos: make(map[string]diag.Pos, positions(m))}
	f := newFields(file, s, &diags, a.Pos, "", m, activityKeys)
	f.require(activityRequired...)
	a.Namn = f.text("namn", maxNameLen)
	a.Funktion = f.list("funktion")
	a.Kommuner = f.list("kommuner")
	if slices.ContainsFunc(a.Kommuner, func(k string) bool { return strings.EqualFold(k, catalog.KommunAlla) }) {
		if len(a.Kommuner) > 1 {
			f.errAt(f.values.of("kommuner"), "kommuner", msg.KommunAllaAlone)
		}
		a.Kommuner, a.AllaKommuner = nil, true
	}
	a.Finansiering = f.list("finansiering")
	a.Kontakt = f.contacts("kontakt", true)
	a.Samverkansparter = f.list("samverkansparter")
	a.Huvudman = f.text("huvudman", maxNameLen)
	if a.Huvudman != "" && !hasSlug(a.Huvudman) {
		f.errAt(f.values.of("huvudman"), "huvudman", msg.ValueNoSlug, a.Huvudman)
	}
	a.Forbund = f.text("forbund", 80)
	a.Malgrupp = f.text("malgrupp", maxOneLiner)
	if am := f.mapping("alder", "{fran: 18, till: 64}"); am != nil {
		af := newFields(file, s, &diags, a.Pos, "alder.", am, alderKeys)
		alder := &catalog.Alder{}
		if n, ok := af.integer("fran", 0, 130); ok {
			alder.Fran = &n
		}
		if n, ok := af.integer("till", 0, 130); ok {
			alder.Till = &n
		}
		if alder.Fran != nil && alder.Till != nil && *alder.Fran > *alder.Till {
			af.errAt(af.values.of("fran"), "alder.fran", msg.AlderReversed, *alder.Fran, *alder.Till)
		}
		if alder.Fran != nil || alder.Till != nil {
			a.Alder = alder
		}
	}
	a.Start = f.date("start")
	a.Slut = f.date("slut")
	if !a.Start.IsZero() && !a.Slut.IsZero() && a.Slut.Before(a.Start) {
		f.errAt(f.values.of("slut"), "slut", msg.SlutBeforeStart, a.Slut, a.Start)
	}
	if n, ok := f.integer("platser", 1, 1000000); ok {
		a.Platser = n
	}
	var at []diag.Pos
	a.Remiss, at = f.listAt("remiss")
	f.slugged("remiss", a.Remiss, at)
	a.Egenanmalan = f.boolean("egenanmalan")
	if in := f.text("inriktning", 40); in != "" {
		valid := []string{catalog.InriktningIndivid, catalog.InriktningStruktur}
		if !slices.Contains(valid, in) {
			f.errAt(f.values.of("inriktning"), "inriktning", msg.InriktningInvalid, in, diag.DidYouMean(catalog.Slugify(in), valid),
				msg.New(msg.ValidList, strings.Join(valid, ", ")))
		} else {
			a.Inriktning = in
		}
	}
	a.Webb = f.webb("webb")
	for i, alias := range f.list("aliases") {
		at := a.Pos[element("aliases", i)]
		if !catalog.ValidSlug(alias) {
			f.diags.AddError(at, "aliases", msg.AliasNotSlug, alias, catalog.Slugify(alias))
			continue
		}
		// Positions follow the aliases kept, so that check finds each one's.
		a.Pos[element("aliases", len(a.Aliases))] = at
		a.Aliases = append(a.Aliases, alias)
	}
	a.Granskad = f.date("granskad")
	if b := f.boolean("utkast"); b != nil {
		a.Utkast = *b
	}
	return a, diags
}

// ParsePage reads a page that is not an activity. The titel is required
// only for plain pages: the others take a default from the index or the kind.
func ParsePage(file, slug string, kind catalog.PageKind, src []byte) (*catalog.Page, diag.List) {
	s, m, diags := frontmatterOf(file, src)
	if m == nil {
		return nil, diags
	}
	p := &catalog.Page{File: file, Kind: kind, Slug: slug, Body: s.body, Pos: make(map[string]diag.Pos, positions(m))}
	f := newFields(file, s, &diags, p.Pos, "", m, PageKeys(kind))
	if kind == catalog.PlainPage {
		f.require("titel")
	}
	_, hasNamn := p.Pos["namn"]
	_, hasTitel := p.Pos["titel"]
	switch {
	case hasNamn && hasTitel:
		f.diags.AddError(p.Pos["titel"], "titel", msg.TitelAndNamn, p.Pos["namn"].Line)
	case hasNamn:
		if kind == catalog.ForbundPage {
			f.require("namn")
		}
		p.Titel = f.text("namn", maxNameLen)
	case kind == catalog.ForbundPage && !hasTitel:
		f.require("namn")
	default:
		if kind == catalog.ForbundPage {
			f.require("titel")
		}
		p.Titel = f.text("titel", maxNameLen)
	}
	p.Beskrivning = f.text("beskrivning", maxOneLiner)
	if kind == catalog.ForbundPage {
		p.Webb = f.webb("webb")
		p.Kommuner = f.list("kommuner")
		p.Kontakt = f.contacts("kontakt", false)
	}
	if b := f.boolean("utkast"); b != nil {
		p.Utkast = *b
	}
	return p, diags
}

// contacts reads a kontakt list. Each contact needs at least a namn, a
// telefon, an epost or an adress.
func (f *fields) contacts(key string, required bool) []catalog.Contact {
	v := f.get(key)
	if v == nil {
		return nil
	}
	items := []*yaml.Node{v}
	switch v.Kind {
	case yaml.SequenceNode:
		items = v.Content
	case yaml.ScalarNode:
		f.errAt(v, key, msg.KontaktNotList)
		return nil
	}
	if len(items) > maxListLen {
		f.errAt(v, key, msg.ListTooLong, len(items), maxListLen)
		return nil
	}
	if len(items) == 0 && required {
		f.errAt(v, key, msg.KontaktEmpty)
	}
	var out []catalog.Contact
	for i, it := range items {
		el := element(key, i)
		f.pos[el] = f.at(it)
		if it.Kind != yaml.MappingNode {
			if !f.glued(it, contactKeys, el+".") {
				f.errAt(it, el, msg.KontaktNotContact, describe(it))
			}
			continue
		}
		cf := newFields(f.file, f.src, f.diags, f.pos, el+".", it, contactKeys)
		c := catalog.Contact{
			Namn:    cf.text("namn", maxNameLen),
			Roll:    cf.text("roll", maxNameLen),
			Telefon: cf.phoneText("telefon"),
			Epost:   cf.text("epost", 254),
			Adress:  cf.text("adress", maxOneLiner),
			Kommun:  cf.text("kommun", maxNameLen),
		}
		if c.Telefon != "" && !validPhone(c.Telefon) {
			cf.phoneProblem(el+".telefon", c.Telefon)
			c.Telefon = ""
		}
		if c.Epost != "" {
			switch {
			case cf.emailProblem(cf.values.of("epost"), el+".epost", c.Epost):
				c.Epost = ""
			case !validEmail(c.Epost):
				cf.errAt(cf.values.of("epost"), el+".epost", msg.EmailInvalid, c.Epost)
				c.Epost = ""
			}
		}
		switch {
		case !cf.hasAny(contactKeys...) && len(cf.values) > 0:
			cf.errAt(it, el, msg.KontaktAllEmpty) // a form cleared, or a template left unfilled
		case !cf.hasAny("namn", "telefon", "epost", "adress"):
			cf.errAt(it, el, msg.KontaktSaysNothing)
		}
		out = append(out, c)
	}
	// A contact may be a name and a role only: activity plans and reports
	// often name a person without a number. An activity that gives no way to
	// reach it at all is a warning, made by check (it also looks at webb).
	return out
}

// hasAny reports whether any of the given keys has a value.
func (f *fields) hasAny(keys ...string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return f.get(k) != nil })
}

var (
	emailRE = regexp.MustCompile(`^[^@\s<>"(),;:\[\]]+@[^@\s<>"(),;:\[\]]+\.[^@\s<>"(),;:\[\].]{2,}$`)
	phoneRE = regexp.MustCompile(`^\+?[0-9 ()/-]*[0-9][0-9 ()/-]*$`)
)

func validEmail(s string) bool { return emailRE.MatchString(s) }

// validPhone accepts the ways Swedish numbers are written ("033-35 83 00",
// "+46 33 35 83 00", "020-600 000") and needs at least five digits.
func validPhone(s string) bool {
	if !phoneRE.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 5
}
