package markdown

import "strings"

// isBR reports whether raw HTML is a line break (<br>, <br/>, <br />), the
// tag that text pasted from a web page or an e-mail brings along; it gets
// its own message with the Markdown way to break a line.
func isBR(raw string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	return s == "<br>" || s == "<br/>"
}
