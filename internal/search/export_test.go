package search

// SetTermFileSize makes term files hold about n bytes until the returned
// function is called, so that a small catalogue has large keys.
func SetTermFileSize(n int) (restore func()) {
	termFileSize = n
	return func() { termFileSize = TermFileSize }
}

// Continued is continued, for the benchmarks' count of downloads.
func Continued(tok string) []string { return continued(tok) }

// MustBuild is mustBuild, for the tests outside the package.
var MustBuild = mustBuild
