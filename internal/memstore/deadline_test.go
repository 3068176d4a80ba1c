package memstore

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
)

// TestLongInListIgnoringCase: a long `in` list (tested through a set)
// finds what a short one finds, ignoring case the same way.
func TestLongInListIgnoringCase(t *testing.T) {
	s := New()
	ctx := context.Background()
	if err := s.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	find := func(values ...any) []string {
		nodes, err := s.Find(ctx, confgraph.Query{Label: confgraph.LabelTalk, Limit: 100, Where: &confgraph.Filter{
			Conds: []confgraph.Cond{{Field: "title", Op: confgraph.OpIn, Values: values, Fold: true}}}})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, n := range nodes {
			titles = append(titles, n.(*confgraph.Talk).Title)
		}
		return titles
	}
	short := find("ÉCLAIRS AND ETCD: TUNING STORAGE")
	long := []any{"ÉCLAIRS AND ETCD: TUNING STORAGE"}
	for i := range 1000 {
		long = append(long, fmt.Sprintf("no such talk %d", i))
	}
	if got := find(long...); len(short) != 1 || fmt.Sprint(got) != fmt.Sprint(short) {
		t.Errorf("a long in list found %v, a short one %v; want the Éclairs talk from both", got, short)
	}
}

// TestExpiredContextStopsEveryCall: each read that loops over the graph
// returns the context's error once its deadline has passed.
func TestExpiredContextStopsEveryCall(t *testing.T) {
	s := New()
	if err := s.Write(context.Background(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	// A graph large enough that every call takes more than checkEvery
	// steps: many talks, each with a speaker.
	b := confgraph.NewBatch()
	var ids []string
	for i := range 3 * checkEvery {
		talk := &confgraph.Talk{ID: fmt.Sprintf("talk:t%d", i), Title: fmt.Sprintf("Talk %d", i), Kind: confgraph.KindTalk}
		sp := &confgraph.Speaker{ID: fmt.Sprintf("speaker:s%d", i), Name: fmt.Sprintf("Speaker %d", i)}
		b.AddNode(talk)
		b.AddNode(sp)
		b.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: sp.ID, To: talk.ID,
			Evidence: []confgraph.Evidence{{Document: "gen.md", Line: i + 1, Snippet: "x"}}})
		ids = append(ids, talk.ID)
	}
	if err := s.Write(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	slow := &confgraph.Filter{Not: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "title", Op: confgraph.OpContains, Value: "zzz"}}}}
	for name, call := range map[string]func() error{
		"Find": func() error {
			_, err := s.Find(ctx, confgraph.Query{Label: confgraph.LabelTalk, Where: slow, Limit: 10})
			return err
		},
		"Count": func() error { _, err := s.Count(ctx, confgraph.LabelTalk, slow); return err },
		"RelatedQuery": func() error {
			_, err := s.RelatedQuery(ctx, ids, confgraph.RelPresented, confgraph.In, confgraph.Query{Limit: 10})
			return err
		},
		"Degrees": func() error { _, err := s.Degrees(ctx, ids, confgraph.RelPresented, confgraph.In, nil); return err },
		"Related": func() error { _, err := s.Related(ctx, ids, confgraph.RelPresented, confgraph.In); return err },
		"Nodes":   func() error { _, err := s.Nodes(ctx, ids); return err },
		"Search":  func() error { _, err := s.Search(ctx, "talk", nil, 10); return err },
	} {
		if err := call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: %v, want context.Canceled", name, err)
		}
	}
}
