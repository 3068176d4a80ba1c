package server

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Limits bounds what one request may ask for. Every limit breached is a
// QUERY_TOO_COMPLEX error before anything runs.
//
// The cost of a query estimates the objects it makes the server visit and
// return. A field costs 1; a field returning a list costs 1 plus its
// expected size times the cost of what it selects (a connection: its page
// size times what its edges select). The expected size of a list is its
// page argument (limit, first or last) when the query gives one;
// otherwise, for a relationship list or ranking (which then returns every
// related node), what the graph holds: the largest degree of the
// relationship (from the store's Shape), or the nodes a ranking ranks;
// for other lists, the smaller of its default page and what the graph
// holds (the number of nodes of the label for a top-level list).
// Fields whose resolver walks the graph before ranking (Talk.related,
// the projects and companies rankings) add the nodes that walk can visit,
// and filters add the size of their operands (an `in` list of n values
// costs n). Introspection (__schema, __type) is not held to MaxDepth and
// its lists are priced by the schema (its number of types, the most
// fields of a type, ...), so that tools' introspection queries pass.
type Limits struct {
	// MaxDepth bounds how deeply selections nest.
	MaxDepth int
	// MaxCost bounds the cost.
	MaxCost int
	// MaxAliases bounds the fields that are renamed with an alias
	// (fragments counted each time they are spread).
	MaxAliases int
	// MaxRootFields bounds the top-level fields of an operation (fragments
	// counted each time they are spread).
	MaxRootFields int
}

// unknownListSize is the size assumed for a list nothing bounds.
const unknownListSize = 100

// connectionPage is a connection's page when the query gives none.
const connectionPage = 20

// limitsExtension applies Limits to each operation.
type limitsExtension struct {
	Limits
	// introspection is whether the schema may be introspected; when it
	// may not, an operation asking is refused with code
	// INTROSPECTION_DISABLED.
	introspection bool
	shape         func(context.Context) *confgraph.Shape
	intro         map[string]int // introspection list fields -> their size in the schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*limitsExtension)(nil)

func (*limitsExtension) ExtensionName() string { return "ConfgraphLimits" }

// Validate reads from the schema the sizes introspection lists can have.
func (l *limitsExtension) Validate(es graphql.ExecutableSchema) error {
	s := es.Schema()
	l.intro = map[string]int{"types": len(s.Types), "directives": len(s.Directives), "locations": 0}
	grow := func(k string, n int) { l.intro[k] = max(l.intro[k], n) }
	for _, d := range s.Directives {
		grow("args", len(d.Arguments))
		grow("locations", len(d.Locations))
	}
	for name, t := range s.Types {
		grow("fields", len(t.Fields))
		grow("inputFields", len(t.Fields))
		grow("enumValues", len(t.EnumValues))
		grow("interfaces", len(t.Interfaces))
		grow("possibleTypes", len(s.PossibleTypes[name]))
		for _, f := range t.Fields {
			grow("args", len(f.Arguments))
		}
	}
	return nil
}

// MutateOperationContext measures the operation once it is validated.
func (l *limitsExtension) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Operation
	if op == nil {
		return nil
	}
	m := &measure{Limits: l.Limits, intro: l.intro, vars: oc.Variables, doc: oc.Doc,
		memo: map[memoKey]price{}, active: map[string]bool{}, noIntrospection: !l.introspection}
	if l.shape != nil {
		m.shape = l.shape(ctx)
	}
	root := "Query"
	if op.Operation == ast.Mutation {
		root = "Mutation"
	}
	p := m.selections(op.SelectionSet, root, 0, 0, false)
	if m.err == nil {
		m.check(p, 0, false)
	}
	if m.err == nil && m.MaxRootFields > 0 && p.fields > m.MaxRootFields {
		m.fail("the query asks for %d top-level fields; the limit is %d", p.fields, m.MaxRootFields)
	}
	return m.err
}

// price is what a selection set costs, measured relative to where it is.
type price struct {
	cost    int
	depth   int // deepest field, 1 for the set's own fields
	aliases int
	fields  int // fields of the set itself, through fragments
}

type memoKey struct {
	fragment string
	page     int
	intro    bool
}

// measure walks an operation once: a named fragment is measured once for
// each page size and context it is spread in, then reused, so measuring is
// linear in the query's text. It stops at the first limit passed.
type measure struct {
	Limits
	intro  map[string]int
	shape  *confgraph.Shape
	vars   map[string]any
	doc    *ast.QueryDocument
	memo   map[memoKey]price
	active map[string]bool // fragments being measured (validation forbids cycles; this is a guard)
	err    *gqlerror.Error

	noIntrospection bool
}

func (m *measure) fail(format string, args ...any) {
	if m.err == nil {
		m.err = gqlerror.Errorf("the query "+format, args...)
		m.err.Extensions = map[string]any{"code": "QUERY_TOO_COMPLEX"}
	}
}

