// Package samkat holds the built-in layouts and static files, compiled into
// the binary so that `samkat` can build any catalogue folder. The embedding
// file has to sit at the module root because //go:embed cannot reach "..".
package samkat

import (
	"embed"
	"io/fs"
)

// "all:" because a plain directory pattern skips names starting with "_",
// which would leave out layouts/_partials.
//
//go:embed all:layouts
var layouts embed.FS

//go:embed all:static
var static embed.FS

// Layouts returns the built-in html/template files (the repository's layouts/).
func Layouts() fs.FS { return mustSub(layouts, "layouts") }

// Static returns the built-in static files (the repository's static/).
func Static() fs.FS { return mustSub(static, "static") }

func mustSub(f embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		// Unreachable: dir is embedded above, so Sub cannot fail.
		panic(err)
	}
	return sub
}
