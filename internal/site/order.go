package site

import (
	"slices"
	"strings"
	"sync"

	"github.com/samkat/samkat/internal/catalog"
)

// Order remembers the order of a catalogue's activities by name from one
// call of Paths or Assemble to the next: a caller that lists the pages of
// one catalogue after another that differs from it by a few files (samkat
// serve, after every save) checks the order of the last call, comparing
// only the neighbours of the activities whose name or slug changed,
// instead of sorting them all again (at 10,000 activities some 130,000
// comparisons of names in Swedish order).
// The order checked is taken only when it is the one a sort gives, so an
// Order changes no page; it only saves the sort when nothing moved. Its
// zero value is ready to use, and it is safe for concurrent use.
type Order struct {
	mu sync.Mutex
	// perm holds positions in the last catalogue's Activities, in the
	// order of byName; it is replaced, never changed in place, so that
	// what byName returned stays as it was.
	perm []int32
	// names and slugs are the name and slug of the activity at each of
	// perm, as they were when perm was found in order: two neighbours
	// whose name, slug and position are the same still are.
	names, slugs []string
	// sorts counts the sorts byName made (see Sorts).
	sorts int
}

// Sorts returns how many times the activities were sorted, rather than
// found in the order remembered, since o was made.
func (o *Order) Sorts() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.sorts
}

// byName returns the positions in acts of the activities ordered by name,
// then slug, then position: the order a stable sort by name and slug
// gives. With o, it starts from the order o remembers, and remembers the
// one it returns; the caller must not change it.
func (o *Order) byName(acts []*catalog.Activity) []int32 {
	var perm []int32
	if o != nil {
		o.mu.Lock()
		defer o.mu.Unlock()
		if len(o.perm) == len(acts) {
			if o.inOrder(acts) {
				return o.perm
			}
			// A name changed: the order before is nearly right, which the
			// sort below is quick for.
			perm = slices.Clone(o.perm)
		}
	}
	if perm == nil {
		perm = make([]int32, len(acts))
		for i := range perm {
			perm[i] = int32(i)
		}
	}
	slices.SortFunc(perm, func(i, j int32) int { return compareAt(acts, i, j) })
	if o != nil {
		o.sorts++
		o.perm = perm
		o.names, o.slugs = make([]string, len(perm)), make([]string, len(perm))
		for k, p := range perm {
			o.names[k], o.slugs[k] = acts[p].Namn, acts[p].Slug
		}
	}
	return perm
}

// compareAt orders the activities at positions i and j of acts by name,
// then slug, then position: no two positions compare equal, so there is
// one order, the one a stable sort by name and slug gives.
func compareAt(acts []*catalog.Activity, i, j int32) int {
	x, y := acts[i], acts[j]
	if c := catalog.Compare(x.Namn, y.Namn); c != 0 {
		return c
	}
	if c := strings.Compare(x.Slug, y.Slug); c != 0 {
		return c
	}
	return int(i) - int(j)
}

// inOrder reports whether o.perm, a permutation of the positions of
// acts, holds them in the order of compareAt, and then remembers their
// names and slugs. Two neighbours are compared only when one of them has
// another name or slug than when o.perm was last found in order (an
// unchanged string is most often the same one, which compares at once).
// Called with o.mu held.
func (o *Order) inOrder(acts []*catalog.Activity) bool {
	perm := o.perm
	same := func(k int) bool {
		x := acts[perm[k]]
		return x.Namn == o.names[k] && x.Slug == o.slugs[k]
	}
	for k := 1; k < len(perm); k++ {
		if same(k-1) && same(k) {
			continue
		}
		if compareAt(acts, perm[k-1], perm[k]) >= 0 {
			return false
		}
	}
	for k, p := range perm {
		o.names[k], o.slugs[k] = acts[p].Namn, acts[p].Slug
	}
	return true
}
