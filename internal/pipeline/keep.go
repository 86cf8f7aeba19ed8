package pipeline

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/site"
)

// linkKey hashes the link table the bodies' links are resolved against:
// every content file's page, the drafts, the static files and every
// other path of the site.
func linkKey(s *markdown.Site) site.Key {
	h := sha256.New()
	writeString(h, "samkat links 1")
	for _, m := range []map[string]string{s.Pages} {
		writeString(h, strconv.Itoa(len(m)))
		for _, k := range sortedKeys(m) {
			writeString(h, k)
			writeString(h, m[k])
		}
	}
	for _, m := range []map[string]bool{s.Drafts, s.Static, s.URLs} {
		writeString(h, strconv.Itoa(len(m)))
		for _, k := range sortedKeys(m) {
			writeString(h, k)
			writeString(h, strconv.FormatBool(m[k]))
		}
	}
	return sumOf(h)
}

// bodyKey is the key of what markdown makes of the body of the file with
// key sum, its links resolved against the table with key links, standing
// in the booklet as insets say.
func bodyKey(sum, links site.Key, insets []markdown.Inset) site.Key {
	h := sha256.New()
	writeString(h, "samkat body 1")
	writeKey(h, sum)
	writeKey(h, links)
	for _, in := range insets {
		writeString(h, strconv.Itoa(in.Levels))
		writeString(h, in.IDPrefix)
		writeString(h, in.From)
		writeString(h, in.To)
	}
	return sumOf(h)
}

// bodyKey is the package's bodyKey of the body of j, whose file has the
// key sum, remembered from the last build (keyMemo) for an activity's
// body, by what its insets are made of (j.insets), and for another body
// that stands in the booklet once or not at all.
func (r *run) bodyKey(sum, links site.Key, j *bodyJob) site.Key {
	in := bodyKeyIn{sum: sum, links: links, activity: j.activity, slug: j.slug, to: j.to}
	if !j.activity {
		if len(j.inset) > 1 {
			return bodyKey(sum, links, j.inset)
		}
		in.insets = len(j.inset)
		if len(j.inset) == 1 {
			in.inset = j.inset[0]
		}
	}
	return r.bodyKeys.key(j.file, in, func(bodyKeyIn) site.Key { return bodyKey(sum, links, j.insets()) })
}

// fileKeys are site.Input.FileKeys: for each content file of cat, a hash
// of its path and bytes and of all that its checked entry and converted
// body are made of besides: the index it was checked against, the link
// table (which holds every content file's address, the förbund pages
// among them), the BaseURL option and the language of the messages.
func fileKeys(r *run, cat *catalog.Catalogue, links site.Key, opt Options) map[string]site.Key {
	index := r.sums[cat.Index.File]
	keys := make(map[string]site.Key, 1+len(cat.Activities)+len(cat.Pages))
	key := func(file string) {
		keys[file] = r.fileKeys.key(file, fileKeyIn{r.sums[file], index, links, opt.BaseURL, string(opt.Lang)}, func(in fileKeyIn) site.Key {
			h := sha256.New()
			writeString(h, "samkat file key 1")
			writeKey(h, in.sum)
			writeKey(h, in.index)
			writeKey(h, in.links)
			writeString(h, in.base)
			writeString(h, in.lang)
			return sumOf(h)
		})
	}
	key(cat.Index.File)
	for _, a := range cat.Activities {
		key(a.File)
	}
	for _, p := range cat.Pages {
		key(p.File)
	}
	return keys
}

// staticKey is the key of a static file's output: its name and bytes
// (the minifier is samkat's build, part of the cache's stamp).
func staticKey(name string, data []byte) site.Key {
	h := sha256.New()
	writeString(h, "samkat static 1")
	writeString(h, name)
	h.Write(data)
	return sumOf(h)
}

// contentKey is the key of a derived file whose bytes are made of what
// hash writes (the encoding is samkat's build, part of the cache's
// stamp).
func contentKey(kind string, hash func(h io.Writer)) site.Key {
	h := sha256.New()
	writeString(h, kind)
	hash(h)
	return sumOf(h)
}

