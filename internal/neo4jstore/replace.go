package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var _ confgraph.DocumentReplacer = (*Store)(nil)

// ReplaceDocument removes what document name said and writes b, in one
// transaction: a failure leaves the store as it was.
func (s *Store) ReplaceDocument(ctx context.Context, name string, b *confgraph.Batch) error {
	if err := validBatch(b); err != nil {
		return err
	}
	return s.writeGraph(ctx, "replace document", func(tx neo4j.ManagedTransaction) error {
		return replaceTx(ctx, tx, name, b, b.Nodes(), b.Rels())
	})
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

// validBatch refuses a batch with a label or type the store does not know.
func validBatch(b *confgraph.Batch) error {
	for _, n := range b.Nodes() {
		if _, ok := listQuery[n.NodeLabel()]; !ok {
			return confgraph.Errorf(confgraph.EINVALID, "node %s has unknown label %q", n.NodeID(), n.NodeLabel())
		}
	}
	for _, r := range b.Rels() {
		if _, ok := relatedQuery[r.Type]; !ok {
			return confgraph.Errorf(confgraph.EINVALID, "relationship from %s to %s has unknown type %q", r.From, r.To, r.Type)
		}
	}
	return nil
}
