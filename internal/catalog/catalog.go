// Package catalog is samkat's model of a catalogue: the settings and axes of
// content/_index.md, the activities of content/verksamheter/ and the other
// pages. It does no I/O; package load fills it from files and package check
// validates and resolves it across files.
//
// Go field names mirror the Swedish frontmatter keys of the content format
// (docs/content-format.md), so that a diagnostic about "kommuner" greps to
// the field Kommuner.
package catalog

import (
	"github.com/samkat/samkat/internal/diag"
)

// Catalogue is a whole catalogue as read from a folder.
type Catalogue struct {
	Index      *Index
	Activities []*Activity
	Pages      []*Page
}

// Index holds content/_index.md: settings, the axes and the front-page text.
type Index struct {
	File         string
	Titel        string
	Undertitel   string
	Region       string
	BaseURL      string // absolute, ends in "/"; "" when not set
	Sprak        string // "sv" (default) or "en"
	GranskasInom int    // days; a granskad older than this is stale. Default DefaultGranskasInom.
	Kommuner     []string
	Funktioner   []Term
	Finansiering []Term
	Matris       Matris
	Synonymer    []Synonym
	// Remiss lists the known referrers; when it is not empty, an activity's
	// remiss values must be among them.
	Remiss []string
	// Broken names the top-level keys of File that have errors. Checks of
	// activities against them are skipped: they would only repeat the error.
	Broken []string
	// CMS, when set, asks for a Decap CMS form at admin/ (see package cms).
	CMS *CMS
	// Body is the Markdown after the frontmatter, padded with newlines so
	// that line N of Body is line N of File.
	Body []byte
	Pos  map[string]diag.Pos
}

// CMS is the cms setting of content/_index.md: where the web form commits.
type CMS struct {
	Backend      string // "github" (default) or "test-repo" (in the browser only, for trials)
	Repo         string // owner/name on GitHub; required for github
	Branch       string // default "main"
	BaseURL      string // optional: the OAuth proxy's address (Decap's base_url)
	AuthEndpoint string // optional: its path for logging in (Decap's auth_endpoint)
	SiteDomain   string // optional: the site the OAuth service knows, when not this one (Decap's site_domain)
}

// CMS backends.
const (
	CMSGitHub   = "github"
	CMSTestRepo = "test-repo"
)

// Term is one entry of an axis such as funktioner or finansiering.
type Term struct {
	ID   string
	Namn string
}

// Axis names, as content/_index.md and matris write them. What each axis
// is (its values, pages, texts, filter) is declared in package axis.
const (
	AxisKommuner     = "kommuner"
	AxisFunktioner   = "funktioner"
	AxisFinansiering = "finansiering"
	AxisHuvudman     = "huvudman"
)

// DefaultGranskasInom is how many days an entry stays fresh when
// content/_index.md sets no granskas_inom.
const DefaultGranskasInom = 365

// ReviewLimit is the number of days after which ix says an entry's granskad
// is stale.
func (ix *Index) ReviewLimit() int {
	if ix.GranskasInom <= 0 {
		return DefaultGranskasInom
	}
	return ix.GranskasInom
}

// Matris says which axes form the front-page matrix.
type Matris struct {
	Rader    string // default "kommuner"
	Kolumner string // default "funktioner"
}

// Synonym maps a search abbreviation to the word it stands for.
type Synonym struct {
	Ord     string // what a user may type, e.g. "FK"
	Betyder string // what it means, e.g. "Försäkringskassan"
}

// FunktionNamn returns the display name of the function id, or id itself.
func (ix *Index) FunktionNamn(id string) string { return termName(ix.Funktioner, id) }

// FinansieringNamn returns the display name of the financing id, or id itself.
func (ix *Index) FinansieringNamn(id string) string { return termName(ix.Finansiering, id) }

func termName(terms []Term, id string) string {
	for _, t := range terms {
		if t.ID == id {
			return t.Namn
		}
	}
	return id
}

// KommunAlla is the kommuner value that means every municipality of the index.
const KommunAlla = "alla"

