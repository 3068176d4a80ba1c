package neo4jstore

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
)

// A query is compiled to one Cypher statement: labels, relationship types
// and property names come only from the confgraph enums and from
// confgraph.Fields, after the query has been validated against them;
// every value the caller gave is a parameter.

// validate, checkRel and farLabel are the domain's, named here for the
// compilers of this package.
var (
	validate = confgraph.Query.Validate
	checkRel = confgraph.CheckRel
	farLabel = confgraph.FarLabel
)

// arrow is the relationship pattern that follows rel in dir.
func arrow(rel confgraph.RelType, dir confgraph.Direction) string {
	if dir == confgraph.In {
		return "<-[:" + ident(string(rel)) + "]-"
	}
	return "-[:" + ident(string(rel)) + "]->"
}

// step returns the pattern that follows rel in dir from the node bound to
// v to a node m of the far label.
func step(v string, rel confgraph.RelType, dir confgraph.Direction, m string) string {
	return "(" + v + ")" + arrow(rel, dir) + "(" + m + ":" + ident(string(farLabel(rel, dir))) + ")"
}

// builder collects the parameters of one statement and names its
// variables.
type builder struct {
	params map[string]any
	vars   int
}

func newBuilder() *builder { return &builder{params: map[string]any{}} }

// param adds a value and returns its placeholder.
func (b *builder) param(v any) string {
	name := fmt.Sprintf("p%d", len(b.params))
	b.params[name] = v
	return "$" + name
}

// fresh returns a variable name not used before in the statement.
func (b *builder) fresh(prefix string) string {
	b.vars++
	return fmt.Sprintf("%s%d", prefix, b.vars)
}

// filter compiles f, a condition on the node of label bound to v. Under
// NOT (exact set) every comparison is made false rather than null when the
// property is missing, as the embedded store reads a missing property: a
// comparison with it fails, and NOT of that holds. Elsewhere null and false
// mean the same in a WHERE, and a bare comparison lets the planner use an
// index.
func (b *builder) filter(f *confgraph.Filter, label confgraph.Label, v string, exact bool) string {
	if f == nil {
		return "true"
	}
	var parts []string
	for _, c := range f.Conds {
		parts = append(parts, b.cond(c, label, v, exact))
	}
	for _, r := range f.Rels {
		parts = append(parts, b.rel(r, v))
	}
	for _, g := range f.And {
		parts = append(parts, b.filter(g, label, v, exact))
	}
	if len(f.Or) > 0 {
		var or []string
		for _, g := range f.Or {
			or = append(or, b.filter(g, label, v, exact))
		}
		parts = append(parts, "("+strings.Join(or, " OR ")+")")
	}
	if f.Not != nil {
		parts = append(parts, "NOT "+b.filter(f.Not, label, v, true))
	}
	switch len(parts) {
	case 0:
		return "true"
	case 1:
		return parts[0]
	}
	return "(" + strings.Join(parts, " AND ") + ")"
}

func (b *builder) cond(c confgraph.Cond, label confgraph.Label, v string, exact bool) string {
	if c.Field == confgraph.AliasField {
		// As confgraph.AliasHolds: one of the names equal, folded once
		// here on the operand's side.
		s, _ := c.Value.(string)
		if c.Fold {
			return fmt.Sprintf("any(a IN coalesce(%s.%s, []) WHERE toLower(a) = %s)", v, ident(c.Field), b.param(text.FoldCase(s)))
		}
		return fmt.Sprintf("any(a IN coalesce(%s.%s, []) WHERE a = %s)", v, ident(c.Field), b.param(s))
	}
	fold := c.Fold && confgraph.Fields[label][c.Field] != confgraph.KindInt
	lhs := v + "." + ident(c.Field)
	lower := func(x string) string {
		if fold {
			return "toLower(" + x + ")"
		}
		return x
	}
	// The operand is folded here, once, with the rule toLower applies to
	// the stored side (text.FoldCase), not by Cypher for every row.
	folded := func(v any) any {
		if str, ok := v.(string); ok && fold {
			return text.FoldCase(str)
		}
		return v
	}
	var expr string
	switch c.Op {
	case confgraph.OpIsNull:
		// Never null itself, so exact or not it needs no coalesce.
		if null, _ := c.Value.(bool); null {
			return lhs + " IS NULL"
		}
		return lhs + " IS NOT NULL"
	case confgraph.OpEq:
		expr = lower(lhs) + " = " + b.param(folded(c.Value))
	case confgraph.OpIn:
		values := make([]any, len(c.Values))
		for i, v := range c.Values {
			values[i] = folded(v)
		}
		expr = lower(lhs) + " IN " + b.param(values)
	default:
		op := map[confgraph.Op]string{
			confgraph.OpContains: "CONTAINS", confgraph.OpStartsWith: "STARTS WITH", confgraph.OpEndsWith: "ENDS WITH",
			confgraph.OpLt: "<", confgraph.OpLte: "<=", confgraph.OpGt: ">", confgraph.OpGte: ">=",
		}[c.Op]
		expr = lower(lhs) + " " + op + " " + b.param(folded(c.Value))
	}
	if exact {
		return "coalesce(" + expr + ", false)"
	}
	return expr
}

