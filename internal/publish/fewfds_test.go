//go:build linux

package publish

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestFewDescriptors: where the process may open only a few files more
// than it has open, a build of many folders, and one into it that keeps
// its files, still write and commit: the folders kept open are fewer, and
// when the system refuses a descriptor the idle ones are closed.
func TestFewDescriptors(t *testing.T) {
	if os.Getenv("SAMKAT_TEST_FEW_FDS") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFewDescriptors$", "-test.v")
		cmd.Env = append(os.Environ(), "SAMKAT_TEST_FEW_FDS="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip(err)
	}
	limit := uint64(len(entries) + 12)
	if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &unix.Rlimit{Cur: limit, Max: limit}); err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(os.Getenv("SAMKAT_TEST_FEW_FDS"), "public")
	files := map[string]string{}
	for i := range 300 {
		files[fmt.Sprintf("v/a%d/index.html", i)] = "x"
		files[fmt.Sprintf("k/b%d/c%d/index.html", i%7, i)] = "y"
	}
	write(t, dir, files)
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if err := tx.Keep(name); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 50 {
		if err := tx.WriteFile(fmt.Sprintf("n/d%d/index.html", i), []byte("z")); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := tx.Commit(); err != nil || st.Written != 50 {
		t.Fatalf("%+v, %v", st, err)
	}
}
