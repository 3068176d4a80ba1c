package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// A store that can answer a whole request in one round trip
// (confgraph.Prefetcher, the Neo4j store) is given, with the page of a
// top-level field, a plan of what the field's selection will ask about
// each level of nodes below: one fetch per relationship field, built from
// the field's arguments exactly as its resolver builds its store call, and
// named by the same key the resolver joins calls by (batch.Key). The
// answers wait in the request's batcher; a resolver whose call is among
// them takes it from there instead of calling the store. A call the plan
// did not foresee (a field it does not cover, such as Talk.related) goes
// to the store as before, so a plan can only save round trips, never
// change an answer.

// planner builds the fetches of a selection. Its context has a response
// context of its own, so that an argument the generated code cannot read
// is not reported twice (the field's resolver reports it).
type planner struct {
	ctx context.Context
	op  *graphql.OperationContext
}

func newPlanner(ctx context.Context) *planner {
	return &planner{
		ctx: graphql.WithResponseContext(ctx, graphql.DefaultErrorPresenter, graphql.DefaultRecover),
		op:  graphql.GetOperationContext(ctx),
	}
}

// children returns the fields selected under f on an object of typ, each
// with its field context (arguments read).
func (p *planner) children(fc *graphql.FieldContext, sel ast.SelectionSet, satisfies []string) []*graphql.FieldContext {
	if fc == nil || fc.Child == nil {
		return nil
	}
	var out []*graphql.FieldContext
	for _, f := range graphql.CollectFields(p.op, sel, satisfies) {
		c, err := fc.Child(p.ctx, f)
		if err != nil || c == nil {
			continue
		}
		out = append(out, c)
	}
	return out
}

// edges returns the fields selected on the edges of a connection field.
func (p *planner) edges(fc *graphql.FieldContext) []*graphql.FieldContext {
	var out []*graphql.FieldContext
	for _, e := range p.children(fc, fc.Field.Selections, []string{fc.Field.Definition.Type.Name()}) {
		if e.Field.Name == "edges" {
			out = append(out, p.children(e, e.Field.Selections, []string{e.Field.Definition.Type.Name()})...)
		}
	}
	return out
}

// connectionNodes returns the node fields selected on the edges of a
// connection field.
func (p *planner) connectionNodes(fc *graphql.FieldContext) []*graphql.FieldContext {
	var out []*graphql.FieldContext
	for _, n := range p.edges(fc) {
		if n.Field.Name == "node" {
			out = append(out, n)
		}
	}
	return out
}

// plan returns the fetches the selection of fc (objects of typ) will
// make.
func (p *planner) plan(fc *graphql.FieldContext, typ string) []*confgraph.Fetch {
	var out []*confgraph.Fetch
	for _, c := range p.children(fc, fc.Field.Selections, implementors(typ)) {
		spec, ok := relFields[typ][c.Field.Name]
		if !ok {
			continue
		}
		out = append(out, p.fetches(c, spec)...)
	}
	return mergeFetches(out)
}

// fields returns the properties the selections of fcs (objects of typ)
// read, with those sorted by, or nil for all of them.
func (p *planner) fields(fcs []*graphql.FieldContext, typ string, sort []confgraph.SortKey) []string {
	out := []string{confgraph.DisplayField(confgraph.Label(typ))}
	for _, k := range sort {
		if k.Count == nil {
			out = append(out, k.Field)
		}
	}
	for _, fc := range fcs {
		for _, c := range p.children(fc, fc.Field.Selections, implementors(typ)) {
			name := c.Field.Name
			if _, ok := relFields[typ][name]; ok || name == "id" || name == "__typename" {
				continue
			}
			props, ok := scalarProps[typ][name]
			if !ok {
				return nil
			}
			out = append(out, props...)
		}
	}
	return uniq(out)
}

// edgeFields returns the relationship properties the edges of a
// connection read, or nil for all of them.
func (p *planner) edgeFields(c *graphql.FieldContext) []string {
	out := []string{}
	for _, f := range p.edges(c) {
		props, ok := edgeProps[f.Field.Name]
		if !ok && f.Field.Name != "__typename" {
			return nil
		}
		out = append(out, props...)
	}
	return uniq(out)
}

