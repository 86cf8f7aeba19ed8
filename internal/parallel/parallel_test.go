package parallel

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestForRunsEveryIndex(t *testing.T) {
	var seen [100]atomic.Bool
	if err := For(context.Background(), len(seen), func(i int) error {
		seen[i].Store(true)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if !seen[i].Load() {
			t.Errorf("index %d not run", i)
		}
	}
	if err := For(context.Background(), 0, func(int) error { return errors.New("called") }); err != nil {
		t.Errorf("n=0: %v", err)
	}
}

func TestForStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	var ran atomic.Int32
	err := For(context.Background(), 10000, func(i int) error {
		ran.Add(1)
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if ran.Load() == 10000 {
		t.Error("work went on after the error")
	}
}

func TestForStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	err := For(ctx, 10000, func(i int) error {
		if ran.Add(1) == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if ran.Load() == 10000 {
		t.Error("work went on after cancellation")
	}
}

// TestForWorkersGivesEachWorkerItsState: every index is handled once, by
// a worker whose state no other worker touches (go test -race checks
// that), and the states come back.
func TestForWorkersGivesEachWorkerItsState(t *testing.T) {
	const n = 1000
	states, err := ForWorkers(context.Background(), n, func() *[]int { return new([]int) },
		func(seen *[]int, i int) error {
			*seen = append(*seen, i)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	count := make([]int, n)
	for _, s := range states {
		for _, i := range *s {
			count[i]++
		}
	}
	for i, c := range count {
		if c != 1 {
			t.Fatalf("index %d handled %d times", i, c)
		}
	}
	if states, _ := ForWorkers(context.Background(), 0, func() int { return 7 }, func(int, int) error { return nil }); len(states) != 1 {
		t.Errorf("no work: %d states, want one to merge into", len(states))
	}
}
