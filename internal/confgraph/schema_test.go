package confgraph

import (
	"reflect"
	"testing"
)

// TestQueryTablesFollowTheSchema holds the query IR's property tables to
// the schema table until they are read from it.
func TestQueryTablesFollowTheSchema(t *testing.T) {
	if got := Graph.QueryFields(); !reflect.DeepEqual(got, Fields) {
		t.Errorf("Fields = %v, the schema says %v", Fields, got)
	}
	if got := Graph.SearchFields(); !reflect.DeepEqual(got, SearchFields) {
		t.Errorf("SearchFields = %v, the schema says %v", SearchFields, got)
	}
	for _, n := range Graph.Nodes {
		_, aliases := n.Prop(AliasField)
		if HasAliases(n.Label) != aliases {
			t.Errorf("HasAliases(%s) = %v, the schema says %v", n.Label, !aliases, aliases)
		}
	}
}

// TestPropertyMapsRoundTrip: every property the table declares is read
// by Properties and written back by Set, and Trim, CloneNode and
// MergeNode keep it.
func TestPropertyMapsRoundTrip(t *testing.T) {
	for _, spec := range Graph.Nodes {
		full := spec.New(ID(spec.Label, "x"))
		for i, p := range spec.Props {
			switch p.Kind {
			case PropInt:
				p.Set(full, i+1)
			case PropStrings:
				p.Set(full, []string{"alias"})
			default:
				p.Set(full, p.Name+" value")
			}
		}
		props := Properties(full)
		var names []string
		for _, p := range spec.Props {
			names = append(names, p.Name)
			if v, _ := p.Value(full); !reflect.DeepEqual(props[p.Name], v) {
				t.Errorf("%s.%s: Properties has %v, want %v", spec.Label, p.Name, props[p.Name], v)
			}
		}
		if len(props) != len(spec.Props)+1 {
			t.Errorf("%s: Properties has %d entries, the table %d and the id", spec.Label, len(props), len(spec.Props))
		}
		if c := CloneNode(full); !reflect.DeepEqual(c, full) {
			t.Errorf("%s: CloneNode = %+v, want %+v", spec.Label, c, full)
		}
		if c := Trim(full, names); !reflect.DeepEqual(c, full) {
			t.Errorf("%s: Trim to every property = %+v, want %+v", spec.Label, c, full)
		}
		empty := spec.New(full.NodeID())
		MergeNode(empty, full)
		if !reflect.DeepEqual(Properties(empty), props) {
			t.Errorf("%s: merged into an empty node: %v, want %v", spec.Label, Properties(empty), props)
		}
		if DisplayName(full) != spec.Display+" value" {
			t.Errorf("%s: DisplayName = %q", spec.Label, DisplayName(full))
		}
	}
}
