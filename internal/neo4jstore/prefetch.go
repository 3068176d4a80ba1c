package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Prefetch answers a page and its plan in one statement: the page as Find
// compiles it, and for every node of it a COLLECT or COUNT subquery per
// fetch, nested as the plan is. The statement returns one row: the total
// (when asked) and the list of [node properties, [answers]].
func (s *Store) Prefetch(ctx context.Context, plan confgraph.Plan) (*confgraph.Prefetched, error) {
	q, fetches := plan.Query, plan.Fetches
	if err := validate(q); err != nil {
		return nil, fmt.Errorf("neo4jstore: prefetch: %w", err)
	}
	if err := checkFetches(fetches); err != nil {
		return nil, fmt.Errorf("neo4jstore: prefetch: %w", err)
	}
	cypher, params := prefetchCypher(plan)
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return nil, s.fail(ctx, "prefetch", err)
	}
	if len(recs) != 1 || len(recs[0].Values) != 2 {
		return nil, s.fail(ctx, "prefetch", fmt.Errorf("prefetch returned %d records", len(recs)))
	}
	out := confgraph.NewPrefetched()
	t, _ := recs[0].Values[0].(int64)
	out.Total = int(t)
	rows, _ := recs[0].Values[1].([]any)
	for _, row := range rows {
		n, err := decodeRow(q.Label, row, fetches, out)
		if err != nil {
			return nil, s.fail(ctx, "prefetch", err)
		}
		out.Nodes = append(out.Nodes, n)
	}
	if q.Last {
		slices.Reverse(out.Nodes)
	}
	return out, nil
}