// rel compiles a relationship filter into a subquery over the related
// nodes; its value is never null.
func (b *builder) rel(r confgraph.RelCond, v string) string {
	far := farLabel(r.Rel, r.Dir)
	m := b.fresh("m")
	pat := step(v, r.Rel, r.Dir, m)
	where := func() string {
		if r.Where.Empty() {
			return ""
		}
		return " WHERE " + b.filter(r.Where, far, m, false)
	}
	switch r.Quant {
	case confgraph.Some:
		return "EXISTS { MATCH " + pat + where() + " }"
	case confgraph.None:
		return "NOT EXISTS { MATCH " + pat + where() + " }"
	case confgraph.All:
		if r.Where.Empty() {
			return "true"
		}
		// No related node fails the filter: true without related nodes.
		return "NOT EXISTS { MATCH " + pat + " WHERE NOT " + b.filter(r.Where, far, m, true) + " }"
	}
	return "COUNT { MATCH " + pat + where() + " } = 1" // single
}

// anchor is the access path a query starts from: a path from the
// filtered node to a node found through an index.
type anchor struct {
	steps []*confgraph.RelCond
	field string // the indexed property: id, name, title or sortKey
	cond  confgraph.Cond
	label confgraph.Label
}

// cost ranks anchors: fewer relationships to follow first, then an ID
// (unique) before a name.
func (a anchor) cost() int {
	c := 2 * len(a.steps)
	if a.field != "id" {
		c++
	}
	return c
}

// findAnchor returns the cheapest of the access paths of f, a filter on
// label (confgraph.AccessPaths), that an index of this store can start
// from; the first of equal cost.
func findAnchor(f *confgraph.Filter, label confgraph.Label) (anchor, bool) {
	var best anchor
	found := false
	for _, p := range confgraph.AccessPaths(f, label) {
		if a, ok := anchorOf(p); ok && (!found || a.cost() < best.cost()) {
			best, found = a, true
		}
	}
	return best, found
}

// anchorOf returns the anchor that looks p up, if an index holds its end.
// An OR group is never one: a plan starts from one index.
func anchorOf(p confgraph.AccessPath) (anchor, bool) {
	if p.Or != nil {
		return anchor{}, false
	}
	a := anchor{steps: p.Steps, field: p.Cond.Field, cond: p.Cond, label: p.Label}
	if !p.Cond.Fold {
		return a, true
	}
	// A lookup of a name or title ignoring case goes through the sortKey
	// index, which holds the display name lower-cased; the whole filter is
	// still tested on what it finds. The sortKey is lower-cased by
	// strings.ToLower, which agrees with FoldCase except around İ, a
	// combining dot and sigma: such a name is not looked up that way, nor
	// is a list of names.
	v, ok := p.Cond.Value.(string)
	if p.Cond.Op != confgraph.OpEq || !ok || strings.ContainsAny(v, "\u0130\u0307\u03a3\u03c3\u03c2") {
		return anchor{}, false
	}
	a.field = sortKeyProp
	a.cond = confgraph.Cond{Field: sortKeyProp, Op: confgraph.OpEq, Value: strings.ToLower(v)}
	return a, true
}

