package neo4jstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
	"github.com/confgraph/confgraph/internal/memstore"
)

// loadBoth writes the fixture and its update to an empty Neo4j store and
// to a memstore.
func loadBoth(t *testing.T) (mem *memstore.Store, neo *Store) {
	t.Helper()
	neo = emptyStore(t)
	mem = memstore.New()
	for _, b := range []*confgraph.Batch{storetest.Fixture(), storetest.FixtureUpdate()} {
		for _, s := range []confgraph.Store{mem, neo} {
			if err := s.Write(context.Background(), b); err != nil {
				t.Fatalf("Write: %v", err)
			}
		}
	}
	return mem, neo
}

// gen makes random queries over the nodes of a graph, with values taken
// from (and near) the values the graph holds.
type gen struct {
	r      *rand.Rand
	values map[confgraph.Label]map[string][]any // label -> field -> values held
	ids    map[confgraph.Label][]string
}

func newGen(seed uint64, b *confgraph.Batch) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0)), values: map[confgraph.Label]map[string][]any{}, ids: map[confgraph.Label][]string{}}
	for _, n := range b.Nodes() {
		l := n.NodeLabel()
		g.ids[l] = append(g.ids[l], n.NodeID())
		if g.values[l] == nil {
			g.values[l] = map[string][]any{}
		}
		for f := range confgraph.Fields[l] {
			if v, ok := confgraph.FieldValue(n, f); ok {
				g.values[l][f] = append(g.values[l][f], v)
			}
		}
	}
	return g
}

func (g *gen) pick(n int) int { return g.r.IntN(n) }

