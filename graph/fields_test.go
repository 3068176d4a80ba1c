package graph

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
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

// TestAddRelationshipEndToEnd adds a relationship type to the graph's
// own table (restored after): a store writes it, and the executor and
// the planner resolve and plan its fields with no other change.
func TestAddRelationshipEndToEnd(t *testing.T) {
	quotes := &confgraph.RelSpec{Type: "QUOTES", From: confgraph.LabelRecap, To: confgraph.LabelSpeaker,
		Out: confgraph.RelEnd{Field: "speakers", Count: "speakerCount"}, In: confgraph.RelEnd{Field: "quotedIn"}}
	rels, types, fields := confgraph.Graph.Rels, confgraph.RelTypes, relFields
	t.Cleanup(func() { confgraph.Graph.Rels, confgraph.RelTypes, relFields = rels, types, fields })
	confgraph.Graph.Rels = append(slices.Clone(rels), quotes)
	confgraph.RelTypes = append(slices.Clone(types), quotes.Type)
	relFields = fieldsOf(confgraph.Graph, confgraph.Rankings)

	recap := &confgraph.Recap{ID: "recap:lisbon", Title: "What We Learned in Lisbon"}
	b := confgraph.NewBatch()
	for _, n := range []confgraph.Node{recap, &confgraph.Speaker{ID: "speaker:ada", Name: "Ada Okafor"}, &confgraph.Speaker{ID: "speaker:bruno", Name: "Bruno Lindqvist"}} {
		b.AddNode(n)
	}
	for _, sp := range []string{"speaker:ada", "speaker:bruno"} {
		b.AddRel(confgraph.Relationship{Type: "QUOTES", From: recap.ID, To: sp, Evidence: []confgraph.Evidence{{Document: "recap.md", Line: 3, Snippet: "quoted"}}})
	}
	st := memstore.New()
	ctx := context.Background()
	if err := st.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	field := func(name string, args map[string]any) context.Context {
		return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Recap", Args: args,
			Field: graphql.CollectedField{Field: &ast.Field{Name: name}}})
	}
	recaps := []*confgraph.Recap{recap}

	list, err := relList[*confgraph.Speaker](field("speakers", map[string]any{}), st, recaps)
	if err != nil || len(list[0]) != 2 || list[0][0].Name != "Ada Okafor" || list[0][1].Name != "Bruno Lindqvist" {
		t.Errorf("Recap.speakers = %v, %v; want Ada Okafor and Bruno Lindqvist", list, err)
	}
	one := 1
	conns, err := relConnection[*RelatedSpeakerConnection](field("speakersConnection", map[string]any{"first": &one}), st, recaps)
	if err != nil || conns[0].TotalCount != 2 || len(conns[0].Edges) != 1 || conns[0].Edges[0].Type != "QUOTES" || !conns[0].PageInfo.HasNextPage {
		t.Errorf("Recap.speakersConnection(first: 1) = %+v, %v; want one QUOTES edge of 2", conns, err)
	}
	counts, err := relCount(field("speakerCount", nil), st, recaps)
	if err != nil || counts[0] != 2 {
		t.Errorf("Recap.speakerCount = %v, %v; want 2", counts, err)
	}
	back, err := relList[*confgraph.Recap](graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Speaker", Args: map[string]any{},
		Field: graphql.CollectedField{Field: &ast.Field{Name: "quotedIn"}}}), st, []*confgraph.Speaker{{ID: "speaker:ada"}})
	if err != nil || len(back[0]) != 1 || back[0][0].Title != recap.Title {
		t.Errorf("Speaker.quotedIn = %v, %v; want the recap", back, err)
	}

	// The planner's fetch for the list is a call the stepwise reference
	// answers with the same speakers.
	p := &planner{ctx: ctx}
	fc := &graphql.FieldContext{Object: "Recap", Args: map[string]any{}, Field: graphql.CollectedField{Field: &ast.Field{Name: "speakers"}}}
	fetches := p.fetches(fc, relFields["Recap"]["speakers"])
	if len(fetches) != 1 || fetches[0].Rel != "QUOTES" || fetches[0].Dir != confgraph.Out {
		t.Fatalf("planned %+v, want one QUOTES fetch", fetches)
	}
	got, err := confgraph.PrefetchStepwise(ctx, st, confgraph.Plan{Query: confgraph.Query{Label: confgraph.LabelRecap, Limit: 1}, Fetches: fetches})
	if err != nil || len(got.Edges[fetches[0].Key][recap.ID]) != 2 {
		t.Errorf("prefetched %+v, %v; want the two speakers", got, err)
	}
}
