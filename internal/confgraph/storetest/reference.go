package storetest

import (
	"context"
	"strconv"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// batchGraph is a batch as confgraph.Eval reads it, without indexes:
// every query scans the nodes of its label.
type batchGraph struct {
	b       *confgraph.Batch
	byLabel map[confgraph.Label][]confgraph.Node
	rels    []confgraph.Relationship
	adj     [2]map[confgraph.RelType]map[string][]string // [dir][type][node] -> indexes in rels
}

// Reference returns the reference semantics (confgraph.Eval) over the
// graph a batch holds: the oracle the stores' answers are checked against.
func Reference(ctx context.Context, b *confgraph.Batch) *confgraph.Eval {
	g := &batchGraph{b: b, byLabel: map[confgraph.Label][]confgraph.Node{}, rels: b.Rels()}
	for _, n := range b.Nodes() {
		g.byLabel[n.NodeLabel()] = append(g.byLabel[n.NodeLabel()], n)
	}
	for d := range g.adj {
		g.adj[d] = map[confgraph.RelType]map[string][]string{}
	}
	for i, r := range g.rels {
		for d, id := range [2]string{confgraph.Out: r.From, confgraph.In: r.To} {
			if g.adj[d][r.Type] == nil {
				g.adj[d][r.Type] = map[string][]string{}
			}
			g.adj[d][r.Type][id] = append(g.adj[d][r.Type][id], strconv.Itoa(i))
		}
	}
	return confgraph.NewEval(ctx, g)
}

func (g *batchGraph) Node(id string) confgraph.Node { return g.b.Node(id) }

func (g *batchGraph) Nodes(label confgraph.Label, _ *confgraph.Filter) []confgraph.Node {
	return g.byLabel[label]
}

func (g *batchGraph) Edges(id string, rel confgraph.RelType, dir confgraph.Direction) []string {
	return g.adj[dir][rel][id]
}

func (g *batchGraph) Edge(key string) *confgraph.Relationship {
	i, _ := strconv.Atoi(key)
	return &g.rels[i]
}

// referenceOf is the reference over what a store holds.
func referenceOf(t *testing.T, s confgraph.Store) *confgraph.Eval {
	t.Helper()
	return Reference(context.Background(), dump(t, s))
}
