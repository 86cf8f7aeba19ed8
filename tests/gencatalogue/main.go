// Command gencatalogue writes a synthetic catalogue of N activities (see
// package synth) to a folder, for checking a larger site in the browser:
//
//	go run ./tests/gencatalogue -n 300 -o DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/samkat/samkat/internal/synth"
)

func main() {
	n := flag.Int("n", 300, "number of activities")
	out := flag.String("o", "", "folder to write the catalogue to (must not exist)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencatalogue [-n N] -o DIR")
		os.Exit(2)
	}
	if err := os.CopyFS(*out, synth.Catalogue(*n)); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}
