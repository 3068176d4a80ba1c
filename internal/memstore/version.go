package memstore

import (
	"maps"
	"slices"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
)

// setNode and deleteNode change a node of a version being written,
// remembering what the version it was copied from held, so that refresh
// updates the lists and indexes for the changed nodes only.
func (s *Store) setNode(id string, n confgraph.Node) {
	s.remember(id)
	s.nodes[id] = n
}

func (s *Store) deleteNode(id string) {
	s.remember(id)
	delete(s.nodes, id)
}

func (s *Store) remember(id string) {
	if s.changed == nil {
		s.changed = map[string]confgraph.Node{}
	}
	if _, ok := s.changed[id]; !ok {
		s.changed[id] = s.nodes[id] // nil when the node is new
	}
}

// refresh brings the per-label lists and the lookup indexes of a version
// being written up to date with its changed nodes. They are shared with
// the version it was copied from, so each list or map it changes is
// copied first. A change to many of the nodes rebuilds them instead.
func (s *Store) refresh() {
	changed := s.changed
	s.changed = nil
	if len(changed) == 0 {
		return
	}
	s.shape.Store(nil)
	if len(changed) > len(s.nodes)/4 {
		s.rebuildLists()
		return
	}
	// Per-label lists: the changed nodes taken out, then put back in
	// order.
	byLabel := map[confgraph.Label]map[string]bool{}
	for id, old := range changed {
		for _, n := range []confgraph.Node{old, s.nodes[id]} {
			if n != nil {
				if byLabel[n.NodeLabel()] == nil {
					byLabel[n.NodeLabel()] = map[string]bool{}
				}
				byLabel[n.NodeLabel()][id] = true
			}
		}
	}
	s.byLabel = maps.Clone(s.byLabel)
	for l, ids := range byLabel {
		list := make([]confgraph.Node, 0, len(s.byLabel[l])+len(ids))
		for _, n := range s.byLabel[l] {
			if !ids[n.NodeID()] {
				list = append(list, n)
			}
		}
		for id := range ids {
			n := s.nodes[id]
			if n == nil || n.NodeLabel() != l {
				continue
			}
			i, _ := slices.BinarySearchFunc(list, n, compareNodes)
			list = slices.Insert(list, i, n)
		}
		s.byLabel[l] = list
	}
	// Lookup tables. The search index is built when a search first needs
	// it in this version (searchIndex).
	s.search.Store(nil)
	s.byKey = maps.Clone(s.byKey)
	if s.byKey == nil {
		s.byKey = map[confgraph.Label]map[string]map[string][]string{}
	}
	copied := map[[2]string]bool{}
	table := func(l confgraph.Label, f string) map[string][]string {
		if !copied[[2]string{string(l), ""}] {
			copied[[2]string{string(l), ""}] = true
			s.byKey[l] = maps.Clone(s.byKey[l])
			if s.byKey[l] == nil {
				s.byKey[l] = map[string]map[string][]string{}
			}
		}
		if !copied[[2]string{string(l), f}] {
			copied[[2]string{string(l), f}] = true
			s.byKey[l][f] = maps.Clone(s.byKey[l][f])
			if s.byKey[l][f] == nil {
				s.byKey[l][f] = map[string][]string{}
			}
		}
		return s.byKey[l][f]
	}
	for id, old := range changed {
		n := s.nodes[id]
		for f := range indexedFields {
			if old != nil {
				if v, ok := confgraph.FieldValue(old, f); ok {
					m := table(old.NodeLabel(), f)
					k := text.FoldCase(v.(string))
					ids := slices.DeleteFunc(slices.Clone(m[k]), func(x string) bool { return x == id })
					if len(ids) == 0 {
						delete(m, k)
					} else {
						m[k] = ids
					}
				}
			}
			if n != nil {
				if v, ok := confgraph.FieldValue(n, f); ok {
					m := table(n.NodeLabel(), f)
					k := text.FoldCase(v.(string))
					m[k] = append(slices.Clip(m[k]), id)
				}
			}
		}
	}
}

func compareNodes(a, b confgraph.Node) int {
	switch {
	case confgraph.Less(a, b):
		return -1
	case confgraph.Less(b, a):
		return 1
	}
	return 0
}
