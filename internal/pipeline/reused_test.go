package pipeline

// resultReused is res.Reused (a function, so that the benchmarks build
// on versions of the pipeline without it).
func resultReused(res Result) int { return res.Reused }
