package graph

import (
	"context"
	"fmt"
	"reflect"
	"strconv"

	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// Page arguments, read the same way by a field's resolver and by the
// planner, from the field's arguments.

func intArg(args map[string]any, name string) *int {
	v, _ := args[name].(*int)
	return v
}

// pageArgs are the page arguments of a field.
func pageArgs(args map[string]any) confgraph.PageArgs {
	str := func(name string) *string { v, _ := args[name].(*string); return v }
	return confgraph.PageArgs{Limit: intArg(args, "limit"), Offset: intArg(args, "offset"), First: intArg(args, "first"),
		Last: intArg(args, "last"), After: str("after"), Before: str("before")}
}

// filterQuery is the query of a field's where and sort arguments.
func filterQuery(label confgraph.Label, args map[string]any) (q confgraph.Query, err error) {
	q = confgraph.Query{Label: label, Limit: defaultLimit}
	if q.Where, err = whereOf(args["where"]); err != nil {
		return q, err
	}
	q.Sort, err = sortOf(args["sort"])
	return q, err
}

// The page sizes and bounds a request that gives none gets are the
// defaults schema.graphqls declares, read from it: a top-level list's
// limit (also a connection's page), a search's first, a shortest path's
// maxHops and Talk.related's first.
var (
	defaultLimit   = argDefault("Query", "talks", "limit")
	defaultSearch  = argDefault("Query", "search", "first")
	defaultMaxHops = argDefault("Query", "shortestPath", "maxHops")
	defaultRelated = argDefault("Talk", "related", "first")
)

// argDefault is the whole-number default the schema declares for an
// argument of a field; it panics at start when there is none, so that a
// default cannot be dropped from the schema unnoticed.
func argDefault(typ, field, arg string) int {
	if f := parsedSchema.Types[typ].Fields.ForName(field); f != nil {
		if a := f.Arguments.ForName(arg); a != nil && a.DefaultValue != nil {
			if n, err := strconv.Atoi(a.DefaultValue.Raw); err == nil {
				return n
			}
		}
	}
	panic(fmt.Sprintf("graph: schema.graphqls declares no default for %s.%s(%s)", typ, field, arg))
}

// listQuery is the query of a relationship list field's arguments
// (confgraph.PageArgs.RelList).
func listQuery(args map[string]any) (confgraph.Query, bool, error) {
	q, err := filterQuery("", args)
	if err != nil {
		return q, false, err
	}
	return pageArgs(args).RelList(q)
}

// connQuery is the query of a connection field's arguments: where, sort,
// first, after, last and before.
func connQuery(label confgraph.Label, args map[string]any) (confgraph.Query, error) {
	q, err := filterQuery(label, args)
	if err != nil {
		return q, err
	}
	return pageArgs(args).Connection(q)
}

// relConnQuery is the query of a relationship connection field's
// arguments: one more than the page, to learn whether another follows.
func relConnQuery(args map[string]any) (q confgraph.Query, want int, err error) {
	q, err = connQuery("", args)
	q.Limit++
	return q, q.Limit - 1, err
}

func typed[T confgraph.Node](nodes []confgraph.Node) []T {
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// labelOf is the label of the nodes of Go type T.
func labelOf[T confgraph.Node]() confgraph.Label {
	var zero T
	return zero.NodeLabel()
}

// find runs a top-level list field (Query.talks, ...) of T.
func find[T confgraph.Node](ctx context.Context, s confgraph.Store) ([]T, error) {
	fc, err := fieldContext(ctx)
	if err != nil {
		return nil, err
	}
	q, err := filterQuery(labelOf[T](), fc.Args)
	if err == nil {
		q, err = pageArgs(fc.Args).List(q, intArg(fc.Args, "limit"))
	}
	if err != nil {
		return nil, err
	}
	if q.Limit == 0 {
		return []T{}, nil
	}
	nodes, err := findPlanned(ctx, s, q, string(q.Label), false)
	if err != nil {
		return nil, err
	}
	return typed[T](nodes), nil
}

// cursors returns the cursor of each node under the query's sort, asking
// the store for the relationship counts the sort uses.
func cursors(ctx context.Context, s confgraph.Store, nodes []confgraph.Node, keys []confgraph.SortKey) ([]string, error) {
	return confgraph.Cursors(nodes, keys, func(ids []string, rc confgraph.RelCount) (map[string]int, error) {
		return degrees(ctx, s, ids, rc)
	})
}

// pageOf is what every top-level connection type (connections.go) holds
// besides its edges and page info: its query and store, so that
// totalCount, bound to TotalCount (gqlgen.yml binds the connection types),
// is counted only when asked for, and without loading the nodes.
type pageOf struct {
	query confgraph.Query
	store confgraph.Store
}

func (p *pageOf) page() *pageOf { return p }

// TotalCount counts the nodes the connection pages through: a prefetch's
// answer, kept as the degree of no node (""), or a store call.
func (p *pageOf) TotalCount(ctx context.Context) (int, error) {
	m, err := batch.Join(ctx, countKey(p.query.Label, p.query.Where), []string{""}, func([]string) (map[string]int, error) {
		n, err := p.store.Count(ctx, p.query.Label, p.query.Where)
		return map[string]int{"": n}, err
	})
	return m[""], err
}

// connection runs a top-level connection field (Query.talksConnection,
// ...): C is its generated type, T the Go type of its nodes.
func connection[C interface{ page() *pageOf }, T confgraph.Node](ctx context.Context, s confgraph.Store) (C, error) {
	var c C
	fc, err := fieldContext(ctx)
	if err != nil {
		return c, err
	}
	q, err := connQuery(labelOf[T](), fc.Args)
	if err != nil {
		return c, err
	}
	info := &PageInfo{}
	var edges []edge
	if q.Limit > 0 {
		// One more than the page, to learn whether another follows.
		page := q
		page.Limit++
		nodes, err := findPlanned(ctx, s, page, string(q.Label), true)
		if err != nil {
			return c, err
		}
		if len(nodes) > q.Limit {
			if q.Last {
				nodes = nodes[1:]
				info.HasPreviousPage = true
			} else {
				nodes = nodes[:q.Limit]
				info.HasNextPage = true
			}
		}
		if q.Last {
			info.HasNextPage = q.Before != nil
		} else {
			info.HasPreviousPage = q.After != nil
		}
		cs, err := cursors(ctx, s, nodes, q.Sort)
		if err != nil {
			return c, err
		}
		// gqlgen resolves each edge's node on its own: one group per node.
		groups := make([][]string, len(nodes))
		for i, n := range nodes {
			edges = append(edges, edge{node: n, cursor: cs[i]})
			groups[i] = []string{n.NodeID()}
		}
		batch.Record(ctx, groups)
	}
	c, _ = fill[C](edges, info)
	c.page().query, c.page().store = q, s
	return c, nil
}

// edge is one edge of a connection: its node, its cursor and, on a
// relationship's connection, the relationship that reached the node.
type edge struct {
	node   confgraph.Node
	cursor string
	rel    *confgraph.Relationship
}

// fill makes a connection of type C (a pointer to any of the generated
// connection types, whose Edges and PageInfo it sets) of the edges whose
// nodes its edge type holds, and returns their node IDs; info gets the
// first and last cursors.
func fill[C any](edges []edge, info *PageInfo) (C, []string) {
	c := reflect.New(reflect.TypeFor[C]().Elem())
	list := c.Elem().FieldByName("Edges")
	list.Set(reflect.MakeSlice(list.Type(), 0, len(edges)))
	var ids []string
	for _, e := range edges {
		v := reflect.New(list.Type().Elem().Elem())
		f := v.Elem().FieldByName
		node := reflect.ValueOf(e.node)
		if !node.Type().AssignableTo(f("Node").Type()) {
			continue
		}
		f("Node").Set(node)
		f("Cursor").SetString(e.cursor)
		if e.rel != nil {
			f("Type").SetString(string(e.rel.Type))
			f("Role").Set(reflect.ValueOf(opt(e.rel.Role)))
			f("Evidence").Set(reflect.ValueOf(evidence(*e.rel)))
		}
		list.Set(reflect.Append(list, v))
		ids = append(ids, e.node.NodeID())
		if info.StartCursor == nil {
			info.StartCursor = &e.cursor
		}
		info.EndCursor = &e.cursor
	}
	c.Elem().FieldByName("PageInfo").Set(reflect.ValueOf(info))
	return c.Interface().(C), ids
}

func ids[P confgraph.Node](parents []P) []string {
	out := make([]string, len(parents))
	for i, p := range parents {
		out[i] = p.NodeID()
	}
	return out
}

var uniq = confgraph.DistinctIDs

// opt returns nil for a zero value, so that unknown facts are null rather
// than "" or 0.
func opt[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

func evidence(r confgraph.Relationship) []*confgraph.Evidence {
	out := make([]*confgraph.Evidence, len(r.Evidence))
	for i := range r.Evidence {
		out[i] = &r.Evidence[i]
	}
	return out
}
