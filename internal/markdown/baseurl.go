package markdown

import (
	"net/url"
	"strings"

	"github.com/samkat/samkat/internal/msg"
)

// CheckBaseURL returns why u, a web address that passed CheckWebURL, cannot
// be the address of the site (baseurl, --baseurl), or an empty message. The
// pages put the path of baseurl before every file they load, so an empty
// segment ("https://a.se//b.example/") would make it a protocol-relative
// address on another host, and a query or fragment would end up in the
// middle of every address.
func CheckBaseURL(u string) msg.Message {
	s := strings.TrimSpace(u)
	p, err := url.Parse(s)
	if err != nil {
		return msg.New(msg.LinkNotWeb)
	}
	_, rest, _ := strings.Cut(s, "://")
	_, path, hasPath := strings.Cut(rest, "/")
	path, _, _ = strings.Cut(path, "#")
	path, _, _ = strings.Cut(path, "?")
	switch {
	case strings.Contains(rest, `\`):
		return msg.New(msg.BaseURLBackslash)
	case hasPath && (strings.HasPrefix(path, "/") || strings.Contains(path, "//") || strings.Contains(p.Path, "//")):
		return msg.New(msg.BaseURLEmptySegment)
	case p.RawQuery != "" || p.ForceQuery:
		return msg.New(msg.BaseURLQuery, p.RawQuery)
	case p.Fragment != "" || strings.Contains(s, "#"):
		return msg.New(msg.BaseURLFragment, p.Fragment)
	}
	return msg.Message{}
}