// checkFetches validates a plan and every filter and sort in it.
func checkFetches(fs []*confgraph.Fetch) error {
	if err := confgraph.CheckFetches(fs); err != nil {
		return err
	}
	var walk func([]*confgraph.Fetch) error
	walk = func(fs []*confgraph.Fetch) error {
		for _, f := range fs {
			switch f.Kind {
			case confgraph.FetchPage:
				q := f.Query
				q.Label = farLabel(f.Rel, f.Dir)
				if err := validate(q); err != nil {
					return err
				}
			case confgraph.FetchDegree:
				if err := checkRel(f.Count.Rel, f.Count.Dir); err != nil {
					return err
				}
				if f.Count.Then != nil {
					if err := checkRel(f.Count.Then.Rel, f.Count.Then.Dir); err != nil {
						return err
					}
				}
				if err := validate(confgraph.Query{Label: farLabel(f.Count.Rel, f.Count.Dir), Where: f.Where}); err != nil {
					return err
				}
			case confgraph.FetchTally:
				for _, st := range append(append([]confgraph.RelCount{}, f.Tally.Via...), f.Tally.Far...) {
					if err := checkRel(st.Rel, st.Dir); err != nil {
						return err
					}
				}
			}
			if err := walk(f.Then); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(fs)
}

// prefetchCypher compiles a Prefetch.
func prefetchCypher(plan confgraph.Plan) (string, map[string]any) {
	q, total, fetches := plan.Query, plan.Total, plan.Fetches
	b := newBuilder()
	var sb strings.Builder
	if total {
		c := b.fresh("c")
		m, rest := b.match(q.Label, q.Where, c)
		sb.WriteString("CALL () { " + m)
		if !rest.Empty() {
			sb.WriteString(" WHERE " + b.filter(rest, q.Label, c, false))
		}
		sb.WriteString(" RETURN count(" + c + ") AS total } ")
	}
	m, rest := b.match(q.Label, q.Where, "n")
	page := q
	page.Where = rest
	sel, keys, cut := b.page(page, "n", "")
	with, list := b.answers("n", "", fetches)
	fmt.Fprintf(&sb, "CALL () { %s%s WITH n, %s%s WITH n%s RETURN collect([%s, %s]) AS rows } ",
		m, sel, keys, cut, with, projectNode("n", plan.Fields), list)
	if total {
		sb.WriteString("RETURN total, rows")
	} else {
		sb.WriteString("RETURN 0 AS total, rows")
	}
	return sb.String(), b.params
}

// answers binds the answers of fetches for the node bound to v, each to a
// variable of its own, in a WITH that keeps carry and v (with), and
// returns the list of those variables (list). A subquery with an
// aggregation (a tally's count) must be a projection of its own: inside a
// list literal the planner takes its aggregation for the enclosing one.
func (b *builder) answers(v, carry string, fs []*confgraph.Fetch) (with, list string) {
	exprs := b.fetches(v, fs)
	if len(exprs) == 0 {
		return "", "[]"
	}
	var names []string
	for i, e := range exprs {
		names = append(names, b.fresh("a"))
		with += ", " + e + " AS " + names[i]
	}
	return " WITH " + carry + v + with, "[" + strings.Join(names, ", ") + "]"
}

// fetches compiles the answers of a plan for the node bound to v, one
// expression per fetch.
func (b *builder) fetches(v string, fs []*confgraph.Fetch) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		switch f.Kind {
		case confgraph.FetchEdges, confgraph.FetchPage:
			q := confgraph.Query{}
			if f.Kind == confgraph.FetchPage {
				q = f.Query
			}
			q.Label = farLabel(f.Rel, f.Dir)
			r, m := b.fresh("r"), b.fresh("m")
			sel, keys, cut := b.page(q, m, r+", ")
			arrow := "-[" + r + ":" + ident(string(f.Rel)) + "]->"
			if f.Dir == confgraph.In {
				arrow = "<-[" + r + ":" + ident(string(f.Rel)) + "]-"
			}
			with, list := b.answers(m, r+", ", f.Then)
			// The relationship type fixes the far node's label: no label test.
			out = append(out, fmt.Sprintf("COLLECT { MATCH (%s)%s(%s)%s WITH %s, %s, %s%s WITH %s, %s%s RETURN [%s, %s, %s] }",
				v, arrow, m, sel, r, m, keys, cut, r, m, with, projectRel(r, f.RelFields), projectNode(m, f.Fields), list))
		case confgraph.FetchDegree:
			rc := f.Count
			if rc.Then == nil {
				x := b.fresh("d")
				cond := ""
				if !f.Where.Empty() {
					cond = " WHERE " + b.filter(f.Where, farLabel(rc.Rel, rc.Dir), x, false)
				}
				out = append(out, fmt.Sprintf("COUNT { MATCH (%s)%s(%s)%s }", v, arrow(rc.Rel, rc.Dir), x, cond))
				continue
			}
			// Two MATCH clauses: the second step may walk back along the
			// first, so the node itself counts when it is reached, as
			// confgraph.StepwiseDegrees counts.
			m, x := b.fresh("d"), b.fresh("d")
			out = append(out, fmt.Sprintf("size(COLLECT { MATCH (%s)%s(%s) MATCH (%s)%s(%s) RETURN DISTINCT %s })",
				v, arrow(rc.Rel, rc.Dir), m, m, arrow(rc.Then.Rel, rc.Then.Dir), x, x))
		case confgraph.FetchTally:
			via, mid := b.walk(v, f.Tally.Via, "")
			far, end := b.walk(mid, f.Tally.Far, mid+", ")
			c := b.fresh("c")
			limit := ""
			if f.Tally.Limit > 0 {
				limit = " LIMIT " + b.param(f.Tally.Limit)
			}
			out = append(out, fmt.Sprintf("COLLECT { %s %s WITH %s, count(%s) AS %s ORDER BY %s DESC, %s.%s, %s.id%s RETURN [%s, properties(%s)] }",
				via, far, end, mid, c, c, end, ident(sortKeyProp), end, limit, c, end))
		}
	}
	return out
}

// projectNode reads the properties fields of the node bound to v and its
// ID, or all of them when fields is nil.
func projectNode(v string, fields []string) string {
	if fields == nil {
		return "properties(" + v + ")"
	}
	return project(v, append([]string{"id"}, fields...))
}

// projectRel reads the stored properties that hold the fields of the
// relationship bound to v (evidence is three parallel lists), or all of
// them when fields is nil.
func projectRel(v string, fields []string) string {
	if fields == nil {
		return "properties(" + v + ")"
	}
	var props []string
	for _, f := range fields {
		if f == "evidence" {
			props = append(props, "evidenceDocuments", "evidenceLines", "evidenceSnippets", "evidenceRules")
		} else {
			props = append(props, f)
		}
	}
	return project(v, props)
}

