package storetest

import (
	"slices"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// FilterFromBytes builds a valid filter on nodes of label from arbitrary
// bytes, for fuzzing: each byte picks the next piece (a condition, a
// quantified relationship with a filter of its own, a boolean group), up
// to three levels deep.
func FilterFromBytes(data []byte, label confgraph.Label) *confgraph.Filter {
	f, _ := filterFrom(data, label, 0)
	return f
}

func filterFrom(data []byte, label confgraph.Label, depth int) (*confgraph.Filter, []byte) {
	f := &confgraph.Filter{}
	fields := []string{}
	for name := range confgraph.Fields[label] {
		fields = append(fields, name)
	}
	slices.Sort(fields) // the same bytes make the same filter
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
			if b%5 == 4 {
				op, v = confgraph.OpIsNull, b&2 == 2
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
