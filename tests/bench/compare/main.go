// Command compare times samkat build against Hugo on the same synthetic
// catalogue (package synth), as whole processes:
//
//	go run ./tests/bench/compare -n 10000 -runs 5
//	go run ./tests/bench/compare -n 30000 -runs 3 -only samkat
//	go run ./tests/bench/compare -n 10000 -runs 5 -rebuild
//
// It writes the catalogue of -n activities into a temporary folder, builds
// samkat from this module (go build ./cmd/samkat) and finds Hugo (-hugo, else
// hugo on the PATH, else $(go env GOPATH)/bin/hugo; the figures in
// docs/performance.md are of Hugo v0.165.0, from
// go install github.com/gohugoio/hugo@v0.165.0). Hugo builds the site in
// tests/bench/hugo, which makes the pages of samkat's that have a
// counterpart in Hugo, from the same content/.
//
// Each tool builds once to warm up (the page cache, the binaries), then
// -runs times, the two alternating (samkat first in odd pairs, Hugo first in
// even ones) so that a slow minute of a shared machine falls on both:
//
//	samkat build -o FRESH CATALOGUE
//	hugo --minify -s SITE --contentDir CATALOGUE/content -d FRESH --quiet
//
// each into a new, empty folder, removed after it is measured. For every run
// it prints the wall time, the CPU time (user + system, and the system's
// part of it), the peak resident memory of the process (from its rusage;
// where the system has no peak figure it shows "-"), and the files and
// bytes it wrote; then the medians, and samkat's figure divided by Hugo's, pair by pair: the median
// of the pair ratios and their range.
//
// -only samkat times samkat alone. -rebuild times samkat alone building
// into its previous output after one activity changed (the file alternates
// between two versions, as in BenchmarkRebuild); "files" is then how many
// files the build wrote.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/synth"
)

