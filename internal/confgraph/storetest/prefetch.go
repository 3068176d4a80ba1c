package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// PrefetcherStore is a store that answers a plan in one round trip.
type PrefetcherStore interface {
	confgraph.Store
	confgraph.Prefetcher
}

// Prefetcher runs the suite of Prefetch on the fixture: each plan gets
// the answers confgraph.PrefetchStepwise gets from the same store's own
// calls, one per fetch and level.
func Prefetcher(t *testing.T, open func(t *testing.T) PrefetcherStore) {
	t.Helper()
	s := loader(open)(t)
	ctx := context.Background()
	byTitle := []confgraph.SortKey{{Field: "title"}}
	speakers := &confgraph.Fetch{Key: "speakers", Kind: confgraph.FetchPage, Rel: confgraph.RelPresented, Dir: confgraph.In,
		Query: confgraph.Query{Limit: 2}, Then: []*confgraph.Fetch{
			{Key: "employers", Kind: confgraph.FetchEdges, Rel: confgraph.RelWorksAt, Dir: confgraph.Out},
			{Key: "talks", Kind: confgraph.FetchDegree, Count: confgraph.RelCount{Rel: confgraph.RelPresented, Dir: confgraph.Out}},
		}}
	for _, tc := range []struct {
		name string
		plan confgraph.Plan
	}{
		{"TalksWithSpeakersAndTheirEmployers", confgraph.Plan{Query: confgraph.Query{Label: confgraph.LabelTalk, Sort: byTitle, Limit: 4}, Total: true,
			Fetches: []*confgraph.Fetch{speakers}}},
		{"CompaniesTalksAndProjects", confgraph.Plan{Query: confgraph.Query{Label: confgraph.LabelCompany},
			Fetches: []*confgraph.Fetch{
				{Key: "talks", Kind: confgraph.FetchDegree, Count: confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: confgraph.In,
					Then: &confgraph.RelCount{Rel: confgraph.RelPresented, Dir: confgraph.Out}}},
				{Key: "projects", Kind: confgraph.FetchTally, Tally: confgraph.Tally{
					Via: []confgraph.RelCount{{Rel: confgraph.RelWorksAt, Dir: confgraph.In}, {Rel: confgraph.RelPresented, Dir: confgraph.Out}},
					Far: []confgraph.RelCount{{Rel: confgraph.RelDiscusses, Dir: confgraph.Out}}}},
			}}},
		{"EventTalksAfterTheFirst", confgraph.Plan{Query: confgraph.Query{Label: confgraph.LabelEvent, Where: where(cond("id", confgraph.OpEq, eventEU))},
			Fetches: []*confgraph.Fetch{{Key: "talks", Kind: confgraph.FetchPage, Rel: confgraph.RelPartOf, Dir: confgraph.In,
				Query: confgraph.Query{Sort: byTitle, Offset: 1, Limit: 2}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := confgraph.PrefetchStepwise(ctx, s, tc.plan)
			if err != nil {
				t.Fatalf("step by step: %v", err)
			}
			got, err := s.Prefetch(ctx, tc.plan)
			if err != nil {
				t.Fatalf("Prefetch: %v", err)
			}
			if w, g := RenderPrefetched(want, tc.plan.Total), RenderPrefetched(got, tc.plan.Total); w != g {
				t.Errorf("Prefetch answered\n%s\nstep by step\n%s", g, w)
			}
		})
	}
}

// RenderPrefetched writes a prefetch's answers in a fixed order, for
// comparing two (the total only when asked).
func RenderPrefetched(p *confgraph.Prefetched, total bool) string {
	var sb strings.Builder
	for _, n := range p.Nodes {
		fmt.Fprintf(&sb, "node %+v\n", n)
	}
	if total {
		fmt.Fprintf(&sb, "total %d\n", p.Total)
	}
	lines := []string{}
	for k, m := range p.Edges {
		for id, es := range m {
			var xs []string
			for _, e := range es {
				xs = append(xs, fmt.Sprintf("%+v(%s %s>%s role=%q ev=%v)", e.Node, e.Rel.Type, e.Rel.From, e.Rel.To, e.Rel.Role, e.Rel.Evidence))
			}
			lines = append(lines, fmt.Sprintf("edges %s %s: %v", k, id, xs))
		}
	}
	for k, m := range p.Degrees {
		for id, n := range m {
			lines = append(lines, fmt.Sprintf("degree %s %s: %d", k, id, n))
		}
	}
	for k, m := range p.Tallies {
		for id, cs := range m {
			var xs []string
			for _, c := range cs {
				xs = append(xs, fmt.Sprintf("%s=%d", c.Node.NodeID(), c.N))
			}
			lines = append(lines, fmt.Sprintf("tally %s %s: %v", k, id, xs))
		}
	}
	slices.Sort(lines)
	sb.WriteString(strings.Join(lines, "\n"))
	return sb.String()
}
