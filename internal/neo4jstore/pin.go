package neo4jstore

import (
	"context"
	"errors"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var _ confgraph.Pinner = (*Store)(nil)

// pin is one request's hold on a version of the graph: the reads it makes
// run one at a time in one read transaction, and this process's writers
// wait until it is released (Neo4j reads at read-committed isolation, so
// the transaction alone would not keep a write of this process from
// showing between two statements). Writers in other processes are not
// held back.
type pin struct {
	mu   sync.Mutex
	sess neo4j.SessionWithContext
	tx   neo4j.ExplicitTransaction
	done bool
}

type pinKey struct{ s *Store }

// Pin returns a context whose reads of s see one version of the graph
// until release is called. A pinned context must not be used to write.
func (s *Store) Pin(ctx context.Context) (context.Context, func()) {
	s.versionMu.RLock()
	p := &pin{}
	release := func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.done {
			return
		}
		p.done = true
		p.end()
		s.versionMu.RUnlock()
	}
	return context.WithValue(ctx, pinKey{s}, p), release
}

// end closes the pin's transaction and session, if open.
func (p *pin) end() {
	ctx := context.Background()
	if p.tx != nil {
		_ = p.tx.Close(ctx) // a read transaction: nothing to commit
		p.tx = nil
	}
	if p.sess != nil {
		_ = p.sess.Close(ctx)
		p.sess = nil
	}
}

// pinnedQuery runs a read query in the transaction of the pin ctx holds;
// ok is false when ctx holds none (or it was released).
func (s *Store) pinnedQuery(ctx context.Context, cypher string, params map[string]any) (recs []*neo4j.Record, ok bool, err error) {
	p, _ := ctx.Value(pinKey{s}).(*pin)
	if p == nil {
		return nil, false, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return nil, false, nil
	}
	if p.tx == nil {
		p.sess = s.session(ctx, neo4j.AccessModeRead)
		tx, err := p.sess.BeginTransaction(ctx)
		if err != nil {
			err = errors.Join(err, p.sess.Close(context.Background()))
			p.sess = nil
			return nil, true, err
		}
		p.tx = tx
	}
	res, err := p.tx.Run(ctx, cypher, params)
	if err == nil {
		recs, err = res.Collect(ctx)
	}
	if err != nil {
		// A failed statement ends its transaction; the next read of the
		// request opens another (writers still wait for the pin).
		p.end()
	}
	return recs, true, err
}
