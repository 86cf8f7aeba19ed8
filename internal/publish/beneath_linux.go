package publish

import "golang.org/x/sys/unix"

// openBeneath opens the path rel in the folder dirfd without following
// a symbolic link at any step and without leaving the folder (openat2
// with RESOLVE_NO_SYMLINKS and RESOLVE_BENEATH).
func openBeneath(dirfd int, rel string, flags int, mode uint32) (int, error) {
	how := unix.OpenHow{
		Flags:   uint64(flags),
		Mode:    uint64(mode),
		Resolve: unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_BENEATH,
	}
	return unix.Openat2(dirfd, rel, &how)
}
