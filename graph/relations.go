package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/99designs/gqlgen/graphql"

	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// Every relationship field resolves through one executor that reads what
// to ask from the field's entry in relFields, found by the type and name
// of the field being resolved, and its arguments from the field context,
// as the planner reads them: a resolver names no relationship and builds
// no query, so it cannot disagree with the plan.

// fieldContext is the context of the field being resolved.
func fieldContext(ctx context.Context) (*graphql.FieldContext, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil, errors.New("graph: a field resolved without its field context")
	}
	return fc, nil
}

// fieldOf returns the field being resolved and its entry in relFields.
func fieldOf(ctx context.Context) (*graphql.FieldContext, relField, error) {
	fc, err := fieldContext(ctx)
	if err != nil {
		return nil, relField{}, err
	}
	spec, ok := relFields[fc.Object][fc.Field.Name]
	if !ok {
		return nil, relField{}, fmt.Errorf("graph: %s.%s is not a relationship field", fc.Object, fc.Field.Name)
	}
	return fc, spec, nil
}

// relList resolves a list field: the far nodes of every parent in one
// store call, filtered, sorted and paged per parent.
func relList[C confgraph.Node, P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P) ([][]C, error) {
	fc, spec, err := fieldOf(ctx)
	if err != nil {
		return nil, err
	}
	q, none, err := listQuery(fc.Args)
	if err != nil {
		return nil, err
	}
	out := make([][]C, len(parents))
	if none {
		for i := range out {
			out[i] = []C{}
		}
		return out, nil
	}
	pid := ids(parents)
	m, err := relatedQuery(ctx, s, uniq(pid), spec.rel, spec.dir, q)
	if err != nil {
		return nil, err
	}
	groups := make([][]string, len(pid))
	for i, id := range pid {
		out[i] = make([]C, 0, len(m[id]))
		for _, e := range m[id] {
			if c, ok := e.Node.(C); ok {
				out[i] = append(out[i], c)
				groups[i] = append(groups[i], c.NodeID())
			}
		}
	}
	batch.Record(ctx, groups)
	return out, nil
}

// relConnection resolves a connection field (C is its generated type,
// *RelatedTalkConnection, ...): one store call for the edges of every
// parent and one for the totals.
func relConnection[C any, P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P) ([]C, error) {
	fc, spec, err := fieldOf(ctx)
	if err != nil {
		return nil, err
	}
	q, want, err := relConnQuery(fc.Args)
	if err != nil {
		return nil, err
	}
	pid := ids(parents)
	m, err := relatedQuery(ctx, s, uniq(pid), spec.rel, spec.dir, q)
	if err != nil {
		return nil, err
	}
	totals, err := degreesOf(ctx, s, uniq(pid), spec.rel, spec.dir, q.Where)
	if err != nil {
		return nil, err
	}
	var all []confgraph.Node
	for _, id := range uniq(pid) {
		for _, e := range m[id] {
			all = append(all, e.Node)
		}
	}
	cs, err := cursors(ctx, s, all, q.Sort)
	if err != nil {
		return nil, err
	}
	cursorOf := map[string]string{}
	for i, n := range all {
		cursorOf[n.NodeID()] = cs[i]
	}
	out := make([]C, len(parents))
	groups := make([][]string, len(parents))
	for i, id := range pid {
		es := m[id]
		info := &PageInfo{HasPreviousPage: q.After != nil}
		if len(es) > want {
			es, info.HasNextPage = es[:want], true
		}
		page := make([]edge, len(es))
		for j := range es {
			page[j] = edge{node: es[j].Node, cursor: cursorOf[es[j].Node.NodeID()], rel: &es[j].Rel}
		}
		out[i], groups[i] = fill[C](page, info)
		reflect.ValueOf(out[i]).Elem().FieldByName("TotalCount").SetInt(int64(totals[id]))
	}
	batch.Record(ctx, groups)
	return out, nil
}

// relOne resolves the field of a to-one end: each parent's far node.
func relOne[C confgraph.Node, P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P) ([]C, error) {
	_, spec, err := fieldOf(ctx)
	if err != nil {
		return nil, err
	}
	pid := ids(parents)
	m, err := related(ctx, s, uniq(pid), spec.rel, spec.dir)
	if err != nil {
		return nil, err
	}
	out := make([]C, len(parents))
	var groups [][]string
	for i, id := range pid {
		for _, e := range m[id] {
			if c, ok := e.Node.(C); ok {
				out[i] = c
				// A single object's children are resolved one object at a
				// time.
				groups = append(groups, []string{c.NodeID()})
				break
			}
		}
	}
	batch.Record(ctx, groups)
	return out, nil
}

// relCount resolves a count field for every parent in one call.
func relCount[P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P) ([]int, error) {
	_, spec, err := fieldOf(ctx)
	if err != nil {
		return nil, err
	}
	pid := ids(parents)
	m, err := degrees(ctx, s, uniq(pid), spec.count)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(parents))
	for i, id := range pid {
		out[i] = m[id]
	}
	return out, nil
}

// ranking resolves a ranking field for every parent, each list cut to its
// page, as mk makes its entries.
func ranking[E any, N confgraph.Node, P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, mk func(N, int) E) ([][]E, error) {
	fc, spec, err := fieldOf(ctx)
	if err != nil {
		return nil, err
	}
	p, err := pageArgs(fc.Args).Rank(spec.rank)
	if err != nil {
		return nil, err
	}
	out := make([][]E, len(parents))
	for i := range out {
		out[i] = []E{}
	}
	if p.None {
		return out, nil
	}
	pid := ids(parents)
	counted, err := tallyOf(ctx, s, uniq(pid), p.Tally(spec.rank))
	if err != nil {
		return nil, err
	}
	for i, id := range pid {
		for _, x := range p.Cut(counted[id]) {
			if n, ok := x.Node.(N); ok {
				out[i] = append(out[i], mk(n, x.N))
			}
		}
	}
	return out, nil
}
