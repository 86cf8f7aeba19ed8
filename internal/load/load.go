// Package load reads a catalogue folder into the model of package catalog.
// It owns everything that is about one file: encoding, the frontmatter
// syntax, field types, required and unknown keys, and the rules that need
// no other file (dates in order, ages in order, e-mail and phone shapes).
// Every problem becomes a diagnostic with file, line and field; loading goes
// on after a problem so that one run reports them all.
package load

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/fsread"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/parallel"
)

// ContentDir is the folder of a catalogue that holds its Markdown files.
const ContentDir = "content"

// file is one Markdown file found in content/ and what it will become.
type file struct {
	name string // slash path from the catalogue root
	slug string
	kind fileKind
	page catalog.PageKind
}

type fileKind int

const (
	indexFile fileKind = iota
	activityFile
	pageFile
)

// Catalogue reads every file under content/ of fsys. Problems with the
// content are returned as diagnostics; the error is only for a cancelled
// context or a missing content folder. The catalogue's Index is nil when
// content/_index.md is missing or unusable.
func Catalogue(ctx context.Context, fsys fs.FS) (*catalog.Catalogue, diag.List, error) {
	return CatalogueReusing(ctx, fsys, nil)
}

// Parsed is what load makes of one file: one of Index, Activity and Page
// (none when the file is unusable), and the file's diagnostics.
type Parsed struct {
	Index    *catalog.Index
	Activity *catalog.Activity
	Page     *catalog.Page
	Diags    diag.List
}

// A Reuse keeps what load made of each file, so that a file read again
// with the same bytes is not parsed again. Its methods are called from
// several goroutines at once.
type Reuse interface {
	// Reused returns what load made before of the file name with the
	// bytes src, if it knows. The caller may change what it returns, but
	// for what the keeper says it shares (the pipeline's cache kept in
	// memory shares the activity, which its checks then copy).
	Reused(name string, src []byte) (Parsed, bool)
	// Parsed tells what load made of the file name with the bytes src,
	// before anyone changes it. CatalogueReusing calls it only after
	// Reused(name, src) with the same bytes, which returned false.
	Parsed(name string, src []byte, p Parsed)
}

// An UnreadReuse is a Reuse that may know what load made of a file
// without its bytes: when its source can say, without reading the file,
// that it holds the bytes it had when the Reuse was told what they gave
// (samkat serve keeps the catalogue's files in memory, and knows which
// changed). CatalogueReusing asks it before it reads each file.
type UnreadReuse interface {
	Reuse
	// ReusedUnread returns what load made before of the file name as the
	// source holds it now, if it knows without the file being read.
	ReusedUnread(name string) (Parsed, bool)
}

// CatalogueReusing is Catalogue, asking r for each file it reads whether
// it has been parsed before (r may be nil).
func CatalogueReusing(ctx context.Context, fsys fs.FS, r Reuse) (*catalog.Catalogue, diag.List, error) {
	if links := FolderLinks(fsys); len(links) > 0 {
		return nil, links, nil
	}
	files, diags, err := findKept(fsys)
	if err != nil {
		return nil, diags, err
	}
	cat := &catalog.Catalogue{}
	results := make([]Parsed, len(files))
	err = parallel.For(ctx, len(files), func(i int) error {
		f := files[i]
		if u, ok := r.(UnreadReuse); ok {
			if p, ok := u.ReusedUnread(f.name); ok {
				results[i] = p
				return nil
			}
		}
		src, size, err := ReadSource(fsys, f.name)
		if err != nil {
			results[i].Diags.AddError(diag.Pos{File: f.name}, "", msg.FileUnreadable, unwrapPathError(err))
			return nil // a diagnostic, not a reason to stop
		}
		if size > MaxFileSize {
			results[i].Diags.AddError(diag.Pos{File: f.name}, "", msg.FileTooBig, size, MaxFileSize>>20)
			return nil
		}
		if r != nil {
			if p, ok := r.Reused(f.name, src); ok {
				results[i] = p
				return nil
			}
		}
		p := &results[i]
		switch f.kind {
		case indexFile:
			p.Index, p.Diags = ParseIndex(f.name, src)
		case activityFile:
			p.Activity, p.Diags = ParseActivity(f.name, f.slug, src)
		default:
			p.Page, p.Diags = ParsePage(f.name, f.slug, f.page, src)
		}
		if r != nil {
			r.Parsed(f.name, src, *p)
		}
		return nil
	})
	if err != nil {
		return nil, diags, err
	}
	for _, r := range results {
		diags = append(diags, r.Diags...)
		switch {
		case r.Index != nil:
			cat.Index = r.Index
		case r.Activity != nil:
			cat.Activities = append(cat.Activities, r.Activity)
		case r.Page != nil:
			cat.Pages = append(cat.Pages, r.Page)
		}
	}
	if !slices.ContainsFunc(files, func(f file) bool { return f.kind == indexFile }) {
		diags.AddError(diag.Pos{File: ContentDir + "/_index.md"}, "", msg.IndexMissing)
	}
	return cat, diags, nil
}

// sourceFolders are the folders of a catalogue that samkat reads.
func sourceFolders() []string { return []string{ContentDir, "layouts", "static"} }

