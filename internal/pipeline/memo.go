package pipeline

import (
	"sync"

	"github.com/samkat/samkat/internal/site"
)

// keyMemo remembers keys made of comparable inputs from one build to the
// next, so that a cache kept in memory (samkat serve) does not hash
// again, on every save, what did not change: the key of each content
// file, of its body and of what the site makes of it. Each build keeps
// only the keys it used. A nil *keyMemo remembers nothing.
type keyMemo[K comparable] struct {
	prev map[K]site.Key // the last build's; read only
	mu   sync.Mutex
	used map[K]site.Key
}

// newKeyMemo returns a memo that knows the keys of prev.
func newKeyMemo[K comparable](prev map[K]site.Key) *keyMemo[K] {
	return &keyMemo[K]{prev: prev, used: make(map[K]site.Key, len(prev))}
}

// key returns the key of in, made by mk unless the last build made it.
func (m *keyMemo[K]) key(in K, mk func(K) site.Key) site.Key {
	if m == nil {
		return mk(in)
	}
	k, ok := m.prev[in]
	if !ok {
		k = mk(in)
	}
	m.mu.Lock()
	m.used[in] = k
	m.mu.Unlock()
	return k
}

// keys returns the keys this build used, for the next.
func (m *keyMemo[K]) keys() map[K]site.Key {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.used
}
