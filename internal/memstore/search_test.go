package memstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/loaders"
)

// TestSearchIndexAgreesWithRankSearch: the embedded store's inverted index
// finds and scores exactly what confgraph.RankSearch, the reference, finds
// from the nodes' words, on the shared corpus.
func TestSearchIndexAgreesWithRankSearch(t *testing.T) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.LoadDir("../../../shared/corpus")
	if err != nil {
		t.Fatal(err)
	}
	s := memstore.New()
	ctx := context.Background()
	if err := s.Write(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	dump, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	degree := map[string]int{}
	for _, r := range dump.Rels() {
		degree[r.From]++
		degree[r.To]++
	}
	labelSets := [][]confgraph.Label{nil, {confgraph.LabelProject}, {confgraph.LabelTalk, confgraph.LabelSpeaker}}
	for _, q := range []string{"kube", "k", "prom", "promethe", "Promethues", "kubernets", "envo", "kels", "service mesh observ",
		"envoy lyft", "the", "grpc microservice kubernetes", "Kelsey Hightower", "zzzz"} {
		for _, labels := range labelSets {
			t.Run(fmt.Sprintf("%s/%v", q, labels), func(t *testing.T) {
				want := map[confgraph.Label]bool{}
				for _, l := range labels {
					want[l] = true
				}
				var docs []confgraph.SearchDoc
				total, words := 0, 0
				for _, n := range dump.Nodes() {
					if _, ok := confgraph.SearchFields[n.NodeLabel()]; !ok || len(labels) > 0 && !want[n.NodeLabel()] {
						continue
					}
					ws := confgraph.SearchWords(n)
					total++
					words += len(ws)
					docs = append(docs, confgraph.SearchDoc{Node: n, Words: ws, Degree: degree[n.NodeID()]})
				}
				ref := confgraph.RankSearch(confgraph.ParseSearch(q), docs, total, words, 25)
				got, err := s.Search(ctx, q, labels, 25)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(ref) {
					t.Fatalf("%d hits, the reference %d", len(got), len(ref))
				}
				for i := range ref {
					if got[i].Node.NodeID() != ref[i].Node.NodeID() || got[i].Score != ref[i].Score {
						t.Errorf("hit %d: %s %v, the reference %s %v", i, got[i].Node.NodeID(), got[i].Score, ref[i].Node.NodeID(), ref[i].Score)
					}
				}
			})
		}
	}
}
