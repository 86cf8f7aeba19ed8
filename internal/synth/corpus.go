package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Bodies returns the Markdown bodies of the .md files below each of roots
// and of the activities of three generated catalogues of n activities
// (seeds 1 to 3), by name: the tests that compare two ways of rendering a
// body run over them. A file's front matter is left as blank lines, as the
// loader leaves it, so that line N of a body is line N of its file.
func Bodies(roots []string, n int) (map[string][]byte, error) {
	bodies := map[string][]byte{}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			bodies[path] = blankFrontMatter(data)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for seed := uint64(1); seed <= 3; seed++ {
		for name, f := range Generate(n, seed) {
			if strings.HasSuffix(name, ".md") {
				bodies[name+"#"+strconv.FormatUint(seed, 10)] = blankFrontMatter(f.Data)
			}
		}
	}
	return bodies, nil
}

// blankFrontMatter returns data with the lines of its front matter, if it
// has one, left blank.
func blankFrontMatter(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return data
	}
	end := bytes.Index(data[4:], []byte("\n---\n"))
	if end < 0 {
		return data
	}
	fm := data[:4+end+5]
	return append(bytes.Repeat([]byte("\n"), bytes.Count(fm, []byte("\n"))), data[len(fm):]...)
}
