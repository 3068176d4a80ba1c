package neo4jstore

import (
	"context"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
	"github.com/confgraph/confgraph/internal/memstore"
)

// fixtureRecapDocument returns the document of the fixture's recap.
func fixtureRecapDocument(t *testing.T) string {
	t.Helper()
	for _, n := range storetest.Fixture().Nodes() {
		if r, ok := n.(*confgraph.Recap); ok && r.Document != "" {
			return r.Document
		}
	}
	t.Fatal("the fixture has no recap with a document")
	return ""
}

// countDocuments returns the number of document nodes in the database.
func countDocuments(t *testing.T, s *Store) int {
	t.Helper()
	recs, err := s.query(context.Background(), "MATCH (d:"+documentLabel+") RETURN count(d) AS n", nil)
	if err != nil {
		t.Fatal(err)
	}
	return countOf(recs)
}

// TestDocumentsOfAnOlderDatabaseAreIndexedOnce opens a database written
// before documents had nodes of their own: the store that opens it indexes
// them once, so that replacing a document retracts what it said, as the
// embedded store does, without scanning the graph; a database migrated
// before is left alone.
func TestDocumentsOfAnOlderDatabaseAreIndexedOnce(t *testing.T) {
	ctx := context.Background()
	old := emptyStore(t)
	if err := old.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	// What an older version left: no document nodes, no migration.
	for _, q := range []string{"MATCH (d:" + documentLabel + ") DELETE d", "MATCH (m:" + migrationLabel + ") DELETE m"} {
		if _, err := old.exec(ctx, q, nil); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s := openStore(t)
	if n := countDocuments(t, s); n == 0 {
		t.Fatal("opening an older database made no document nodes")
	}
	doc := fixtureRecapDocument(t)
	if err := s.ReplaceDocument(ctx, doc, confgraph.NewBatch()); err != nil {
		t.Fatal(err)
	}
	mem := memstore.New()
	if err := mem.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if err := mem.ReplaceDocument(ctx, doc, confgraph.NewBatch()); err != nil {
		t.Fatal(err)
	}
	want, err := mem.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := storetest.Diff(want, got); len(d) > 0 {
		t.Errorf("after retracting %s from a migrated database:\n%s", doc, strings.Join(d, "\n"))
	}

	// Once migrated, a database is not read again at open: document
	// nodes deleted now stay deleted.
	if _, err := s.exec(ctx, "MATCH (d:"+documentLabel+") DELETE d", nil); err != nil {
		t.Fatal(err)
	}
	openStore(t)
	if n := countDocuments(t, s); n != 0 {
		t.Errorf("a migrated database was indexed again at open: %d document nodes", n)
	}
}

// TestReplaceLeavesNodesClaimedAsBefore replaces a document with what it
// said: the nodes it claims as before are not written again (a property
// outside the graph's, set on one, survives), so a replace costs what the
// document changes, not the claims other documents keep on its nodes.
func TestReplaceLeavesNodesClaimedAsBefore(t *testing.T) {
	ctx := context.Background()
	s := emptyStore(t)
	if err := s.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	doc := fixtureRecapDocument(t)
	b := storetest.DocumentBatch(storetest.Fixture(), doc)
	if err := s.ReplaceDocument(ctx, doc, b); err != nil {
		t.Fatal(err)
	}
	var shared string
	for _, r := range b.Rels() {
		if r.Type == confgraph.RelCovers {
			shared = r.To // the event the recap covers
		}
	}
	if shared == "" {
		t.Fatal("the fixture's recap covers no event")
	}
	if _, err := s.exec(ctx, "MATCH (n {id: $id}) SET n.probe = 1", map[string]any{"id": shared}); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceDocument(ctx, doc, b); err != nil {
		t.Fatal(err)
	}
	recs, err := s.query(ctx, "MATCH (n {id: $id}) RETURN n.probe AS p", map[string]any{"id": shared})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Values[0] != int64(1) {
		t.Errorf("replacing %s with what it said wrote %s again", doc, shared)
	}
}
