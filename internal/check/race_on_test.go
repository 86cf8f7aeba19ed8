//go:build race

package check

// raceFactor scales the allocation ceilings of the tests: the race
// detector makes the checks allocate about twice what they do without it.
const raceFactor = 2
