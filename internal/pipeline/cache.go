package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/check"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/export"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/parallel"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/search"
	"github.com/samkat/samkat/internal/site"
)

// Cache is what builds keep of their work for the next build, so that
// what an unchanged input gave is not made again. Everything in it is
// found by a hash of all it was made of (content addressed), so an entry
// is either right for a build or never looked at:
//
//   - each content file, by its path and bytes: what package load made of
//     it (the frontmatter parsed, its diagnostics; in memory, its body
//     too).
//   - each activity's checks, by its file, the index, the förbund pages
//     and the day (check.Reuse): the activity as checked and its
//     diagnostics, in memory only; and what the checks across
//     activities gave, by a hash of what they read of each activity
//     (check.AcrossReuse), in memory only.
//   - each Markdown body, by its file's hash, the link table of the site
//     and how the body stands in the booklet: what package markdown made
//     of it (kept in memory only: samkat serve).
//   - each activity's search analysis, by its file (search.BuildReusing
//     checks that it is still the document's), and its records of the
//     open data, by its file key, the index's and the day
//     (export.DataFormat.Record), in memory. samkat build keeps
//     the analyses in a file too, by the activity's file key
//     (analysisKey): trusted so, an unchanged activity's body is neither
//     converted nor analysed again; where each record is in the open
//     data it wrote, to take it from there (records.go); and what its
//     search index keeps for the next build (search.Kept, by the version
//     of the output it wrote: see keptIndex), so that only the term files
//     whose postings changed are made again.
//   - each file of the output, by its path: the key of what it was made of
//     (site.Page.Key with the layouts and samkat's build for a page; the
//     whole catalogue and the options for the open data, the feed, the
//     sitemap and the search index; the bytes for a static file), for the
//     version of the output the build left (publish.Keeper.Base). A file
//     whose key is the same again is kept as it is: neither made, rendered,
//     minified nor written.
//
// A Cache is safe for concurrent use. Each build keeps only what it used,
// so a long-lived cache (samkat serve) holds one catalogue's worth however
// many builds it serves. Dir loads it from the output folder
// (.samkat/cache, .samkat/cache-parsed-*, .samkat/cache-search-* and
// .samkat/cache-index) when
// Options.Cache is nil and
// saves it there; a damaged, truncated or foreign file is ignored, and the
// build is a full one.
type Cache struct {
	mu sync.Mutex
	// oneBuild is set for the cache Dir loads from the output folder: it
	// keeps no bodies (the file holds none), and hands what load made to
	// the file at once rather than keep it.
	oneBuild bool
	// stamp is the build stamp loadCache found (buildStamp), set before
	// the build starts; exeMemo the state file exeFileName to write with
	// the cache, when it is to change.
	stamp   string
	exeMemo []byte
	// parsed holds load's work by fileSum; each entry is handed out as a
	// copy, since check and the pipeline change the catalogue.
	parsed map[site.Key]load.Parsed
	// files holds load's work by fileSum as the cache-parsed files do
	// (oneBuild), read beside the loading.
	files *parsedFiles
	// bodies is markdown's work by bodyKey, and which bodies convert
	// cleanly, in memory only: each entry stamped with the last build
	// that used it (bodiesGen; see run.convertedInMemory).
	bodies    map[site.Key]bodyEntry
	bodiesGen uint64
	// checked holds the checks of each activity (check.Reuse) by its
	// fileSum, kept in memory only (samkat serve). The entries are never
	// changed once made: each build's map shares those it reuses, so that
	// it holds a pointer rather than a copy of each.
	checked map[site.Key]*checkedEntry
	// analyses are the search index's analysis of each activity, by its
	// file (self-checking: see search.Analysis), and records each
	// activity's record of the open data by recordKey; both of the last
	// catalogue that made them, kept in memory only.
	analyses map[string]*search.Analysis
	records  map[site.Key][]byte
	// known are analyses by analysisKey, read from the cache-search files
	// (oneBuild): trusted without the body's text, which then need not be
	// converted.
	known map[site.Key]*search.Analysis
	// knownLoaded, when not nil, is closed once known and storedKnown
	// are read (see knownReady).
	knownLoaded chan struct{}
	// storedKnown is how many analyses each shard of the cache-search
	// files held, plus one (zero for one not read): a shard that is to
	// hold as many, each with the bytes of the one read from it under its
	// key, is as it was.
	storedKnown [searchShards]int
	// clean are the bodyKeys of the bodies that convert without a
	// diagnostic: such a body need not be converted unless it is shown
	// (oneBuild; a cache kept in memory keeps them in bodies).
	clean map[site.Key]bool
	// base is the version of the output the keys of outputs are those of
	// ("" for none); outputs are by path; spans say where each record of
	// the open data is in base's files (oneBuild).
	base    string
	outputs map[string]site.Key
	spans   map[string][]recordSpan
	// entries say where each entry of the booklets is in base's files,
	// packed (oneBuild; see entries.go).
	entries map[string][]byte
	// summaries are the feed's summaries of bodies by bodyKey (oneBuild;
	// see summaries.go).
	summaries map[site.Key]string
	// links is the link table of the last build, kept in memory only.
	links *linkEntry
	// across is what the checks across activities gave in the last build
	// that checked with this cache (check.AcrossReuse), in memory only.
	across *acrossEntry
	// fileSums, fileKeys, bodyKeys, acrossKeys and fieldKeys remember
	// the keys of the last build (a cache kept in memory; see keyMemo).
	fileSums   *keyMemo[fileSumIn]
	fileKeys   *keyMemo[fileKeyIn]
	bodyKeys   *keyMemo[bodyKeyIn]
	acrossKeys *keyMemo[acrossKeyIn]
	fieldKeys  *keyMemo[site.Key] // site.Input.FieldKeys, by file key
	// order is site.Input.Order, kept in memory only.
	order *site.Order
}

// acrossKeyIn is what check's key of an activity for the checks across
// activities is made of besides the activity (check.AcrossReuse).
type acrossKeyIn struct {
	file, index site.Key
	dep         [32]byte
}

// fileSumIn is what a fileSum is made of.
type fileSumIn struct {
	name string
	data [32]byte
}

// fileKeyIn is what a file's key (fileKeys) is made of.
type fileKeyIn struct {
	sum, index, links site.Key
	base, lang        string
}

// bodyKeyIn is what a bodyKey is made of: for an activity's body, what
// its insets are made of (its slug and the booklets' addresses: see
// bodyJob.insets), which an unchanged activity gives as the very strings
// of the build before; for another body that stands in the booklet once
// (or not at all), the inset.
type bodyKeyIn struct {
	sum, links site.Key
	inset      markdown.Inset
	insets     int
	activity   bool
	slug       string
	to         [2]string
}

// acrossEntry is what the checks across activities gave, by the hash of
// their inputs.
type acrossEntry struct {
	key   [32]byte
	diags diag.List
}

