package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/schema"
)

// runSchema writes the JSON Schema of the catalogue's activity frontmatter,
// for editors' YAML tools (docs/verktyg.md).
func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	// As newCommand, without --now: the schema does not depend on the day.
	noDay := ""
	cmd := &command{name: "schema", fs: flag.NewFlagSet("schema", flag.ContinueOnError), now: &noDay, stderr: stderr}
	cmd.fs.SetOutput(stderr)
	cmd.fs.Usage = func() {
		fmt.Fprint(stderr, say(msg.HelpSchema))
		cmd.fs.PrintDefaults()
	}
	out := ""
	cmd.fs.StringVar(&out, "o", "", say(msg.FlagSchemaOut))
	dir, _, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	lang := envLang()
	fail := func(err error) int {
		fmt.Fprintf(stderr, "samkat schema: %s\n", errText(err, lang))
		return exitContent
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fail(fmt.Errorf("open catalogue: %w", err))
	}
	defer root.Close()
	cat, diags, err := load.Catalogue(ctx, root.FS())
	if err != nil {
		return fail(err)
	}
	// SAMKAT_LANG first, else the catalogue's sprak, as for check.
	if _, fromEnv := msg.FromEnv(); !fromEnv && cat.Index != nil {
		if l, ok := msg.ParseLang(cat.Index.Sprak); ok {
			lang = l
		}
	}
	// The schema is made from content/_index.md alone; problems elsewhere
	// are for samkat check.
	var indexErrs diag.List
	for _, d := range diags {
		if d.Pos.File == load.ContentDir+"/_index.md" && d.Severity == diag.Error {
			indexErrs = append(indexErrs, d)
		}
	}
	if cat.Index == nil || len(indexErrs) > 0 {
		indexErrs.Report(stderr, lang, diag.NoWarnings)
		fmt.Fprintf(stderr, "samkat schema: %s\n", msg.New(msg.SchemaIndexBroken).In(lang))
		return exitContent
	}
	data, err := schema.Activity(schema.FromCatalogue(cat))
	if err != nil {
		return fail(err)
	}
	if out == "" {
		if _, err := stdout.Write(data); err != nil {
			return fail(err)
		}
		return exitOK
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fail(err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "samkat schema: %s\n", msg.New(msg.SchemaWrote, out).In(lang))
	return exitOK
}
