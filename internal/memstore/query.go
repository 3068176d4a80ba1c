package memstore

import (
	"context"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
)

// Queries are answered by confgraph.Eval, the reference semantics, over
// the store's indexes: a condition on an ID, name or title looks the nodes
// up, and a "some" relationship filter walks the relationship backwards
// from the nodes its inner filter selects, so a selective filter never
// scans every node of a label. The indexes only choose the candidates;
// the reference decides which match, their order and the page.

// indexedFields are the properties the store keeps a lookup table for.
var indexedFields = map[string]bool{"name": true, "title": true}

func (s *Store) reindex() {
	s.shape.Store(nil)
	s.byKey = map[confgraph.Label]map[string]map[string][]string{}
	s.search.Store(nil)
	for _, n := range s.nodes {
		l := n.NodeLabel()
		for f := range indexedFields {
			v, ok := confgraph.FieldValue(n, f)
			if !ok {
				continue
			}
			m := s.byKey[l]
			if m == nil {
				m = map[string]map[string][]string{}
				s.byKey[l] = m
			}
			if m[f] == nil {
				m[f] = map[string][]string{}
			}
			k := text.FoldCase(v.(string))
			m[f][k] = append(m[f][k], n.NodeID())
		}
	}
}

// candidates returns a superset of the nodes of label matching f, found
// through one of the access paths confgraph.AccessPaths lists for f, or
// ok=false when f has none and the label must be scanned.
func (v graph) candidates(label confgraph.Label, f *confgraph.Filter) (ids map[string]bool, ok bool) {
	if f == nil {
		return nil, false
	}
	return v.access(confgraph.AccessPaths(f, label))
}

// access builds the smallest set the indexes give for one of paths, all
// starting at the same node. Each path ending here gives a set of its own;
// the paths through one relationship filter give, together, the set their
// best reaches walked back along the relationship. Only the set estimated
// smallest is built, as walking a relationship back from a large set costs
// more than testing the whole filter on the few nodes the smallest holds.
func (v graph) access(paths []confgraph.AccessPath) (map[string]bool, bool) {
	s := v.s
	if len(paths) == 0 || !v.steps.Tick() {
		return nil, false
	}
	type option struct {
		size  int // the set's size, or an upper bound of it
		build func() map[string]bool
	}
	var opts []option
	for len(paths) > 0 {
		p := paths[0]
		if len(p.Steps) == 0 {
			paths = paths[1:]
			if set, ok := v.end(p); ok {
				opts = append(opts, option{len(set), func() map[string]bool { return set }})
			}
			continue
		}
		// AccessPaths lists the paths through one relationship filter
		// together.
		r := p.Steps[0]
		var tails []confgraph.AccessPath
		for len(paths) > 0 && len(paths[0].Steps) > 0 && paths[0].Steps[0] == r {
			t := paths[0]
			t.Steps = t.Steps[1:]
			tails = append(tails, t)
			paths = paths[1:]
		}
		inner, ok := v.access(tails)
		if !ok {
			continue
		}
		back := confgraph.In
		if r.Dir == confgraph.In {
			back = confgraph.Out
		}
		size := 0
		for id := range inner {
			size += len(s.adj[back][r.Rel][id])
		}
		rel := r.Rel
		opts = append(opts, option{size, func() map[string]bool {
			set := map[string]bool{}
			for id := range inner {
				for _, k := range s.adj[back][rel][id] {
					if !v.steps.Tick() {
						return set
					}
					r := s.rels[k]
					near := r.From
					if back == confgraph.Out {
						near = r.To
					}
					set[near] = true
				}
			}
			return set
		}})
	}
	if len(opts) == 0 {
		return nil, false
	}
	best := opts[0]
	for _, o := range opts[1:] {
		if o.size < best.size {
			best = o
		}
	}
	return best.build(), true
}

