package graph

import (
	"context"
	"encoding/base64"
	"sort"
	"strconv"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var (
	worksAtIn    = confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: confgraph.In}
	worksAtOut   = confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: confgraph.Out}
	presentedOut = confgraph.RelCount{Rel: confgraph.RelPresented, Dir: confgraph.Out}
	presentedIn  = confgraph.RelCount{Rel: confgraph.RelPresented, Dir: confgraph.In}
	discussesOut = confgraph.RelCount{Rel: confgraph.RelDiscusses, Dir: confgraph.Out}
	discussesIn  = confgraph.RelCount{Rel: confgraph.RelDiscusses, Dir: confgraph.In}
	partOfIn     = confgraph.RelCount{Rel: confgraph.RelPartOf, Dir: confgraph.In}
)

// rankPage is the page of a ranking (Company.projects, Project.companies,
// Event.topProjects): at most limit entries (all when unset) after offset.
type rankPage struct {
	limit, offset int
	unset, none   bool
}

// rankPageOf reads a ranking's page arguments. topProjects keeps its old
// `first` (the same as limit) and shows 10 when given neither; the other
// rankings show every entry when given no limit.
func rankPageOf(name string, first, limit, offset *int) (rankPage, error) {
	var p rankPage
	if first != nil && limit != nil {
		return p, confgraph.Errorf(confgraph.EINVALID, "give first or limit, not both")
	}
	if limit == nil {
		limit = first
	}
	switch {
	case limit != nil:
		p.limit = *limit
		p.none = p.limit == 0
	case name == "Event.topProjects":
		p.limit = 10
	default:
		p.unset = true
	}
	if offset != nil {
		p.offset = *offset
	}
	if err := checkPage("limit", p.limit); err != nil {
		return p, err
	}
	if p.offset < 0 {
		return p, confgraph.Errorf(confgraph.EINVALID, "offset must not be negative")
	}
	return p, nil
}

// storeLimit is how many entries to ask the store for: the page and what
// it skips, or 0 for all.
func (p rankPage) storeLimit() int {
	if p.unset {
		return 0
	}
	return p.offset + p.limit
}

// cut returns the page of a ranked list.
func (p rankPage) cut(list []confgraph.Counted) []confgraph.Counted {
	if p.offset >= len(list) {
		return nil
	}
	list = list[p.offset:]
	if !p.unset && len(list) > p.limit {
		list = list[:p.limit]
	}
	return list
}

