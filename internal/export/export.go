// Package export writes the machine-readable files of a site: the whole
// catalogue as JSON and CSV (open data), an Atom feed of the activities,
// sitemap.xml and robots.txt. It writes no files itself: the open data goes
// to an io.Writer as it is made (at 10,000 activities it is 80 MB, not worth
// holding whole), the rest is returned as bytes.
//
// Decisions where the content format is silent:
//   - JSON keys are the frontmatter keys, so the export documents itself; the
//     Markdown body is included as "text" and each activity's status on the
//     build day as "status" (pagaende, planerad, avslutad).
//   - CSV is for Excel as Swedish offices have it: UTF-8 with a byte order
//     mark, ";" as separator (the Swedish list separator), CRLF line ends,
//     one row per activity, lists joined with ", " and contacts with " | ".
//     Cells that Excel would run as a formula (starting with = + - @) get a
//     leading apostrophe, since content comes from pull requests.
//   - Sitemap and feed need absolute addresses: without baseurl they are not
//     written (the build warns).
package export

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/route"
)

// ActivityURL is the site-root-relative URL of an activity page.
func ActivityURL(a *catalog.Activity) string { return route.Activity(a.Slug) }

// DataFormat is one form of the open data: the file it is written to, the
// label of its link in every page's footer, and what writes it. Write
// writes the file compact: it is not minified.
//
// The file is made of one record per activity (a JSON object, a CSV row)
// between what the catalogue begins and ends it with. Record makes an
// activity's record, and WriteRecords writes the file from the records
// that record gives, in the order of cat.Activities: a caller that keeps
// each activity's record between builds (the build cache) makes again
// only those of the activities that changed. record(i, at) is told the
// offset in the file at which the record's bytes will be written, so that
// a caller can find each record in the file again (the build cache takes
// the unchanged ones from the previous build's file). An activity's record depends
// on the activity, on cat.Index (its baseurl, and the names of functions
// and financing) and on now (the activity's status); Write is WriteRecords
// with Record.
type DataFormat struct {
	Path         string
	Label        string
	Write        func(w io.Writer, cat *catalog.Catalogue, now catalog.Date) error
	Record       func(ix *catalog.Index, a *catalog.Activity, now catalog.Date) ([]byte, error)
	WriteRecords func(w io.Writer, cat *catalog.Catalogue, now catalog.Date, record func(i int, at int64) ([]byte, error)) error
}

// DataFormats lists the forms of the open data. A new format is one entry
// here: the build writes it and every page links to it.
func DataFormats() []DataFormat {
	return []DataFormat{
		{Path: route.DataJSON, Label: "JSON", Write: WriteJSON, Record: RecordJSON, WriteRecords: WriteJSONRecords},
		{Path: route.DataCSV, Label: "CSV", Write: WriteCSV, Record: RecordCSV, WriteRecords: WriteCSVRecords},
	}
}

// records returns the record function of WriteRecords that makes each
// activity's record with make.
func records(cat *catalog.Catalogue, now catalog.Date, make func(*catalog.Index, *catalog.Activity, catalog.Date) ([]byte, error)) func(int, int64) ([]byte, error) {
	return func(i int, _ int64) ([]byte, error) { return make(cat.Index, cat.Activities[i], now) }
}

