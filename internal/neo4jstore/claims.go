package neo4jstore

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// What each document says of a node (a confgraph.Claim) is kept in a node
// of its own, labelled claimLabel, outside the graph's labels and never
// linked: the properties of the node as that document gives them, its id
// included, plus the claiming document, its rank and the node's label. A
// node's own properties are resolved from its claims
// (confgraph.Claims.Resolve) whenever one of them changes.
const (
	claimLabel    = "Claim"
	claimDocProp  = "claimDocument"
	claimRankProp = "claimRank"
	claimOfProp   = "claimLabel"
)

var (
	claimSchema = []string{
		fmt.Sprintf("CREATE INDEX claim_id IF NOT EXISTS FOR (c:%s) ON (c.id)", claimLabel),
		fmt.Sprintf("CREATE INDEX claim_document IF NOT EXISTS FOR (c:%s) ON (c.%s)", claimLabel, claimDocProp),
	}
	readClaimsQuery = fmt.Sprintf("MATCH (c:%s) WHERE c.id IN $ids RETURN c.%s AS label, properties(c) AS props", claimLabel, claimOfProp)
	// writeClaimsQuery sets each claim, or removes it when its row has no
	// properties.
	writeClaimsQuery = fmt.Sprintf(`UNWIND $rows AS row
MERGE (c:%s {id: row.id, %s: row.doc})
WITH c, row
FOREACH (_ IN CASE WHEN row.props IS NULL THEN [1] ELSE [] END | DELETE c)
FOREACH (_ IN CASE WHEN row.props IS NULL THEN [] ELSE [1] END | SET c = row.props)`, claimLabel, claimDocProp)
	docClaimsQuery    = fmt.Sprintf("MATCH (c:%s {%s: $doc}) RETURN c.id AS id", claimLabel, claimDocProp)
	unlinkedQuery     = map[confgraph.Label]string{}
	deleteNodesQuery  = map[confgraph.Label]string{}
	deleteClaimsQuery = fmt.Sprintf("MATCH (c:%s) WHERE c.id IN $ids DELETE c", claimLabel)
)

func init() {
	for _, l := range confgraph.Labels {
		L := ident(string(l))
		unlinkedQuery[l] = fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids AND NOT (n)--() RETURN n.id AS id", L)
		deleteNodesQuery[l] = fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids DETACH DELETE n", L)
	}
}

// readClaims returns the stored claims on the nodes with the given IDs. A
// stored node without any (written before claims were kept) counts as
// claimed by no document in particular, as it is.
func readClaims(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, stored map[string]confgraph.Node) (map[string]confgraph.Claims, error) {
	out := map[string]confgraph.Claims{}
	for chunk := range slices.Chunk(ids, chunkSize) {
		recs, err := collect(ctx, tx, readClaimsQuery, map[string]any{"ids": chunk})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			label, _ := rec.Values[0].(string)
			n, err := decodeNode(confgraph.Label(label), rec.Values[1])
			if err != nil {
				return nil, fmt.Errorf("claim: %w", err)
			}
			p, _ := rec.Values[1].(map[string]any)
			doc, _ := p[claimDocProp].(string)
			rank, _ := p[claimRankProp].(int64)
			out[n.NodeID()] = out[n.NodeID()].With(confgraph.Claim{Document: doc, Rank: int(rank), Node: n})
		}
	}
	for id, n := range stored {
		if len(out[id]) == 0 && slices.Contains(ids, id) {
			out[id] = confgraph.Claims{{Node: n}}
		}
	}
	return out, nil
}

// claimRow is the row writeClaimsQuery takes for a claim, or for its
// removal when gone.
func claimRow(id, doc string, c *confgraph.Claim) map[string]any {
	row := map[string]any{"id": id, "doc": doc, "props": nil}
	if c != nil {
		p := confgraph.Properties(c.Node)
		p[claimDocProp] = c.Document
		p[claimRankProp] = c.Rank
		p[claimOfProp] = string(c.Node.NodeLabel())
		row["props"] = p
	}
	return row
}

