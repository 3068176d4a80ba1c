package confgraph

import "context"

// Shape summarises how big the graph is, in figures a store keeps or can
// compute cheaply. The API's cost model estimates the size of a list the
// query gives no page size for from it.
type Shape struct {
	// Nodes counts the nodes of each label.
	Nodes map[Label]int
	// MaxDegree holds, for each relationship type and Direction, the most
	// relationships of that type one node has in that direction.
	MaxDegree map[RelType][2]int
}

// Degree returns the most far nodes rel followed in dir reaches from one
// node, and whether the shape knows it.
func (s *Shape) Degree(rel RelType, dir Direction) (int, bool) {
	if s == nil || s.MaxDegree == nil {
		return 0, false
	}
	d, ok := s.MaxDegree[rel]
	if !ok || dir < Out || dir > In {
		return 0, false
	}
	return d[dir], true
}

// Count returns how many nodes have label l, and whether the shape knows
// it.
func (s *Shape) Count(l Label) (int, bool) {
	if s == nil || s.Nodes == nil {
		return 0, false
	}
	n, ok := s.Nodes[l]
	return n, ok
}

// Shaper is a store that can summarise its Shape.
type Shaper interface {
	Shape(ctx context.Context) (*Shape, error)
}
