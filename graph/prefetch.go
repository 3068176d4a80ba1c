package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// A store that can answer a whole request in one round trip
// (confgraph.Prefetcher, the Neo4j store) is given, with the page of a
// top-level field, a plan of what the field's selection will ask about
// each level of nodes below: one fetch per relationship field, built from
// the field's arguments exactly as its resolver builds its store call, and
// named by the same key the resolver joins calls by (shapeKey). The
// answers wait in the request's batcher; a resolver whose call is among
// them takes it from there instead of calling the store. A call the plan
// did not foresee (a field it does not cover, such as Talk.related) goes
// to the store as before, so a plan can only save round trips, never
// change an answer.

// fieldKind says how a relationship field resolves.
type fieldKind int

const (
	kindList   fieldKind = iota + 1 // relList: a filtered, sorted page of far nodes
	kindConn                        // relConnection: a connection over the far nodes
	kindOne                         // one: the single far node
	kindDegree                      // degreeList: a count
	kindTally                       // a ranking counted over a chain (tallies)
)

// relField is what a relationship field of an object type asks the store.
type relField struct {
	kind  fieldKind
	rel   confgraph.RelType
	dir   confgraph.Direction
	far   string             // GraphQL type of the far nodes (kindList, kindConn, kindOne)
	count confgraph.RelCount // kindDegree
	tally string             // kindTally: a key of tallies
}

func list(rel confgraph.RelType, dir confgraph.Direction, far string) relField {
	return relField{kind: kindList, rel: rel, dir: dir, far: far}
}

func conn(rel confgraph.RelType, dir confgraph.Direction, far string) relField {
	return relField{kind: kindConn, rel: rel, dir: dir, far: far}
}

// relFields are the relationship fields by type and field name; the
// resolvers in schema.resolvers.go make the calls these describe.
var relFields = map[string]map[string]relField{
	"Talk": {
		"speakers": list(confgraph.RelPresented, confgraph.In, "Speaker"), "speakersConnection": conn(confgraph.RelPresented, confgraph.In, "Speaker"),
		"projects": list(confgraph.RelDiscusses, confgraph.Out, "Project"), "projectsConnection": conn(confgraph.RelDiscusses, confgraph.Out, "Project"),
		"recaps": list(confgraph.RelReviews, confgraph.In, "Recap"), "recapsConnection": conn(confgraph.RelReviews, confgraph.In, "Recap"),
		"event": {kind: kindOne, rel: confgraph.RelPartOf, dir: confgraph.Out, far: "Event"}, "eventConnection": conn(confgraph.RelPartOf, confgraph.Out, "Event"),
		"speakerCount": {kind: kindDegree, count: presentedIn},
	},
	"Speaker": {
		"talks": list(confgraph.RelPresented, confgraph.Out, "Talk"), "talksConnection": conn(confgraph.RelPresented, confgraph.Out, "Talk"),
		"companies": list(confgraph.RelWorksAt, confgraph.Out, "Company"), "companiesConnection": conn(confgraph.RelWorksAt, confgraph.Out, "Company"),
		"talkCount": {kind: kindDegree, count: presentedOut},
	},
	"Company": {
		"speakers": list(confgraph.RelWorksAt, confgraph.In, "Speaker"), "speakersConnection": conn(confgraph.RelWorksAt, confgraph.In, "Speaker"),
		"speakerCount": {kind: kindDegree, count: worksAtIn},
		"talkCount":    {kind: kindDegree, count: confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: confgraph.In, Then: &presentedOut}},
		"projects":     {kind: kindTally, tally: "Company.projects"},
	},
	"Project": {
		"talks": list(confgraph.RelDiscusses, confgraph.In, "Talk"), "talksConnection": conn(confgraph.RelDiscusses, confgraph.In, "Talk"),
		"recaps": list(confgraph.RelMentions, confgraph.In, "Recap"), "recapsConnection": conn(confgraph.RelMentions, confgraph.In, "Recap"),
		"talkCount": {kind: kindDegree, count: discussesIn},
		"companies": {kind: kindTally, tally: "Project.companies"},
	},
	"Event": {
		"talks": list(confgraph.RelPartOf, confgraph.In, "Talk"), "talksConnection": conn(confgraph.RelPartOf, confgraph.In, "Talk"),
		"recaps": list(confgraph.RelCovers, confgraph.In, "Recap"), "recapsConnection": conn(confgraph.RelCovers, confgraph.In, "Recap"),
		"talkCount":   {kind: kindDegree, count: partOfIn},
		"topProjects": {kind: kindTally, tally: "Event.topProjects"},
	},
	"Recap": {
		"event": {kind: kindOne, rel: confgraph.RelCovers, dir: confgraph.Out, far: "Event"}, "eventConnection": conn(confgraph.RelCovers, confgraph.Out, "Event"),
		"talks": list(confgraph.RelReviews, confgraph.Out, "Talk"), "talksConnection": conn(confgraph.RelReviews, confgraph.Out, "Talk"),
		"projects": list(confgraph.RelMentions, confgraph.Out, "Project"), "projectsConnection": conn(confgraph.RelMentions, confgraph.Out, "Project"),
	},
}

