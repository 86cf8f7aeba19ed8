package load

import (
	"regexp"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// cmsKeys are the keys of the cms setting: Decap's own names, so that its
// documentation can be followed.
var cmsKeys = []string{"repo", "branch", "backend", "base_url", "auth_endpoint", "site_domain"}

var cmsBackends = []string{catalog.CMSGitHub, catalog.CMSTestRepo}

var (
	// GitHub's rules: an owner is letters, digits and single hyphens; a
	// repository name letters, digits, '.', '_' and '-'.
	repoRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}/[A-Za-z0-9._-]{1,100}$`)
	// A branch name without what git refuses or what would need quoting in
	// a URL: no spaces, no "..", no leading '-' or '/'.
	branchRE       = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._/-]{0,99}$`)
	authEndpointRE = regexp.MustCompile(`^/?[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*$`)
	hostRE         = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`)
)

// cms reads the cms setting of _index.md; nil when it is absent or unusable.
func (f *fields) cms(key string) *catalog.CMS {
	m := f.mapping(key, "{repo: forbundet/katalog, branch: main}")
	if m == nil {
		return nil
	}
	before := len(*f.diags)
	cf := newFields(f.file, f.src, f.diags, f.pos, key+".", m, cmsKeys)
	c := &catalog.CMS{Backend: catalog.CMSGitHub, Branch: "main"}
	if b := cf.text("backend", 40); b != "" {
		if !slices.Contains(cmsBackends, b) {
			cf.errAt(cf.values.of("backend"), key+".backend", msg.CMSBackendUnknown, b, diag.DidYouMean(b, cmsBackends),
				msg.New(msg.ValidList, strings.Join(cmsBackends, ", ")))
			c.Backend = ""
		} else {
			c.Backend = b
		}
	}
	if _, written := cf.pos[key+".repo"]; c.Backend == catalog.CMSGitHub && !written {
		// At the setting, not at the top of the file as for a missing top-level key.
		cf.errAt(m, key+".repo", msg.FieldRequired)
	}
	if r := cmsText(cf, key, "repo", 200, repoRE.MatchString, msg.CMSRepoInvalid); r != "" {
		c.Repo = r
	}
	if b := cmsText(cf, key, "branch", 200, branchOK, msg.CMSBranchInvalid); b != "" {
		c.Branch = b
	}
	c.BaseURL = strings.TrimSuffix(cf.webb("base_url"), "/")
	c.AuthEndpoint = cmsText(cf, key, "auth_endpoint", 200, authEndpointRE.MatchString, msg.CMSAuthEndpointInvalid)
	c.SiteDomain = cmsText(cf, key, "site_domain", 253, hostRE.MatchString, msg.CMSSiteDomainInvalid)
	if (*f.diags)[before:].HasErrors() {
		return nil
	}
	return c
}

// cmsText returns the text of the cms setting's name, or "" with the error id
// when ok refuses it.
func cmsText(cf *fields, key, name string, maxLen int, ok func(string) bool, id msg.ID) string {
	v := cf.text(name, maxLen)
	if v != "" && !ok(v) {
		cf.errAt(cf.values.of(name), key+"."+name, id, v)
		return ""
	}
	return v
}

// branchOK says whether b is a branch name git accepts and a URL needs no
// quoting for.
func branchOK(b string) bool {
	return branchRE.MatchString(b) && !strings.Contains(b, "..") && !strings.Contains(b, "//") &&
		!strings.HasSuffix(b, "/") && !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, ".lock")
}
