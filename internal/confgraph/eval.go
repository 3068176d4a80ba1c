package confgraph

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/confgraph/confgraph/internal/text"
)

// This file is the reference semantics of a Query: what Find, Count,
// RelatedQuery, Degrees and ShortestPath answer, written as a small
// evaluator over any GraphReader. The embedded store runs it over its indexes;
// neo4jstore compiles the same queries to Cypher and is tested against
// it.

// GraphReader is what the reference evaluator reads.
type GraphReader interface {
	// Node returns the node with the ID, or nil.
	Node(id string) Node
	// Nodes returns nodes of label among which are all those that match
	// where: every node of the label, or the fewer an index picks. For an
	// empty where it returns every node of the label.
	Nodes(label Label, where *Filter) []Node
	// Edges returns the keys of the rel relationships at a node followed
	// in dir, for Edge.
	Edges(id string, rel RelType, dir Direction) []string
	// Edge returns the relationship with a key Edges gave.
	Edge(key string) *Relationship
}

// farEnd is the ID at the other end of r followed in dir.
func farEnd(r *Relationship, dir Direction) string {
	if dir == In {
		return r.From
	}
	return r.To
}

// CheckEvery is how many steps (nodes or relationships tested) an
// evaluation takes between looks at its context.
const CheckEvery = 1024

// Steps stops a long evaluation when its context ends: a request past its
// deadline stops within a few milliseconds.
type Steps struct {
	ctx context.Context
	n   int
	err error
}

// NewSteps counts the steps of one call made with ctx.
func NewSteps(ctx context.Context) *Steps { return &Steps{ctx: ctx} }

// Tick counts a step; false means the call must stop (Err says why).
func (s *Steps) Tick() bool {
	if s.err != nil {
		return false
	}
	s.n++
	if s.n%CheckEvery == 1 { // the first step, and every CheckEvery after
		s.err = s.ctx.Err()
	}
	return s.err == nil
}

// Err is the context's error once Tick has returned false.
func (s *Steps) Err() error { return s.err }

// Eval evaluates queries over a graph for one call.
type Eval struct {
	G GraphReader
	*Steps
	sets map[*Cond]map[string]bool // long `in` lists, as sets
}

// NewEval returns an evaluator over g for one call made with ctx.
func NewEval(ctx context.Context, g GraphReader) *Eval { return &Eval{G: g, Steps: NewSteps(ctx)} }

// Find answers Store.Find.
func (e *Eval) Find(q Query) ([]Node, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	out := e.Page(e.Select(q.Label, q.Where), q)
	if e.Err() != nil {
		return nil, e.Err()
	}
	return out, nil
}

// Count answers Store.Count.
func (e *Eval) Count(label Label, where *Filter) (int, error) {
	if err := (Query{Label: label, Where: where}).Validate(); err != nil {
		return 0, err
	}
	if where.Empty() {
		return len(e.G.Nodes(label, nil)), nil
	}
	n := len(e.Select(label, where))
	return n, e.Err()
}

// RelatedQuery answers Store.RelatedQuery.
func (e *Eval) RelatedQuery(ids []string, rel RelType, dir Direction, q Query) (map[string][]Edge, error) {
	if err := CheckRel(rel, dir); err != nil {
		return nil, err
	}
	q.Label = FarLabel(rel, dir)
	if err := q.Validate(); err != nil {
		return nil, err
	}
	out := make(map[string][]Edge, len(ids))
	for _, id := range ids {
		rels := map[string]*Relationship{}
		var far []Node
		for _, k := range e.G.Edges(id, rel, dir) {
			r := e.G.Edge(k)
			if n := e.G.Node(farEnd(r, dir)); e.Match(n, q.Where) {
				far = append(far, n)
				rels[n.NodeID()] = r
			}
		}
		page := e.Page(far, q)
		if e.Err() != nil {
			return nil, e.Err()
		}
		edges := make([]Edge, len(page))
		for i, n := range page {
			r := *rels[n.NodeID()]
			r.Evidence = slices.Clone(r.Evidence)
			edges[i] = Edge{Rel: r, Node: n}
		}
		out[id] = edges
	}
	return out, nil
}

// Degrees answers Store.Degrees.
func (e *Eval) Degrees(ids []string, rel RelType, dir Direction, where *Filter) (map[string]int, error) {
	if err := CheckRel(rel, dir); err != nil {
		return nil, err
	}
	if err := (Query{Label: FarLabel(rel, dir), Where: where}).Validate(); err != nil {
		return nil, err
	}
	out := make(map[string]int, len(ids))
	for _, id := range ids {
		n := 0
		for _, k := range e.G.Edges(id, rel, dir) {
			if !e.Tick() {
				return nil, e.Err()
			}
			if where.Empty() || e.Match(e.G.Node(farEnd(e.G.Edge(k), dir)), where) {
				n++
			}
		}
		if e.Err() != nil {
			return nil, e.Err()
		}
		out[id] = n
	}
	return out, nil
}

