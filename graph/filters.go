package graph

import (
	"encoding/base64"
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Global IDs are the stores' IDs ("talk:…"), base64url-encoded so that
// clients treat them as opaque.

// GlobalID returns the global ID of a store ID.
func GlobalID(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

// StoreID decodes a global ID.
func StoreID(gid string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil || !strings.Contains(string(b), ":") {
		return "", confgraph.Errorf(confgraph.EINVALID, "%q is not a global ID returned by this API", gid)
	}
	return string(b), nil
}

// where collects the conditions of one GraphQL filter object.
type where struct {
	f   *confgraph.Filter
	err error
}

func newWhere() *where { return &where{f: &confgraph.Filter{}} }

func (w *where) cond(field string, op confgraph.Op, v any, fold bool) {
	w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: op, Value: v, Fold: fold})
}

func (w *where) isNull(field string, v *bool) {
	if v != nil {
		w.cond(field, confgraph.OpIsNull, *v, false)
	}
}

func (w *where) in(field string, vs []any, fold bool) {
	w.f.Conds = append(w.f.Conds, confgraph.Cond{Field: field, Op: confgraph.OpIn, Values: vs, Fold: fold})
}

func (w *where) str(field string, f *StringFilter) {
	if f == nil {
		return
	}
	fold := f.CaseInsensitive != nil && *f.CaseInsensitive
	for _, c := range []struct {
		op confgraph.Op
		v  *string
	}{{confgraph.OpEq, f.Eq}, {confgraph.OpContains, f.Contains}, {confgraph.OpStartsWith, f.StartsWith}, {confgraph.OpEndsWith, f.EndsWith}} {
		if c.v != nil {
			w.cond(field, c.op, *c.v, fold)
		}
	}
	if f.In != nil {
		w.in(field, anys(f.In), fold)
	}
	w.isNull(field, f.IsNull)
}

func (w *where) num(field string, f *IntFilter) {
	if f == nil {
		return
	}
	for _, c := range []struct {
		op confgraph.Op
		v  *int
	}{{confgraph.OpEq, f.Eq}, {confgraph.OpLt, f.Lt}, {confgraph.OpLte, f.Lte}, {confgraph.OpGt, f.Gt}, {confgraph.OpGte, f.Gte}} {
		if c.v != nil {
			w.cond(field, c.op, *c.v, false)
		}
	}
	if f.In != nil {
		w.in(field, anys(f.In), false)
	}
	w.isNull(field, f.IsNull)
}

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (w *where) date(field string, f *DateFilter) {
	if f != nil {
		w.checked(field, dateRe, "a date (YYYY-MM-DD)", [5]*string{f.Eq, f.Lt, f.Lte, f.Gt, f.Gte}, f.In, f.IsNull)
	}
}

var timeRe = regexp.MustCompile(`^(?:[01]\d|2[0-3]):[0-5]\d$`)

// timeOfDay adds the conditions on a time of day, HH:MM.
func (w *where) timeOfDay(field string, f *TimeFilter) {
	if f != nil {
		w.checked(field, timeRe, "a time of day (HH:MM, 24-hour)", [5]*string{f.Eq, f.Lt, f.Lte, f.Gt, f.Gte}, f.In, f.IsNull)
	}
}

