package load

import (
	"slices"

	"github.com/samkat/samkat/internal/catalog"
)

// The contract's field lists, for tools that describe it to editors (the
// Decap CMS form of package cms). They are the lists the parser itself
// checks against, so a field added to the contract cannot be forgotten there.

// ActivityKeys returns the frontmatter keys of an activity, in documentation order.
func ActivityKeys() []string { return slices.Clone(activityKeys) }

// ActivityRequired returns the keys every activity must have.
func ActivityRequired() []string { return slices.Clone(activityRequired) }

// ContactKeys returns the keys of one kontakt entry.
func ContactKeys() []string { return slices.Clone(contactKeys) }

// AlderKeys returns the keys of alder.
func AlderKeys() []string { return slices.Clone(alderKeys) }

// PageKeys returns the frontmatter keys of a page of the given kind.
func PageKeys(kind catalog.PageKind) []string {
	switch kind {
	case catalog.ForbundPage:
		return slices.Clone(pageKeys)
	case catalog.FinansieringPage, catalog.FunktionPage:
		// A förbund, financing or function page names its subject with namn,
		// as activities and axis entries do; titel is accepted as the same field.
		return []string{"namn", "titel", "beskrivning", "utkast"}
	}
	return []string{"titel", "beskrivning", "utkast"}
}