// countingWriter counts the bytes written to w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// collect returns what write writes.
func collect(cat *catalog.Catalogue, now catalog.Date, write func(io.Writer, *catalog.Catalogue, catalog.Date) error) ([]byte, error) {
	var buf bytes.Buffer
	if err := write(&buf, cat, now); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type jsonCatalogue struct {
	Titel        string         `json:"titel"`
	Undertitel   string         `json:"undertitel,omitempty"`
	Region       string         `json:"region,omitempty"`
	BaseURL      string         `json:"baseurl,omitempty"`
	Datum        string         `json:"datum"`
	Kommuner     []string       `json:"kommuner"`
	Funktioner   []jsonTerm     `json:"funktioner"`
	Finansiering []jsonTerm     `json:"finansiering"`
	Verksamheter []jsonActivity `json:"verksamheter"`
}

type jsonTerm struct {
	ID   string `json:"id"`
	Namn string `json:"namn"`
}

type jsonAge struct {
	Fran *int `json:"fran,omitempty"`
	Till *int `json:"till,omitempty"`
}

type jsonContact struct {
	Namn    string `json:"namn,omitempty"`
	Roll    string `json:"roll,omitempty"`
	Telefon string `json:"telefon,omitempty"`
	Epost   string `json:"epost,omitempty"`
	Adress  string `json:"adress,omitempty"`
	Kommun  string `json:"kommun,omitempty"`
}

type jsonActivity struct {
	Slug             string        `json:"slug"`
	URL              string        `json:"url"`
	Namn             string        `json:"namn"`
	Status           string        `json:"status"`
	Funktion         []jsonTerm    `json:"funktion"`
	Kommuner         []string      `json:"kommuner"`
	AllaKommuner     bool          `json:"alla_kommuner,omitempty"`
	Finansiering     []jsonTerm    `json:"finansiering"`
	Kontakt          []jsonContact `json:"kontakt"`
	Samverkansparter []string      `json:"samverkansparter,omitempty"`
	Huvudman         string        `json:"huvudman,omitempty"`
	Forbund          string        `json:"forbund,omitempty"`
	Malgrupp         string        `json:"malgrupp,omitempty"`
	Alder            *jsonAge      `json:"alder,omitempty"`
	Start            string        `json:"start,omitempty"`
	Slut             string        `json:"slut,omitempty"`
	Platser          int           `json:"platser,omitempty"`
	Remiss           []string      `json:"remiss,omitempty"`
	Egenanmalan      *bool         `json:"egenanmalan,omitempty"`
	Inriktning       string        `json:"inriktning,omitempty"`
	Webb             string        `json:"webb,omitempty"`
	Granskad         string        `json:"granskad,omitempty"`
	Text             string        `json:"text,omitempty"`
}

// JSON returns the catalogue as one JSON document (see the package comment).
func JSON(cat *catalog.Catalogue, now catalog.Date) ([]byte, error) {
	return collect(cat, now, WriteJSON)
}

// WriteJSON writes the catalogue as one JSON document to w, one activity
// at a time: the bytes of json.Marshal of the whole, not indented (at
// 10,000 activities indenting took two seconds, and nothing needs it).
func WriteJSON(w io.Writer, cat *catalog.Catalogue, now catalog.Date) error {
	return WriteJSONRecords(w, cat, now, records(cat, now, RecordJSON))
}

// RecordJSON returns activity a's object in the JSON document: the bytes
// json.Marshal gives for jsonActivity (see records.go).
func RecordJSON(ix *catalog.Index, a *catalog.Activity, now catalog.Date) ([]byte, error) {
	buf := recordBufs.Get().(*recordBuf)
	defer recordBufs.Put(buf)
	buf.b = appendRecordJSON(buf.b[:0], ix, a, now)
	return bytes.Clone(buf.b), nil
}

// WriteJSONRecords is WriteJSON with record(i, at) as the object of
// activity i (see DataFormat).
func WriteJSONRecords(out io.Writer, cat *catalog.Catalogue, now catalog.Date, record func(i int, at int64) ([]byte, error)) error {
	w := &countingWriter{w: out}
	ix := cat.Index
	doc := jsonCatalogue{
		Titel: ix.Titel, Undertitel: ix.Undertitel, Region: ix.Region, BaseURL: ix.BaseURL,
		Datum:        now.String(),
		Kommuner:     nonNil(ix.Kommuner),
		Funktioner:   terms(ix.Funktioner),
		Finansiering: terms(ix.Finansiering),
		Verksamheter: []jsonActivity{},
	}
	head, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	// The activities are the last member: the document up to their "[",
	// each activity, then "]}".
	const end = "]}"
	if _, err := w.Write(head[:len(head)-len(end)]); err != nil {
		return err
	}
	for i := range cat.Activities {
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		b, err := record(i, w.n)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, end)
	return err
}

func terms(ts []catalog.Term) []jsonTerm {
	out := make([]jsonTerm, len(ts))
	for i, t := range ts {
		out[i] = jsonTerm{t.ID, t.Namn}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// csvHeader names the CSV columns; they follow the frontmatter keys.
var csvHeader = []string{
	"slug", "namn", "status", "funktion", "kommuner", "finansiering", "malgrupp",
	"alder_fran", "alder_till", "huvudman", "forbund", "samverkansparter", "remiss",
	"egenanmalan", "platser", "inriktning", "start", "slut", "webb", "granskad",
	"kontakt", "url", "text",
}

// CSV returns the catalogue as a CSV file that opens correctly in Excel with
// Swedish settings (see the package comment).
func CSV(cat *catalog.Catalogue, now catalog.Date) ([]byte, error) {
	return collect(cat, now, WriteCSV)
}

// WriteCSV writes the catalogue as CSV (see CSV) to out, a row at a time.
func WriteCSV(out io.Writer, cat *catalog.Catalogue, now catalog.Date) error {
	// Each row is written before the next is made: one buffer does.
	var buf recordBuf
	return WriteCSVRecords(out, cat, now, func(i int, _ int64) ([]byte, error) {
		buf.b, buf.cell = appendRecordCSV(buf.b[:0], buf.cell, cat.Index, cat.Activities[i], now)
		return buf.b, nil
	})
}

// WriteCSVRecords is WriteCSV with record(i, at) as the row of activity
// i (see DataFormat). The bytes record returns are read before it is
// called again.
func WriteCSVRecords(w io.Writer, cat *catalog.Catalogue, now catalog.Date, record func(i int, at int64) ([]byte, error)) error {
	out := &countingWriter{w: w}
	if _, err := io.WriteString(out, "\uFEFF"); err != nil {
		return err
	}
	header, err := newCSVRowWriter().row(csvHeader)
	if err != nil {
		return err
	}
	if _, err := out.Write(header); err != nil {
		return err
	}
	for i := range cat.Activities {
		b, err := record(i, out.n)
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// csvRowWriter makes the CSV of one row at a time: cells quoted where
// they need it, ";" between them, CRLF at the end.
type csvRowWriter struct {
	buf bytes.Buffer
	w   *csv.Writer
}

func newCSVRowWriter() *csvRowWriter {
	r := &csvRowWriter{}
	r.w = csv.NewWriter(&r.buf)
	r.w.Comma = ';'
	r.w.UseCRLF = true
	return r
}

// row returns the CSV of cells, in r's buffer: valid until the next row.
func (r *csvRowWriter) row(cells []string) ([]byte, error) {
	r.buf.Reset()
	if err := r.w.Write(cells); err != nil {
		return nil, err
	}
	r.w.Flush()
	if err := r.w.Error(); err != nil {
		return nil, fmt.Errorf("encode CSV: %w", err)
	}
	return r.buf.Bytes(), nil
}

// RecordCSV returns activity a's row in the CSV file: the bytes
// csv.Writer gives for csvCells (see records.go).
func RecordCSV(ix *catalog.Index, a *catalog.Activity, now catalog.Date) ([]byte, error) {
	buf := recordBufs.Get().(*recordBuf)
	defer recordBufs.Put(buf)
	buf.b, buf.cell = appendRecordCSV(buf.b[:0], buf.cell, ix, a, now)
	return bytes.Clone(buf.b), nil
}

// Entry is one page of the site for the sitemap.
type Entry struct {
	URL     string       // site-root-relative
	LastMod catalog.Date // zero when unknown
}

// SitemapHash writes to h every value the bytes of Sitemap(baseURL,
// entries) are made of, so that two sitemaps that write the same are the
// same bytes.
func SitemapHash(w io.Writer, baseURL string, entries []Entry) {
	h := bufio.NewWriterSize(w, 32<<10)
	defer h.Flush()
	hashStrings(h, "sitemap 1", baseURL, strconv.Itoa(len(entries)))
	for _, e := range entries {
		hashStrings(h, e.URL, e.LastMod.String())
	}
}

// Sitemap returns sitemap.xml for the given pages under baseURL.
func Sitemap(baseURL string, entries []Entry) ([]byte, error) {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	doc := struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, e := range entries {
		doc.URLs = append(doc.URLs, url{Loc: baseURL + e.URL, LastMod: e.LastMod.String()})
	}
	return marshalXML(doc)
}

// Robots returns robots.txt, pointing at the sitemap when there is one.
// disallow are paths from the host's root that crawlers should stay out of.
func Robots(baseURL string, disallow ...string) []byte {
	s := "User-agent: *\n"
	for _, d := range disallow {
		s += "Disallow: " + d + "\n"
	}
	s += "Allow: /\n"
	if baseURL != "" {
		s += "Sitemap: " + baseURL + "sitemap.xml\n"
	}
	return []byte(s)
}

// stableDate dates a feed entry that has nothing else to go by: a fixed
// day, so that the feed does not change between builds of the same input.
func stableDate() time.Time { return time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC) }

// Atom returns an Atom feed of the published activities. An entry is dated
// by when its file last changed (changed, keyed by the activity's File,
// from the catalogue's git history), else granskad, else a start that has
// passed, else 2000-01-01 (a day that does not move between builds); the feed by its newest entry. Summaries come
// from malgrupp or summary(a) for activities without one.
func Atom(cat *catalog.Catalogue, now catalog.Date, changed map[string]time.Time, summary func(*catalog.Activity) string) ([]byte, error) {
	return NewFeed(cat, now, changed, summary).Encode()
}

// A Feed is the Atom feed of Atom before it is encoded: what its bytes
// are made of, so that a build can tell whether they changed (Hash)
// without encoding them.
type Feed struct {
	doc atomFeed
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	Link    atomLink  `xml:"link"`
	ID      string    `xml:"id"`
	Updated string    `xml:"updated"`
	Summary *atomText `xml:"summary,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Links   []atomLink  `xml:"link"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

// NewFeed is Atom's feed, not encoded yet.
func NewFeed(cat *catalog.Catalogue, now catalog.Date, changed map[string]time.Time, summary func(*catalog.Activity) string) *Feed {
	ix := cat.Index
	feed := atomFeed{
		NS: "http://www.w3.org/2005/Atom", Lang: lang(ix), Title: ix.Titel, Sub: ix.Undertitel,
		Links: []atomLink{
			{Href: ix.BaseURL + route.Feed, Rel: "self", Type: "application/atom+xml"},
			{Href: ix.BaseURL, Rel: "alternate", Type: "text/html"},
		},
		ID: ix.BaseURL, Author: atomAuthor{Name: ix.Titel},
		Entries: make([]atomEntry, 0, len(cat.Activities)),
	}
	const atomTime = "2006-01-02T15:04:05Z"
	latest := time.Time{}
	for _, a := range cat.Activities {
		when, ok := changed[a.File]
		switch {
		case ok:
		case !a.Granskad.IsZero():
			when = a.Granskad.Time()
		case !a.Start.IsZero() && !now.Before(a.Start):
			when = a.Start.Time()
		default:
			when = stableDate()
		}
		when = when.UTC()
		if latest.Before(when) {
			latest = when
		}
		e := atomEntry{
			Title: a.Namn, Link: atomLink{Href: ix.BaseURL + ActivityURL(a)},
			ID: ix.BaseURL + ActivityURL(a), Updated: when.Format(atomTime),
		}
		s := a.Malgrupp
		if s == "" && summary != nil {
			s = summary(a)
		}
		if s != "" {
			e.Summary = &atomText{Type: "text", Body: s}
		}
		feed.Entries = append(feed.Entries, e)
	}
	if latest.IsZero() {
		latest = stableDate()
	}
	feed.Updated = latest.Format(atomTime)
	return &Feed{doc: feed}
}

// Encode returns the feed as Atom returns it.
func (f *Feed) Encode() ([]byte, error) { return marshalXML(f.doc) }

// Hash writes to h every value the feed's bytes are made of (Encode), so
// that two feeds that write the same encode to the same bytes.
func (f *Feed) Hash(w io.Writer) {
	h := bufio.NewWriterSize(w, 32<<10)
	defer h.Flush()
	d := &f.doc
	hashStrings(h, "atom 1", d.NS, d.Lang, d.Title, d.Sub, d.ID, d.Updated, d.Author.Name, strconv.Itoa(len(d.Links)))
	for _, l := range d.Links {
		hashStrings(h, l.Href, l.Rel, l.Type)
	}
	hashStrings(h, strconv.Itoa(len(d.Entries)))
	for _, e := range d.Entries {
		hashStrings(h, e.Title, e.Link.Href, e.Link.Rel, e.Link.Type, e.ID, e.Updated)
		if e.Summary == nil {
			hashStrings(h, "-")
		} else {
			hashStrings(h, "+", e.Summary.Type, e.Summary.Body)
		}
	}
}

// hashStrings writes each of ss to h after its length, so that no two
// lists of strings write the same.
func hashStrings(h *bufio.Writer, ss ...string) {
	for _, s := range ss {
		if h.Available() < 8 {
			h.Flush() // a hash.Hash never fails
		}
		h.Write(binary.LittleEndian.AppendUint64(h.AvailableBuffer(), uint64(len(s))))
		h.WriteString(s)
	}
}

func lang(ix *catalog.Index) string {
	if ix.Sprak == "" {
		return "sv"
	}
	return ix.Sprak
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode XML: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