func sortedFields(l confgraph.Label) []string {
	var out []string
	for f := range confgraph.Fields[l] {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// str returns a string near a held value: itself, a case variant, a
// piece of it, or something else.
func (g *gen) str(held []any) string {
	if len(held) == 0 || g.pick(8) == 0 {
		return []string{"", "zzz", "a", "E", "2030", "Lumen", "lumen"}[g.pick(7)]
	}
	s := held[g.pick(len(held))].(string)
	switch g.pick(5) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	case 2:
		if r := []rune(s); len(r) > 1 {
			i := g.pick(len(r))
			return string(r[i:min(len(r), i+1+g.pick(4))])
		}
	case 3:
		if r := []rune(s); len(r) > 1 {
			return string(r[:1+g.pick(len(r)-1)])
		}
	}
	return s
}

func (g *gen) int(held []any) int {
	if len(held) == 0 || g.pick(5) == 0 {
		return g.pick(50)
	}
	return held[g.pick(len(held))].(int) + g.pick(3) - 1
}

func (g *gen) cond(l confgraph.Label) confgraph.Cond {
	fields := sortedFields(l)
	f := fields[g.pick(len(fields))]
	kind := confgraph.Fields[l][f]
	held := g.values[l][f]
	var ops []confgraph.Op
	switch kind {
	case confgraph.KindString:
		ops = []confgraph.Op{confgraph.OpEq, confgraph.OpIn, confgraph.OpContains, confgraph.OpStartsWith, confgraph.OpEndsWith}
	case confgraph.KindInt:
		ops = []confgraph.Op{confgraph.OpEq, confgraph.OpIn, confgraph.OpLt, confgraph.OpLte, confgraph.OpGt, confgraph.OpGte}
	default:
		ops = []confgraph.Op{confgraph.OpEq, confgraph.OpIn, confgraph.OpContains, confgraph.OpStartsWith, confgraph.OpEndsWith,
			confgraph.OpLt, confgraph.OpLte, confgraph.OpGt, confgraph.OpGte}
	}
	// No Fold on IDs: memstore looks IDs up exactly even under Fold when
	// the condition gives it an index (reported, not ours to change).
	c := confgraph.Cond{Field: f, Op: ops[g.pick(len(ops))], Fold: f != "id" && g.pick(3) == 0}
	val := func() any {
		if kind == confgraph.KindInt {
			return g.int(held)
		}
		return g.str(held)
	}
	if c.Op == confgraph.OpIn {
		for range g.pick(4) {
			c.Values = append(c.Values, val())
		}
		if c.Values == nil {
			c.Values = []any{}
		}
	} else {
		c.Value = val()
	}
	return c
}

// relsFrom lists the relationships that can be followed from label.
func relsFrom(l confgraph.Label) []confgraph.RelCount {
	var out []confgraph.RelCount
	for _, t := range confgraph.RelTypes {
		from, to := t.Endpoints()
		if from == l {
			out = append(out, confgraph.RelCount{Rel: t, Dir: confgraph.Out})
		}
		if to == l {
			out = append(out, confgraph.RelCount{Rel: t, Dir: confgraph.In})
		}
	}
	return out
}

func (g *gen) filter(l confgraph.Label, depth int) *confgraph.Filter {
	if g.pick(6) == 0 {
		return nil
	}
	f := &confgraph.Filter{}
	for range []int{0, 0, 1, 1, 1, 2}[g.pick(6)] {
		f.Conds = append(f.Conds, g.cond(l))
	}
	if depth <= 0 {
		return f
	}
	if rels := relsFrom(l); len(rels) > 0 {
		for range []int{0, 1, 1, 2}[g.pick(4)] {
			rc := rels[g.pick(len(rels))]
			quants := []confgraph.Quantifier{confgraph.Some, confgraph.All, confgraph.None, confgraph.Single}
			f.Rels = append(f.Rels, confgraph.RelCond{Rel: rc.Rel, Dir: rc.Dir, Quant: quants[g.pick(4)],
				Where: g.filter(farLabel(rc.Rel, rc.Dir), depth-1)})
		}
	}
	switch g.pick(8) {
	case 0:
		f.And = []*confgraph.Filter{g.filter(l, depth-1), g.filter(l, depth-1)}
	case 1:
		for range 1 + g.pick(2) {
			f.Or = append(f.Or, g.filter(l, depth-1))
		}
	case 2:
		f.Not = g.filter(l, depth-1)
	}
	return f
}

func (g *gen) sort(l confgraph.Label) []confgraph.SortKey {
	var keys []confgraph.SortKey
	for range g.pick(3) {
		k := confgraph.SortKey{Desc: g.pick(2) == 0}
		if rels := relsFrom(l); len(rels) > 0 && g.pick(3) == 0 {
			rc := rels[g.pick(len(rels))]
			k.Count = &rc
		} else {
			fields := sortedFields(l)
			k.Field = fields[g.pick(len(fields))]
		}
		keys = append(keys, k)
	}
	return keys
}

func nodeIDs(ns []confgraph.Node) []string {
	out := []string{}
	for _, n := range ns {
		out = append(out, n.NodeID())
	}
	return out
}

func edgeIDs(m map[string][]confgraph.Edge) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		var far []string
		for _, e := range m[k] {
			far = append(far, fmt.Sprintf("%s(%s,%d)", e.Node.NodeID(), e.Rel.Role, len(e.Rel.Evidence)))
		}
		out = append(out, k+":"+strings.Join(far, ","))
	}
	return strings.Join(out, " ")
}

