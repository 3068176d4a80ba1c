package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
)

// plan makes up to three fetches from nodes of label l, nested up to
// depth levels.
func (g *gen) plan(l confgraph.Label, depth int, name string) []*confgraph.Fetch {
	var out []*confgraph.Fetch
	for i := range 1 + g.pick(3) {
		key := fmt.Sprintf("%s.%d", name, i)
		steps := relsFrom(l)
		st := steps[g.pick(len(steps))]
		far := farLabel(st.Rel, st.Dir)
		f := &confgraph.Fetch{Key: key, Rel: st.Rel, Dir: st.Dir}
		switch g.pick(5) {
		case 0:
			f.Kind = confgraph.FetchEdges
		case 1, 2:
			f.Kind = confgraph.FetchPage
			f.Query = confgraph.Query{Where: g.filter(far, 1+g.pick(2)), Sort: g.sort(far), Limit: g.pick(4), Offset: g.pick(2)}
		case 3:
			f.Kind = confgraph.FetchDegree
			f.Count = st
			if g.pick(2) == 0 {
				f.Where = g.filter(far, 1)
			} else {
				next := relsFrom(far)
				then := next[g.pick(len(next))]
				f.Count.Then = &then
			}
		case 4:
			// The tallies the API asks, from whichever label they start at.
			all := map[confgraph.Label]confgraph.Tally{
				confgraph.LabelCompany: {Via: []confgraph.RelCount{{Rel: confgraph.RelWorksAt, Dir: confgraph.In}, {Rel: confgraph.RelPresented, Dir: confgraph.Out}},
					Far: []confgraph.RelCount{{Rel: confgraph.RelDiscusses, Dir: confgraph.Out}}},
				confgraph.LabelProject: {Via: []confgraph.RelCount{{Rel: confgraph.RelDiscusses, Dir: confgraph.In}},
					Far: []confgraph.RelCount{{Rel: confgraph.RelPresented, Dir: confgraph.In}, {Rel: confgraph.RelWorksAt, Dir: confgraph.Out}}},
				confgraph.LabelEvent: {Via: []confgraph.RelCount{{Rel: confgraph.RelPartOf, Dir: confgraph.In}},
					Far: []confgraph.RelCount{{Rel: confgraph.RelDiscusses, Dir: confgraph.Out}}},
				confgraph.LabelTalk: {Via: []confgraph.RelCount{{Rel: confgraph.RelPresented, Dir: confgraph.In}},
					Far: []confgraph.RelCount{{Rel: confgraph.RelPresented, Dir: confgraph.Out}}},
			}
			t, ok := all[l]
			if !ok {
				f.Kind = confgraph.FetchEdges
				break
			}
			t.Limit = g.pick(3)
			f.Kind, f.Tally = confgraph.FetchTally, t
		}
		if f.Kind == confgraph.FetchEdges || f.Kind == confgraph.FetchPage {
			f.Fields, f.RelFields = g.fields(far), g.relFields()
			if depth > 1 {
				f.Then = g.plan(far, depth-1, key)
			}
		}
		out = append(out, f)
	}
	return out
}

// fields picks some properties of label l to read, or nil (all).
func (g *gen) fields(l confgraph.Label) []string {
	if g.pick(4) == 0 {
		return nil
	}
	out := []string{}
	for f := range confgraph.Fields[l] {
		if g.pick(2) == 0 {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// relFields picks some of a relationship's fields, or nil (all).
func (g *gen) relFields() []string {
	switch g.pick(4) {
	case 0:
		return nil
	case 1:
		return []string{}
	case 2:
		return []string{"role"}
	}
	return []string{"evidence", "role"}
}

// TestPrefetchSameAsStepwise compares random plans answered in one
// statement with the same plans answered by the embedded store's own
// calls, one per fetch and level.
func TestPrefetchSameAsStepwise(t *testing.T) {
	mem, neo := loadBoth(t)
	ctx := context.Background()
	fix := storetest.Fixture()
	fix.Merge(storetest.FixtureUpdate())
	const seed, n = 20261121, 60
	g := newGen(seed, fix)
	statements := 0
	for i := range n {
		l := confgraph.Labels[g.pick(len(confgraph.Labels))]
		q := confgraph.Query{Label: l, Sort: g.sort(l), Limit: 1 + g.pick(5)}
		if g.pick(2) == 0 {
			q.Where = g.filter(l, 1)
		}
		plan := confgraph.Plan{Query: q, Total: g.pick(2) == 0, Fields: g.fields(l), Fetches: g.plan(l, 3, "f")}
		name := fmt.Sprintf("case %d (seed %d): %s where %s", i, seed, l, describe(q.Where))
		want, err := confgraph.PrefetchStepwise(ctx, mem, plan)
		if err != nil {
			t.Fatalf("%s: stepwise on the embedded store: %v", name, err)
		}
		got, err := neo.Prefetch(ctx, plan)
		if err != nil {
			t.Fatalf("%s: Prefetch: %v\n%s", name, err, mustCypher(plan))
		}
		statements++
		if w, g := storetest.RenderPrefetched(want, plan.Total), storetest.RenderPrefetched(got, plan.Total); w != g {
			t.Errorf("%s: answers differ\nembedded, step by step:\n%s\nNeo4j, one statement:\n%s\ncypher: %s", name, w, g, mustCypher(plan))
		}
	}
	t.Logf("%d plans, each one statement", statements)
}

func mustCypher(plan confgraph.Plan) string {
	c, _ := prefetchCypher(plan)
	return c
}

// TestPrefetchRejectsBadPlans: a malformed plan is an invalid-input error
// before anything is sent.
func TestPrefetchRejectsBadPlans(t *testing.T) {
	_, neo := loadBoth(t)
	ctx := context.Background()
	q := confgraph.Query{Label: confgraph.LabelTalk, Limit: 5}
	for _, plan := range [][]*confgraph.Fetch{
		{{Key: "x", Kind: confgraph.FetchPage, Rel: "LIKES", Dir: confgraph.Out}},
		{{Key: "x", Kind: confgraph.FetchPage, Rel: confgraph.RelPresented, Dir: 7}},
		{{Key: "x", Kind: confgraph.FetchPage, Rel: confgraph.RelPresented, Dir: confgraph.In, Query: confgraph.Query{Last: true, Limit: 2}}},
		{{Key: "x", Kind: confgraph.FetchTally}},
		{{Key: "x", Kind: 99}},
		{{Key: "x", Kind: confgraph.FetchPage, Rel: confgraph.RelPresented, Dir: confgraph.In,
			Query: confgraph.Query{Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "nope", Op: confgraph.OpEq, Value: "x"}}}}}},
	} {
		_, err := neo.Prefetch(ctx, confgraph.Plan{Query: q, Fetches: plan})
		if confgraph.ErrorCode(err) != confgraph.EINVALID {
			t.Errorf("plan %+v: error %v, want %s", plan[0], err, confgraph.EINVALID)
		}
	}
}
