package publish

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func TestMinify(t *testing.T) {
	m := NewMinifier()
	tests := []struct{ name, in, want string }{
		{"a.html", "<!doctype html>\n<html lang=\"sv\">\n<head><title>T</title></head>\n<body>\n<p>  Hej   där  </p>\n<script type=\"application/ld+json\">{ \"a\" : 1 }</script>\n</body>\n</html>\n",
			`<!doctype html><html lang="sv"><head><title>T</title></head><body><p>Hej där</p><script type="application/ld+json">{"a":1}</script></body></html>`},
		{"a.css", "a {\n  color : red ;\n}\n", "a{color:red}"},
		{"a.js", "var  x = 1 ;\n", "var x=1"},
		{"a.json", "{ \"a\" : [ 1, 2 ] }\n", `{"a":[1,2]}`},
		// Numbers as written: 1000 used to become 1e3, a float to a reader
		// of the open data, and the search index's count of 10,000
		// documents 1e4.
		{"a.json", `{"platser": 1000, "docs": 10000, "x": 0.50}`, `{"platser":1000,"docs":10000,"x":0.50}`},
		{"a.html", `<script type="application/ld+json">{"n": 1000}</script>`, `<script type="application/ld+json">{"n":1000}</script>`},
		{"a.xml", "<?xml version=\"1.0\"?>\n<a>\n  <b>x</b>\n</a>\n", `<?xml version="1.0"?><a><b>x</b></a>`},
		{"a.txt", "  keep  ", "  keep  "},
	}
	for _, tt := range tests {
		got, err := m.Minify(tt.name, []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		var to bytes.Buffer
		if err := m.MinifyTo(&to, tt.name, []byte(tt.in)); err != nil || to.String() != tt.want {
			t.Errorf("%s: MinifyTo wrote %s, %v; want %s", tt.name, to.String(), err, tt.want)
		}
	}
}

// TestMinifyLeavesItsInputAlone: the build minifies one static file's
// bytes under two names (plain and fingerprinted), at once. The parser
// writes a NUL after its input when there is room and puts the byte back
// when done; given the shared bytes themselves, two minifications raced
// on that byte and one looped forever.
func TestMinifyLeavesItsInputAlone(t *testing.T) {
	m := NewMinifier()
	src := "function f(longName, other) { const inner = longName + other; return inner * 2; }\nexport { f };\n"
	data := make([]byte, len(src), len(src)+64) // room after it, as in a grown buffer
	copy(data, src)
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Go(func() {
			out, err := m.Minify("a.js", data)
			if err != nil {
				t.Error(err)
			}
			results[i] = out
		})
	}
	wg.Wait()
	if string(data) != src {
		t.Errorf("the input changed to %q", data)
	}
	for i, r := range results[1:] {
		if string(r) != string(results[0]) {
			t.Errorf("minification %d gave %q, the first %q", i+1, r, results[0])
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("css/samkat.css", []byte("a"))
	if !strings.HasPrefix(a, "css/samkat.") || !strings.HasSuffix(a, ".css") || len(a) != len("css/samkat.css")+11 {
		t.Errorf("Fingerprint = %q", a)
	}
	if a == Fingerprint("css/samkat.css", []byte("b")) {
		t.Error("different content, same fingerprint")
	}
}