// match returns the clauses that bind v to the nodes of label worth
// testing against where: all of them, or, when where must pass through an
// indexed equality, those reached from the node it finds. The index is
// named in a hint, so the plan starts there even while the statistics are
// stale (after a bulk load). The path back from that node is one MATCH
// per relationship: in one pattern Neo4j never walks a relationship
// twice, but a filter may come back along the one it went out on (a
// talk's speakers' talks include the talk). It also returns the part of
// where the clauses leave to test (rest).
func (b *builder) match(label confgraph.Label, where *confgraph.Filter, v string) (clauses string, rest *confgraph.Filter) {
	a, ok := findAnchor(where, label)
	if !ok {
		return fmt.Sprintf("MATCH (%s:%s)", v, ident(string(label))), where
	}
	vars := []string{v}
	for range a.steps {
		vars = append(vars, b.fresh("x"))
	}
	at := vars[len(vars)-1]
	var sb strings.Builder
	fmt.Fprintf(&sb, "MATCH (%s:%s) USING INDEX %s:%s(%s) WHERE %s", at, ident(string(a.label)), at, ident(string(a.label)), ident(a.field),
		b.cond(a.cond, a.label, at, false))
	// A relationship type fixes the labels of its ends (confgraph's
	// Endpoints; writes only join nodes of those labels), so the nodes on
	// the way back need no label test.
	for i := len(a.steps) - 1; i >= 0; i-- {
		fmt.Fprintf(&sb, " MATCH (%s)%s(%s) WITH DISTINCT %s", vars[i], arrow(a.steps[i].Rel, a.steps[i].Dir), vars[i+1], vars[i])
	}
	if len(a.steps) == 0 {
		sb.WriteString(" WITH " + v)
	}
	return sb.String(), covered(where, label, a)
}

// covered returns f without the part that finding its anchor a already
// guarantees: an exact equality (not one ignoring case, which the sortKey
// only approximates) reached through "some" relationships — the very
// relationship filters of f the anchor's access path steps through (its
// Steps point into f), not others of the same type. Anything else stays
// to be tested.
func covered(f *confgraph.Filter, label confgraph.Label, a anchor) *confgraph.Filter {
	if f == nil {
		return nil
	}
	if len(a.steps) == 0 {
		for i, c := range f.Conds {
			if !c.Fold && reflect.DeepEqual(c, a.cond) {
				g := *f
				g.Conds = slices.Delete(slices.Clone(f.Conds), i, i+1)
				return &g
			}
		}
		return f
	}
	for i := range f.Rels {
		r := &f.Rels[i]
		if r != a.steps[0] || r.Quant != confgraph.Some {
			continue
		}
		sub := a
		sub.steps = a.steps[1:]
		if covered(r.Where, farLabel(r.Rel, r.Dir), sub).Empty() {
			g := *f
			g.Rels = slices.Delete(slices.Clone(f.Rels), i, i+1)
			return &g
		}
	}
	return f
}

// order is the ORDER BY of a sort for the node bound to v: the sort keys,
// then the display name and the ID, as confgraph.CompareCursors orders.
type order struct {
	exprs []string // values to compare, last the sortKey and the ID
	desc  []bool
}

func (b *builder) order(label confgraph.Label, sort []confgraph.SortKey, v string) order {
	var o order
	for _, k := range sort {
		var e string
		switch {
		case k.Count != nil && k.Count.Then != nil:
			// Two MATCH clauses, not one pattern: the second relationship
			// may be the first again, so the node itself counts when it is
			// reached (as in the embedded store).
			m, x := b.fresh("m"), b.fresh("m")
			e = fmt.Sprintf("size(COLLECT { MATCH (%s)%s(%s) MATCH (%s)%s(%s) RETURN DISTINCT %s })",
				v, arrow(k.Count.Rel, k.Count.Dir), m, m, arrow(k.Count.Then.Rel, k.Count.Then.Dir), x, x)
		case k.Count != nil:
			e = fmt.Sprintf("COUNT { (%s)%s() }", v, arrow(k.Count.Rel, k.Count.Dir))
		case k.Field == confgraph.DisplayField(label):
			// Lower-cased by Go, exactly as confgraph.SortValue does.
			e = v + "." + ident(sortKeyProp)
		case confgraph.EnumOrder[label][k.Field] != nil:
			// By meaning, as confgraph.EnumRank ranks.
			var sb strings.Builder
			sb.WriteString("CASE " + v + "." + ident(k.Field))
			for i, val := range confgraph.EnumOrder[label][k.Field] {
				fmt.Fprintf(&sb, " WHEN %s THEN %d", b.param(val), i+1)
			}
			sb.WriteString(" ELSE 0 END")
			e = sb.String()
		case confgraph.Fields[label][k.Field] == confgraph.KindInt:
			e = "coalesce(" + v + "." + ident(k.Field) + ", 0)"
		default:
			e = "toLower(coalesce(" + v + "." + ident(k.Field) + ", ''))"
		}
		o.exprs = append(o.exprs, e)
		o.desc = append(o.desc, k.Desc)
	}
	o.exprs = append(o.exprs, v+"."+ident(sortKeyProp), v+".id")
	o.desc = append(o.desc, false, false)
	return o
}

