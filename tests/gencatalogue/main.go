// Command gencatalogue writes a synthetic catalogue of N activities (see
// package synth) to a folder, for the browser checks of a larger site and
// for timing whole builds (tests/bench/compare):
//
//	go run ./tests/gencatalogue -n 300 -o DIR
//	go run ./tests/gencatalogue -n 10000 -seed 2 -o DIR
//	go run ./tests/gencatalogue -n 320 -forbund 2 -o DIR
//
// DIR gets content/ (what samkat and the Hugo site in tests/bench/hugo
// read). The same -n and -seed write the same bytes. With -forbund K, the
// catalogue also has K förbund pages (content/forbund/), and every third
// activity names one of them, in turn: above 300 activities each gets a
// booklet of its own.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"testing/fstest"

	"github.com/samkat/samkat/internal/synth"
)

func main() {
	n := flag.Int("n", 300, "number of activities")
	seed := flag.Uint64("seed", 1, "random seed: another seed gives other activities of the same shape")
	forbund := flag.Int("forbund", 0, "number of förbund pages, each named by some activities")
	out := flag.String("o", "", "folder to write the catalogue to (must not exist)")
	flag.Parse()
	if *out == "" || *n < 0 || *forbund < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencatalogue [-n N] [-seed S] [-forbund K] -o DIR")
		os.Exit(2)
	}
	fsys := synth.Generate(*n, *seed)
	addForbund(fsys, *forbund)
	if err := os.CopyFS(*out, fsys); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}

// addForbund adds k förbund pages to fsys, and names them in every third
// activity, in turn.
func addForbund(fsys fstest.MapFS, k int) {
	if k == 0 {
		return
	}
	for j := range k {
		fsys[fmt.Sprintf("content/forbund/forbund-%d.md", j+1)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitel: Samordningsförbundet %d\nbeskrivning: Finansiell samordning.\n---\nFörbundet finansierar [verksamheterna](../../verksamheter/) i sina kommuner.\n", j+1)}
	}
	names := synth.Activities(fsys)
	slices.Sort(names)
	for i, name := range names {
		if i%3 == 0 {
			f := fsys[name]
			f.Data = append(fmt.Appendf(nil, "---\nforbund: forbund-%d", i/3%k+1), bytes.TrimPrefix(f.Data, []byte("---"))...)
		}
	}
}
