package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/gen"
	"github.com/confgraph/confgraph/loaders"
)

// BenchmarkAddRecap measures adding one recap to a graph loaded from the
// generated corpus at scale 1 and 100, on both stores: the recap of the
// generated corpus that sorts last, added again under a new name (so that
// it is read after every other document) in two versions taken in turn,
// so that every addition replaces what the one before said. The first
// addition after the load is timed apart (first-ms): it also pays for
// what is done once, not per addition (the corpus's talk index of the
// documents before the new one; on Neo4j, planning each statement again
// for the graph just loaded).
func BenchmarkAddRecap(b *testing.B) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		b.Fatal(err)
	}
	for _, scale := range []int{1, 100} {
		dir := b.TempDir()
		if _, err := gen.Generate(gen.Config{Scale: scale, Seed: 7, Out: dir}); err != nil {
			b.Fatal(err)
		}
		docs, _, err := loaders.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		res := w.Load(docs)
		var recaps []string
		for n, k := range res.Loaded {
			if k == loaders.KindRecap {
				recaps = append(recaps, n)
			}
		}
		sort.Strings(recaps)
		if len(recaps) == 0 {
			b.Fatal("the generated corpus has no recap")
		}
		v1 := docs[recaps[len(recaps)-1]]
		lines := strings.Split(string(v1), "\n")
		v2 := []byte(strings.Join(append(lines[:len(lines)/2:len(lines)/2], lines[len(lines)/2+1:]...), "\n"))
		for _, st := range storesUnderTest() {
			b.Run(fmt.Sprintf("%s/%dx", st.name, scale), func(b *testing.B) {
				ctx := context.Background()
				store := st.open(b)
				if st.name == "Neo4j" {
					// One transaction per document: the 100x graph in one
					// is more than the test database's transaction memory.
					for _, n := range listedFirst(res.Loaded) {
						if err := store.Write(ctx, res.Corpus.Batch(n)); err != nil {
							b.Fatal(err)
						}
					}
				} else if err := store.Write(ctx, res.Batch); err != nil {
					b.Fatal(err)
				}
				// Each run starts from the loaded corpus: the embedded
				// store's server holds its documents; Neo4j keeps them for
				// every server, which reads them at its first change.
				svc := &Service{World: w, Store: store, Corpus: res.Corpus.Clone(), Dir: filepath.Join(b.TempDir(), "data")}
				if st.shared {
					k := store.(confgraph.SourceKeeper)
					if err := k.KeepSources(ctx, res.Texts()); err != nil {
						b.Fatal(err)
					}
					svc = &Service{World: w, Store: store, Shared: k}
				} else if err := os.MkdirAll(svc.Dir, 0o755); err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if _, err := svc.Add(ctx, "zz-added-recap.md", v2); err != nil {
					b.Fatal(err)
				}
				first := time.Since(start)
				i := 0
				for b.Loop() {
					text := v1
					if i%2 == 1 {
						text = v2
					}
					i++
					if _, err := svc.Add(ctx, "zz-added-recap.md", text); err != nil {
						b.Fatal(err)
					}
				}
				// After the loop, which resets what is reported before it.
				b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
			})
		}
	}
}

// listedFirst returns the names of the loaded documents, listings and
// schedules before recaps, so that each one's talks are there before a
// recap reviews them.
func listedFirst(loaded map[string]loaders.Kind) []string {
	var listed, recaps []string
	for n, k := range loaded {
		if k == loaders.KindRecap {
			recaps = append(recaps, n)
		} else {
			listed = append(listed, n)
		}
	}
	sort.Strings(listed)
	sort.Strings(recaps)
	return append(listed, recaps...)
}
