package site

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"maps"
	"slices"
)

// pageKey is pg's Key. For now every page's key is made of the whole
// input (see catalogueKey): correct, since a view is made of nothing
// else, but any change to any file changes every key.
func (a *assembler) pageKey(pg Page) Key {
	if a.in.FileKeys == nil {
		return Key{}
	}
	if a.whole == nil {
		k := a.catalogueKey()
		a.whole = &k
	}
	h := sha256.New()
	h.Write(a.whole[:])
	writeString(h, pg.Path)
	writeString(h, pg.URL)
	writeString(h, pg.Template)
	var k Key
	h.Sum(k[:0])
	return k
}

// catalogueKey hashes all of Input that a view can show: every content
// file's key, in the catalogue's order, and the options.
func (a *assembler) catalogueKey() Key {
	in := a.in
	h := sha256.New()
	writeString(h, "samkat site key 1")
	writeString(h, in.Cat.Index.File)
	writeKey(h, in.FileKeys[in.Cat.Index.File])
	writeInt(h, len(in.Cat.Activities))
	for _, x := range in.Cat.Activities {
		writeString(h, x.File)
		writeKey(h, in.FileKeys[x.File])
	}
	writeInt(h, len(in.Cat.Pages))
	for _, p := range in.Cat.Pages {
		writeString(h, p.File)
		writeKey(h, in.FileKeys[p.File])
	}
	writeString(h, in.Now.String())
	writeString(h, in.Version)
	if in.Drafts {
		writeString(h, "drafts")
	}
	for _, name := range slices.Sorted(maps.Keys(in.Assets)) {
		writeString(h, name)
		writeString(h, in.Assets[name])
	}
	writeInt(h, len(in.Data))
	for _, d := range in.Data {
		writeString(h, d.Label)
		writeString(h, d.Path)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// writeString writes s with its length, so that no two sequences of
// strings hash alike.
func writeString(h hash.Hash, s string) {
	writeInt(h, len(s))
	h.Write([]byte(s))
}

func writeInt(h hash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

func writeKey(h hash.Hash, k Key) { h.Write(k[:]) }
