package memstore_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
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

// BenchmarkFind100x times the query calls the API makes, on the 100×
// synthetic corpus: a scan with a text filter, a lookup through a
// relationship filter, sorts by a count and by a two-step count, a page
// after a cursor, a count with a negated filter, a related page and a
// shortest path.
func BenchmarkFind100x(b *testing.B) {
	s := store100x(b)
	ctx := context.Background()
	talk, speaker, company, project := confgraph.LabelTalk, confgraph.LabelSpeaker, confgraph.LabelCompany, confgraph.LabelProject
	kubernetes := &confgraph.Filter{Conds: []confgraph.Cond{{Field: "name", Op: confgraph.OpEq, Value: "kubernetes", Fold: true}}}
	discussesKubernetes := &confgraph.Filter{Rels: []confgraph.RelCond{{Rel: confgraph.RelDiscusses, Dir: confgraph.Out, Quant: confgraph.Some, Where: kubernetes}}}
	byTalks := confgraph.SortKey{Count: &confgraph.RelCount{Rel: confgraph.RelPresented, Dir: confgraph.Out}, Desc: true}
	companyTalks := confgraph.SortKey{Count: &confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: confgraph.In,
		Then: &confgraph.RelCount{Rel: confgraph.RelPresented, Dir: confgraph.Out}}, Desc: true}
	first, err := s.Find(ctx, confgraph.Query{Label: talk, Limit: 1, Sort: []confgraph.SortKey{{Field: "date"}}})
	if err != nil || len(first) == 0 {
		b.Fatalf("first talk: %v", err)
	}
	after := confgraph.CursorOf(first[0], []confgraph.SortKey{{Field: "date"}}, nil)
	projects, err := s.Find(ctx, confgraph.Query{Label: project, Where: kubernetes})
	if err != nil || len(projects) != 1 {
		b.Fatalf("the Kubernetes project: %v %v", projects, err)
	}
	companies, err := s.Find(ctx, confgraph.Query{Label: company, Limit: 1, Sort: []confgraph.SortKey{companyTalks}})
	if err != nil || len(companies) != 1 {
		b.Fatalf("the company with most talks: %v", err)
	}
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"TalksContaining", func() error {
			_, err := s.Find(ctx, confgraph.Query{Label: talk, Limit: 10, Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "title", Op: confgraph.OpContains, Value: "mesh", Fold: true}}}})
			return err
		}},
		{"SpeakersOnKubernetes", func() error {
			_, err := s.Find(ctx, confgraph.Query{Label: speaker, Limit: 10, Where: &confgraph.Filter{Rels: []confgraph.RelCond{{Rel: confgraph.RelPresented, Dir: confgraph.Out, Quant: confgraph.Some, Where: discussesKubernetes}}}})
			return err
		}},
		{"SpeakersByTalks", func() error {
			_, err := s.Find(ctx, confgraph.Query{Label: speaker, Limit: 10, Sort: []confgraph.SortKey{byTalks}})
			return err
		}},
		{"CompaniesByTalks", func() error {
			_, err := s.Find(ctx, confgraph.Query{Label: company, Limit: 10, Sort: []confgraph.SortKey{companyTalks}})
			return err
		}},
		{"TalksAfterCursor", func() error {
			_, err := s.Find(ctx, confgraph.Query{Label: talk, Limit: 10, Sort: []confgraph.SortKey{{Field: "date"}}, After: &after})
			return err
		}},
		{"CountNotKeynotes", func() error {
			_, err := s.Count(ctx, talk, &confgraph.Filter{Not: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "kind", Op: confgraph.OpEq, Value: string(confgraph.KindKeynote)}}}})
			return err
		}},
		{"ProjectTalksByDate", func() error {
			_, err := s.RelatedQuery(ctx, []string{projects[0].NodeID()}, confgraph.RelDiscusses, confgraph.In,
				confgraph.Query{Limit: 10, Sort: []confgraph.SortKey{{Field: "date", Desc: true}}})
			return err
		}},
		{"ShortestPath", func() error {
			_, err := s.ShortestPath(ctx, companies[0].NodeID(), projects[0].NodeID(), confgraph.MaxHops, nil)
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				if err := tc.call(); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time varies less than wall time on a shared machine.
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
