package site

import (
	"reflect"
	"testing"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/synth"
)

// The values of a collected axis are those axis.Values gives, and each
// value's members those axis.Match finds, with spellings that differ only
// in case and accents among them.
func TestAxisDataAsAxis(t *testing.T) {
	fsys := keyCatalogue(t, 120)
	files := synth.Activities(fsys)
	setKey(t, fsys, files[5], "huvudman", "SAMORDNINGSFÖRBUNDET ÄLVSBORG")
	setKey(t, fsys, files[6], "huvudman", "Samordningsforbundet Alvsborg")
	in := keyInput(t, fsys, catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
	a := newAssembler(in)
	for ax := range axis.All() {
		ad := a.axisData(ax.Name)
		if want := ax.Values(a.ix, a.sorted); !reflect.DeepEqual(ad.values, want) {
			t.Errorf("%s: values %v, axis.Values %v", ax.Name, ad.values, want)
		}
		for j, v := range ad.values {
			var want []int32
			match := ax.Match(v.ID)
			for i := range a.acts {
				if match(a.acts[i].x) {
					want = append(want, int32(i))
				}
			}
			if !reflect.DeepEqual(ad.members[j], want) {
				t.Errorf("%s %s: members %v, axis.Match %v", ax.Name, v.ID, ad.members[j], want)
			}
		}
	}
}
