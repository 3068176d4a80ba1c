package memstore

import (
	"context"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
)

// filterFrom builds a filter on talks from fuzz bytes: each byte picks the
// next piece (a condition, a quantified relationship, a boolean group).
func filterFrom(data []byte, label confgraph.Label, depth int) (*confgraph.Filter, []byte) {
	f := &confgraph.Filter{}
	fields := []string{}
	for name := range confgraph.Fields[label] {
		fields = append(fields, name)
	}
	for len(data) > 0 {
		b := data[0]
		data = data[1:]
		switch b % 7 {
		case 0:
			return f, data
		case 1, 2:
			name := fields[int(b/7)%len(fields)]
			op := []confgraph.Op{confgraph.OpEq, confgraph.OpContains, confgraph.OpStartsWith, confgraph.OpEndsWith, confgraph.OpLt, confgraph.OpGte}[int(b)%6]
			var v any = string(data[:min(len(data), 3)])
			if confgraph.Fields[label][name] == confgraph.KindInt {
				v = int(b)
				if op == confgraph.OpContains || op == confgraph.OpStartsWith || op == confgraph.OpEndsWith {
					op = confgraph.OpEq
				}
			} else if confgraph.Fields[label][name] == confgraph.KindString && (op == confgraph.OpLt || op == confgraph.OpGte) {
				op = confgraph.OpEq
			}
			f.Conds = append(f.Conds, confgraph.Cond{Field: name, Op: op, Value: v, Fold: b&1 == 1})
		case 3, 4:
			if depth >= 3 {
				continue
			}
			var rels []confgraph.RelCond
			for _, t := range confgraph.RelTypes {
				from, to := t.Endpoints()
				if from == label {
					rels = append(rels, confgraph.RelCond{Rel: t, Dir: confgraph.Out})
				}
				if to == label {
					rels = append(rels, confgraph.RelCond{Rel: t, Dir: confgraph.In})
				}
			}
			r := rels[int(b/7)%len(rels)]
			r.Quant = []confgraph.Quantifier{confgraph.Some, confgraph.All, confgraph.None, confgraph.Single}[int(b)%4]
			from, to := r.Rel.Endpoints()
			far := to
			if r.Dir == confgraph.In {
				far = from
			}
			r.Where, data = filterFrom(data, far, depth+1)
			f.Rels = append(f.Rels, r)
		case 5:
			if depth >= 3 {
				continue
			}
			var g *confgraph.Filter
			g, data = filterFrom(data, label, depth+1)
			if b&8 == 0 {
				f.Or = append(f.Or, g)
			} else {
				f.Not = g
			}
		case 6:
			if depth >= 3 {
				continue
			}
			var g *confgraph.Filter
			g, data = filterFrom(data, label, depth+1)
			f.And = append(f.And, g)
		}
	}
	return f, data
}

// FuzzFilter evaluates random filters on the contract fixture: nothing
// panics, Count agrees with Find, and the index-driven evaluation agrees
// with checking every node.
func FuzzFilter(f *testing.F) {
	f.Add([]byte{3, 1, 'a', 0})
	f.Add([]byte{4, 3, 8, 1, 'x', 0, 5, 2, 'B', 0})
	s := New()
	if err := s.Write(context.Background(), storetest.Fixture()); err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, label := range []confgraph.Label{confgraph.LabelTalk, confgraph.LabelSpeaker} {
			where, _ := filterFrom(data, label, 0)
			nodes, err := s.Find(ctx, confgraph.Query{Label: label, Where: where, Limit: 1000})
			if err != nil {
				if confgraph.ErrorCode(err) != confgraph.EINVALID {
					t.Fatalf("Find: %v", err)
				}
				continue
			}
			n, err := s.Count(ctx, label, where)
			if err != nil || n != len(nodes) {
				t.Fatalf("Count = %d, %v; Find returned %d", n, err, len(nodes))
			}
			// The same answer without the indexes: check every node.
			want := 0
			for _, node := range s.byLabel[label] {
				if s.match(node, where) {
					want++
				}
			}
			if want != len(nodes) {
				t.Fatalf("indexed evaluation found %d, a full scan %d, for %+v", len(nodes), want, where)
			}
		}
	})
}