func main() {
	n := flag.Int("n", 10000, "number of activities")
	seed := flag.Uint64("seed", 1, "seed of the synthetic catalogue")
	runs := flag.Int("runs", 5, "timed runs of each tool, after one warm-up each")
	only := flag.String("only", "", `"samkat" to time samkat alone`)
	rebuild := flag.Bool("rebuild", false, "time samkat alone, rebuilding into its previous output after one activity changed")
	hugoBin := flag.String("hugo", "", "the hugo binary (default: hugo on the PATH, else $(go env GOPATH)/bin/hugo)")
	samkatBin := flag.String("samkat", "", "a samkat binary to time instead of building this module's")
	keep := flag.Bool("keep", false, "keep the temporary folder (catalogue, binaries, Hugo site) and print its path")
	flag.Parse()
	if flag.NArg() > 0 || *n < 1 || *runs < 1 || (*only != "" && *only != "samkat") {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*n, *seed, *runs, *only == "samkat" || *rebuild, *rebuild, *hugoBin, *samkatBin, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, runs int, samkatOnly, rebuild bool, hugoBin, samkatBin string, keep bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if !samkatOnly {
		if hugoBin, err = findHugo(hugoBin); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp("", "samkat-compare-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("temporary folder:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	catalogue := filepath.Join(tmp, "catalogue")
	src := synth.Generate(n, seed)
	if err := os.CopyFS(catalogue, src); err != nil {
		return fmt.Errorf("write the catalogue: %w", err)
	}
	inFiles, in, err := tree(filepath.Join(catalogue, "content"))
	if err != nil {
		return err
	}
	if samkatBin == "" {
		samkatBin = filepath.Join(tmp, "samkat")
		build := exec.Command("go", "build", "-o", samkatBin, "./cmd/samkat")
		build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/samkat: %w", err)
		}
	}
	fmt.Printf("catalogue: %d activities, seed %d: %d files, %d bytes in content/\n", n, seed, inFiles, in)
	fmt.Printf("samkat:    %s (%s)\n", samkatBin, version(samkatBin, "version"))

	samkat := tool{name: "samkat", cmd: func(out string) []string {
		return []string{samkatBin, "build", "-o", out, catalogue}
	}}
	if rebuild {
		return timeRebuild(tmp, catalogue, src, samkat, runs)
	}
	tools := []tool{samkat}
	if !samkatOnly {
		site := filepath.Join(tmp, "hugo-site")
		if err := os.CopyFS(site, os.DirFS(filepath.Join(root, "tests", "bench", "hugo"))); err != nil {
			return fmt.Errorf("copy the Hugo site: %w", err)
		}
		fmt.Printf("hugo:      %s (%s)\n", hugoBin, version(hugoBin, "version"))
		tools = append(tools, tool{name: "hugo", cmd: func(out string) []string {
			return []string{hugoBin, "--minify", "-s", site, "--contentDir", filepath.Join(catalogue, "content"), "-d", out, "--quiet"}
		}})
	}
	fmt.Printf("runs:      1 warm-up + %d each, alternating, each into a fresh folder, kept until the end\n\n", runs)

	outs := filepath.Join(tmp, "out")
	fresh := func(t tool, i int) (measure, error) {
		out := filepath.Join(outs, fmt.Sprintf("%s-%d", t.name, i))
		m, err := t.run(out)
		if err != nil {
			return m, err
		}
		// The outputs stay until the end: on ext4, a tree deleted just
		// before a build makes each file that build creates slower (the
		// kernel looks past recently deleted inodes), which would charge
		// one tool for the other's clean-up.
		m.files, m.bytes, err = tree(out)
		return m, err
	}
	for _, t := range tools {
		if _, err := fresh(t, 0); err != nil {
			return err
		}
	}
	results := make([][]measure, len(tools))
	printHeader()
	for i := 1; i <= runs; i++ {
		order := []int{0, 1}
		if i%2 == 0 {
			order = []int{1, 0}
		}
		for _, k := range order {
			if k >= len(tools) {
				continue
			}
			m, err := fresh(tools[k], i)
			if err != nil {
				return err
			}
			results[k] = append(results[k], m)
			m.print(tools[k].name, fmt.Sprint(i))
		}
	}
	fmt.Println()
	printHeader()
	for k, t := range tools {
		medians(results[k]).print(t.name, "median")
	}
	if len(tools) == 2 {
		fmt.Println()
		ratios(results[0], results[1])
	}
	return nil
}

// timeRebuild builds the catalogue once into an output folder, then runs
// times changes one activity and builds into the same folder again.
func timeRebuild(tmp, catalogue string, src fstest.MapFS, samkat tool, runs int) error {
	names := synth.Activities(src)
	name := names[len(names)/2]
	orig := src[name].Data
	changed := bytes.Replace(orig, []byte("\n## Syfte\n"), []byte("\nEn rad till, ändrad för mätningen.\n\n## Syfte\n"), 1)
	file := filepath.Join(catalogue, filepath.FromSlash(name))
	out := filepath.Join(tmp, "out", "site")
	fmt.Printf("runs:      a first build, 1 warm-up + %d rebuilds into it, each after %s changed\n\n", runs, name)
	if _, err := samkat.run(out); err != nil {
		return err
	}
	versions := [2][]byte{changed, orig}
	var results []measure
	printHeader()
	for i := 0; i <= runs; i++ {
		if err := os.WriteFile(file, versions[i%2], 0o644); err != nil {
			return err
		}
		start := time.Now()
		m, err := samkat.run(out)
		if err != nil {
			return err
		}
		if m.files, m.bytes, err = writtenSince(out, start); err != nil {
			return err
		}
		if i == 0 {
			continue // the warm-up
		}
		results = append(results, m)
		m.print("samkat", fmt.Sprint(i))
	}
	fmt.Println()
	printHeader()
	medians(results).print("samkat", "median")
	return nil
}

type tool struct {
	name string
	cmd  func(out string) []string
}

// measure is one run of one tool.
type measure struct {
	wall, cpu time.Duration
	sys       time.Duration // the system's part of cpu: mostly writing files
	peak      int64         // bytes; -1 when the system does not say
	files     int
	bytes     int64
}

// run runs the tool's command for the output folder out and measures it.
// Its output is kept only to be shown when it fails.
func (t tool) run(out string) (measure, error) {
	argv := t.cmd(out)
	cmd := exec.Command(argv[0], argv[1:]...)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measure{}, fmt.Errorf("%s: %w\n%s", strings.Join(argv, " "), err, tail(output.String(), 2000))
	}
	ps := cmd.ProcessState
	return measure{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), sys: ps.SystemTime(), peak: peakRSS(ps)}, nil
}

