package confgraph

import (
	"fmt"
	"strings"
	"testing"
)

// renderPaths writes access paths one a line: the steps as relationship
// arrows, then the label and the condition at the end, or an OR group's
// branches in brackets.
func renderPaths(paths []AccessPath) string {
	var lines []string
	for _, p := range paths {
		var sb strings.Builder
		for _, s := range p.Steps {
			if s.Dir == In {
				fmt.Fprintf(&sb, "<-%s(%s)- ", s.Rel, s.Quant)
			} else {
				fmt.Fprintf(&sb, "-%s(%s)-> ", s.Rel, s.Quant)
			}
		}
		sb.WriteString(string(p.Label))
		if p.Or != nil {
			var branches []string
			for _, b := range p.Or {
				branches = append(branches, "["+strings.ReplaceAll(renderPaths(b), "\n", "; ")+"]")
			}
			sb.WriteString(" or " + strings.Join(branches, " "))
		} else {
			c := p.Cond
			v := fmt.Sprint(c.Value)
			if c.Op == OpIn {
				v = fmt.Sprint(c.Values)
			}
			fold := ""
			if c.Fold {
				fold = " fold"
			}
			fmt.Fprintf(&sb, ".%s %s %s%s", c.Field, c.Op, v, fold)
		}
		lines = append(lines, sb.String())
	}
	return strings.Join(lines, "\n")
}

// TestAccessPaths: the ways in through an index are the ID and display
// name equalities a match must meet, reached through "some" and "single"
// relationship filters, AND groups and OR groups whose every branch has
// one, in the order of the filter; never through NOT, "all" or "none",
// a folded ID or another operator or field.
func TestAccessPaths(t *testing.T) {
	eq := func(field string, v any) Cond { return Cond{Field: field, Op: OpEq, Value: v} }
	fold := func(c Cond) Cond { c.Fold = true; return c }
	where := func(cs ...Cond) *Filter { return &Filter{Conds: cs} }
	rel := func(q Quantifier, r RelType, d Direction, f *Filter) RelCond {
		return RelCond{Rel: r, Dir: d, Quant: q, Where: f}
	}
	lyft := where(eq("name", "Lyft"))
	for _, tc := range []struct {
		name  string
		label Label
		f     *Filter
		want  string
	}{
		{"Nil", LabelTalk, nil, ""},
		{"ID", LabelTalk, where(eq("id", "talk:a")), "Talk.id eq talk:a"},
		{"IDIgnoringCase", LabelTalk, where(fold(eq("id", "talk:a"))), ""},
		{"TitleIgnoringCase", LabelTalk, where(fold(eq("title", "Envoy"))), "Talk.title eq Envoy fold"},
		{"NamesIn", LabelSpeaker, where(Cond{Field: "name", Op: OpIn, Values: []any{"Matt Klein", "Liz Rice"}}),
			"Speaker.name in [Matt Klein Liz Rice]"},
		{"NotAnIndexedField", LabelTalk, where(eq("level", "BEGINNER")), ""},
		{"NotAnEquality", LabelTalk, where(Cond{Field: "title", Op: OpContains, Value: "Envoy"}), ""},
		{"ANameThatIsNotTheDisplayName", LabelTalk, where(eq("name", "Envoy")), ""},
		{"SomeAndSingle", LabelTalk, &Filter{Rels: []RelCond{
			rel(Some, RelPresented, In, where(eq("name", "Matt Klein"))),
			rel(Single, RelPartOf, Out, where(eq("id", "event:kubecon"))),
		}}, "<-PRESENTED(some)- Speaker.name eq Matt Klein\n-PART_OF(single)-> Event.id eq event:kubecon"},
		{"AllAndNone", LabelTalk, &Filter{Rels: []RelCond{
			rel(All, RelPresented, In, where(eq("name", "Matt Klein"))),
			rel(None, RelPartOf, Out, where(eq("id", "event:kubecon"))),
		}}, ""},
		{"TwoSteps", LabelTalk, &Filter{Rels: []RelCond{rel(Some, RelPresented, In, &Filter{
			Conds: []Cond{{Field: "name", Op: OpStartsWith, Value: "M"}},
			Rels:  []RelCond{rel(Some, RelWorksAt, Out, lyft)}})}},
			"<-PRESENTED(some)- -WORKS_AT(some)-> Company.name eq Lyft"},
		{"Not", LabelTalk, &Filter{Not: where(eq("id", "talk:a"))}, ""},
		{"OrderOfTheFilter", LabelSpeaker, &Filter{
			Or:    []*Filter{where(eq("name", "Liz Rice")), where(eq("id", "speaker:b"))},
			And:   []*Filter{where(eq("id", "speaker:a")), {Rels: []RelCond{rel(Some, RelWorksAt, Out, lyft)}}},
			Rels:  []RelCond{rel(Some, RelPresented, Out, where(fold(eq("title", "Envoy"))))},
			Conds: []Cond{eq("name", "Matt Klein")},
		}, strings.Join([]string{
			"Speaker.name eq Matt Klein",
			"-PRESENTED(some)-> Talk.title eq Envoy fold",
			"Speaker.id eq speaker:a",
			"-WORKS_AT(some)-> Company.name eq Lyft",
			"Speaker or [Speaker.name eq Liz Rice] [Speaker.id eq speaker:b]",
		}, "\n")},
		{"OrBranchWithoutAWayIn", LabelSpeaker, &Filter{Or: []*Filter{
			where(eq("name", "Liz Rice")), where(Cond{Field: "name", Op: OpContains, Value: "Matt"})}}, ""},
		{"OrThroughARelationship", LabelTalk, &Filter{Rels: []RelCond{rel(Some, RelPresented, In, &Filter{Or: []*Filter{
			where(eq("name", "Liz Rice")), {Rels: []RelCond{rel(Some, RelWorksAt, Out, lyft)}}}})}},
			"<-PRESENTED(some)- Speaker or [Speaker.name eq Liz Rice] [-WORKS_AT(some)-> Company.name eq Lyft]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := renderPaths(AccessPaths(tc.f, tc.label)); got != tc.want {
				t.Errorf("AccessPaths =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestAccessPathStepsAreTheFiltersOwn: a step is the relationship filter
// itself, so the paths through one filter can be told from those through
// another of the same type and direction (the embedded store walks each
// filter's best back once).
func TestAccessPathStepsAreTheFiltersOwn(t *testing.T) {
	f := &Filter{Rels: []RelCond{
		{Rel: RelPresented, Dir: In, Quant: Some, Where: &Filter{Conds: []Cond{{Field: "name", Op: OpEq, Value: "Matt Klein"}, {Field: "id", Op: OpEq, Value: "speaker:m"}}}},
		{Rel: RelPresented, Dir: In, Quant: Some, Where: &Filter{Conds: []Cond{{Field: "name", Op: OpEq, Value: "Liz Rice"}}}},
	}}
	paths := AccessPaths(f, LabelTalk)
	if len(paths) != 3 {
		t.Fatalf("got %d paths, want 3:\n%s", len(paths), renderPaths(paths))
	}
	for i, want := range []*RelCond{&f.Rels[0], &f.Rels[0], &f.Rels[1]} {
		if len(paths[i].Steps) != 1 || paths[i].Steps[0] != want {
			t.Errorf("path %d (%s) does not go through the filter's relationship filter %d", i, renderPaths(paths[i:i+1]), i/2)
		}
	}
}
