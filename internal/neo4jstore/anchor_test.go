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

// TestCoveredDropsTheAnchorsOwnStep: the part of a filter that finding its
// anchor guarantees is the relationship filter the anchor's access path
// steps through, found by the step itself: of two filters on a talk's
// speakers, the one the anchor went through goes, the other (which the
// anchor does not guarantee) stays to be tested.
func TestCoveredDropsTheAnchorsOwnStep(t *testing.T) {
	name := func(v string) *confgraph.Filter {
		return &confgraph.Filter{Conds: []confgraph.Cond{{Field: "name", Op: confgraph.OpEq, Value: v}}}
	}
	where := &confgraph.Filter{Rels: []confgraph.RelCond{
		{Rel: confgraph.RelPresented, Dir: confgraph.In, Quant: confgraph.Some, Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "role", Op: confgraph.OpEq, Value: "CTO"}}}},
		{Rel: confgraph.RelPresented, Dir: confgraph.In, Quant: confgraph.Some, Where: name("Ada Quill")},
	}}
	a, ok := findAnchor(where, confgraph.LabelTalk)
	if !ok || len(a.steps) != 1 || a.steps[0] != &where.Rels[1] {
		t.Fatalf("anchor = %+v, %v; want the path through the second speakers filter", a, ok)
	}
	rest := covered(where, confgraph.LabelTalk, a)
	if len(rest.Rels) != 1 || rest.Rels[0].Where.Conds[0].Field != "role" {
		t.Errorf("left to test: %+v; want only the role filter", rest.Rels)
	}
	if len(where.Rels) != 2 {
		t.Error("covered changed the query's filter")
	}
}