// tallies are the rankings of the analytics fields.
var tallies = map[string]confgraph.Tally{
	// A company's projects: the talks its speakers gave, each counting once
	// for every project it discusses.
	"Company.projects": {Via: []confgraph.RelCount{worksAtIn, presentedOut}, Far: []confgraph.RelCount{discussesOut}},
	// A project's companies: the talks discussing it, each counting once
	// for every company one of its speakers works at.
	"Project.companies": {Via: []confgraph.RelCount{discussesIn}, Far: []confgraph.RelCount{presentedIn, worksAtOut}},
	// An event's projects: its talks, each counting once per project.
	"Event.topProjects": {Via: []confgraph.RelCount{partOfIn}, Far: []confgraph.RelCount{discussesOut}},
}

// scalarProps are the stored properties (as confgraph.Properties names
// them) each scalar field of a type reads. A field in neither this table
// nor relFields (other than id and __typename) makes the plan read every
// property of its objects.
var scalarProps = map[string]map[string][]string{
	"Talk": {"title": {"title"}, "abstract": {"abstract"}, "level": {"level"}, "kind": {"kind"},
		"durationMinutes": {"durationMinutes"}, "participants": {"participants"}, "date": {"date"}, "startsAt": {"startsAt"}, "room": {"room"},
		"scheduled": {"scheduledDocument", "scheduledLine", "scheduledSnippet", "scheduledRule"},
		"recording": {"recordingPublished", "recordingDocument", "recordingLine", "recordingSnippet", "recordingRule"}},
	"Speaker": {"name": {"name"}, "aliases": {"aliases"}, "bio": {"bio"}, "role": {"role"}},
	"Company": {"name": {"name"}, "aliases": {"aliases"}},
	"Project": {"name": {"name"}, "aliases": {"aliases"}, "homepage": {"homepage"}, "repo": {"repo"}, "maturity": {"maturity"},
		"accepted": {"accepted"}, "incubating": {"incubating"}, "graduated": {"graduated"},
		"maturityOn": {"accepted", "incubating", "graduated", "archived"}},
	"Event": {"name": {"name"}, "city": {"city"}, "country": {"country"}, "year": {"year"},
		"startDate": {"startDate"}, "endDate": {"endDate"}},
	"Recap": {"title": {"title"}, "author": {"author"}, "published": {"published"}, "document": {"document"}},
}

// edgeProps are the relationship properties each field of a
// relationship connection's edge reads.
var edgeProps = map[string][]string{"cursor": nil, "node": nil, "type": nil, "role": {"role"}, "evidence": {"evidence"}}

var implementors = map[string][]string{
	"Talk": talkImplementors, "Speaker": speakerImplementors, "Company": companyImplementors,
	"Project": projectImplementors, "Event": eventImplementors, "Recap": recapImplementors,
}

