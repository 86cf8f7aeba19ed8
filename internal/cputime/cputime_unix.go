//go:build linux || darwin

// Package cputime tells the CPU time the process has used, for the
// benchmarks that report CPU seconds beside wall time (on a busy machine
// the steadier figure).
package cputime

import (
	"syscall"
	"time"
)

// Process returns the CPU time (user + system) the process has used so
// far, and whether the system tells it.
func Process() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
