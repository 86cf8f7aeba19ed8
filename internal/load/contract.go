package load

import (
	"slices"

	"github.com/samkat/samkat/internal/catalog"
)

// More of the contract's field lists (see keys.go), for the Decap CMS form
// of package cms. They are the lists the parser itself checks against, so a
// field added to the contract cannot be forgotten there.

// ActivityRequired returns the keys every activity must have.
func ActivityRequired() []string { return slices.Clone(activityRequired) }

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