// degreeKey names a count of rc (with where, for one step).
func degreeKey(rc confgraph.RelCount, where *confgraph.Filter) string {
	if rc.Then == nil {
		return shapeKey("d", rc.Rel, rc.Dir, where)
	}
	return shapeKey("deg", rc)
}

func tallyKey(name string, limit int) string { return shapeKey("tally", name, limit) }

func countKey(label confgraph.Label, where *confgraph.Filter) string {
	return shapeKey("count", label, where)
}

// whereOf turns any of the generated where inputs into a filter.
func whereOf(v any) (*confgraph.Filter, error) {
	switch w := v.(type) {
	case *TalkWhere:
		return talkWhere(w)
	case *SpeakerWhere:
		return speakerWhere(w)
	case *CompanyWhere:
		return companyWhere(w)
	case *ProjectWhere:
		return projectWhere(w)
	case *EventWhere:
		return eventWhere(w)
	case *RecapWhere:
		return recapWhere(w)
	}
	return nil, nil
}

// sortOf turns any of the generated sort inputs into sort keys.
func sortOf(v any) ([]confgraph.SortKey, error) {
	switch s := v.(type) {
	case []*TalkSort:
		return talkSort(s)
	case []*SpeakerSort:
		return speakerSort(s)
	case []*CompanySort:
		return companySort(s)
	case []*ProjectSort:
		return projectSort(s)
	case []*EventSort:
		return eventSort(s)
	case []*RecapSort:
		return recapSort(s)
	}
	return nil, nil
}

func intArg(args map[string]any, name string) *int {
	v, _ := args[name].(*int)
	return v
}

func strArg(args map[string]any, name string) *string {
	v, _ := args[name].(*string)
	return v
}

// planner builds the fetches of a selection. Its context has a response
// context of its own, so that an argument the generated code cannot read
// is not reported twice (the field's resolver reports it).
type planner struct {
	ctx context.Context
	op  *graphql.OperationContext
}

func newPlanner(ctx context.Context) *planner {
	return &planner{
		ctx: graphql.WithResponseContext(ctx, graphql.DefaultErrorPresenter, graphql.DefaultRecover),
		op:  graphql.GetOperationContext(ctx),
	}
}

// children returns the fields selected under f on an object of typ, each
// with its field context (arguments read).
func (p *planner) children(fc *graphql.FieldContext, sel ast.SelectionSet, satisfies []string) []*graphql.FieldContext {
	if fc == nil || fc.Child == nil {
		return nil
	}
	var out []*graphql.FieldContext
	for _, f := range graphql.CollectFields(p.op, sel, satisfies) {
		c, err := fc.Child(p.ctx, f)
		if err != nil || c == nil {
			continue
		}
		out = append(out, c)
	}
	return out
}

// connectionNodes returns the field context and selection of edges.node
// under a connection field.
func (p *planner) connectionNodes(fc *graphql.FieldContext, connType string) []*graphql.FieldContext {
	var out []*graphql.FieldContext
	for _, e := range p.children(fc, fc.Field.Selections, []string{connType}) {
		if e.Field.Name != "edges" {
			continue
		}
		for _, n := range p.children(e, e.Field.Selections, []string{e.Field.Definition.Type.Name()}) {
			if n.Field.Name == "node" {
				out = append(out, n)
			}
		}
	}
	return out
}

// plan returns the fetches the selection of fc (objects of typ) will
// make.
func (p *planner) plan(fc *graphql.FieldContext, typ string) []*confgraph.Fetch {
	var out []*confgraph.Fetch
	for _, c := range p.children(fc, fc.Field.Selections, implementors[typ]) {
		spec, ok := relFields[typ][c.Field.Name]
		if !ok {
			continue
		}
		out = append(out, p.fetches(c, spec)...)
	}
	return mergeFetches(out)
}