// cursorAt returns the cursor of a node under sort, as an API would make
// it from a page.
func cursorAt(t *testing.T, s confgraph.Store, n confgraph.Node, sort []confgraph.SortKey) *confgraph.Cursor {
	t.Helper()
	counts := map[confgraph.RelCount]int{}
	for _, k := range sort {
		if k.Count != nil {
			m, err := s.Degrees(context.Background(), []string{n.NodeID()}, k.Count.Rel, k.Count.Dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			counts[*k.Count] = m[n.NodeID()]
		}
	}
	c := confgraph.CursorOf(n, sort, func(rc confgraph.RelCount) int { return counts[rc] })
	return &c
}

// randomCase is one random query with the embedded store's answers.
type randomCase struct {
	name       string
	q, page    confgraph.Query
	all, paged []string
	count      int
	ids        []string
	rel        confgraph.RelType
	dir        confgraph.Direction // from ids to nodes of q.Label
	rq         confgraph.Query
	edges      string
	degrees    string
}

// TestRandomQueriesSameAsMemstore runs a few hundred random filters,
// sorts and pages against both stores: every answer must be the same.
func TestRandomQueriesSameAsMemstore(t *testing.T) {
	mem, neo := loadBoth(t)
	ctx := context.Background()
	fix := storetest.Fixture()
	fix.Merge(storetest.FixtureUpdate())
	const seed, n = 20310318, 300
	g := newGen(seed, fix)

	// The cases and the embedded store's answers, in a reproducible order.
	cases := make([]randomCase, n)
	nonEmpty := 0
	for i := range cases {
		c := &cases[i]
		l := confgraph.Labels[g.pick(len(confgraph.Labels))]
		c.q = confgraph.Query{Label: l, Where: g.filter(l, 1+g.pick(3)), Sort: g.sort(l)}
		c.name = fmt.Sprintf("case %d (seed %d): %s where %s sort %s", i, seed, l, describe(c.q.Where), sortDesc(c.q.Sort))
		all, err := mem.Find(ctx, c.q)
		if err != nil {
			t.Fatalf("%s: memstore Find: %v", c.name, err)
		}
		c.all = nodeIDs(all)
		if len(all) > 0 {
			nonEmpty++
		}
		if c.count, err = mem.Count(ctx, l, c.q.Where); err != nil {
			t.Fatal(err)
		}
		if c.count != len(all) {
			t.Errorf("%s: memstore counts %d, finds %d", c.name, c.count, len(all))
		}

		// A page: by offset, or between cursors, first or last.
		c.page = c.q
		c.page.Limit = g.pick(4)
		if len(all) > 0 && g.pick(2) == 0 {
			if g.pick(2) == 0 {
				c.page.After = cursorAt(t, mem, all[g.pick(len(all))], c.q.Sort)
			}
			if g.pick(2) == 0 {
				c.page.Before = cursorAt(t, mem, all[g.pick(len(all))], c.q.Sort)
			}
			c.page.Last = g.pick(2) == 0
		} else {
			c.page.Offset = g.pick(4)
		}
		page, err := mem.Find(ctx, c.page)
		if err != nil {
			t.Fatal(err)
		}
		c.paged = nodeIDs(page)

		// The same filter and page on the far end of a relationship into l.
		rels := relsFrom(l)
		rc := rels[g.pick(len(rels))]
		c.rel, c.dir = rc.Rel, reverse(rc.Dir)
		c.ids = append(slices.Clone(g.ids[farLabel(rc.Rel, rc.Dir)]), "nobody")
		c.rq = c.page
		c.rq.Label = ""
		me, err := mem.RelatedQuery(ctx, c.ids, c.rel, c.dir, c.rq)
		if err != nil {
			t.Fatal(err)
		}
		c.edges = edgeIDs(me)
		md, err := mem.Degrees(ctx, c.ids, c.rel, c.dir, c.q.Where)
		if err != nil {
			t.Fatal(err)
		}
		c.degrees = fmt.Sprint(md)
	}
	if nonEmpty < n/3 {
		t.Errorf("only %d of the random queries matched anything; the generator needs tuning", nonEmpty)
	}
	t.Logf("%d of %d random queries matched something", nonEmpty, n)

	// Neo4j plans every new statement, which takes longer than running it
	// on this graph: ask in parallel.
	work := make(chan *randomCase)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				checkRandomCase(t, neo, c)
			}
		}()
	}
	for i := range cases {
		work <- &cases[i]
	}
	close(work)
	wg.Wait()
}

