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