// Select returns the nodes of label matching where, unsorted.
func (e *Eval) Select(label Label, where *Filter) []Node {
	var out []Node
	for _, n := range e.G.Nodes(label, where) {
		if e.Match(n, where) {
			out = append(out, n)
		}
		if e.Err() != nil {
			return nil
		}
	}
	return out
}

// Match reports whether n matches f: all of its conditions, relationship
// filters and AND groups hold, one of its OR groups when it has any, and
// not its NOT.
func (e *Eval) Match(n Node, f *Filter) bool {
	if f == nil {
		return true
	}
	if !e.Tick() {
		return false
	}
	for i := range f.Conds {
		if !e.cond(n, &f.Conds[i]) {
			return false
		}
	}
	for _, r := range f.Rels {
		if !e.relHolds(n, r) {
			return false
		}
	}
	for _, g := range f.And {
		if !e.Match(n, g) {
			return false
		}
	}
	if len(f.Or) > 0 && !slices.ContainsFunc(f.Or, func(g *Filter) bool { return e.Match(n, g) }) {
		return false
	}
	return f.Not == nil || !e.Match(n, f.Not)
}

// relHolds counts the related nodes matching r.Where against r.Quant:
// some is at least one, single exactly one, none zero, and all holds
// when no related node fails (so also without related nodes).
func (e *Eval) relHolds(n Node, r RelCond) bool {
	hits := 0
	for _, k := range e.G.Edges(n.NodeID(), r.Rel, r.Dir) {
		if !e.Tick() {
			return false
		}
		if e.Match(e.G.Node(farEnd(e.G.Edge(k), r.Dir)), r.Where) {
			hits++
			if r.Quant == Some {
				return true
			}
			if r.Quant == None || r.Quant == Single && hits > 1 {
				return false
			}
		} else if r.Quant == All {
			return false
		}
	}
	switch r.Quant {
	case Some:
		return false
	case Single:
		return hits == 1
	}
	return true // all and none
}

// setAbove is the length from which an `in` list of strings is tested
// through a set rather than value by value.
const setAbove = 8

// cond tests c on n; a long `in` list of strings becomes a set once per
// evaluation, so testing it costs the same however long it is.
func (e *Eval) cond(n Node, c *Cond) bool {
	if c.Op != OpIn || len(c.Values) <= setAbove {
		return CondHolds(n, *c)
	}
	set, built := e.sets[c]
	if !built {
		set = inSet(c)
		if e.sets == nil {
			e.sets = map[*Cond]map[string]bool{}
		}
		e.sets[c] = set
	}
	if set == nil {
		return CondHolds(n, *c)
	}
	v, _ := FieldValue(n, c.Field)
	s, ok := v.(string)
	if c.Fold {
		s = text.FoldCase(s)
	}
	return ok && set[s]
}

// inSet returns the values of an `in` condition as a set (folded when it
// ignores case), or nil when they are not all strings.
func inSet(c *Cond) map[string]bool {
	set := make(map[string]bool, len(c.Values))
	for _, w := range c.Values {
		s, ok := w.(string)
		if !ok {
			return nil
		}
		if c.Fold {
			s = text.FoldCase(s)
		}
		set[s] = true
	}
	return set
}

// CondHolds tests one condition on a node. A missing property (an empty
// string, a zero number) fails every comparison but isNull. Ignoring
// case compares FoldCase of both sides, as Neo4j's toLower does; strings
// compare by their bytes.
func CondHolds(n Node, c Cond) bool {
	if c.Field == AliasField {
		s, _ := c.Value.(string)
		return AliasHolds(n, s, c.Fold)
	}
	v, ok := FieldValue(n, c.Field)
	if c.Op == OpIsNull {
		null, _ := c.Value.(bool)
		return ok != null
	}
	if !ok {
		return false
	}
	switch c.Op {
	case OpEq:
		return equal(v, c.Value, c.Fold)
	case OpIn:
		return slices.ContainsFunc(c.Values, func(w any) bool { return equal(v, w, c.Fold) })
	}
	if s, ok := v.(string); ok {
		w, _ := c.Value.(string)
		if c.Fold {
			s, w = text.FoldCase(s), text.FoldCase(w)
		}
		switch c.Op {
		case OpContains:
			return strings.Contains(s, w)
		case OpStartsWith:
			return strings.HasPrefix(s, w)
		case OpEndsWith:
			return strings.HasSuffix(s, w)
		}
		return ordered(strings.Compare(s, w), c.Op)
	}
	w, ok := c.Value.(int)
	return ok && ordered(compareValues(v, w), c.Op)
}

// ordered reports whether a comparison's result (negative, zero,
// positive) satisfies an ordering operator.
func ordered(cmp int, op Op) bool {
	switch op {
	case OpLt:
		return cmp < 0
	case OpLte:
		return cmp <= 0
	case OpGt:
		return cmp > 0
	case OpGte:
		return cmp >= 0
	}
	return false
}

func equal(v, w any, fold bool) bool {
	a, ok := v.(string)
	if !ok {
		return v == w
	}
	b, ok := w.(string)
	if fold {
		a, b = text.FoldCase(a), text.FoldCase(b)
	}
	return ok && a == b
}

