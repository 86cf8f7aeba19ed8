//go:build !race

package pipeline

// raceFactor scales the allocation ceilings of the cost tests (see
// race_on_test.go).
const raceFactor = 1
