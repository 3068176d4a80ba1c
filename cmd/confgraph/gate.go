package main

import (
	"context"
	"sync/atomic"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// gate is a store that is not there yet: serve listens at once and opens
// Neo4j in the background, answering STORE_UNAVAILABLE until it can.
type gate struct {
	s atomic.Pointer[confgraph.Store]
}

func (g *gate) set(s confgraph.Store) { g.s.Store(&s) }

func (g *gate) get() (confgraph.Store, error) {
	p := g.s.Load()
	if p == nil {
		return nil, confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is not ready yet")
	}
	return *p, nil
}

// ready reports whether the store is open and answers.
func (g *gate) ready(ctx context.Context) error {
	s, err := g.get()
	if err != nil {
		return err
	}
	if p, ok := s.(interface{ Ping(context.Context) error }); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (g *gate) Write(ctx context.Context, b *confgraph.Batch) error {
	s, err := g.get()
	if err != nil {
		return err
	}
	return s.Write(ctx, b)
}

func (g *gate) List(ctx context.Context, l confgraph.Label, p confgraph.Page) ([]confgraph.Node, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.List(ctx, l, p)
}

func (g *gate) Nodes(ctx context.Context, ids []string) (map[string]confgraph.Node, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Nodes(ctx, ids)
}

func (g *gate) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Related(ctx, ids, rel, dir)
}

func (g *gate) Counts(ctx context.Context) (map[string]int, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Counts(ctx)
}

func (g *gate) Dump(ctx context.Context) (*confgraph.Batch, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Dump(ctx)
}

func (g *gate) Close() error {
	if p := g.s.Load(); p != nil {
		return (*p).Close()
	}
	return nil
}

func (g *gate) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Find(ctx, q)
}

func (g *gate) Count(ctx context.Context, l confgraph.Label, where *confgraph.Filter) (int, error) {
	s, err := g.get()
	if err != nil {
		return 0, err
	}
	return s.Count(ctx, l, where)
}

func (g *gate) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.RelatedQuery(ctx, ids, rel, dir, q)
}

func (g *gate) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Degrees(ctx, ids, rel, dir, where)
}

func (g *gate) Search(ctx context.Context, text string, labels []confgraph.Label, limit int) ([]confgraph.SearchHit, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.Search(ctx, text, labels, limit)
}

func (g *gate) ShortestPath(ctx context.Context, from, to string, maxHops int) (*confgraph.Path, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	return s.ShortestPath(ctx, from, to, maxHops)
}

func (g *gate) ReplaceDocument(ctx context.Context, name string, b *confgraph.Batch) error {
	s, err := g.get()
	if err != nil {
		return err
	}
	r, ok := s.(confgraph.DocumentReplacer)
	if !ok {
		return confgraph.Errorf(confgraph.EINVALID, "this store cannot replace documents")
	}
	return r.ReplaceDocument(ctx, name, b)
}

func (g *gate) Prefetch(ctx context.Context, plan confgraph.Plan) (*confgraph.Prefetched, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	p, ok := s.(confgraph.Prefetcher)
	if !ok {
		return nil, confgraph.ErrNoPrefetch
	}
	return p.Prefetch(ctx, plan)
}

func (g *gate) Shape(ctx context.Context) (*confgraph.Shape, error) {
	s, err := g.get()
	if err != nil {
		return nil, err
	}
	sh, ok := s.(confgraph.Shaper)
	if !ok {
		return nil, confgraph.Errorf(confgraph.EINVALID, "this store keeps no shape")
	}
	return sh.Shape(ctx)
}
