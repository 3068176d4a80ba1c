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

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
	"github.com/confgraph/confgraph/internal/memstore"
)

// loadBoth writes the fixture and its update to an empty Neo4j store and
// to a memstore.
func loadBoth(t testing.TB) (mem *memstore.Store, neo *Store) {
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
	switch g.pick(7) {
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
			if g.pick(2) == 0 {
				then := relsFrom(farLabel(rc.Rel, rc.Dir))
				rc.Then = &then[g.pick(len(then))]
			}
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
// it from a page (counts through a node by two rounds of Related).
func cursorAt(t *testing.T, s confgraph.Store, n confgraph.Node, sort []confgraph.SortKey) *confgraph.Cursor {
	t.Helper()
	ctx := context.Background()
	count := func(rc confgraph.RelCount) int {
		id := n.NodeID()
		first, err := s.Related(ctx, []string{id}, rc.Rel, rc.Dir)
		if err != nil {
			t.Fatal(err)
		}
		if rc.Then == nil {
			return len(first[id])
		}
		seen := map[string]bool{}
		for _, e := range first[id] {
			second, err := s.Related(ctx, []string{e.Node.NodeID()}, rc.Then.Rel, rc.Then.Dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range second[e.Node.NodeID()] {
				seen[f.Node.NodeID()] = true
			}
		}
		return len(seen)
	}
	c := confgraph.CursorOf(n, sort, count)
	return &c
}

// randomCase is one random query with the reference's answers.
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

// TestRandomQueriesSameAsReference runs a few hundred random filters,
// sorts and pages against both stores: every answer must be the one
// confgraph.Eval, the reference semantics, gives over the stored graph.
func TestRandomQueriesSameAsReference(t *testing.T) {
	mem, neo := loadBoth(t)
	fix := storetest.Fixture()
	fix.Merge(storetest.FixtureUpdate())
	const seed, n = 20310318, 200
	g := newGen(seed, fix)
	ref := reference(t, neo)

	// The cases and the reference's answers, in a reproducible order.
	cases := make([]randomCase, n)
	nonEmpty := 0
	for i := range cases {
		c := &cases[i]
		l := confgraph.Labels[g.pick(len(confgraph.Labels))]
		c.q = confgraph.Query{Label: l, Where: g.filter(l, 1+g.pick(3)), Sort: g.sort(l)}
		c.name = fmt.Sprintf("case %d (seed %d): %s where %s sort %s", i, seed, l, describe(c.q.Where), sortDesc(c.q.Sort))
		all, err := ref().Find(c.q)
		if err != nil {
			t.Fatalf("%s: reference Find: %v", c.name, err)
		}
		c.all = nodeIDs(all)
		if len(all) > 0 {
			nonEmpty++
		}
		if c.count, err = ref().Count(l, c.q.Where); err != nil {
			t.Fatal(err)
		}
		if c.count != len(all) {
			t.Errorf("%s: the reference counts %d, finds %d", c.name, c.count, len(all))
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
		page, err := ref().Find(c.page)
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
		me, err := ref().RelatedQuery(c.ids, c.rel, c.dir, c.rq)
		if err != nil {
			t.Fatal(err)
		}
		c.edges = edgeIDs(me)
		md, err := ref().Degrees(c.ids, c.rel, c.dir, c.q.Where)
		if err != nil {
			t.Fatal(err)
		}
		c.degrees = fmt.Sprint(md)
	}
	if nonEmpty < n/4 {
		t.Errorf("only %d of the random queries matched anything; the generator needs tuning", nonEmpty)
	}
	t.Logf("%d of %d random queries matched something", nonEmpty, n)

	for i := range cases {
		checkRandomCase(t, "memstore", mem, &cases[i])
	}
	// Neo4j plans every new statement, which takes longer than running it
	// on this graph: ask in parallel.
	work := make(chan *randomCase)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				checkRandomCase(t, "neo4j", neo, c)
			}
		}()
	}
	for i := range cases {
		work <- &cases[i]
	}
	close(work)
	wg.Wait()
}

func checkRandomCase(t *testing.T, store string, neo confgraph.Store, c *randomCase) {
	ctx := context.Background()
	all, err := neo.Find(ctx, c.q)
	if err != nil {
		t.Errorf("%s: %s Find: %v", c.name, store, err)
		return
	}
	if got := nodeIDs(all); !slices.Equal(got, c.all) {
		t.Errorf("%s:\n  reference %v\n  %s %v", c.name, c.all, store, got)
	}
	if n, err := neo.Count(ctx, c.q.Label, c.q.Where); err != nil || n != c.count {
		t.Errorf("%s: %s Count = %d, %v; the reference %d", c.name, store, n, err, c.count)
	}
	page, err := neo.Find(ctx, c.page)
	if err != nil {
		t.Errorf("%s: %s Find page: %v", c.name, store, err)
	} else if got := nodeIDs(page); !slices.Equal(got, c.paged) {
		t.Errorf("%s: page limit %d offset %d after %v before %v last %v:\n  reference %v\n  %s %v",
			c.name, c.page.Limit, c.page.Offset, c.page.After, c.page.Before, c.page.Last, c.paged, store, got)
	}
	edges, err := neo.RelatedQuery(ctx, c.ids, c.rel, c.dir, c.rq)
	if err != nil {
		t.Errorf("%s: %s RelatedQuery(%s, %s): %v", c.name, store, c.rel, dirName(c.dir), err)
	} else if got := edgeIDs(edges); got != c.edges {
		t.Errorf("%s: RelatedQuery(%s, %s) limit %d offset %d after %v before %v last %v:\n  reference %s\n  %s %s",
			c.name, c.rel, dirName(c.dir), c.rq.Limit, c.rq.Offset, c.rq.After, c.rq.Before, c.rq.Last, c.edges, store, got)
	}
	deg, err := neo.Degrees(ctx, c.ids, c.rel, c.dir, c.q.Where)
	if err != nil {
		t.Errorf("%s: %s Degrees: %v", c.name, store, err)
	} else if got := fmt.Sprint(deg); got != c.degrees {
		t.Errorf("%s: Degrees(%s, %s):\n  reference %s\n  %s %s", c.name, c.rel, dirName(c.dir), c.degrees, store, got)
	}
}

// reference returns fresh evaluators (one per call) of the reference
// semantics over the graph neo holds.
func reference(t testing.TB, neo *Store) func() *confgraph.Eval {
	t.Helper()
	dump, err := neo.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.Reference(context.Background(), dump).G
	return func() *confgraph.Eval { return confgraph.NewEval(context.Background(), g) }
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
		for c := k.Count; c != nil; c = c.Then {
			s += fmt.Sprintf("count(%s %s)", c.Rel, dirName(c.Dir))
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

// planOperators lists the operators of a profiled plan, with their
// details, depth first.
func planOperators(p neo4j.ProfiledPlan) []string {
	details, _ := p.Arguments()["Details"].(string)
	out := []string{p.Operator() + " " + details}
	for _, c := range p.Children() {
		out = append(out, planOperators(c)...)
	}
	return out
}

func dbHits(p neo4j.ProfiledPlan) int64 {
	n := p.DbHits()
	for _, c := range p.Children() {
		n += dbHits(c)
	}
	return n
}

// TestSelectiveFilterStartsFromAnIndex checks that "talks discussing a
// project whose speakers work at a company" finds the project by its name
// and follows relationships from it instead of testing every talk.
func TestSelectiveFilterStartsFromAnIndex(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if err := s.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	named := func(name string) *confgraph.Filter {
		return &confgraph.Filter{Conds: []confgraph.Cond{{Field: "name", Op: confgraph.OpEq, Value: name}}}
	}
	q := confgraph.Query{Label: confgraph.LabelTalk, Limit: 20, Where: &confgraph.Filter{Rels: []confgraph.RelCond{
		{Rel: confgraph.RelDiscusses, Dir: confgraph.Out, Quant: confgraph.Some, Where: named("Lumen")},
		{Rel: confgraph.RelPresented, Dir: confgraph.In, Quant: confgraph.Some, Where: &confgraph.Filter{Rels: []confgraph.RelCond{
			{Rel: confgraph.RelWorksAt, Dir: confgraph.Out, Quant: confgraph.Some, Where: named("Acme Cloud")}}}},
	}}}
	cypher, params := findCypher(q)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, "PROFILE "+cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatalf("PROFILE %s: %v", cypher, err)
	}
	if len(res.Records) != 2 {
		t.Errorf("got %d talks, want eBPF for Everyone and Zero Trust Service Meshes", len(res.Records))
	}
	ops := planOperators(res.Summary.Profile())
	t.Logf("%s\n%d db hits:\n  %s", cypher, dbHits(res.Summary.Profile()), strings.Join(ops, "\n  "))
	seek := false
	for _, op := range ops {
		if strings.HasPrefix(op, "NodeByLabelScan") || strings.HasPrefix(op, "AllNodesScan") || strings.HasPrefix(op, "NodeIndexScan") {
			t.Errorf("the plan scans: %s", op)
		}
		if strings.HasPrefix(op, "NodeIndexSeek") && strings.Contains(op, "Project(name)") {
			seek = true
		}
	}
	if !seek {
		t.Error("the plan does not look the project up by name")
	}
}

// TestValuesAreParameters compiles filters whose values and cursors try to
// break out of the Cypher text: none of them may appear in it.
func TestValuesAreParameters(t *testing.T) {
	const evil = `x' OR true WITH n MATCH (m) DETACH DELETE m //"` + "`}"
	f := &confgraph.Filter{
		Conds: []confgraph.Cond{
			{Field: "title", Op: confgraph.OpEq, Value: evil},
			{Field: "title", Op: confgraph.OpIn, Values: []any{evil, evil}, Fold: true},
			{Field: "abstract", Op: confgraph.OpContains, Value: evil, Fold: true},
		},
		Rels: []confgraph.RelCond{{Rel: confgraph.RelPresented, Dir: confgraph.In, Quant: confgraph.All,
			Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "name", Op: confgraph.OpStartsWith, Value: evil}}}}},
		Not: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "id", Op: confgraph.OpEq, Value: evil}}},
	}
	sort := []confgraph.SortKey{{Field: "abstract"}}
	cur := &confgraph.Cursor{Values: []any{evil}, Name: evil, ID: evil}
	q := confgraph.Query{Label: confgraph.LabelTalk, Where: f, Sort: sort, After: cur, Before: cur, Limit: 3, Offset: 2}
	if err := validate(q); err != nil {
		t.Fatal(err)
	}
	c1, p1 := findCypher(q)
	c2, p2 := countCypher(q.Label, f)
	c3, p3 := relatedQueryCypher(confgraph.RelPartOf, confgraph.In, q)
	c4, p4 := degreesCypher(confgraph.RelPartOf, confgraph.In, f)
	for i, c := range []string{c1, c2, c3, c4} {
		params := []map[string]any{p1, p2, p3, p4}[i]
		if strings.ContainsAny(strings.ReplaceAll(c, "''", ""), `'"`) || strings.Contains(c, "DETACH") {
			t.Errorf("query %d holds a value:\n%s", i, c)
		}
		found := false
		for _, v := range params {
			if v == evil {
				found = true
			}
		}
		if !found {
			t.Errorf("query %d does not pass the value as a parameter: %v", i, params)
		}
	}
}

