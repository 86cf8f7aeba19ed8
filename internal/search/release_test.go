package search

import (
	"context"
	"runtime"
	"testing"
	"unsafe"
	"weak"
)

// TestIndexLetsAnalysesGo checks that an index whose postings are all
// gathered holds no part of the analyses it was made of: the caller's
// copy is the only one, so that the analyses can be let go while the
// index's files are made (the cold build's live heap, see
// docs/performance.md). It fails if a term, a spelling or a tail's form
// of the index is a substring of an analysis, or if the index keeps the
// analyses themselves.
func TestIndexLetsAnalysesGo(t *testing.T) {
	docs := keptDocs(40)
	ix, analyses, err := BuildKeptReading(context.Background(), docs, nil, nil, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := make([]weak.Pointer[byte], len(analyses))
	for i, a := range analyses {
		data[i] = weak.Make(unsafe.StringData(a.data))
	}
	analyses = nil
	runtime.GC()
	runtime.GC()
	for i, p := range data {
		if p.Value() != nil {
			t.Errorf("document %d: its analysis is still reachable from the index", i)
		}
	}
	if _, _, _, err := ix.FilesKeeping(nil, nil); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(ix)
}
