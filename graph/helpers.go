package graph

import (
	"context"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// list fetches one page of a label and keeps the nodes of type T.
func list[T confgraph.Node](ctx context.Context, s confgraph.Store, label confgraph.Label, limit, offset *int) ([]T, error) {
	p := confgraph.Page{}
	if limit != nil {
		p.Limit = *limit
		if p.Limit == 0 {
			return []T{}, nil
		}
	}
	if offset != nil {
		p.Offset = *offset
	}
	nodes, err := s.List(ctx, label, p)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// edges follows one relationship type from every parent in a single store
// call and returns the edges per parent, in the parents' order.
func edges[P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rel confgraph.RelType, dir confgraph.Direction) ([][]confgraph.Edge, error) {
	ids := make([]string, len(parents))
	for i, p := range parents {
		ids[i] = p.NodeID()
	}
	m, err := s.Related(ctx, uniq(ids), rel, dir)
	if err != nil {
		return nil, err
	}
	out := make([][]confgraph.Edge, len(parents))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out, nil
}

// related is edges keeping only the nodes at the other end, of type C.
func related[P confgraph.Node, C confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rel confgraph.RelType, dir confgraph.Direction) ([][]C, error) {
	es, err := edges(ctx, s, parents, rel, dir)
	if err != nil {
		return nil, err
	}
	out := make([][]C, len(es))
	for i, list := range es {
		out[i] = make([]C, 0, len(list))
		for _, e := range list {
			if c, ok := e.Node.(C); ok {
				out[i] = append(out[i], c)
			}
		}
	}
	return out, nil
}

// one is related for a relationship a parent has at most one of.
func one[P confgraph.Node, C confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rel confgraph.RelType, dir confgraph.Direction) ([]C, error) {
	lists, err := related[P, C](ctx, s, parents, rel, dir)
	if err != nil {
		return nil, err
	}
	out := make([]C, len(lists))
	for i, l := range lists {
		if len(l) > 0 {
			out[i] = l[0]
		}
	}
	return out, nil
}

func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// opt returns nil for a zero value, so that unknown facts are null rather
// than "" or 0.
func opt[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