// linkEntry is the link table of the last build that kept one (see
// run.linkSite), with what it was made of besides the catalogue.
type linkEntry struct {
	site *markdown.Site
	key  site.Key
	sums map[string]site.Key // the content files' fileSums
	now  catalog.Date
	base string // the index's baseurl, as the build had it
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// checkedEntry is what the checks of one activity gave: the activity as
// checked (without its body in the cache of one build, whose files keep
// none) and the diagnostics, and what they were
// made against besides the file: the fileSum of the index and check's
// dep (check.Reuse).
type checkedEntry struct {
	a     *catalog.Activity
	diags diag.List
	index site.Key
	dep   [32]byte
}

type bodyEntry struct {
	body  markdown.Body
	diags diag.List
	// In a cache kept in memory: whether body is made (a body that
	// converts cleanly may be known as such without being converted),
	// whether it converts without a diagnostic, and the last build that
	// used the entry (Cache.bodiesGen).
	converted, clean bool
	gen              uint64
}

// run is one build's use of a cache: what it looked up and made, kept
// until the build is done. A nil *run is no cache.
type run struct {
	c  *Cache
	mu sync.Mutex
	// ownOrder is the order of the activities of a build whose cache
	// keeps none (see order).
	ownOrder *site.Order
	sums     map[string]site.Key // content file → fileSum
	parsed   map[site.Key]load.Parsed
	bodies   map[site.Key]bodyEntry
	clean    map[site.Key]bool
	outputs  map[string]site.Key // what this build wrote or kept, by path
	// index is the fileSum of the index the activities are checked
	// against; checked are this build's checks of them (see checks).
	index   site.Key
	checked map[site.Key]*checkedEntry
	// prevChecked are the checks the cache held before this build's, and
	// prevParsed its parsed files when this build started. The cache
	// replaces those maps whole, never changes them (loaded, checkedAll):
	// a build looks its 10,000 files up in them without the cache's lock.
	prevChecked map[site.Key]*checkedEntry
	prevParsed  map[site.Key]load.Parsed
	// state, for a cache of one build, is where its files are written
	// (the output folder); saved waits until the parsed files are (see
	// loaded).
	state   *publish.Tx
	version string
	saved   func()
	// reused are the fileSums of the files whose entry came from
	// Cache.encoded (oneBuild).
	reused map[site.Key]bool
	// bodyAt says where the body of each file this build parsed is in
	// its bytes, for the cache-parsed files (oneBuild; see bodySpan).
	bodyAt map[site.Key]bodySpan
	// spans say where each record of the open data is in this build's
	// files, and summaries are the feed's summaries it showed (oneBuild).
	spans     map[string][]recordSpan
	summaries map[site.Key]string
	// entries say where each entry of the booklets is in this build's
	// files, packed (oneBuild; see entries.go).
	entries map[string][]byte
	// known gives the SHA-256 of a file's bytes when the source knows it
	// (FileSummer); nil, or false, and fileSum hashes them.
	known func(name string, data []byte) ([32]byte, bool)
	// unread gives it without the file being read (UnreadSummer).
	unread func(name string) ([32]byte, bool)
	// The keys this build made or took from the last (nil for the cache
	// of one build).
	fileSums   *keyMemo[fileSumIn]
	fileKeys   *keyMemo[fileKeyIn]
	bodyKeys   *keyMemo[bodyKeyIn]
	acrossKeys *keyMemo[acrossKeyIn]
	fieldKeys  *keyMemo[site.Key]
	// links and done are what succeeded gives the cache: the link table,
	// and the bodies and which convert cleanly.
	links *linkEntry
	done  func()
	// recordsTaken and entriesTaken count the open data's records and
	// the booklets' entries taken from the previous build's files
	// (Result.taken).
	recordsTaken, entriesTaken atomic.Int64
}

func (c *Cache) start() *run {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.parsed) // the files of the last build: sized so, the maps need not grow
	r := &run{c: c, sums: make(map[string]site.Key, n), parsed: make(map[site.Key]load.Parsed, n), bodies: map[site.Key]bodyEntry{}, outputs: map[string]site.Key{}, reused: map[site.Key]bool{}}
	r.prevParsed = c.parsed
	if !c.oneBuild {
		if c.fileSums == nil {
			c.fileSums, c.fileKeys, c.bodyKeys, c.acrossKeys = newKeyMemo[fileSumIn](), newKeyMemo[fileKeyIn](), newKeyMemo[bodyKeyIn](), newKeyMemo[acrossKeyIn]()
			c.fieldKeys = newKeyMemo[site.Key]()
			c.order = &site.Order{}
		}
		r.fileSums, r.fileKeys, r.bodyKeys, r.acrossKeys = c.fileSums, c.fileKeys, c.bodyKeys, c.acrossKeys
		r.fieldKeys = c.fieldKeys
		r.fileSums.start()
		r.fileKeys.start()
		r.bodyKeys.start()
		r.acrossKeys.start()
		r.fieldKeys.start()
	}
	return r
}

// keysUsed ends the build's use of the memos of keys: they let go of
// what it did not use.
func (r *run) keysUsed() {
	if r == nil {
		return
	}
	r.fileSums.prune()
	r.fileKeys.prune()
	r.bodyKeys.prune()
	r.acrossKeys.prune()
}

// fieldKeysUsed ends the build's use of the fields' keys, once its pages
// are listed (site.Paths runs after succeeded, and a build with errors
// lists none): the memo lets go of what the listing did not use.
func (r *run) fieldKeysUsed() {
	if r != nil {
		r.fieldKeys.prune()
	}
}

// fieldKey is site.Input.FieldKeys with the memo of a cache kept in
// memory, or nil without one.
func (r *run) fieldKey() func(file string, fileKey site.Key, mk func() site.Key) site.Key {
	if r == nil || r.fieldKeys == nil {
		return nil
	}
	m := r.fieldKeys
	return func(file string, fileKey site.Key, mk func() site.Key) site.Key {
		return m.key(file, fileKey, func(site.Key) site.Key { return mk() })
	}
}

