package confgraph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// A GraphQL request reads a page of nodes and then, level by level, what
// its selection asks about them. A store that can answer all levels in one
// round trip implements Prefetcher: it is given the page and a tree of
// fetches, one per relationship field the request will resolve, and
// answers them together. Prefetch only saves round trips: every fetch
// means exactly one call of the Store interface, and PrefetchStepwise
// answers a plan with those calls, as the reference the stores are tested
// against.

// FetchKind says which Store call a fetch stands for.
type FetchKind int

// The kinds of fetch.
const (
	// FetchEdges is Related(ids, Rel, Dir).
	FetchEdges FetchKind = iota + 1
	// FetchPage is RelatedQuery(ids, Rel, Dir, Query).
	FetchPage
	// FetchDegree counts Count for each node: Degrees(ids, Count.Rel,
	// Count.Dir, Where) for one step; for two steps (Count.Then), the
	// distinct nodes reached, the node itself included when reached.
	FetchDegree
	// FetchTally ranks the far nodes of a chain by how many distinct
	// middle nodes reach them (Tally).
	FetchTally
)

// Tally is a chain counted by a FetchTally: from a node along Via to
// distinct middle nodes, then along Far from each middle node to distinct
// far nodes; each far node counts the middle nodes that reach it. Ranked
// most first, then in display-name order, at most Limit (all when 0).
type Tally struct {
	Via   []RelCount
	Far   []RelCount
	Limit int
}

// Fetch is one step of a prefetch plan.
type Fetch struct {
	// Key is the caller's name for the result.
	Key   string
	Kind  FetchKind
	Rel   RelType
	Dir   Direction
	Query Query    // FetchPage; Query.Label is ignored (it is the far label)
	Count RelCount // FetchDegree
	Where *Filter  // FetchDegree, one step only
	Tally Tally    // FetchTally
	// Then are the fetches for every far node (FetchEdges, FetchPage).
	Then []*Fetch
	// Fields are the properties of the far nodes to read (the ID always);
	// nil reads them all. RelFields are those of the relationships.
	Fields, RelFields []string
}

// Plan is a page of nodes and the fetches for them.
type Plan struct {
	Query Query
	// Total asks for Count(Query.Label, Query.Where) as well.
	Total bool
	// Fields are the properties of the nodes to read (the ID always); nil
	// reads them all.
	Fields  []string
	Fetches []*Fetch
}

// Counted is a node with a count.
type Counted struct {
	Node Node
	N    int
}

// Prefetched holds a plan's answers: for each fetch key, for each node
// the fetch was asked about, its answer. Every node asked about has an
// entry, empty when there is nothing.
type Prefetched struct {
	Nodes   []Node
	Total   int // how many nodes match the query, when asked
	Edges   map[string]map[string][]Edge
	Degrees map[string]map[string]int
	Tallies map[string]map[string][]Counted
}

// Prefetcher answers a plan in one round trip.
type Prefetcher interface {
	// Prefetch runs Find(p.Query), Count when p.Total is set, and the
	// fetches for the nodes found.
	Prefetch(ctx context.Context, p Plan) (*Prefetched, error)
}

// ErrNoPrefetch is returned by a store wrapper whose store cannot
// prefetch: the caller asks step by step.
var ErrNoPrefetch = errors.New("the store cannot prefetch")

// NewPrefetched returns empty answers, for a store to fill with Put.
func NewPrefetched() *Prefetched {
	return &Prefetched{Edges: map[string]map[string][]Edge{}, Degrees: map[string]map[string]int{}, Tallies: map[string]map[string][]Counted{}}
}

// Put stores the answer v of the fetch key for the node id in m (one of a
// Prefetched's maps).
func Put[V any](m map[string]map[string]V, key, id string, v V) {
	if m[key] == nil {
		m[key] = map[string]V{}
	}
	m[key][id] = v
}

