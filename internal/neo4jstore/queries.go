package neo4jstore

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// The Cypher the store runs. Labels and relationship types cannot be
// query parameters, so each query is built once, here, from the fixed
// enums of confgraph (checked to be plain identifiers); every value is a
// parameter.
var (
	schema          []string
	schemaParams    = map[string]any{"options": map[string]any{"indexConfig": map[string]any{"fulltext.analyzer": "whitespace"}}}
	listQuery       = map[confgraph.Label]string{}
	dumpNodesQuery  = map[confgraph.Label]string{}
	writeNodesQuery = map[confgraph.Label]string{}
	nodesQuery      string
	// shortestPathCypher finds both ends of a path, whatever their labels,
	// and the path; shortestPathHinted finds them under the labels their
	// IDs name (confgraph.ID).
	shortestPathCypher string
	shortestPathHinted = map[[2]confgraph.Label]string{}
	countsQuery        string
	degreesQuery       string
	relatedQuery       = map[confgraph.RelType][2]string{} // by confgraph.Direction
	dumpRelsQuery      = map[confgraph.RelType]string{}
	readRelsQuery      = map[confgraph.RelType]string{}
	writeRelsQuery     = map[confgraph.RelType]string{}
)

var identRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// ident returns name quoted for use as a label or type in Cypher.
func ident(name string) string {
	if !identRE.MatchString(name) {
		panic(fmt.Sprintf("neo4jstore: %q is not a plain identifier", name))
	}
	return "`" + name + "`"
}

// shortestPathTail follows the ends a and b with the path between them:
// of all the shortest ones, the first in confgraph.PathBefore's order. %s
// is the types (":`A`|`B`" or nothing), %d the bound, both checked by the
// caller.
const shortestPathTail = "OPTIONAL CALL (a, b) { MATCH p = allShortestPaths((a)-[%s*..%d]-(b)) " +
	"RETURN p ORDER BY [x IN nodes(p) | x.id], [r IN relationships(p) | type(r)] LIMIT 1 } " +
	"RETURN [a.id, b.id] AS ends, [x IN nodes(p) | [head(labels(x)), properties(x)]] AS nodes, " +
	"[r IN relationships(p) | [type(r), startNode(r).id, endNode(r).id, properties(r)]] AS rels"

