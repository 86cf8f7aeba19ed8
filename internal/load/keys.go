package load

import (
	"slices"

	"github.com/samkat/samkat/internal/diag"
	"go.yaml.in/yaml/v3"
)

// The keys an activity's frontmatter may have, for the JSON Schema of
// samkat schema (package schema), whose tests check that it describes
// exactly these. Each returns a copy, in documentation order.

// ActivityKeys returns the top-level keys of content/verksamheter/*.md.
func ActivityKeys() []string { return slices.Clone(activityKeys) }

// IndexKeys returns the top-level keys of content/_index.md.
func IndexKeys() []string { return slices.Clone(indexKeys) }

// ContactKeys returns the keys of one kontakt entry.
func ContactKeys() []string { return slices.Clone(contactKeys) }

// AlderKeys returns the keys of alder.
func AlderKeys() []string { return slices.Clone(alderKeys) }

// EmailPattern is the regular expression an epost must match.
func EmailPattern() string { return emailRE.String() }

// Frontmatter returns the frontmatter of src as the loader decodes it: the
// YAML mapping, or nil with the diagnostics that say why there is none.
func Frontmatter(file string, src []byte) (*yaml.Node, diag.List) {
	_, m, diags := frontmatterOf(file, src)
	return m, diags
}