// CheckFetches validates a plan's shape: known kinds, relationship types
// and directions, and no page from the end.
func CheckFetches(fs []*Fetch) error {
	for _, f := range fs {
		switch f.Kind {
		case FetchEdges, FetchPage:
			if Graph.Rel(f.Rel) == nil {
				return Errorf(EINVALID, "unknown relationship type %q", f.Rel)
			}
			if f.Dir != In && f.Dir != Out {
				return Errorf(EINVALID, "unknown direction %d", f.Dir)
			}
			if f.Query.Last || f.Query.Before != nil {
				return Errorf(EINVALID, "a prefetched page cannot be taken from the end")
			}
		case FetchDegree:
			if f.Count.Then != nil && (f.Where != nil || f.Count.Then.Then != nil) {
				return Errorf(EINVALID, "a two-step count takes no filter and no third step")
			}
		case FetchTally:
			if len(f.Tally.Via) == 0 || len(f.Tally.Far) == 0 {
				return Errorf(EINVALID, "a tally needs a middle and a far step")
			}
		default:
			return Errorf(EINVALID, "unknown fetch kind %d", f.Kind)
		}
		if err := CheckFetches(f.Then); err != nil {
			return err
		}
	}
	return nil
}

// PrefetchStepwise answers a plan with the Store's own calls, one per
// fetch and level, keeping of each node and relationship only the fields
// the plan reads.
func PrefetchStepwise(ctx context.Context, s Store, p Plan) (*Prefetched, error) {
	if err := CheckFetches(p.Fetches); err != nil {
		return nil, err
	}
	nodes, err := s.Find(ctx, p.Query)
	if err != nil {
		return nil, err
	}
	out := NewPrefetched()
	for _, n := range nodes {
		out.Nodes = append(out.Nodes, Trim(n, p.Fields))
	}
	if p.Total {
		if out.Total, err = s.Count(ctx, p.Query.Label, p.Query.Where); err != nil {
			return nil, err
		}
	}
	fetches := p.Fetches
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	return out, stepwise(ctx, s, ids, fetches, out)
}

func stepwise(ctx context.Context, s Store, ids []string, fetches []*Fetch, out *Prefetched) error {
	if len(ids) == 0 {
		return nil
	}
	for _, f := range fetches {
		switch f.Kind {
		case FetchEdges, FetchPage:
			var m map[string][]Edge
			var err error
			if f.Kind == FetchEdges {
				m, err = s.Related(ctx, ids, f.Rel, f.Dir)
			} else {
				m, err = s.RelatedQuery(ctx, ids, f.Rel, f.Dir, f.Query)
			}
			if err != nil {
				return err
			}
			var far []string
			seen := map[string]bool{}
			for _, id := range ids {
				es := m[id]
				trimmed := make([]Edge, len(es))
				for i, e := range es {
					trimmed[i] = Edge{Rel: TrimRel(e.Rel, f.RelFields), Node: Trim(e.Node, f.Fields)}
				}
				Put(out.Edges, f.Key, id, trimmed)
				for _, e := range es {
					if fid := e.Node.NodeID(); !seen[fid] {
						seen[fid] = true
						far = append(far, fid)
					}
				}
			}
			if err := stepwise(ctx, s, far, f.Then, out); err != nil {
				return err
			}
		case FetchDegree:
			m, err := StepwiseDegrees(ctx, s, ids, f.Count, f.Where)
			if err != nil {
				return err
			}
			for _, id := range ids {
				Put(out.Degrees, f.Key, id, m[id])
			}
		case FetchTally:
			m, err := StepwiseTally(ctx, s, ids, f.Tally)
			if err != nil {
				return err
			}
			for _, id := range ids {
				Put(out.Tallies, f.Key, id, m[id])
			}
		}
	}
	return nil
}

