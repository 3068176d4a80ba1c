package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Each document that claims a node or gives evidence for a relationship
// has a node of its own, labelled documentLabel (outside the graph's
// labels, never linked), holding the IDs of the nodes it claims and the
// keys (confgraph.Relationship.Key) of the relationships it gives evidence
// for. Replacing a document finds what it said through it, by the
// document's name, instead of scanning the graph: a replace costs what
// the document touches. A database written before documents were indexed
// has none; its documents are found by scanning, as before.
const documentLabel = "Document"

var (
	documentSchema = []string{
		fmt.Sprintf("CREATE CONSTRAINT document_name IF NOT EXISTS FOR (d:%s) REQUIRE d.name IS UNIQUE", documentLabel),
	}
	readDocumentQuery   = fmt.Sprintf("MATCH (d:%s {name: $doc}) RETURN d.nodes AS nodes, d.rels AS rels", documentLabel)
	deleteDocumentQuery = fmt.Sprintf("MATCH (d:%s {name: $doc}) DELETE d", documentLabel)
	// addDocumentsQuery adds node IDs and relationship keys to documents.
	addDocumentsQuery = fmt.Sprintf(`UNWIND $rows AS row
MERGE (d:%s {name: row.name})
SET d.nodes = coalesce(d.nodes, []) + [x IN row.nodes WHERE NOT x IN coalesce(d.nodes, [])],
    d.rels = coalesce(d.rels, []) + [x IN row.rels WHERE NOT x IN coalesce(d.rels, [])]`, documentLabel)
	// retractRelsQuery removes a document's evidence from the
	// relationships of one type named by their ends, deletes those left
	// without evidence and returns the ends.
	retractRelsQuery = map[confgraph.RelType]string{}
)

func init() {
	for _, t := range confgraph.RelTypes {
		from, to := t.Endpoints()
		retractRelsQuery[t] = fmt.Sprintf(`UNWIND $rows AS row
MATCH (a:%s {id: row.from})-[r:%s]->(b:%s {id: row.to}) WHERE $doc IN r.evidenceDocuments
WITH a, r, b, [i IN range(0, size(r.evidenceDocuments) - 1) WHERE r.evidenceDocuments[i] <> $doc] AS keep
SET r.evidenceDocuments = [i IN keep | r.evidenceDocuments[i]],
    r.evidenceLines = [i IN keep | r.evidenceLines[i]],
    r.evidenceSnippets = [i IN keep | r.evidenceSnippets[i]],
    r.evidenceRules = [i IN keep | coalesce(r.evidenceRules, [])[i]]
WITH a, r, b, size(keep) = 0 AS empty
FOREACH (_ IN CASE WHEN empty THEN [1] ELSE [] END | DELETE r)
RETURN a.id AS from, b.id AS to`, ident(string(from)), ident(string(t)), ident(string(to)))
	}
}

// retractDocument removes document doc's evidence from the relationships
// it gave evidence for and returns the IDs of the nodes it touched (their
// ends and the nodes it claims), found through its document node; ok is
// false when it has none (a database written before documents were
// indexed), and the caller scans instead.
func retractDocument(ctx context.Context, tx neo4j.ManagedTransaction, doc string) (touched map[string]bool, ok bool, err error) {
	recs, err := collect(ctx, tx, readDocumentQuery, map[string]any{"doc": doc})
	if err != nil || len(recs) == 0 {
		return nil, false, err
	}
	p, err := newProps("document "+doc, map[string]any{"nodes": recs[0].Values[0], "rels": recs[0].Values[1]})
	if err != nil {
		return nil, false, err
	}
	nodes, rels := p.strs("nodes"), p.strs("rels")
	if p.err != nil {
		return nil, false, p.err
	}
	touched = map[string]bool{}
	for _, id := range nodes {
		touched[id] = true
	}
	byType := map[confgraph.RelType][]any{}
	for _, k := range rels {
		parts := strings.SplitN(k, "|", 3)
		if len(parts) != 3 {
			continue
		}
		t := confgraph.RelType(parts[0])
		byType[t] = append(byType[t], map[string]any{"from": parts[1], "to": parts[2]})
	}
	for _, t := range confgraph.RelTypes {
		for chunk := range slices.Chunk(byType[t], chunkSize) {
			recs, err := collect(ctx, tx, retractRelsQuery[t], map[string]any{"rows": chunk, "doc": doc})
			if err != nil {
				return nil, false, err
			}
			for _, rec := range recs {
				for _, v := range rec.Values {
					if id, ok := v.(string); ok {
						touched[id] = true
					}
				}
			}
		}
	}
	if _, err := collect(ctx, tx, deleteDocumentQuery, map[string]any{"doc": doc}); err != nil {
		return nil, false, err
	}
	return touched, true, nil
}

// indexDocuments records, for each document a batch's claims and evidence
// name (doc for all of them when not empty), the nodes it claims and the
// relationships it gives evidence for.
func indexDocuments(ctx context.Context, tx neo4j.ManagedTransaction, b *confgraph.Batch, doc string, nodes []confgraph.Node, rels []confgraph.Relationship) error {
	type sets struct{ nodes, rels map[string]bool }
	docs := map[string]*sets{}
	add := func(d string) *sets {
		if doc != "" {
			d = doc
		}
		if docs[d] == nil {
			docs[d] = &sets{nodes: map[string]bool{}, rels: map[string]bool{}}
		}
		return docs[d]
	}
	for _, n := range nodes {
		claims := b.Claims(n.NodeID())
		if len(claims) == 0 {
			claims = confgraph.Claims{{Node: n}}
		}
		for _, c := range claims {
			add(c.Document).nodes[n.NodeID()] = true
		}
	}
	for _, r := range rels {
		for _, e := range r.Evidence {
			add(e.Document).rels[r.Key()] = true
		}
	}
	var rows []any
	names := make([]string, 0, len(docs))
	for d := range docs {
		if d != "" { // what no document says is never retracted
			names = append(names, d)
		}
	}
	sort.Strings(names)
	for _, d := range names {
		rows = append(rows, map[string]any{"name": d, "nodes": sortedSet(docs[d].nodes), "rels": sortedSet(docs[d].rels)})
	}
	for chunk := range slices.Chunk(rows, 100) {
		if _, err := collect(ctx, tx, addDocumentsQuery, map[string]any{"rows": chunk}); err != nil {
			return err
		}
	}
	return nil
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
