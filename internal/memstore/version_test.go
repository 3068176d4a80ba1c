package memstore

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders"
)

// TestRefreshEqualsRebuild checks that the lists and indexes a write
// updates for its changed nodes only are the ones rebuilt from scratch:
// a corpus loaded without three documents, which are then added, one
// replaced by nothing, and one added again.
func TestRefreshEqualsRebuild(t *testing.T) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := loaders.ReadDir("../../../shared/corpus")
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	later := names[len(names)-3:]
	first := map[string][]byte{}
	for _, n := range names[:len(names)-3] {
		first[n] = docs[n]
	}
	res := w.Load(first)
	s := New()
	ctx := context.Background()
	if err := s.Write(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		got := s.cur.Load()
		want := got.clone()
		want.rebuildLists()
		for _, l := range confgraph.Labels {
			if g, w := ids(got.byLabel[l]), ids(want.byLabel[l]); !slices.Equal(g, w) {
				t.Errorf("%s: %s list differs: %d nodes, want %d", step, l, len(g), len(w))
			}
			for f := range indexedFields {
				if g, w := sortedTable(got.byKey[l][f]), sortedTable(want.byKey[l][f]); !reflect.DeepEqual(g, w) {
					t.Errorf("%s: %s.%s lookup table differs", step, l, f)
				}
			}
		}
		if gx, wx := got.searchIndex(), want.searchIndex(); !slices.Equal(gx.vocab, wx.vocab) || !reflect.DeepEqual(gx.totals, wx.totals) {
			t.Errorf("%s: search index differs", step)
		}
		// The adjacency lists and the documents' relationship sets are
		// those the relationships give.
		adj := [2]map[string][]string{{}, {}}
		docRels := map[string]map[string]bool{}
		for k, r := range got.rels {
			adj[confgraph.Out][string(r.Type)+" "+r.From] = append(adj[confgraph.Out][string(r.Type)+" "+r.From], k)
			adj[confgraph.In][string(r.Type)+" "+r.To] = append(adj[confgraph.In][string(r.Type)+" "+r.To], k)
			for _, e := range r.Evidence {
				if docRels[e.Document] == nil {
					docRels[e.Document] = map[string]bool{}
				}
				docRels[e.Document][k] = true
			}
		}
		for d := range got.adj {
			have := map[string][]string{}
			for typ, byNode := range got.adj[d] {
				for id, keys := range byNode {
					if len(keys) > 0 {
						have[string(typ)+" "+id] = slices.Sorted(slices.Values(keys))
					}
				}
			}
			for k, v := range adj[d] {
				adj[d][k] = slices.Sorted(slices.Values(v))
			}
			if !reflect.DeepEqual(have, adj[d]) {
				t.Errorf("%s: adjacency lists (direction %d) differ from the relationships", step, d)
			}
		}
		for doc, keys := range got.docRels {
			if len(keys) == 0 {
				delete(got.docRels, doc)
			}
		}
		if !reflect.DeepEqual(got.docRels, docRels) {
			t.Errorf("%s: documents' relationship sets differ from the evidence", step)
		}
	}
	c := res.Corpus
	for _, n := range later {
		changes, _, _, err := c.Set(n, docs[n])
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range changes {
			if err := s.ReplaceDocument(ctx, ch.Name, ch.Batch); err != nil {
				t.Fatal(err)
			}
		}
		check("add " + n)
	}
	for _, ch := range c.Remove(later[0]) {
		if err := s.ReplaceDocument(ctx, ch.Name, ch.Batch); err != nil {
			t.Fatal(err)
		}
	}
	check("remove " + later[0])
}

func ids(ns []confgraph.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.NodeID()
	}
	return out
}

func sortedTable(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		if len(v) > 0 {
			out[k] = slices.Sorted(slices.Values(v))
		}
	}
	return out
}