// checked adds the conditions of a filter on a string written in one
// format (a date, a time of day): eq, lt, lte, gt, gte in that order, in
// and isNull; a value re does not match is an error naming what it is not.
func (w *where) checked(field string, re *regexp.Regexp, what string, ops [5]*string, in []string, isNull *bool) {
	check := func(s string) string {
		if !re.MatchString(s) && w.err == nil {
			w.err = confgraph.Errorf(confgraph.EINVALID, "%s: %q is not %s", field, s, what)
		}
		return s
	}
	for i, op := range []confgraph.Op{confgraph.OpEq, confgraph.OpLt, confgraph.OpLte, confgraph.OpGt, confgraph.OpGte} {
		if ops[i] != nil {
			w.cond(field, op, check(*ops[i]), false)
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
	if f == nil {
		return
	}
	decode := func(g string) string {
		id, err := StoreID(g)
		if err != nil && w.err == nil {
			w.err = err
		}
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

func (w *where) enum(field string, eq *string, in []string) {
	if eq != nil {
		w.cond(field, confgraph.OpEq, *eq, false)
	}
	if in != nil {
		w.in(field, anys(in), false)
	}
}

// rel adds the quantified conditions of a relationship filter; conv turns
// the inner filters into domain filters.
func rel[T any](w *where, r confgraph.RelType, d confgraph.Direction, some, all, none, single *T, conv func(*T) (*confgraph.Filter, error)) {
	for _, c := range []struct {
		q     confgraph.Quantifier
		inner *T
	}{{confgraph.Some, some}, {confgraph.All, all}, {confgraph.None, none}, {confgraph.Single, single}} {
		if c.inner == nil {
			continue
		}
		f, err := conv(c.inner)
		if err != nil && w.err == nil {
			w.err = err
		}
		w.f.Rels = append(w.f.Rels, confgraph.RelCond{Rel: r, Dir: d, Quant: c.q, Where: f})
	}
}

// toOne adds the condition of a to-one link (a talk's or a recap's event):
// the node at its end matches inner; a node without one never matches.
func toOne[T any](w *where, r confgraph.RelType, d confgraph.Direction, inner *T, conv func(*T) (*confgraph.Filter, error)) {
	if inner == nil {
		return
	}
	f, err := conv(inner)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.f.Rels = append(w.f.Rels, confgraph.RelCond{Rel: r, Dir: d, Quant: confgraph.Some, Where: f})
}

// group adds AND, OR and NOT groups.
func group[T any](w *where, and, or []*T, not *T, conv func(*T) (*confgraph.Filter, error)) {
	for _, g := range and {
		f, err := conv(g)
		if err != nil && w.err == nil {
			w.err = err
		}
		w.f.And = append(w.f.And, f)
	}
	for _, g := range or {
		f, err := conv(g)
		if err != nil && w.err == nil {
			w.err = err
		}
		w.f.Or = append(w.f.Or, f)
	}
	if not != nil {
		f, err := conv(not)
		if err != nil && w.err == nil {
			w.err = err
		}
		w.f.Not = f
	}
}

func (w *where) done() (*confgraph.Filter, error) {
	if w.err != nil {
		return nil, w.err
	}
	return w.f, nil
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func talkWhere(t *TalkWhere) (*confgraph.Filter, error) {
	if t == nil {
		return nil, nil
	}
	w := newWhere()
	w.id(t.ID)
	w.str("title", t.Title)
	w.str("abstract", t.Abstract)
	if t.Level != nil {
		w.enum("level", (*string)(t.Level.Eq), levels(t.Level.In))
		w.isNull("level", t.Level.IsNull)
	}
	if t.Kind != nil {
		w.enum("kind", (*string)(t.Kind.Eq), kinds(t.Kind.In))
	}
	w.num("durationMinutes", t.DurationMinutes)
	w.num("participants", t.Participants)
	w.date("date", t.Date)
	w.timeOfDay("startsAt", t.StartsAt)
	w.str("room", t.Room)
	if s := t.Speakers; s != nil {
		rel(w, confgraph.RelPresented, confgraph.In, s.Some, s.All, s.None, s.Single, speakerWhere)
	}
	if p := t.Projects; p != nil {
		rel(w, confgraph.RelDiscusses, confgraph.Out, p.Some, p.All, p.None, p.Single, projectWhere)
	}
	toOne(w, confgraph.RelPartOf, confgraph.Out, t.Event, eventWhere)
	if r := t.Recaps; r != nil {
		rel(w, confgraph.RelReviews, confgraph.In, r.Some, r.All, r.None, r.Single, recapWhere)
	}
	group(w, t.And, t.Or, t.Not, talkWhere)
	return w.done()
}

func speakerWhere(t *SpeakerWhere) (*confgraph.Filter, error) {
	if t == nil {
		return nil, nil
	}
	w := newWhere()
	w.id(t.ID)
	w.str("name", t.Name)
	w.str("bio", t.Bio)
	w.str("role", t.Role)
	if x := t.Talks; x != nil {
		rel(w, confgraph.RelPresented, confgraph.Out, x.Some, x.All, x.None, x.Single, talkWhere)
	}
	if x := t.Companies; x != nil {
		rel(w, confgraph.RelWorksAt, confgraph.Out, x.Some, x.All, x.None, x.Single, companyWhere)
	}
	group(w, t.And, t.Or, t.Not, speakerWhere)
	return w.done()
}

func companyWhere(t *CompanyWhere) (*confgraph.Filter, error) {
	if t == nil {
		return nil, nil
	}
	w := newWhere()
	w.id(t.ID)
	w.str("name", t.Name)
	if x := t.Speakers; x != nil {
		rel(w, confgraph.RelWorksAt, confgraph.In, x.Some, x.All, x.None, x.Single, speakerWhere)
	}
	group(w, t.And, t.Or, t.Not, companyWhere)
	return w.done()
}

func projectWhere(t *ProjectWhere) (*confgraph.Filter, error) {
	if t == nil {
		return nil, nil
	}
	w := newWhere()
	w.id(t.ID)
	w.str("name", t.Name)
	w.str("homepage", t.Homepage)
	w.str("maturity", t.Maturity)
	w.date("accepted", t.Accepted)
	w.date("incubating", t.Incubating)
	w.date("graduated", t.Graduated)
	if x := t.Talks; x != nil {
		rel(w, confgraph.RelDiscusses, confgraph.In, x.Some, x.All, x.None, x.Single, talkWhere)
	}
	if x := t.Recaps; x != nil {
		rel(w, confgraph.RelMentions, confgraph.In, x.Some, x.All, x.None, x.Single, recapWhere)
	}
	group(w, t.And, t.Or, t.Not, projectWhere)
	return w.done()
}

func eventWhere(t *EventWhere) (*confgraph.Filter, error) {
	if t == nil {
		return nil, nil
	}
	w := newWhere()
	w.id(t.ID)
	w.str("name", t.Name)
	w.str("city", t.City)
	w.str("country", t.Country)
	w.num("year", t.Year)
	w.date("startDate", t.StartDate)
	w.date("endDate", t.EndDate)
	if x := t.Talks; x != nil {
		rel(w, confgraph.RelPartOf, confgraph.In, x.Some, x.All, x.None, x.Single, talkWhere)
	}
	if x := t.Recaps; x != nil {
		rel(w, confgraph.RelCovers, confgraph.In, x.Some, x.All, x.None, x.Single, recapWhere)
	}
	group(w, t.And, t.Or, t.Not, eventWhere)
	return w.done()
}

func recapWhere(t *RecapWhere) (*confgraph.Filter, error) {
	if t == nil {
		return nil, nil
	}
	w := newWhere()
	w.id(t.ID)
	w.str("title", t.Title)
	w.str("author", t.Author)
	w.date("published", t.Published)
	w.str("document", t.Document)
	toOne(w, confgraph.RelCovers, confgraph.Out, t.Event, eventWhere)
	if x := t.Talks; x != nil {
		rel(w, confgraph.RelReviews, confgraph.Out, x.Some, x.All, x.None, x.Single, talkWhere)
	}
	if x := t.Projects; x != nil {
		rel(w, confgraph.RelMentions, confgraph.Out, x.Some, x.All, x.None, x.Single, projectWhere)
	}
	group(w, t.And, t.Or, t.Not, recapWhere)
	return w.done()
}

func levels(in []confgraph.Level) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, l := range in {
		out[i] = string(l)
	}
	return out
}

func kinds(in []confgraph.TalkKind) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, k := range in {
		out[i] = string(k)
	}
	return out
}
