package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// gate is a store that is not there yet: serve listens at once and opens
// Neo4j in the background, answering STORE_UNAVAILABLE until it can.
//
// It is also a circuit breaker: once a call finds the store unavailable,
// later calls are answered STORE_UNAVAILABLE at once, without waiting for
// a connection, until a probe in the background (or /readyz) finds the
// store answering again.
type gate struct {
	s atomic.Pointer[confgraph.Store]

	down    atomic.Bool
	probing sync.Mutex // held by the one probe running
	// probeEvery is how often the probe pings a store seen down.
	probeEvery time.Duration
}

// defaultProbeEvery is how often a store seen down is pinged.
const defaultProbeEvery = 500 * time.Millisecond

func (g *gate) set(s confgraph.Store) { g.s.Store(&s) }

func (g *gate) get() (confgraph.Store, error) {
	p := g.s.Load()
	if p == nil {
		return nil, confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is not ready yet")
	}
	if g.down.Load() {
		return nil, confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is unavailable")
	}
	return *p, nil
}

// saw notes the outcome of a call: an unavailable store opens the
// breaker and starts the probe.
func (g *gate) saw(err error) {
	if err == nil || confgraph.ErrorCode(err) != confgraph.EUNAVAILABLE || g.down.Swap(true) {
		return
	}
	go g.probe()
}

// probe pings the store until it answers, then closes the breaker.
func (g *gate) probe() {
	if !g.probing.TryLock() {
		return
	}
	defer g.probing.Unlock()
	every := g.probeEvery
	if every <= 0 {
		every = defaultProbeEvery
	}
	for g.down.Load() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := g.ping(ctx)
		cancel()
		if err == nil {
			g.down.Store(false)
			return
		}
		time.Sleep(every)
	}
}

// ping asks the store itself, past the breaker.
func (g *gate) ping(ctx context.Context) error {
	p := g.s.Load()
	if p == nil {
		return confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is not ready yet")
	}
	if s, ok := (*p).(interface{ Ping(context.Context) error }); ok {
		return s.Ping(ctx)
	}
	return nil
}

// ready reports whether the store is open and answers; an answer closes
// the breaker.
func (g *gate) ready(ctx context.Context) error {
	if err := g.ping(ctx); err != nil {
		return err
	}
	g.down.Store(false)
	return nil
}

// through calls f on the store, past the breaker when it is closed.
func through[T any](g *gate, f func(confgraph.Store) (T, error)) (T, error) {
	s, err := g.get()
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := f(s)
	g.saw(err)
	return v, err
}

func (g *gate) Write(ctx context.Context, b *confgraph.Batch) error {
	_, err := through(g, func(s confgraph.Store) (struct{}, error) { return struct{}{}, s.Write(ctx, b) })
	return err
}

func (g *gate) List(ctx context.Context, l confgraph.Label, p confgraph.Page) ([]confgraph.Node, error) {
	return through(g, func(s confgraph.Store) ([]confgraph.Node, error) { return s.List(ctx, l, p) })
}

func (g *gate) Nodes(ctx context.Context, ids []string) (map[string]confgraph.Node, error) {
	return through(g, func(s confgraph.Store) (map[string]confgraph.Node, error) { return s.Nodes(ctx, ids) })
}

func (g *gate) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	return through(g, func(s confgraph.Store) (map[string][]confgraph.Edge, error) { return s.Related(ctx, ids, rel, dir) })
}

func (g *gate) Counts(ctx context.Context) (map[string]int, error) {
	return through(g, func(s confgraph.Store) (map[string]int, error) { return s.Counts(ctx) })
}

func (g *gate) Dump(ctx context.Context) (*confgraph.Batch, error) {
	return through(g, func(s confgraph.Store) (*confgraph.Batch, error) { return s.Dump(ctx) })
}

func (g *gate) Close() error {
	if p := g.s.Load(); p != nil {
		return (*p).Close()
	}
	return nil
}

func (g *gate) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	return through(g, func(s confgraph.Store) ([]confgraph.Node, error) { return s.Find(ctx, q) })
}

func (g *gate) Count(ctx context.Context, l confgraph.Label, where *confgraph.Filter) (int, error) {
	return through(g, func(s confgraph.Store) (int, error) { return s.Count(ctx, l, where) })
}