// ranking counts the named tally for every parent and cuts each list to
// its page; nil lists when the page is empty by request.
func (r *Resolver) ranking(ctx context.Context, parents []string, name string, first, limit, offset *int) ([][]confgraph.Counted, error) {
	p, err := rankPageOf(name, first, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([][]confgraph.Counted, len(parents))
	if p.none {
		return out, nil
	}
	counted, err := tallyOf(ctx, r.Store, parents, name, p.storeLimit())
	if err != nil {
		return nil, err
	}
	for i, id := range parents {
		out[i] = p.cut(counted[id])
	}
	return out, nil
}

// companyProjects: for each company, the projects its speakers' talks
// discuss, with how many of those talks discuss each.
func (r *Resolver) companyProjects(ctx context.Context, objs []*confgraph.Company, limit, offset *int) ([][]*ProjectCount, error) {
	lists, err := r.ranking(ctx, ids(objs), "Company.projects", nil, limit, offset)
	if err != nil {
		return nil, err
	}
	return projectCounts(lists), nil
}

// projectCompanies: for each project, the companies whose speakers' talks
// discuss it, with how many such talks.
func (r *Resolver) projectCompanies(ctx context.Context, objs []*confgraph.Project, limit, offset *int) ([][]*CompanyCount, error) {
	lists, err := r.ranking(ctx, ids(objs), "Project.companies", nil, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([][]*CompanyCount, len(objs))
	for i, list := range lists {
		out[i] = []*CompanyCount{}
		for _, x := range list {
			if c, ok := x.Node.(*confgraph.Company); ok {
				out[i] = append(out[i], &CompanyCount{Company: c, TalkCount: x.N})
			}
		}
	}
	return out, nil
}

// topProjects: for each event, the projects most of its talks discuss.
func (r *Resolver) topProjects(ctx context.Context, objs []*confgraph.Event, first, limit, offset *int) ([][]*ProjectCount, error) {
	lists, err := r.ranking(ctx, ids(objs), "Event.topProjects", first, limit, offset)
	if err != nil {
		return nil, err
	}
	return projectCounts(lists), nil
}

func projectCounts(lists [][]confgraph.Counted) [][]*ProjectCount {
	out := make([][]*ProjectCount, len(lists))
	for i, list := range lists {
		out[i] = []*ProjectCount{}
		for _, x := range list {
			if p, ok := x.Node.(*confgraph.Project); ok {
				out[i] = append(out[i], &ProjectCount{Project: p, TalkCount: x.N})
			}
		}
	}
	return out
}

// relatedPaths are the ways relatedTalks finds other talks: out from a
// talk to what it shares, and back to the talks that share it, with the
// weight of one shared thing.
var relatedPaths = []struct {
	out, back []confgraph.RelCount
	weight    float64
	kind      string
}{
	{[]confgraph.RelCount{presentedIn}, []confgraph.RelCount{presentedOut}, 3, "speaker"},
	{[]confgraph.RelCount{discussesOut}, []confgraph.RelCount{discussesIn}, 2, "project"},
	{[]confgraph.RelCount{presentedIn, worksAtOut}, []confgraph.RelCount{worksAtIn, presentedOut}, 1, "company"},
}

// relatedTalks scores other talks by what they share with each talk: 3 per
// speaker, 2 per project, 1 per company of a speaker. It walks the graph
// out and back in a fixed number of store calls, however many talks.
func (r *Resolver) relatedTalks(ctx context.Context, objs []*confgraph.Talk, first *int) ([][]*RelatedTalk, error) {
	n := 5
	if first != nil {
		n = *first
	}
	if err := checkPage("first", n); err != nil {
		return nil, err
	}
	start := ids(objs)
	paths := relatedPaths
	score := map[string]map[string]float64{}
	reasons := map[string]map[string][]string{}
	talkNodes := map[string]confgraph.Node{}
	for _, p := range paths {
		reach, err := walk(ctx, r.Store, start, p.out...)
		if err != nil {
			return nil, err
		}
		shared := reach[len(reach)-1]
		var via []string
		for _, m := range shared {
			for id := range m {
				via = append(via, id)
			}
		}
		back, err := walk(ctx, r.Store, uniq(via), p.back...)
		if err != nil {
			return nil, err
		}
		for _, t := range start {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if score[t] == nil {
				score[t], reasons[t] = map[string]float64{}, map[string][]string{}
			}
			for vid, v := range shared[t] {
				for oid, o := range back[len(back)-1][vid] {
					if oid == t {
						continue
					}
					talkNodes[oid] = o
					score[t][oid] += p.weight
					reasons[t][oid] = append(reasons[t][oid], p.kind+" "+confgraph.DisplayName(v))
				}
			}
		}
	}
	out := make([][]*RelatedTalk, len(objs))
	for i, t := range start {
		var others []string
		for id := range score[t] {
			others = append(others, id)
		}
		sort.Slice(others, func(a, b int) bool {
			sa, sb := score[t][others[a]], score[t][others[b]]
			if sa != sb {
				return sa > sb
			}
			return confgraph.Less(talkNodes[others[a]], talkNodes[others[b]])
		})
		out[i] = []*RelatedTalk{}
		for _, id := range others {
			if len(out[i]) == n {
				break
			}
			rs := reasons[t][id]
			sort.Strings(rs)
			out[i] = append(out[i], &RelatedTalk{Talk: talkNodes[id].(*confgraph.Talk), Score: score[t][id], Reasons: rs})
		}
	}
	return out, nil
}

// byName finds a node by a name, ignoring case; for a label whose nodes
// have aliases (speakers, companies, projects), a node none of whose names
// is that is then looked up by its aliases ("k8s" finds Kubernetes).
func byName[T confgraph.Node](ctx context.Context, s confgraph.Store, label confgraph.Label, field, name string) (T, error) {
	var zero T
	nodes, err := findPlanned(ctx, s, confgraph.Query{Label: label, Limit: 1,
		Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: field, Op: confgraph.OpEq, Value: name, Fold: true}}}}, string(label), false)
	if err == nil && len(nodes) == 0 && confgraph.HasAliases(label) {
		nodes, err = findPlanned(ctx, s, confgraph.Query{Label: label, Limit: 1,
			Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: confgraph.AliasField, Op: confgraph.OpEq, Value: name, Fold: true}}}}, string(label), false)
	}
	if err != nil || len(nodes) == 0 {
		return zero, err
	}
	t, _ := nodes[0].(T)
	return t, nil
}