// check stops measuring when a part of the query, at depth base, already
// passes a limit: costs, depths and aliases only grow as the measure goes
// up the query.
func (m *measure) check(p price, base int, intro bool) bool {
	switch {
	case m.err != nil:
	case !intro && m.MaxDepth > 0 && base+p.depth > m.MaxDepth:
		m.fail("nests selections %d deep; the limit is %d", base+p.depth, m.MaxDepth)
	case m.MaxCost > 0 && p.cost > m.MaxCost:
		m.fail("costs at least %d; the limit is %d (a list costs its page size, or what the graph holds when no page size is given, times what it selects)", p.cost, m.MaxCost)
	case m.MaxAliases > 0 && p.aliases > m.MaxAliases:
		m.fail("uses %d aliases; the limit is %d", p.aliases, m.MaxAliases)
	}
	return m.err == nil
}

func (p *price) add(q price) {
	p.cost = saturate(p.cost + q.cost)
	p.depth = max(p.depth, q.depth)
	p.aliases = saturate(p.aliases + q.aliases)
	p.fields = saturate(p.fields + q.fields)
}

// selections measures a selection set of objects of type typ at depth
// base. page is the page size of the connection the set belongs to (its
// edges' size), or 0; intro is set inside introspection.
func (m *measure) selections(set ast.SelectionSet, typ string, base, page int, intro bool) price {
	var p price
	for _, sel := range set {
		if m.err != nil {
			return p
		}
		switch s := sel.(type) {
		case *ast.Field:
			f := m.field(s, typ, base, page, intro)
			f.fields = 1
			p.add(f)
		case *ast.InlineFragment:
			t := typ
			if s.TypeCondition != "" {
				t = s.TypeCondition
			}
			p.add(m.selections(s.SelectionSet, t, base, page, intro))
		case *ast.FragmentSpread:
			p.add(m.spread(s, base, page, intro))
		}
		m.check(p, base, intro)
	}
	return p
}

func (m *measure) spread(s *ast.FragmentSpread, base, page int, intro bool) price {
	key := memoKey{s.Name, page, intro}
	if p, ok := m.memo[key]; ok {
		return p
	}
	f := m.doc.Fragments.ForName(s.Name)
	if f == nil || m.active[s.Name] {
		return price{}
	}
	m.active[s.Name] = true
	p := m.selections(f.SelectionSet, f.TypeCondition, base, page, intro)
	delete(m.active, s.Name)
	if m.err == nil {
		m.memo[key] = p
	}
	return p
}

func (m *measure) field(f *ast.Field, parent string, base, page int, intro bool) price {
	p := price{cost: 1, depth: 1}
	if f.Alias != "" && f.Alias != f.Name {
		p.aliases = 1
	}
	def := f.Definition
	if def == nil || f.Name == "__typename" {
		return p
	}
	if f.Name == "__schema" || f.Name == "__type" {
		if m.noIntrospection {
			if m.err == nil {
				m.err = codedError("INTROSPECTION_DISABLED", "introspection is disabled on this server")
			}
			return p
		}
		// Introspection: priced by the schema, not held to the depth.
		child := m.selections(f.SelectionSet, def.Type.Name(), base+1, 0, true)
		p.cost = saturate(1 + child.cost)
		p.aliases += child.aliases
		return p
	}
	args := m.operands(f)
	if len(f.SelectionSet) == 0 {
		p.cost = saturate(1 + args)
		return p
	}
	n, inner, work := 1, 0, 0
	switch {
	case intro && def.Type.Elem != nil:
		n = unknownListSize
		if size, ok := m.intro[f.Name]; ok {
			n = size
		}
	case intro:
	case def.Type.Elem == nil && m.isConnection(def):
		inner = m.expected(f, parent, connectionPage)
	case def.Type.Elem != nil:
		dflt := unknownListSize
		if page > 0 {
			dflt = page // a connection's edges
		}
		n = m.expected(f, parent, dflt)
		work = m.walkCost(parent, f.Name)
	}
	child := m.selections(f.SelectionSet, def.Type.Name(), base+1, inner, intro)
	p.cost = saturate(1 + args + work + saturate(max(n, 1)*child.cost))
	if !intro {
		p.depth = 1 + child.depth
	}
	p.aliases += child.aliases
	return p
}

// isConnection reports a type of Relay connection.
func (m *measure) isConnection(def *ast.FieldDefinition) bool {
	return strings.HasSuffix(def.Type.Name(), "Connection")
}

// expected returns the size of a list (or a connection's page): its page
// argument when the query gives one; otherwise the smaller of its default
// page (the argument's default, else dflt) and what the graph can hold.
func (m *measure) expected(f *ast.Field, parent string, dflt int) int {
	for _, name := range []string{"limit", "first", "last"} {
		if a := f.Arguments.ForName(name); a != nil {
			if v, err := a.Value.Value(m.vars); err == nil {
				switch v := v.(type) {
				case int64:
					return max(int(v), 0)
				case int:
					return max(v, 0)
				}
			}
		}
	}
	if everyOne(f.Definition) && parent != "Query" {
		// A relationship list without a limit returns every related node.
		if holds, ok := m.holds(f, parent); ok {
			return holds
		}
		return dflt
	}
	for _, name := range []string{"limit", "first"} {
		if a := f.Definition.Arguments.ForName(name); a != nil && a.DefaultValue != nil {
			if v, err := a.DefaultValue.Value(nil); err == nil {
				if v, ok := v.(int64); ok {
					dflt = int(v)
				}
			}
		}
	}
	if holds, ok := m.holds(f, parent); ok {
		return min(dflt, holds)
	}
	return dflt
}

