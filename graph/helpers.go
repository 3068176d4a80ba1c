package graph

import (
	"context"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// pageQuery validates limit and offset.
func pageQuery(label confgraph.Label, where *confgraph.Filter, keys []confgraph.SortKey, limit, offset *int) (confgraph.Query, error) {
	q := confgraph.Query{Label: label, Where: where, Sort: keys, Limit: 20}
	if limit != nil {
		q.Limit = *limit
	}
	if offset != nil {
		q.Offset = *offset
	}
	if err := checkPage("limit", q.Limit); err != nil {
		return q, err
	}
	if q.Offset < 0 {
		return q, confgraph.Errorf(confgraph.EINVALID, "offset must not be negative")
	}
	return q, nil
}

// relPageQuery validates the limit and offset of a relationship list. A
// list without a limit holds every related node (Limit 0 to the store);
// none reports an explicit limit of 0.
func relPageQuery(where *confgraph.Filter, keys []confgraph.SortKey, limit, offset *int) (q confgraph.Query, none bool, err error) {
	all := 0
	if limit == nil {
		limit = &all
	} else if *limit == 0 {
		none = true
	}
	q, err = pageQuery("", where, keys, limit, offset)
	return q, none, err
}

func checkPage(arg string, n int) error {
	if n < 0 {
		return confgraph.Errorf(confgraph.EINVALID, "%s must not be negative", arg)
	}
	if n > confgraph.MaxPage {
		return confgraph.Errorf(confgraph.EINVALID, "%s %d is above the maximum page size %d", arg, n, confgraph.MaxPage)
	}
	return nil
}

// connQuery builds the query of a connection page. It asks for one item
// more than the page to learn whether another page follows.
func connQuery(label confgraph.Label, where *confgraph.Filter, keys []confgraph.SortKey, first *int, after *string, last *int, before *string) (confgraph.Query, error) {
	q := confgraph.Query{Label: label, Where: where, Sort: keys, Limit: 20}
	if first != nil && last != nil {
		return q, confgraph.Errorf(confgraph.EINVALID, "give first or last, not both")
	}
	if first != nil {
		if err := checkPage("first", *first); err != nil {
			return q, err
		}
		q.Limit = *first
	}
	if last != nil {
		if err := checkPage("last", *last); err != nil {
			return q, err
		}
		q.Limit, q.Last = *last, true
	}
	var err error
	if after != nil {
		if q.After, err = confgraph.DecodeCursor(*after, keys); err != nil {
			return q, err
		}
	}
	if before != nil {
		if q.Before, err = confgraph.DecodeCursor(*before, keys); err != nil {
			return q, err
		}
	}
	return q, nil
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

// find runs a list query.
func find[T confgraph.Node](ctx context.Context, s confgraph.Store, label confgraph.Label, where *confgraph.Filter, err error, keys []confgraph.SortKey, kerr error, limit, offset *int) ([]T, error) {
	if err != nil {
		return nil, err
	}
	if kerr != nil {
		return nil, kerr
	}
	q, err := pageQuery(label, where, keys, limit, offset)
	if err != nil {
		return nil, err
	}
	if q.Limit == 0 {
		return []T{}, nil
	}
	nodes, err := findPlanned(ctx, s, q, string(label), false)
	if err != nil {
		return nil, err
	}
	return typed[T](nodes), nil
}

// cursors returns the cursor of each node under the query's sort, asking
// the store for the relationship counts the sort uses (one call per
// count).
func cursors(ctx context.Context, s confgraph.Store, nodes []confgraph.Node, keys []confgraph.SortKey) ([]string, error) {
	counts := map[confgraph.RelCount]map[string]int{}
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	for _, k := range keys {
		if k.Count == nil {
			continue
		}
		m, err := degrees(ctx, s, ids, *k.Count)
		if err != nil {
			return nil, err
		}
		counts[*k.Count] = m
	}
	out := make([]string, len(nodes))
	for i, n := range nodes {
		id := n.NodeID()
		out[i] = confgraph.CursorOf(n, keys, func(rc confgraph.RelCount) int { return counts[rc][id] }).Encode()
	}
	return out, nil
}

// degrees counts rc for each node: one store call, or two for a count
// through an intermediate node, each joined with its level's calls.
func degrees(ctx context.Context, s confgraph.Store, ids []string, rc confgraph.RelCount) (map[string]int, error) {
	if rc.Then == nil {
		return degreesOf(ctx, s, ids, rc.Rel, rc.Dir, nil)
	}
	if m, ok := prefetched(ctx, pickDegrees, degreeKey(rc, nil), ids); ok {
		return m, nil
	}
	return confgraph.StepwiseDegrees(ctx, joined{s}, ids, rc, nil)
}

// joined is the store with Related joined across the request's level
// (related), for the stepwise walks of confgraph.
type joined struct{ confgraph.Store }

func (j joined) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	return related(ctx, j.Store, ids, rel, dir)
}

// page is a connection page before it is given its GraphQL types.
type page struct {
	nodes   []confgraph.Node
	cursors []string
	info    *PageInfo
}

// connection runs a connection query and works out its page info.
func connection(ctx context.Context, s confgraph.Store, q confgraph.Query) (*page, error) {
	want := q.Limit
	if want == 0 {
		return &page{info: &PageInfo{}}, nil
	}
	q.Limit = want + 1
	nodes, err := findPlanned(ctx, s, q, string(q.Label), true)
	if err != nil {
		return nil, err
	}
	info := &PageInfo{}
	if len(nodes) > want {
		if q.Last {
			nodes = nodes[1:]
			info.HasPreviousPage = true
		} else {
			nodes = nodes[:want]
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
		return nil, err
	}
	// gqlgen resolves each edge's node on its own: one group per node.
	groups := make([][]string, len(nodes))
	for i, n := range nodes {
		groups[i] = []string{n.NodeID()}
	}
	record(ctx, groups)
	if len(cs) > 0 {
		info.StartCursor, info.EndCursor = &cs[0], &cs[len(cs)-1]
	}
	return &page{nodes: nodes, cursors: cs, info: info}, nil
}

func ids[P confgraph.Node](parents []P) []string {
	out := make([]string, len(parents))
	for i, p := range parents {
		out[i] = p.NodeID()
	}
	return out
}

// relList follows a relationship from every parent in one store call,
// filtered, sorted and paged per parent.
func relList[P confgraph.Node, C confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rel confgraph.RelType, dir confgraph.Direction,
	where *confgraph.Filter, err error, keys []confgraph.SortKey, kerr error, limit, offset *int) ([][]C, error) {
	if err != nil {
		return nil, err
	}
	if kerr != nil {
		return nil, kerr
	}
	q, none, err := relPageQuery(where, keys, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([][]C, len(parents))
	if none {
		for i := range out {
			out[i] = []C{}
		}
		return out, nil
	}
	pid := ids(parents)
	m, err := relatedQuery(ctx, s, uniq(pid), rel, dir, q)
	if err != nil {
		return nil, err
	}
	groups := make([][]string, len(pid))
	for i, id := range pid {
		out[i] = make([]C, 0, len(m[id]))
		for _, e := range m[id] {
			if c, ok := e.Node.(C); ok {
				out[i] = append(out[i], c)
				groups[i] = append(groups[i], c.NodeID())
			}
		}
	}
	record(ctx, groups)
	return out, nil
}

// relEdge is one edge of a relationship connection before it is typed.
type relEdge struct {
	cursor string
	e      confgraph.Edge
}

// relConnection pages a relationship for every parent: one store call for
// the edges and one for the totals.
func relConnection[P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rel confgraph.RelType, dir confgraph.Direction,
	where *confgraph.Filter, err error, keys []confgraph.SortKey, kerr error, first *int, after *string) ([][]relEdge, []*PageInfo, []int, error) {
	if err != nil {
		return nil, nil, nil, err
	}
	if kerr != nil {
		return nil, nil, nil, kerr
	}
	q, err := connQuery("", where, keys, first, after, nil, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	want := q.Limit
	q.Limit++
	pid := ids(parents)
	m, err := relatedQuery(ctx, s, uniq(pid), rel, dir, q)
	if err != nil {
		return nil, nil, nil, err
	}
	totals, err := degreesOf(ctx, s, uniq(pid), rel, dir, where)
	if err != nil {
		return nil, nil, nil, err
	}
	var all []confgraph.Node
	for _, id := range uniq(pid) {
		for _, e := range m[id] {
			all = append(all, e.Node)
		}
	}
	cs, err := cursors(ctx, s, all, keys)
	if err != nil {
		return nil, nil, nil, err
	}
	cursorOf := map[string]string{}
	for i, n := range all {
		cursorOf[n.NodeID()] = cs[i]
	}
	edges := make([][]relEdge, len(parents))
	infos := make([]*PageInfo, len(parents))
	counts := make([]int, len(parents))
	for i, id := range pid {
		es := m[id]
		info := &PageInfo{HasPreviousPage: q.After != nil}
		if len(es) > want {
			es, info.HasNextPage = es[:want], true
		}
		for _, e := range es {
			edges[i] = append(edges[i], relEdge{cursorOf[e.Node.NodeID()], e})
		}
		if len(edges[i]) > 0 {
			info.StartCursor, info.EndCursor = &edges[i][0].cursor, &edges[i][len(edges[i])-1].cursor
		}
		infos[i], counts[i] = info, totals[id]
	}
	groups := make([][]string, len(edges))
	for i, es := range edges {
		for _, e := range es {
			groups[i] = append(groups[i], e.e.Node.NodeID())
		}
	}
	record(ctx, groups)
	return edges, infos, counts, nil
}

func evidence(r confgraph.Relationship) []*confgraph.Evidence {
	out := make([]*confgraph.Evidence, len(r.Evidence))
	for i := range r.Evidence {
		out[i] = &r.Evidence[i]
	}
	return out
}

// one follows a relationship a parent has at most one of.
func one[P confgraph.Node, C confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rel confgraph.RelType, dir confgraph.Direction) ([]C, error) {
	pid := ids(parents)
	m, err := related(ctx, s, uniq(pid), rel, dir)
	if err != nil {
		return nil, err
	}
	out := make([]C, len(parents))
	var groups [][]string
	for i, id := range pid {
		for _, e := range m[id] {
			if c, ok := e.Node.(C); ok {
				out[i] = c
				// A single object's children are resolved one object at a
				// time.
				groups = append(groups, []string{c.NodeID()})
				break
			}
		}
	}
	record(ctx, groups)
	return out, nil
}

// degreeList counts a relationship for every parent in one call.
func degreeList[P confgraph.Node](ctx context.Context, s confgraph.Store, parents []P, rc confgraph.RelCount) ([]int, error) {
	pid := ids(parents)
	m, err := degrees(ctx, s, uniq(pid), rc)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(parents))
	for i, id := range pid {
		out[i] = m[id]
	}
	return out, nil
}

// walk follows a chain of relationships from every start node, one store
// call per step, and returns for each start the set of nodes reached at
// each step (keyed by ID) with the node itself.
func walk(ctx context.Context, s confgraph.Store, start []string, steps ...confgraph.RelCount) ([]map[string]map[string]confgraph.Node, error) {
	// reach[k][start] = nodes reached after k+1 steps
	reach := make([]map[string]map[string]confgraph.Node, len(steps))
	frontier := map[string][]string{}
	for _, id := range start {
		frontier[id] = []string{id}
	}
	for k, st := range steps {
		var from []string
		for _, xs := range frontier {
			from = append(from, xs...)
		}
		m, err := related(ctx, s, uniq(from), st.Rel, st.Dir)
		if err != nil {
			return nil, err
		}
		reach[k] = map[string]map[string]confgraph.Node{}
		next := map[string][]string{}
		for _, id := range start {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			got := map[string]confgraph.Node{}
			for _, x := range frontier[id] {
				for _, e := range m[x] {
					got[e.Node.NodeID()] = e.Node
				}
			}
			reach[k][id] = got
			for nid := range got {
				next[id] = append(next[id], nid)
			}
		}
		frontier = next
	}
	return reach, nil
}

func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// opt returns nil for a zero value, so that unknown facts are null rather
// than "" or 0.
func opt[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
