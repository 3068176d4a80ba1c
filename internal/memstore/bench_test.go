package memstore_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/gen"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/loaders"
)

var (
	big100     *memstore.Store
	big100Once sync.Once
	big100Err  error
)

// store100x is the embedded store loaded with the 100× synthetic corpus
// (gen, seed 1), built once per test binary.
func store100x(b *testing.B) *memstore.Store {
	b.Helper()
	big100Once.Do(func() {
		dir, err := tempDir()
		if err != nil {
			big100Err = err
			return
		}
		if _, err := gen.Generate(gen.Config{Scale: 100, Seed: 1, Out: dir}); err != nil {
			big100Err = err
			return
		}
		w, err := loaders.DefaultWorld()
		if err != nil {
			big100Err = err
			return
		}
		res, err := w.LoadDir(dir)
		os.RemoveAll(dir) // read whole; the store keeps what it needs
		if err != nil {
			big100Err = err
			return
		}
		s := memstore.New()
		big100Err = s.Write(context.Background(), res.Batch)
		big100 = s
	})
	if big100Err != nil {
		b.Fatal(big100Err)
	}
	return big100
}

// BenchmarkSearchAsYouType100x times Search on the 100× synthetic corpus
// for what a search box sends while a name is typed: a 4-letter prefix
// (the target: p50 at most 2 ms), a longer prefix, a typo, two words.
// p50-ms and p99-ms are over the calls of the run.
func BenchmarkSearchAsYouType100x(b *testing.B) {
	s := store100x(b)
	ctx := context.Background()
	for _, tc := range []struct{ name, query string }{
		{"Prefix4", "kube"},
		{"Prefix4Prom", "prom"},
		{"Prefix8", "promethe"},
		{"Typo", "kubernets"},
		{"TwoWords", "service mes"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				start := time.Now()
				hits, err := s.Search(ctx, tc.query, nil, 10)
				took = append(took, time.Since(start))
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", tc.query, len(hits), err)
				}
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

func tempDir() (string, error) { return os.MkdirTemp("", "confgraph-100x-") }
