package batch

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// echo answers each id with itself, counting the calls and keeping the
// ids of each.
type echo struct {
	mu    sync.Mutex
	calls [][]string
}

func (e *echo) call(ids []string) (map[string]string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls = append(e.calls, slices.Sorted(slices.Values(ids)))
	out := map[string]string{}
	for _, id := range ids {
		out[id] = id
	}
	return out, nil
}

// askAll makes one call per group at once, as an executor resolving each
// group's children does, and returns each call's answer.
func askAll(ctx context.Context, shape string, groups [][]string, e *echo) []map[string]string {
	out := make([]map[string]string, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Go(func() {
			m, err := Join(ctx, shape, g, e.call)
			if err != nil {
				panic(err)
			}
			out[i] = m
		})
	}
	wg.Wait()
	return out
}

func TestJoinMakesOneCallPerLevel(t *testing.T) {
	ctx := With(context.Background())
	groups := [][]string{{"a", "b"}, {}, {"c"}, {"b", "d"}}
	Record(ctx, groups)
	e := &echo{}
	got := askAll(ctx, Key("speakers"), [][]string{{"a", "b"}, {"c"}, {"b", "d"}}, e)
	if want := [][]string{{"a", "b", "c", "d"}}; !slices.EqualFunc(e.calls, want, slices.Equal) {
		t.Fatalf("calls %v, want one call for the level %v", e.calls, want)
	}
	if got[1]["c"] != "c" || got[2]["d"] != "d" {
		t.Errorf("each caller gets the answer of its ids: %v", got)
	}
	// Another shape from the same level is a call of its own.
	askAll(ctx, Key("companies"), [][]string{{"a", "b"}, {"c"}, {"b", "d"}}, e)
	if len(e.calls) != 2 {
		t.Errorf("%d calls after a second shape, want 2", len(e.calls))
	}
}

func TestJoinDoesNotWaitForAGroupThatNeverAsks(t *testing.T) {
	old := MaxWait
	MaxWait = 30 * time.Millisecond
	defer func() { MaxWait = old }()
	ctx := With(context.Background())
	Record(ctx, [][]string{{"a"}, {"b"}})
	e := &echo{}
	start := time.Now()
	m, err := Join(ctx, Key("x"), []string{"a"}, e.call)
	if err != nil || m["a"] != "a" {
		t.Fatalf("Join = %v, %v", m, err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("waited %v for a group that never asked", d)
	}
}

func TestKeptAnswersAreNotAskedAgain(t *testing.T) {
	ctx := With(context.Background())
	Keep(ctx, map[string]map[string]int{Key("count"): {"a": 3, "b": 0}})
	var calls atomic.Int32
	call := func(ids []string) (map[string]int, error) {
		calls.Add(1)
		return map[string]int{}, nil
	}
	m, _ := Join(ctx, Key("count"), []string{"a", "b"}, call)
	if calls.Load() != 0 || m["a"] != 3 {
		t.Errorf("kept answer: got %v after %d calls", m, calls.Load())
	}
	// An id the prefetch did not bring goes to the store, as does the same
	// shape asked with another value type.
	if _, ok := Kept[int](ctx, Key("count"), []string{"a", "c"}); ok {
		t.Error("Kept answered for an id it does not hold")
	}
	if _, ok := Kept[string](ctx, Key("count"), []string{"a"}); ok {
		t.Error("Kept answered with another value type")
	}
	Join(ctx, Key("count"), []string{"c"}, call)
	if calls.Load() != 1 {
		t.Errorf("%d calls for an id not kept, want 1", calls.Load())
	}
}

func TestWithoutBatchingEveryCallGoes(t *testing.T) {
	ctx := context.Background()
	Record(ctx, [][]string{{"a"}, {"b"}})
	Keep(ctx, map[string]map[string]string{"k": {"a": "kept"}})
	e := &echo{}
	askAll(ctx, "k", [][]string{{"a"}, {"b"}}, e)
	if len(e.calls) != 2 || Active(ctx) {
		t.Errorf("calls %v without a batcher, want 2", e.calls)
	}
}
