package memstore

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
)

// Filters are evaluated over the store's indexes: a condition on an ID,
// name or title looks the nodes up, and a "some" relationship filter walks
// the relationship backwards from the nodes its inner filter selects, so a
// selective filter never scans every node of a label.

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
// through indexes, or ok=false when f gives no index a handle and the
// label must be scanned. Every condition f must meet (a condition, a
// "some" or "single" relationship filter, an AND group) gives a superset
// of its own; only the one estimated smallest is built, as walking a
// relationship back from a large set costs more than testing the whole
// filter on the few nodes the smallest set holds.
func (e *eval) candidates(label confgraph.Label, f *confgraph.Filter) (ids map[string]bool, ok bool) {
	s := e.s
	if f == nil || !e.tick() {
		return nil, false
	}
	type option struct {
		size  int // the set's size, or an upper bound of it
		build func() map[string]bool
	}
	var opts []option
	ready := func(set map[string]bool) option {
		return option{len(set), func() map[string]bool { return set }}
	}
	for _, c := range f.Conds {
		if set, ok := s.condCandidates(label, c); ok {
			opts = append(opts, ready(set))
		}
	}
	for _, r := range f.Rels {
		if r.Quant != confgraph.Some && r.Quant != confgraph.Single {
			continue
		}
		from, to := r.Rel.Endpoints()
		far := to
		if r.Dir == confgraph.In {
			far = from
		}
		inner, ok := e.candidates(far, r.Where)
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
					if !e.tick() {
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
	for _, g := range f.And {
		if set, ok := e.candidates(label, g); ok {
			opts = append(opts, ready(set))
		}
	}
	if len(f.Or) > 0 {
		union := map[string]bool{}
		all := true
		for _, g := range f.Or {
			set, ok := e.candidates(label, g)
			if !ok {
				all = false
				break
			}
			for id := range set {
				union[id] = true
			}
		}
		if all {
			opts = append(opts, ready(union))
		}
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

func (s *Store) condCandidates(label confgraph.Label, c confgraph.Cond) (map[string]bool, bool) {
	vals := c.Values
	if c.Op == confgraph.OpEq {
		vals = []any{c.Value}
	} else if c.Op != confgraph.OpIn {
		return nil, false
	}
	set := map[string]bool{}
	switch {
	case c.Fold && c.Field == "id":
		return nil, false // IDs are looked up exactly; a folded match scans
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
		return nil, false
	}
	return set, true
}

// checkEvery is how many steps (nodes or relationships tested) an
// evaluation takes between looks at its context.
const checkEvery = 1024

// eval evaluates filters for one call: it looks at the call's context
// every checkEvery steps, so that a request past its deadline stops
// within a few milliseconds, and keeps the long `in` lists it has turned
// into sets.
type eval struct {
	s     *Store
	ctx   context.Context
	steps int
	err   error
	sets  map[*confgraph.Cond]map[string]bool
}

func (s *Store) eval(ctx context.Context) *eval {
	return &eval{s: s, ctx: ctx}
}

// tick counts a step; false means the call must stop (e.err says why).
func (e *eval) tick() bool {
	if e.err != nil {
		return false
	}
	e.steps++
	if e.steps%checkEvery == 1 { // the first step, and every checkEvery after
		e.err = e.ctx.Err()
	}
	return e.err == nil
}

// match evaluates f on n.
func (e *eval) match(n confgraph.Node, f *confgraph.Filter) bool {
	if f == nil {
		return true
	}
	if !e.tick() {
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
		if !e.match(n, g) {
			return false
		}
	}
	if len(f.Or) > 0 {
		any := false
		for _, g := range f.Or {
			if e.match(n, g) {
				any = true
				break
			}
		}
		if !any {
			return false
		}
	}
	return f.Not == nil || !e.match(n, f.Not)
}

func (e *eval) relHolds(n confgraph.Node, r confgraph.RelCond) bool {
	s := e.s
	hits, total := 0, 0
	for _, k := range s.adj[r.Dir][r.Rel][n.NodeID()] {
		if !e.tick() {
			return false
		}
		rel := s.rels[k]
		other := rel.To
		if r.Dir == confgraph.In {
			other = rel.From
		}
		total++
		if e.match(s.nodes[other], r.Where) {
			hits++
			if r.Quant == confgraph.Some {
				return true
			}
			if r.Quant == confgraph.None || r.Quant == confgraph.Single && hits > 1 {
				return false
			}
		} else if r.Quant == confgraph.All {
			return false
		}
	}
	switch r.Quant {
	case confgraph.Some:
		return false
	case confgraph.Single:
		return hits == 1
	}
	return true // all (vacuously true without relationships) and none
}

// setAbove is the length from which an `in` list of strings is tested
// through a set rather than value by value.
const setAbove = 8

// cond tests c on n; a long `in` list of strings becomes a set once per
// evaluation, so testing it costs the same however long it is. Ignoring
// case compares text.FoldCase of both sides, as Neo4j does.
func (e *eval) cond(n confgraph.Node, c *confgraph.Cond) bool {
	if c.Op != confgraph.OpIn || len(c.Values) <= setAbove {
		return condHolds(n, *c)
	}
	set, built := e.sets[c]
	if !built {
		set = inSet(c)
		if e.sets == nil {
			e.sets = map[*confgraph.Cond]map[string]bool{}
		}
		e.sets[c] = set
	}
	if set == nil {
		return condHolds(n, *c)
	}
	v, ok := confgraph.FieldValue(n, c.Field)
	sv, isString := v.(string)
	if !ok || !isString {
		return false
	}
	if c.Fold {
		sv = text.FoldCase(sv)
	}
	return set[sv]
}

// inSet returns the values of an `in` condition as a set (folded when it
// ignores case), or nil when they are not all strings.
func inSet(c *confgraph.Cond) map[string]bool {
	set := make(map[string]bool, len(c.Values))
	for _, w := range c.Values {
		sw, ok := w.(string)
		if !ok {
			return nil
		}
		if c.Fold {
			sw = text.FoldCase(sw)
		}
		set[sw] = true
	}
	return set
}

func condHolds(n confgraph.Node, c confgraph.Cond) bool {
	if c.Field == confgraph.AliasField {
		s, _ := c.Value.(string)
		return confgraph.AliasHolds(n, s, c.Fold)
	}
	v, ok := confgraph.FieldValue(n, c.Field)
	if c.Op == confgraph.OpIsNull {
		null, _ := c.Value.(bool)
		return ok != null
	}
	if !ok {
		return false
	}
	switch c.Op {
	case confgraph.OpEq:
		return equal(v, c.Value, c.Fold)
	case confgraph.OpIn:
		for _, w := range c.Values {
			if equal(v, w, c.Fold) {
				return true
			}
		}
		return false
	}
	if sv, ok := v.(string); ok {
		w, _ := c.Value.(string)
		if c.Fold {
			sv, w = text.FoldCase(sv), text.FoldCase(w)
		}
		switch c.Op {
		case confgraph.OpContains:
			return strings.Contains(sv, w)
		case confgraph.OpStartsWith:
			return strings.HasPrefix(sv, w)
		case confgraph.OpEndsWith:
			return strings.HasSuffix(sv, w)
		case confgraph.OpLt:
			return sv < w
		case confgraph.OpLte:
			return sv <= w
		case confgraph.OpGt:
			return sv > w
		case confgraph.OpGte:
			return sv >= w
		}
		return false
	}
	iv := v.(int)
	w, ok := c.Value.(int)
	if !ok {
		return false
	}
	switch c.Op {
	case confgraph.OpLt:
		return iv < w
	case confgraph.OpLte:
		return iv <= w
	case confgraph.OpGt:
		return iv > w
	case confgraph.OpGte:
		return iv >= w
	}
	return false
}

func equal(v, w any, fold bool) bool {
	if a, ok := v.(string); ok {
		b, ok := w.(string)
		if !ok {
			return false
		}
		if fold {
			return text.FoldCase(a) == text.FoldCase(b)
		}
		return a == b
	}
	return v == w
}

func (e *eval) degree(id string, rc confgraph.RelCount) int {
	s := e.s
	if rc.Then == nil {
		return len(s.adj[rc.Dir][rc.Rel][id])
	}
	seen := map[string]bool{}
	for _, mid := range s.neighbours(id, rc.Rel, rc.Dir) {
		for _, far := range s.neighbours(mid, rc.Then.Rel, rc.Then.Dir) {
			if !e.tick() {
				return len(seen)
			}
			seen[far] = true
		}
	}
	return len(seen)
}

// neighbours returns the IDs rel leads to from id in dir.
func (s *Store) neighbours(id string, rel confgraph.RelType, dir confgraph.Direction) []string {
	keys := s.adj[dir][rel][id]
	out := make([]string, len(keys))
	for i, k := range keys {
		if dir == confgraph.Out {
			out[i] = s.rels[k].To
		} else {
			out[i] = s.rels[k].From
		}
	}
	return out
}

// selectNodes returns the nodes of label matching where, unsorted.
func (e *eval) selectNodes(label confgraph.Label, where *confgraph.Filter) []confgraph.Node {
	s := e.s
	var pool []confgraph.Node
	if ids, ok := e.candidates(label, where); ok {
		for id := range ids {
			if n := s.nodes[id]; n != nil && n.NodeLabel() == label {
				pool = append(pool, n)
			}
		}
	} else {
		pool = s.byLabel[label]
	}
	out := make([]confgraph.Node, 0, len(pool))
	for _, n := range pool {
		if e.match(n, where) {
			out = append(out, n)
		}
		if e.err != nil {
			return nil
		}
	}
	return out
}

// page sorts nodes and cuts the page q asks for.
func (e *eval) page(nodes []confgraph.Node, q confgraph.Query) []confgraph.Node {
	type keyed struct {
		n confgraph.Node
		c confgraph.Cursor
	}
	ks := make([]keyed, len(nodes))
	for i, n := range nodes {
		id := n.NodeID()
		ks[i] = keyed{n, confgraph.CursorOf(n, q.Sort, func(rc confgraph.RelCount) int { return e.degree(id, rc) })}
		if !e.tick() {
			return nil
		}
	}
	sort.Slice(ks, func(i, j int) bool { return confgraph.CompareCursors(ks[i].c, ks[j].c, q.Sort) < 0 })
	lo, hi := 0, len(ks)
	if q.After != nil {
		lo = sort.Search(len(ks), func(i int) bool { return confgraph.CompareCursors(ks[i].c, *q.After, q.Sort) > 0 })
	}
	if q.Before != nil {
		hi = sort.Search(len(ks), func(i int) bool { return confgraph.CompareCursors(ks[i].c, *q.Before, q.Sort) >= 0 })
	}
	if lo > hi {
		lo = hi
	}
	ks = ks[lo:hi]
	if q.Last {
		if q.Limit > 0 && len(ks) > q.Limit {
			ks = ks[len(ks)-q.Limit:]
		}
	} else {
		if q.Offset >= len(ks) {
			ks = nil
		} else {
			ks = ks[q.Offset:]
		}
		if q.Limit > 0 && len(ks) > q.Limit {
			ks = ks[:q.Limit]
		}
	}
	out := make([]confgraph.Node, len(ks))
	for i, k := range ks {
		out[i] = confgraph.CloneNode(k.n)
	}
	return out
}

func validate(q confgraph.Query) error {
	for _, c := range []*confgraph.Cursor{q.After, q.Before} {
		if c != nil && len(c.Values) != len(q.Sort) {
			return confgraph.Errorf(confgraph.EINVALID, "the cursor was made for another sort order")
		}
	}
	if !slices.Contains(confgraph.Labels, q.Label) {
		return confgraph.Errorf(confgraph.EINVALID, "unknown label %q", q.Label)
	}
	if err := q.Where.Validate(q.Label); err != nil {
		return err
	}
	if q.Where.Depth() > confgraph.MaxFilterDepth {
		return confgraph.Errorf(confgraph.EINVALID, "filter nested %d deep; at most %d", q.Where.Depth(), confgraph.MaxFilterDepth)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return confgraph.Errorf(confgraph.EINVALID, "limit and offset must not be negative")
	}
	return confgraph.ValidateSort(q.Label, q.Sort)
}

// Find returns one page of matching nodes.
func (s *Store) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	if err := validate(q); err != nil {
		return nil, err
	}
	s = s.view(ctx)
	e := s.eval(ctx)
	out := e.page(e.selectNodes(q.Label, q.Where), q)
	if e.err != nil {
		return nil, e.err
	}
	return out, nil
}

// Count returns the number of matching nodes.
func (s *Store) Count(ctx context.Context, label confgraph.Label, where *confgraph.Filter) (int, error) {
	if err := validate(confgraph.Query{Label: label, Where: where}); err != nil {
		return 0, err
	}
	s = s.view(ctx)
	if where.Empty() {
		return len(s.byLabel[label]), nil
	}
	e := s.eval(ctx)
	n := len(e.selectNodes(label, where))
	return n, e.err
}

// farLabel is the label at the other end of rel followed in dir.
func farLabel(rel confgraph.RelType, dir confgraph.Direction) confgraph.Label {
	from, to := rel.Endpoints()
	if dir == confgraph.In {
		return from
	}
	return to
}

// RelatedQuery follows rel from each node, filtered, sorted and paged.
func (s *Store) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	if !slices.Contains(confgraph.RelTypes, rel) {
		return nil, confgraph.Errorf(confgraph.EINVALID, "unknown relationship type %q", rel)
	}
	if dir != confgraph.Out && dir != confgraph.In {
		return nil, confgraph.Errorf(confgraph.EINVALID, "unknown direction %d", dir)
	}
	q.Label = farLabel(rel, dir)
	if err := validate(q); err != nil {
		return nil, err
	}
	s = s.view(ctx)
	e := s.eval(ctx)
	out := make(map[string][]confgraph.Edge, len(ids))
	for _, id := range ids {
		rels := map[string]*confgraph.Relationship{}
		var far []confgraph.Node
		for _, k := range s.adj[dir][rel][id] {
			r := s.rels[k]
			other := r.To
			if dir == confgraph.In {
				other = r.From
			}
			if n := s.nodes[other]; e.match(n, q.Where) {
				far = append(far, n)
				rels[other] = r
			}
		}
		page := e.page(far, q)
		if e.err != nil {
			return nil, e.err
		}
		edges := make([]confgraph.Edge, len(page))
		for i, n := range page {
			r := *rels[n.NodeID()]
			r.Evidence = slices.Clone(r.Evidence)
			edges[i] = confgraph.Edge{Rel: r, Node: n}
		}
		out[id] = edges
	}
	return out, nil
}

// Degrees counts matching relationships per node.
func (s *Store) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	if !slices.Contains(confgraph.RelTypes, rel) {
		return nil, confgraph.Errorf(confgraph.EINVALID, "unknown relationship type %q", rel)
	}
	if dir != confgraph.Out && dir != confgraph.In {
		return nil, confgraph.Errorf(confgraph.EINVALID, "unknown direction %d", dir)
	}
	if err := validate(confgraph.Query{Label: farLabel(rel, dir), Where: where}); err != nil {
		return nil, err
	}
	s = s.view(ctx)
	e := s.eval(ctx)
	out := make(map[string]int, len(ids))
	for _, id := range ids {
		n := 0
		for _, k := range s.adj[dir][rel][id] {
			r := s.rels[k]
			other := r.To
			if dir == confgraph.In {
				other = r.From
			}
			if !e.tick() {
				return nil, e.err
			}
			if where.Empty() || e.match(s.nodes[other], where) {
				n++
			}
		}
		if e.err != nil {
			return nil, e.err
		}
		out[id] = n
	}
	return out, nil
}

func uniqStrings(in []string) []string {
	var out []string
	for _, s := range in {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// ShortestPath searches breadth-first from the end over relationships of
// the given types in both directions, then walks from the start choosing
// at each step the smallest (ID, then type) neighbour one step nearer the
// end: the first shortest path in confgraph.PathBefore's order.
func (s *Store) ShortestPath(ctx context.Context, from, to string, maxHops int, types []confgraph.RelType) (*confgraph.Path, error) {
	if maxHops < 1 || maxHops > confgraph.MaxHops {
		return nil, confgraph.Errorf(confgraph.EINVALID, "maxHops must be between 1 and %d", confgraph.MaxHops)
	}
	if err := confgraph.CheckPathTypes(types); err != nil {
		return nil, err
	}
	if len(types) == 0 {
		types = confgraph.RelTypes
	}
	s = s.view(ctx)
	for _, id := range []string{from, to} {
		if s.nodes[id] == nil {
			return nil, confgraph.Errorf(confgraph.ENOTFOUND, "no node with id %q", id)
		}
	}
	if from == to {
		return &confgraph.Path{Nodes: []confgraph.Node{confgraph.CloneNode(s.nodes[from])}}, nil
	}
	e := s.eval(ctx)
	// neighbours calls f with each relationship of the allowed types at
	// id and the node at its other end.
	neighbours := func(id string, f func(key, other string)) {
		for _, t := range types {
			for d := range s.adj {
				for _, k := range s.adj[d][t][id] {
					r := s.rels[k]
					other := r.To
					if confgraph.Direction(d) == confgraph.In {
						other = r.From
					}
					f(k, other)
				}
			}
		}
	}
	dist := map[string]int{to: 0}
	frontier := []string{to}
	for hop := 1; hop <= maxHops && len(frontier) > 0 && !hasKey(dist, from); hop++ {
		var next []string
		for _, id := range frontier {
			if !e.tick() {
				return nil, e.err
			}
			neighbours(id, func(_, other string) {
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
	var keys []string
	for at := from; d > 0; d-- {
		best, bestKey := "", ""
		neighbours(at, func(k, other string) {
			if n, ok := dist[other]; !ok || n != d-1 {
				return
			}
			if best == "" || other < best || other == best && s.rels[k].Type < s.rels[bestKey].Type {
				best, bestKey = other, k
			}
		})
		keys = append(keys, bestKey)
		at = best
	}
	return s.walkBack(keys, from), nil
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

func (s *Store) walkBack(keys []string, from string) *confgraph.Path {
	p := &confgraph.Path{Nodes: []confgraph.Node{confgraph.CloneNode(s.nodes[from])}}
	at := from
	for _, k := range keys {
		r := *s.rels[k]
		r.Evidence = slices.Clone(r.Evidence)
		next := r.To
		if r.To == at {
			next = r.From
		}
		p.Rels = append(p.Rels, r)
		p.Nodes = append(p.Nodes, confgraph.CloneNode(s.nodes[next]))
		at = next
	}
	return p
}