func checkRandomCase(t *testing.T, neo *Store, c *randomCase) {
	ctx := context.Background()
	all, err := neo.Find(ctx, c.q)
	if err != nil {
		t.Errorf("%s: neo4j Find: %v", c.name, err)
		return
	}
	if got := nodeIDs(all); !slices.Equal(got, c.all) {
		t.Errorf("%s:\n  memstore %v\n  neo4j    %v", c.name, c.all, got)
	}
	if n, err := neo.Count(ctx, c.q.Label, c.q.Where); err != nil || n != c.count {
		t.Errorf("%s: neo4j Count = %d, %v; memstore %d", c.name, n, err, c.count)
	}
	page, err := neo.Find(ctx, c.page)
	if err != nil {
		t.Errorf("%s: neo4j Find page: %v", c.name, err)
	} else if got := nodeIDs(page); !slices.Equal(got, c.paged) {
		t.Errorf("%s: page limit %d offset %d after %v before %v last %v:\n  memstore %v\n  neo4j    %v",
			c.name, c.page.Limit, c.page.Offset, c.page.After, c.page.Before, c.page.Last, c.paged, got)
	}
	edges, err := neo.RelatedQuery(ctx, c.ids, c.rel, c.dir, c.rq)
	if err != nil {
		t.Errorf("%s: neo4j RelatedQuery(%s, %s): %v", c.name, c.rel, dirName(c.dir), err)
	} else if got := edgeIDs(edges); got != c.edges {
		t.Errorf("%s: RelatedQuery(%s, %s) limit %d offset %d after %v before %v last %v:\n  memstore %s\n  neo4j    %s",
			c.name, c.rel, dirName(c.dir), c.rq.Limit, c.rq.Offset, c.rq.After, c.rq.Before, c.rq.Last, c.edges, got)
	}
	deg, err := neo.Degrees(ctx, c.ids, c.rel, c.dir, c.q.Where)
	if err != nil {
		t.Errorf("%s: neo4j Degrees: %v", c.name, err)
	} else if got := fmt.Sprint(deg); got != c.degrees {
		t.Errorf("%s: Degrees(%s, %s):\n  memstore %s\n  neo4j    %s", c.name, c.rel, dirName(c.dir), c.degrees, got)
	}
}

func dirName(d confgraph.Direction) string {
	if d == confgraph.In {
		return "In"
	}
	return "Out"
}

func sortDesc(keys []confgraph.SortKey) string {
	var out []string
	for _, k := range keys {
		s := k.Field
		if k.Count != nil {
			s = fmt.Sprintf("count(%s %s)", k.Count.Rel, dirName(k.Count.Dir))
		}
		if k.Desc {
			s += " desc"
		}
		out = append(out, s)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// describe prints a filter for a failure message.
func describe(f *confgraph.Filter) string {
	if f == nil {
		return "*"
	}
	var parts []string
	for _, c := range f.Conds {
		v := fmt.Sprintf("%#v", c.Value)
		if c.Op == confgraph.OpIn {
			v = fmt.Sprintf("%#v", c.Values)
		}
		fold := ""
		if c.Fold {
			fold = "~"
		}
		parts = append(parts, fmt.Sprintf("%s %s%s %s", c.Field, fold, c.Op, v))
	}
	for _, r := range f.Rels {
		parts = append(parts, fmt.Sprintf("%s %s %s {%s}", r.Quant, r.Rel, dirName(r.Dir), describe(r.Where)))
	}
	for _, g := range f.And {
		parts = append(parts, "("+describe(g)+")")
	}
	if len(f.Or) > 0 {
		var or []string
		for _, g := range f.Or {
			or = append(or, describe(g))
		}
		parts = append(parts, "("+strings.Join(or, " OR ")+")")
	}
	if f.Not != nil {
		parts = append(parts, "NOT ("+describe(f.Not)+")")
	}
	return strings.Join(parts, " AND ")
}