// everyOne reports a list field that returns all it holds when the query
// gives no page: one with a limit argument that has no default (and no
// first argument that would bring one).
func everyOne(def *ast.FieldDefinition) bool {
	a := def.Arguments.ForName("limit")
	return a != nil && a.DefaultValue == nil && def.Arguments.ForName("first") == nil
}

// holds returns the most items a list field can hold, from the store's
// shape: a top-level list at most the nodes of its label, a relationship
// at most the largest degree, a ranking at most the nodes of what it
// ranks.
func (m *measure) holds(f *ast.Field, parent string) (int, bool) {
	if m.shape == nil {
		return 0, false
	}
	if parent == "Query" {
		label := confgraph.Label(strings.TrimSuffix(f.Definition.Type.Name(), "Connection"))
		return m.shape.Count(label)
	}
	r, ok := confgraph.ReachOf(parent, f.Name)
	if !ok {
		return 0, false
	}
	if r.Rel != "" {
		return m.shape.Degree(r.Rel, r.Dir)
	}
	if len(r.Walks) > 0 {
		return m.shape.Count(r.Far)
	}
	return 0, false
}

// walkCost is the number of nodes a field's resolver can visit from one
// object before ranking (0 for a field that does not walk): each chain
// visits at most the product of its steps' largest degrees.
func (m *measure) walkCost(parent, field string) int {
	r, ok := confgraph.ReachOf(parent, field)
	if !ok || len(r.Walks) == 0 {
		return 0
	}
	total := 0
	for _, chain := range r.Walks {
		visits := 1
		for _, step := range chain {
			d, ok := m.shape.Degree(step.Rel, step.Dir)
			if !ok {
				return 0 // a store that keeps no degrees: the page alone prices it
			}
			visits = saturate(visits * max(d, 1))
		}
		total = saturate(total + visits)
	}
	return total
}

// operands returns the size of a field's arguments' values: one per
// scalar, so that a filter costs its operands (an `in` list of n values
// costs n).
func (m *measure) operands(f *ast.Field) int {
	n := 0
	for _, a := range f.Arguments {
		v, err := a.Value.Value(m.vars)
		if err != nil {
			continue
		}
		n = saturate(n + valueSize(v))
	}
	return n
}

func valueSize(v any) int {
	switch v := v.(type) {
	case []any:
		n := 0
		for _, x := range v {
			n = saturate(n + valueSize(x))
		}
		return n
	case map[string]any:
		n := 0
		for _, x := range v {
			n = saturate(n + valueSize(x))
		}
		return n
	case nil:
		return 0
	}
	return 1
}

// saturate keeps costs from overflowing.
func saturate(n int) int {
	const cap = 1 << 40
	if n > cap || n < 0 {
		return cap
	}
	return n
}

// shapeCache keeps the store's Shape for a while, so that measuring a
// query does not ask the store each time. After ttl the next request
// starts a refresh in the background and is priced with the old shape.
type shapeCache struct {
	read func(context.Context) (*confgraph.Shape, error)
	ttl  time.Duration

	mu         sync.Mutex
	shape      *confgraph.Shape
	at         time.Time // of the last answer, or failure
	refreshing bool
}

func newShapeCache(store confgraph.Store, ttl time.Duration) *shapeCache {
	read := func(ctx context.Context) (*confgraph.Shape, error) {
		if s, ok := store.(confgraph.Shaper); ok {
			return s.Shape(ctx)
		}
		counts, err := store.Counts(ctx)
		if err != nil {
			return nil, err
		}
		sh := &confgraph.Shape{Nodes: map[confgraph.Label]int{}}
		for _, l := range confgraph.Labels {
			sh.Nodes[l] = counts[string(l)]
		}
		return sh, nil
	}
	return &shapeCache{read: read, ttl: ttl}
}

// get returns the shape, or nil when the store cannot say (lists are then
// priced by their default pages). Until a first shape has been read (the
// read at start finds a store that is still connecting), each request asks
// again, so that no query is priced without the graph's figures for
// longer than the store takes to answer.
func (c *shapeCache) get(ctx context.Context) *confgraph.Shape {
	c.mu.Lock()
	sh, age := c.shape, time.Since(c.at)
	switch {
	case sh == nil:
	case age < c.ttl || c.refreshing:
		c.mu.Unlock()
		return sh
	default:
		c.refreshing = true
		c.mu.Unlock()
		go c.refresh(context.WithoutCancel(ctx))
		return sh
	}
	c.mu.Unlock()
	return c.refresh(ctx)
}

func (c *shapeCache) refresh(ctx context.Context) *confgraph.Shape {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	sh, err := c.read(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refreshing, c.at = false, time.Now()
	if err == nil {
		c.shape = sh
	}
	return c.shape
}
