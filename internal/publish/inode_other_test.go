//go:build !unix

package publish

import "io/fs"

// inode is 0 where the file system has no inode numbers to compare.
func inode(info fs.FileInfo) uint64 { return 0 }