// end returns the nodes at the end of a path without steps: those its
// condition looks up, or the union of the sets of an OR group's branches.
func (v graph) end(p confgraph.AccessPath) (map[string]bool, bool) {
	if p.Or == nil {
		return v.s.condCandidates(p.Label, p.Cond)
	}
	union := map[string]bool{}
	for _, b := range p.Or {
		set, ok := v.access(b)
		if !ok {
			return nil, false
		}
		for id := range set {
			union[id] = true
		}
	}
	return union, true
}

// condCandidates looks up the nodes of label an ID or display name
// equality (an access path's end) can hold for: IDs exactly, names in the
// case-folded index, which is a superset when the test heeds case.
func (s *Store) condCandidates(label confgraph.Label, c confgraph.Cond) (map[string]bool, bool) {
	vals := c.Values
	if c.Op == confgraph.OpEq {
		vals = []any{c.Value}
	}
	set := map[string]bool{}
	switch {
	case c.Field == "id":
		for _, v := range vals {
			if id, ok := v.(string); ok && s.nodes[id] != nil && s.nodes[id].NodeLabel() == label {
				set[id] = true
			}
		}
	case indexedFields[c.Field]:
		for _, v := range vals {
			if str, ok := v.(string); ok {
				for _, id := range s.byKey[label][c.Field][text.FoldCase(str)] {
					set[id] = true
				}
			}
		}
	default:
		return nil, false // a display name this store keeps no table for
	}
	return set, true
}

// graph is a version of the store as confgraph.Eval reads it.
type graph struct {
	s     *Store
	steps *confgraph.Steps
}

func (g graph) Node(id string) confgraph.Node { return g.s.nodes[id] }

func (g graph) Edges(id string, rel confgraph.RelType, dir confgraph.Direction) []string {
	return g.s.adj[dir][rel][id]
}

func (g graph) Edge(key string) *confgraph.Relationship { return g.s.rels[key] }

// Nodes returns the candidates the indexes give where, or every node of
// the label.
func (g graph) Nodes(label confgraph.Label, where *confgraph.Filter) []confgraph.Node {
	ids, ok := g.candidates(label, where)
	if !ok {
		return g.s.byLabel[label]
	}
	var pool []confgraph.Node
	for id := range ids {
		if n := g.s.nodes[id]; n != nil && n.NodeLabel() == label {
			pool = append(pool, n)
		}
	}
	return pool
}

// checkEvery is how many steps a call takes between looks at its context.
const checkEvery = confgraph.CheckEvery

// eval evaluates one call over a version of the store.
type eval struct {
	*confgraph.Eval
	err error // why tick returned false
}

func (s *Store) eval(ctx context.Context) *eval {
	e := confgraph.NewEval(ctx, nil)
	e.G = graph{s, e.Steps}
	return &eval{Eval: e}
}

// tick counts a step; false means the call must stop (e.err says why).
func (e *eval) tick() bool {
	if e.Tick() {
		return true
	}
	e.err = e.Err()
	return false
}

// Find returns one page of matching nodes.
func (s *Store) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	return s.view(ctx).eval(ctx).Find(q)
}

// Count returns the number of matching nodes.
func (s *Store) Count(ctx context.Context, label confgraph.Label, where *confgraph.Filter) (int, error) {
	return s.view(ctx).eval(ctx).Count(label, where)
}

// RelatedQuery follows rel from each node, filtered, sorted and paged.
func (s *Store) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	return s.view(ctx).eval(ctx).RelatedQuery(ids, rel, dir, q)
}

// Degrees counts matching relationships per node.
func (s *Store) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	return s.view(ctx).eval(ctx).Degrees(ids, rel, dir, where)
}

// ShortestPath returns the first shortest path in confgraph.PathBefore's
// order.
func (s *Store) ShortestPath(ctx context.Context, from, to string, maxHops int, types []confgraph.RelType) (*confgraph.Path, error) {
	return s.view(ctx).eval(ctx).ShortestPath(from, to, maxHops, types)
}
