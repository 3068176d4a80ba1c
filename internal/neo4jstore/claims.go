package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// What each document says of a node (a confgraph.Claim) is kept on the
// node itself, beside the properties resolved from the claims
// (confgraph.Claims.Resolve): the claiming documents and their ranks as
// two parallel lists, and, when more than one document claims the node,
// the properties each gives: the distinct ones (confgraph.Properties as
// JSON) and, per claim, which of them it gives. A company a hundred
// documents name alike is one JSON text and a hundred small integers.
// A node one document claims is that document's claim. Nodes of the
// graph mostly have one claim (talks, recaps), so this costs a load a
// few small properties rather than an object per claim.
const (
	claimDocsProp  = "claimDocuments"
	claimRanksProp = "claimRanks"
	claimPropsProp = "claimProperties"
	claimVarProp   = "claimVariants"
)

// readClaims returns the stored nodes with the given IDs and the claims
// on them. A stored node without claims (written before claims were kept)
// counts as claimed by no document in particular, as it is.
func readClaims(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]confgraph.Node, map[string]confgraph.Claims, error) {
	nodes := map[string]confgraph.Node{}
	claims := map[string]confgraph.Claims{}
	for chunk := range slices.Chunk(ids, chunkSize) {
		recs, err := collect(ctx, tx, nodesQuery, map[string]any{"ids": chunk})
		if err != nil {
			return nil, nil, err
		}
		for _, rec := range recs {
			label, _ := rec.Values[0].(string)
			n, err := decodeNode(confgraph.Label(label), rec.Values[1])
			if err != nil {
				return nil, nil, err
			}
			if _, dup := nodes[n.NodeID()]; dup {
				return nil, nil, fmt.Errorf("node %s is stored under more than one label", n.NodeID())
			}
			nodes[n.NodeID()] = n
			cs, err := decodeClaims(n, rec.Values[1])
			if err != nil {
				return nil, nil, err
			}
			claims[n.NodeID()] = cs
		}
	}
	return nodes, claims, nil
}

// decodeClaims reads the claims kept on node n, whose stored properties
// are v.
func decodeClaims(n confgraph.Node, v any) (confgraph.Claims, error) {
	p, err := newProps("node "+n.NodeID(), v)
	if err != nil {
		return nil, err
	}
	docs, ranks := p.strs(claimDocsProp), p.ints(claimRanksProp)
	texts, variants := p.strs(claimPropsProp), p.ints(claimVarProp)
	if p.err != nil {
		return nil, p.err
	}
	if _, kept := p.m[claimDocsProp]; !kept {
		return confgraph.Claims{{Node: n}}, nil
	}
	if len(docs) == 0 {
		return nil, nil // linked, but claimed by no document any more
	}
	if len(ranks) != len(docs) || (len(docs) > 1 && len(variants) != len(docs)) {
		return nil, fmt.Errorf("node %s: %d claiming documents, %d ranks, %d variants", n.NodeID(), len(docs), len(ranks), len(variants))
	}
	if len(docs) == 1 {
		return confgraph.Claims{{Document: docs[0], Rank: ranks[0], Node: n}}, nil
	}
	decoded := make([]confgraph.Node, len(texts))
	for i, text := range texts {
		m := map[string]any{}
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("node %s: claim %d: %w", n.NodeID(), i, err)
		}
		cn, err := decodeNode(n.NodeLabel(), driverTypes(m))
		if err != nil {
			return nil, fmt.Errorf("claim %d: %w", i, err)
		}
		decoded[i] = cn
	}
	// Kept in claim order (rank, then document), as nodeRow wrote them;
	// claims never change in place, so they may share a node.
	cs := make(confgraph.Claims, len(docs))
	for i, doc := range docs {
		if variants[i] < 0 || variants[i] >= len(decoded) {
			return nil, fmt.Errorf("node %s: claim of %s names variant %d of %d", n.NodeID(), doc, variants[i], len(decoded))
		}
		cs[i] = confgraph.Claim{Document: doc, Rank: ranks[i], Node: decoded[variants[i]]}
	}
	return cs, nil
}

// driverTypes turns JSON values into the types the driver returns, which
// decodeNode reads: int64 for integers, []any for lists.
func driverTypes(m map[string]any) map[string]any {
	for k, v := range m {
		if n, ok := v.(json.Number); ok {
			i, err := n.Int64()
			if err == nil {
				m[k] = i
			}
		}
	}
	return m
}

// nodeRow is the row writeNodesQuery takes for a node resolved from its
// claims: its properties and the claims kept on it. A node left without
// claims (still linked) keeps the properties it had, as the embedded
// store does, and an empty list of claiming documents.
func nodeRow(id string, old confgraph.Node, claims confgraph.Claims) map[string]any {
	n := claims.Resolve()
	if n == nil {
		n = old
	}
	props := nodeProps(n)
	docs := make([]string, len(claims))
	ranks := make([]int, len(claims))
	for i, c := range claims {
		docs[i], ranks[i] = c.Document, c.Rank
	}
	props[claimDocsProp], props[claimRanksProp] = docs, ranks
	if len(claims) > 1 {
		var texts []string
		variants := make([]int, len(claims))
		for i, c := range claims {
			b, _ := json.Marshal(confgraph.Properties(c.Node))
			j := slices.Index(texts, string(b))
			if j < 0 {
				j = len(texts)
				texts = append(texts, string(b))
			}
			variants[i] = j
		}
		props[claimPropsProp], props[claimVarProp] = texts, variants
	}
	return map[string]any{"id": id, "props": props}
}

// sameClaims reports whether two sets of claims say the same.
func sameClaims(a, b confgraph.Claims) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Document != b[i].Document || a[i].Rank != b[i].Rank ||
			!reflect.DeepEqual(confgraph.Properties(a[i].Node), confgraph.Properties(b[i].Node)) {
			return false
		}
	}
	return true
}

// retractClaims takes document doc's claims from the stored nodes in
// touched (held: the claims the database holds) and returns the claims
// left on every stored node, by ID. The touched nodes no document claims
// then are deleted when nothing links them, and forgotten in stored and
// held. Nothing else is written: the caller writes the nodes whose claims
// changed, with what the document says now (writeClaims), so a node the
// document claims as before is not written at all.
func retractClaims(ctx context.Context, tx neo4j.ManagedTransaction, doc string, touched map[string]bool,
	stored map[string]confgraph.Node, held map[string]confgraph.Claims) (map[string]confgraph.Claims, error) {
	base := maps.Clone(held)
	unclaimed := map[confgraph.Label][]string{}
	for _, id := range sortedSet(touched) {
		n := stored[id]
		if n == nil {
			continue
		}
		after, _ := held[id].Without(doc)
		base[id] = after
		if !after.Documented() {
			unclaimed[n.NodeLabel()] = append(unclaimed[n.NodeLabel()], id)
		}
	}
	// Nodes no document claims go when nothing links them.
	for _, l := range confgraph.Labels {
		if len(unclaimed[l]) == 0 {
			continue
		}
		recs, err := collect(ctx, tx, deleteUnlinkedQuery[l], map[string]any{"ids": unclaimed[l]})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			if id, ok := rec.Values[0].(string); ok {
				delete(stored, id)
				delete(held, id)
				delete(base, id)
			}
		}
	}
	return base, nil
}

var deleteUnlinkedQuery = map[confgraph.Label]string{}

func init() {
	for _, l := range confgraph.Labels {
		deleteUnlinkedQuery[l] = fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids AND NOT (n)--() WITH n, n.id AS id DELETE n RETURN id", ident(string(l)))
	}
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
