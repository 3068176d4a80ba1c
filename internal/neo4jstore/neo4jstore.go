// Package neo4jstore stores the conference graph in Neo4j 5. Nodes carry
// the properties of confgraph.Properties (plus a sortKey for listing in
// display order and, on searchable nodes, a searchText for the fulltext
// index), relationships those of confgraph.RelProperties, so the
// database reads like the export format. Writes merge with the same rules
// as the embedded store: confgraph.MergeNode and confgraph.MergeRel.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// DefaultTimeout bounds connecting and retrying when Config.Timeout is zero.
const DefaultTimeout = 15 * time.Second

// DefaultDatabase is the database used when Config.Database is empty: the
// only user database of Neo4j Community edition.
const DefaultDatabase = "neo4j"

// chunkSize is the number of rows sent with one UNWIND.
const chunkSize = 1000

// sortKeyProp is stored beside the domain properties so that lists can be
// ordered in the database the way confgraph.Less orders them.
const sortKeyProp = "sortKey"

// searchTextProp is stored beside the domain properties of searchable
// nodes: the words of their confgraph.SearchFields, split as the embedded
// store splits them and joined by spaces, for the fulltext index.
const searchTextProp = "searchText"

// fulltextIndex names the index over searchTextProp.
const fulltextIndex = "confgraph_search"

// legacyFulltextIndex names the index earlier versions made over the
// searchable fields themselves.
const legacyFulltextIndex = "confgraph_text"

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://host:7687 or neo4j://host:7687
	User     string // empty together with Password: no authentication
	Password string
	Database string        // DefaultDatabase when empty
	Timeout  time.Duration // bounds connecting and retrying transient failures; DefaultTimeout when zero
}

// Store implements confgraph.Store on Neo4j. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	where  string // "neo4j at <uri>", for messages

	// writeMu serialises this process's writes: each one reads the stored
	// nodes, merges in Go and writes the result back, so two overlapping
	// writes from one process must not interleave. Writers in other
	// processes are not coordinated with.
	writeMu sync.Mutex
	// versionMu is held for reading by pinned requests (Pin) and for
	// writing by this process's writes, so that a pinned request never
	// sees a write of this process between two of its reads.
	versionMu sync.RWMutex

	// Search statistics by label set (see StatsTTL).
	statsMu sync.Mutex
	stats   map[string]searchStats
}

var _ confgraph.Store = (*Store)(nil)

// Open connects to Neo4j, checks that the database answers and creates the
// constraints and indexes the store relies on when they are missing.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, confgraph.Errorf(confgraph.EINVALID, "neo4j: no URI given")
	}
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" || cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	s := &Store{db: cfg.Database, where: "neo4j at " + redact(cfg.URI)}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.SocketConnectTimeout = cfg.Timeout
		c.ConnectionAcquisitionTimeout = cfg.Timeout
		c.MaxTransactionRetryTime = cfg.Timeout
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: open: %w: %w", confgraph.Errorf(confgraph.EINVALID, "%s: invalid URI", s.where), err)
	}
	s.driver = drv
	if err := s.open(ctx, cfg); err != nil {
		return nil, errors.Join(err, s.Close())
	}
	return s, nil
}

func (s *Store) open(ctx context.Context, cfg Config) error {
	vctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	if err := s.driver.VerifyConnectivity(vctx); err != nil {
		return s.openError(cfg, err)
	}
	// Runs in the configured database, so an unknown name fails here.
	if _, err := s.query(vctx, "RETURN 1 AS ok", nil); err != nil {
		return s.openError(cfg, err)
	}
	for _, q := range slices.Concat(schema, documentSchema, sourceSchema) {
		if _, err := s.exec(ctx, q, schemaParams); err != nil {
			return s.openError(cfg, err)
		}
	}
	if err := s.backfillSearchText(ctx); err != nil {
		return s.openError(cfg, err)
	}
	if err := s.indexStoredDocuments(ctx); err != nil {
		return s.openError(cfg, err)
	}
	return nil
}

