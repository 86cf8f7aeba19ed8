//go:build !linux && !darwin

package serve

import "time"

// cpuTime is not known here: the benchmarks then report no cpu-ms/edit.
func cpuTime() (time.Duration, bool) { return 0, false }
