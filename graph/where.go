package graph

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// The where and sort inputs of every object type are translated by one
// walk over the generated input structs: a field that names a
// relationship field of the type (relFields) becomes a relationship
// condition or a count sort key, any other a condition on, or a sort by,
// the property of that name.

// whereOf turns any of the generated where inputs (*TalkWhere, ...) into
// a filter; nil for none.
func whereOf(v any) (*confgraph.Filter, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.IsNil() {
		return nil, nil
	}
	w := &where{f: &confgraph.Filter{}}
	w.object(rv.Elem())
	if w.err != nil {
		return nil, w.err
	}
	return w.f, nil
}

// where collects the conditions of one GraphQL filter object; err is the
// first bad value met.
type where struct {
	f   *confgraph.Filter
	err error
}

func (w *where) fail(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// sub converts an inner filter object.
func (w *where) sub(v reflect.Value) *confgraph.Filter {
	f, err := whereOf(v.Interface())
	w.fail(err)
	return f
}

func (w *where) object(v reflect.Value) {
	typ := strings.TrimSuffix(v.Type().Name(), "Where")
	for i := range v.NumField() {
		f := v.Field(i)
		if f.IsNil() {
			continue
		}
		name := jsonName(v.Type().Field(i))
		switch name {
		case "AND":
			for j := range f.Len() {
				w.f.And = append(w.f.And, w.sub(f.Index(j)))
			}
			continue
		case "OR":
			for j := range f.Len() {
				w.f.Or = append(w.f.Or, w.sub(f.Index(j)))
			}
			continue
		case "NOT":
			w.f.Not = w.sub(f)
			continue
		}
		if spec, ok := relFields[typ][name]; ok {
			w.rel(spec, f.Elem())
			continue
		}
		switch x := f.Interface().(type) {
		case *IDFilter:
			w.id(x)
		case *StringFilter:
			w.str(name, x)
		case *IntFilter:
			w.num(name, x)
		case *DateFilter:
			w.checked(name, confgraph.IsDate, "a date (YYYY-MM-DD)", [5]*string{x.Eq, x.Lt, x.Lte, x.Gt, x.Gte}, x.In, x.IsNull)
		case *TimeFilter:
			w.checked(name, timeRe.MatchString, "a time of day (HH:MM, 24-hour)", [5]*string{x.Eq, x.Lt, x.Lte, x.Gt, x.Gte}, x.In, x.IsNull)
		default:
			w.enum(name, f.Elem())
		}
	}
}

// rel adds the conditions of a relationship filter: the quantified
// some/all/none/single of a list, or the far node of a to-one link (a
// talk's or a recap's event), which a node without one never matches.
func (w *where) rel(spec relField, v reflect.Value) {
	cond := func(q confgraph.Quantifier, inner reflect.Value) {
		w.f.Rels = append(w.f.Rels, confgraph.RelCond{Rel: spec.rel, Dir: spec.dir, Quant: q, Where: w.sub(inner)})
	}
	if spec.kind == kindOne {
		cond(confgraph.Some, v.Addr())
		return
	}
	for _, q := range []confgraph.Quantifier{confgraph.Some, confgraph.All, confgraph.None, confgraph.Single} {
		if inner := v.FieldByName(strings.ToUpper(string(q[:1])) + string(q[1:])); !inner.IsNil() {
			cond(q, inner)
		}
	}
}

func (w *where) cond(field string, op confgraph.Op, v any, fold bool) {
	w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: op, Value: v, Fold: fold})
}

func (w *where) in(field string, vs []any, fold bool) {
	w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: confgraph.OpIn, Values: vs, Fold: fold})
}

func (w *where) isNull(field string, v *bool) {
	if v != nil {
		w.cond(field, confgraph.OpIsNull, *v, false)
	}
}

