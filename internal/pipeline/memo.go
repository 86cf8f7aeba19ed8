package pipeline

import (
	"sync"

	"github.com/samkat/samkat/internal/site"
)

// keyMemo remembers keys made of comparable inputs from one build to the
// next, by the name of what each is the key of (a content file), so that
// a cache kept in memory (samkat serve) does not hash again, on every
// save, what did not change: the sum of each content file, its key, its
// body's key. It is updated in place: a save allocates only for what
// changed. A nil *keyMemo remembers nothing.
type keyMemo[K comparable] struct {
	mu  sync.Mutex
	by  map[string]*memoEntry[K]
	gen uint64 // the build using it (see start)
}

type memoEntry[K comparable] struct {
	in  K
	key site.Key
	gen uint64 // the last build that used it
}

func newKeyMemo[K comparable]() *keyMemo[K] { return &keyMemo[K]{by: map[string]*memoEntry[K]{}} }

// start begins a build's use of the memo.
func (m *keyMemo[K]) start() {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.gen++
	m.mu.Unlock()
}

// key returns the key of name with the inputs in, made by mk unless it
// is remembered.
func (m *keyMemo[K]) key(name string, in K, mk func(K) site.Key) site.Key {
	if m == nil {
		return mk(in)
	}
	m.mu.Lock()
	if e := m.by[name]; e != nil && e.in == in {
		e.gen = m.gen
		m.mu.Unlock()
		return e.key
	}
	m.mu.Unlock()
	k := mk(in)
	m.mu.Lock()
	m.by[name] = &memoEntry[K]{in: in, key: k, gen: m.gen}
	m.mu.Unlock()
	return k
}

// prune lets go of what the build using the memo did not use, so that
// the memo holds one catalogue's worth however many builds it serves.
func (m *keyMemo[K]) prune() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for name, e := range m.by {
		if e.gen != m.gen {
			delete(m.by, name)
		}
	}
}

// size returns how many keys the memo holds.
func (m *keyMemo[K]) size() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.by)
}
