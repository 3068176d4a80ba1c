package graph

import (
	"slices"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Reach says what a field of an object type walks in the graph, for the
// cost model of the HTTP layer, which prices a list by how many nodes it
// can hold and a field by the nodes its resolver visits. It is read from
// the tables the resolvers use (relFields, confgraph.RelatedPaths), so
// the price follows the resolvers.
type Reach struct {
	// Rel and Dir are the relationship a list or connection field follows
	// from each object (Rel is empty for other fields).
	Rel confgraph.RelType
	Dir confgraph.Direction
	// Walks are the chains of relationships the resolver follows from each
	// object before it ranks and cuts its page (rankings, related talks):
	// each chain visits up to the product of its steps' degrees.
	Walks [][]confgraph.RelCount
	// Far is the label of the nodes the field returns or ranks.
	Far confgraph.Label
}

// ReachOf returns what the field of an object type walks, and false for a
// field that walks nothing (a property, or a field of a type that is not
// a node).
func ReachOf(typ, field string) (Reach, bool) {
	if typ == "Talk" && field == "related" {
		r := Reach{Far: confgraph.LabelTalk}
		for _, p := range confgraph.RelatedPaths {
			r.Walks = append(r.Walks, slices.Concat(p.Out, p.Back))
		}
		return r, true
	}
	spec, ok := relFields[typ][field]
	if !ok {
		return Reach{}, false
	}
	switch spec.kind {
	case kindList, kindConn, kindOne:
		return Reach{Rel: spec.rel, Dir: spec.dir, Far: confgraph.Label(spec.far)}, true
	case kindTally:
		t := spec.rank.Tally
		return Reach{Walks: [][]confgraph.RelCount{slices.Concat(t.Via, t.Far)}, Far: t.FarLabel()}, true
	}
	return Reach{}, false
}