// openError explains why the store could not be opened, in words an
// operator can act on.
func (s *Store) openError(cfg Config, err error) error {
	var ne *neo4j.Neo4jError
	var ce *confgraph.Error
	var out *confgraph.Error
	switch {
	case errors.As(err, &ne) && ne.HasSecurityCode():
		out = confgraph.Errorf(confgraph.EINVALID, "%s: authentication failed for user %q", s.where, cfg.User)
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Database.DatabaseNotFound":
		out = confgraph.Errorf(confgraph.EINVALID, "%s: database %q does not exist", s.where, cfg.Database)
	case memoryRefusal(err) != nil:
		out = memoryError(err)
	case isUnavailable(err):
		out = confgraph.Errorf(confgraph.EUNAVAILABLE, "%s: cannot connect", s.where)
	case errors.As(err, &ce):
		return fmt.Errorf("neo4jstore: open: %w", err)
	default:
		out = confgraph.Errorf(confgraph.EINTERNAL, "%s: cannot prepare the database", s.where)
	}
	return fmt.Errorf("neo4jstore: open: %w: %w", out, err)
}

// redact drops any user information from a URI before it goes into a
// message.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	u.User = nil
	return u.String()
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.query(ctx, "RETURN 1 AS ok", nil)
	return s.fail(ctx, "ping", err)
}

// Close closes the driver.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.driver.Close(ctx); err != nil {
		return fmt.Errorf("neo4jstore: close: %w", err)
	}
	return nil
}

// isUnavailable reports whether err means the database could not be
// reached or did not answer in time, rather than that a query was wrong.
func isUnavailable(err error) bool {
	var (
		ce *neo4j.ConnectivityError
		te *neo4j.TokenExpiredError
		ne *neo4j.Neo4jError
		tl *neo4j.TransactionExecutionLimit
		to interface{ Timeout() bool }
	)
	switch {
	case err == nil:
		return false
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ce), errors.As(err, &te):
		return true
	case errors.As(err, &to) && to.Timeout():
		return true
	case errors.As(err, &ne):
		// Neo4j refusing a transaction for memory is transient to the
		// driver, but the store answers (see memoryError).
		return (ne.Classification() == "TransientError" && memoryRefusal(ne) == nil) || ne.HasSecurityCode() ||
			ne.Code == "Neo.ClientError.Database.DatabaseNotFound"
	case errors.As(err, &tl):
		return slices.ContainsFunc(tl.Errors, isUnavailable)
	}
	// The driver's pool errors are unexported; they name themselves.
	msg := err.Error()
	return strings.Contains(msg, "Timeout while waiting for connection") ||
		strings.Contains(msg, "could not find any servers")
}

// fail wraps err for the caller: domain errors keep their code, Neo4j
// refusing a transaction for memory is EINVALID saying so (memoryError),
// failures to reach the database in time become EUNAVAILABLE, a caller's
// cancellation stays context.Canceled, anything else is internal.
// The driver's error (which may quote Cypher) is kept in the chain for
// logs but never in the *confgraph.Error's message.
func (s *Store) fail(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	// The driver reports an expired or cancelled context as a
	// ConnectivityError that does not unwrap to it; put it back in the
	// chain so callers can test for it.
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		err = fmt.Errorf("%w: %w", cerr, err)
	}
	var ce *confgraph.Error
	switch {
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("neo4jstore: %s: %w", op, err)
	case errors.As(err, &ce):
		return fmt.Errorf("neo4jstore: %s: %w", op, err)
	case memoryRefusal(err) != nil:
		return failMemory(op, err)
	case isUnavailable(err):
		return fmt.Errorf("neo4jstore: %s: %w: %w", op, confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is unavailable"), err)
	}
	return fmt.Errorf("neo4jstore: %s: %w", op, err)
}