// TestSearchTextIsBackfilled opens a store over nodes written without
// searchText and with the fulltext index of earlier versions.
func TestSearchTextIsBackfilled(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if err := s.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"MATCH (n) REMOVE n." + searchTextProp,
		"CREATE FULLTEXT INDEX " + legacyFulltextIndex + " IF NOT EXISTS FOR (n:Talk) ON EACH [n.title]",
	} {
		if _, err := s.exec(ctx, q, nil); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if hits, err := s.Search(ctx, "lumen", nil, 0); err != nil || len(hits) != 0 {
		t.Fatalf("before reopening, Search(lumen) = %d hits, %v; want none", len(hits), err)
	}
	again := openStore(t)
	hits, err := again.Search(ctx, "lumen", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Node.NodeID())
	}
	if want := []string{"project:lumen", "speaker:ada-okafor", "recap:five-things-we-learned-in-lisbon"}; !slices.Equal(got, want) {
		t.Errorf("after reopening, Search(lumen) = %v, want %v", got, want)
	}
	recs, err := s.query(ctx, "SHOW INDEXES YIELD name WHERE name = $name RETURN name", map[string]any{"name": legacyFulltextIndex})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 0 {
		t.Errorf("the index %s of earlier versions is still there", legacyFulltextIndex)
	}
}

