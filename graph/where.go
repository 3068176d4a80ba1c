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
		w.scalar(name, f.Elem())
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

// opOrder is the order in which a property filter's operators become
// conditions (each names the confgraph.Op of the same name and the
// generated input field that holds it), so that a filter is always
// translated the same way and its first bad value is the one reported.
var opOrder = []confgraph.Op{confgraph.OpEq, confgraph.OpContains, confgraph.OpStartsWith, confgraph.OpEndsWith,
	confgraph.OpLt, confgraph.OpLte, confgraph.OpGt, confgraph.OpGte, confgraph.OpIn, confgraph.OpIsNull}

// formats check the values of the filters on a string written in one
// form, by the filter's type, and give what the store compares: a
// global ID's store ID, a date or a time of day as written.
var formats = map[string]func(field, s string) (string, error){
	"IDFilter":   func(_, s string) (string, error) { return StoreID(s) },
	"DateFilter": format(confgraph.IsDate, "a date (YYYY-MM-DD)"),
	"TimeFilter": format(regexp.MustCompile(`^(?:[01]\d|2[0-3]):[0-5]\d$`).MatchString, "a time of day (HH:MM, 24-hour)"),
}

// format is the check of values that ok accepts; the error of another
// names what it is not.
func format(ok func(string) bool, what string) func(field, s string) (string, error) {
	return func(field, s string) (string, error) {
		if !ok(s) {
			return s, confgraph.Errorf(confgraph.EINVALID, "%s: %q is not %s", field, s, what)
		}
		return s, nil
	}
}

// scalar adds the conditions of a filter on one property (any of the
// generated *StringFilter, *IntFilter, *LevelFilter, ...): one per
// operator set, with its value as given (an enum's by its name), checked
// by the filter type's format; caseInsensitive folds every comparison
// but isNull.
func (w *where) scalar(field string, v reflect.Value) {
	fold := false
	if ci := v.FieldByName("CaseInsensitive"); ci.IsValid() && !ci.IsNil() {
		fold = ci.Elem().Bool()
	}
	check := formats[v.Type().Name()]
	value := func(x reflect.Value) any {
		if x.Kind() == reflect.Int {
			return int(x.Int())
		}
		if check == nil {
			return x.String()
		}
		s, err := check(field, x.String())
		w.fail(err)
		return s
	}
	for _, op := range opOrder {
		f := v.FieldByName(strings.ToUpper(string(op[:1])) + string(op[1:]))
		switch {
		case !f.IsValid() || f.IsNil():
		case op == confgraph.OpIsNull:
			w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: op, Value: f.Elem().Bool()})
		case op == confgraph.OpIn:
			vs := make([]any, f.Len())
			for i := range vs {
				vs[i] = value(f.Index(i))
			}
			w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: op, Values: vs, Fold: fold})
		default:
			w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: op, Value: value(f.Elem()), Fold: fold})
		}
	}
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
