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
		touched, err := retractDocument(ctx, tx, name)
		if err != nil {
			return struct{}{}, err
		}
		if err := retractClaims(ctx, tx, name, touched); err != nil {
			return struct{}{}, err
		}
		if len(nodes) == 0 && len(rels) == 0 {
			return struct{}{}, nil
		}
		return struct{}{}, writeTx(ctx, tx, b, name, nodes, rels)
	})
	return s.fail(ctx, "replace document", errors.Join(err, sess.Close(ctx)))
}
