package neo4jstore

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var _ confgraph.DocumentReplacer = (*Store)(nil)

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
		return struct{}{}, replaceTx(ctx, tx, name, b, nodes, rels)
	})
	return s.fail(ctx, "replace document", errors.Join(err, sess.Close(ctx)))
}

// replaceTx does the work of ReplaceDocument inside a transaction: the
// document's evidence is retracted, the nodes it touched and the batch's
// are read once, and each is written once, only when what its documents
// claim of it changed (a node the new version claims as the old one did
// is left as it is).
func replaceTx(ctx context.Context, tx neo4j.ManagedTransaction, name string, b *confgraph.Batch, nodes []confgraph.Node, rels []confgraph.Relationship) error {
	touched, err := retractDocument(ctx, tx, name)
	if err != nil {
		return err
	}
	stored, held, err := readClaims(ctx, tx, batchIDs(touched, nodes, rels))
	if err != nil {
		return err
	}
	base, err := retractClaims(ctx, tx, name, touched, stored, held)
	if err != nil {
		return err
	}
	return writeClaims(ctx, tx, b, name, nodes, rels, stored, held, base, sortedSet(touched))
}