func (g *gate) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	return through(g, func(s confgraph.Store) (map[string][]confgraph.Edge, error) {
		return s.RelatedQuery(ctx, ids, rel, dir, q)
	})
}

func (g *gate) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	return through(g, func(s confgraph.Store) (map[string]int, error) { return s.Degrees(ctx, ids, rel, dir, where) })
}

func (g *gate) Search(ctx context.Context, text string, labels []confgraph.Label, limit int) ([]confgraph.SearchHit, error) {
	return through(g, func(s confgraph.Store) ([]confgraph.SearchHit, error) { return s.Search(ctx, text, labels, limit) })
}

func (g *gate) ShortestPath(ctx context.Context, from, to string, maxHops int, types []confgraph.RelType) (*confgraph.Path, error) {
	return through(g, func(s confgraph.Store) (*confgraph.Path, error) { return s.ShortestPath(ctx, from, to, maxHops, types) })
}

func (g *gate) ReplaceDocument(ctx context.Context, name string, b *confgraph.Batch) error {
	_, err := through(g, func(s confgraph.Store) (struct{}, error) {
		r, ok := s.(confgraph.DocumentReplacer)
		if !ok {
			return struct{}{}, confgraph.Errorf(confgraph.EINVALID, "this store cannot replace documents")
		}
		return struct{}{}, r.ReplaceDocument(ctx, name, b)
	})
	return err
}

// throughKeeper calls f on the store behind the gate as a
// confgraph.SourceKeeper.
func throughKeeper[T any](g *gate, f func(confgraph.SourceKeeper) (T, error)) (T, error) {
	return through(g, func(s confgraph.Store) (T, error) {
		k, ok := s.(confgraph.SourceKeeper)
		if !ok {
			var zero T
			return zero, confgraph.Errorf(confgraph.EINVALID, "this store does not keep documents")
		}
		return f(k)
	})
}

func (g *gate) Sources(ctx context.Context) (*confgraph.SourceSet, error) {
	return throughKeeper(g, func(k confgraph.SourceKeeper) (*confgraph.SourceSet, error) { return k.Sources(ctx) })
}

func (g *gate) SourceVersion(ctx context.Context) (int64, error) {
	return throughKeeper(g, func(k confgraph.SourceKeeper) (int64, error) { return k.SourceVersion(ctx) })
}

func (g *gate) SourceTexts(ctx context.Context, names []string) (map[string][]byte, error) {
	return throughKeeper(g, func(k confgraph.SourceKeeper) (map[string][]byte, error) { return k.SourceTexts(ctx, names) })
}

func (g *gate) KeepSources(ctx context.Context, texts map[string][]byte) error {
	_, err := throughKeeper(g, func(k confgraph.SourceKeeper) (struct{}, error) { return struct{}{}, k.KeepSources(ctx, texts) })
	return err
}

func (g *gate) ApplyDocuments(ctx context.Context, version int64, changes []confgraph.DocumentChange) error {
	_, err := throughKeeper(g, func(k confgraph.SourceKeeper) (struct{}, error) {
		return struct{}{}, k.ApplyDocuments(ctx, version, changes)
	})
	return err
}

// Pin pins the store behind the gate when it can pin; otherwise reads go
// through unpinned.
func (g *gate) Pin(ctx context.Context) (context.Context, func()) {
	if p := g.s.Load(); p != nil {
		if pn, ok := (*p).(confgraph.Pinner); ok {
			return pn.Pin(ctx)
		}
	}
	return ctx, func() {}
}

func (g *gate) Prefetch(ctx context.Context, plan confgraph.Plan) (*confgraph.Prefetched, error) {
	return through(g, func(s confgraph.Store) (*confgraph.Prefetched, error) {
		p, ok := s.(confgraph.Prefetcher)
		if !ok {
			return nil, confgraph.ErrNoPrefetch
		}
		return p.Prefetch(ctx, plan)
	})
}

func (g *gate) Shape(ctx context.Context) (*confgraph.Shape, error) {
	return through(g, func(s confgraph.Store) (*confgraph.Shape, error) {
		sh, ok := s.(confgraph.Shaper)
		if !ok {
			return nil, confgraph.Errorf(confgraph.EINVALID, "this store keeps no shape")
		}
		return sh.Shape(ctx)
	})
}