// order is site.Input.Order with the order of a cache kept in memory, or
// nil without a cache. The cache of one build keeps none: the build has
// an order of its own, so that its pages are listed for the link table
// and again for the rendering with one sort of the activities.
func (r *run) order() *site.Order {
	switch {
	case r == nil:
		return nil
	case r.c.order != nil:
		return r.c.order
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ownOrder == nil {
		r.ownOrder = &site.Order{}
	}
	return r.ownOrder
}

// fileSum is the key of a content file: its path and the SHA-256 of its
// bytes, given by the source when it is a FileSummer.
func (r *run) fileSum(name string, src []byte) site.Key {
	data, ok := [32]byte{}, false
	if r.known != nil {
		data, ok = r.known(name, src)
	}
	if !ok {
		data = sha256.Sum256(src)
	}
	return r.fileSums.key(name, fileSumIn{name, data}, func(in fileSumIn) site.Key { return fileSumOf(in.name, in.data) })
}

// fileSumOf is the fileSum of the file name whose bytes have the SHA-256
// data.
func fileSumOf(name string, data [32]byte) site.Key {
	h := sha256.New()
	writeString(h, "samkat file 2")
	writeString(h, name)
	h.Write(data[:])
	return sumOf(h)
}

// ReusedUnread is load.UnreadReuse's: the cached result for the file,
// copied, when the source gives the SHA-256 of its bytes without their
// being read (UnreadSummer) and the cache keeps what they gave, body and
// all (a cache kept in memory).
func (r *run) ReusedUnread(name string) (load.Parsed, bool) {
	if r.unread == nil || r.c.oneBuild {
		return load.Parsed{}, false
	}
	data, ok := r.unread(name)
	if !ok {
		return load.Parsed{}, false
	}
	sum := r.fileSums.key(name, fileSumIn{name, data}, func(in fileSumIn) site.Key { return fileSumOf(in.name, in.data) })
	p, ok := r.prevParsed[sum]
	if !ok {
		return load.Parsed{}, false // read, and parsed
	}
	r.mu.Lock()
	r.sums[name] = sum
	r.parsed[sum] = p
	r.mu.Unlock()
	return shareParsed(p), true
}

// shareParsed is cloneParsed for a build whose checks change copies of
// the activities (check.CatalogueReusing with a reuse: a cache kept in
// memory): the activity is shared, not copied.
func shareParsed(p load.Parsed) load.Parsed {
	q := cloneParsed(load.Parsed{Index: p.Index, Page: p.Page, Diags: p.Diags})
	q.Activity = p.Activity
	return q
}

// Reused is load.Reuse's: the cached result for the file, copied (the
// activity shared in a cache kept in memory, whose builds check copies:
// see shareParsed), with its body taken from src again when the cache
// keeps none.
func (r *run) Reused(name string, src []byte) (load.Parsed, bool) {
	sum := r.fileSum(name, src)
	if r.c.oneBuild {
		return r.decoded(name, src, sum)
	}
	p, ok := r.prevParsed[sum]
	r.mu.Lock()
	r.sums[name] = sum
	if ok {
		r.parsed[sum] = p
	}
	r.mu.Unlock()
	if !ok {
		return load.Parsed{}, false
	}
	return shareParsed(p), true
}

// parsedFiles are the cache-parsed files as loadCache reads them, each on
// its own (the loading of the content starts before they are all read):
// the entries of shard sh are in encoded[sh], and what it held in
// stored[sh] (parsedSetKey; zero for a file not read), once ready[sh] is
// closed; all is closed once every file is.
type parsedFiles struct {
	ready   [parsedShards]chan struct{}
	encoded [parsedShards]map[site.Key]string
	stored  [parsedShards]site.Key
	all     chan struct{}
}

// entry returns the bytes of the entry of fileSum sum, once its file is
// read.
func (pf *parsedFiles) entry(sum site.Key) (string, bool) {
	if pf == nil {
		return "", false
	}
	sh := parsedShard(sum)
	<-pf.ready[sh]
	b, ok := pf.encoded[sh][sum]
	return b, ok
}

// wait waits until every file is read (pf may be nil).
func (pf *parsedFiles) wait() {
	if pf != nil {
		<-pf.all
	}
}

// decoded is Reused for the cache of one build: the entry of the
// cache-parsed files decoded (a copy of its own, which the file is not
// made from again), its body found in src again.
func (r *run) decoded(name string, src []byte, sum site.Key) (load.Parsed, bool) {
	r.c.mu.Lock()
	pf := r.c.files
	r.c.mu.Unlock()
	b, ok := pf.entry(sum)
	var (
		e      parsedEntry
		span   bodySpan
		spanOK bool
	)
	if ok {
		span, spanOK, b, ok = cutBodySpan(b)
		ok = ok && readEntry(b, &e) == nil && e.valid()
	}
	r.mu.Lock()
	r.sums[name] = sum
	if ok {
		r.reused[sum] = true
	}
	r.mu.Unlock()
	if !ok {
		return load.Parsed{}, false
	}
	// The bytes are those the entry was made of (sum): where the body
	// was in them, it is again, and they need not be split once more.
	body, found := span.body(src)
	if !spanOK || !found {
		body = load.Body(name, src)
	}
	switch {
	case e.Index != nil:
		e.Index.Body = body
	case e.Activity != nil:
		e.Activity.Body = body
	case e.Page != nil:
		e.Page.Body = body
	}
	return load.Parsed{Index: e.Index, Activity: e.Activity, Page: e.Page}, true
}

// Parsed is load.Reuse's: a copy of p is kept, without its body in the
// cache of one build (whose parsed files are written to a file; a cache
// kept in memory keeps the body, a part of src or made of it alone). The
// file's sum is the one Reused made of the same bytes just before: the
// file is not hashed twice.
func (r *run) Parsed(name string, src []byte, p load.Parsed) {
	r.mu.Lock()
	sum, ok := r.sums[name]
	r.mu.Unlock()
	if !ok {
		sum = r.fileSum(name, src)
	}
	q := cloneParsed(p)
	var body []byte
	switch {
	case !r.c.oneBuild:
	case q.Index != nil:
		body, q.Index.Body = q.Index.Body, nil
	case q.Activity != nil:
		body, q.Activity.Body = q.Activity.Body, nil
	case q.Page != nil:
		body, q.Page.Body = q.Page.Body, nil
	}
	span, spanOK := bodySpanOf(src, body)
	r.mu.Lock()
	r.sums[name] = sum
	r.parsed[sum] = q
	if spanOK && len(p.Diags) == 0 {
		if r.bodyAt == nil {
			r.bodyAt = map[site.Key]bodySpan{}
		}
		r.bodyAt[sum] = span
	}
	r.mu.Unlock()
}

// loaded ends the loading: the cache keeps what this build's files gave.
func (r *run) loaded() {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if !r.c.oneBuild {
		r.c.parsed = r.parsed
		return
	}
	// Written beside the rest of the build, and let go: at 10,000
	// activities the positions alone are some 25 MB through the render.
	pf := r.c.files
	r.c.files, r.c.parsed = nil, nil
	pf.wait()
	var (
		encoded [parsedShards]map[site.Key]string
		stored  [parsedShards]site.Key
	)
	if pf != nil {
		encoded, stored = pf.encoded, pf.stored
	}
	parsed, reused, bodyAt := r.parsed, r.reused, r.bodyAt
	r.parsed, r.reused, r.bodyAt = nil, nil, nil
	if r.state == nil {
		return
	}
	// Each file is written again only when it is to hold other entries
	// than it does: the entries are found by their content, so the same
	// keys are the same bytes.
	var shards [parsedShards][]site.Key
	for k := range reused {
		shards[parsedShard(k)] = append(shards[parsedShard(k)], k)
	}
	for k, p := range parsed {
		if len(p.Diags) == 0 && !reused[k] {
			shards[parsedShard(k)] = append(shards[parsedShard(k)], k)
		}
	}
	var write []int
	for sh, keys := range shards {
		slices.SortFunc(keys, func(a, b site.Key) int { return bytes.Compare(a[:], b[:]) })
		if parsedSetKey(keys) != stored[sh] {
			write = append(write, sh)
		}
	}
	if stored == [parsedShards]site.Key{} {
		// None was read: the first build into this folder, or the first
		// since an earlier samkat kept the parsed files in one file (of
		// 35 MB at 10,000 activities), which is removed.
		if _, ok, err := r.state.ReadState(oldParsedFileName); err == nil && ok {
			_ = r.state.RemoveState(oldParsedFileName)
		}
	}
	if len(write) == 0 {
		return
	}
	done := make(chan struct{})
	r.saved = func() { <-done }
	go func() {
		defer close(done)
		stamp := r.stamp()
		if stamp == "" {
			return
		}
		// Each file is made in the same buffers (see appendSealed): SetState
		// has written it when it returns.
		var file, tmp []byte
		for _, sh := range write {
			var err error
			file = appendSealed(file[:0], stamp, func(b []byte) []byte {
				b, tmp, err = appendShard(b, tmp, shards[sh], encoded[sh], parsed, bodyAt)
				return b
			})
			if err != nil {
				return // a failure costs the next build its speed only
			}
			_ = r.state.SetState(parsedFileName(sh), file)
		}
	}()
}

// wait waits until the files of the cache written beside the build are,
// and those read beside it.
func (r *run) wait() {
	if r == nil {
		return
	}
	if r.saved != nil {
		r.saved()
	}
	r.c.knownReady()
	r.c.mu.Lock()
	pf := r.c.files
	r.c.mu.Unlock()
	pf.wait()
}

// knownReady waits until the known analyses are read, when they are being
// read (loadCache).
func (c *Cache) knownReady() {
	if c.knownLoaded != nil {
		<-c.knownLoaded
	}
}

// checks returns r as check.Reuse for a catalogue whose index is the
// file index, or nil when the cache keeps no checks (the cache of one
// build that Dir loads: its next build is another process).
func (r *run) checks(index string) check.Reuse {
	if r == nil || r.c.oneBuild {
		return nil
	}
	r.c.mu.Lock()
	r.prevChecked = r.c.checked
	r.c.mu.Unlock()
	r.index, r.checked = r.sums[index], make(map[site.Key]*checkedEntry, len(r.prevChecked))
	return r
}

// checkKey is where the checks of the activity of file are kept: its
// fileSum; an entry there holds for this build when its index and dep
// are this build's (check.Reuse). Compared, not hashed together: at
// 10,000 activities a hash each is some 10 ms of every rebuild.
func (r *run) checkKey(file string) (site.Key, bool) {
	sum, ok := r.sums[file]
	if !ok || r.index == (site.Key{}) {
		return site.Key{}, false
	}
	return sum, true
}

// CheckedActivity is check.Reuse's.
func (r *run) CheckedActivity(a *catalog.Activity, dep [32]byte) (*catalog.Activity, diag.List, bool) {
	key, ok := r.checkKey(a.File)
	if !ok {
		return nil, nil, false
	}
	e, ok := r.prevChecked[key]
	if !ok || e.index != r.index || e.dep != dep {
		return nil, nil, false
	}
	r.checked[key] = e
	if !r.c.oneBuild {
		// Kept in memory with its body, the activity as checked is the
		// same for every build that has the file: shared, not copied
		// (forgetPositions leaves it whole).
		return e.a, e.diags, true
	}
	q := *e.a       // see cloneParsed
	q.Body = a.Body // the same bytes: the same file
	return &q, e.diags, true
}

// ActivityChecked is check.Reuse's.
func (r *run) ActivityChecked(a *catalog.Activity, dep [32]byte, diags diag.List) {
	key, ok := r.checkKey(a.File)
	if !ok {
		return
	}
	q := *a // see cloneParsed
	if r.c.oneBuild {
		q.Body = nil // the cache's files keep no bodies
	}
	r.checked[key] = &checkedEntry{&q, slices.Clone(diags), r.index, dep}
}

// Remember is check.AcrossReuse's: mk's key remembered by the
// activity's checkKey, the index and dep.
func (r *run) Remember(a *catalog.Activity, dep [32]byte, mk func() [32]byte) [32]byte {
	key, ok := r.checkKey(a.File)
	if !ok {
		return mk()
	}
	return r.acrossKeys.key(a.File, acrossKeyIn{key, r.index, dep}, func(acrossKeyIn) site.Key { return mk() })
}

// Across is check.AcrossReuse's.
func (r *run) Across(key [32]byte) (diag.List, bool) {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if e := r.c.across; e != nil && e.key == key {
		return e.diags, true
	}
	return nil, false
}

// AcrossChecked is check.AcrossReuse's.
func (r *run) AcrossChecked(key [32]byte, diags diag.List) {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	r.c.across = &acrossEntry{key, diags}
}

// checkedAll ends the checks: the cache keeps this build's.
func (r *run) checkedAll() {
	if r == nil || r.checked == nil {
		return
	}
	r.c.mu.Lock()
	r.c.checked = r.checked
	r.c.mu.Unlock()
	r.checked = nil
}

// analysesOf returns the analyses the cache holds for the activities of
// cat, in their order (nil where it has none), for search.BuildReusing.
func (r *run) analysesOf(cat *catalog.Catalogue) []*search.Analysis {
	if r == nil {
		return nil
	}
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if r.c.analyses == nil {
		return nil
	}
	prev := make([]*search.Analysis, len(cat.Activities))
	for i, a := range cat.Activities {
		prev[i] = r.c.analyses[a.File]
	}
	return prev
}

// analysed keeps the analyses search.BuildReusing returned for the
// activities of cat, when the cache is kept in memory.
func (r *run) analysed(cat *catalog.Catalogue, analyses []*search.Analysis) {
	if r == nil || r.c.oneBuild || len(analyses) != len(cat.Activities) {
		return
	}
	m := make(map[string]*search.Analysis, len(analyses))
	for i, a := range cat.Activities {
		m[a.File] = analyses[i]
	}
	r.c.mu.Lock()
	r.c.analyses = m
	r.c.mu.Unlock()
}

// analysisKey is the key of an activity's search analysis: its file key
// (site.Input.FileKeys), which covers all its search document is made of
// (the file, and the index that names its functions and financiers). The
// context the analysis was made in is checked by package search itself.
func analysisKey(fileKey site.Key) site.Key {
	h := sha256.New()
	writeString(h, "samkat search analysis 1")
	writeKey(h, fileKey)
	return sumOf(h)
}

// trustedAnalyses returns, for each activity of cat in its order, an
// analysis to give search.BuildTrusting and whether it is trusted
// (known by its analysisKey); the others are those analysesOf gives.
// Both are nil when the cache has no known analyses.
func (r *run) trustedAnalyses(cat *catalog.Catalogue, keys map[string]site.Key) ([]*search.Analysis, []bool) {
	if r == nil || keys == nil {
		return nil, nil
	}
	r.c.knownReady()
	r.c.mu.Lock()
	known := r.c.known
	r.c.mu.Unlock()
	if known == nil {
		return nil, nil
	}
	prev := r.analysesOf(cat)
	if prev == nil {
		prev = make([]*search.Analysis, len(cat.Activities))
	}
	trusted := make([]bool, len(cat.Activities))
	for i, a := range cat.Activities {
		k, ok := keys[a.File]
		if !ok {
			continue
		}
		if an, ok := known[analysisKey(k)]; ok {
			prev[i], trusted[i] = an, true
		}
	}
	return prev, trusted
}

// keepAnalyses writes the analyses of the activities of cat to the
// cache-search files, by analysisKey, for the cache of one build: one
// file per shard of the keys (searchShard), each rewritten only when it
// is to hold other analyses than it does, so that a change to one
// activity rewrites a shard or two. A failure costs the next build its
// speed only.
func (r *run) keepAnalyses(cat *catalog.Catalogue, keys map[string]site.Key, analyses []*search.Analysis) {
	if r == nil || !r.c.oneBuild || r.state == nil || keys == nil || len(analyses) != len(cat.Activities) {
		return
	}
	var shards [searchShards]map[site.Key]*search.Analysis
	for i, a := range cat.Activities {
		k, ok := keys[a.File]
		if !ok || analyses[i] == nil {
			continue
		}
		ak := analysisKey(k)
		sh := searchShard(ak)
		if shards[sh] == nil {
			shards[sh] = map[site.Key]*search.Analysis{}
		}
		shards[sh][ak] = analyses[i]
	}
	stamp := r.stamp()
	if stamp == "" {
		return
	}
	r.c.knownReady()
	r.c.mu.Lock()
	stored, known := r.c.storedKnown, r.c.known
	r.c.mu.Unlock()
	// Each file is made in the same buffer: SetState has written it when
	// it returns.
	var file []byte
	for sh, byKey := range shards {
		if stored[sh] == len(byKey)+1 && sameAnalyses(byKey, known) {
			continue
		}
		file = appendSealed(file[:0], stamp, func(b []byte) []byte { return appendAnalyses(b, byKey) })
		_ = r.state.SetState(searchFileName(sh), file)
	}
}

// indexFileName is the cache file of what the search index keeps for
// the next build (search.Kept), with the version of the output it is of.
const indexFileName = "cache-index"

// keptIndex returns what the search index of the build before kept
// (search.Kept), when that build made the version of the output this
// build starts from and the cache is of one build; nil otherwise.
func (r *run) keptIndex() *search.Kept {
	if r == nil || !r.c.oneBuild || r.state == nil || r.state.Base() == "" {
		return nil
	}
	stamp := r.stamp()
	if stamp == "" {
		return nil
	}
	b := readCache(r.state, indexFileName, stamp)
	id, rest, ok := cutString(b)
	if !ok || id != r.state.Base() {
		return nil
	}
	k, err := search.ReadKept(string(rest))
	if err != nil {
		return nil
	}
	return k
}

// keepIndex writes what the search index keeps for the next build, of
// the version of the output this build makes. A failure costs the next
// build its speed only.
func (r *run) keepIndex(next *search.Kept) {
	if r == nil || !r.c.oneBuild || r.state == nil || next == nil {
		return
	}
	stamp := r.stamp()
	if stamp == "" {
		return
	}
	b, err := next.MarshalBinary()
	if err != nil {
		return
	}
	_ = r.state.SetState(indexFileName, sealCache(stamp, appendString(nil, r.state.ID(), b)))
}

// carryIndex keeps what the search index of the build before kept for
// the next build, for a build that keeps the index's files as they are.
func (r *run) carryIndex() {
	if k := r.keptIndex(); k != nil {
		r.keepIndex(k)
	}
}

// oldAnalyses yields the analyses the cache-search files held: among
// them, those the documents had in the build before (search.BuildKept).
func (r *run) oldAnalyses(yield func(*search.Analysis) bool) {
	r.c.knownReady()
	r.c.mu.Lock()
	known := r.c.known
	r.c.mu.Unlock()
	for _, a := range known {
		if !yield(a) {
			return
		}
	}
}

// appendString appends s with its length before it, then rest.
func appendString(b []byte, s string, rest []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	b = append(b, s...)
	return append(b, rest...)
}

// cutString is appendString's inverse.
func cutString(b []byte) (string, []byte, bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return "", nil, false
	}
	return string(b[w : w+int(n)]), b[w+int(n):], true
}