func init() {
	var nodes, counts, degrees []string
	for _, l := range confgraph.Labels {
		L := ident(string(l))
		schema = append(schema, fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
			ident(strings.ToLower(string(l))+"_id"), L))
		listQuery[l] = fmt.Sprintf("MATCH (n:%s) RETURN properties(n) AS props ORDER BY n.%s, n.id SKIP $offset LIMIT $limit", L, sortKeyProp)
		dumpNodesQuery[l] = fmt.Sprintf("MATCH (n:%s) RETURN properties(n) AS props ORDER BY n.id", L)
		writeNodesQuery[l] = fmt.Sprintf("UNWIND $rows AS row MERGE (n:%s {id: row.id}) SET n = row.props", L)
		nodes = append(nodes, fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids RETURN '%s' AS label, properties(n) AS props", L, l))
		// Counting before naming the row: a literal beside an aggregate is a
		// grouping key, and grouping yields no row at all for no input.
		counts = append(counts, fmt.Sprintf("MATCH (n:%s) WITH count(n) AS n RETURN '%s' AS key, n", L, l))
	}
	for _, l := range confgraph.Labels {
		// Range indexes for the equality a selective filter starts from and
		// for the display order.
		for _, p := range []string{confgraph.DisplayField(l), sortKeyProp} {
			schema = append(schema, fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)",
				ident(strings.ToLower(string(l))+"_"+p), ident(string(l)), ident(p)))
		}
	}
	// Search reads searchTextProp, the words of confgraph.SearchFields as the
	// embedded store splits them, through an analyzer that only splits on
	// spaces: both stores then see the same words. The index of earlier
	// versions analysed the fields themselves and goes.
	var labels []string
	for _, l := range confgraph.Labels {
		if len(confgraph.SearchFields[l]) > 0 {
			labels = append(labels, ident(string(l)))
		}
	}
	schema = append(schema, "DROP INDEX "+ident(legacyFulltextIndex)+" IF EXISTS")
	schema = append(schema, fmt.Sprintf("CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.%s] OPTIONS $options",
		ident(fulltextIndex), strings.Join(labels, "|"), ident(searchTextProp)))

	for _, t := range confgraph.RelTypes {
		from, to := t.Endpoints()
		F, T, R := ident(string(from)), ident(string(to)), ident(string(t))
		path := fmt.Sprintf("(a:%s)-[r:%s]->(b:%s)", F, R, T)
		relatedQuery[t] = [2]string{
			confgraph.Out: fmt.Sprintf("MATCH %s WHERE a.id IN $ids RETURN a.id AS id, a.id AS from, b.id AS to, properties(r) AS rel, properties(b) AS node", path),
			confgraph.In:  fmt.Sprintf("MATCH %s WHERE b.id IN $ids RETURN b.id AS id, a.id AS from, b.id AS to, properties(r) AS rel, properties(a) AS node", path),
		}
		dumpRelsQuery[t] = fmt.Sprintf("MATCH %s RETURN a.id AS from, b.id AS to, properties(r) AS props ORDER BY a.id, b.id", path)
		readRelsQuery[t] = fmt.Sprintf("UNWIND $rows AS row MATCH (a:%s {id: row.from})-[r:%s]->(b:%s {id: row.to}) RETURN a.id AS from, b.id AS to, properties(r) AS props", F, R, T)
		writeRelsQuery[t] = fmt.Sprintf("UNWIND $rows AS row MATCH (a:%s {id: row.from}) MATCH (b:%s {id: row.to}) MERGE (a)-[r:%s]->(b) SET r = row.props RETURN count(r) AS n", F, T, R)
		counts = append(counts, fmt.Sprintf("MATCH ()-[r:%s]->() WITH count(r) AS n RETURN '%s' AS key, n", R, t))
		// A node's degree is read from its record, so this is one pass
		// over the nodes of each end's label.
		degrees = append(degrees,
			fmt.Sprintf("MATCH (n:%s) WITH max(COUNT { (n)-[:%s]->() }) AS n RETURN '%s' AS key, %d AS dir, n", F, R, t, confgraph.Out),
			fmt.Sprintf("MATCH (n:%s) WITH max(COUNT { (n)<-[:%s]-() }) AS n RETURN '%s' AS key, %d AS dir, n", T, R, t, confgraph.In))
	}
	degreesQuery = strings.Join(degrees, " UNION ALL ")
	nodesQuery = strings.Join(nodes, " UNION ALL ")
	// Each end by its ID under every label (a unique index each), null
	// when there is none; the path only between two ends found. %d is the
	// bound, an int checked by the caller.
	var ends [2][]string
	for _, l := range confgraph.Labels {
		for i, p := range []string{"$from", "$to"} {
			ends[i] = append(ends[i], fmt.Sprintf("MATCH (x:%s {id: %s}) RETURN x", ident(string(l)), p))
		}
	}
	shortestPathCypher = "OPTIONAL CALL () { " + strings.Join(ends[0], " UNION ALL ") + " } WITH x AS a " +
		"OPTIONAL CALL () { " + strings.Join(ends[1], " UNION ALL ") + " } WITH a, x AS b " + shortestPathTail
	for _, from := range confgraph.Labels {
		for _, to := range confgraph.Labels {
			shortestPathHinted[[2]confgraph.Label{from, to}] = fmt.Sprintf("OPTIONAL MATCH (a:%s {id: $from}) OPTIONAL MATCH (b:%s {id: $to}) ",
				ident(string(from)), ident(string(to))) + shortestPathTail
		}
	}
	countsQuery = strings.Join(counts, " UNION ALL ")
}