// claimChanges returns the rows that turn the claims before into after.
func claimChanges(id string, before, after confgraph.Claims) []any {
	var rows []any
	for _, c := range after {
		i := slices.IndexFunc(before, func(b confgraph.Claim) bool { return b.Document == c.Document })
		if i >= 0 && before[i].Rank == c.Rank && reflect.DeepEqual(confgraph.Properties(before[i].Node), confgraph.Properties(c.Node)) {
			continue
		}
		rows = append(rows, claimRow(id, c.Document, &c))
	}
	for _, b := range before {
		if !slices.ContainsFunc(after, func(c confgraph.Claim) bool { return c.Document == b.Document }) {
			rows = append(rows, claimRow(id, b.Document, nil))
		}
	}
	return rows
}

// writeClaims writes claim rows in chunks.
func writeClaims(ctx context.Context, tx neo4j.ManagedTransaction, rows []any) error {
	for chunk := range slices.Chunk(rows, chunkSize) {
		if _, err := collect(ctx, tx, writeClaimsQuery, map[string]any{"rows": chunk}); err != nil {
			return err
		}
	}
	return nil
}

// retractClaims removes document doc's claims, resolves the nodes it
// claimed again from the claims left and deletes, among those and the
// nodes in touched, the ones no document claims and nothing links.
func retractClaims(ctx context.Context, tx neo4j.ManagedTransaction, doc string, touched map[string]bool) error {
	recs, err := collect(ctx, tx, docClaimsQuery, map[string]any{"doc": doc})
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if id, ok := rec.Values[0].(string); ok {
			touched[id] = true
		}
	}
	if len(touched) == 0 {
		return nil
	}
	stored, err := readNodes(ctx, tx, touched)
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	claims, err := readClaims(ctx, tx, ids, stored)
	if err != nil {
		return err
	}
	var claimRows []any
	nodeRows := map[confgraph.Label][]any{}
	byLabel := map[confgraph.Label][]string{}
	for _, id := range ids {
		n := stored[id]
		if n == nil {
			continue
		}
		before := claims[id]
		after, _ := before.Without(doc)
		claimRows = append(claimRows, claimChanges(id, before, after)...)
		if !after.Documented() {
			byLabel[n.NodeLabel()] = append(byLabel[n.NodeLabel()], id)
		}
		if r := after.Resolve(); r != nil && !reflect.DeepEqual(confgraph.Properties(r), confgraph.Properties(n)) {
			nodeRows[n.NodeLabel()] = append(nodeRows[n.NodeLabel()], map[string]any{"id": id, "props": nodeProps(r)})
		}
	}
	if err := writeClaims(ctx, tx, claimRows); err != nil {
		return err
	}
	if err := writeNodeRows(ctx, tx, nodeRows); err != nil {
		return err
	}
	// Nodes no document claims go when nothing links them.
	for _, l := range confgraph.Labels {
		if len(byLabel[l]) == 0 {
			continue
		}
		recs, err := collect(ctx, tx, unlinkedQuery[l], map[string]any{"ids": byLabel[l]})
		if err != nil {
			return err
		}
		var gone []string
		for _, rec := range recs {
			if id, ok := rec.Values[0].(string); ok {
				gone = append(gone, id)
			}
		}
		if len(gone) == 0 {
			continue
		}
		if _, err := collect(ctx, tx, deleteNodesQuery[l], map[string]any{"ids": gone}); err != nil {
			return err
		}
		if _, err := collect(ctx, tx, deleteClaimsQuery, map[string]any{"ids": gone}); err != nil {
			return err
		}
	}
	return nil
}

// writeNodeRows writes node rows by label, in chunks.
func writeNodeRows(ctx context.Context, tx neo4j.ManagedTransaction, rows map[confgraph.Label][]any) error {
	for _, l := range confgraph.Labels {
		for chunk := range slices.Chunk(rows[l], chunkSize) {
			if _, err := collect(ctx, tx, writeNodesQuery[l], map[string]any{"rows": chunk}); err != nil {
				return err
			}
		}
	}
	return nil
}