// byID finds a node by its store ID: with a store that prefetches, as a
// page of the label the ID names (confgraph.LabelOfID) with the field's
// plan, and by Nodes when that finds nothing or the store does not.
func byID(ctx context.Context, s confgraph.Store, sid string) (confgraph.Node, error) {
	if l, ok := confgraph.LabelOfID(sid); ok {
		if _, pf := s.(confgraph.Prefetcher); pf {
			nodes, err := findPlanned(ctx, s, confgraph.Query{Label: l, Limit: 1,
				Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "id", Op: confgraph.OpEq, Value: sid}}}}, string(l), false)
			if err != nil {
				return nil, err
			}
			if len(nodes) == 1 {
				return nodes[0], nil
			}
		}
	}
	m, err := s.Nodes(ctx, []string{sid})
	if err != nil {
		return nil, err
	}
	return m[sid], nil
}

func (r *Resolver) talk(ctx context.Context, id, title *string) (*confgraph.Talk, error) {
	switch {
	case id != nil && title != nil:
		return nil, confgraph.Errorf(confgraph.EINVALID, "give id or title, not both")
	case id != nil:
		sid, err := StoreID(*id)
		if err != nil {
			return nil, err
		}
		n, err := byID(ctx, r.Store, sid)
		if err != nil {
			return nil, err
		}
		t, _ := n.(*confgraph.Talk)
		return t, nil
	case title != nil:
		return byName[*confgraph.Talk](ctx, r.Store, confgraph.LabelTalk, "title", *title)
	}
	return nil, confgraph.Errorf(confgraph.EINVALID, "give id or title")
}

var searchLabels = map[SearchType]confgraph.Label{
	SearchTypeTalk: confgraph.LabelTalk, SearchTypeSpeaker: confgraph.LabelSpeaker, SearchTypeProject: confgraph.LabelProject,
	SearchTypeCompany: confgraph.LabelCompany, SearchTypeRecap: confgraph.LabelRecap,
}

// maxSearchDepth bounds how far search pages go (after + first).
const maxSearchDepth = 1000

// searchCursor is the opaque cursor of the result at position i (from 0)
// of a search's ranking.
func searchCursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("search:" + strconv.Itoa(i)))
}

func decodeSearchCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	n, convErr := strconv.Atoi(strings.TrimPrefix(string(b), "search:"))
	if err != nil || convErr != nil || !strings.HasPrefix(string(b), "search:") || n < 0 {
		return 0, confgraph.Errorf(confgraph.EINVALID, "invalid search cursor %q", c)
	}
	return n, nil
}

