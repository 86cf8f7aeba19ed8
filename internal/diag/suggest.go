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
	return NewSuggester(-1).Suggest(word, candidates)
}

// SuggestBudget is the work a Suggester made for one file or one body may
// do: letters compared, about 16 million. A thousand unknown names against
// a thousand declared ones would otherwise cost a billion comparisons.
const SuggestBudget = 1 << 24

// A Suggester makes "did you mean" hints within a budget of work: once it is
// spent, Suggest returns "" and messages go on without the hint. It reuses
// its buffers; it is not safe for concurrent use.
type Suggester struct {
	budget    int // letters left to compare; negative: no limit
	wr, cr    []rune
	prev, cur []int
}

// NewSuggester returns a Suggester that may compare budget letters (any
// number when budget is negative).
func NewSuggester(budget int) *Suggester { return &Suggester{budget: budget} }

// Left returns the letters the Suggester may still compare (negative: no
// limit): a caller that sees it unchanged over some work knows that work
// made no suggestion within the budget, and spent none of it.
func (s *Suggester) Left() int { return s.budget }

// Spent reports whether the budget is used up.
func (s *Suggester) Spent() bool { return s.budget == 0 }

// Charge counts n units of work (a list built for a suggestion) against the
// budget.
func (s *Suggester) Charge(n int) {
	if s.budget > 0 {
		s.budget = max(0, s.budget-n)
	}
}

// Suggest is the package's Suggest within s's budget.
func (s *Suggester) Suggest(word string, candidates []string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return ""
	}
	s.wr = append(s.wr[:0], []rune(w)...)
	best, bestDist := "", -1
	for _, c := range candidates {
		if s.budget == 0 {
			return best
		}
		s.Charge(1)
		lc := strings.ToLower(c)
		n := utf8.RuneCountInString(lc)
		limit := max(2, n/3)
		var d int
		switch {
		case lc == w:
			d = 0
		case strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc):
			d = 1
		case len(s.wr)-n > limit || n-len(s.wr) > limit:
			// The distance is at least the difference in length.
			continue
		default:
			s.cr = s.cr[:0]
			for _, r := range lc {
				s.cr = append(s.cr, r)
			}
			s.Charge(len(s.wr) * len(s.cr))
			d = s.distance(s.wr, s.cr)
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

// DidYouMean is the package's DidYouMean within s's budget.
func (s *Suggester) DidYouMean(word string, candidates []string) msg.Message {
	if b := s.Suggest(word, candidates); b != "" {
		return msg.New(msg.DidYouMean, b)
	}
	return msg.Message{}
}

// distance is the Levenshtein edit distance between a and b, in runes.
func distance(a, b string) int {
	var s Suggester
	return s.distance([]rune(a), []rune(b))
}

func (s *Suggester) distance(ra, rb []rune) int {
	if len(ra) > 200 || len(rb) > 200 {
		// A typo suggestion for a huge string is pointless; keep cost bounded.
		return 1 << 30
	}
	if cap(s.prev) < len(rb)+1 {
		s.prev, s.cur = make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	prev, cur := s.prev[:len(rb)+1], s.cur[:len(rb)+1]
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
