package memstore

import (
	"context"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var _ confgraph.Shaper = (*Store)(nil)

// Shape counts the nodes of each label and the largest degree of each
// relationship type and direction. It is computed once after each change
// (reindex forgets it) and is then free.
func (s *Store) Shape(ctx context.Context) (*confgraph.Shape, error) {
	s = s.view(ctx)
	if sh := s.shape.Load(); sh != nil {
		return sh, nil
	}
	sh := &confgraph.Shape{Nodes: map[confgraph.Label]int{}, MaxDegree: map[confgraph.RelType][2]int{}}
	for _, l := range confgraph.Labels {
		sh.Nodes[l] = len(s.byLabel[l])
	}
	for _, t := range confgraph.RelTypes {
		var d [2]int
		for dir := range s.adj {
			for _, keys := range s.adj[dir][t] {
				d[dir] = max(d[dir], len(keys))
			}
		}
		sh.MaxDegree[t] = d
	}
	// A writer waits for the read lock to go, and forgets the shape after.
	s.shape.Store(sh)
	return sh, nil
}
