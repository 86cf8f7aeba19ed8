//go:build race

package pipeline

// raceFactor scales the allocation ceilings of the cost tests: the race
// detector makes a build allocate about twice what it does without it.
const raceFactor = 2
