package site

import (
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"

	"github.com/samkat/samkat/internal/catalog"
)

// A page's Key is the hash of what its view is made of, computed without
// making the view: every page's key covers the frame (frameKey), its
// address, template and title, and what the function given to add writes,
// which sits beside the code that makes the view and names what it reads:
// the keys of the content files it shows (Input.FileKeys), and for each
// activity it lists, the key of its entry (entryKey). What several pages
// share is hashed once, in newAssembler; what a page derives from it
// (a count, a name) is hashed as the page shows it, so that a change that
// does not reach the page leaves its key alone.

// keyBuf collects what a key is made of; each piece is written with its
// length, so that no two sequences of pieces read alike. It also collects
// the files whose bodies the view reads (Page.Files).
type keyBuf struct {
	b     []byte
	files []string
	off   bool // collect the files alone
}

func (k *keyBuf) str(s string) {
	if k.off {
		return
	}
	k.int(len(s))
	k.b = append(k.b, s...)
}

func (k *keyBuf) int(n int) {
	if !k.off {
		k.b = binary.LittleEndian.AppendUint64(k.b, uint64(n))
	}
}

func (k *keyBuf) bool(v bool) {
	switch {
	case k.off:
	case v:
		k.b = append(k.b, 1)
	default:
		k.b = append(k.b, 0)
	}
}

func (k *keyBuf) key(x Key) {
	if !k.off {
		k.b = append(k.b, x[:]...)
	}
}

func (k *keyBuf) strs(list []string) {
	k.int(len(list))
	for _, s := range list {
		k.str(s)
	}
}

func (k *keyBuf) date(d catalog.Date) { k.int(d.Year<<9 | int(d.Month)<<5 | d.Day) }

func (k *keyBuf) sum() Key { return sha256.Sum256(k.b) }

// keyed reports whether pages get keys: only when the pipeline gives the
// files' keys.
func (a *assembler) keyed() bool { return a.in.FileKeys != nil }

// body writes the key of the content file whose body the view reads.
func (a *assembler) body(b *keyBuf, file string) {
	b.str(file)
	b.key(a.in.FileKeys[file])
	b.files = append(b.files, file)
}

// pageKey returns the key of pg, whose title is title and whose own
// inputs key writes (nil for a page made of its frame alone), and the
// files whose bodies its view reads. Without Input.FileKeys the key is
// zero.
func (a *assembler) pageKey(b *keyBuf, pg Page, title string, key func(*keyBuf)) (Key, []string) {
	b.b, b.files, b.off = b.b[:0], nil, !a.keyed()
	if key == nil {
		key = func(*keyBuf) {}
	}
	if b.off {
		key(b)
		return Key{}, b.files
	}
	b.str("samkat page key 2")
	b.key(a.frameKey)
	b.str(pg.Path)
	b.str(pg.URL)
	b.str(pg.Template)
	b.str(title)
	key(b)
	return b.sum(), b.files
}

// filesOf returns the files whose bodies the view of a page whose own
// inputs key writes reads (Page.Files), without its key.
func (k *keyBuf) filesOf(key func(*keyBuf)) []string {
	if key == nil {
		return nil
	}
	k.b, k.files, k.off = k.b[:0], nil, true
	key(k)
	return k.files
}

// makeFrameKey hashes what every frame, and so every page, shows, and
// what most pages read of the index: the index's frontmatter (its texts,
// the language, baseurl, the names of the functions and financing
// sources, granskas_inom; the municipalities as a set; see indexFields),
// the options, the assets, the open data, and
// the navigation (the plain pages' titles, whether there are förbund
// pages).
func (a *assembler) makeFrameKey() Key {
	in := a.in
	var b keyBuf
	b.str("samkat frame key 2")
	indexFields(&b, a.ix)
	b.str(a.basePath)
	b.str(in.Version)
	b.bool(in.Drafts)
	for _, name := range slices.Sorted(maps.Keys(in.Assets)) {
		b.str(name)
		b.str(in.Assets[name])
	}
	b.int(len(in.Data))
	for _, d := range in.Data {
		b.str(d.Label)
		b.str(d.Path)
	}
	b.int(len(a.nav))
	for _, n := range a.nav {
		b.str(n.Label)
		b.str(n.Href)
	}
	return b.sum()
}

// indexFields writes the frontmatter of the index but what only the front
// page and the booklets show (indexWhole): the matrix, the synonyms, and
// the order the municipalities are declared in (here they are in the
// order of their names).
func indexFields(b *keyBuf, ix *catalog.Index) {
	b.str(ix.File)
	b.str(ix.Titel)
	b.str(ix.Undertitel)
	b.str(ix.Region)
	b.str(ix.BaseURL)
	b.str(ix.Sprak)
	b.int(ix.GranskasInom)
	b.strs(slices.Sorted(slices.Values(ix.Kommuner)))
	for _, terms := range [][]catalog.Term{ix.Funktioner, ix.Finansiering} {
		b.int(len(terms))
		for _, t := range terms {
			b.str(t.ID)
			b.str(t.Namn)
		}
	}
	b.strs(ix.Remiss)
	b.strs(ix.Broken)
	b.bool(ix.CMS != nil)
	if c := ix.CMS; c != nil {
		for _, s := range []string{c.Backend, c.Repo, c.Branch, c.BaseURL, c.AuthEndpoint, c.SiteDomain} {
			b.str(s)
		}
	}
}

