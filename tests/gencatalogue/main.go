// Command gencatalogue writes a synthetic catalogue of N activities (see
// package synth) to a folder, for the browser checks of a larger site and
// for timing whole builds (tests/bench/compare):
//
//	go run ./tests/gencatalogue -n 300 -o DIR
//	go run ./tests/gencatalogue -n 10000 -seed 2 -o DIR
//
// DIR gets content/ (what samkat and the Hugo site in tests/bench/hugo
// read). The same -n and -seed write the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/samkat/samkat/internal/synth"
)

func main() {
	n := flag.Int("n", 300, "number of activities")
	seed := flag.Uint64("seed", 1, "random seed: another seed gives other activities of the same shape")
	out := flag.String("o", "", "folder to write the catalogue to (must not exist)")
	flag.Parse()
	if *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencatalogue [-n N] [-seed S] -o DIR")
		os.Exit(2)
	}
	if err := os.CopyFS(*out, synth.Generate(*n, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}
