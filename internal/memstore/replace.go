package memstore

import (
	"context"
	"maps"
	"slices"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// ReplaceDocument removes what document name said (its evidence; the
// relationships left without evidence; the nodes those leave without any
// relationship) and writes b, as one step: a reader sees the old or the new
// state, and an invalid b leaves the store as it was.
func (s *Store) ReplaceDocument(ctx context.Context, name string, b *confgraph.Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	backup := s.snapshot()
	touched := map[string]bool{}
	for k, r := range s.rels {
		kept := r.Evidence[:0:0]
		for _, e := range r.Evidence {
			if e.Document != name {
				kept = append(kept, e)
			}
		}
		if len(kept) == len(r.Evidence) {
			continue
		}
		touched[r.From], touched[r.To] = true, true
		if len(kept) > 0 {
			r.Evidence = kept
			continue
		}
		s.unlink(confgraph.Out, r.Type, r.From, k)
		s.unlink(confgraph.In, r.Type, r.To, k)
		delete(s.rels, k)
	}
	// The nodes name claimed are resolved again from the claims left; a
	// node no document claims any more goes when nothing links it.
	for id := range s.docs[name] {
		touched[id] = true
		cs, _ := s.claims[id].Without(name)
		s.claims[id] = cs
		if len(cs) > 0 {
			s.nodes[id] = cs.Resolve()
		}
	}
	delete(s.docs, name)
	for id := range touched {
		if !s.claims[id].Documented() && !s.linked(id) {
			delete(s.nodes, id)
			delete(s.claims, id)
		}
	}
	s.rebuildLists()
	if err := s.write(b, name); err != nil {
		s.restore(backup)
		return err
	}
	return nil
}

func (s *Store) unlink(d confgraph.Direction, t confgraph.RelType, id, key string) {
	keys := s.adj[d][t][id]
	if i := slices.Index(keys, key); i >= 0 {
		s.adj[d][t][id] = slices.Delete(keys, i, i+1)
	}
}

func (s *Store) linked(id string) bool {
	for d := range s.adj {
		for _, byNode := range s.adj[d] {
			if len(byNode[id]) > 0 {
				return true
			}
		}
	}
	return false
}

type snapshot struct {
	nodes  map[string]confgraph.Node
	claims map[string]confgraph.Claims
	docs   map[string]map[string]bool
	rels   map[string]*confgraph.Relationship
}

// snapshot copies the store's state so that a failed replacement can be
// undone.
func (s *Store) snapshot() snapshot {
	sn := snapshot{nodes: make(map[string]confgraph.Node, len(s.nodes)), rels: make(map[string]*confgraph.Relationship, len(s.rels))}
	for id, n := range s.nodes {
		sn.nodes[id] = confgraph.CloneNode(n)
	}
	// Claims are never changed in place, so sharing them is a copy.
	sn.claims = maps.Clone(s.claims)
	sn.docs = make(map[string]map[string]bool, len(s.docs))
	for d, ids := range s.docs {
		sn.docs[d] = maps.Clone(ids)
	}
	for k, r := range s.rels {
		c := *r
		c.Evidence = slices.Clone(r.Evidence)
		sn.rels[k] = &c
	}
	return sn
}

func (s *Store) restore(sn snapshot) {
	s.nodes, s.claims, s.docs, s.rels = sn.nodes, sn.claims, sn.docs, sn.rels
	for d := range s.adj {
		s.adj[d] = map[confgraph.RelType]map[string][]string{}
	}
	for k, r := range s.rels {
		s.link(confgraph.Out, r.Type, r.From, k)
		s.link(confgraph.In, r.Type, r.To, k)
	}
	s.rebuildLists()
}

// rebuildLists recomputes the per-label lists and the lookup indexes.
func (s *Store) rebuildLists() {
	s.byLabel = map[confgraph.Label][]confgraph.Node{}
	for _, n := range s.nodes {
		s.byLabel[n.NodeLabel()] = append(s.byLabel[n.NodeLabel()], n)
	}
	for l, list := range s.byLabel {
		slices.SortFunc(list, func(a, b confgraph.Node) int {
			if confgraph.Less(a, b) {
				return -1
			}
			if confgraph.Less(b, a) {
				return 1
			}
			return 0
		})
		s.byLabel[l] = list
	}
	s.reindex()
}
