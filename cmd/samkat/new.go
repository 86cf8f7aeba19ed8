package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/scaffold"
)

// repeatable is a flag that may be given more than once.
type repeatable []string

func (l *repeatable) String() string     { return strings.Join(*l, ", ") }
func (l *repeatable) Set(v string) error { *l = append(*l, v); return nil }

var _ flag.Value = (*repeatable)(nil)

// runNew writes a new activity file, with placeholders where the editor
// has to fill in, from the catalogue's template or samkat's own.
func runNew(args []string, stdout, stderr io.Writer, now time.Time) int {
	cmd := newCommand("new", msg.HelpNew, stderr)
	var funktion, kommuner, finansiering repeatable
	cmd.fs.Var(&funktion, "funktion", say(msg.FlagFunktion))
	cmd.fs.Var(&kommuner, "kommun", say(msg.FlagKommun))
	cmd.fs.Var(&finansiering, "finansiering", say(msg.FlagFinansiering))
	positional, err := parseInterleaved(cmd.fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	day, err := today(*cmd.now, now)
	if err != nil {
		return cmd.usageError(msg.CmdBadNow, errText(err, envLang()))
	}
	// "samkat new mapp" without a name would otherwise make an activity
	// called after the folder.
	if len(positional) == 0 || strings.TrimSpace(positional[0]) == "" || len(positional) == 1 && isFolder(positional[0]) {
		return cmd.usageError(msg.NewNoName)
	}
	if len(positional) > 2 {
		return cmd.usageError(msg.CmdTooManyArgs, positional[1:])
	}
	name, dir := strings.TrimSpace(positional[0]), "."
	if len(positional) == 2 {
		dir = positional[1]
	}
	slug := catalog.Slugify(name)
	if slug == "" {
		return cmd.usageError(msg.NewNoSlug, name)
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "samkat new: %s\n", errText(err, envLang()))
		return exitContent
	}
	kat, ix, err := declaredValues(dir)
	if err != nil {
		return fail(err)
	}
	a := scaffold.Activity{Namn: name, Slug: slug, Granskad: day.String(), Katalog: kat}
	if a.Funktion, err = resolveTerms("funktion", funktion, ix.Funktioner, ix.File); err != nil {
		return fail(err)
	}
	if a.Finansiering, err = resolveTerms("finansiering", finansiering, ix.Finansiering, ix.File); err != nil {
		return fail(err)
	}
	if a.Kommuner, err = resolveKommuner(kommuner, ix.Kommuner, ix.File); err != nil {
		return fail(err)
	}

	rel := "content/verksamheter/" + slug + ".md"
	if existing, err := findActivity(dir, slug); err != nil {
		return fail(err)
	} else if existing != "" {
		return fail(msg.Errorf(msg.NewExists, slug+".md", existing))
	}
	tmplName, src, err := activityTemplate(dir)
	if err != nil {
		return fail(err)
	}
	out, err := scaffold.RenderActivity(tmplName, src, a)
	if err != nil {
		return fail(msg.Errorf(msg.NewTemplate, tmplName, err))
	}
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fail(fmt.Errorf("create folder for %s: %w", rel, err))
	}
	if err := writeNew(file, out); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fail(msg.Errorf(msg.NewExists, slug+".md", rel))
		}
		return fail(err)
	}
	fmt.Fprintf(stdout, "samkat new: %s\n", say(msg.NewWrote, file))
	fmt.Fprint(stdout, say(msg.NewNext, shellQuote(file)))
	return exitOK
}

