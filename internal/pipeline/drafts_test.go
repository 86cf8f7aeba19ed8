package pipeline

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/publish"
)

// TestDrafts: an utkast: true activity is left out of a build, and shown,
// marked as a draft wherever it appears, in a preview with Drafts.
func TestDrafts(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	src["content/verksamheter/hemligt.md"] = &fstest.MapFile{Data: []byte(`---
namn: Hemligt projekt
funktion: specialresurser
kommuner: [Mark]
finansiering: [ordinarie]
granskad: 2026-11-01
utkast: true
kontakt:
  - epost: info@example.se
---
Text.
`)}
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if _, ok := files["verksamheter/hemligt/index.html"]; ok {
		t.Error("a draft was published")
	}
	for name, data := range files {
		if strings.Contains(string(data), "Hemligt projekt") {
			t.Errorf("%s names the draft", name)
		}
	}

	opt := testOptions()
	opt.Drafts = true
	var out publish.Mem
	if _, err := Site(context.Background(), src, &out, opt); err != nil {
		t.Fatal(err)
	}
	preview := out.Files()
	page := string(preview["verksamheter/hemligt/index.html"])
	if !strings.Contains(page, "Den här sidan är ett utkast och publiceras inte") {
		t.Errorf("the draft's page does not say it is a draft:\n%s", page)
	}
	home := string(preview["index.html"])
	if !strings.Contains(home, `Hemligt projekt</a> <span class="status status-utkast">(Utkast)</span>`) {
		t.Errorf("the matrix does not mark the draft:\n%s", home)
	}
	if !strings.Contains(home, "Förhandsvisning med utkast") {
		t.Error("the front page of a preview does not say drafts are shown")
	}
	list := string(preview["kommuner/mark/index.html"])
	if !strings.Contains(list, `Hemligt projekt</a> <span class="status status-utkast">Utkast</span>`) {
		t.Errorf("the municipality list does not mark the draft:\n%s", list)
	}
	if strings.Contains(string(preview["verksamheter/aktiv-vardag/index.html"]), "status-utkast") {
		t.Error("an activity that is not a draft is marked as one")
	}
}