// sameAnalyses says whether each analysis of byKey is the one known
// holds under its key (read from the file, not made again: the same bytes,
// which then cost nothing to compare).
func sameAnalyses(byKey, known map[site.Key]*search.Analysis) bool {
	for k, a := range byKey {
		if !a.Same(known[k]) {
			return false
		}
	}
	return true
}

// searchShards is how many files the search analyses are kept in.
const searchShards = 32

// searchShard is the shard of the cache-search files an analysis of the
// key k is kept in.
func searchShard(k site.Key) int { return int(k[0]) % searchShards }

// searchFileName is the name of the cache-search file of shard sh.
func searchFileName(sh int) string { return fmt.Sprintf("cache-search-%02d", sh) }

// encodeAnalyses is the entries of a cache-search file: for each
// analysis, in the order of its key, the key and its bytes with their
// length.
func encodeAnalyses(byKey map[site.Key]*search.Analysis) []byte {
	return appendAnalyses(nil, byKey)
}

// appendAnalyses appends encodeAnalyses(byKey) to b.
func appendAnalyses(b []byte, byKey map[site.Key]*search.Analysis) []byte {
	keys := slices.SortedFunc(maps.Keys(byKey), func(a, b site.Key) int { return bytes.Compare(a[:], b[:]) })
	n := binary.MaxVarintLen64
	for _, k := range keys {
		n += len(k) + binary.MaxVarintLen64 + byKey[k].Len()
	}
	b = slices.Grow(b, n)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		a := byKey[k]
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(a.Len()))
		b, _ = a.AppendBinary(b)
	}
	return b
}

