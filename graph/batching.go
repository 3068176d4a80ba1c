package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// gqlgen's batch resolvers receive the parents of one list at a time, so a
// query such as talks → speakers → companies calls Speaker.companies once
// per talk's speaker list. The per-request batcher joins those calls into
// one store call per relationship level: when a relationship field returns
// its lists, the batcher records how many non-empty lists (or objects)
// gqlgen will resolve children for, and a child call waits until all of
// its level's calls of the same shape have arrived before it goes to the
// store. MaxBatchWait bounds the wait should gqlgen skip a list.

// MaxBatchWait is the longest a store call waits for the rest of its level.
var MaxBatchWait = 20 * time.Millisecond

type batcherKey struct{}

type level struct {
	expected int // calls of one shape that will come from this level
}

type batcher struct {
	store   confgraph.Store
	mu      sync.Mutex
	levelOf map[string]*level // node ID -> the level that returned it
	groups  map[groupKey]*callGroup
}

type groupKey struct {
	shape string
	lvl   *level
}

// callGroup collects the calls of one shape from one level.
type callGroup struct {
	ids     []string
	arrived int
	done    chan struct{}
	fired   bool
	result  any
	err     error
}

// WithBatching returns a context whose relationship calls are batched
// across the request.
func WithBatching(ctx context.Context, s confgraph.Store) context.Context {
	return context.WithValue(ctx, batcherKey{}, &batcher{store: s, levelOf: map[string]*level{}, groups: map[groupKey]*callGroup{}})
}

func batcherFrom(ctx context.Context) *batcher {
	b, _ := ctx.Value(batcherKey{}).(*batcher)
	return b
}

// record notes the nodes a relationship field returned, grouped as gqlgen
// will resolve their children: one call per non-empty list.
func record(ctx context.Context, groups [][]string) {
	b := batcherFrom(ctx)
	if b == nil {
		return
	}
	lvl := &level{}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		lvl.expected++
		for _, id := range g {
			b.levelOf[id] = lvl
		}
	}
}

// join runs call for the union of the ids of every call of this shape from
// the same level, once all have arrived (or MaxBatchWait has passed).
func join(ctx context.Context, shape string, ids []string, call func(ids []string) (any, error)) (any, error) {
	b := batcherFrom(ctx)
	if b == nil || len(ids) == 0 {
		return call(ids)
	}
	b.mu.Lock()
	lvl := b.levelOf[ids[0]]
	if lvl == nil || lvl.expected <= 1 {
		b.mu.Unlock()
		return call(ids)
	}
	k := groupKey{shape, lvl}
	g := b.groups[k]
	if g == nil {
		g = &callGroup{done: make(chan struct{})}
		b.groups[k] = g
		time.AfterFunc(MaxBatchWait, func() { b.fire(k, g, call) })
	}
	g.ids = append(g.ids, ids...)
	g.arrived++
	ready := g.arrived >= lvl.expected
	b.mu.Unlock()
	if ready {
		b.fire(k, g, call)
	}
	select {
	case <-g.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return g.result, g.err
}

func (b *batcher) fire(k groupKey, g *callGroup, call func([]string) (any, error)) {
	b.mu.Lock()
	if g.fired {
		b.mu.Unlock()
		return
	}
	g.fired = true
	delete(b.groups, k)
	ids := uniq(g.ids)
	b.mu.Unlock()
	g.result, g.err = call(ids)
	close(g.done)
}

func shapeKey(parts ...any) string {
	b, err := json.Marshal(parts)
	if err != nil {
		return fmt.Sprint(parts...)
	}
	return string(b)
}

// relatedQuery is store.RelatedQuery, joined with the other calls of its
// level.
func relatedQuery(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	v, err := join(ctx, shapeKey("rq", rel, dir, q), ids, func(ids []string) (any, error) {
		return s.RelatedQuery(ctx, ids, rel, dir, q)
	})
	m, _ := v.(map[string][]confgraph.Edge)
	return m, err
}

// related is store.Related, joined with the other calls of its level.
func related(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	v, err := join(ctx, shapeKey("r", rel, dir), ids, func(ids []string) (any, error) {
		return s.Related(ctx, ids, rel, dir)
	})
	m, _ := v.(map[string][]confgraph.Edge)
	return m, err
}

// degreesOf is store.Degrees, joined with the other calls of its level.
func degreesOf(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	v, err := join(ctx, shapeKey("d", rel, dir, where), ids, func(ids []string) (any, error) {
		return s.Degrees(ctx, ids, rel, dir, where)
	})
	m, _ := v.(map[string]int)
	return m, err
}
