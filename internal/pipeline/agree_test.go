package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/publish"
)

// TestCheckAndBuildAgree: check finds every problem of the content that
// would make build fail, with a file and line, and build fails on nothing
// check calls valid. The catalogues are values whose slug (the last part of
// an address) would be empty or shared, which build once failed on without
// a file, or dropped without a word.
func TestCheckAndBuildAgree(t *testing.T) {
	act := func(old, new string) string { return strings.Replace(hostileActivity, old, new, 1) }
	index := func(old, new string) string { return strings.Replace(hostileIndex, old, new, 1) }
	const g = "granskad: 2026-11-01"
	cases := []struct {
		name, index, activity string
		valid                 bool
	}{
		{"valid", hostileIndex, hostileActivity, true},
		{"huvudman a dash", hostileIndex, act(g, g+"\nhuvudman: \"–\""), false},
		{"huvudman in Greek letters", hostileIndex, act(g, g+"\nhuvudman: Ωμέγα"), false},
		{"huvudman with letters", hostileIndex, act(g, g+"\nhuvudman: \"– Borås stad –\""), true},
		{"remiss ???", hostileIndex, act(g, g+"\nremiss: [\"???\"]"), false},
		{"declared remiss a dash", index("finansiering: [Finsam]", "finansiering: [Finsam]\nremiss: [Vården, \"–\"]"), hostileActivity, false},
		{"function ???", index("[Samordnande insatser]", "[Samordnande insatser, \"???\"]"), hostileActivity, false},
		{"financing §§", index("[Finsam]", "[Finsam, \"§§\"]"), hostileActivity, false},
		{"function with a named id", index("[Samordnande insatser]", "[Samordnande insatser, {id: annat, namn: \"???\"}]"), hostileActivity, true},
		{"municipality !!!", index("[Borås, Mark]", "[Borås, Mark, \"!!!\"]"), hostileActivity, false},
		{"municipality in Cyrillic letters", index("[Borås, Mark]", "[Borås, Mark, Москва]"), hostileActivity, false},
		{"municipalities in two cases", index("[Borås, Mark]", "[Borås, Mark, mark]"), hostileActivity, false},
		{"municipalities with one address", index("[Borås, Mark]", "[Borås, Mark, Boras]"), hostileActivity, false},
		{"municipalities with one address, punctuation", index("[Borås, Mark]", "[Borås, Mark, \"Mark!\"]"), hostileActivity, false},
		{"look-alike municipalities", index("[Borås, Mark]", "[Borås, Mark, Mаrk]"), hostileActivity, false},
		{"function names in two cases", index("[Samordnande insatser]", "[Samordnande insatser, {id: annan, namn: samordnande insatser}]"), hostileActivity, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := hostileCatalogue(c.activity)
			fsys["content/_index.md"] = &fstest.MapFile{Data: []byte(c.index)}
			checked, checkErr := Check(context.Background(), fsys, testOptions())
			if checkErr != nil && !errors.Is(checkErr, ErrContent) {
				t.Fatalf("check: %v", checkErr)
			}
			var out publish.Mem
			built, buildErr := Site(context.Background(), fsys, &out, testOptions())
			if buildErr != nil && !errors.Is(buildErr, ErrContent) {
				t.Fatalf("build failed without a diagnostic: %v\ncheck said:\n%s", buildErr, diagText(checked))
			}
			if has := checked.Diagnostics.HasErrors(); has == c.valid {
				t.Errorf("check has errors: %v; want %v\n%s", has, !c.valid, diagText(checked))
			}
			if has := checked.Diagnostics.HasErrors(); has != (buildErr != nil) {
				t.Errorf("check has errors: %v; build failed: %v\ncheck:\n%s", has, buildErr != nil, diagText(checked))
			}
			if diagText(checked) != diagText(built) {
				t.Errorf("check and build say different things:\ncheck:\n%s\nbuild:\n%s", diagText(checked), diagText(built))
			}
			for _, d := range checked.Diagnostics {
				if d.Pos.File == "" || d.Pos.Line == 0 && d.Msg.ID != msg.IndexFirstSkipped {
					t.Errorf("diagnostic without file and line: %s", d.Msg)
				}
			}
		})
	}
}