// decodeAnalyses reads what encodeAnalyses wrote into m, and says how
// many it read; every analysis is checked whole (search.ReadAnalysis).
// The analyses share one copy of b.
func decodeAnalyses(m map[site.Key]*search.Analysis, entries []byte) (int, error) {
	b := string(entries)
	n, w := binary.Uvarint([]byte(b[:min(len(b), binary.MaxVarintLen64)]))
	if w <= 0 || n > uint64(len(b)) {
		return 0, errCacheFile
	}
	b = b[w:]
	got := make(map[site.Key]*search.Analysis, n)
	for range n {
		var k site.Key
		if len(b) < len(k) {
			return 0, errCacheFile
		}
		copy(k[:], b)
		b = b[len(k):]
		l, w := binary.Uvarint([]byte(b[:min(len(b), binary.MaxVarintLen64)]))
		if w <= 0 || l > uint64(len(b)-w) {
			return 0, errCacheFile
		}
		a, err := search.ReadAnalysis(b[w : w+int(l)])
		if err != nil {
			return 0, err
		}
		got[k] = a
		b = b[w+int(l):]
	}
	if len(b) != 0 {
		return 0, errCacheFile
	}
	maps.Copy(m, got)
	return len(got), nil
}

// recordKey is the key of an activity's record in the open data of path:
// the activity's file key and the index's (site.Input.FileKeys) and the
// day (export.DataFormat).
func recordKey(path string, activity, index site.Key, now catalog.Date) site.Key {
	h := sha256.New()
	writeString(h, "samkat record 1")
	writeString(h, path)
	writeKey(h, activity)
	writeKey(h, index)
	writeString(h, now.String())
	return sumOf(h)
}

// recorder makes the records of the open data, taking those of the
// activities whose keys are the same from the cache: kept in memory, or
// (the cache of one build) in the previous build's files, where the
// cache file says each one is (see records.go); done hands the cache the
// ones it used and made. A nil recorder makes every record.
type recorder struct {
	r     *run
	keys  map[string]site.Key
	mu    sync.Mutex
	using map[site.Key][]byte
	// For the cache of one build: the previous build's files, and where
	// each record is in them (nil: none to take records from), and where
	// each record is in this build's, by path.
	prev  previousOpener
	spans map[string][]recordSpan
	made  map[string]*[]recordSpan
	open  []*os.File
}

// recorder returns a recorder for the catalogue with file keys keys, or
// nil when the cache keeps no records.
func (r *run) recorder(keys map[string]site.Key) *recorder {
	if r == nil || r.c.oneBuild || keys == nil {
		return nil
	}
	return &recorder{r: r, keys: keys, using: map[site.Key][]byte{}}
}

// record returns the record function of f.WriteRecords for cat on now.
func (rc *recorder) record(f export.DataFormat, cat *catalog.Catalogue, now catalog.Date) func(int, int64) ([]byte, error) {
	if rc == nil {
		return func(i int, _ int64) ([]byte, error) { return f.Record(cat.Index, cat.Activities[i], now) }
	}
	if rc.made != nil {
		return rc.fromFile(f, cat, now)
	}
	index := rc.keys[cat.Index.File]
	return func(i int, _ int64) ([]byte, error) {
		a := cat.Activities[i]
		fk, ok := rc.keys[a.File]
		if !ok || index == (site.Key{}) {
			return f.Record(cat.Index, a, now)
		}
		key := recordKey(f.Path, fk, index, now)
		rc.r.c.mu.Lock()
		b, ok := rc.r.c.records[key]
		rc.r.c.mu.Unlock()
		if !ok {
			var err error
			if b, err = f.Record(cat.Index, a, now); err != nil {
				return nil, err
			}
		}
		rc.mu.Lock()
		rc.using[key] = b
		rc.mu.Unlock()
		return b, nil
	}
}

// done hands the cache the records this catalogue's open data is made of.
func (rc *recorder) done() {
	if rc == nil {
		return
	}
	if rc.made != nil {
		rc.doneFile()
		return
	}
	rc.r.c.mu.Lock()
	rc.r.c.records = rc.using
	rc.r.c.mu.Unlock()
}

