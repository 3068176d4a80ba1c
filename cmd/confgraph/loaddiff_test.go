package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

func TestCompareGraphs(t *testing.T) {
	ev := func(line int) []confgraph.Evidence {
		return []confgraph.Evidence{{Document: "a.txt", Line: line, Snippet: "Ada Okafor, Acme"}}
	}
	before := confgraph.NewBatch()
	before.AddNode(&confgraph.Speaker{ID: "speaker:ada", Name: "Ada Okafor"})
	before.AddNode(&confgraph.Company{ID: "company:acme", Name: "Acme"})
	before.AddNode(&confgraph.Company{ID: "company:gone", Name: "Gone Inc"})
	before.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: "speaker:ada", To: "company:acme", Evidence: ev(3)})
	before.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: "speaker:ada", To: "company:gone", Evidence: ev(3)})

	after := confgraph.NewBatch()
	after.AddNode(&confgraph.Speaker{ID: "speaker:ada", Name: "Ada Okafor", Bio: "Ada builds schedulers."})                    // updated
	after.AddNode(&confgraph.Company{ID: "company:acme", Name: "Acme"})                                                        // unchanged
	after.AddNode(&confgraph.Talk{ID: "talk:new", Title: "New", Kind: confgraph.KindTalk})                                     // created
	after.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: "speaker:ada", To: "company:acme", Evidence: ev(4)}) // updated
	after.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: "speaker:ada", To: "talk:new", Role: "speaker"})   // created

	got := compareGraphs(before, after).String()
	want := "nodes 1 created, 1 updated, 1 unchanged, 1 removed; relationships 1 created, 1 updated, 0 unchanged, 1 removed"
	if got != want {
		t.Errorf("compareGraphs = %q, want %q", got, want)
	}
	if got := compareGraphs(after, after).String(); got != "nodes 0 created, 0 updated, 3 unchanged, 0 removed; relationships 0 created, 0 updated, 2 unchanged, 0 removed" {
		t.Errorf("a graph against itself: %q", got)
	}
}

// TestNeo4jLoadReportsWhatChanged: load says what it changed, not the
// size of what it wrote: everything created the first time, nothing the
// second.
func TestNeo4jLoadReportsWhatChanged(t *testing.T) {
	clearNeo4j(t)
	export, _, err := run(t, "export", "--corpus", corpus)
	if err != nil {
		t.Fatal(err)
	}
	nodes := strings.Count(export, `{"type":"node"`)
	rels := strings.Count(export, `{"type":"relationship"`)
	args := append([]string{"load", "--corpus", corpus}, neo4jArgs(t)...)
	_, first, err := run(t, args...)
	if err != nil {
		t.Fatalf("load: %v\n%s", err, first)
	}
	if want := fmt.Sprintf("nodes %d created, 0 updated, 0 unchanged, 0 removed; relationships %d created, 0 updated, 0 unchanged, 0 removed", nodes, rels); !strings.Contains(first, want) {
		t.Errorf("first load says:\n%s\nwant %q", first, want)
	}
	_, second, err := run(t, args...)
	if err != nil {
		t.Fatalf("load: %v\n%s", err, second)
	}
	if want := fmt.Sprintf("nodes 0 created, 0 updated, %d unchanged, 0 removed; relationships 0 created, 0 updated, %d unchanged, 0 removed", nodes, rels); !strings.Contains(second, want) {
		t.Errorf("second load says:\n%s\nwant %q", second, want)
	}
}
