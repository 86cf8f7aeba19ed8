// Package cms writes the web form for editors who do not use git: a Decap
// CMS admin page (admin/index.html) and its configuration (admin/config.yml),
// made from the catalogue when content/_index.md has a cms setting.
//
// The form is derived from the content format's field lists in package load
// (the lists the parser checks files against), so that every field of the
// contract has a widget and the form offers nothing the parser would refuse.
// The select widgets offer the values the catalogue declares. With
// publish_mode editorial_workflow every save in the form becomes a pull
// request, which the förbund's check workflow then checks like any other.
//
// Decap CMS itself is not part of samkat: the admin page loads it from a CDN
// at a pinned version, checked by a subresource-integrity hash. It is the
// only page of the site that loads a script from elsewhere.
package cms

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/route"
	"go.yaml.in/yaml/v3"
)

// Dir is the folder of the form in the built site.
const Dir = route.Admin

// The Decap CMS release the admin page loads, and the sha384 hash of its
// dist/decap-cms.js in base64, as the integrity attribute wants it. They
// change together: tests/browser installs the same version from npm and
// checks the hash against the package's file.
const (
	DecapVersion   = "3.16.3"
	DecapIntegrity = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
)

// DecapURL is where the admin page loads Decap CMS from: the CDN that
// Decap's own installation guide uses, at the pinned version.
const DecapURL = "https://unpkg.com/decap-cms@" + DecapVersion + "/dist/decap-cms.js"

// MediaFolder is where images uploaded through the form are committed: under
// static/, so that the build copies them to bilder/ in the site.
const MediaFolder = "static/bilder"

// Files returns the files of the form, by their path in the built site, or
// nil when the catalogue does not ask for one.
func Files(cat *catalog.Catalogue) (map[string][]byte, error) {
	if cat.Index == nil || cat.Index.CMS == nil {
		return nil, nil
	}
	conf, err := Config(cat)
	if err != nil {
		return nil, err
	}
	page, err := AdminPage(cat.Index)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{Dir + "config.yml": conf, Dir + "index.html": page}, nil
}