// body returns markdown's work for key, if the cache has it.
func (r *run) body(key site.Key) (bodyEntry, bool) {
	r.c.mu.Lock()
	b := r.c.bodies[key]
	r.c.mu.Unlock()
	return b, b.converted
}

// isClean says whether the body of key converts without a diagnostic.
func (r *run) isClean(key site.Key) bool {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if !r.c.oneBuild {
		return r.c.bodies[key].clean
	}
	return r.c.clean[key]
}

// converted ends the conversion for the cache of one build: it keeps
// which of this build's bodies convert cleanly, once the build has found
// no error (succeeded).
func (r *run) converted(clean map[site.Key]bool) {
	r.clean = clean
	r.done = func() { r.c.clean = clean }
}

// convertedInMemory ends the conversion for a cache kept in memory: once
// the build has found no error (succeeded), the cache keeps the bodies of
// keys (converted unless later, with diags), and which convert cleanly,
// and lets go of those this build did not use. Updated in place, each
// entry stamped with the build, rather than made anew: at 10,000
// activities a new map of the bodies was some 6 MB allocated a save.
func (r *run) convertedInMemory(keys []site.Key, bodies []markdown.Body, diags []diag.List, later []bool) {
	r.done = func() { // with r.c.mu held
		c := r.c
		if c.bodies == nil {
			c.bodies = make(map[site.Key]bodyEntry, len(keys))
		}
		c.bodiesGen++
		gen := c.bodiesGen
		for i, k := range keys {
			if k == (site.Key{}) {
				continue
			}
			e := c.bodies[k]
			e.gen = gen
			if !later[i] {
				e.body, e.diags, e.converted = bodies[i], diags[i], true
			}
			e.clean = len(diags[i]) == 0
			c.bodies[k] = e
		}
		for k, e := range c.bodies {
			if e.gen != gen {
				delete(c.bodies, k)
			}
		}
	}
}

// succeeded ends a build that found no error in the content: the cache
// keeps its link table, its bodies and the keys it used. What a build
// with errors made of them is let go: an editor's save in two steps
// (the file emptied, then written) has such a build in between, and the
// next one, made against the tables of the one before it, finds every
// body it had.
func (r *run) succeeded() {
	if r == nil {
		return
	}
	r.c.mu.Lock()
	if r.links != nil {
		r.c.links = r.links
	}
	if r.done != nil {
		r.done()
	}
	r.c.mu.Unlock()
	r.keysUsed()
}

// addBodies adds bodies converted later (clean: without diagnostics) to
// the cache, when it keeps bodies.
func (r *run) addBodies(keys []site.Key, bodies []markdown.Body) {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if r.c.oneBuild || r.c.bodies == nil {
		return
	}
	for i, k := range keys {
		e := r.c.bodies[k]
		if e.gen == 0 {
			e.gen = r.c.bodiesGen // not this build's: let go by the next
		}
		e.body, e.diags, e.converted, e.clean = bodies[i], nil, true, true
		r.c.bodies[k] = e
	}
}

// keepsBodies says whether the cache keeps converted bodies.
func (r *run) keepsBodies() bool {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	return !r.c.oneBuild
}

// previous returns the key the output file name had in the version base
// of the output, if the cache knows it.
func (r *run) previous(base, name string) (site.Key, bool) {
	if base == "" {
		return site.Key{}, false
	}
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if r.c.base != base {
		return site.Key{}, false
	}
	k, ok := r.c.outputs[name]
	return k, ok
}

// wrote records the key of an output file of this build.
func (r *run) wrote(name string, key site.Key) {
	r.mu.Lock()
	r.outputs[name] = key
	r.mu.Unlock()
}

// committed records that this build's output is now version base.
func (r *run) committed(base string) {
	r.c.mu.Lock()
	r.c.base, r.c.outputs = base, r.outputs
	r.c.mu.Unlock()
}

// The cache is files in the output folder's .samkat/, each a header
// naming the samkat that wrote it, the entries (cache's field by field:
// see encodeOutputs; the codec of codec.go in cache-parsed: see encodeShard; cache-search's their
// own), and the checksum of all before it (cacheSumSize): cache holds the keys of the
// output files and which bodies convert cleanly; the cache-parsed files
// the parsed files by fileSum, written as soon as the files are loaded
// (their entries are found by their content, so they are right whichever
// build wrote them; see run.loaded); the cache-search files, beside them,
// the search analyses by analysisKey (see keepAnalyses).
const (
	cacheFileName = "cache"
	cacheMagic    = "samkat build cache\n"
	cacheFormat   = 8
)

// oldParsedFileName is the one file an earlier samkat kept the parsed
// files in.
const oldParsedFileName = "cache-parsed"

// parsedShards is how many files the parsed files are kept in.
const parsedShards = 32

// parsedShard is the cache-parsed file the entry of fileSum k is kept in.
func parsedShard(k site.Key) int { return int(k[0]) % parsedShards }

// parsedFileName is the name of the cache-parsed file of shard sh.
func parsedFileName(sh int) string { return fmt.Sprintf("cache-parsed-%02d", sh) }

// parsedSetKey is the hash of the sorted keys of a cache-parsed file.
func parsedSetKey(keys []site.Key) site.Key {
	h := sha256.New()
	writeString(h, "samkat parsed set 1")
	for _, k := range keys {
		writeKey(h, k)
	}
	return sumOf(h)
}

// parsedEntry is what a cache-parsed file holds of a load.Parsed: all
// but the diagnostics (a file with any is not kept; their messages hold
// values of any type). TestParsedEntryFields holds it to load.Parsed.
type parsedEntry struct {
	Index    *catalog.Index
	Activity *catalog.Activity
	Page     *catalog.Page
}

// valid says whether e is what load makes of a file: one of the three.
func (e parsedEntry) valid() bool {
	n := 0
	for _, set := range []bool{e.Index != nil, e.Activity != nil, e.Page != nil} {
		if set {
			n++
		}
	}
	return n == 1
}

// cacheFile is what the cache files hold. Parsed files with diagnostics
// are left out (few, and their messages hold values of any type), and so
// are the bodies (read from the file again).
type cacheFile struct {
	Base    string
	Outputs map[string]site.Key
	Clean   map[site.Key]bool
	// Records says where each record of the open data is in the files of
	// version Base, by path (see records.go).
	Records map[string][]recordSpan
	// Summaries are the feed's summaries of bodies by bodyKey (see
	// summaries.go).
	Summaries map[site.Key]string
	// Entries says where each entry of the booklets is in the files of
	// version Base, by path, packed (see entries.go).
	Entries map[string][]byte
}

// encodeShard is the entries of a cache-parsed file: for each key, in
// order, the key and the entry's bytes with their length; an entry's
// bytes are those of encoded when it has them, else parsed's encoded
// after where its body is (bodyAt; see appendBodySpan).
func encodeShard(keys []site.Key, encoded map[site.Key]string, parsed map[site.Key]load.Parsed, bodyAt map[site.Key]bodySpan) ([]byte, error) {
	b, _, err := appendShard(nil, nil, keys, encoded, parsed, bodyAt)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// appendShard appends encodeShard(keys, encoded, parsed, bodyAt) to b,
// using tmp as scratch; it returns b and the scratch, for a caller that
// makes many shards in the same buffers. After an error, b holds part of
// the shard.
func appendShard(b, tmp []byte, keys []site.Key, encoded map[site.Key]string, parsed map[site.Key]load.Parsed, bodyAt map[site.Key]bodySpan) (_, scratch []byte, _ error) {
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = append(b, k[:]...)
		if e, ok := encoded[k]; ok {
			b = binary.AppendUvarint(b, uint64(len(e)))
			b = append(b, e...)
			continue
		}
		p, ok := parsed[k]
		if !ok || len(p.Diags) > 0 {
			return b, tmp, fmt.Errorf("cache: no entry to keep")
		}
		span, ok := bodyAt[k]
		tmp = appendBodySpan(tmp[:0], span, ok)
		tmp = appendEntry(tmp, &parsedEntry{p.Index, p.Activity, p.Page})
		b = binary.AppendUvarint(b, uint64(len(tmp)))
		b = append(b, tmp...)
	}
	return b, tmp, nil
}

