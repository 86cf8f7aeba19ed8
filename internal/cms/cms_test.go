package cms

import (
	"bytes"
	"context"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func smallCatalogue(t *testing.T) *catalog.Catalogue {
	t.Helper()
	cat, diags, err := load.Catalogue(context.Background(), os.DirFS("testdata/small"))
	if err != nil || diags.HasErrors() {
		t.Fatalf("load testdata/small: %v\n%v", err, diags)
	}
	return cat
}

// TestConfigGolden compares admin/config.yml for testdata/small with
// testdata/small.config.yml. Run with -update after an intended change and
// read the diff.
func TestConfigGolden(t *testing.T) {
	got, err := Config(smallCatalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/small.config.yml"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("admin/config.yml differs from %s (run with -update and read the diff):\n%s", golden, got)
	}
}

// parsed is config.yml read back, as Decap reads it.
func parsed(t *testing.T, cat *catalog.Catalogue) config {
	t.Helper()
	data, err := Config(cat)
	if err != nil {
		t.Fatal(err)
	}
	var c config
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf("config.yml is not YAML: %v", err)
	}
	return c
}

func collectionNamed(t *testing.T, c config, name string) collection {
	t.Helper()
	for _, col := range c.Collections {
		if col.Name == name {
			return col
		}
	}
	t.Fatalf("no collection %q", name)
	return collection{}
}

