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
// the document touches, and a document without one said nothing. A
// database written before documents were indexed gets them once, when a
// store first opens it (indexStoredDocuments).
const documentLabel = "Document"

// migrationLabel marks the one-time changes a store has made to the
// database it opened, one node per change, by name.
const migrationLabel = "Migration"

// documentsIndexed names the migration that built the document nodes of
// a database written before them.
const documentsIndexed = "documents-indexed"

var (
	documentSchema = []string{
		fmt.Sprintf("CREATE CONSTRAINT document_name IF NOT EXISTS FOR (d:%s) REQUIRE d.name IS UNIQUE", documentLabel),
		fmt.Sprintf("CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:%s) REQUIRE m.name IS UNIQUE", migrationLabel),
	}
	migratedQuery = fmt.Sprintf("MATCH (m:%s {name: $name}) RETURN count(m) AS n", migrationLabel)
	migrateQuery  = fmt.Sprintf("MERGE (m:%s {name: $name}) SET m.at = datetime()", migrationLabel)
	// claimedNodesQuery and evidencedRelsQuery read, by label and by
	// type, what each document says, for indexStoredDocuments.
	claimedNodesQuery   = map[confgraph.Label]string{}
	evidencedRelsQuery  = map[confgraph.RelType]string{}
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
	for _, l := range confgraph.Labels {
		claimedNodesQuery[l] = fmt.Sprintf("MATCH (n:%s) WHERE size(coalesce(n.%s, [])) > 0 RETURN n.id AS id, n.%s AS docs",
			ident(string(l)), claimDocsProp, claimDocsProp)
	}
	for _, t := range confgraph.RelTypes {
		from, to := t.Endpoints()
		evidencedRelsQuery[t] = fmt.Sprintf("MATCH (a:%s)-[r:%s]->(b:%s) WHERE size(coalesce(r.evidenceDocuments, [])) > 0 RETURN a.id AS from, b.id AS to, r.evidenceDocuments AS docs",
			ident(string(from)), ident(string(t)), ident(string(to)))
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
// ends and the nodes it claims), found through its document node: none
// when it has none.
func retractDocument(ctx context.Context, tx neo4j.ManagedTransaction, doc string) (touched map[string]bool, err error) {
	touched = map[string]bool{}
	recs, err := collect(ctx, tx, readDocumentQuery, map[string]any{"doc": doc})
	if err != nil || len(recs) == 0 {
		return touched, err
	}
	p, err := newProps("document "+doc, map[string]any{"nodes": recs[0].Values[0], "rels": recs[0].Values[1]})
	if err != nil {
		return nil, err
	}
	nodes, rels := p.strs("nodes"), p.strs("rels")
	if p.err != nil {
		return nil, p.err
	}
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
				return nil, err
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
		return nil, err
	}
	return touched, nil
}

// indexDocuments records, for each document a batch's claims and evidence
// name (doc for all of them when not empty), the nodes it claims and the
// relationships it gives evidence for.
func indexDocuments(ctx context.Context, tx neo4j.ManagedTransaction, b *confgraph.Batch, doc string, nodes []confgraph.Node, rels []confgraph.Relationship) error {
	docs := map[string][2]map[string]bool{} // node IDs, relationship keys
	add := func(d string) [2]map[string]bool {
		if doc != "" {
			d = doc
		}
		if _, ok := docs[d]; !ok {
			docs[d] = [2]map[string]bool{{}, {}}
		}
		return docs[d]
	}
	for _, n := range nodes {
		claims := b.Claims(n.NodeID())
		if len(claims) == 0 {
			claims = confgraph.Claims{{Node: n}}
		}
		for _, c := range claims {
			add(c.Document)[0][n.NodeID()] = true
		}
	}
	for _, r := range rels {
		for _, e := range r.Evidence {
			add(e.Document)[1][r.Key()] = true
		}
	}
	for chunk := range slices.Chunk(documentRows(docs), 100) {
		if _, err := collect(ctx, tx, addDocumentsQuery, map[string]any{"rows": chunk}); err != nil {
			return err
		}
	}
	return nil
}

// documentRows returns the rows addDocumentsQuery takes for the node IDs
// and relationship keys of each document, by name.
func documentRows(docs map[string][2]map[string]bool) []any {
	names := make([]string, 0, len(docs))
	for d := range docs {
		if d != "" { // what no document says is never retracted
			names = append(names, d)
		}
	}
	sort.Strings(names)
	rows := make([]any, 0, len(names))
	for _, d := range names {
		rows = append(rows, map[string]any{"name": d, "nodes": sortedSet(docs[d][0]), "rels": sortedSet(docs[d][1])})
	}
	return rows
}

// indexStoredDocuments gives the documents of a database written before
// documents were indexed their document nodes, read from the claims kept
// on the nodes and the evidence kept on the relationships, once: the
// migration is recorded, and a database that has it is left alone. A
// database written before claims were kept has its nodes claimed by no
// document in particular, which nothing retracts. Each chunk of documents
// is its own transaction (adding to a document node is idempotent), so an
// interrupted migration is done again in full at the next open.
func (s *Store) indexStoredDocuments(ctx context.Context) error {
	params := map[string]any{"name": documentsIndexed}
	recs, err := s.exec(ctx, migratedQuery, params)
	if err != nil {
		return err
	}
	if countOf(recs) > 0 {
		return nil
	}
	docs := map[string][2]map[string]bool{}
	add := func(d string) [2]map[string]bool {
		if _, ok := docs[d]; !ok {
			docs[d] = [2]map[string]bool{{}, {}}
		}
		return docs[d]
	}
	for _, l := range confgraph.Labels {
		recs, err := s.exec(ctx, claimedNodesQuery[l], nil)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			p, err := newProps("node", map[string]any{"id": rec.Values[0], "docs": rec.Values[1]})
			if err != nil {
				return err
			}
			id, ds := p.str("id"), p.strs("docs")
			if p.err != nil {
				return p.err
			}
			for _, d := range ds {
				add(d)[0][id] = true
			}
		}
	}
	for _, t := range confgraph.RelTypes {
		recs, err := s.exec(ctx, evidencedRelsQuery[t], nil)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			p, err := newProps("relationship", map[string]any{"from": rec.Values[0], "to": rec.Values[1], "docs": rec.Values[2]})
			if err != nil {
				return err
			}
			key := confgraph.Relationship{Type: t, From: p.str("from"), To: p.str("to")}.Key()
			ds := p.strs("docs")
			if p.err != nil {
				return p.err
			}
			for _, d := range ds {
				add(d)[1][key] = true
			}
		}
	}
	for chunk := range slices.Chunk(documentRows(docs), 100) {
		if _, err := s.exec(ctx, addDocumentsQuery, map[string]any{"rows": chunk}); err != nil {
			return err
		}
	}
	_, err = s.exec(ctx, migrateQuery, params)
	return err
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
