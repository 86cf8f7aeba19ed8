package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// committedSchema is the schema of the repository's catalogue (content/)
// that the editor settings in .vscode/ point to.
const committedSchema = "../../.vscode/verksamhet.schema.json"

// TestCommittedSchema keeps the committed schema the one samkat schema
// makes for content/, like a golden file: after a change to content/_index.md
// or to the fields, run go test ./cmd/samkat -run TestCommittedSchema -update.
func TestCommittedSchema(t *testing.T) {
	code, stdout, stderr := runSamkat(t, "schema", "../..")
	if code != exitOK {
		t.Fatalf("samkat schema exited %d\n%s", code, stderr)
	}
	if *update {
		if err := os.WriteFile(committedSchema, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(committedSchema)
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("%s is not what samkat schema makes for content/; run go test ./cmd/samkat -run TestCommittedSchema -update and review the diff", committedSchema)
	}
	var settings struct {
		Schemas map[string][]string `json:"yaml.schemas"`
	}
	data, err := os.ReadFile("../../.vscode/settings.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &settings); err != nil {
		t.Fatalf(".vscode/settings.json: %v", err)
	}
	if _, ok := settings.Schemas["./.vscode/verksamhet.schema.json"]; !ok {
		t.Errorf(".vscode/settings.json does not map the schema: %v", settings.Schemas)
	}
}

func TestRunSchema(t *testing.T) {
	dir := catalogue(t)
	t.Run("stdout", func(t *testing.T) {
		code, stdout, stderr := runSamkat(t, "schema", dir)
		if code != exitOK || !json.Valid([]byte(stdout)) || !strings.Contains(stdout, `"Åmål"`) {
			t.Errorf("exit %d, stderr %q; want the catalogue's schema on stdout:\n%.300s", code, stderr, stdout)
		}
	})
	t.Run("-o after the folder", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "ny", "schema.json")
		code, stdout, stderr := runSamkat(t, "schema", dir, "-o", out)
		if code != exitOK || !strings.Contains(stdout, "skrev schemat till") {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil || !json.Valid(data) {
			t.Errorf("%s: %v, valid JSON: %v", out, err, json.Valid(data))
		}
	})
	t.Run("errors in an activity do not matter", func(t *testing.T) {
		if code, _, stderr := runSamkat(t, "schema", brokenCatalogue(t)); code != exitOK {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
	t.Run("a broken _index.md", func(t *testing.T) {
		broken := catalogue(t)
		if err := os.WriteFile(filepath.Join(broken, "content", "_index.md"), []byte("---\ntitel: X\nkommuner: [alla]\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runSamkat(t, "schema", broken)
		if code != exitContent || stdout != "" || !strings.Contains(stderr, "content/_index.md:") || !strings.Contains(stderr, "rätta dem") {
			t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant 1, nothing, and the index's errors", code, stdout, stderr)
		}
	})
	t.Run("not a catalogue", func(t *testing.T) {
		if code, _, _ := runSamkat(t, "schema", t.TempDir()); code != exitContent {
			t.Errorf("exit %d, want 1", code)
		}
	})
	t.Run("two folders", func(t *testing.T) {
		if code, _, _ := runSamkat(t, "schema", dir, dir); code != exitUsage {
			t.Errorf("exit %d, want 2", code)
		}
	})
}
