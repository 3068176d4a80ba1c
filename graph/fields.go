package graph

import (
	"github.com/confgraph/confgraph/internal/confgraph"
)

// The fields of each object type that the planner plans and the generic
// executor (relations.go) resolves are read from one table, built from
// the domain's schema (confgraph.Graph) and rankings (confgraph.Rankings),
// so that what the planner prefetches and what a resolver asks are the
// same call.

// fieldKind says how a relationship field resolves.
type fieldKind int

const (
	kindList   fieldKind = iota + 1 // a filtered, sorted page of far nodes
	kindConn                        // a connection over the far nodes
	kindOne                         // the single far node
	kindDegree                      // a count
	kindTally                       // a ranking counted over a chain
)

// relField is what a relationship field of an object type asks the store.
type relField struct {
	kind  fieldKind
	rel   confgraph.RelType
	dir   confgraph.Direction
	far   string             // GraphQL type of the far nodes
	count confgraph.RelCount // kindDegree
	rank  confgraph.Ranking  // kindTally
}

// fieldsOf builds the relationship fields by object type and field name
// from a schema and its rankings.
func fieldsOf(s *confgraph.Schema, rankings map[confgraph.Label]map[string]confgraph.Ranking) map[string]map[string]relField {
	out := map[string]map[string]relField{}
	kinds := map[confgraph.RelFieldKind]fieldKind{confgraph.RelFieldList: kindList, confgraph.RelFieldConn: kindConn,
		confgraph.RelFieldOne: kindOne, confgraph.RelFieldCount: kindDegree}
	for label, fields := range s.RelFields() {
		out[string(label)] = map[string]relField{}
		for name, f := range fields {
			out[string(label)][name] = relField{kind: kinds[f.Kind], rel: f.Rel.Type, dir: f.Dir, far: string(f.Far()), count: f.Count}
		}
	}
	for label, fields := range rankings {
		for name, r := range fields {
			if out[string(label)] == nil {
				out[string(label)] = map[string]relField{}
			}
			out[string(label)][name] = relField{kind: kindTally, far: string(r.Tally.FarLabel()), rank: r}
		}
	}
	return out
}

// relFields are the relationship fields of the conference graph.
var relFields = fieldsOf(confgraph.Graph, confgraph.Rankings)

// propsOf builds, for each object type, the stored properties each scalar
// field reads: every property's field (Prop.GraphQLField), and
// Project.maturityOn.
func propsOf(s *confgraph.Schema) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, n := range s.Nodes {
		m := map[string][]string{}
		for _, p := range n.Props {
			if f := p.GraphQLField(); f != "" {
				m[f] = append(m[f], p.Name)
			}
		}
		out[string(n.Label)] = m
	}
	out[string(confgraph.LabelProject)]["maturityOn"] = confgraph.MaturityProps
	return out
}

// scalarProps are the stored properties (as confgraph.Properties names
// them) each scalar field of a type reads. A field in neither this table
// nor relFields (other than id and __typename) makes the plan read every
// property of its objects.
var scalarProps = propsOf(confgraph.Graph)

// edgeProps are the relationship properties each field of a
// relationship connection's edge reads.
var edgeProps = map[string][]string{"cursor": nil, "node": nil, "type": nil, "role": {"role"}, "evidence": {"evidence"}}

// implementors returns the type and the interfaces it implements, as
// fragments may name them.
func implementors(typ string) []string {
	out := []string{typ}
	if def := parsedSchema.Types[typ]; def != nil {
		out = append(out, def.Interfaces...)
	}
	return out
}
