package scaffold

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestYAMLValueRoundTrip: whatever the name, the written value reads back
// as the same text (or list of texts), on one line.
func TestYAMLValueRoundTrip(t *testing.T) {
	names := []string{
		"KRAFT-teamet", "Steg 1: arbete", "Ja", "no", "123", "0320-77 94 61", "2026-01-01",
		"# inte en kommentar", "a, b", "[x]", "{y}", `citat "så här"`, "'enkla'", "- lista",
		"Borås & Mark", "*stjärna", "!tagg", "@at", "%procent", "line\nbreak", "  utfyllt  ",
	}
	for _, n := range names {
		out, err := yamlValue(n)
		if err != nil {
			t.Fatalf("yamlValue(%q): %v", n, err)
		}
		if strings.Contains(out, "\n") {
			t.Errorf("yamlValue(%q) = %q spans lines", n, out)
		}
		var got string
		if err := yaml.Unmarshal([]byte("namn: "+out), &struct{ Namn *string }{&got}); err != nil || got != n {
			t.Errorf("namn: %s reads back as %q (%v), want %q", out, got, err, n)
		}
	}
	out, err := yamlValue(names)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := yaml.Unmarshal([]byte("kommuner: "+out), &struct{ Kommuner *[]string }{&got}); err != nil || !slices.Equal(got, names) {
		t.Errorf("kommuner: %s reads back as %q (%v)", out, got, err)
	}
	if _, err := yamlValue(3); err == nil {
		t.Error("yamlValue(3): want an error")
	}
}

func TestRenderActivityErrors(t *testing.T) {
	if _, err := RenderActivity("t.md", []byte("{{.Namn"), Activity{}); err == nil {
		t.Error("a template that does not parse: want an error")
	}
	if _, err := RenderActivity("t.md", []byte("{{.Saknas}}"), Activity{}); err == nil || !strings.Contains(err.Error(), "Saknas") {
		t.Errorf("an unknown variable: err %v, want one naming it", err)
	}
}
