// Package memstore is the embedded in-memory store: the zero-setup
// default. It keeps nodes in maps, lists per label in display order and
// adjacency lists per relationship type, so that following a relationship
// never scans the graph.
package memstore

import (
	"context"
	"maps"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Store implements confgraph.Store in memory. It is safe for concurrent
// use.
//
// The graph is kept in versions that never change once published: a
// write copies the current version, changes the copy and publishes it, so
// readers take no lock and never see half a write, and a request that
// pins a version (Pin) reads that one version in every call. The Store New
// returns holds only the current version and the writers' lock; its
// methods read or write through it.
type Store struct {
	wmu sync.Mutex            // serialises writers
	cur atomic.Pointer[Store] // the current version; nil in a version itself

	nodes   map[string]confgraph.Node            // each resolved from its claims
	claims  map[string]confgraph.Claims          // node ID -> what each document says of it
	docs    map[string]map[string]bool           // document -> IDs of the nodes it claims
	docRels map[string]map[string]bool           // document -> keys of the relationships it gives evidence for
	byLabel map[confgraph.Label][]confgraph.Node // sorted by confgraph.Less
	rels    map[string]*confgraph.Relationship
	adj     [2]map[confgraph.RelType]map[string][]string       // [dir][type][node] -> rel keys
	byKey   map[confgraph.Label]map[string]map[string][]string // label -> field -> lowercased value -> IDs
	search  atomic.Pointer[searchIndex]                        // the inverted index Search walks; built on first use in each version
	shape   atomic.Pointer[confgraph.Shape]                    // nil after a change, until Shape computes it
	changed map[string]confgraph.Node                          // while a version is written: changed node ID -> its node before
	owned   map[ownKey]bool                                    // while a version is written: the shared maps it has copied
}

// New returns an empty store.
func New() *Store {
	root := &Store{}
	root.cur.Store(newVersion())
	return root
}

// newVersion returns an empty version.
func newVersion() *Store {
	s := &Store{
		nodes:   map[string]confgraph.Node{},
		claims:  map[string]confgraph.Claims{},
		docs:    map[string]map[string]bool{},
		docRels: map[string]map[string]bool{},
		owned:   map[ownKey]bool{},
		byLabel: map[confgraph.Label][]confgraph.Node{},
		rels:    map[string]*confgraph.Relationship{},
	}
	for d := range s.adj {
		s.adj[d] = map[confgraph.RelType]map[string][]string{}
	}
	return s
}

var (
	_ confgraph.Store  = (*Store)(nil)
	_ confgraph.Pinner = (*Store)(nil)
)

// Write merges a batch. Relationships whose ends are missing from both the
// store and the batch are rejected before anything changes.
func (s *Store) Write(ctx context.Context, b *confgraph.Batch) error {
	return s.update(ctx, func(next *Store) error { return next.write(b, "") })
}

// update applies change to a copy of the current version and publishes
// the copy when change succeeds; a failed change leaves no trace.
func (s *Store) update(ctx context.Context, change func(next *Store) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	next := s.cur.Load().clone()
	if err := change(next); err != nil {
		return err
	}
	next.refresh()
	s.cur.Store(next)
	return nil
}

type pinKey struct{ s *Store }

// Pin returns a context in which every call to s reads the version of the
// graph current now, whatever is written meanwhile; release does nothing
// here (a version lives while something refers to it).
func (s *Store) Pin(ctx context.Context) (context.Context, func()) {
	if s.cur.Load() == nil {
		return ctx, func() {}
	}
	return context.WithValue(ctx, pinKey{s}, s.cur.Load()), func() {}
}

// view returns the version a call with ctx reads: the one ctx pins, else
// the current one. A version views itself.
func (s *Store) view(ctx context.Context) *Store {
	cur := s.cur.Load()
	if cur == nil {
		return s
	}
	if v, ok := ctx.Value(pinKey{s}).(*Store); ok {
		return v
	}
	return cur
}

// clone copies a version for a writer to change. Maps are copied one
// level deep and shared below: a writer copies an adjacency map, a
// document's set or a relationship before changing it (adjMap, ownSet,
// ownRel), so a write costs what it changes, not the size of the graph.
// Nodes and claims are replaced, never changed; the per-label lists and
// indexes are left to refresh, which copies what it changes.
func (s *Store) clone() *Store {
	c := &Store{
		nodes:   maps.Clone(s.nodes),
		claims:  maps.Clone(s.claims),
		docs:    maps.Clone(s.docs),
		docRels: maps.Clone(s.docRels),
		byLabel: s.byLabel,
		rels:    maps.Clone(s.rels),
		byKey:   s.byKey,
		owned:   map[ownKey]bool{},
	}
	for d := range s.adj {
		c.adj[d] = maps.Clone(s.adj[d])
	}
	return c
}

// ownKey names a map a version being written may share with the version
// it was copied from.
type ownKey struct {
	kind string // "adj", "docs" or "rels"
	name string // relationship type or document
	dir  confgraph.Direction
}

// adjMap returns the adjacency map of type t in direction d, copied once
// per version before the first change.
func (s *Store) adjMap(d confgraph.Direction, t confgraph.RelType) map[string][]string {
	k := ownKey{"adj", string(t), d}
	m := s.adj[d][t]
	if !s.owned[k] {
		m = maps.Clone(m)
		if m == nil {
			m = map[string][]string{}
		}
		s.adj[d][t] = m
		s.owned[k] = true
	}
	return m
}

// ownSet returns document doc's set in m (s.docs or s.docRels), copied
// once per version before the first change.
func (s *Store) ownSet(m map[string]map[string]bool, kind, doc string) map[string]bool {
	k := ownKey{kind: kind, name: doc}
	set := m[doc]
	if !s.owned[k] {
		set = maps.Clone(set)
		if set == nil {
			set = map[string]bool{}
		}
		m[doc] = set
		s.owned[k] = true
	}
	return set
}

// ownRel returns relationship k copied, stored under k, for changing.
func (s *Store) ownRel(k string) *confgraph.Relationship {
	cp := *s.rels[k]
	cp.Evidence = slices.Clone(cp.Evidence)
	s.rels[k] = &cp
	return &cp
}

// write merges b; the caller holds the lock. It checks everything before
// changing anything. When doc is not empty, b is what document doc says:
// its claims on nodes are doc's.
func (s *Store) write(b *confgraph.Batch, doc string) error {
	for _, n := range b.Nodes() {
		if old := s.nodes[n.NodeID()]; old != nil && old.NodeLabel() != n.NodeLabel() {
			return confgraph.Errorf(confgraph.EINVALID, "node %s is a %s, not a %s", n.NodeID(), old.NodeLabel(), n.NodeLabel())
		}
	}
	for _, r := range b.Rels() {
		from, to := r.Type.Endpoints()
		if from == "" {
			return confgraph.Errorf(confgraph.EINVALID, "unknown relationship type %q", r.Type)
		}
		for i, id := range []string{r.From, r.To} {
			want := []confgraph.Label{from, to}[i]
			n := s.nodes[id]
			if n == nil {
				n = b.Node(id)
			}
			if n == nil {
				return confgraph.Errorf(confgraph.EINVALID, "relationship %s from %s to %s: node %s does not exist", r.Type, r.From, r.To, id)
			}
			if n.NodeLabel() != want {
				return confgraph.Errorf(confgraph.EINVALID, "relationship %s from %s to %s: %s is a %s, not a %s", r.Type, r.From, r.To, id, n.NodeLabel(), want)
			}
		}
	}
	for _, n := range b.Nodes() {
		id := n.NodeID()
		claims := b.Claims(id)
		if len(claims) == 0 {
			claims = confgraph.Claims{{Node: n}}
		}
		for _, c := range claims {
			if doc != "" {
				c.Document = doc
			}
			s.claims[id] = s.claims[id].With(c)
			if c.Document != "" {
				s.ownSet(s.docs, "docs", c.Document)[id] = true
			}
		}
		s.setNode(id, s.claims[id].Resolve())
	}
	for _, r := range b.Rels() {
		k := r.Key()
		for _, e := range r.Evidence {
			s.ownSet(s.docRels, "rels", e.Document)[k] = true
		}
		if _, ok := s.rels[k]; ok {
			confgraph.MergeRel(s.ownRel(k), r)
			continue
		}
		rc := r
		rc.Evidence = confgraph.SortEvidence(slices.Clone(r.Evidence))
		s.rels[k] = &rc
		s.link(confgraph.Out, r.Type, r.From, k)
		s.link(confgraph.In, r.Type, r.To, k)
	}
	return nil
}

func (s *Store) link(d confgraph.Direction, t confgraph.RelType, id, key string) {
	m := s.adjMap(d, t)
	m[id] = append(slices.Clip(m[id]), key) // the list may be shared
}

// List returns one page of the nodes with the given label.
func (s *Store) List(ctx context.Context, label confgraph.Label, page confgraph.Page) ([]confgraph.Node, error) {
	page, err := page.Validate()
	if err != nil {
		return nil, err
	}
	if !slices.Contains(confgraph.Labels, label) {
		return nil, confgraph.Errorf(confgraph.EINVALID, "unknown label %q", label)
	}
	s = s.view(ctx)
	all := s.byLabel[label]
	if page.Offset >= len(all) {
		return []confgraph.Node{}, nil
	}
	all = all[page.Offset:min(len(all), page.Offset+page.Limit)]
	out := make([]confgraph.Node, len(all))
	for i, n := range all {
		out[i] = confgraph.CloneNode(n)
	}
	return out, nil
}

// Nodes returns the nodes with the given IDs.
func (s *Store) Nodes(ctx context.Context, ids []string) (map[string]confgraph.Node, error) {
	s = s.view(ctx)
	e := s.eval(ctx)
	out := make(map[string]confgraph.Node, len(ids))
	for _, id := range ids {
		if !e.tick() {
			return nil, e.err
		}
		if n, ok := s.nodes[id]; ok {
			out[id] = confgraph.CloneNode(n)
		}
	}
	return out, nil
}

// Related follows relationships of type rel from each node in ids.
func (s *Store) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	if !slices.Contains(confgraph.RelTypes, rel) {
		return nil, confgraph.Errorf(confgraph.EINVALID, "unknown relationship type %q", rel)
	}
	s = s.view(ctx)
	e := s.eval(ctx)
	out := make(map[string][]confgraph.Edge, len(ids))
	for _, id := range ids {
		if !e.tick() {
			return nil, e.err
		}
		keys := s.adj[dir][rel][id]
		edges := make([]confgraph.Edge, 0, len(keys))
		for _, k := range keys {
			r := *s.rels[k]
			r.Evidence = slices.Clone(r.Evidence)
			other := r.To
			if dir == confgraph.In {
				other = r.From
			}
			edges = append(edges, confgraph.Edge{Rel: r, Node: confgraph.CloneNode(s.nodes[other])})
		}
		sort.Slice(edges, func(i, j int) bool { return confgraph.Less(edges[i].Node, edges[j].Node) })
		out[id] = edges
	}
	return out, nil
}

// Counts returns the number of nodes per label and relationships per type.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	s = s.view(ctx)
	out := map[string]int{}
	for _, l := range confgraph.Labels {
		out[string(l)] = len(s.byLabel[l])
	}
	for _, t := range confgraph.RelTypes {
		n := 0
		for _, keys := range s.adj[confgraph.Out][t] {
			n += len(keys)
		}
		out[string(t)] = n
	}
	return out, nil
}

// Dump returns a copy of the whole graph.
func (s *Store) Dump(ctx context.Context) (*confgraph.Batch, error) {
	s = s.view(ctx)
	b := confgraph.NewBatch()
	for _, n := range s.nodes {
		b.AddNode(confgraph.CloneNode(n))
	}
	for _, r := range s.rels {
		b.AddRel(*r)
	}
	return b, nil
}

// Close does nothing; the store lives as long as the process.
func (s *Store) Close() error { return nil }
