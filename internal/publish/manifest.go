package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"

	"github.com/samkat/samkat/internal/msg"
)

// The state samkat keeps inside the output folder, in one hidden folder
// that is never part of the site and never in a manifest.
const (
	stateDir     = ".samkat"
	manifestName = stateDir + "/manifest.json" // what the last completed build wrote
	nextName     = stateDir + "/next.json"     // present only while a build moves its files in
	lockName     = stateDir + "/lock"          // held by the build writing the folder
	stagingDir   = stateDir + "/staging"       // the new and changed files of the build in progress
	oldDir       = stateDir + "/old"           // the previous versions of replaced and removed files, until the build is complete
	manifestTmp  = stateDir + "/manifest.tmp"
)

const manifestFormat = 1

// entry is one file a build wrote.
type entry struct {
	Size  int64  `json:"size"`
	Hash  string `json:"sha256"`
	MTime int64  `json:"mtime,omitempty"` // nanoseconds, as the file system reported after the write
	// Added marks, in the journal of a build in progress, a file that did
	// not exist before it: undoing the build removes it.
	Added bool `json:"added,omitempty"`
}

// manifest records every file of a site that samkat wrote: the files it
// may replace or remove. Everything else in the output folder is someone
// else's and is left alone.
type manifest struct {
	Format int              `json:"format"`
	Build  string           `json:"build"` // a random id, to tell a completed build from an interrupted one
	Files  map[string]entry `json:"files"`
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// hashFile returns the hash and size of the file name in root.
func hashFile(root *os.Root, name string) (string, int64, error) {
	f, err := root.Open(name)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// readManifest reads a manifest; ok is false when there is none.
func readManifest(root *os.Root, name string) (m manifest, ok bool, err error) {
	b, err := root.ReadFile(name)
	if os.IsNotExist(err) {
		return manifest{Files: map[string]entry{}}, false, nil
	}
	if err != nil {
		return m, false, err
	}
	m, fast := decodeManifest(b)
	if !fast {
		m = manifest{}
		err = json.Unmarshal(b, &m)
	}
	if err != nil || m.Format != manifestFormat {
		return m, false, msg.Errorf(msg.OutManifestDamaged, path.Join(root.Name(), name))
	}
	if m.Files == nil {
		m.Files = map[string]entry{}
	}
	return m, true, nil
}

// writeManifest writes m to name in one rename, so that name always holds
// a complete manifest.
func writeManifest(root *os.Root, name string, m manifest) error {
	if err := writeWhole(root, manifestTmp, name, encodeManifest(m)); err != nil {
		return err
	}
	return root.Rename(manifestTmp, name)
}

// writeWhole writes data to the file tmp in root, to be renamed to name
// (which errors name), and removes what it wrote when it fails. No fsync:
// the promise is against a build that dies, not a machine that loses
// power, and on ext4 an fsync here waits for every page of the site just
// written to reach the disk.
func writeWhole(root *os.Root, tmp, name string, data []byte) error {
	f, err := root.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		root.Remove(tmp)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
