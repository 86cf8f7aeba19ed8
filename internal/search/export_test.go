package search

// SetTermFileSize makes ix's term files hold about n bytes, so that a
// small catalogue has large keys.
func SetTermFileSize(ix *Index, n int) { ix.termFileSize = n }

// Continued is continued, for the benchmarks' count of downloads.
func Continued(tok string) []string { return continued(tok) }

// MustBuild is mustBuild, for the tests outside the package.
var MustBuild = mustBuild
