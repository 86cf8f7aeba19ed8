package publish

import (
	"errors"
	"fmt"
	"github.com/samkat/samkat/internal/msg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Reason says why an output folder is refused.
type Reason int

const (
	IsCatalogue    Reason = iota + 1 // the output is the catalogue folder
	AboveCatalogue                   // the catalogue lies inside the output
	InsideSources                    // the output lies inside content/, layouts/, static/ or .git/
	NotAFolder                       // the output exists and is not a folder
	Busy                             // another build holds the output's lock
	InTheWay                         // a file samkat did not write is where the site needs one
)

// Refusal is an output folder, or a file in it, that samkat will not write.
// It is returned before anything in the output has changed.
type Refusal struct {
	Reason Reason
	Out    string // the output folder as given
	// Other is what the reason refers to: the catalogue folder, the source
	// folder the output lies in, or the file in the way.
	Other string
	// Detail is the default output folder (IsCatalogue, AboveCatalogue,
	// InsideSources), or what is in the way (InTheWay).
	Detail string
	// Count is, for InTheWay, how many files are in the way; Other and
	// Detail describe the first.
	Count int
}

func (r *Refusal) Error() string { return r.Message().In(msg.En) }

// Message is the refusal in words, in either language.
func (r *Refusal) Message() msg.Message {
	switch r.Reason {
	case IsCatalogue:
		return msg.New(msg.OutIsCatalogue, r.Out, r.Detail)
	case AboveCatalogue:
		return msg.New(msg.OutAboveCatalogue, r.Out, r.Other, r.Detail)
	case InsideSources:
		return msg.New(msg.OutInsideSources, r.Out, r.Other, r.Detail)
	case NotAFolder:
		return msg.New(msg.OutNotAFolder, r.Out)
	case Busy:
		return msg.New(msg.OutBusy, r.Out)
	case InTheWay:
		if r.Count > 1 {
			return msg.New(msg.OutInTheWayMany, r.Count, r.Out, r.Other, r.Detail)
		}
		return msg.New(msg.OutInTheWay, r.Other, r.Out, r.Detail)
	}
	return msg.New(msg.OutRefused, r.Out)
}

// KeptNotice is what a first build into a folder samkat did not make says
// about the entries it leaves alone.
func KeptNotice(out string, kept []string) msg.Message {
	const max = 8
	list := strings.Join(kept[:min(len(kept), max)], ", ")
	if len(kept) > max {
		return msg.New(msg.OutKeptMore, out, list, len(kept)-max)
	}
	return msg.New(msg.OutKept, out, list)
}

// sourceFolders are the folders of a catalogue the build reads, or that
// belong to its version control; the site may not be written inside them.
var sourceFolders = []string{"content", "layouts", "static", ".git"}

// CheckOutput refuses an output folder out for the catalogue in folder
// catalogue when writing there could destroy or mix into the sources: the
// catalogue folder itself, a folder that contains it, or one inside its
// content/, layouts/, static/ or .git/ folders. Symbolic links are
// resolved first, so a link to such a folder is refused too; a link to
// any other folder is written through, to its target.
func CheckOutput(catalogue, out string) error {
	def := filepath.Join(catalogue, "public")
	cat, err := resolve(catalogue)
	if err != nil {
		return fmt.Errorf("catalogue folder %s: %w", catalogue, err)
	}
	o, err := resolve(out)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	if info, err := os.Stat(o); err == nil && !info.IsDir() {
		return &Refusal{Reason: NotAFolder, Out: out}
	}
	if o == cat || sameFile(o, cat) {
		return &Refusal{Reason: IsCatalogue, Out: out, Other: catalogue, Detail: def}
	}
	if within(cat, o) || ancestorIs(cat, o) {
		return &Refusal{Reason: AboveCatalogue, Out: out, Other: catalogue, Detail: def}
	}
	for _, sub := range sourceFolders {
		if src := filepath.Join(cat, sub); within(o, src) || ancestorIs(o, src) {
			return &Refusal{Reason: InsideSources, Out: out, Other: sub + "/", Detail: def}
		}
	}
	return nil
}

// sameFile reports whether a and b both exist and are the same folder.
// It catches what comparing names does not: another spelling on a file
// system that ignores case, a hard-linked or bind-mounted folder.
func sameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}

// ancestorIs reports whether folder dir exists and is p or one of the
// existing folders above p.
func ancestorIs(p, dir string) bool {
	di, err := os.Stat(dir)
	if err != nil {
		return false
	}
	for cur := p; ; cur = filepath.Dir(cur) {
		if ci, err := os.Stat(cur); err == nil && os.SameFile(ci, di) {
			return true
		}
		if filepath.Dir(cur) == cur {
			return false
		}
	}
}

// within reports whether path p is folder dir or lies inside it; both are
// absolute and clean.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve returns p as an absolute path with the symbolic links of the
// part that exists resolved; the part that does not exist yet is appended
// as it is.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}
