package neo4jstore

import (
	"context"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestShortestPathIDsThatNameNoLabel: the Neo4j store looks a path's ends
// up under the label their IDs name, and under every label when the ID
// names none or the wrong one.
func TestShortestPathIDsThatNameNoLabel(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	b := confgraph.NewBatch()
	b.AddNode(&confgraph.Speaker{ID: "project:not-a-project", Name: "Odd Speaker"})
	b.AddNode(&confgraph.Talk{ID: "odd-talk", Title: "Odd Talk", Kind: confgraph.KindTalk})
	b.AddNode(&confgraph.Company{ID: "company:acme", Name: "Acme"})
	b.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: "project:not-a-project", To: "odd-talk"})
	b.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: "project:not-a-project", To: "company:acme"})
	if err := s.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ from, to string }{
		{"odd-talk", "company:acme"}, {"company:acme", "odd-talk"}, {"project:not-a-project", "company:acme"},
	} {
		p, err := s.ShortestPath(ctx, tc.from, tc.to, 3, nil)
		if err != nil {
			t.Fatalf("ShortestPath(%s, %s): %v", tc.from, tc.to, err)
		}
		if p == nil || p.Nodes[0].NodeID() != tc.from || p.Nodes[len(p.Nodes)-1].NodeID() != tc.to {
			t.Errorf("ShortestPath(%s, %s) = %+v", tc.from, tc.to, p)
		}
	}
	if _, err := s.ShortestPath(ctx, "speaker:nobody", "company:acme", 3, nil); confgraph.ErrorCode(err) != confgraph.ENOTFOUND {
		t.Errorf("unknown start: %v, want %s", err, confgraph.ENOTFOUND)
	}
}