var adminPage = template.Must(template.New("admin").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{.Title}}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
</head>
<body>
<noscript><p>{{.NoScript}}</p></noscript>
{{.Script}}
</body>
</html>
`))

// decapScript is written as is: html/template would write the hash's "+"
// as "&#43;", which means the same but is not the hash as Decap publishes it.
const decapScript template.HTML = `<script src="` + DecapURL + `" integrity="` + DecapIntegrity + `" crossorigin="anonymous"></script>`

// AdminPage returns admin/index.html: the page that loads Decap CMS, which
// then reads config.yml next to it.
func AdminPage(ix *catalog.Index) ([]byte, error) {
	data := struct {
		Lang, Title, NoScript string
		Script                template.HTML
	}{
		Lang:     "sv",
		Title:    "Redigera – " + ix.Titel,
		NoScript: "Formuläret för redaktörer behöver JavaScript.",
		Script:   decapScript,
	}
	var b bytes.Buffer
	if err := adminPage.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("admin page: %w", err)
	}
	return b.Bytes(), nil
}

// config is admin/config.yml; field order is the order Decap's
// documentation uses, for a förbund's developer reading the file.
type config struct {
	Backend      backend      `yaml:"backend"`
	SiteURL      string       `yaml:"site_url,omitempty"`
	DisplayURL   string       `yaml:"display_url,omitempty"`
	Locale       string       `yaml:"locale"`
	PublishMode  string       `yaml:"publish_mode"`
	MediaFolder  string       `yaml:"media_folder"`
	PublicFolder string       `yaml:"public_folder"`
	Slug         slugConfig   `yaml:"slug"`
	Collections  []collection `yaml:"collections"`
}

type backend struct {
	Name           string            `yaml:"name"`
	Repo           string            `yaml:"repo,omitempty"`
	Branch         string            `yaml:"branch,omitempty"`
	BaseURL        string            `yaml:"base_url,omitempty"`
	AuthEndpoint   string            `yaml:"auth_endpoint,omitempty"`
	SiteDomain     string            `yaml:"site_domain,omitempty"`
	CommitMessages map[string]string `yaml:"commit_messages,omitempty"`
}

// slugConfig makes Decap derive file names as samkat does: ASCII, å ä ö
// folded to a a o.
type slugConfig struct {
	Encoding            string `yaml:"encoding"`
	CleanAccents        bool   `yaml:"clean_accents"`
	SanitizeReplacement string `yaml:"sanitize_replacement"`
}

type collection struct {
	Name            string   `yaml:"name"`
	Label           string   `yaml:"label"`
	LabelSingular   string   `yaml:"label_singular,omitempty"`
	Description     string   `yaml:"description,omitempty"`
	Folder          string   `yaml:"folder,omitempty"`
	Create          bool     `yaml:"create,omitempty"`
	Delete          *bool    `yaml:"delete,omitempty"`
	Slug            string   `yaml:"slug,omitempty"`
	IdentifierField string   `yaml:"identifier_field,omitempty"`
	Summary         string   `yaml:"summary,omitempty"`
	Extension       string   `yaml:"extension,omitempty"`
	Format          string   `yaml:"format,omitempty"`
	SortableFields  []string `yaml:"sortable_fields,omitempty"`
	Files           []file   `yaml:"files,omitempty"`
	Fields          []Field  `yaml:"fields,omitempty"`
}

type file struct {
	Name   string  `yaml:"name"`
	Label  string  `yaml:"label"`
	File   string  `yaml:"file"`
	Fields []Field `yaml:"fields"`
}

// Field is one widget of the form. Required is written only when false:
// Decap's default is required.
type Field struct {
	Label         string    `yaml:"label"`
	Name          string    `yaml:"name"`
	Widget        string    `yaml:"widget"`
	Required      *bool     `yaml:"required,omitempty"`
	Hint          string    `yaml:"hint,omitempty"`
	Default       any       `yaml:"default,omitempty"`
	Multiple      bool      `yaml:"multiple,omitempty"`
	Min           *int      `yaml:"min,omitempty"`
	Max           *int      `yaml:"max,omitempty"`
	ValueType     string    `yaml:"value_type,omitempty"`
	Step          int       `yaml:"step,omitempty"`
	Options       []Option  `yaml:"options,omitempty"`
	Format        string    `yaml:"format,omitempty"`
	DateFormat    string    `yaml:"date_format,omitempty"`
	TimeFormat    *bool     `yaml:"time_format,omitempty"`
	Pattern       []string  `yaml:"pattern,omitempty"`
	LabelSingular string    `yaml:"label_singular,omitempty"`
	Summary       string    `yaml:"summary,omitempty"`
	Collapsed     *bool     `yaml:"collapsed,omitempty"`
	Field         *Field    `yaml:"field,omitempty"`
	Fields        []Field   `yaml:"fields,omitempty"`
	Buttons       []string  `yaml:"buttons,omitempty"`
	Components    *[]string `yaml:"editor_components,omitempty"`
}

// Option is one choice of a select widget.
type Option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// Config returns admin/config.yml for the catalogue.
func Config(cat *catalog.Catalogue) ([]byte, error) {
	ix := cat.Index
	c := ix.CMS
	conf := config{
		Backend:      backend{Name: c.Backend},
		SiteURL:      ix.BaseURL,
		DisplayURL:   ix.BaseURL,
		Locale:       "sv",
		PublishMode:  "editorial_workflow",
		MediaFolder:  MediaFolder,
		PublicFolder: PublicFolder,
		Slug:         slugConfig{Encoding: "ascii", CleanAccents: true, SanitizeReplacement: "-"},
		Collections:  collections(cat),
	}
	if c.Backend == catalog.CMSGitHub {
		conf.Backend.Repo = c.Repo
		conf.Backend.Branch = c.Branch
		conf.Backend.BaseURL = c.BaseURL
		conf.Backend.AuthEndpoint = c.AuthEndpoint
		conf.Backend.SiteDomain = c.SiteDomain
		conf.Backend.CommitMessages = commitMessages
	}
	var b bytes.Buffer
	b.WriteString("# Written by samkat from content/_index.md (cms) and the content format;\n" +
		"# changes here are overwritten by the next build. See docs/formular.md.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(conf); err != nil {
		return nil, fmt.Errorf("admin/config.yml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("admin/config.yml: %w", err)
	}
	return b.Bytes(), nil
}

// commitMessages are Decap's commit messages in Swedish: they are the titles
// of the pull requests the reviewers see.
var commitMessages = map[string]string{
	"create":      "Ny {{collection}}: {{slug}}",
	"update":      "Ändrad {{collection}}: {{slug}}",
	"delete":      "Borttagen {{collection}}: {{slug}}",
	"uploadMedia": "Ny bild: {{path}}",
	"deleteMedia": "Borttagen bild: {{path}}",
}

// Disallow returns the paths robots.txt keeps crawlers out of: the form,
// under the path of baseurl. None when there is no form.
func Disallow(ix *catalog.Index, base string) []string {
	if ix == nil || ix.CMS == nil {
		return nil
	}
	return []string{sitePath(base) + Dir}
}

// PublicFolder is the address of the uploaded images as the form writes it
// into the Markdown. Links in bodies that start with "/" are addresses in
// the site, wherever it is published (docs/content-format.md), so this is
// where the build copies static/bilder/.
const PublicFolder = "/bilder"

// sitePath is the path of baseurl, ending in "/": where the site is
// published on its host.
func sitePath(base string) string {
	if u, err := url.Parse(base); err == nil && strings.HasPrefix(u.Path, "/") {
		return strings.TrimSuffix(u.Path, "/") + "/"
	}
	return "/"
}
