package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/cputime"
	"github.com/samkat/samkat/internal/synth"
)

// BenchmarkEdit measures what an editor waits for in samkat serve: from
// saving one activity file of a synthetic catalogue (package synth) until
// the page of that activity, fetched over HTTP, shows the change, through
// the real samkat serve loop (Run, fsnotify, the rebuild, the page made on
// request). The page is fetched every millisecond, as a reloading browser
// would ask for it as soon as it can. Each iteration saves the other of
// two versions of the file; ms/edit is the mean wait, p50-ms/edit the
// median wait and max-ms/edit the longest (the first saves after the
// catalogue's first build also pay for collecting its garbage, so the
// mean of a few saves lies above what a long session of saves waits
// for), and cpu-ms/edit the CPU time (user and system, of the whole
// process) from the save until every rebuild it caused is done: a
// steadier figure than the wait on a busy machine.
//
// Run with (-short leaves out 10,000 activities):
//
//	go test ./internal/serve -run '^$' -bench Edit -benchmem
func BenchmarkEdit(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("watch/n=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("-short: only up to 1,000 activities")
			}
			e := newEditBench(b, n)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			url := "http://" + ln.Addr().String() + e.page
			s := New(Config{Dir: e.dir, Build: testOptions()})
			built := make(chan bool, 1)
			s.rebuilt = func(changed []string, ok bool) {
				if changed == nil {
					built <- ok
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Run(ctx, ln) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					b.Errorf("Run: %v", err)
				}
			}()
			if !<-built {
				b.Fatal("the synthetic catalogue does not build")
			}
			client := &http.Client{Transport: &http.Transport{}}
			defer client.CloseIdleConnections()
			var total, cpu time.Duration
			waits := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				cpu0, cpuOK := cputime.Process()
				want := e.save(b)
				deadline := e.saved.Add(2 * time.Minute)
				for shows(b, client, url, e.marker) != want {
					if time.Now().After(deadline) {
						b.Fatalf("%s did not change within 2 minutes of the save", url)
					}
					time.Sleep(time.Millisecond) // polling the page, as a reloading browser would
				}
				wait := time.Since(e.saved)
				total += wait
				waits = append(waits, wait)
				// Let a rebuild still running for a late event finish, so that
				// it does not count against the next edit.
				func() {
					s.buildMu.Lock()
					defer s.buildMu.Unlock()
				}()
				if cpu1, ok := cputime.Process(); ok && cpuOK {
					cpu += cpu1 - cpu0
				}
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/edit")
			slices.Sort(waits)
			b.ReportMetric(float64(waits[len(waits)/2].Microseconds())/1000, "p50-ms/edit")
			b.ReportMetric(float64(waits[len(waits)-1].Microseconds())/1000, "max-ms/edit")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/edit")
			}
		})
	}
}

// editBench is a synthetic catalogue in a folder, one of its activities,
// and the two versions of that activity's file that the iterations save.
type editBench struct {
	dir      string
	file     string // the activity file
	page     string // the URL path of its page
	marker   []byte // in the page of the changed version only
	versions [2][]byte
	next     int
	saved    time.Time // when the last save was made
}

func newEditBench(b testing.TB, n int) *editBench {
	b.Helper()
	src := synth.Catalogue(n)
	dir := filepath.Join(b.TempDir(), "catalogue")
	if err := os.CopyFS(dir, src); err != nil {
		b.Fatal(err)
	}
	names := synth.Activities(src)
	name := names[len(names)/2]
	marker := "En rad till, ändrad för mätningen."
	orig := src[name].Data
	changed := bytes.Replace(orig, []byte("\n## Syfte\n"), []byte("\n"+marker+"\n\n## Syfte\n"), 1)
	if bytes.Equal(orig, changed) {
		b.Fatalf("%s has no section to change", name)
	}
	slug := strings.TrimSuffix(path.Base(name), ".md")
	return &editBench{
		dir:      dir,
		file:     filepath.Join(dir, filepath.FromSlash(name)),
		page:     "/verksamheter/" + slug + "/",
		marker:   []byte(marker),
		versions: [2][]byte{orig, changed},
		next:     1,
	}
}

// save writes the other version of the activity and reports whether the
// page should now show the marker.
func (e *editBench) save(b testing.TB) bool {
	b.Helper()
	v := e.next
	e.next = 1 - v
	e.saved = time.Now()
	if err := os.WriteFile(e.file, e.versions[v], 0o644); err != nil {
		b.Fatal(err)
	}
	return v == 1
}

// shows fetches url and reports whether the page contains marker.
func shows(b testing.TB, client *http.Client, url string, marker []byte) bool {
	b.Helper()
	resp, err := client.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %s", url, resp.Status)
	}
	return bytes.Contains(body, marker)
}