// query runs a read query in the configured database on a reader.
func (s *Store) query(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if recs, ok, err := s.pinnedQuery(ctx, cypher, params); ok {
		return recs, err
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// exec runs a write query in the configured database on a writer.
func (s *Store) exec(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// session opens a session sharing ExecuteQuery's bookmarks, so that reads
// after a write see it even on a cluster.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.db,
		AccessMode:      mode,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
}

// List returns one page of the nodes with the given label in display order.
func (s *Store) List(ctx context.Context, label confgraph.Label, page confgraph.Page) ([]confgraph.Node, error) {
	page, err := page.Validate()
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: list: %w", err)
	}
	q, ok := listQuery[label]
	if !ok {
		return nil, fmt.Errorf("neo4jstore: list: %w", confgraph.Errorf(confgraph.EINVALID, "unknown label %q", label))
	}
	recs, err := s.query(ctx, q, map[string]any{"offset": page.Offset, "limit": page.Limit})
	if err != nil {
		return nil, s.fail(ctx, "list", err)
	}
	out := make([]confgraph.Node, 0, len(recs))
	for _, rec := range recs {
		n, err := decodeNode(label, rec.Values[0])
		if err != nil {
			return nil, s.fail(ctx, "list", err)
		}
		out = append(out, n)
	}
	return out, nil
}

// Nodes returns the nodes with the given IDs, whatever their label.
func (s *Store) Nodes(ctx context.Context, ids []string) (map[string]confgraph.Node, error) {
	out := make(map[string]confgraph.Node, len(ids))
	for chunk := range slices.Chunk(ids, chunkSize) {
		recs, err := s.query(ctx, nodesQuery, map[string]any{"ids": chunk})
		if err != nil {
			return nil, s.fail(ctx, "nodes", err)
		}
		if err := decodeLabelled(recs, out); err != nil {
			return nil, s.fail(ctx, "nodes", err)
		}
	}
	return out, nil
}

// Related follows relationships of type rel from each node in ids. Every
// ID gets an entry, empty when nothing is related.
func (s *Store) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	qs, ok := relatedQuery[rel]
	if !ok {
		return nil, fmt.Errorf("neo4jstore: related: %w", confgraph.Errorf(confgraph.EINVALID, "unknown relationship type %q", rel))
	}
	if dir != confgraph.Out && dir != confgraph.In {
		return nil, fmt.Errorf("neo4jstore: related: %w", confgraph.Errorf(confgraph.EINVALID, "unknown direction %d", dir))
	}
	from, to := rel.Endpoints()
	other := to
	if dir == confgraph.In {
		other = from
	}
	out := make(map[string][]confgraph.Edge, len(ids))
	for _, id := range ids {
		out[id] = []confgraph.Edge{}
	}
	for chunk := range slices.Chunk(ids, chunkSize) {
		recs, err := s.query(ctx, qs[dir], map[string]any{"ids": chunk})
		if err != nil {
			return nil, s.fail(ctx, "related", err)
		}
		for _, rec := range recs {
			// id, from, to, rel properties, other node's properties
			id, _ := rec.Values[0].(string)
			r, err := decodeRel(rel, rec.Values[1], rec.Values[2], rec.Values[3])
			if err != nil {
				return nil, s.fail(ctx, "related", err)
			}
			n, err := decodeNode(other, rec.Values[4])
			if err != nil {
				return nil, s.fail(ctx, "related", err)
			}
			out[id] = append(out[id], confgraph.Edge{Rel: r, Node: n})
		}
	}
	for _, edges := range out {
		sort.Slice(edges, func(i, j int) bool { return confgraph.Less(edges[i].Node, edges[j].Node) })
	}
	return out, nil
}

// Counts returns the number of nodes per label and relationships per type.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	recs, err := s.query(ctx, countsQuery, nil)
	if err != nil {
		return nil, s.fail(ctx, "counts", err)
	}
	out := map[string]int{}
	for _, l := range confgraph.Labels {
		out[string(l)] = 0
	}
	for _, t := range confgraph.RelTypes {
		out[string(t)] = 0
	}
	for _, rec := range recs {
		k, _ := rec.Values[0].(string)
		n, _ := rec.Values[1].(int64)
		out[k] = int(n)
	}
	return out, nil
}

var _ confgraph.Shaper = (*Store)(nil)

// Shape counts the nodes of each label and finds the largest degree of
// each relationship type and direction: two statements, each a pass over
// the nodes (degrees are stored with a node). The API keeps the answer for
// a while rather than asking for every request.
func (s *Store) Shape(ctx context.Context) (*confgraph.Shape, error) {
	counts, err := s.Counts(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := s.query(ctx, degreesQuery, nil)
	if err != nil {
		return nil, s.fail(ctx, "shape", err)
	}
	sh := &confgraph.Shape{Nodes: map[confgraph.Label]int{}, MaxDegree: map[confgraph.RelType][2]int{}}
	for _, l := range confgraph.Labels {
		sh.Nodes[l] = counts[string(l)]
	}
	for _, rec := range recs {
		t, _ := rec.Values[0].(string)
		dir, _ := rec.Values[1].(int64)
		n, _ := rec.Values[2].(int64) // null without nodes
		if dir < 0 || dir > 1 {
			continue
		}
		d := sh.MaxDegree[confgraph.RelType(t)]
		d[dir] = int(n)
		sh.MaxDegree[confgraph.RelType(t)] = d
	}
	return sh, nil
}

// Dump reads the whole graph in one read transaction.
func (s *Store) Dump(ctx context.Context) (*confgraph.Batch, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	b, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (*confgraph.Batch, error) {
		b := confgraph.NewBatch()
		for _, l := range confgraph.Labels {
			recs, err := collect(ctx, tx, dumpNodesQuery[l], nil)
			if err != nil {
				return nil, err
			}
			for _, rec := range recs {
				n, err := decodeNode(l, rec.Values[0])
				if err != nil {
					return nil, err
				}
				b.AddNode(n)
			}
		}
		for _, t := range confgraph.RelTypes {
			recs, err := collect(ctx, tx, dumpRelsQuery[t], nil)
			if err != nil {
				return nil, err
			}
			for _, rec := range recs {
				r, err := decodeRel(t, rec.Values[0], rec.Values[1], rec.Values[2])
				if err != nil {
					return nil, err
				}
				b.AddRel(r)
			}
		}
		return b, nil
	})
	err = errors.Join(err, sess.Close(ctx))
	if err != nil {
		return nil, s.fail(ctx, "dump", err)
	}
	return b, nil
}