// Activity is one samverkansverksamhet: a file in content/verksamheter/.
type Activity struct {
	File string // catalogue-relative, slash-separated, e.g. "content/verksamheter/lotsen.md"
	Slug string // the file name without .md

	Namn     string
	Funktion []string // function ids
	// Kommuner holds municipality names. After check.Catalogue they are the
	// canonical spellings from the index and "alla" is expanded; AllaKommuner
	// remembers that the editor wrote [alla].
	Kommuner         []string
	AllaKommuner     bool
	Finansiering     []string // financing ids
	Kontakt          []Contact
	Samverkansparter []string
	Huvudman         string
	Forbund          string // slug of a page in content/forbund/
	Malgrupp         string
	Alder            *Alder
	Start            Date
	Slut             Date
	Platser          int // 0 when not given
	Remiss           []string
	Egenanmalan      *bool
	Inriktning       string // "", "individinriktad" or "strukturovergripande"
	Webb             string
	Granskad         Date
	Utkast           bool
	// Aliases are earlier slugs: their addresses redirect to this activity.
	Aliases []string

	// Body is the Markdown after the frontmatter, padded with newlines so
	// that line N of Body is line N of File.
	Body []byte
	// Pos maps each frontmatter key to where the editor wrote it. Nested keys
	// are dotted with list indexes from 0: "kontakt[0].epost", "alder.fran".
	Pos map[string]diag.Pos
}

// Reachable reports whether the activity gives a reader a way to reach it:
// a telefon, epost or adress in some contact, or a webb.
func (a *Activity) Reachable() bool {
	if a.Webb != "" {
		return true
	}
	for _, c := range a.Kontakt {
		if c.Telefon != "" || c.Epost != "" || c.Adress != "" {
			return true
		}
	}
	return false
}

// Contact is one entry of an activity's kontakt list.
type Contact struct {
	Namn    string
	Roll    string
	Telefon string
	Epost   string
	Adress  string
	Kommun  string
}

// Alder is an age range; either end may be open.
type Alder struct {
	Fran *int
	Till *int
}

// Inriktning values (the national Finsam follow-up categorisation).
const (
	InriktningIndivid  = "individinriktad"
	InriktningStruktur = "strukturovergripande"
)

// Status is where an activity stands on a given day.
type Status int

const (
	// Pagaende activities are running: started (or no start given) and not ended.
	Pagaende Status = iota
	// Planerad activities start after the given day.
	Planerad
	// Avslutad activities have a slut before the given day.
	Avslutad
)

// String returns the Swedish key of the status, used in URLs and data.
func (s Status) String() string {
	switch s {
	case Planerad:
		return "planerad"
	case Avslutad:
		return "avslutad"
	}
	return "pagaende"
}

// StatusOn returns the activity's status on day now. An activity has ended
// once the day after slut has begun; slut itself is its last day.
func (a *Activity) StatusOn(now Date) Status {
	switch {
	case !a.Slut.IsZero() && a.Slut.Before(now):
		return Avslutad
	case !a.Start.IsZero() && now.Before(a.Start):
		return Planerad
	}
	return Pagaende
}

// PageKind says which folder a page came from and so what it describes.
type PageKind int

const (
	// PlainPage is any other content/*.md, e.g. om.md.
	PlainPage PageKind = iota
	// FinansieringPage explains a financing source; its slug is the source's id.
	FinansieringPage
	// FunktionPage explains a function; its slug is the function's id.
	FunktionPage
	// ForbundPage describes a samordningsförbund or other organiser.
	ForbundPage
	// TillganglighetPage is content/tillganglighet.md, the accessibility statement.
	TillganglighetPage
)

// Page is a page that is not an activity: content/finansiering/*.md,
// content/funktioner/*.md, content/forbund/*.md or content/*.md.
type Page struct {
	File        string
	Kind        PageKind
	Slug        string
	Titel       string
	Beskrivning string   // optional one-line summary
	Webb        string   // optional, forbund pages
	Kommuner    []string // optional, forbund pages: the member municipalities
	Kontakt     []Contact
	Utkast      bool
	Body        []byte // padded like Activity.Body
	Pos         map[string]diag.Pos
}