// keeping decides which files of the output a build keeps from the
// previous one, and records the key of each file it has, for the next.
// Its methods do nothing on a build without a cache, or one into a
// writer that cannot keep files.
type keeping struct {
	r      *run
	keeper publish.Keeper
	base   string
	layout site.Key // what a page's bytes are made of besides its view
	derive site.Key // what the open data, feed, sitemap and search index are made of
	kept   atomic.Int64
}

func newKeeping(r *run, out publish.Writer, p *prepared, opt Options, src fs.FS, wholePages bool) (*keeping, error) {
	k := &keeping{r: r}
	if r == nil {
		return k, nil
	}
	k.keeper, _ = out.(publish.Keeper)
	if k.keeper != nil {
		k.base = k.keeper.Base()
	}
	h := sha256.New()
	writeString(h, "samkat layouts 1")
	writeString(h, opt.Version)
	writeString(h, fmt.Sprint(wholePages))
	if err := hashFS(h, opt.Layouts); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	if err := hashFS(h, subFS(src, "layouts")); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	k.layout = sumOf(h)

	h = sha256.New()
	writeString(h, "samkat derived 1")
	writeString(h, opt.Version)
	writeString(h, opt.Now.String())
	writeString(h, fmt.Sprint(opt.Drafts))
	for _, file := range sortedKeys(p.fileKeys) {
		writeString(h, file)
		writeKey(h, p.fileKeys[file])
	}
	for _, file := range sortedKeys(opt.Changed) {
		writeString(h, file)
		writeString(h, opt.Changed[file].UTC().Format(time.RFC3339Nano))
	}
	k.derive = sumOf(h)
	return k, nil
}

// on says whether the build may keep pages: it has a cache, page keys
// and a writer that keeps files.
func (k *keeping) on() bool { return k.r != nil && k.keeper != nil }

// pageKey is the key of a page's output: its view's key with the
// layouts; zero (always render) for a page of unknown view.
func (k *keeping) pageKey(view site.Key) site.Key {
	if view == (site.Key{}) {
		return site.Key{}
	}
	h := sha256.New()
	writeString(h, "samkat page 1")
	writeKey(h, view)
	writeKey(h, k.layout)
	return sumOf(h)
}

// keep records that the output file name is made of key, and says
// whether the previous build's file is kept for it: the same key, and
// the file as that build left it (else it is to be written).
func (k *keeping) keep(name string, key site.Key) bool {
	if k.r == nil || key == (site.Key{}) {
		return false
	}
	k.r.wrote(name, key)
	if k.keeper == nil {
		return false
	}
	prev, ok := k.r.previous(k.base, name)
	if !ok || prev != key || k.keeper.Keep(name) != nil {
		return false
	}
	k.kept.Add(1)
	return true
}

// derived records that name is one of the derived files (a nil keeping,
// a Model's, records nothing).
func (k *keeping) derived(name string) {
	if k != nil && k.r != nil {
		k.r.wrote(name, k.derive)
	}
}

// keepDerived keeps the previous build's derived files when they were
// made of the same, and all of them are as it left them, claiming them
// for d. Otherwise they are all to be made again (the ones kept are then
// written over, with the same bytes). keyed are the derived files the
// build records by keys of their own (deriver.keyed): the previous
// build made them of the same too, so each is kept with its key, and
// without one of them nothing is.
func (k *keeping) keepDerived(d *deriver, keyed []string) (bool, error) {
	if !k.on() {
		return false, nil
	}
	names := k.r.withKey(k.base, k.derive)
	if len(names) == 0 {
		return false, nil
	}
	keys := make([]site.Key, len(keyed))
	for i, name := range keyed {
		key, ok := k.r.previous(k.base, name)
		if !ok || key == k.derive || slices.Contains(names, name) {
			return false, nil
		}
		keys[i] = key
	}
	for _, name := range append(slices.Clone(names), keyed...) {
		if k.keeper.Keep(name) != nil {
			return false, nil
		}
	}
	for _, name := range names {
		if err := d.claim(name); err != nil {
			return false, err
		}
	}
	for i, name := range keyed {
		if err := d.out.claim(name, claimGenerated); err != nil {
			return false, err
		}
		k.r.wrote(name, keys[i])
		d.files++
	}
	k.kept.Add(int64(len(names) + len(keyed)))
	return true, nil
}
