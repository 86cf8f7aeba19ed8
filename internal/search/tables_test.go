package search

import (
	"os"
	"testing"
)

// TestJSTablesCurrent: the browser engine has this package's tables (run
// go generate ./internal/search after changing them).
func TestJSTablesCurrent(t *testing.T) {
	const engine = "../../static/samkat-sokmotor.js"
	src, err := os.ReadFile(engine)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReplaceJSTables(string(src))
	if err != nil {
		t.Fatalf("%s: %v", engine, err)
	}
	if want != string(src) {
		t.Errorf("%s does not have the tables of internal/search: run go generate ./internal/search", engine)
	}
}
