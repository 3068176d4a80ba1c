// Package memstore is the embedded in-memory store: the zero-setup
// default. It keeps nodes in maps, lists per label in display order and
// adjacency lists per relationship type, so that following a relationship
// never scans the graph.
package memstore

import (
	"context"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Store implements confgraph.Store in memory. It is safe for concurrent
// use.
type Store struct {
	mu      sync.RWMutex
	nodes   map[string]confgraph.Node            // each resolved from its claims
	claims  map[string]confgraph.Claims          // node ID -> what each document says of it
	docs    map[string]map[string]bool           // document -> IDs of the nodes it claims
	byLabel map[confgraph.Label][]confgraph.Node // sorted by confgraph.Less
	rels    map[string]*confgraph.Relationship
	adj     [2]map[confgraph.RelType]map[string][]string       // [dir][type][node] -> rel keys
	byKey   map[confgraph.Label]map[string]map[string][]string // label -> field -> lowercased value -> IDs
	words   map[string][]string                                // searchable node ID -> its words, for Search
	shape   atomic.Pointer[confgraph.Shape]                    // nil after a change, until Shape computes it
}

// New returns an empty store.
func New() *Store {
	s := &Store{
		nodes:   map[string]confgraph.Node{},
		claims:  map[string]confgraph.Claims{},
		docs:    map[string]map[string]bool{},
		byLabel: map[confgraph.Label][]confgraph.Node{},
		rels:    map[string]*confgraph.Relationship{},
	}
	for d := range s.adj {
		s.adj[d] = map[confgraph.RelType]map[string][]string{}
	}
	return s
}

var _ confgraph.Store = (*Store)(nil)

// Write merges a batch. Relationships whose ends are missing from both the
// store and the batch are rejected before anything changes.
func (s *Store) Write(ctx context.Context, b *confgraph.Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.write(b, "")
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
	touched := map[confgraph.Label]bool{}
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
				if s.docs[c.Document] == nil {
					s.docs[c.Document] = map[string]bool{}
				}
				s.docs[c.Document][id] = true
			}
		}
		s.nodes[id] = s.claims[id].Resolve()
		touched[n.NodeLabel()] = true
	}
	for l := range touched {
		list := s.byLabel[l][:0]
		for _, n := range s.nodes {
			if n.NodeLabel() == l {
				list = append(list, n)
			}
		}
		sort.Slice(list, func(i, j int) bool { return confgraph.Less(list[i], list[j]) })
		s.byLabel[l] = list
	}
	s.reindex()
	for _, r := range b.Rels() {
		k := r.Key()
		if old, ok := s.rels[k]; ok {
			confgraph.MergeRel(old, r)
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
	m := s.adj[d][t]
	if m == nil {
		m = map[string][]string{}
		s.adj[d][t] = m
	}
	m[id] = append(m[id], key)
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
	s.mu.RLock()
	defer s.mu.RUnlock()
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
	s.mu.RLock()
	defer s.mu.RUnlock()
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
	s.mu.RLock()
	defer s.mu.RUnlock()
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
	s.mu.RLock()
	defer s.mu.RUnlock()
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
	s.mu.RLock()
	defer s.mu.RUnlock()
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
