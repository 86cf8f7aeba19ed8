package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// oddManifest lists files with names of every kind encoding/json treats
// apart: plain, quoted, escaped for HTML, control characters, non-ASCII,
// invalid UTF-8, the line separators it escapes.
func oddManifest() manifest {
	return manifestOf(
		"index.html", "verksamheter/lotsen/index.html", "a b/c.css",
		`q"uote.html`, `back\slash.txt`, "<script>.html", "a&b.html", "tab\there", "nl\n", "\x7f.txt",
		"åäö/Örebro.html", "日本.txt", "bad\xffutf8", "sep\u2028\u2029.txt", "",
	)
}

// plainManifest lists files with names that need no escape in JSON, as
// a site's are: read by the fast path.
func plainManifest() manifest {
	return manifestOf("index.html", "verksamheter/lotsen/index.html", "a b/c.css", "\x7f.txt", "åäö/Örebro.html", "日本.txt", "")
}

func manifestOf(names ...string) manifest {
	m := manifest{Format: manifestFormat, Build: "0123abcd", Files: map[string]entry{}}
	for i, name := range names {
		e := entry{Size: int64(i * 1000), Hash: hashOf([]byte(name))}
		switch i % 4 {
		case 1:
			e.MTime = 1764633600123456789
		case 2:
			e.MTime, e.Added = -5, true
		case 3:
			e.Added = true
		}
		m.Files[name] = e
	}
	m.Files["huge"] = entry{Size: 1<<63 - 1, Hash: "", MTime: -1 << 63}
	return m
}

// TestManifestAsJSON: the manifest is written with the bytes json.Marshal
// writes, and what is read back from them is what json.Unmarshal reads.
func TestManifestAsJSON(t *testing.T) {
	for _, m := range []manifest{
		plainManifest(),
		oddManifest(),
		{Format: manifestFormat, Build: "x", Files: map[string]entry{}},
		{Format: 7, Build: `b"<`, Files: nil},
	} {
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		got := encodeManifest(m)
		if !bytes.Equal(got, want) {
			t.Errorf("encoded:\n%s\njson.Marshal:\n%s", got, want)
		}
		var jm manifest
		if err := json.Unmarshal(want, &jm); err != nil {
			t.Fatal(err)
		}
		dm, ok := decodeManifest(got)
		if m.Files == nil {
			if ok {
				t.Error("a manifest with files: null read by the fast path")
			}
			continue
		}
		if !ok && !reflect.DeepEqual(m, oddManifest()) {
			t.Errorf("the manifest it wrote is not read back:\n%s", got)
		} else if ok && !reflect.DeepEqual(dm, jm) {
			t.Errorf("read back:\n%+v\njson.Unmarshal:\n%+v", dm, jm)
		}
	}
}

// TestManifestDecodedOnlyAsJSON: the fast reading of a manifest cut at
// every length, with each byte changed, or with a byte put in anywhere
// reads only what json.Unmarshal reads, and only when it reads it.
func TestManifestDecodedOnlyAsJSON(t *testing.T) {
	read, declined := 0, 0
	try := func(b []byte) {
		m, ok := decodeManifest(b)
		if !ok {
			declined++
			return
		}
		read++
		var jm manifest
		if err := json.Unmarshal(b, &jm); err != nil {
			t.Fatalf("read what json.Unmarshal refuses (%v):\n%q", err, b)
		}
		if !reflect.DeepEqual(m, jm) {
			t.Fatalf("read\n%+v\njson.Unmarshal reads\n%+v\nfrom\n%q", m, jm, b)
		}
	}
	for _, m := range []manifest{plainManifest(), oddManifest()} {
		good := encodeManifest(m)
		for n := range len(good) + 1 {
			try(good[:n])
		}
		for i := range good {
			for _, c := range []byte{'0', '9', '-', '"', '\\', '{', '}', ',', ':', ' ', 'x', 0x01, 0x80, 0xff} {
				b := bytes.Clone(good)
				b[i] = c
				try(b)
				ins := append(append(bytes.Clone(good[:i:i]), c), good[i:]...)
				try(ins)
			}
		}
		try(append(bytes.Clone(good), ' '))
	}
	if read == 0 || declined == 0 {
		t.Errorf("%d read, %d declined: want some of each", read, declined)
	}
}

// TestManifestReadInOtherForms: a manifest json.Unmarshal reads but the
// fast path does not (spaces, fields in another order, unknown fields,
// escapes) is read as encoding/json reads it; one it refuses, or of
// another format, is refused as damaged.
func TestManifestReadInOtherForms(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	want := manifest{Format: manifestFormat, Build: "id", Files: map[string]entry{
		"a.html":  {Size: 3, Hash: "abc", MTime: 9},
		"b\".txt": {Size: 1, Hash: "d", Added: true},
	}}
	for _, form := range []string{
		string(encodeManifest(want)),
		"{\n \"format\": 1, \"build\": \"id\",\n \"files\": {\"a.html\": {\"size\": 3, \"sha256\": \"abc\", \"mtime\": 9}, \"b\\\".txt\": {\"size\": 1, \"sha256\": \"d\", \"added\": true}}}\n",
		`{"files":{"b\u0022.txt":{"added":true,"sha256":"d","size":1},"a.html":{"mtime":9,"sha256":"abc","size":3,"other":[1]}},"build":"id","format":1}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, "m.json"), []byte(form), 0o644); err != nil {
			t.Fatal(err)
		}
		got, ok, err := readManifest(root, "m.json")
		if err != nil || !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read %+v, %v, %v; want %+v", form, got, ok, err, want)
		}
	}
	for _, bad := range []string{
		"", "{", `{"format":1,"build":"id","files":{}}x`, `{"format":2,"build":"id","files":{}}`,
		`{"format":1,"build":"id","files":{"a":{"size":1.5,"sha256":"x"}}}`, `{"format":1,"build":"i\d","files":{}}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, "m.json"), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := readManifest(root, "m.json"); err == nil {
			t.Errorf("%q read, want it refused as damaged", bad)
		}
	}
}

// BenchmarkManifest encodes and decodes a manifest of 11,000 files (a
// site of 10,000 activities) field by field, and with encoding/json for
// comparison.
func BenchmarkManifest(b *testing.B) {
	m := manifest{Format: manifestFormat, Build: "0123456789abcdef", Files: map[string]entry{}}
	for i := range 11000 {
		name := fmt.Sprintf("verksamheter/verksamhet-%d/index.html", i)
		m.Files[name] = entry{Size: int64(20000 + i), Hash: hashOf([]byte(name)), MTime: 1764633600123456789 + int64(i)}
	}
	data := encodeManifest(m)
	b.Run("write/fields", func(b *testing.B) {
		for b.Loop() {
			encodeManifest(m)
		}
	})
	b.Run("write/json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read/fields", func(b *testing.B) {
		for b.Loop() {
			if _, ok := decodeManifest(data); !ok {
				b.Fatal("not read")
			}
		}
	})
	b.Run("read/json", func(b *testing.B) {
		for b.Loop() {
			var got manifest
			if err := json.Unmarshal(data, &got); err != nil {
				b.Fatal(err)
			}
		}
	})
}
