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

	// Answers a prefetch brought, by call shape and node ID.
	edges   map[string]map[string][]confgraph.Edge
	degrees map[string]map[string]int
	tallies map[string]map[string][]confgraph.Counted
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
	return context.WithValue(ctx, batcherKey{}, &batcher{store: s, levelOf: map[string]*level{}, groups: map[groupKey]*callGroup{},
		edges: map[string]map[string][]confgraph.Edge{}, degrees: map[string]map[string]int{},
		tallies: map[string]map[string][]confgraph.Counted{}})
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

// join answers the call named shape for ids: from the request's prefetch
// when it brought the answer (in the map pick chooses) for every one of
// them, else by call for the union of the ids of every call of this shape
// from the same level, once all have arrived (or MaxBatchWait has
// passed).
func join[V any](ctx context.Context, pick func(*batcher) map[string]map[string]V, shape string, ids []string, call func(ids []string) (map[string]V, error)) (map[string]V, error) {
	if m, ok := prefetched(ctx, pick, shape, ids); ok {
		return m, nil
	}
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
	anyCall := func(ids []string) (any, error) { return call(ids) }
	if g == nil {
		g = &callGroup{done: make(chan struct{})}
		b.groups[k] = g
		time.AfterFunc(MaxBatchWait, func() { b.fire(k, g, anyCall) })
	}
	g.ids = append(g.ids, ids...)
	g.arrived++
	ready := g.arrived >= lvl.expected
	b.mu.Unlock()
	if ready {
		b.fire(k, g, anyCall)
	}
	select {
	case <-g.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	m, _ := g.result.(map[string]V)
	return m, g.err
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

// remember keeps the answers of a prefetch for the rest of the request.
func (b *batcher) remember(p *confgraph.Prefetched) {
	b.mu.Lock()
	defer b.mu.Unlock()
	keep(b.edges, p.Edges)
	keep(b.degrees, p.Degrees)
	keep(b.tallies, p.Tallies)
}

func keep[V any](into, from map[string]map[string]V) {
	for k, m := range from {
		if into[k] == nil {
			into[k] = map[string]V{}
		}
		for id, v := range m {
			into[k][id] = v
		}
	}
}

// prefetched returns the answers a prefetch brought for the call named
// key, when it brought them for every one of ids.
func prefetched[V any](ctx context.Context, pick func(*batcher) map[string]map[string]V, key string, ids []string) (map[string]V, bool) {
	b := batcherFrom(ctx)
	if b == nil {
		return nil, false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	m := pick(b)[key]
	if m == nil {
		return nil, false
	}
	out := make(map[string]V, len(ids))
	for _, id := range ids {
		v, ok := m[id]
		if !ok {
			return nil, false
		}
		out[id] = v
	}
	return out, true
}

func pickEdges(b *batcher) map[string]map[string][]confgraph.Edge      { return b.edges }
func pickDegrees(b *batcher) map[string]map[string]int                 { return b.degrees }
func pickTallies(b *batcher) map[string]map[string][]confgraph.Counted { return b.tallies }

// relatedQuery is store.RelatedQuery, joined with the other calls of its
// level.
func relatedQuery(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	return join(ctx, pickEdges, shapeKey("rq", rel, dir, q), ids, func(ids []string) (map[string][]confgraph.Edge, error) {
		return s.RelatedQuery(ctx, ids, rel, dir, q)
	})
}

// related is store.Related, joined with the other calls of its level.
func related(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	return join(ctx, pickEdges, shapeKey("r", rel, dir), ids, func(ids []string) (map[string][]confgraph.Edge, error) {
		return s.Related(ctx, ids, rel, dir)
	})
}

// degreesOf is store.Degrees, joined with the other calls of its level.
func degreesOf(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	return join(ctx, pickDegrees, degreeKey(confgraph.RelCount{Rel: rel, Dir: dir}, where), ids, func(ids []string) (map[string]int, error) {
		return s.Degrees(ctx, ids, rel, dir, where)
	})
}

// tallyOf ranks the tally t for each of ids (a prefetch's answer, or one
// store call per step).
func tallyOf(ctx context.Context, s confgraph.Store, ids []string, t confgraph.Tally) (map[string][]confgraph.Counted, error) {
	if m, ok := prefetched(ctx, pickTallies, tallyKey(t), ids); ok {
		return m, nil
	}
	return confgraph.StepwiseTally(ctx, joined{s}, ids, t)
}

// degrees counts rc for each node: one store call, or two for a count
// through an intermediate node, each joined with its level's calls.
func degrees(ctx context.Context, s confgraph.Store, ids []string, rc confgraph.RelCount) (map[string]int, error) {
	if rc.Then == nil {
		return degreesOf(ctx, s, ids, rc.Rel, rc.Dir, nil)
	}
	if m, ok := prefetched(ctx, pickDegrees, degreeKey(rc, nil), ids); ok {
		return m, nil
	}
	return confgraph.StepwiseDegrees(ctx, joined{s}, ids, rc, nil)
}

// joined is the store with Related and RelatedQuery joined across the
// request's level, for the domain's walks over a Store.
type joined struct{ confgraph.Store }

func (j joined) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	return related(ctx, j.Store, ids, rel, dir)
}

func (j joined) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	return relatedQuery(ctx, j.Store, ids, rel, dir, q)
}

// degreeKey names a count of rc (with where, for one step).
func degreeKey(rc confgraph.RelCount, where *confgraph.Filter) string {
	if rc.Then == nil {
		return shapeKey("d", rc.Rel, rc.Dir, where)
	}
	return shapeKey("deg", rc)
}

func tallyKey(t confgraph.Tally) string { return shapeKey("tally", t) }

func countKey(label confgraph.Label, where *confgraph.Filter) string {
	return shapeKey("count", label, where)
}
