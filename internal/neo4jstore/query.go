package neo4jstore

import (
	"context"
	"fmt"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"slices"
	"strings"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// findCypher compiles a Find into one statement returning the properties
// of the nodes in order (reversed for q.Last).
func findCypher(q confgraph.Query) (string, map[string]any) {
	b := newBuilder()
	m, rest := b.match(q.Label, q.Where, "n")
	q.Where = rest
	sel, _, cut := b.page(q, "n", "")
	return m + sel + " RETURN properties(n) AS props" + cut, b.params
}

// Find returns one page of the nodes of q.Label matching q.Where.
func (s *Store) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	if err := validate(q); err != nil {
		return nil, fmt.Errorf("neo4jstore: find: %w", err)
	}
	cypher, params := findCypher(q)
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return nil, s.fail(ctx, "find", err)
	}
	out := make([]confgraph.Node, 0, len(recs))
	for _, rec := range recs {
		n, err := decodeNode(q.Label, rec.Values[0])
		if err != nil {
			return nil, s.fail(ctx, "find", err)
		}
		out = append(out, n)
	}
	if q.Last {
		slices.Reverse(out)
	}
	return out, nil
}

// countCypher compiles a Count.
func countCypher(label confgraph.Label, where *confgraph.Filter) (string, map[string]any) {
	b := newBuilder()
	cypher, rest := b.match(label, where, "n")
	if !rest.Empty() {
		cypher += " WHERE " + b.filter(rest, label, "n", false)
	}
	return cypher + " RETURN count(n) AS n", b.params
}

// Count returns how many nodes of label match where.
func (s *Store) Count(ctx context.Context, label confgraph.Label, where *confgraph.Filter) (int, error) {
	if err := validate(confgraph.Query{Label: label, Where: where}); err != nil {
		return 0, fmt.Errorf("neo4jstore: count: %w", err)
	}
	cypher, params := countCypher(label, where)
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return 0, s.fail(ctx, "count", err)
	}
	n := countOf(recs)
	if n < 0 {
		return 0, s.fail(ctx, "count", fmt.Errorf("count returned %d records", len(recs)))
	}
	return n, nil
}

// relatedQueryCypher compiles a RelatedQuery: for each ID, the page of
// edges as a list of [relationship properties, far node properties] in
// order (reversed for q.Last).
func relatedQueryCypher(rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (string, map[string]any) {
	b := newBuilder()
	near := farLabel(rel, reverse(dir))
	sel, keys, cut := b.page(q, "n", "r, ")
	cypher := fmt.Sprintf("UNWIND $ids AS pid CALL (pid) { MATCH (a:%s {id: pid})%s(n:%s)%s WITH r, n, %s%s "+
		"RETURN collect([properties(r), properties(n)]) AS edges } RETURN pid, edges",
		ident(string(near)), relArrow(rel, dir), ident(string(q.Label)), sel, keys, cut)
	return cypher, b.params
}

// reverse is the other direction.
func reverse(d confgraph.Direction) confgraph.Direction {
	if d == confgraph.In {
		return confgraph.Out
	}
	return confgraph.In
}

// relArrow is arrow with the relationship bound to r.
func relArrow(rel confgraph.RelType, dir confgraph.Direction) string {
	if dir == confgraph.In {
		return "<-[r:" + ident(string(rel)) + "]-"
	}
	return "-[r:" + ident(string(rel)) + "]->"
}

// RelatedQuery follows rel from each of ids, keeping the edges whose far
// node matches q.Where, in q.Sort order, paged per node.
func (s *Store) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	if err := checkRel(rel, dir); err != nil {
		return nil, fmt.Errorf("neo4jstore: related query: %w", err)
	}
	q.Label = farLabel(rel, dir)
	if err := validate(q); err != nil {
		return nil, fmt.Errorf("neo4jstore: related query: %w", err)
	}
	out := make(map[string][]confgraph.Edge, len(ids))
	for _, id := range ids {
		out[id] = []confgraph.Edge{}
	}
	cypher, params := relatedQueryCypher(rel, dir, q)
	for chunk := range slices.Chunk(ids, chunkSize) {
		params["ids"] = chunk
		recs, err := s.query(ctx, cypher, params)
		if err != nil {
			return nil, s.fail(ctx, "related query", err)
		}
		for _, rec := range recs {
			id, _ := rec.Values[0].(string)
			rows, _ := rec.Values[1].([]any)
			edges := make([]confgraph.Edge, 0, len(rows))
			for _, row := range rows {
				pair, _ := row.([]any)
				if len(pair) != 2 {
					return nil, s.fail(ctx, "related query", fmt.Errorf("edge of %s is %v", id, row))
				}
				n, err := decodeNode(q.Label, pair[1])
				if err != nil {
					return nil, s.fail(ctx, "related query", err)
				}
				from, to := id, n.NodeID()
				if dir == confgraph.In {
					from, to = to, from
				}
				r, err := decodeRel(rel, from, to, pair[0])
				if err != nil {
					return nil, s.fail(ctx, "related query", err)
				}
				edges = append(edges, confgraph.Edge{Rel: r, Node: n})
			}
			if q.Last {
				slices.Reverse(edges)
			}
			out[id] = edges
		}
	}
	return out, nil
}

