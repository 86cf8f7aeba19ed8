// Command gentables writes the search package's constants and tables into
// the browser engine (see search.JSTables):
//
//	go generate ./internal/search
package main

import (
	"fmt"
	"os"

	"github.com/samkat/samkat/internal/search"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gentables static/samkat-sokmotor.js")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err == nil {
		var out string
		if out, err = search.ReplaceJSTables(string(src)); err == nil {
			err = os.WriteFile(os.Args[1], []byte(out), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentables:", err)
		os.Exit(1)
	}
}