// keys names the sort values s0, s1, … for a WITH.
func (o order) keys() []string {
	out := make([]string, len(o.exprs))
	for i := range o.exprs {
		out[i] = fmt.Sprintf("s%d", i)
	}
	return out
}

// with projects the sort values under their keys.
func (o order) with() string {
	var out []string
	for i, e := range o.exprs {
		out = append(out, e+" AS "+o.keys()[i])
	}
	return strings.Join(out, ", ")
}

// by is the ORDER BY over the keys, reversed for the last page.
func (o order) by(reverse bool) string {
	var out []string
	for i, k := range o.keys() {
		if o.desc[i] != reverse {
			k += " DESC"
		}
		out = append(out, k)
	}
	return strings.Join(out, ", ")
}

// cursorValues are a cursor's values as the keys compare them
// (confgraph.NormalizeCursor), then its display name and ID.
func cursorValues(label confgraph.Label, sort []confgraph.SortKey, c *confgraph.Cursor) []any {
	n := confgraph.NormalizeCursor(label, sort, *c)
	return append(n.Values, n.Name, n.ID)
}

// beyond is the condition that the keys come after the cursor's values in
// the order (before them when after is false).
func (b *builder) beyond(o order, vals []any, after bool) string {
	keys := o.keys()
	cmp := func(i int) string {
		op := ">"
		if o.desc[i] == after {
			op = "<"
		}
		return keys[i] + " " + op + " " + b.param(vals[i])
	}
	last := len(keys) - 1
	cond := cmp(last)
	for i := last - 1; i >= 0; i-- {
		cond = fmt.Sprintf("(%s OR (%s = %s AND %s))", cmp(i), keys[i], b.param(vals[i]), cond)
	}
	return cond
}

// page returns the clauses that follow a match of v for q: the filter,
// then a WITH of carry, v and the sort keys within the cursors (sel); the
// names of the sort keys (keys); and the ORDER BY, SKIP and LIMIT that cut the page (cut), for the
// caller's RETURN or WITH. On the last page (q.Last) the rows come in
// reverse order, for the caller to turn around.
func (b *builder) page(q confgraph.Query, v, carry string) (sel, keys, cut string) {
	var sb strings.Builder
	if !q.Where.Empty() {
		sb.WriteString(" WHERE " + b.filter(q.Where, q.Label, v, false))
	}
	o := b.order(q.Label, q.Sort, v)
	fmt.Fprintf(&sb, " WITH %s%s, %s", carry, v, o.with())
	var bounds []string
	if q.After != nil {
		bounds = append(bounds, b.beyond(o, cursorValues(q.Label, q.Sort, q.After), true))
	}
	if q.Before != nil {
		bounds = append(bounds, b.beyond(o, cursorValues(q.Label, q.Sort, q.Before), false))
	}
	if len(bounds) > 0 {
		sb.WriteString(" WHERE " + strings.Join(bounds, " AND "))
	}
	cut = " ORDER BY " + o.by(q.Last)
	if !q.Last && q.Offset > 0 {
		cut += " SKIP " + b.param(q.Offset)
	}
	if q.Limit > 0 {
		cut += " LIMIT " + b.param(q.Limit)
	}
	return sb.String(), strings.Join(o.keys(), ", "), cut
}

// searchText is the text the fulltext index holds for a node: the words of
// its searchable fields, joined by spaces.
func searchText(n confgraph.Node) string {
	return strings.Join(confgraph.SearchWords(n), " ")
}