// degreesCypher compiles a Degrees.
func degreesCypher(rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (string, map[string]any) {
	b := newBuilder()
	near, far := farLabel(rel, reverse(dir)), farLabel(rel, dir)
	cond := ""
	if !where.Empty() {
		cond = " WHERE " + b.filter(where, far, "n", false)
	}
	return fmt.Sprintf("UNWIND $ids AS pid RETURN pid, COUNT { MATCH (a:%s {id: pid})%s(n:%s)%s } AS n",
		ident(string(near)), arrow(rel, dir), ident(string(far)), cond), b.params
}

// Degrees counts, for each of ids, the rel relationships followed in dir
// whose far node matches where.
func (s *Store) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	if err := checkRel(rel, dir); err != nil {
		return nil, fmt.Errorf("neo4jstore: degrees: %w", err)
	}
	if err := validate(confgraph.Query{Label: farLabel(rel, dir), Where: where}); err != nil {
		return nil, fmt.Errorf("neo4jstore: degrees: %w", err)
	}
	out := make(map[string]int, len(ids))
	cypher, params := degreesCypher(rel, dir, where)
	for chunk := range slices.Chunk(ids, chunkSize) {
		params["ids"] = chunk
		recs, err := s.query(ctx, cypher, params)
		if err != nil {
			return nil, s.fail(ctx, "degrees", err)
		}
		for _, rec := range recs {
			id, _ := rec.Values[0].(string)
			n, _ := rec.Values[1].(int64)
			out[id] = int(n)
		}
	}
	return out, nil
}

// searchHitsCypher finds the nodes of the given labels that hold one of
// the words, through the fulltext index (its scores are not used: ranking
// is confgraph.RankSearch, as on every store). A Lucene query holds at
// most maxSearchWords words; a longer one is asked in parts.
const searchHitsCypher = "CALL () { UNWIND $queries AS query CALL db.index.fulltext.queryNodes($index, query) YIELD node " +
	"WITH DISTINCT node WITH node, [l IN labels(node) WHERE l IN $labels] AS ls WHERE size(ls) > 0 " +
	"RETURN collect([head(ls), properties(node), COUNT { (node)--() }]) AS hits } "

// searchStatsCypher adds the statistics the ranking needs: how many
// searchable nodes of those labels there are and how many words they
// hold. %s is a label expression made of validated labels.
const searchStatsCypher = "CALL () { MATCH (n:%s) RETURN count(n) AS total, " +
	"sum(CASE WHEN coalesce(n.%s, '') = '' THEN 0 ELSE size(split(n.%s, ' ')) END) AS words } "

// StatsTTL is how long the search statistics of a label set are reused.
// A write through this store forgets them at once; writes through other
// confgraph processes sharing the database reach the ranking after at
// most this long (they change scores slightly, never which nodes match).
var StatsTTL = 2 * time.Second

type searchStats struct {
	total, words int
	at           time.Time
}

// cachedStats returns the fresh statistics of a label set.
func (s *Store) cachedStats(key string) (searchStats, bool) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	st, ok := s.stats[key]
	return st, ok && time.Since(st.at) < StatsTTL
}

// forgetStats drops the statistics after a write.
func (s *Store) forgetStats() {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	s.stats = nil
}

// maxSearchWords is Lucene's default bound on the clauses of a query.
const maxSearchWords = 1024

