package search

// SetTermFileSize makes ix's term files hold about n bytes, so that a
// small catalogue has large keys.
func SetTermFileSize(ix *Index, n int) { ix.termFileSize = n }

// Continued is continued, for the benchmarks' count of downloads.
func Continued(tok string) []string { return continued(tok) }

// MustBuild is mustBuild, for the tests outside the package.
var MustBuild = mustBuild

// AnalysisEntries returns every list of a, each entry with its weight.
func AnalysisEntries(a *Analysis) [][]string {
	var out [][]string
	for list := range numLists {
		var entries []string
		for s, w := range a.entries(list) {
			entries = append(entries, s, string(rune('0'+w)))
		}
		out = append(out, entries)
	}
	return out
}

// SpelledTokens is spelledTokens: the words as appendTokens cuts them.
var SpelledTokens = spelledTokens

// CutWords returns the words of s as docTerms cuts them (wordCutter),
// each copied.
func CutWords(s string) []string { var c wordCutter; return cutWords(&c, s) }
