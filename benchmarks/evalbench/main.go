// evalbench evaluates one query of a bundle in-process, as OPA's server does — with the inter-query
// value cache, so json.match_schema compiles the household schema once, not on every evaluation as
// `opa bench` in-process does — and prints ms/op and allocations/op. With -cpuprofile / -memprofile it
// writes Go profiles of the evaluation loop: where the evaluator spends its time and allocations, which
// `opa eval --profile` (per Rego expression, children included) cannot show.
//
//	cd benchmarks/evalbench && go build -o ../../build/evalbench . && cd ../..
//	build/evalbench -b build/stage -i examples/urban-family-eligible.json -q data.socialaid.decision
//	build/evalbench -b benchmarks/flat -i examples/urban-family-eligible.json -q data.bench.flat.clause5
//	build/evalbench ... -n 300 -memprofile build/mem.prof && go tool pprof -sample_index=alloc_objects -top build/evalbench build/mem.prof
//
// (A staged bundle directory without its _test.rego files, or a built bundle: its signature is not
// checked here.) Timing is for reading side by side in one run; nothing asserts it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown/cache"
)

func main() {
	bundle := flag.String("b", "", "bundle: a directory or a .tar.gz")
	inputPath := flag.String("i", "", "input JSON file")
	query := flag.String("q", "data.socialaid.decision", "query")
	n := flag.Int("n", 2000, "evaluations measured (after 50 to warm up)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the measured loop")
	memProfile := flag.String("memprofile", "", "write an allocation profile (every allocation sampled)")
	flag.Parse()
	if err := run(*bundle, *inputPath, *query, *n, *cpuProfile, *memProfile); err != nil {
		fmt.Fprintln(os.Stderr, "evalbench:", err)
		os.Exit(1)
	}
}

func run(bundle, inputPath, query string, n int, cpuProfile, memProfile string) error {
	raw, err := os.ReadFile(inputPath)
	if err != nil {
		return err
	}
	var input any
	if err := json.Unmarshal(raw, &input); err != nil {
		return fmt.Errorf("%s: %w", inputPath, err)
	}
	ctx := context.Background()
	config, _ := cache.ParseCachingConfig(nil)
	values := cache.NewInterQueryValueCache(ctx, config)
	prepared, err := rego.New(
		rego.Query(query),
		rego.LoadBundle(bundle),
		rego.SkipBundleVerification(true),
		rego.InterQueryBuiltinValueCache(values),
		rego.InterQueryBuiltinCache(cache.NewInterQueryCache(config)),
	).PrepareForEval(ctx)
	if err != nil {
		return err
	}
	eval := func() error {
		rs, err := prepared.Eval(ctx, rego.EvalInput(input), rego.EvalInterQueryBuiltinValueCache(values))
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return fmt.Errorf("%s is undefined for this input", query)
		}
		return nil
	}
	for range 50 {
		if err := eval(); err != nil {
			return err
		}
	}
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if memProfile != "" {
		runtime.MemProfileRate = 1
	}
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	before := stats.Mallocs
	start := time.Now()
	for range n {
		if err := eval(); err != nil {
			return err
		}
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&stats)
	fmt.Printf("%s: %.3f ms/op  %d allocs/op  (%d evaluations)\n", query,
		float64(elapsed.Microseconds())/1000/float64(n), (stats.Mallocs-before)/uint64(n), n)
	if memProfile != "" {
		f, err := os.Create(memProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}