// Write merges a batch in one write transaction: it reads the stored
// nodes and relationships the batch names, checks that every relationship
// has both ends, merges with confgraph.MergeNode and confgraph.MergeRel
// and writes back only what changed. A batch that fails a check leaves the
// store as it was.
func (s *Store) Write(ctx context.Context, b *confgraph.Batch) error {
	nodes, rels := b.Nodes(), b.Rels()
	if err := validBatch(b); err != nil {
		return fmt.Errorf("neo4jstore: write: %w", err)
	}
	if len(nodes) == 0 && len(rels) == 0 {
		return nil
	}
	return s.writeGraph(ctx, "write", func(tx neo4j.ManagedTransaction) error {
		return writeTx(ctx, tx, b, "", nodes, rels)
	})
}

// writeGraph runs a change to the graph in one write transaction, one at
// a time in this process and never while a request holds a version of
// the graph (versionMu); the search statistics are forgotten after it.
func (s *Store) writeGraph(ctx context.Context, op string, work func(tx neo4j.ManagedTransaction) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	defer s.forgetStats()
	sess := s.session(ctx, neo4j.AccessModeWrite)
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, work(tx)
	})
	return s.fail(ctx, op, errors.Join(err, sess.Close(ctx)))
}

// writeTx does the work of Write inside a transaction. It may run more
// than once (the driver retries transient failures), so it changes
// nothing it did not read itself: the caller's batch is left alone. When
// doc is not empty, b is what document doc says: its claims are doc's.
func writeTx(ctx context.Context, tx neo4j.ManagedTransaction, b *confgraph.Batch, doc string, nodes []confgraph.Node, rels []confgraph.Relationship) error {
	stored, held, err := readClaims(ctx, tx, batchIDs(nil, nodes, rels))
	if err != nil {
		return err
	}
	return writeClaims(ctx, tx, b, doc, nodes, rels, stored, held, held, nil)
}