// StepwiseDegrees counts rc from each of ids with Store calls: Degrees for
// one step, two Related calls for two.
func StepwiseDegrees(ctx context.Context, s Store, ids []string, rc RelCount, where *Filter) (map[string]int, error) {
	if rc.Then == nil {
		return s.Degrees(ctx, ids, rc.Rel, rc.Dir, where)
	}
	first, err := s.Related(ctx, ids, rc.Rel, rc.Dir)
	if err != nil {
		return nil, err
	}
	var mids []string
	seen := map[string]bool{}
	for _, es := range first {
		for _, e := range es {
			if id := e.Node.NodeID(); !seen[id] {
				seen[id] = true
				mids = append(mids, id)
			}
		}
	}
	second, err := s.Related(ctx, mids, rc.Then.Rel, rc.Then.Dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(ids))
	for _, id := range ids {
		reached := map[string]bool{}
		for _, e := range first[id] {
			for _, f := range second[e.Node.NodeID()] {
				reached[f.Node.NodeID()] = true
			}
		}
		out[id] = len(reached)
	}
	return out, nil
}

// StepwiseTally answers a tally for each of ids with one Related call per
// step.
func StepwiseTally(ctx context.Context, s Store, ids []string, t Tally) (map[string][]Counted, error) {
	if len(t.Via) == 0 || len(t.Far) == 0 {
		return nil, fmt.Errorf("a tally needs a middle and a far step")
	}
	middle, _, err := reachAll(ctx, s, ids, t.Via)
	if err != nil {
		return nil, err
	}
	var mids []string
	seen := map[string]bool{}
	for _, id := range ids {
		for m := range middle[id] {
			if !seen[m] {
				seen[m] = true
				mids = append(mids, m)
			}
		}
	}
	far, nodes, err := reachAll(ctx, s, mids, t.Far)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]Counted, len(ids))
	for _, id := range ids {
		counts := map[string]int{}
		for m := range middle[id] {
			for f := range far[m] {
				counts[f]++
			}
		}
		list := make([]Counted, 0, len(counts))
		for f, n := range counts {
			list = append(list, Counted{Node: nodes[f], N: n})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].N != list[j].N {
				return list[i].N > list[j].N
			}
			return Less(list[i].Node, list[j].Node)
		})
		if t.Limit > 0 && len(list) > t.Limit {
			list = list[:t.Limit]
		}
		out[id] = list
	}
	return out, nil
}

// reachAll follows steps from each of ids, one Related call per step, and
// returns for each the distinct nodes reached at the end, and those nodes.
func reachAll(ctx context.Context, s Store, ids []string, steps []RelCount) (map[string]map[string]bool, map[string]Node, error) {
	reach := make(map[string]map[string]bool, len(ids))
	for _, id := range ids {
		reach[id] = map[string]bool{id: true}
	}
	nodes := map[string]Node{}
	for _, st := range steps {
		var from []string
		seen := map[string]bool{}
		for _, r := range reach {
			for id := range r {
				if !seen[id] {
					seen[id] = true
					from = append(from, id)
				}
			}
		}
		sort.Strings(from)
		m, err := s.Related(ctx, from, st.Rel, st.Dir)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range ids {
			next := map[string]bool{}
			for x := range reach[id] {
				for _, e := range m[x] {
					next[e.Node.NodeID()] = true
					nodes[e.Node.NodeID()] = e.Node
				}
			}
			reach[id] = next
		}
	}
	return reach, nodes, nil
}

// Trim returns a copy of n holding its ID and, of its other properties
// (named as Properties names them), only fields; n itself when fields is
// nil.
func Trim(n Node, fields []string) Node {
	spec := specOf(n)
	if fields == nil || spec == nil {
		return n
	}
	c := spec.New(n.NodeID())
	for _, p := range spec.Props {
		if slices.Contains(fields, p.Name) {
			p.copy(c, n)
		}
	}
	return c
}

// TrimRel returns r with, of its role and evidence, only fields; r itself
// when fields is nil.
func TrimRel(r Relationship, fields []string) Relationship {
	if fields == nil {
		return r
	}
	if !slices.Contains(fields, "role") {
		r.Role = ""
	}
	if !slices.Contains(fields, "evidence") {
		r.Evidence = nil
	}
	return r
}
