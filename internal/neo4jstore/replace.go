package neo4jstore

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var _ confgraph.DocumentReplacer = (*Store)(nil)

// retractCypher removes a document's evidence from every relationship,
// deletes the relationships left without evidence and returns the IDs of
// their ends (retractClaims then deletes those no document claims and
// nothing links).
const retractCypher = `
MATCH (a)-[r]->(b) WHERE $doc IN r.evidenceDocuments
WITH a, r, b, [i IN range(0, size(r.evidenceDocuments) - 1) WHERE r.evidenceDocuments[i] <> $doc] AS keep
SET r.evidenceDocuments = [i IN keep | r.evidenceDocuments[i]],
    r.evidenceLines = [i IN keep | r.evidenceLines[i]],
    r.evidenceSnippets = [i IN keep | r.evidenceSnippets[i]],
    r.evidenceRules = [i IN keep | coalesce(r.evidenceRules, [])[i]]
WITH a, r, b, size(keep) = 0 AS empty
FOREACH (_ IN CASE WHEN empty THEN [1] ELSE [] END | DELETE r)
WITH collect(DISTINCT a.id) + collect(DISTINCT b.id) AS touched
UNWIND touched AS id
RETURN DISTINCT id`

// ReplaceDocument removes what document name said and writes b, in one
// transaction: a failure leaves the store as it was.
func (s *Store) ReplaceDocument(ctx context.Context, name string, b *confgraph.Batch) error {
	nodes, rels := b.Nodes(), b.Rels()
	for _, n := range nodes {
		if _, ok := listQuery[n.NodeLabel()]; !ok {
			return confgraph.Errorf(confgraph.EINVALID, "node %s has unknown label %q", n.NodeID(), n.NodeLabel())
		}
	}
	for _, r := range rels {
		if _, ok := relatedQuery[r.Type]; !ok {
			return confgraph.Errorf(confgraph.EINVALID, "relationship from %s to %s has unknown type %q", r.From, r.To, r.Type)
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	defer s.forgetStats()
	sess := s.session(ctx, neo4j.AccessModeWrite)
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		touched, indexed, err := retractDocument(ctx, tx, name)
		if err != nil {
			return struct{}{}, err
		}
		if !indexed {
			// Written before documents were indexed: scan.
			recs, err := collect(ctx, tx, retractCypher, map[string]any{"doc": name})
			if err != nil {
				return struct{}{}, err
			}
			touched = map[string]bool{}
			for _, rec := range recs {
				if id, ok := rec.Values[0].(string); ok {
					touched[id] = true
				}
			}
		}
		if err := retractClaims(ctx, tx, name, touched, !indexed); err != nil {
			return struct{}{}, err
		}
		if len(nodes) == 0 && len(rels) == 0 {
			return struct{}{}, nil
		}
		return struct{}{}, writeTx(ctx, tx, b, name, nodes, rels)
	})
	return s.fail(ctx, "replace document", errors.Join(err, sess.Close(ctx)))
}