// RelCount counts for a node: its rel relationships in dir, or with Then
// the distinct nodes reached from those (the node itself among them when
// the second step leads back to it).
func (e *Eval) RelCount(id string, rc RelCount) int {
	keys := e.G.Edges(id, rc.Rel, rc.Dir)
	if rc.Then == nil {
		return len(keys)
	}
	seen := map[string]bool{}
	for _, k := range keys {
		mid := farEnd(e.G.Edge(k), rc.Dir)
		for _, k2 := range e.G.Edges(mid, rc.Then.Rel, rc.Then.Dir) {
			if !e.Tick() {
				return len(seen)
			}
			seen[farEnd(e.G.Edge(k2), rc.Then.Dir)] = true
		}
	}
	return len(seen)
}

// Page sorts nodes by q.Sort (then display name and ID, see
// CompareCursors), keeps those after q.After and before q.Before, and cuts
// q.Offset and q.Limit from the start, or with q.Last the last q.Limit.
// The nodes it returns are copies.
func (e *Eval) Page(nodes []Node, q Query) []Node {
	type keyed struct {
		n Node
		c Cursor
	}
	ks := make([]keyed, len(nodes))
	for i, n := range nodes {
		id := n.NodeID()
		ks[i] = keyed{n, CursorOf(n, q.Sort, func(rc RelCount) int { return e.RelCount(id, rc) })}
		if !e.Tick() {
			return nil
		}
	}
	sort.Slice(ks, func(i, j int) bool { return CompareCursors(ks[i].c, ks[j].c, q.Sort) < 0 })
	lo, hi := 0, len(ks)
	if q.After != nil {
		after := NormalizeCursor(q.Label, q.Sort, *q.After)
		lo = sort.Search(len(ks), func(i int) bool { return CompareCursors(ks[i].c, after, q.Sort) > 0 })
	}
	if q.Before != nil {
		before := NormalizeCursor(q.Label, q.Sort, *q.Before)
		hi = sort.Search(len(ks), func(i int) bool { return CompareCursors(ks[i].c, before, q.Sort) >= 0 })
	}
	ks = ks[lo:max(lo, hi)]
	switch {
	case q.Last && q.Limit > 0 && len(ks) > q.Limit:
		ks = ks[len(ks)-q.Limit:]
	case !q.Last:
		ks = ks[min(q.Offset, len(ks)):]
		if q.Limit > 0 && len(ks) > q.Limit {
			ks = ks[:q.Limit]
		}
	}
	out := make([]Node, len(ks))
	for i, k := range ks {
		out[i] = CloneNode(k.n)
	}
	return out
}

// ShortestPath answers Store.ShortestPath: a breadth-first search from the
// end over relationships of the given types in both directions, then a
// walk from the start choosing at each step the smallest (ID, then type)
// neighbour one step nearer the end, which is the first shortest path in
// PathBefore's order.
func (e *Eval) ShortestPath(from, to string, maxHops int, types []RelType) (*Path, error) {
	if err := CheckPath(maxHops, types); err != nil {
		return nil, err
	}
	if len(types) == 0 {
		types = RelTypes
	}
	for _, id := range []string{from, to} {
		if e.G.Node(id) == nil {
			return nil, Errorf(ENOTFOUND, "no node with id %q", id)
		}
	}
	// neighbours calls f with each relationship of the allowed types at
	// id and the node at its other end.
	neighbours := func(id string, f func(r *Relationship, other string)) {
		for _, t := range types {
			for _, d := range []Direction{Out, In} {
				for _, k := range e.G.Edges(id, t, d) {
					r := e.G.Edge(k)
					f(r, farEnd(r, d))
				}
			}
		}
	}
	dist := map[string]int{to: 0}
	frontier := []string{to}
	for hop := 1; hop <= maxHops && len(frontier) > 0; hop++ {
		if _, ok := dist[from]; ok {
			break
		}
		var next []string
		for _, id := range frontier {
			if !e.Tick() {
				return nil, e.Err()
			}
			neighbours(id, func(_ *Relationship, other string) {
				if _, ok := dist[other]; !ok {
					dist[other] = hop
					next = append(next, other)
				}
			})
		}
		frontier = next
	}
	d, ok := dist[from]
	if !ok {
		return nil, nil
	}
	p := &Path{Nodes: []Node{CloneNode(e.G.Node(from))}}
	for at := from; d > 0; d-- {
		var best *Relationship
		next := ""
		neighbours(at, func(r *Relationship, other string) {
			if n, ok := dist[other]; !ok || n != d-1 {
				return
			}
			if best == nil || other < next || other == next && r.Type < best.Type {
				best, next = r, other
			}
		})
		r := *best
		r.Evidence = slices.Clone(r.Evidence)
		p.Rels = append(p.Rels, r)
		p.Nodes = append(p.Nodes, CloneNode(e.G.Node(next)))
		at = next
	}
	return p, nil
}