func (w *where) str(field string, f *StringFilter) {
	fold := f.CaseInsensitive != nil && *f.CaseInsensitive
	for i, op := range []confgraph.Op{confgraph.OpEq, confgraph.OpContains, confgraph.OpStartsWith, confgraph.OpEndsWith} {
		if v := []*string{f.Eq, f.Contains, f.StartsWith, f.EndsWith}[i]; v != nil {
			w.cond(field, op, *v, fold)
		}
	}
	if f.In != nil {
		w.in(field, anys(f.In), fold)
	}
	w.isNull(field, f.IsNull)
}

var orderOps = []confgraph.Op{confgraph.OpEq, confgraph.OpLt, confgraph.OpLte, confgraph.OpGt, confgraph.OpGte}

func (w *where) num(field string, f *IntFilter) {
	for i, v := range []*int{f.Eq, f.Lt, f.Lte, f.Gt, f.Gte} {
		if v != nil {
			w.cond(field, orderOps[i], *v, false)
		}
	}
	if f.In != nil {
		w.in(field, anys(f.In), false)
	}
	w.isNull(field, f.IsNull)
}

var timeRe = regexp.MustCompile(`^(?:[01]\d|2[0-3]):[0-5]\d$`)

// checked adds the conditions of a filter on a string written in one
// format (a date, a time of day): eq, lt, lte, gt, gte in that order, in
// and isNull; a value ok rejects is an error naming what it is not.
func (w *where) checked(field string, ok func(string) bool, what string, ops [5]*string, in []string, isNull *bool) {
	check := func(s string) string {
		if !ok(s) {
			w.fail(confgraph.Errorf(confgraph.EINVALID, "%s: %q is not %s", field, s, what))
		}
		return s
	}
	for i, v := range ops {
		if v != nil {
			w.cond(field, orderOps[i], check(*v), false)
		}
	}
	if in != nil {
		for _, s := range in {
			check(s)
		}
		w.in(field, anys(in), false)
	}
	w.isNull(field, isNull)
}

func (w *where) id(f *IDFilter) {
	decode := func(g string) string {
		id, err := StoreID(g)
		w.fail(err)
		return id
	}
	if f.Eq != nil {
		w.cond("id", confgraph.OpEq, decode(*f.Eq), false)
	}
	if f.In != nil {
		ids := make([]any, len(f.In))
		for i, g := range f.In {
			ids[i] = decode(g)
		}
		w.in("id", ids, false)
	}
}

// enum adds the conditions of a filter on an enumerated property (eq,
// in, isNull), whatever its Go enum type.
func (w *where) enum(field string, v reflect.Value) {
	if eq := v.FieldByName("Eq"); eq.IsValid() && !eq.IsNil() {
		w.cond(field, confgraph.OpEq, eq.Elem().String(), false)
	}
	if in := v.FieldByName("In"); in.IsValid() && !in.IsNil() {
		vs := make([]any, in.Len())
		for i := range vs {
			vs[i] = in.Index(i).String()
		}
		w.in(field, vs, false)
	}
	if n := v.FieldByName("IsNull"); n.IsValid() {
		w.isNull(field, n.Interface().(*bool))
	}
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// sortOf turns any of the generated sort inputs ([]*TalkSort, ...) into
// sort keys; each input object must set exactly one field.
func sortOf(v any) ([]confgraph.SortKey, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Slice {
		return nil, nil
	}
	var out []confgraph.SortKey
	for i := range rv.Len() {
		s := rv.Index(i).Elem()
		var set []confgraph.SortKey
		for j := range s.NumField() {
			d, _ := s.Field(j).Interface().(*SortDirection)
			if d == nil {
				continue
			}
			name := jsonName(s.Type().Field(j))
			k := confgraph.SortKey{Field: name, Desc: *d == SortDirectionDesc}
			if spec, ok := relFields[strings.TrimSuffix(s.Type().Name(), "Sort")][name]; ok && spec.kind == kindDegree {
				c := spec.count
				k.Field, k.Count = "", &c
			}
			set = append(set, k)
		}
		if len(set) != 1 {
			return nil, confgraph.Errorf(confgraph.EINVALID, "each %s must set exactly one field, got %d", s.Type().Name(), len(set))
		}
		out = append(out, set[0])
	}
	return out, nil
}