func printHeader() {
	fmt.Printf("%-7s %-7s %9s %9s %9s %10s %8s %12s\n", "tool", "run", "wall s", "cpu s", "of it sys", "peak MiB", "files", "bytes")
}

func (m measure) print(name, run string) {
	peak := "-"
	if m.peak >= 0 {
		peak = fmt.Sprintf("%.1f", float64(m.peak)/(1<<20))
	}
	fmt.Printf("%-7s %-7s %9.2f %9.2f %9.2f %10s %8d %12d\n", name, run, m.wall.Seconds(), m.cpu.Seconds(), m.sys.Seconds(), peak, m.files, m.bytes)
}

// medians returns the median of each figure over the runs.
func medians(ms []measure) measure {
	pick := func(f func(measure) float64) float64 {
		xs := make([]float64, len(ms))
		for i, m := range ms {
			xs[i] = f(m)
		}
		return median(xs)
	}
	return measure{
		wall:  time.Duration(pick(func(m measure) float64 { return float64(m.wall) })),
		cpu:   time.Duration(pick(func(m measure) float64 { return float64(m.cpu) })),
		sys:   time.Duration(pick(func(m measure) float64 { return float64(m.sys) })),
		peak:  int64(pick(func(m measure) float64 { return float64(m.peak) })),
		files: int(pick(func(m measure) float64 { return float64(m.files) })),
		bytes: int64(pick(func(m measure) float64 { return float64(m.bytes) })),
	}
}

// ratios prints samkat's figures divided by Hugo's, run i by run i: the
// median and the range of the pair ratios.
func ratios(a, b []measure) {
	fmt.Println("samkat / hugo, pair by pair: median (min–max)")
	for _, f := range []struct {
		name string
		get  func(measure) float64
	}{
		{"wall", func(m measure) float64 { return float64(m.wall) }},
		{"cpu", func(m measure) float64 { return float64(m.cpu) }},
		{"peak", func(m measure) float64 { return float64(m.peak) }},
		{"bytes", func(m measure) float64 { return float64(m.bytes) }},
	} {
		var rs []float64
		for i := range min(len(a), len(b)) {
			if x, y := f.get(a[i]), f.get(b[i]); x >= 0 && y > 0 {
				rs = append(rs, x/y)
			}
		}
		if len(rs) == 0 {
			fmt.Printf("  %-6s -\n", f.name)
			continue
		}
		fmt.Printf("  %-6s %.2f (%.2f–%.2f)\n", f.name, median(rs), slices.Min(rs), slices.Max(rs))
	}
}

func median(xs []float64) float64 {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

// tree returns the number of files below dir and their bytes.
func tree(dir string) (files int, size int64, err error) {
	return countFiles(dir, time.Time{})
}

// writtenSince returns the number of files below dir changed at or after
// start, and their bytes.
func writtenSince(dir string, start time.Time) (files int, size int64, err error) {
	// File times can be coarser than the clock: count from the tick before.
	return countFiles(dir, start.Add(-10*time.Millisecond))
}

// countFiles counts the files below dir changed at or after since (every
// file when since is zero) and their bytes.
func countFiles(dir string, since time.Time) (files int, size int64, err error) {
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if since.IsZero() || !info.ModTime().Before(since) {
			files++
			size += info.Size()
		}
		return nil
	})
	return files, size, err
}

// moduleRoot is the folder of this module's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run this inside the samkat module (go run ./tests/bench/compare)")
	}
	return filepath.Dir(mod), nil
}

// findHugo returns the hugo binary: the one given, else hugo on the PATH,
// else the one go install puts in $(go env GOPATH)/bin.
func findHugo(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	if p, err := exec.LookPath("hugo"); err == nil {
		return p, nil
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		for _, dir := range filepath.SplitList(strings.TrimSpace(string(out))) {
			p := filepath.Join(dir, "bin", "hugo")
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p, nil
			}
		}
	}
	return "", errors.New("no hugo on the PATH nor in $(go env GOPATH)/bin: install the version the figures are of with\n\tgo install github.com/gohugoio/hugo@v0.165.0\nor time samkat alone with -only samkat")
}

// version returns the first line the binary prints for its version command.
func version(bin, arg string) string {
	out, err := exec.Command(bin, arg).Output()
	if err != nil {
		return "version unknown"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