// fields returns the properties the selections of fcs (objects of typ)
// read, with those sorted by, or nil for all of them.
func (p *planner) fields(fcs []*graphql.FieldContext, typ string, sort []confgraph.SortKey) []string {
	out := []string{confgraph.DisplayField(confgraph.Label(typ))}
	for _, k := range sort {
		if k.Count == nil {
			out = append(out, k.Field)
		}
	}
	for _, fc := range fcs {
		for _, c := range p.children(fc, fc.Field.Selections, implementors[typ]) {
			name := c.Field.Name
			if _, ok := relFields[typ][name]; ok || name == "id" || name == "__typename" {
				continue
			}
			props, ok := scalarProps[typ][name]
			if !ok {
				return nil
			}
			out = append(out, props...)
		}
	}
	return uniq(out)
}

// edgeFields returns the relationship properties the edges of a
// connection read, or nil for all of them.
func (p *planner) edgeFields(c *graphql.FieldContext, connType string) []string {
	out := []string{}
	for _, e := range p.children(c, c.Field.Selections, []string{connType}) {
		if e.Field.Name != "edges" {
			continue
		}
		for _, f := range p.children(e, e.Field.Selections, []string{e.Field.Definition.Type.Name()}) {
			props, ok := edgeProps[f.Field.Name]
			if !ok && f.Field.Name != "__typename" {
				return nil
			}
			out = append(out, props...)
		}
	}
	return uniq(out)
}

// fetches are the store calls of one relationship field, as its resolver
// makes them.
func (p *planner) fetches(c *graphql.FieldContext, spec relField) []*confgraph.Fetch {
	switch spec.kind {
	case kindList:
		w, err := whereOf(c.Args["where"])
		k, kerr := sortOf(c.Args["sort"])
		if err != nil || kerr != nil {
			return nil
		}
		q, none, err := relPageQuery(w, k, intArg(c.Args, "limit"), intArg(c.Args, "offset"))
		if err != nil || none {
			return nil
		}
		return []*confgraph.Fetch{{Key: shapeKey("rq", spec.rel, spec.dir, q), Kind: confgraph.FetchPage, Rel: spec.rel, Dir: spec.dir, Query: q,
			Then: p.plan(c, spec.far), Fields: p.fields([]*graphql.FieldContext{c}, spec.far, k), RelFields: []string{}}}
	case kindConn:
		w, err := whereOf(c.Args["where"])
		k, kerr := sortOf(c.Args["sort"])
		if err != nil || kerr != nil {
			return nil
		}
		q, err := connQuery("", w, k, intArg(c.Args, "first"), strArg(c.Args, "after"), nil, nil)
		if err != nil {
			return nil
		}
		q.Limit++
		nodes := p.connectionNodes(c, c.Field.Definition.Type.Name())
		page := &confgraph.Fetch{Key: shapeKey("rq", spec.rel, spec.dir, q), Kind: confgraph.FetchPage, Rel: spec.rel, Dir: spec.dir, Query: q,
			Fields: p.fields(nodes, spec.far, k), RelFields: p.edgeFields(c, c.Field.Definition.Type.Name())}
		// The cursors of the page count what its sort keys count.
		for _, key := range k {
			if key.Count != nil {
				page.Then = append(page.Then, &confgraph.Fetch{Key: degreeKey(*key.Count, nil), Kind: confgraph.FetchDegree, Count: *key.Count})
			}
		}
		for _, n := range nodes {
			page.Then = append(page.Then, p.plan(n, spec.far)...)
		}
		page.Then = mergeFetches(page.Then)
		total := confgraph.RelCount{Rel: spec.rel, Dir: spec.dir}
		return []*confgraph.Fetch{page, {Key: degreeKey(total, w), Kind: confgraph.FetchDegree, Count: total, Where: w}}
	case kindOne:
		return []*confgraph.Fetch{{Key: shapeKey("r", spec.rel, spec.dir), Kind: confgraph.FetchEdges, Rel: spec.rel, Dir: spec.dir,
			Then: p.plan(c, spec.far), Fields: p.fields([]*graphql.FieldContext{c}, spec.far, nil), RelFields: []string{}}}
	case kindDegree:
		return []*confgraph.Fetch{{Key: degreeKey(spec.count, nil), Kind: confgraph.FetchDegree, Count: spec.count}}
	case kindTally:
		t := tallies[spec.tally]
		rp, err := rankPageOf(spec.tally, intArg(c.Args, "first"), intArg(c.Args, "limit"), intArg(c.Args, "offset"))
		if err != nil || rp.none {
			return nil
		}
		t.Limit = rp.storeLimit()
		return []*confgraph.Fetch{{Key: tallyKey(spec.tally, t.Limit), Kind: confgraph.FetchTally, Tally: t}}
	}
	return nil
}

