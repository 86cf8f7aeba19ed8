package pipeline

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity is exeIdentity for the file name.
func fileIdentity(name string) string {
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return ""
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%q %d %d %d %d %d", name, uint64(st.Dev), uint64(st.Ino), st.Size, info.ModTime().UnixNano(), st.Ctim.Nano())
}
