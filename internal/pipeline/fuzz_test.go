package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// FuzzCheckActivity checks an activity file of any content in the hostile
// catalogue: check ends with diagnostics or none, every diagnostic names a
// file, and what it prints grows with the input, never out of proportion
// (a list of declared names repeated in every message did).
func FuzzCheckActivity(f *testing.F) {
	for _, s := range []string{
		hostileActivity,
		hostileActivity + "|" + strings.Repeat("a|", 60) + "\n|" + strings.Repeat("-|", 60) + "\nx\n",
		hostileActivity + strings.Repeat("## A\n", 20),
		hostileActivity + strings.Repeat("> ", 25) + "x\n",
		hostileActivity + strings.Repeat("[x](", 50) + "\n[a](saknas.md) [b](/saknas/)\n",
		strings.Replace(hostileActivity, "kommuner: [Borås]", "kommuner: [Boras, Okänd, Mark, Mark]", 1),
		strings.Replace(hostileActivity, "funktion: samordnande-insatser", "funktion: samordnande", 1),
		"---\nnamn: [[[[[]]]]]\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Check(context.Background(), hostileCatalogue(string(src)), testOptions())
		if err != nil && !errors.Is(err, ErrContent) {
			t.Fatalf("err = %v", err)
		}
		for _, d := range res.Diagnostics {
			if d.Pos.File == "" {
				t.Fatalf("a diagnostic without a file: %v", d)
			}
		}
		if text := diagText(res); len(text) > 64*len(src)+64<<10 {
			t.Fatalf("%d bytes of input gave %d bytes of diagnostics", len(src), len(text))
		}
	})
}