// declaredValues reads content/_index.md for the values activities may use. A
// broken index is refused: a new file checked against it would mislead.
func declaredValues(dir string) (scaffold.Catalogue, *catalog.Index, error) {
	const file = "content/_index.md"
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		return scaffold.Catalogue{}, nil, fmt.Errorf("read %s: %w", file, err)
	}
	ix, diags := load.ParseIndex(file, src)
	if ix == nil || diags.HasErrors() {
		first := ""
		for _, d := range diags {
			if d.Severity == diag.Error {
				first = d.Text(envLang())
				break
			}
		}
		return scaffold.Catalogue{}, nil, msg.Errorf(msg.NewBadIndex, file, first)
	}
	kat := scaffold.Catalogue{Titel: ix.Titel, Kommuner: ix.Kommuner}
	for _, t := range ix.Funktioner {
		kat.Funktioner = append(kat.Funktioner, scaffold.Term{ID: t.ID, Namn: t.Namn})
	}
	for _, t := range ix.Finansiering {
		kat.Finansiering = append(kat.Finansiering, scaffold.Term{ID: t.ID, Namn: t.Namn})
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "forbund", "*.md"))
	for _, p := range pages {
		kat.Forbund = append(kat.Forbund, strings.TrimSuffix(filepath.Base(p), ".md"))
	}
	return kat, ix, nil
}

// resolveTerms returns the ids of values in the index's spelling. A value
// may be an id or an entry's name, in any case, as editors remember either.
func resolveTerms(flagName string, values []string, terms []catalog.Term, file string) ([]string, error) {
	var out []string
	for _, v := range values {
		want := strings.TrimSpace(v)
		found := ""
		for _, t := range terms {
			if strings.EqualFold(t.ID, want) || strings.EqualFold(t.Namn, want) {
				found = t.ID
				break
			}
		}
		if found == "" {
			ids := make([]string, len(terms))
			for i, t := range terms {
				ids[i] = t.ID
			}
			return nil, msg.Errorf(msg.NewUndeclared, flagName, v, file, diag.DidYouMean(catalog.Slugify(want), ids), strings.Join(ids, ", "))
		}
		out = appendNew(out, found)
	}
	return out, nil
}

// resolveKommuner matches names as check does: case and surrounding space
// ignored, diacritics not.
func resolveKommuner(values, kommuner []string, file string) ([]string, error) {
	var out []string
	for _, v := range values {
		want := strings.TrimSpace(v)
		if strings.EqualFold(want, catalog.KommunAlla) {
			out = appendNew(out, catalog.KommunAlla)
			continue
		}
		found := ""
		for _, k := range kommuner {
			if strings.EqualFold(strings.TrimSpace(k), want) {
				found = k
				break
			}
		}
		if found == "" {
			return nil, msg.Errorf(msg.NewUndeclared, "kommun", v, file, diag.DidYouMean(want, kommuner), strings.Join(kommuner, ", "))
		}
		out = appendNew(out, found)
	}
	return out, nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// findActivity returns the path (relative to dir, slash-separated) of an
// activity file named slug.md anywhere under content/verksamheter/.
func findActivity(dir, slug string) (string, error) {
	root := filepath.Join(dir, "content", "verksamheter")
	found := ""
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(d.Name(), slug+".md") {
			rel, rerr := filepath.Rel(dir, p)
			if rerr != nil {
				return rerr
			}
			found = filepath.ToSlash(rel)
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("look for %s.md in content/verksamheter: %w", slug, err)
	}
	return found, nil
}

// activityTemplate returns the catalogue's own template when it has one,
// else samkat's built-in one.
func activityTemplate(dir string) (string, []byte, error) {
	own := filepath.Join(dir, filepath.FromSlash(scaffold.ActivityTemplate))
	src, err := os.ReadFile(own)
	if err == nil {
		return scaffold.ActivityTemplate, src, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", nil, fmt.Errorf("read %s: %w", scaffold.ActivityTemplate, err)
	}
	src, err = fs.ReadFile(samkat.Layouts(), path.Join("_new", "verksamhet.md"))
	if err != nil {
		return "", nil, fmt.Errorf("built-in template: %w", err)
	}
	return "samkat:" + scaffold.ActivityTemplate, src, nil
}

func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// writeNew creates file with data, failing if it exists.
func writeNew(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}
