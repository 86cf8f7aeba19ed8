package pipeline

import (
	"bytes"
	"os"
)

// exeFileName is the state file that says which executable the last
// build's stamp hashed: its identity (exeIdentity) and the hash of its
// bytes, so that the next build by the same, unchanged file need not read
// and hash it again (some 13 ms at every start).
const exeFileName = "cache-exe"

// exeIdentity says which file the executable is, as the system sees it:
// its path, device, inode, size, modification and change times. A file
// written or replaced since has another: the change time is set by the
// system at every change, and cannot be set back. "" when it is not
// known (then the executable is hashed at every start).
func exeIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return fileIdentity(exe)
}

// exeSumFrom returns the hash of the executable: the one memo records
// for id when it names that file (id not ""), else hash's. next is the
// memo to keep for the next build, nil when memo is to stay as it is or
// nothing can be kept: id again after the hashing, so that a file
// changed while it was hashed is not recorded.
func exeSumFrom(memo []byte, id string, hash func() string, idAgain func() string) (sum string, next []byte) {
	if id != "" {
		if rest, ok := bytes.CutPrefix(memo, []byte(id+"\n")); ok && len(rest) > 0 {
			return string(rest), nil
		}
	}
	sum = hash()
	if sum == "" || id == "" || idAgain() != id {
		return sum, nil
	}
	return sum, []byte(id + "\n" + sum)
}