// project is a map projection of the distinct props of v.
func project(v string, props []string) string {
	var parts []string
	for _, p := range props {
		if part := "." + ident(p); !slices.Contains(parts, part) {
			parts = append(parts, part)
		}
	}
	return v + "{" + strings.Join(parts, ", ") + "}"
}

// walk compiles steps from the node bound to v as one MATCH per step (so
// that a step may walk back along the one before), keeping distinct nodes
// (with carry) after each; it returns the clauses and the variable of the
// walk's end.
func (b *builder) walk(v string, steps []confgraph.RelCount, carry string) (string, string) {
	var parts []string
	at := v
	for _, st := range steps {
		x := b.fresh("w")
		parts = append(parts, fmt.Sprintf("MATCH (%s)%s(%s) WITH DISTINCT %s%s", at, arrow(st.Rel, st.Dir), x, carry, x))
		at = x
	}
	return strings.Join(parts, " "), at
}

// decodeRow reads one node of a prefetch and its answers.
func decodeRow(label confgraph.Label, row any, fetches []*confgraph.Fetch, out *confgraph.Prefetched) (confgraph.Node, error) {
	pair, _ := row.([]any)
	if len(pair) != 2 {
		return nil, fmt.Errorf("prefetch row %v", row)
	}
	n, err := decodeNode(label, pair[0])
	if err != nil {
		return nil, err
	}
	vals, _ := pair[1].([]any)
	return n, decodeAnswers(n.NodeID(), vals, fetches, out)
}

// decodeAnswers stores the answers of fetches for the node id.
func decodeAnswers(id string, vals []any, fetches []*confgraph.Fetch, out *confgraph.Prefetched) error {
	if len(vals) != len(fetches) {
		return fmt.Errorf("prefetch of %s: %d answers for %d fetches", id, len(vals), len(fetches))
	}
	for i, f := range fetches {
		switch f.Kind {
		case confgraph.FetchEdges, confgraph.FetchPage:
			far := farLabel(f.Rel, f.Dir)
			list, _ := vals[i].([]any)
			edges := make([]confgraph.Edge, 0, len(list))
			for _, x := range list {
				row, _ := x.([]any)
				if len(row) != 3 {
					return fmt.Errorf("prefetch edge of %s: %v", id, x)
				}
				n, err := decodeNode(far, row[1])
				if err != nil {
					return err
				}
				from, to := id, n.NodeID()
				if f.Dir == confgraph.In {
					from, to = to, from
				}
				r, err := decodeRel(f.Rel, from, to, row[0])
				if err != nil {
					return err
				}
				edges = append(edges, confgraph.Edge{Rel: r, Node: n})
				sub, _ := row[2].([]any)
				if err := decodeAnswers(n.NodeID(), sub, f.Then, out); err != nil {
					return err
				}
			}
			confgraph.Put(out.Edges, f.Key, id, edges)
		case confgraph.FetchDegree:
			n, ok := vals[i].(int64)
			if !ok {
				return fmt.Errorf("prefetch count of %s: %v", id, vals[i])
			}
			confgraph.Put(out.Degrees, f.Key, id, int(n))
		case confgraph.FetchTally:
			far := farLabel(f.Tally.Far[len(f.Tally.Far)-1].Rel, f.Tally.Far[len(f.Tally.Far)-1].Dir)
			list, _ := vals[i].([]any)
			counted := make([]confgraph.Counted, 0, len(list))
			for _, x := range list {
				row, _ := x.([]any)
				if len(row) != 2 {
					return fmt.Errorf("prefetch tally of %s: %v", id, x)
				}
				c, _ := row[0].(int64)
				n, err := decodeNode(far, row[1])
				if err != nil {
					return err
				}
				counted = append(counted, confgraph.Counted{Node: n, N: int(c)})
			}
			confgraph.Put(out.Tallies, f.Key, id, counted)
		}
	}
	return nil
}