// FolderLinks reports each of the catalogue's source folders that is a
// symbolic link. Links are not followed, for folders as for files: one
// could lead out of the catalogue, and a link that leads nowhere would be
// read as a missing folder and the build would silently leave it out.
func FolderLinks(fsys fs.FS) diag.List {
	var diags diag.List
	for _, dir := range sourceFolders() {
		if info, err := fs.Lstat(fsys, dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			diags.AddError(diag.Pos{File: dir + "/"}, "", msg.FolderSymlink)
		}
	}
	return diags
}

// ReadSource reads the catalogue file name of fsys, but not when it is
// larger than MaxFileSize: then it returns only its size (more than
// MaxFileSize), so that a file of many GB costs no memory.
func ReadSource(fsys fs.FS, name string) (src []byte, size int64, err error) {
	return fsread.AtMost(fsys, name, MaxFileSize)
}

// Found is what loading found in content/: its Markdown files, each
// classified, and the diagnostics of the files it ignored or refused.
type Found struct {
	files []file
	diags diag.List
}

// A FoundKeeper is a catalogue's file system that can keep what loading
// found in content/ for as long as the folders there hold the same names,
// of the same types: samkat serve keeps those folders listed, and the
// watcher tells it when a listing may have changed. CatalogueReusing
// then takes the files found before rather than walking 10,000 of them
// and classifying each again.
type FoundKeeper interface {
	// KeptFound returns the Found last given to KeepFound, or nil once
	// a folder under content/ may list other names or types than it did
	// when that Found was made.
	KeptFound() *Found
	// KeepFound keeps f, made from the folders as they list now.
	KeepFound(f *Found)
}

// findKept is find, taking what it found from fsys when fsys is a
// FoundKeeper that kept it, and giving it what it found otherwise. A walk
// that could not read a folder or file is not kept: that folder may be
// readable next time without a change to its names.
func findKept(fsys fs.FS) ([]file, diag.List, error) {
	k, ok := fsys.(FoundKeeper)
	if ok {
		if f := k.KeptFound(); f != nil {
			// The caller appends to the diagnostics: a copy, so that the
			// kept ones stay as they are.
			return f.files, slices.Clone(f.diags), nil
		}
	}
	files, diags, complete, err := find(fsys)
	if ok && err == nil && complete {
		k.KeepFound(&Found{files: files, diags: slices.Clone(diags)})
	}
	return files, diags, err
}

// find lists the Markdown files of content/ in a stable order and reports
// files that are ignored or refused; complete is false when a folder or
// file could not be read.
func find(fsys fs.FS) (files []file, diags diag.List, complete bool, err error) {
	info, err := fs.Stat(fsys, ContentDir)
	if err != nil || !info.IsDir() {
		return nil, diags, false, msg.Errorf(msg.NoContentFolder)
	}
	complete = true
	err = fs.WalkDir(fsys, ContentDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			complete = false
			diags.AddError(diag.Pos{File: name}, "", msg.FileUnreadable, unwrapPathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := path.Base(name)
		if name != ContentDir && Ignored(base) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			diags.AddError(diag.Pos{File: name}, "", msg.FileSymlink)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			diags.AddError(diag.Pos{File: name}, "", msg.FileNotRegular)
			return nil
		}
		f, ok := classify(name, &diags)
		if ok {
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, diags, false, err
	}
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	return files, diags, complete, nil
}

// classify decides what the file at name becomes.
func classify(name string, diags *diag.List) (file, bool) {
	rel := strings.TrimPrefix(name, ContentDir+"/")
	if !strings.HasSuffix(rel, ".md") {
		if strings.HasSuffix(strings.ToLower(rel), ".md") || strings.HasSuffix(rel, ".markdown") {
			diags.AddError(diag.Pos{File: name}, "", msg.FileMdCase)
		} else {
			diags.AddWarning(diag.Pos{File: name}, "", msg.FileNotMd)
		}
		return file{}, false
	}
	dir, base := path.Split(rel)
	stem := strings.TrimSuffix(base, ".md")
	slug := catalog.Slugify(stem)
	if slug == "" && rel != "_index.md" {
		diags.AddError(diag.Pos{File: name}, "", msg.FileNoSlug)
		return file{}, false
	}
	top, _, _ := strings.Cut(dir, "/")
	switch {
	case rel == "_index.md":
		return file{name: name, kind: indexFile}, true
	case top == "verksamheter":
		return file{name: name, slug: slug, kind: activityFile}, true
	case dir == "":
		kind := catalog.PlainPage
		if slug == "tillganglighet" {
			kind = catalog.TillganglighetPage
		}
		return file{name: name, slug: slug, kind: pageFile, page: kind}, true
	case dir == "finansiering/":
		return file{name: name, slug: slug, kind: pageFile, page: catalog.FinansieringPage}, true
	case dir == "funktioner/":
		return file{name: name, slug: slug, kind: pageFile, page: catalog.FunktionPage}, true
	case dir == "forbund/":
		return file{name: name, slug: slug, kind: pageFile, page: catalog.ForbundPage}, true
	}
	diags.AddWarning(diag.Pos{File: name}, "", msg.FileWrongFolder)
	return file{}, false
}

// unwrapPathError drops the path from an fs error: the diagnostic names the file already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
