package search

import (
	"fmt"
	"testing"
)

// TestRecentWordsChecked: words that share a slot of the worker's recent
// words are each known as themselves, however they take turns in it, and
// a word looked up again is the one learnt the first time.
func TestRecentWordsChecked(t *testing.T) {
	// Two words of each length class (short, 4 to 7 bytes, 8 or more)
	// that share a slot.
	var pairs [][2]string
	for _, form := range []string{"o%d", "ord%d", "arbetsträning%d"} {
		bySlot := map[uint]string{}
		for i := 0; ; i++ {
			word := fmt.Sprintf(form, i)
			if other, ok := bySlot[recentSlot(word)]; ok {
				pairs = append(pairs, [2]string{other, word})
				break
			}
			bySlot[recentSlot(word)] = word
		}
	}
	w := newWorker()
	first := map[string]*knownWord{}
	for round := range 3 {
		for _, p := range pairs {
			for _, word := range []string{p[0], p[1], p[1], p[0]} {
				// A piece of a buffer that changes, as the cutter's words are.
				buf := []byte(word)
				k := w.known(string(buf), nil)
				if k.spelling != word {
					t.Fatalf("round %d: %q is known as %q", round, word, k.spelling)
				}
				if f, ok := first[word]; ok && f != k {
					t.Fatalf("round %d: %q is known twice", round, word)
				}
				first[word] = k
			}
		}
	}
}
