package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestFieldsMatchTheSchema holds relFields, which the planner and the
// executor both read, to schema.graphqls: every relationship field of a
// node type is in the table with the type the schema gives it, and every
// entry of the table is a field of the type or a key of its sort input.
func TestFieldsMatchTheSchema(t *testing.T) {
	for _, label := range confgraph.Labels {
		typ := string(label)
		def := parsedSchema.Types[typ]
		for _, f := range def.Fields {
			name := f.Type.Name()
			_, isNode := relFields[name]
			if !isNode && !strings.HasPrefix(name, "Related") && !strings.HasSuffix(name, "Count") {
				continue
			}
			if f.Name == "related" {
				continue // Talk.related: the domain's scoring (reach.go prices it)
			}
			spec, ok := relFields[typ][f.Name]
			if !ok {
				t.Errorf("%s.%s (%s) is not in relFields", typ, f.Name, f.Type)
				continue
			}
			if far := strings.TrimSuffix(strings.TrimPrefix(name, "Related"), "Connection"); isNode || spec.kind == kindConn {
				if far != spec.far {
					t.Errorf("%s.%s returns %s, relFields says %s", typ, f.Name, far, spec.far)
				}
			}
		}
		sort := parsedSchema.Types[typ+"Sort"]
		for name, spec := range relFields[typ] {
			if def.Fields.ForName(name) == nil && (spec.kind != kindDegree || sort == nil || sort.Fields.ForName(name) == nil) {
				t.Errorf("relFields has %s.%s, which the schema does not", typ, name)
			}
		}
	}
}

// TestAddRelationship declares a relationship type in a copy of the
// schema table and sees the fields the planner and the executor read
// appear on both its ends, with nothing else written.
func TestAddRelationship(t *testing.T) {
	s := *confgraph.Graph
	quotes := &confgraph.RelSpec{Type: "QUOTES", From: confgraph.LabelRecap, To: confgraph.LabelSpeaker,
		Out: confgraph.RelEnd{Field: "speakers", Count: "speakerCount"}, In: confgraph.RelEnd{Field: "quotedIn"}}
	s.Rels = append(slices.Clone(s.Rels), quotes)
	fields := fieldsOf(&s, confgraph.Rankings)
	for _, c := range []struct {
		typ, field string
		want       relField
	}{
		{"Recap", "speakers", relField{kind: kindList, rel: "QUOTES", dir: confgraph.Out, far: "Speaker"}},
		{"Recap", "speakersConnection", relField{kind: kindConn, rel: "QUOTES", dir: confgraph.Out, far: "Speaker"}},
		{"Recap", "speakerCount", relField{kind: kindDegree, rel: "QUOTES", dir: confgraph.Out, far: "Speaker",
			count: confgraph.RelCount{Rel: "QUOTES", Dir: confgraph.Out}}},
		{"Speaker", "quotedIn", relField{kind: kindList, rel: "QUOTES", dir: confgraph.In, far: "Recap"}},
		{"Speaker", "quotedInConnection", relField{kind: kindConn, rel: "QUOTES", dir: confgraph.In, far: "Recap"}},
	} {
		got, ok := fields[c.typ][c.field]
		if !ok || got.kind != c.want.kind || got.rel != c.want.rel || got.dir != c.want.dir || got.far != c.want.far || got.count != c.want.count {
			t.Errorf("%s.%s: got %+v, want %+v", c.typ, c.field, got, c.want)
		}
	}
	// The fields the table had are as before.
	if got := fields["Talk"]["speakers"]; got.rel != confgraph.RelPresented || got.far != "Speaker" {
		t.Errorf("Talk.speakers: got %+v", got)
	}
	if _, ok := relFields["Speaker"]["quotedIn"]; ok {
		t.Error("the copy changed the graph's own table")
	}
}
