// Package batch joins the store calls of one request.
//
// A GraphQL executor resolves the children of a list one parent list at a
// time, so a query such as talks → speakers → companies asks for
// Speaker.companies once per talk's speaker list. The request's batcher
// joins those calls into one per level of the answer: when a field
// returns its nodes, Record notes how many non-empty groups (lists or
// single objects) will ask about their children, and a call Join is
// given waits until every call of the same shape from that level has
// arrived, then goes once for the union of their IDs. MaxWait bounds the
// wait should a group never ask.
//
// The batcher also keeps what a prefetch brought (Keep): a call whose
// answer is kept for every ID it asks about is answered from there.
// Calls are named by their shape (Key), the same name a prefetch keeps
// its answer under.
package batch

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// MaxWait is the longest a call waits for the rest of its level.
var MaxWait = 20 * time.Millisecond

type key struct{}

// level is one answer's worth of groups: the calls of one shape that will
// come from it.
type level struct{ expected int }

type batcher struct {
	mu      sync.Mutex
	levelOf map[string]*level // node ID -> the level that returned it
	groups  map[groupKey]*group
	kept    map[string]any // shape -> map[string]V, a prefetch's answers
}

type groupKey struct {
	shape string
	lvl   *level
}

// group collects the calls of one shape from one level.
type group struct {
	ids     []string
	arrived int
	done    chan struct{}
	fired   bool
	result  any
	err     error
}

// With returns a context whose calls through Join are joined across the
// request.
func With(ctx context.Context) context.Context {
	return context.WithValue(ctx, key{}, &batcher{levelOf: map[string]*level{}, groups: map[groupKey]*group{}, kept: map[string]any{}})
}

// Active reports whether ctx joins calls.
func Active(ctx context.Context) bool { return from(ctx) != nil }

func from(ctx context.Context) *batcher {
	b, _ := ctx.Value(key{}).(*batcher)
	return b
}

// Key names a call by its shape: what it asks, without the IDs.
func Key(parts ...any) string {
	b, err := json.Marshal(parts)
	if err != nil {
		return fmt.Sprint(parts...)
	}
	return string(b)
}

// Record notes the nodes a field returned, grouped as their children will
// be resolved: one call per non-empty group.
func Record(ctx context.Context, groups [][]string) {
	b := from(ctx)
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

// Join answers the call named shape for ids: from what a prefetch kept
// when it holds the answer for every one of them, else by call for the
// union of the ids of every call of this shape from the same level, once
// all have arrived (or MaxWait has passed).
func Join[V any](ctx context.Context, shape string, ids []string, call func(ids []string) (map[string]V, error)) (map[string]V, error) {
	if m, ok := Kept[V](ctx, shape, ids); ok {
		return m, nil
	}
	b := from(ctx)
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
		g = &group{done: make(chan struct{})}
		b.groups[k] = g
		time.AfterFunc(MaxWait, func() { b.fire(k, g, anyCall) })
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

func (b *batcher) fire(k groupKey, g *group, call func([]string) (any, error)) {
	b.mu.Lock()
	if g.fired {
		b.mu.Unlock()
		return
	}
	g.fired = true
	delete(b.groups, k)
	ids := confgraph.DistinctIDs(g.ids)
	b.mu.Unlock()
	g.result, g.err = call(ids)
	close(g.done)
}

// Keep keeps a prefetch's answers, by shape and ID, for the rest of the
// request.
func Keep[V any](ctx context.Context, answers map[string]map[string]V) {
	b := from(ctx)
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for shape, m := range answers {
		into, _ := b.kept[shape].(map[string]V)
		if into == nil {
			into = map[string]V{}
			b.kept[shape] = into
		}
		for id, v := range m {
			into[id] = v
		}
	}
}

// Kept returns the kept answers of the call named shape, when there is
// one for every one of ids.
func Kept[V any](ctx context.Context, shape string, ids []string) (map[string]V, bool) {
	b := from(ctx)
	if b == nil {
		return nil, false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	m, _ := b.kept[shape].(map[string]V)
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