// TestRandomSearchSameAsMemstore searches for random words of the graph:
// both stores find the same nodes, with the same scores, in the same order
// (the index only finds the nodes; both rank with confgraph.RankSearch).
func TestRandomSearchSameAsMemstore(t *testing.T) {
	mem, neo := loadBoth(t)
	ctx := context.Background()
	fix := storetest.Fixture()
	fix.Merge(storetest.FixtureUpdate())
	var vocab []string
	for _, n := range fix.Nodes() {
		for _, f := range confgraph.SearchFields[n.NodeLabel()] {
			if v, ok := confgraph.FieldValue(n, f); ok {
				vocab = append(vocab, strings.Fields(v.(string))...)
			}
		}
	}
	vocab = append(vocab, "nothing", "ZERO", "e-bpf", "2031", "kernel's")
	r := rand.New(rand.NewPCG(7, 0))
	searchable := []confgraph.Label{confgraph.LabelTalk, confgraph.LabelSpeaker, confgraph.LabelCompany, confgraph.LabelProject, confgraph.LabelRecap}
	for i := range 60 {
		var words []string
		for range 1 + r.IntN(4) {
			words = append(words, vocab[r.IntN(len(vocab))])
		}
		text := strings.Join(words, " ")
		var labels []confgraph.Label
		if i%3 == 0 {
			labels = []confgraph.Label{searchable[r.IntN(len(searchable))]}
		}
		mh, err := mem.Search(ctx, text, labels, 0)
		if err != nil {
			t.Fatalf("memstore Search(%q): %v", text, err)
		}
		nh, err := neo.Search(ctx, text, labels, 0)
		if err != nil {
			t.Fatalf("neo4j Search(%q): %v", text, err)
		}
		var want, got []string
		for _, h := range mh {
			want = append(want, h.Node.NodeID())
		}
		for j, h := range nh {
			got = append(got, h.Node.NodeID())
			if j > 0 && (h.Score > nh[j-1].Score || h.Score == nh[j-1].Score && confgraph.Less(h.Node, nh[j-1].Node)) {
				t.Errorf("Search(%q): hit %d (%s, %v) ranks below hit %d (%s, %v)", text, j, h.Node.NodeID(), h.Score, j-1, nh[j-1].Node.NodeID(), nh[j-1].Score)
			}
		}
		if !slices.Equal(want, got) {
			t.Errorf("Search(%q, %v) finds\n  memstore %v\n  neo4j    %v", text, labels, want, got)
		}
		for j := range min(len(mh), len(nh)) {
			if mh[j].Score != nh[j].Score {
				t.Errorf("Search(%q): hit %d scores %v on memstore, %v on neo4j", text, j, mh[j].Score, nh[j].Score)
			}
		}
	}
}