// Search returns the nodes of labels (every searchable label when empty)
// with a searchable field holding a word of text, best first.
func (s *Store) Search(ctx context.Context, text string, labels []confgraph.Label, limit int) ([]confgraph.SearchHit, error) {
	terms, labels, err := confgraph.SearchLabels(text, labels)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: search: %w", err)
	}
	var names []string
	for _, l := range labels {
		names = append(names, string(l))
	}
	// The words hold only letters and digits, none of which Lucene's
	// query syntax gives a meaning, and are lower case, so none is an
	// operator. Each term asks the index for its word, the words it
	// starts (Lucene's prefix operator, word*) when it is the last one, and
	// the words within its typos (the fuzzy operator, word~1 or word~2,
	// which counts a swap of neighbours as one edit, as the ranking does):
	// the candidates hold every hit, and confgraph.RankSearch keeps and
	// ranks exactly those the search rules match.
	var clauses []string
	for _, t := range terms {
		clauses = append(clauses, t.Word)
		if t.Prefix {
			clauses = append(clauses, t.Word+"*")
		}
		if t.Edits > 0 {
			clauses = append(clauses, fmt.Sprintf("%s~%d", t.Word, t.Edits))
		}
	}
	var queries []string
	for part := range slices.Chunk(clauses, maxSearchWords) {
		queries = append(queries, strings.Join(part, " OR "))
	}
	key := strings.Join(names, "|")
	cypher := searchHitsCypher + "RETURN -1 AS total, -1 AS words, hits"
	st, fresh := s.cachedStats(key)
	if !fresh {
		cypher = fmt.Sprintf(searchStatsCypher, key, searchTextProp, searchTextProp) + searchHitsCypher + "RETURN total, words, hits"
	}
	recs, err := s.query(ctx, cypher, map[string]any{"index": fulltextIndex, "queries": queries, "labels": names})
	if err != nil {
		return nil, s.fail(ctx, "search", err)
	}
	if len(recs) != 1 || len(recs[0].Values) != 3 {
		return nil, s.fail(ctx, "search", fmt.Errorf("search returned %d records", len(recs)))
	}
	if !fresh {
		t, _ := recs[0].Values[0].(int64)
		w, _ := recs[0].Values[1].(int64)
		st = searchStats{total: int(t), words: int(w), at: time.Now()}
		s.statsMu.Lock()
		if s.stats == nil {
			s.stats = map[string]searchStats{}
		}
		s.stats[key] = st
		s.statsMu.Unlock()
	}
	total, totalWords := st.total, st.words
	hits, _ := recs[0].Values[2].([]any)
	docs := make([]confgraph.SearchDoc, 0, len(hits))
	for _, h := range hits {
		pair, _ := h.([]any)
		if len(pair) != 3 {
			return nil, s.fail(ctx, "search", fmt.Errorf("search hit %v", h))
		}
		degree, _ := pair[2].(int64)
		label, _ := pair[0].(string)
		n, err := decodeNode(confgraph.Label(label), pair[1])
		if err != nil {
			return nil, s.fail(ctx, "search", err)
		}
		// The stored words are confgraph.SearchWords joined by spaces.
		props, _ := pair[1].(map[string]any)
		text, _ := props[searchTextProp].(string)
		var words []string
		if text != "" {
			words = strings.Split(text, " ")
		}
		docs = append(docs, confgraph.SearchDoc{Node: n, Words: words, Degree: int(degree)})
	}
	return confgraph.RankSearch(terms, docs, total, totalWords, limit), nil
}