// firstOr is a page size argument, or def when not given.
func firstOr(first *int, def int) (int, error) {
	n := def
	if first != nil {
		n = *first
	}
	return n, checkPage("first", n)
}

// mergeFetches drops repeated fetches (the same call, asked by two
// fields), keeping what each asks below.
func mergeFetches(fs []*confgraph.Fetch) []*confgraph.Fetch {
	var out []*confgraph.Fetch
	at := map[string]*confgraph.Fetch{}
	for _, f := range fs {
		if g, ok := at[f.Key]; ok {
			g.Then = mergeFetches(append(g.Then, f.Then...))
			g.Fields, g.RelFields = union(g.Fields, f.Fields), union(g.RelFields, f.RelFields)
			continue
		}
		at[f.Key] = f
		out = append(out, f)
	}
	return out
}

// union joins two property lists, nil meaning all.
func union(a, b []string) []string {
	if a == nil || b == nil {
		return nil
	}
	return uniq(append(append([]string{}, a...), b...))
}

// findPlanned is s.Find for a top-level field whose objects are of typ:
// with a store that prefetches, the page comes with the answers of the
// field's plan. conn says the field is a connection (its nodes are under
// edges.node, and its totalCount counts q).
func findPlanned(ctx context.Context, s confgraph.Store, q confgraph.Query, typ string, conn bool) ([]confgraph.Node, error) {
	pf, ok := s.(confgraph.Prefetcher)
	b := batcherFrom(ctx)
	fc := graphql.GetFieldContext(ctx)
	if !ok || b == nil || fc == nil {
		return s.Find(ctx, q)
	}
	p := newPlanner(ctx)
	plan := confgraph.Plan{Query: q}
	if conn {
		for _, c := range p.children(fc, fc.Field.Selections, []string{fc.Field.Definition.Type.Name()}) {
			plan.Total = plan.Total || c.Field.Name == "totalCount"
		}
		for _, key := range q.Sort {
			if key.Count != nil {
				plan.Fetches = append(plan.Fetches, &confgraph.Fetch{Key: degreeKey(*key.Count, nil), Kind: confgraph.FetchDegree, Count: *key.Count})
			}
		}
		nodes := p.connectionNodes(fc, fc.Field.Definition.Type.Name())
		for _, n := range nodes {
			plan.Fetches = append(plan.Fetches, p.plan(n, typ)...)
		}
		plan.Fetches = mergeFetches(plan.Fetches)
		plan.Fields = p.fields(nodes, typ, q.Sort)
	} else {
		plan.Fetches = p.plan(fc, typ)
		plan.Fields = p.fields([]*graphql.FieldContext{fc}, typ, q.Sort)
	}
	res, err := pf.Prefetch(ctx, plan)
	if errors.Is(err, confgraph.ErrNoPrefetch) || confgraph.ErrorCode(err) == confgraph.EINVALID {
		// Asked step by step, a bad argument fails at its own field.
		return s.Find(ctx, q)
	}
	if err != nil {
		return nil, err
	}
	b.remember(res)
	if plan.Total {
		b.rememberCount(countKey(q.Label, q.Where), res.Total)
	}
	return res.Nodes, nil
}

// countOf counts the nodes a top-level connection pages through (a
// prefetch's answer, or a store call).
func countOf(ctx context.Context, s confgraph.Store, q confgraph.Query) (int, error) {
	if n, ok := prefetchedCount(ctx, countKey(q.Label, q.Where)); ok {
		return n, nil
	}
	return s.Count(ctx, q.Label, q.Where)
}
