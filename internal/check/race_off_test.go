//go:build !race

package check

// raceFactor scales the allocation ceilings of the tests (see
// race_on_test.go).
const raceFactor = 1