// indexWhole writes what the front page and the booklets read of the
// index besides the frame's: its body, the matrix, the synonyms (for the
// search form's tips) and, with order, the order of the municipalities
// (the matrix's rows or columns, the search filter; a municipality's
// booklet has only its own).
func (a *assembler) indexWhole(b *keyBuf, order bool) {
	a.body(b, a.ix.File)
	a.indexMatrix(b, order)
}

// indexMatrix is indexWhole without the body: what a förbund's booklet,
// which has the förbund's text instead, reads of the index.
func (a *assembler) indexMatrix(b *keyBuf, order bool) {
	ix := a.ix
	b.str(ix.Matris.Rader)
	b.str(ix.Matris.Kolumner)
	b.int(len(ix.Synonymer))
	for _, s := range ix.Synonymer {
		b.str(s.Ord)
		b.str(s.Betyder)
	}
	if order {
		b.strs(ix.Kommuner)
	}
}

// keyChunk is how many activities keyActivities keys at a time.
const keyChunk = 512

// keyActivities gives the activities of chunk c (keyChunk of a.acts) the
// keys of what pages show of them.
func (a *assembler) keyActivities(c int) {
	var b keyBuf
	for i := c * keyChunk; i < min((c+1)*keyChunk, len(a.acts)); i++ {
		ac := &a.acts[i]
		x := ac.x
		mk := func() Key {
			b.b = b.b[:0]
			activityFields(&b, x)
			return b.sum()
		}
		var fields Key
		if a.in.FieldKeys != nil {
			fields = a.in.FieldKeys(x.File, a.in.FileKeys[x.File], mk)
		} else {
			fields = mk()
		}

		b.b = b.b[:0]
		b.str("entry")
		b.key(fields)
		b.int(int(ac.state))
		b.bool(ac.stale)
		b.int(ac.searchID)
		ac.entry = b.sum()

		b.b = b.b[:0]
		b.str("page")
		b.str(x.File)
		b.key(a.in.FileKeys[x.File])
		b.key(fields)
		b.int(int(ac.state))
		b.bool(ac.stale)
		// The facts link the förbund's page, by its title, when it has
		// one.
		if p, ok := a.forbundPages[x.Forbund]; ok {
			b.str(p.Slug)
			b.str(p.Titel)
		}
		ac.page = b.sum()
	}
}

// activityFields writes every field of x's frontmatter: what its entry in
// a list, a matrix or the review report may show, and what decides which
// lists it is in (TestActivityFieldsAreAllKeyed keeps the list whole).
func activityFields(b *keyBuf, x *catalog.Activity) {
	b.str(x.File)
	b.str(x.Slug)
	b.str(x.Namn)
	b.strs(x.Funktion)
	b.strs(x.Kommuner)
	b.bool(x.AllaKommuner)
	b.strs(x.Finansiering)
	b.int(len(x.Kontakt))
	for _, c := range x.Kontakt {
		b.str(c.Namn)
		b.str(c.Roll)
		b.str(c.Telefon)
		b.str(c.Epost)
		b.str(c.Adress)
		b.str(c.Kommun)
	}
	b.strs(x.Samverkansparter)
	b.str(x.Huvudman)
	b.str(x.Forbund)
	b.str(x.Malgrupp)
	b.bool(x.Alder != nil)
	if x.Alder != nil {
		for _, p := range []*int{x.Alder.Fran, x.Alder.Till} {
			b.bool(p != nil)
			if p != nil {
				b.int(*p)
			}
		}
	}
	b.date(x.Start)
	b.date(x.Slut)
	b.int(x.Platser)
	b.strs(x.Remiss)
	b.bool(x.Egenanmalan != nil)
	if x.Egenanmalan != nil {
		b.bool(*x.Egenanmalan)
	}
	b.str(x.Inriktning)
	b.str(x.Webb)
	b.date(x.Granskad)
	b.bool(x.Utkast)
	b.strs(x.Aliases)
}

// entries writes the entries of the activities at positions ps (in
// a.acts), in their order: a list of them.
func (a *assembler) entries(b *keyBuf, ps []int32) {
	b.int(len(ps))
	for _, p := range ps {
		b.key(a.acts[p].entry)
	}
}

// allEntries writes the entries of every activity, A–Ö.
func (a *assembler) allEntries(b *keyBuf) {
	b.int(len(a.acts))
	for i := range a.acts {
		b.key(a.acts[i].entry)
	}
}

// file writes the key of page p, whose body the view reads, or that there
// is none.
func (a *assembler) file(b *keyBuf, p *catalog.Page) {
	if p == nil {
		b.str("")
		return
	}
	a.body(b, p.File)
}

// activityPage writes the key of what ac's page shows, its body too.
func (a *assembler) activityPage(b *keyBuf, ac *act) {
	b.key(ac.page)
	b.files = append(b.files, ac.x.File)
}
