package confgraph

import (
	"slices"
	"sync"
)

// Reach says what a GraphQL field of a label walks in the graph, for a
// cost model that prices a list by how many nodes it can hold and a field
// by the nodes its resolver visits. It is read from the tables the
// resolvers follow (the schema's RelFields, Rankings, RelatedPaths), so
// the price follows the resolvers.
type Reach struct {
	// Rel and Dir are the relationship a list, connection or single-node
	// field follows from each object (Rel is empty for other fields).
	Rel RelType
	Dir Direction
	// Walks are the chains of relationships the resolver follows from each
	// object before it ranks and cuts its page (rankings, related talks):
	// each chain visits up to the product of its steps' degrees.
	Walks [][]RelCount
	// Far is the label of the nodes the field returns or ranks.
	Far Label
}

var relFieldsOfGraph = sync.OnceValue(Graph.RelFields)

// ReachOf returns what the field of an object type walks, and false for a
// field that walks nothing (a property or a count, or a field of a type
// that is not a node).
func ReachOf(typ, field string) (Reach, bool) {
	if Label(typ) == LabelTalk && field == "related" {
		r := Reach{Far: LabelTalk}
		for _, p := range RelatedPaths {
			r.Walks = append(r.Walks, slices.Concat(p.Out, p.Back))
		}
		return r, true
	}
	if rk, ok := Rankings[Label(typ)][field]; ok {
		t := rk.Tally
		return Reach{Walks: [][]RelCount{slices.Concat(t.Via, t.Far)}, Far: t.FarLabel()}, true
	}
	f, ok := relFieldsOfGraph()[Label(typ)][field]
	if !ok || f.Kind == RelFieldCount {
		return Reach{}, false
	}
	return Reach{Rel: f.Rel.Type, Dir: f.Dir, Far: f.Far()}, true
}
