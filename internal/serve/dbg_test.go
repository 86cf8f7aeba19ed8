package serve

import (
	"context"
	"net"
	"net/http"
	"os"
	"runtime"
	"testing"
	"time"
)

func TestDbgEdits(t *testing.T) {
	e := newEditBench(t, 1000)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	url := "http://" + ln.Addr().String() + e.page
	s := New(Config{Dir: e.dir, Build: testOptions(), Stdout: os.Stderr, Stderr: os.Stderr})
	built := make(chan bool, 100)
	var ms runtime.MemStats
	s.rebuilt = func(changed []string, ok bool) {
		prev := ms.TotalAlloc
		n := ms.NumGC
		runtime.ReadMemStats(&ms)
		t.Logf("rebuilt ok=%v alloc %d MB, gcs %d", ok, (ms.TotalAlloc-prev)>>20, ms.NumGC-n)
		if changed == nil {
			built <- ok
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	defer func() { cancel(); <-done }()
	<-built
	client := &http.Client{}
	for i := 0; i < 16; i++ {
		want := e.save(t)
		for shows(t, client, url, e.marker) != want {
			time.Sleep(time.Millisecond)
		}
		t.Logf("shown after %v", time.Since(e.saved))
		time.Sleep(300 * time.Millisecond)
	}
}