func (r *Resolver) search(ctx context.Context, query string, types []SearchType, first *int, after *string) ([]*SearchResult, error) {
	n := 10
	if first != nil {
		n = *first
	}
	if n < 1 || n > confgraph.MaxPage {
		return nil, confgraph.Errorf(confgraph.EINVALID, "first must be between 1 and %d", confgraph.MaxPage)
	}
	if len(query) > confgraph.MaxSearchLength {
		return nil, confgraph.Errorf(confgraph.EINVALID, "the search text is longer than %d characters", confgraph.MaxSearchLength)
	}
	skip := 0
	if after != nil {
		at, err := decodeSearchCursor(*after)
		if err != nil {
			return nil, err
		}
		skip = at + 1
	}
	if skip+n > maxSearchDepth {
		return nil, confgraph.Errorf(confgraph.EINVALID, "search pages stop at result %d", maxSearchDepth)
	}
	var labels []confgraph.Label
	for _, t := range types {
		labels = append(labels, searchLabels[t])
	}
	hits, err := r.Store.Search(ctx, query, labels, skip+n)
	if err != nil {
		return nil, err
	}
	out := []*SearchResult{}
	for i := skip; i < len(hits); i++ {
		out = append(out, &SearchResult{Score: hits[i].Score, Node: hits[i].Node, Cursor: searchCursor(i)})
	}
	return out, nil
}

func (r *Resolver) shortestPath(ctx context.Context, from, to string, maxHops *int, relTypes []RelationshipType) (*Path, error) {
	a, err := StoreID(from)
	if err != nil {
		return nil, err
	}
	b, err := StoreID(to)
	if err != nil {
		return nil, err
	}
	hops := 4
	if maxHops != nil {
		hops = *maxHops
	}
	types := make([]confgraph.RelType, len(relTypes))
	for i, t := range relTypes {
		types[i] = confgraph.RelType(t)
	}
	p, err := r.Store.ShortestPath(ctx, a, b, hops, types)
	if err != nil || p == nil {
		return nil, err
	}
	out := &Path{Length: len(p.Rels), Nodes: p.Nodes, Relationships: []*PathRelationship{}}
	for _, rel := range p.Rels {
		out.Relationships = append(out.Relationships, &PathRelationship{Type: string(rel.Type), From: GlobalID(rel.From), To: GlobalID(rel.To), Evidence: evidence(rel)})
	}
	return out, nil
}

// maturityOn works out a project's CNCF maturity on a day from the days
// its maturity changed.
func maturityOn(p *confgraph.Project, date string) (*string, error) {
	if !dateRe.MatchString(date) {
		return nil, confgraph.Errorf(confgraph.EINVALID, "date %q is not YYYY-MM-DD", date)
	}
	// Later stages win on the same day (a project may join as incubating).
	stages := []struct{ day, name string }{
		{p.Accepted, "sandbox"}, {p.Incubating, "incubating"}, {p.Graduated, "graduated"}, {p.Archived, "archived"},
	}
	var got string
	for _, s := range stages {
		if s.day != "" && s.day <= date {
			got = s.name
		}
	}
	if got == "" {
		return nil, nil
	}
	return &got, nil
}

// eventDays gives each event's first (or last) day: the one a document
// states, else the first (last) day its schedules date a talk, asked in
// one store call for all the events that state none.
func (r *Resolver) eventDays(ctx context.Context, objs []*confgraph.Event, last bool) ([]*string, error) {
	out := make([]*string, len(objs))
	var missing []string
	for i, e := range objs {
		day := e.StartDate
		if last {
			day = e.EndDate
		}
		if day != "" {
			out[i] = &day
		} else {
			missing = append(missing, e.ID)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	q := confgraph.Query{Limit: 1,
		Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "date", Op: confgraph.OpIsNull, Value: false}}},
		Sort:  []confgraph.SortKey{{Field: "date", Desc: last}}}
	m, err := relatedQuery(ctx, r.Store, uniq(missing), confgraph.RelPartOf, confgraph.In, q)
	if err != nil {
		return nil, err
	}
	for i, e := range objs {
		if out[i] != nil || len(m[e.ID]) == 0 {
			continue
		}
		if t, ok := m[e.ID][0].Node.(*confgraph.Talk); ok && t.Date != "" {
			day := t.Date
			out[i] = &day
		}
	}
	return out, nil
}
