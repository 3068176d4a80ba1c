package main

import (
	"context"
	"fmt"
	"reflect"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// change counts what a load did to one kind of element (nodes or
// relationships), judged from the whole graph before and after it.
type change struct {
	created, updated, unchanged, removed int
}

func (c change) String() string {
	return fmt.Sprintf("%d created, %d updated, %d unchanged, %d removed", c.created, c.updated, c.unchanged, c.removed)
}

// loadReport is what a load changed in the graph.
type loadReport struct {
	nodes, rels change
}

func (r loadReport) String() string {
	return fmt.Sprintf("nodes %s; relationships %s", r.nodes, r.rels)
}

// compareGraphs counts the nodes and relationships after has that before
// lacked (created), holds with other properties, role or evidence
// (updated) or the same (unchanged), and those before had that after
// lacks (removed).
func compareGraphs(before, after *confgraph.Batch) loadReport {
	var r loadReport
	for _, n := range after.Nodes() {
		old := before.Node(n.NodeID())
		switch {
		case old == nil:
			r.nodes.created++
		case reflect.DeepEqual(confgraph.Properties(old), confgraph.Properties(n)):
			r.nodes.unchanged++
		default:
			r.nodes.updated++
		}
	}
	for _, n := range before.Nodes() {
		if after.Node(n.NodeID()) == nil {
			r.nodes.removed++
		}
	}
	was := map[string]confgraph.Relationship{}
	for _, rel := range before.Rels() {
		was[rel.Key()] = rel
	}
	for _, rel := range after.Rels() {
		old, ok := was[rel.Key()]
		delete(was, rel.Key())
		switch {
		case !ok:
			r.rels.created++
		case old.Role == rel.Role && reflect.DeepEqual(old.Evidence, rel.Evidence):
			r.rels.unchanged++
		default:
			r.rels.updated++
		}
	}
	r.rels.removed = len(was)
	return r
}

// reportChanges runs write and says what it changed in st's graph, read
// whole before and after.
func reportChanges(ctx context.Context, st confgraph.Store, write func() error) (loadReport, error) {
	before, err := st.Dump(ctx)
	if err != nil {
		return loadReport{}, fmt.Errorf("read the graph before loading: %s", confgraph.ErrorMessage(err))
	}
	if err := write(); err != nil {
		return loadReport{}, err
	}
	after, err := st.Dump(ctx)
	if err != nil {
		return loadReport{}, fmt.Errorf("read the graph after loading: %s", confgraph.ErrorMessage(err))
	}
	return compareGraphs(before, after), nil
}
