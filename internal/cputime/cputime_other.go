//go:build !linux && !darwin

// Package cputime tells the CPU time the process has used, for the
// benchmarks that report CPU seconds beside wall time (on a busy machine
// the steadier figure).
package cputime

import "time"

// Process is not known here: the benchmarks then report no CPU time.
func Process() (time.Duration, bool) { return 0, false }
