package memstore

import (
	"context"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
)

// FuzzFilter evaluates random filters on the contract fixture: nothing
// panics, Count agrees with Find, and the index-driven evaluation agrees
// with checking every node.
func FuzzFilter(f *testing.F) {
	f.Add([]byte{3, 1, 'a', 0})
	f.Add([]byte{4, 3, 8, 1, 'x', 0, 5, 2, 'B', 0})
	s := New()
	if err := s.Write(context.Background(), storetest.Fixture()); err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, label := range []confgraph.Label{confgraph.LabelTalk, confgraph.LabelSpeaker} {
			where := storetest.FilterFromBytes(data, label)
			nodes, err := s.Find(ctx, confgraph.Query{Label: label, Where: where, Limit: 1000})
			if err != nil {
				if confgraph.ErrorCode(err) != confgraph.EINVALID {
					t.Fatalf("Find: %v", err)
				}
				continue
			}
			n, err := s.Count(ctx, label, where)
			if err != nil || n != len(nodes) {
				t.Fatalf("Count = %d, %v; Find returned %d", n, err, len(nodes))
			}
			// The same answer without the indexes: check every node of
			// the current version.
			v := s.view(ctx)
			want := 0
			for _, node := range v.byLabel[label] {
				if v.eval(ctx).Match(node, where) {
					want++
				}
			}
			if want != len(nodes) {
				t.Fatalf("indexed evaluation found %d, a full scan %d, for %+v", len(nodes), want, where)
			}
		}
	})
}