func names(fs []Field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

func fieldNamed(t *testing.T, fs []Field, name string) Field {
	t.Helper()
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no field %q among %v", name, names(fs))
	return Field{}
}

// decapWidgets are the widgets Decap CMS 3 has built in.
var decapWidgets = []string{"boolean", "code", "color", "datetime", "file", "hidden", "image", "list",
	"map", "markdown", "number", "object", "relation", "select", "string", "text", "uuid"}

// checkFields holds a form's fields to the contract: one widget per key, in
// the contract's order (without the keys that are spellings of another),
// then the body; required exactly when the contract requires the key.
func checkFields(t *testing.T, where string, got []Field, keys, required []string, aliases map[string]string, body bool) {
	t.Helper()
	var want []string
	for _, k := range keys {
		if _, alias := aliases[k]; !alias {
			want = append(want, k)
		}
	}
	if body {
		want = append(want, BodyField)
	}
	if !slices.Equal(names(got), want) {
		t.Errorf("%s: fields %v, want one per contract key %v", where, names(got), want)
	}
	for _, f := range got {
		if !slices.Contains(decapWidgets, f.Widget) {
			t.Errorf("%s.%s: widget %q is not one of Decap's", where, f.Name, f.Widget)
		}
		if f.Label == "" {
			t.Errorf("%s.%s: no label", where, f.Name)
		}
		isRequired := f.Required == nil || *f.Required
		if f.Name != BodyField && isRequired != slices.Contains(required, f.Name) {
			t.Errorf("%s.%s: required is %v, the contract says %v", where, f.Name, isRequired, !isRequired)
		}
	}
}

// TestEveryContractFieldHasAWidget: the form has a widget for every key
// the parser accepts, and none for a key it would refuse.
func TestEveryContractFieldHasAWidget(t *testing.T) {
	c := parsed(t, smallCatalogue(t))
	act := collectionNamed(t, c, "verksamheter")
	checkFields(t, "verksamheter", act.Fields, load.ActivityKeys(), load.ActivityRequired(), nil, true)
	checkFields(t, "verksamheter.kontakt", fieldNamed(t, act.Fields, "kontakt").Fields, load.ContactKeys(), nil, nil, false)
	checkFields(t, "verksamheter.alder", fieldNamed(t, act.Fields, "alder").Fields, load.AlderKeys(), nil, nil, false)

	forbund := collectionNamed(t, c, "forbund")
	checkFields(t, "forbund", forbund.Fields, load.PageKeys(catalog.ForbundPage), []string{"namn"}, pageAliases, true)
	checkFields(t, "forbund.kontakt", fieldNamed(t, forbund.Fields, "kontakt").Fields, load.ContactKeys(), nil, nil, false)
	for _, k := range []struct {
		name string
		kind catalog.PageKind
		ids  []string
	}{
		{"finansiering", catalog.FinansieringPage, []string{"finsam"}},
		{"funktioner", catalog.FunktionPage, []string{"samordnande-insatser", "specialresurser"}},
	} {
		col := collectionNamed(t, c, k.name)
		var ids []string
		for _, f := range col.Files {
			ids = append(ids, f.Name)
			if want := "content/" + k.name + "/" + f.Name + ".md"; f.File != want {
				t.Errorf("%s/%s: file %s, want %s", k.name, f.Name, f.File, want)
			}
			checkFields(t, k.name+"/"+f.Name, f.Fields, load.PageKeys(k.kind), nil, pageAliases, true)
		}
		if !slices.Equal(ids, k.ids) {
			t.Errorf("%s: pages %v, want one per declared entry %v", k.name, ids, k.ids)
		}
	}
	for alias, of := range pageAliases {
		if !slices.Contains(load.PageKeys(catalog.ForbundPage), alias) || !slices.Contains(load.PageKeys(catalog.ForbundPage), of) {
			t.Errorf("pageAliases: %s → %s is not a pair of page keys", alias, of)
		}
	}
}

func optionValues(f Field) []string {
	out := make([]string, len(f.Options))
	for i, o := range f.Options {
		out[i] = o.Value
	}
	return out
}

// TestWidgetsOfferTheDeclaredValues: the selects offer exactly what
// _index.md declares, lists where the contract takes lists, dates in the
// contract's format.
func TestWidgetsOfferTheDeclaredValues(t *testing.T) {
	cat := smallCatalogue(t)
	fields := collectionNamed(t, parsed(t, cat), "verksamheter").Fields
	for _, c := range []struct {
		name     string
		values   []string
		multiple bool
	}{
		{"funktion", []string{"samordnande-insatser", "specialresurser"}, true},
		{"kommuner", []string{"alla", "Borås", "Åmål"}, true},
		{"finansiering", []string{"finsam"}, true},
		{"remiss", []string{"Arbetsförmedlingen", "Försäkringskassan"}, true},
		{"inriktning", []string{catalog.InriktningIndivid, catalog.InriktningStruktur}, false},
		{"forbund", []string{"testforbundet"}, false},
	} {
		f := fieldNamed(t, fields, c.name)
		if f.Widget != "select" || f.Multiple != c.multiple || !slices.Equal(optionValues(f), c.values) {
			t.Errorf("%s: %s multiple=%v %v, want select multiple=%v %v", c.name, f.Widget, f.Multiple, optionValues(f), c.multiple, c.values)
		}
		if f.Multiple && (f.Required == nil) != (f.Min != nil && *f.Min == 1) {
			t.Errorf("%s: a required list must ask for at least one value", c.name)
		}
	}
	for _, name := range []string{"start", "slut", "granskad"} {
		f := fieldNamed(t, fields, name)
		if f.Widget != "datetime" || f.Format != "YYYY-MM-DD" || f.DateFormat != "YYYY-MM-DD" || f.TimeFormat == nil || *f.TimeFormat {
			t.Errorf("%s: %+v, want a date widget writing YYYY-MM-DD", name, f)
		}
	}
	if f := fieldNamed(t, fields, "granskad"); f.Default != "{{now}}" {
		t.Errorf("granskad defaults to %v, want today", f.Default)
	}
	for name, widget := range map[string]string{"kontakt": "list", "samverkansparter": "list", "alder": "object",
		"platser": "number", "egenanmalan": "boolean", "utkast": "boolean", BodyField: "markdown"} {
		if f := fieldNamed(t, fields, name); f.Widget != widget {
			t.Errorf("%s: widget %s, want %s", name, f.Widget, widget)
		}
	}
	if k := fieldNamed(t, fieldNamed(t, fields, "kontakt").Fields, "kommun"); !slices.Equal(optionValues(k), []string{"Borås", "Åmål"}) {
		t.Errorf("kontakt.kommun offers %v", optionValues(k))
	}

	// Without declared referrers, remiss is free text; without förbund
	// pages, forbund is too.
	cat.Index.Remiss = nil
	cat.Pages = nil
	fields = collectionNamed(t, parsed(t, cat), "verksamheter").Fields
	if f := fieldNamed(t, fields, "remiss"); f.Widget != "list" || f.Field == nil || f.Field.Widget != "string" {
		t.Errorf("remiss without declared referrers: %+v, want a list of texts", f)
	}
	if f := fieldNamed(t, fields, "forbund"); f.Widget != "string" {
		t.Errorf("forbund without pages: %s, want string", f.Widget)
	}
}

func TestBackend(t *testing.T) {
	cat := smallCatalogue(t)
	c := parsed(t, cat)
	want := backend{Name: "github", Repo: "testforbundet/katalog", Branch: "main", BaseURL: "https://oauth.example.se", AuthEndpoint: "auth", SiteDomain: "katalogen.netlify.app"}
	got := c.Backend
	if got.CommitMessages["create"] == "" {
		t.Error("no commit messages for the pull requests")
	}
	got.CommitMessages = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("backend %+v, want %+v", got, want)
	}
	if c.PublishMode != "editorial_workflow" || c.Locale != "sv" || c.MediaFolder != "static/bilder" || c.PublicFolder != "/bilder" {
		t.Errorf("publish_mode %q locale %q media_folder %q public_folder %q", c.PublishMode, c.Locale, c.MediaFolder, c.PublicFolder)
	}
	cat.Index.CMS = &catalog.CMS{Backend: catalog.CMSTestRepo, Repo: "x/y"}
	if b := parsed(t, cat).Backend; b.Name != "test-repo" || b.Repo != "" || len(b.CommitMessages) != 0 {
		t.Errorf("test-repo backend: %+v", b)
	}
}

func TestAdminPage(t *testing.T) {
	cat := smallCatalogue(t)
	files, err := Files(cat)
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["admin/index.html"])
	for _, want := range []string{
		`<html lang="sv">`,
		`<meta name="robots" content="noindex, nofollow">`,
		`<link rel="cms-config-url" type="text/yaml" href="config.yml">`,
		`<script src="https://unpkg.com/decap-cms@` + DecapVersion + `/dist/decap-cms.js" integrity="` + DecapIntegrity + `" crossorigin="anonymous"></script>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("admin/index.html lacks %s:\n%s", want, page)
		}
	}
	if strings.Count(page, "<script") != 1 {
		t.Errorf("admin/index.html should have one script, Decap's:\n%s", page)
	}
	if _, ok := files["admin/config.yml"]; !ok || len(files) != 2 {
		t.Errorf("files %v, want admin/index.html and admin/config.yml", files)
	}
	if got := Disallow(cat.Index, cat.Index.BaseURL); !slices.Equal(got, []string{"/testbygd/admin/"}) {
		t.Errorf("Disallow = %v", got)
	}
	cat.Index.CMS = nil
	if files, err := Files(cat); err != nil || files != nil || Disallow(cat.Index, "") != nil {
		t.Errorf("without cms: %v %v", files, err)
	}
}