// TestSearchManyWords asks for more words than one Lucene query holds: the
// parts' scores add up to those of the words that match.
func TestSearchManyWords(t *testing.T) {
	mem, neo := loadBoth(t)
	ctx := context.Background()
	words := []string{"lumen"}
	for i := range 2500 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	words = append(words, "meshes")
	search := func(s confgraph.Store, text string) []string {
		hits, err := s.Search(ctx, text, nil, 0)
		if err != nil {
			t.Fatalf("Search with %d words: %v", len(strings.Fields(text)), err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, fmt.Sprintf("%s %.5f", h.Node.NodeID(), h.Score))
		}
		return out
	}
	many, few := search(neo, strings.Join(words, " ")), search(neo, "lumen meshes")
	if !slices.Equal(many, few) {
		t.Errorf("Search(lumen, 2500 other words, meshes) =\n  %v\nwant as Search(lumen meshes)\n  %v", many, few)
	}
	if m := search(mem, strings.Join(words, " ")); len(m) != len(many) {
		t.Errorf("memstore finds %v", m)
	}
}

// FuzzFilterSameAsMemstore evaluates arbitrary filters on the contract
// fixture in both stores and in the reference semantics (confgraph.Eval,
// the oracle): the same IDs, in the same order, or the same refusal.
func FuzzFilterSameAsMemstore(f *testing.F) {
	f.Add([]byte{3, 1, 'a', 0})
	f.Add([]byte{4, 3, 8, 1, 'x', 0, 5, 2, 'B', 0})
	f.Add([]byte{10, 'A', 'd', 0, 12, 6, 1, 'L'})
	// Non-ASCII operands ignoring case: a talk's title contains "İn",
	// "ΟΣ", "É".
	f.Add([]byte{43, 0xc4, 0xb0, 'n', 0})
	f.Add([]byte{43, 0xce, 0x9f, 0xce, 0xa3, 0})
	f.Add([]byte{43, 0xc3, 0x89, 0})
	mem, neo := loadBoth(f)
	ref := reference(f, neo)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		for _, label := range []confgraph.Label{confgraph.LabelTalk, confgraph.LabelSpeaker} {
			where := storetest.FilterFromBytes(data, label)
			q := confgraph.Query{Label: label, Where: where, Limit: 100}
			want, werr := ref().Find(q)
			for name, s := range map[string]confgraph.Store{"memstore": mem, "neo4j": neo} {
				got, err := s.Find(ctx, q)
				if confgraph.ErrorCode(err) != confgraph.ErrorCode(werr) {
					t.Fatalf("filter %s: reference: %v; %s: %v", describe(where), werr, name, err)
				}
				if a, b := nodeIDs(want), nodeIDs(got); !slices.Equal(a, b) {
					t.Fatalf("filter %s:\n  reference %v\n  %s %v", describe(where), a, name, b)
				}
			}
		}
	})
}
