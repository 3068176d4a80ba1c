package memstore

import (
	"context"
	"slices"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// ReplaceDocument removes what document name said (its evidence; the
// relationships left without evidence; the nodes those leave without any
// relationship) and writes b, as one step: a reader sees the old or the new
// state, and an invalid b leaves the store as it was.
func (s *Store) ReplaceDocument(ctx context.Context, name string, b *confgraph.Batch) error {
	return s.update(ctx, func(next *Store) error { return next.replace(name, b) })
}

// replace does the work of ReplaceDocument on a version being written.
func (s *Store) replace(name string, b *confgraph.Batch) error {
	touched := map[string]bool{}
	for k := range s.docRels[name] {
		r := s.rels[k]
		if r == nil {
			continue
		}
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
			s.ownRel(k).Evidence = kept
			continue
		}
		s.unlink(confgraph.Out, r.Type, r.From, k)
		s.unlink(confgraph.In, r.Type, r.To, k)
		delete(s.rels, k)
	}
	delete(s.docRels, name)
	// The nodes name claimed are resolved again from the claims left; a
	// node no document claims any more goes when nothing links it.
	for id := range s.docs[name] {
		touched[id] = true
		cs, _ := s.claims[id].Without(name)
		s.claims[id] = cs
		if len(cs) > 0 {
			s.setNode(id, cs.Resolve())
		}
	}
	delete(s.docs, name)
	for id := range touched {
		if !s.claims[id].Documented() && !s.linked(id) {
			s.deleteNode(id)
			delete(s.claims, id)
		}
	}
	return s.write(b, name)
}

func (s *Store) unlink(d confgraph.Direction, t confgraph.RelType, id, key string) {
	m := s.adjMap(d, t)
	if i := slices.Index(m[id], key); i >= 0 {
		m[id] = slices.Delete(slices.Clone(m[id]), i, i+1) // the list may be shared
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