// splitShard reads what encodeShard wrote into m: each entry's bytes, by
// key, as parts of one string (decoded when used). It returns the keys.
func splitShard(m map[site.Key]string, entries []byte) ([]site.Key, error) {
	s := string(entries)
	d := &decoder{s: s}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(s)) {
		return nil, errCacheFile
	}
	keys := make([]site.Key, 0, n)
	for range n {
		var k site.Key
		if len(s)-d.at < len(k) {
			return nil, errCacheFile
		}
		copy(k[:], s[d.at:])
		d.at += len(k)
		l := d.uvarint()
		if d.err != nil || l > uint64(len(s)-d.at) {
			return nil, errCacheFile
		}
		if len(keys) > 0 && bytes.Compare(keys[len(keys)-1][:], k[:]) >= 0 {
			return nil, errCacheFile // out of order, or twice
		}
		keys = append(keys, k)
		m[k] = s[d.at : d.at+int(l)]
		d.at += int(l)
	}
	if d.at != len(s) {
		return nil, errCacheFile
	}
	return keys, nil
}

// encodeParsed is the entries of one cache-parsed file holding parsed
// (those with diagnostics left out), without where their bodies are.
func encodeParsed(parsed map[site.Key]load.Parsed) ([]byte, error) {
	var keys []site.Key
	for k, p := range parsed {
		if len(p.Diags) == 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b site.Key) int { return bytes.Compare(a[:], b[:]) })
	return encodeShard(keys, nil, parsed, nil)
}

// decodeParsed reads what encodeParsed wrote, every entry decoded.
func decodeParsed(b []byte) (map[site.Key]load.Parsed, error) {
	encoded := map[site.Key]string{}
	if _, err := splitShard(encoded, b); err != nil {
		return nil, err
	}
	parsed := make(map[site.Key]load.Parsed, len(encoded))
	for k, s := range encoded {
		var e parsedEntry
		_, _, s, ok := cutBodySpan(s)
		if !ok {
			return nil, errCacheFile
		}
		if err := readEntry(s, &e); err != nil || !e.valid() {
			return nil, errCacheFile
		}
		parsed[k] = load.Parsed{Index: e.Index, Activity: e.Activity, Page: e.Page}
	}
	return parsed, nil
}

// sealCache returns a cache file: entries with the header of the samkat
// of stamp and the checksum.
func sealCache(stamp string, entries []byte) []byte {
	b := make([]byte, 0, len(cacheMagic)+4+4+len(stamp)+4+len(entries)+cacheSumSize)
	return appendSealed(b, stamp, func(b []byte) []byte { return append(b, entries...) })
}

// appendSealed appends to dst the cache file sealCache(stamp, e) of the
// entries e that entries appends to the slice it is given: a caller that
// writes many files makes each in the same buffer, rather than its
// entries and then the file in two new ones (at 10,000 activities the 32
// cache-search files are some 60 MB, and memory the process has not
// touched before costs the kernel a cleared page at each first write).
// entries must return the slice it is given, with the entries appended.
func appendSealed(dst []byte, stamp string, entries func([]byte) []byte) []byte {
	start := len(dst)
	dst = append(dst, cacheMagic...)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(cacheFormat))
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(stamp)))
	dst = append(dst, stamp...)
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0) // the entries' length, once known
	dst = entries(dst)
	binary.LittleEndian.PutUint32(dst[at:], uint32(len(dst)-at-4))
	return binary.LittleEndian.AppendUint32(dst, crc32.Checksum(dst[start:], cacheSumTable))
}

// The checksum of a cache file is the CRC-32C of all before it: the
// cache guards against a file damaged or cut short, not against one made
// to deceive (whoever can write the output folder can write the site),
// and the processor computes it at many times the speed of SHA-256 (the
// files are some 100 MB at 10,000 activities, read on every build).
const cacheSumSize = 4

var cacheSumTable = crc32.MakeTable(crc32.Castagnoli)

var errCacheFile = errors.New("not a cache file of this samkat")

// openCache returns the entries of a cache file, or says it is not one
// the samkat of stamp can trust: another samkat's, damaged or cut short.
func openCache(b []byte, stamp string) ([]byte, error) {
	if len(b) < len(cacheMagic)+4+cacheSumSize || string(b[:len(cacheMagic)]) != cacheMagic {
		return nil, errCacheFile
	}
	body, sum := b[:len(b)-cacheSumSize], b[len(b)-cacheSumSize:]
	if crc32.Checksum(body, cacheSumTable) != binary.LittleEndian.Uint32(sum) {
		return nil, errCacheFile
	}
	r := bytes.NewReader(body[len(cacheMagic):])
	var format uint32
	if binary.Read(r, binary.LittleEndian, &format) != nil || format != cacheFormat {
		return nil, errCacheFile
	}
	s, err := readBytes(r)
	if err != nil || string(s) != stamp {
		return nil, errCacheFile
	}
	entries, err := readBytes(r)
	if err != nil || r.Len() != 0 {
		return nil, errCacheFile
	}
	return entries, nil
}

