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
