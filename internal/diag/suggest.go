package diag

import (
	"strings"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/msg"
)

// Suggest returns the candidate closest to word, for "did you mean" hints, or
// "" when none is close enough to be a plausible typo. Comparison ignores case.
// A candidate that word is a prefix of (kommun → kommuner) always qualifies.
func Suggest(word string, candidates []string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return ""
	}
	best, bestDist := "", -1
	wn := utf8.RuneCountInString(w)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		n := utf8.RuneCountInString(lc)
		limit := max(2, n/3)
		var d int
		switch {
		case lc == w:
			d = 0
		case strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc):
			d = 1
		case wn-n > limit || n-wn > limit:
			// The distance is at least the difference in length: many
			// unknown names against many candidates stay cheap.
			continue
		default:
			d = distance(w, lc)
		}
		if d > limit {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein edit distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		// A typo suggestion for a huge string is pointless; keep cost bounded.
		return 1 << 30
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// DidYouMean is the "; did you mean …?" tail of a message for word among
// candidates, or an empty message when none is close.
func DidYouMean(word string, candidates []string) msg.Message {
	if s := Suggest(word, candidates); s != "" {
		return msg.New(msg.DidYouMean, s)
	}
	return msg.Message{}
}