// fetches are the store calls of one relationship field, as the
// executor (relations.go) makes them from the same arguments.
func (p *planner) fetches(c *graphql.FieldContext, spec relField) []*confgraph.Fetch {
	switch spec.kind {
	case kindList:
		q, none, err := listQuery(c.Args)
		if err != nil || none {
			return nil
		}
		return []*confgraph.Fetch{{Key: batch.Key("rq", spec.rel, spec.dir, q), Kind: confgraph.FetchPage, Rel: spec.rel, Dir: spec.dir, Query: q,
			Then: p.plan(c, spec.far), Fields: p.fields([]*graphql.FieldContext{c}, spec.far, q.Sort), RelFields: []string{}}}
	case kindConn:
		q, _, err := relConnQuery(c.Args)
		if err != nil {
			return nil
		}
		nodes := p.connectionNodes(c)
		page := &confgraph.Fetch{Key: batch.Key("rq", spec.rel, spec.dir, q), Kind: confgraph.FetchPage, Rel: spec.rel, Dir: spec.dir, Query: q,
			Fields: p.fields(nodes, spec.far, q.Sort), RelFields: p.edgeFields(c)}
		// The cursors of the page count what its sort keys count.
		page.Then = sortCounts(q.Sort)
		for _, n := range nodes {
			page.Then = append(page.Then, p.plan(n, spec.far)...)
		}
		page.Then = mergeFetches(page.Then)
		total := confgraph.RelCount{Rel: spec.rel, Dir: spec.dir}
		return []*confgraph.Fetch{page, {Key: degreeKey(total, q.Where), Kind: confgraph.FetchDegree, Count: total, Where: q.Where}}
	case kindOne:
		return []*confgraph.Fetch{{Key: batch.Key("r", spec.rel, spec.dir), Kind: confgraph.FetchEdges, Rel: spec.rel, Dir: spec.dir,
			Then: p.plan(c, spec.far), Fields: p.fields([]*graphql.FieldContext{c}, spec.far, nil), RelFields: []string{}}}
	case kindDegree:
		return []*confgraph.Fetch{{Key: degreeKey(spec.count, nil), Kind: confgraph.FetchDegree, Count: spec.count}}
	case kindTally:
		rp, err := pageArgs(c.Args).Rank(spec.rank)
		if err != nil || rp.None {
			return nil
		}
		t := rp.Tally(spec.rank)
		return []*confgraph.Fetch{{Key: tallyKey(t), Kind: confgraph.FetchTally, Tally: t}}
	}
	return nil
}

// sortCounts are the counts the cursors of a page sorted by keys read.
func sortCounts(keys []confgraph.SortKey) []*confgraph.Fetch {
	var out []*confgraph.Fetch
	for _, key := range keys {
		if key.Count != nil {
			out = append(out, &confgraph.Fetch{Key: degreeKey(*key.Count, nil), Kind: confgraph.FetchDegree, Count: *key.Count})
		}
	}
	return out
}

// mergeFetches drops repeated fetches (the same call, asked by two
// fields), keeping what each asks below.
func mergeFetches(fs []*confgraph.Fetch) []*confgraph.Fetch {
	var out []*confgraph.Fetch
	at := map[string]*confgraph.Fetch{}
	for _, f := range fs {
		if g, ok := at[f.Key]; ok {
			g.Then = mergeFetches(append(g.Then, f.Then...))
			g.Fields, g.RelFields = union(g.Fields, f.Fields), union(g.RelFields, f.RelFields)
			continue
		}
		at[f.Key] = f
		out = append(out, f)
	}
	return out
}

// union joins two property lists, nil meaning all.
func union(a, b []string) []string {
	if a == nil || b == nil {
		return nil
	}
	return uniq(append(append([]string{}, a...), b...))
}

// findPlanned is s.Find for a top-level field whose objects are of typ:
// with a store that prefetches, the page comes with the answers of the
// field's plan. conn says the field is a connection (its nodes are under
// edges.node, and its totalCount counts q).
func findPlanned(ctx context.Context, s confgraph.Store, q confgraph.Query, typ string, conn bool) ([]confgraph.Node, error) {
	pf, ok := s.(confgraph.Prefetcher)
	fc := graphql.GetFieldContext(ctx)
	if !ok || !batch.Active(ctx) || fc == nil {
		return s.Find(ctx, q)
	}
	p := newPlanner(ctx)
	plan := confgraph.Plan{Query: q}
	if conn {
		for _, c := range p.children(fc, fc.Field.Selections, []string{fc.Field.Definition.Type.Name()}) {
			plan.Total = plan.Total || c.Field.Name == "totalCount"
		}
		plan.Fetches = sortCounts(q.Sort)
		nodes := p.connectionNodes(fc)
		for _, n := range nodes {
			plan.Fetches = append(plan.Fetches, p.plan(n, typ)...)
		}
		plan.Fetches = mergeFetches(plan.Fetches)
		plan.Fields = p.fields(nodes, typ, q.Sort)
	} else {
		plan.Fetches = p.plan(fc, typ)
		plan.Fields = p.fields([]*graphql.FieldContext{fc}, typ, q.Sort)
	}
	res, err := pf.Prefetch(ctx, plan)
	if errors.Is(err, confgraph.ErrNoPrefetch) || confgraph.ErrorCode(err) == confgraph.EINVALID {
		// Asked step by step, a bad argument fails at its own field.
		return s.Find(ctx, q)
	}
	if err != nil {
		return nil, err
	}
	keep(ctx, res)
	if plan.Total {
		// Kept as the degree of no node, as pageOf.TotalCount reads it.
		batch.Keep(ctx, map[string]map[string]int{countKey(q.Label, q.Where): {"": res.Total}})
	}
	return res.Nodes, nil
}
