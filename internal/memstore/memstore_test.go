package memstore_test

import (
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
	"github.com/confgraph/confgraph/internal/memstore"
)

// open returns an empty store, closed when the test ends.
func open(t *testing.T) *memstore.Store {
	s := memstore.New()
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// TestContract runs the contract's suites: the embedded store has every
// capability but prefetching.
func TestContract(t *testing.T) {
	storetest.Reader(t, func(t *testing.T) confgraph.Store { return open(t) })
	storetest.Searcher(t, func(t *testing.T) confgraph.Store { return open(t) })
	storetest.Paths(t, func(t *testing.T) confgraph.Store { return open(t) })
	storetest.Replacer(t, func(t *testing.T) storetest.ReplacerStore { return open(t) })
}
