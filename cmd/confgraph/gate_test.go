package main

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
)

// flakyStore is a store whose availability the test switches; it counts
// the calls that reach it.
type flakyStore struct {
	*memstore.Store
	up    atomic.Bool
	calls atomic.Int64
}

func (f *flakyStore) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	f.calls.Add(1)
	if !f.up.Load() {
		return nil, confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is unavailable")
	}
	return f.Store.Find(ctx, q)
}

func (f *flakyStore) Ping(ctx context.Context) error {
	if !f.up.Load() {
		return confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is unavailable")
	}
	return nil
}

// TestGateFailsFastWhileTheStoreIsDown: after one call finds the store
// down, calls are refused without reaching it until the probe finds it
// back.
func TestGateFailsFastWhileTheStoreIsDown(t *testing.T) {
	st := &flakyStore{Store: memstore.New()}
	g := &gate{probeEvery: 10 * time.Millisecond}
	g.set(st)
	ctx := context.Background()
	q := confgraph.Query{Label: confgraph.LabelTalk, Limit: 1}
	if _, err := g.Find(ctx, q); confgraph.ErrorCode(err) != confgraph.EUNAVAILABLE {
		t.Fatalf("store down: %v, want EUNAVAILABLE", err)
	}
	for range 100 {
		if _, err := g.Find(ctx, q); confgraph.ErrorCode(err) != confgraph.EUNAVAILABLE {
			t.Fatalf("breaker open: %v, want EUNAVAILABLE", err)
		}
	}
	if n := st.calls.Load(); n != 1 {
		t.Errorf("%d calls reached a store seen down, want 1", n)
	}
	st.up.Store(true)
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := g.Find(ctx, q)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the store is back but calls still fail: %v", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
