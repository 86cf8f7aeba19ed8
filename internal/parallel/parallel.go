// Package parallel runs independent pieces of a build on all cores.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls f(0..n-1) on all cores and returns the first error. It
// stops handing out work after an error or when ctx is cancelled.
func For(ctx context.Context, n int, f func(i int) error) error {
	_, err := ForWorkers(ctx, n, func() struct{} { return struct{}{} },
		func(_ struct{}, i int) error { return f(i) })
	return err
}

// ForWorkers is For where each worker has a state of its own, made by
// newState and passed to every call it makes, so that caches and
// collections need no locks. It returns the states of all workers.
func ForWorkers[S any](ctx context.Context, n int, newState func() S, f func(state S, i int) error) ([]S, error) {
	workers := max(min(runtime.GOMAXPROCS(0), n), 1)
	states := make([]S, workers)
	next := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		states[w] = newState()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(states[w], i); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case err = <-errs:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err == nil {
		err = <-errs
	}
	return states, err
}
