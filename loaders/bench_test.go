package loaders

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoadCorpus measures loading the whole corpus: detection,
// parsing, project matching, entity resolution and recap linking.
func BenchmarkLoadCorpus(b *testing.B) {
	w, err := DefaultWorld()
	if err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		b.Skip("no corpus beside the repository")
	}
	docs := map[string][]byte{}
	size := 0
	for _, e := range entries {
		d, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		docs[e.Name()] = d
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if res := w.Load(docs); len(res.Loaded) != len(docs) {
			b.Fatalf("loaded %d of %d documents", len(res.Loaded), len(docs))
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