// ShortestPath returns a shortest path of at most maxHops relationships of
// the given types (any when none) in either direction between two nodes,
// or nil when there is none: of several, the first in
// confgraph.PathBefore's order, as confgraph.Eval chooses. One statement
// finds both ends (by ID, whatever their labels) and the path.
func (s *Store) ShortestPath(ctx context.Context, from, to string, maxHops int, types []confgraph.RelType) (*confgraph.Path, error) {
	if err := confgraph.CheckPath(maxHops, types); err != nil {
		return nil, fmt.Errorf("neo4jstore: shortest path: %w", err)
	}
	typePattern := ""
	for i, t := range types {
		if i == 0 {
			typePattern = ":"
		} else {
			typePattern += "|"
		}
		typePattern += ident(string(t))
	}
	if from == to {
		m, err := s.Nodes(ctx, []string{from})
		if err != nil {
			return nil, err
		}
		if m[from] == nil {
			return nil, confgraph.Errorf(confgraph.ENOTFOUND, "no node with id %q", from)
		}
		return &confgraph.Path{Nodes: []confgraph.Node{m[from]}}, nil
	}
	params := map[string]any{"from": from, "to": to}
	run := func(cypher string) ([]*neo4j.Record, []any, error) {
		recs, err := s.query(ctx, fmt.Sprintf(cypher, typePattern, maxHops), params)
		if err != nil {
			return nil, nil, s.fail(ctx, "shortest path", err)
		}
		if len(recs) != 1 || len(recs[0].Values) != 3 {
			return nil, nil, s.fail(ctx, "shortest path", fmt.Errorf("shortest path returned %d records", len(recs)))
		}
		ends, _ := recs[0].Values[0].([]any)
		if len(ends) != 2 {
			return nil, nil, s.fail(ctx, "shortest path", fmt.Errorf("path ends %v", recs[0].Values[0]))
		}
		return recs, ends, nil
	}
	// IDs made by confgraph.ID name their label: look there first (one
	// index each), and under every label when that finds nothing.
	var recs []*neo4j.Record
	var ends []any
	var err error
	lf, okf := confgraph.LabelOfID(from)
	lt, okt := confgraph.LabelOfID(to)
	if okf && okt {
		if recs, ends, err = run(shortestPathHinted[[2]confgraph.Label{lf, lt}]); err != nil {
			return nil, err
		}
	}
	if ends == nil || ends[0] == nil || ends[1] == nil {
		if recs, ends, err = run(shortestPathCypher); err != nil {
			return nil, err
		}
	}
	for i, id := range []string{from, to} {
		if ends[i] == nil {
			return nil, confgraph.Errorf(confgraph.ENOTFOUND, "no node with id %q", id)
		}
	}
	nodes, _ := recs[0].Values[1].([]any)
	if recs[0].Values[1] == nil {
		return nil, nil
	}
	p := &confgraph.Path{}
	for _, x := range nodes {
		pair, _ := x.([]any)
		if len(pair) != 2 {
			return nil, s.fail(ctx, "shortest path", fmt.Errorf("path node %v", x))
		}
		label, _ := pair[0].(string)
		n, err := decodeNode(confgraph.Label(label), pair[1])
		if err != nil {
			return nil, s.fail(ctx, "shortest path", err)
		}
		p.Nodes = append(p.Nodes, n)
	}
	rels, _ := recs[0].Values[2].([]any)
	for _, x := range rels {
		row, _ := x.([]any)
		if len(row) != 4 {
			return nil, s.fail(ctx, "shortest path", fmt.Errorf("path relationship %v", x))
		}
		t, _ := row[0].(string)
		if !slices.Contains(confgraph.RelTypes, confgraph.RelType(t)) {
			return nil, s.fail(ctx, "shortest path", fmt.Errorf("path relationship of unknown type %q", t))
		}
		r, err := decodeRel(confgraph.RelType(t), row[1], row[2], row[3])
		if err != nil {
			return nil, s.fail(ctx, "shortest path", err)
		}
		p.Rels = append(p.Rels, r)
	}
	return p, nil
}

// backfillSearchText gives searchable nodes stored by earlier versions,
// which did not have it, their searchTextProp.
func (s *Store) backfillSearchText(ctx context.Context) error {
	for _, l := range confgraph.Labels {
		if _, ok := confgraph.SearchFields[l]; !ok {
			continue
		}
		L := ident(string(l))
		find := fmt.Sprintf("MATCH (n:%s) WHERE n.%s IS NULL RETURN properties(n) AS props LIMIT %d", L, ident(searchTextProp), chunkSize)
		set := fmt.Sprintf("UNWIND $rows AS row MATCH (n:%s {id: row.id}) SET n.%s = row.text", L, ident(searchTextProp))
		for {
			recs, err := s.exec(ctx, find, nil)
			if err != nil {
				return err
			}
			if len(recs) == 0 {
				break
			}
			rows := make([]any, 0, len(recs))
			for _, rec := range recs {
				n, err := decodeNode(l, rec.Values[0])
				if err != nil {
					return err
				}
				rows = append(rows, map[string]any{"id": n.NodeID(), "text": searchText(n)})
			}
			if _, err := s.exec(ctx, set, map[string]any{"rows": rows}); err != nil {
				return err
			}
		}
	}
	return nil
}
