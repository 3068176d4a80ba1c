package neo4jstore

import (
	"context"
	"slices"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestAnchorPathMayWalkBack: a filter through two relationships may come
// back along the first (a talk's speakers' talks include the talk itself);
// the indexed path the Neo4j store starts from must not lose that node,
// as a single MATCH pattern would (it never uses one relationship twice).
func TestAnchorPathMayWalkBack(t *testing.T) {
	mem, neo := loadBoth(t)
	ctx := context.Background()
	talks, err := mem.Find(ctx, confgraph.Query{Label: confgraph.LabelTalk})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, talk := range talks {
		for _, quant := range []confgraph.Quantifier{confgraph.Some, confgraph.Single} {
			where := &confgraph.Filter{Rels: []confgraph.RelCond{{Rel: confgraph.RelPresented, Dir: confgraph.In, Quant: quant,
				Where: &confgraph.Filter{Rels: []confgraph.RelCond{{Rel: confgraph.RelPresented, Dir: confgraph.Out, Quant: confgraph.Some,
					Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "id", Op: confgraph.OpEq, Value: talk.NodeID()}}}}}}}}}
			q := confgraph.Query{Label: confgraph.LabelTalk, Where: where}
			want, err := mem.Find(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			got, err := neo.Find(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(nodeIDs(want), nodeIDs(got)) {
				t.Errorf("talks whose speakers (%v) presented %s: embedded %v, Neo4j %v", quant, talk.NodeID(), nodeIDs(want), nodeIDs(got))
			}
			n, err := neo.Count(ctx, confgraph.LabelTalk, where)
			if err != nil || n != len(want) {
				t.Errorf("count of talks whose speakers (%v) presented %s: Neo4j %d (%v), embedded %d", quant, talk.NodeID(), n, err, len(want))
			}
			if slices.Contains(nodeIDs(want), talk.NodeID()) {
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no talk reached itself: the fixture does not exercise the case")
	}
}
