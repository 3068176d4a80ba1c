package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

func openDriver(ctx context.Context, uri, password string) (neo4j.DriverWithContext, error) {
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", password, ""))
	if err != nil {
		return nil, err
	}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		return nil, err
	}
	return drv, nil
}

// autoCommit runs one statement in its own transaction.
func autoCommit(ctx context.Context, drv neo4j.DriverWithContext, cypher string, params map[string]any) error {
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// wipe deletes every node and relationship (constraints and indexes stay).
func wipe(ctx context.Context, drv neo4j.DriverWithContext) error {
	return autoCommit(ctx, drv, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", nil)
}

func countAll(ctx context.Context, drv neo4j.DriverWithContext) (nodes, rels int64, err error) {
	res, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (n) WITH count(n) AS n RETURN n, COUNT { ()-[]->() } AS r", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		return 0, 0, err
	}
	return res.Records[0].Values[0].(int64), res.Records[0].Values[1].(int64), nil
}

// profile runs PROFILE of a statement and returns its database hits (the
// sum over the plan) and rows.
func profile(ctx context.Context, drv neo4j.DriverWithContext, cypher string, params map[string]any) (int64, error) {
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, profiled(cypher), params)
	if err != nil {
		return 0, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return 0, err
	}
	p := sum.Profile()
	if p == nil {
		return 0, fmt.Errorf("no profile for %.80s", cypher)
	}
	return dbHits(p), nil
}

func dbHits(p neo4j.ProfiledPlan) int64 {
	n := p.DbHits()
	for _, c := range p.Children() {
		n += dbHits(c)
	}
	return n
}

// profiled puts PROFILE after any leading CYPHER options.
func profiled(cypher string) string {
	s := strings.TrimSpace(cypher)
	if strings.HasPrefix(strings.ToUpper(s), "CYPHER ") {
		// CYPHER [version] [options] then the query: PROFILE may follow the options.
		fields := strings.Fields(s)
		i := 1
		for i < len(fields) && (strings.Contains(fields[i], "=") || isVersion(fields[i])) {
			i++
		}
		return strings.Join(fields[:i], " ") + " PROFILE " + strings.Join(fields[i:], " ")
	}
	return "PROFILE " + s
}

func isVersion(s string) bool { return s == "5" || s == "25" || s == "4.4" }

// nodeProps is the property map neo4jstore writes for a node (its
// unexported nodeProps: the export properties, the sortKey and, on
// searchable nodes, the searchText).
func nodeProps(n confgraph.Node) map[string]any {
	p := confgraph.Properties(n)
	p["sortKey"] = strings.ToLower(confgraph.DisplayName(n))
	if _, ok := confgraph.SearchFields[n.NodeLabel()]; ok {
		var words []string
		for _, f := range confgraph.SearchFields[n.NodeLabel()] {
			if v, ok := confgraph.FieldValue(n, f); ok {
				words = append(words, confgraph.Tokens(v.(string))...)
			}
		}
		p["searchText"] = strings.Join(words, " ")
	}
	return p
}

// The same statements as neo4jstore's writeNodesQuery and writeRelsQuery.
func writeNodeCypher(l confgraph.Label) string {
	return fmt.Sprintf("UNWIND $rows AS row MERGE (n:`%s` {id: row.id}) SET n = row.props", l)
}

func writeRelCypher(t confgraph.RelType) string {
	from, to := t.Endpoints()
	return fmt.Sprintf("UNWIND $rows AS row MATCH (a:`%s` {id: row.from}) MATCH (b:`%s` {id: row.to}) MERGE (a)-[r:`%s`]->(b) SET r = row.props RETURN count(r) AS n", from, to, t)
}

// bareLoad writes the rows of b with the same UNWIND … MERGE statements as
// neo4jstore, in one transaction, in chunks of 1000, without reading
// anything first.
func bareLoad(ctx context.Context, drv neo4j.DriverWithContext, b *confgraph.Batch) error {
	nodeRows := map[confgraph.Label][]any{}
	for _, n := range b.Nodes() {
		nodeRows[n.NodeLabel()] = append(nodeRows[n.NodeLabel()], map[string]any{"id": n.NodeID(), "props": nodeProps(n)})
	}
	relRows := map[confgraph.RelType][]any{}
	for _, r := range b.Rels() {
		relRows[r.Type] = append(relRows[r.Type], map[string]any{"from": r.From, "to": r.To, "props": confgraph.RelProperties(r)})
	}
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		for _, l := range confgraph.Labels {
			for chunk := range slices.Chunk(nodeRows[l], 1000) {
				res, err := tx.Run(ctx, writeNodeCypher(l), map[string]any{"rows": chunk})
				if err != nil {
					return struct{}{}, err
				}
				if _, err := res.Consume(ctx); err != nil {
					return struct{}{}, err
				}
			}
		}
		for _, t := range confgraph.RelTypes {
			for chunk := range slices.Chunk(relRows[t], 1000) {
				res, err := tx.Run(ctx, writeRelCypher(t), map[string]any{"rows": chunk})
				if err != nil {
					return struct{}{}, err
				}
				if _, err := res.Consume(ctx); err != nil {
					return struct{}{}, err
				}
			}
		}
		return struct{}{}, nil
	})
	return err
}

// rowLoad writes every node and relationship of b with its own auto-commit
// MERGE: what a loader without batching does.
func rowLoad(ctx context.Context, drv neo4j.DriverWithContext, b *confgraph.Batch) error {
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	run := func(cypher string, params map[string]any) error {
		res, err := sess.Run(ctx, cypher, params)
		if err != nil {
			return err
		}
		_, err = res.Consume(ctx)
		return err
	}
	for _, n := range b.Nodes() {
		q := fmt.Sprintf("MERGE (n:`%s` {id: $id}) SET n = $props", n.NodeLabel())
		if err := run(q, map[string]any{"id": n.NodeID(), "props": nodeProps(n)}); err != nil {
			return err
		}
	}
	for _, r := range b.Rels() {
		from, to := r.Type.Endpoints()
		q := fmt.Sprintf("MATCH (a:`%s` {id: $from}) MATCH (b:`%s` {id: $to}) MERGE (a)-[r:`%s`]->(b) SET r = $props", from, to, r.Type)
		if err := run(q, map[string]any{"from": r.From, "to": r.To, "props": confgraph.RelProperties(r)}); err != nil {
			return err
		}
	}
	return nil
}

func since(t time.Time) float64 { return time.Since(t).Seconds() }