// batchIDs returns the IDs in touched, of the nodes and of the ends of the
// relationships, sorted.
func batchIDs(touched map[string]bool, nodes []confgraph.Node, rels []confgraph.Relationship) []string {
	idSet := maps.Clone(touched)
	if idSet == nil {
		idSet = map[string]bool{}
	}
	for _, n := range nodes {
		idSet[n.NodeID()] = true
	}
	for _, r := range rels {
		idSet[r.From], idSet[r.To] = true, true
	}
	ids := make([]string, 0, len(idSet))
	for id := range idSet {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// writeClaims writes a batch over the stored nodes it names (stored), whose
// claims the database holds (held): each node is resolved again from the
// claims in base (held, or what is left of it once a document's claims
// are retracted) and the batch's, and written only when its claims are
// not those it holds; so are the nodes in also, from base alone.
func writeClaims(ctx context.Context, tx neo4j.ManagedTransaction, b *confgraph.Batch, doc string, nodes []confgraph.Node, rels []confgraph.Relationship,
	stored map[string]confgraph.Node, held, base map[string]confgraph.Claims, also []string) error {
	// Every relationship needs both ends, of the labels its type joins,
	// in the store or in the batch.
	for _, r := range rels {
		from, to := r.Type.Endpoints()
		for _, end := range []struct {
			id    string
			label confgraph.Label
		}{{r.From, from}, {r.To, to}} {
			n := stored[end.id]
			if n == nil {
				n = b.Node(end.id)
			}
			if n == nil {
				return confgraph.Errorf(confgraph.EINVALID, "relationship %s from %s to %s: node %s does not exist", r.Type, r.From, r.To, end.id)
			}
			if n.NodeLabel() != end.label {
				return confgraph.Errorf(confgraph.EINVALID, "relationship %s from %s to %s: node %s is a %s, not a %s", r.Type, r.From, r.To, end.id, n.NodeLabel(), end.label)
			}
		}
	}

	// Each node is resolved again from its stored claims and the batch's.
	nodeRows := map[confgraph.Label][]any{}
	resolved := map[string]bool{}
	for _, n := range nodes {
		id := n.NodeID()
		old := stored[id]
		if old != nil && old.NodeLabel() != n.NodeLabel() {
			// A node of another type is left unchanged; so does the
			// embedded store.
			continue
		}
		resolved[id] = true
		add := b.Claims(id)
		if len(add) == 0 {
			add = confgraph.Claims{{Node: n}}
		}
		after := base[id]
		for _, c := range add {
			if doc != "" {
				c.Document = doc
			}
			after = after.With(c)
		}
		if old != nil && sameClaims(held[id], after) {
			continue
		}
		nodeRows[n.NodeLabel()] = append(nodeRows[n.NodeLabel()], nodeRow(id, old, after))
	}
	for _, id := range also {
		old := stored[id]
		if resolved[id] || old == nil || sameClaims(held[id], base[id]) {
			continue
		}
		nodeRows[old.NodeLabel()] = append(nodeRows[old.NodeLabel()], nodeRow(id, old, base[id]))
	}

	// Only a relationship between two stored nodes can be stored: on a
	// first load there is nothing to read back.
	var maybeStored []confgraph.Relationship
	for _, r := range rels {
		if stored[r.From] != nil && stored[r.To] != nil {
			maybeStored = append(maybeStored, r)
		}
	}
	storedRels, err := readRels(ctx, tx, maybeStored)
	if err != nil {
		return err
	}
	relRows := map[confgraph.RelType][]any{}
	for _, r := range rels {
		props := confgraph.RelProperties(r)
		if old, ok := storedRels[r.Key()]; ok {
			before := confgraph.RelProperties(old)
			confgraph.MergeRel(&old, r)
			props = confgraph.RelProperties(old)
			if reflect.DeepEqual(before, props) {
				continue
			}
		}
		relRows[r.Type] = append(relRows[r.Type], map[string]any{"from": r.From, "to": r.To, "props": props})
	}

	if err := writeNodeRows(ctx, tx, nodeRows); err != nil {
		return err
	}
	for _, t := range confgraph.RelTypes {
		for chunk := range slices.Chunk(relRows[t], chunkSize) {
			recs, err := collect(ctx, tx, writeRelsQuery[t], map[string]any{"rows": chunk})
			if err != nil {
				return err
			}
			if n := countOf(recs); n != len(chunk) {
				return fmt.Errorf("wrote %d of %d %s relationships", n, len(chunk), t)
			}
		}
	}
	return indexDocuments(ctx, tx, b, doc, nodes, rels)
}

// nodeProps returns the properties a node is stored with.
func nodeProps(n confgraph.Node) map[string]any {
	p := confgraph.Properties(n)
	p[sortKeyProp] = strings.ToLower(confgraph.DisplayName(n))
	if _, ok := confgraph.SearchFields[n.NodeLabel()]; ok {
		p[searchTextProp] = searchText(n)
	}
	return p
}

// readRels returns the stored relationships equal to rels, by key.
func readRels(ctx context.Context, tx neo4j.ManagedTransaction, rels []confgraph.Relationship) (map[string]confgraph.Relationship, error) {
	keys := map[confgraph.RelType][]any{}
	for _, r := range rels {
		keys[r.Type] = append(keys[r.Type], map[string]any{"from": r.From, "to": r.To})
	}
	out := map[string]confgraph.Relationship{}
	for _, t := range confgraph.RelTypes {
		for chunk := range slices.Chunk(keys[t], chunkSize) {
			recs, err := collect(ctx, tx, readRelsQuery[t], map[string]any{"rows": chunk})
			if err != nil {
				return nil, err
			}
			for _, rec := range recs {
				r, err := decodeRel(t, rec.Values[0], rec.Values[1], rec.Values[2])
				if err != nil {
					return nil, err
				}
				out[r.Key()] = r
			}
		}
	}
	return out, nil
}

// collect runs a query in tx and reads all its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

func countOf(recs []*neo4j.Record) int {
	if len(recs) != 1 || len(recs[0].Values) != 1 {
		return -1
	}
	n, _ := recs[0].Values[0].(int64)
	return int(n)
}
