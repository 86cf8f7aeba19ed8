//go:build !linux && !darwin

package main

import "os"

// peakRSS is -1 where the process's peak memory is not known.
func peakRSS(*os.ProcessState) int64 { return -1 }
