package overlay

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLaterLayersWin(t *testing.T) {
	builtin := fstest.MapFS{"a.css": {Data: []byte("1")}, "b.html": {Data: []byte("2")}, ".hidden": {Data: []byte("x")}}
	own := fstest.MapFS{"a.css": {Data: []byte("own")}, "c.css": {Data: []byte("3")}}
	got, err := Read("static", func(string) bool { return true }, builtin, nil, own)
	if err != nil {
		t.Fatal(err)
	}
	if string(got["a.css"]) != "own" || string(got["b.html"]) != "2" || string(got["c.css"]) != "3" || got[".hidden"] != nil {
		t.Errorf("got %q", got)
	}
	css, _ := Read("static", func(n string) bool { return strings.HasSuffix(n, ".css") }, builtin)
	if len(css) != 1 {
		t.Errorf("keep ignored: %q", css)
	}
}

func TestSymlinkIsRefused(t *testing.T) {
	layer := fstest.MapFS{"x.html": {Data: []byte("x"), Mode: fs.ModeSymlink}}
	_, err := Read("layouts", func(string) bool { return true }, layer)
	if err == nil || !strings.Contains(err.Error(), "layouts/x.html: only regular files") {
		t.Errorf("err = %v", err)
	}
}
