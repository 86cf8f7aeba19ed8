package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary act as samkat itself when re-executed with
// SAMKAT_AS_MAIN=1, so that a real process can be killed mid-build.
func TestMain(m *testing.M) {
	if os.Getenv("SAMKAT_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, time.Now()))
	}
	os.Exit(m.Run())
}

// bigCatalogue writes a valid catalogue of n activities to a new folder.
func bigCatalogue(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	acts := filepath.Join(dir, "content", "verksamheter")
	if err := os.MkdirAll(acts, 0o755); err != nil {
		t.Fatal(err)
	}
	index := "---\ntitel: Stor\nkommuner: [Borås, Mark]\nfunktioner: [Samordnande insatser]\nfinansiering: [Finsam]\n---\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("Text om verksamheten, med [en länk](https://example.se/) och **fetstil**.\n\n", 40)
	for i := range n {
		act := fmt.Sprintf("---\nnamn: Verksamhet %d\nfunktion: samordnande-insatser\nkommuner: [Borås]\nfinansiering: [finsam]\nkontakt: [{telefon: 033-12 34 56}]\ngranskad: 2026-11-01\n---\n## Syfte\n\n%s", i, body)
		if err := os.WriteFile(filepath.Join(acts, fmt.Sprintf("v%05d.md", i)), []byte(act), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestKilledBuildLeavesOldSite kills a real build process with SIGKILL
// while it writes, then checks that the published site is the old one,
// byte for byte, with a foreign file still there, and that the next build
// removes the dead build's staging folder.
func TestKilledBuildLeavesOldSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large catalogue")
	}
	cat := bigCatalogue(t, 1000)
	out := filepath.Join(t.TempDir(), "public")
	samkat := func(ctx context.Context) *exec.Cmd {
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.CommandContext(ctx, exe, "build", "--now", "2026-11-22", "-o", out, cat)
		cmd.Env = append(os.Environ(), "SAMKAT_AS_MAIN=1")
		cmd.Stderr = io.Discard
		return cmd
	}
	if b, err := samkat(context.Background()).Output(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	if err := os.WriteFile(filepath.Join(out, "CNAME"), []byte("katalog.example.se\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	before := siteTree(t, out)
	// Change the catalogue, so that a completed second build would differ.
	index := filepath.Join(cat, "content", "_index.md")
	data, _ := os.ReadFile(index)
	if err := os.WriteFile(index, bytes.Replace(data, []byte("titel: Stor"), []byte("titel: Ny"), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := samkat(context.Background())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tmpPattern := filepath.Join(out, ".samkat", "staging")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m, _ := filepath.Glob(filepath.Join(tmpPattern, "verksamheter", "*")); len(m) > 0 {
			break // the second build is writing pages
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the second build never started writing")
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	now, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatalf("the published site is gone after the kill: %v", err)
	}
	if !bytes.Equal(now, old) {
		t.Fatal("the published front page changed although the build was killed")
	}
	if after := siteTree(t, out); !maps.Equal(after, before) {
		t.Errorf("the site changed although the build was killed: %d files, had %d", len(after), len(before))
	}
	if entries, _ := os.ReadDir(cat); len(entries) != 1 {
		t.Errorf("the catalogue folder holds %v after a killed build, want content/ only", entries)
	}
	if m, _ := filepath.Glob(tmpPattern); len(m) == 0 {
		t.Log("the build finished its writes before the kill; nothing to clean up")
	}
	if b, err := samkat(context.Background()).Output(); err != nil {
		t.Fatalf("build after the kill: %v\n%s", err, b)
	}
	if m, _ := filepath.Glob(tmpPattern); len(m) != 0 {
		t.Errorf("temporary folders left after the next build: %v", m)
	}
	if now, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Contains(now, []byte("Ny")) {
		t.Error("the build after the kill did not publish the new site")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "CNAME")); string(b) != "katalog.example.se\n" {
		t.Errorf("CNAME = %q after the builds", b)
	}
}

// siteTree reads every file of the output but samkat's own record.
func siteTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".samkat" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			files[p] = string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
