package site

import (
	"testing"

	"github.com/samkat/samkat/internal/axis"
)

// TestAxisTexts: an axis is one entry in package axis plus its texts here,
// in every language.
func TestAxisTexts(t *testing.T) {
	for code, strs := range texts {
		for ax := range axis.All() {
			for _, key := range []string{ax.Label, ax.Title, ax.ValueTitle, ax.ValueIntro} {
				if _, ok := strs[key]; key != "" && !ok {
					t.Errorf("%s: axis %q: no text %q", code, ax.Name, key)
				}
			}
		}
	}
}