func readBytes(r *bytes.Reader) ([]byte, error) {
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil || int64(n) > int64(r.Len()) {
		return nil, errCacheFile
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return b, err
}

// readCache returns the entries of the cache file name of tx's output
// folder, or nil when there is none it can trust.
func readCache(tx *publish.Tx, name, stamp string) []byte {
	b, ok, err := tx.ReadState(name)
	if !ok || err != nil {
		return nil
	}
	entries, err := openCache(b, stamp)
	if err != nil {
		return nil
	}
	return entries
}

// loadCache returns the cache kept in the output folder of tx: empty
// (or without one of its files) when there is none, or it cannot be
// trusted. It lives for one build: what it parsed is written for the
// next as soon as the files are loaded, and let go.
func loadCache(tx *publish.Tx, version string) *Cache {
	c := &Cache{oneBuild: true}
	stamp := c.loadStamp(tx, version)
	if stamp == "" {
		return c
	}
	if b := readCache(tx, cacheFileName, stamp); b != nil {
		if f, err := decodeOutputs(b); err == nil {
			c.base, c.outputs, c.clean, c.spans, c.summaries, c.entries = f.Base, f.Outputs, f.Clean, f.Records, f.Summaries, f.Entries
		}
	}
	// The analyses are not needed until the pages are written: read
	// beside the loading of the content, on all cores (62 MB at 10,000
	// activities).
	loaded := make(chan struct{})
	c.knownLoaded = loaded
	go func() {
		defer close(loaded)
		var (
			mu     sync.Mutex
			known  map[site.Key]*search.Analysis
			stored [searchShards]int
		)
		_ = parallel.For(context.Background(), searchShards, func(sh int) error {
			b := readCache(tx, searchFileName(sh), stamp)
			if b == nil {
				return nil
			}
			m := map[site.Key]*search.Analysis{}
			n, err := decodeAnalyses(m, b)
			mu.Lock()
			defer mu.Unlock()
			if known == nil {
				known = map[site.Key]*search.Analysis{}
			}
			if err == nil {
				maps.Copy(known, m)
				stored[sh] = n + 1
			}
			return nil
		})
		c.mu.Lock()
		c.known, c.storedKnown = known, stored
		c.mu.Unlock()
	}()
	// Read on all cores, beside the loading of the content, which waits
	// for the file of each entry it looks up: the files of 10,000
	// activities are some 20 MB.
	pf := &parsedFiles{all: make(chan struct{})}
	for sh := range pf.ready {
		pf.ready[sh] = make(chan struct{})
	}
	c.files = pf
	go func() {
		defer close(pf.all)
		_ = parallel.For(context.Background(), parsedShards, func(sh int) error {
			defer close(pf.ready[sh])
			b := readCache(tx, parsedFileName(sh), stamp)
			if b == nil {
				return nil
			}
			m := map[site.Key]string{}
			if keys, err := splitShard(m, b); err == nil {
				pf.encoded[sh], pf.stored[sh] = m, parsedSetKey(keys)
			}
			return nil
		})
	}()
	return c
}

// saveCache writes the cache file with what r made, for the build tx
// commits. A failure costs the next build its speed only.
func saveCache(tx *publish.Tx, r *run, version string) {
	stamp := r.stamp()
	if stamp == "" {
		return
	}
	b, err := encodeOutputs(cacheFile{Base: tx.ID(), Outputs: r.outputs, Clean: r.clean, Records: r.spans, Summaries: r.summaries, Entries: r.entries})
	if err != nil {
		return
	}
	if tx.SetState(cacheFileName, sealCache(stamp, b)) == nil && r.c != nil && r.c.exeMemo != nil {
		_ = tx.SetState(exeFileName, r.c.exeMemo)
	}
}

// loadStamp returns the build stamp of version and this executable, and
// keeps it in c: with the hash of the executable the state file
// exeFileName of tx's output records for it while it is the same file
// (exeSumFrom), else hashed.
func (c *Cache) loadStamp(tx *publish.Tx, version string) string {
	id := exeIdentity()
	var memo []byte
	if id != "" {
		if b, ok, err := tx.ReadState(exeFileName); ok && err == nil {
			memo = b
		}
	}
	sum, next := exeSumFrom(memo, id, exeSum, exeIdentity)
	if sum == "" {
		return ""
	}
	c.stamp, c.exeMemo = stampOf(version, sum), next
	return c.stamp
}

// stamp is the build stamp of r's build: the one its cache was loaded
// with, else buildStamp's.
func (r *run) stamp() string {
	if r.c != nil && r.c.stamp != "" {
		return r.c.stamp
	}
	return buildStamp(r.version)
}

var exeSum = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	k := sumOf(h)
	return string(k[:])
})

// buildStamp names the samkat that makes a cache: its version and the
// hash of its executable, so that no other build of samkat (another
// version, the same one built with other code or dependencies) trusts
// it. "" when the executable cannot be read: then no cache is saved.
func buildStamp(version string) string {
	sum := exeSum()
	if sum == "" {
		return ""
	}
	return stampOf(version, sum)
}

// stampOf is buildStamp of the hash sum of the executable.
func stampOf(version, sum string) string {
	h := sha256.New()
	writeString(h, version)
	writeString(h, sum)
	k := sumOf(h)
	return string(k[:])
}

// hashFS hashes every file of fsys, names and bytes (the layouts).
func hashFS(h hash.Hash, fsys fs.FS) error {
	if fsys == nil {
		writeString(h, "none")
		return nil
	}
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		writeString(h, name)
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		writeString(h, string(b))
		return nil
	})
}

func writeString(h hash.Hash, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	io.WriteString(h, s)
}

func writeKey(h hash.Hash, k site.Key) { h.Write(k[:]) }

func sumOf(h hash.Hash) site.Key {
	var k site.Key
	h.Sum(k[:0])
	return k
}

// cloneParsed copies what load made of a file deeply enough that changing
// the copy leaves the original as it was: check and the pipeline assign
// the fields of an index, activity or page (check resolves names into new
// lists, the pipeline forgets positions and sets the baseurl) but change
// no list, map or value they point to in place, so a copy of each struct
// is enough. Bodies, positions and lists are shared.
func cloneParsed(p load.Parsed) load.Parsed {
	q := load.Parsed{Diags: slices.Clone(p.Diags)}
	if p.Index != nil {
		ix := *p.Index
		q.Index = &ix
	}
	if p.Activity != nil {
		a := *p.Activity
		q.Activity = &a
	}
	if p.Page != nil {
		pg := *p.Page
		q.Page = &pg
	}
	return q
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// withKey returns the output files that had key in the version base of
// the output, in order.
func (r *run) withKey(base string, key site.Key) []string {
	if base == "" {
		return nil
	}
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if r.c.base != base {
		return nil
	}
	var names []string
	for name, k := range r.c.outputs {
		if k == key {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// linkSite is the package's linkSite with its linkKey. A cache kept in
// memory keeps the last table, and gives it again when the catalogue
// differs from the one it was made of only in the text of activities:
// every other content file the same (by fileSum), each activity that
// changed checked the same but for its body (the page paths and URLs
// come from the frontmatter), the same static files, day and baseurl.
// At 10,000 activities that spares site.Paths and hashing the table
// on a save of an activity's text in samkat serve.
func (r *run) linkSite(src fs.FS, cat *catalog.Catalogue, opt Options) (*markdown.Site, site.Key) {
	static := staticFiles(src, opt)
	if r == nil || r.c.oneBuild || r.index == (site.Key{}) {
		ls := linkSiteOf(cat, opt, static, r.order())
		return ls, linkKey(ls)
	}
	r.c.mu.Lock()
	prev := r.c.links
	r.c.mu.Unlock()
	var e *linkEntry
	if prev != nil && prev.now == opt.Now && prev.base == cat.Index.BaseURL && maps.Equal(prev.site.Static, static) && r.sameFrontmatter(prev, cat) {
		// The same table, now of this build's files, whose checks the
		// next build compares its own with (prevChecked).
		e = &linkEntry{site: prev.site, key: prev.key, sums: r.sums, now: opt.Now, base: cat.Index.BaseURL}
	} else {
		ls := linkSiteOf(cat, opt, static, nil)
		e = &linkEntry{site: ls, key: linkKey(ls), sums: r.sums, now: opt.Now, base: cat.Index.BaseURL}
	}
	r.links = e // kept once the build succeeded
	return e.site, e.key
}

// sameFrontmatter says whether the content files are those prev was made
// of, but for activities whose checks differ from the earlier ones only in
// the body (see linkSite). Check changes no activity after its own checks
// (check.Reuse), so an entry of prevChecked is the activity as the earlier
// build's table was made of it.
func (r *run) sameFrontmatter(prev *linkEntry, cat *catalog.Catalogue) bool {
	if len(prev.sums) != len(r.sums) {
		return false
	}
	changed := map[string]site.Key{} // file → its earlier fileSum
	for name, sum := range r.sums {
		was, ok := prev.sums[name]
		if !ok {
			return false
		}
		if was != sum {
			changed[name] = was
		}
	}
	for _, a := range cat.Activities {
		was, ok := changed[a.File]
		if !ok {
			continue
		}
		delete(changed, a.File)
		e, ok := r.prevChecked[was]
		if !ok || e.index != r.index {
			return false
		}
		x, y := *a, *e.a
		x.Body, y.Body, x.Pos, y.Pos = nil, nil, nil, nil
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return len(changed) == 0 // else an index or a page changed
}
