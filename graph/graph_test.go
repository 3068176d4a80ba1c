package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/confgraph/confgraph/graph"
	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
)

// fixture is a small invented conference: two talks by Ada Okafor of Acme
// Cloud, one with Bruno Lindqvist of Globex, both discussing Lumen, and a
// recap of the event.
func fixture() *confgraph.Batch {
	b := confgraph.NewBatch()
	ev := func(line int, s string) []confgraph.Evidence {
		return []confgraph.Evidence{{Document: "listing.txt", Line: line, Snippet: s}}
	}
	for _, n := range []confgraph.Node{
		&confgraph.Event{ID: "event:summit-2031", Name: "Example Summit 2031", City: "Lisbon", Year: 2031},
		&confgraph.Talk{ID: "talk:ebpf", Title: "eBPF for Everyone", Level: confgraph.LevelBeginner, Kind: confgraph.KindTalk, Date: "2031-03-19", StartsAt: "11:00"},
		&confgraph.Talk{ID: "talk:meshes", Title: "Zero Trust Meshes", Level: confgraph.LevelAdvanced, Kind: confgraph.KindTalk, Date: "2031-03-18", StartsAt: "09:30"},
		&confgraph.Talk{ID: "talk:closing", Title: "Closing Remarks", Kind: confgraph.KindOther},
		&confgraph.Speaker{ID: "speaker:ada", Name: "Ada Okafor", Aliases: []string{"A. Okafor"}},
		&confgraph.Speaker{ID: "speaker:bruno", Name: "Bruno Lindqvist"},
		&confgraph.Company{ID: "company:acme", Name: "Acme Cloud"},
		&confgraph.Company{ID: "company:globex", Name: "Globex"},
		&confgraph.Project{ID: "project:lumen", Name: "Lumen", Accepted: "2027-05-04", Incubating: "2029-01-17", Maturity: "incubating"},
		&confgraph.Recap{ID: "recap:lisbon", Title: "What We Learned in Lisbon", Published: "2031-03-25"},
	} {
		b.AddNode(n)
	}
	for _, r := range []confgraph.Relationship{
		{Type: confgraph.RelPresented, From: "speaker:ada", To: "talk:ebpf", Role: "speaker", Evidence: ev(3, "eBPF for Everyone - Ada Okafor")},
		{Type: confgraph.RelPresented, From: "speaker:ada", To: "talk:meshes", Role: "speaker", Evidence: ev(7, "Zero Trust Meshes - Ada Okafor, Bruno Lindqvist")},
		{Type: confgraph.RelPresented, From: "speaker:bruno", To: "talk:meshes", Role: "speaker", Evidence: ev(7, "Zero Trust Meshes - Ada Okafor, Bruno Lindqvist")},
		{Type: confgraph.RelWorksAt, From: "speaker:ada", To: "company:acme", Evidence: ev(3, "Ada Okafor, Acme Cloud")},
		{Type: confgraph.RelWorksAt, From: "speaker:bruno", To: "company:globex", Evidence: ev(7, "Bruno Lindqvist, Globex")},
		{Type: confgraph.RelPartOf, From: "talk:ebpf", To: "event:summit-2031", Evidence: ev(3, "eBPF for Everyone")},
		{Type: confgraph.RelPartOf, From: "talk:meshes", To: "event:summit-2031", Evidence: ev(7, "Zero Trust Meshes")},
		{Type: confgraph.RelPartOf, From: "talk:closing", To: "event:summit-2031", Evidence: ev(9, "Closing Remarks")},
		{Type: confgraph.RelDiscusses, From: "talk:ebpf", To: "project:lumen", Evidence: ev(4, "Probing Lumen")},
		{Type: confgraph.RelDiscusses, From: "talk:meshes", To: "project:lumen", Evidence: ev(8, "Lumen as a data plane")},
		{Type: confgraph.RelCovers, From: "recap:lisbon", To: "event:summit-2031", Evidence: ev(1, "Lisbon")},
		{Type: confgraph.RelReviews, From: "recap:lisbon", To: "talk:meshes", Evidence: ev(2, "the mesh talk")},
		{Type: confgraph.RelMentions, From: "recap:lisbon", To: "project:lumen", Evidence: ev(1, "Lumen")},
	} {
		b.AddRel(r)
	}
	return b
}

// stepwise is the embedded store answering prefetch plans step by step,
// so that the planner's fetches are used by the resolvers.
type stepwise struct{ confgraph.Store }

func (s stepwise) Prefetch(ctx context.Context, p confgraph.Plan) (*confgraph.Prefetched, error) {
	return confgraph.PrefetchStepwise(ctx, s.Store, p)
}

// clients returns a GraphQL client over the fixture, with and without a
// planner's prefetch.
func clients(t *testing.T) map[string]*client.Client {
	t.Helper()
	st := memstore.New()
	if err := st.Write(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	out := map[string]*client.Client{}
	for name, s := range map[string]confgraph.Store{"Stepwise": st, "Planned": stepwise{st}} {
		srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Store: s}}))
		srv.AddTransport(transport.POST{})
		srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
			return next(batch.With(ctx))
		})
		out[name] = client.New(srv)
	}
	return out
}

// query runs q on both clients and returns the (equal) answer as JSON.
func query(t *testing.T, q string) string {
	t.Helper()
	var answers []string
	for name, c := range clients(t) {
		var resp any
		if err := c.Post(q, &resp); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := json.Marshal(resp)
		answers = append(answers, string(b))
	}
	if answers[0] != answers[1] {
		t.Fatalf("the planned answer differs from the stepwise one:\n%s\n%s", answers[0], answers[1])
	}
	return answers[0]
}

func TestFields(t *testing.T) {
	for _, c := range []struct{ name, query, want string }{
		{"TalkSpeakersAndTheirCompanies",
			`{ talk(title: "zero trust meshes") { speakerCount event { name } speakers { name companies { name } } projects { name } recaps { title } } }`,
			`{"talk":{"event":{"name":"Example Summit 2031"},"projects":[{"name":"Lumen"}],"recaps":[{"title":"What We Learned in Lisbon"}],"speakerCount":2,"speakers":[{"companies":[{"name":"Acme Cloud"}],"name":"Ada Okafor"},{"companies":[{"name":"Globex"}],"name":"Bruno Lindqvist"}]}}`},
		{"SpeakerByAlias",
			`{ speaker(name: "a. okafor") { name talkCount talks(sort: [{date: ASC}]) { title } } }`,
			`{"speaker":{"name":"Ada Okafor","talkCount":2,"talks":[{"title":"Zero Trust Meshes"},{"title":"eBPF for Everyone"}]}}`},
		{"RelationshipConnection",
			`{ event(name: "Example Summit 2031") { talksConnection(first: 1, sort: [{title: DESC}]) { totalCount pageInfo { hasNextPage } edges { type role node { title } evidence { document line } } } } }`,
			`{"event":{"talksConnection":{"edges":[{"evidence":[{"document":"listing.txt","line":7}],"node":{"title":"Zero Trust Meshes"},"role":null,"type":"PART_OF"}],"pageInfo":{"hasNextPage":true},"totalCount":3}}}`},
		{"TopLevelConnection",
			`{ talksConnection(first: 2, where: {kind: {eq: TALK}}) { totalCount pageInfo { hasNextPage } edges { node { title } } } }`,
			`{"talksConnection":{"edges":[{"node":{"title":"eBPF for Everyone"}},{"node":{"title":"Zero Trust Meshes"}}],"pageInfo":{"hasNextPage":false},"totalCount":2}}`},
		{"RelationshipFilters",
			`{ talks(where: {speakers: {some: {companies: {some: {name: {eq: "Globex"}}}}}, event: {year: {eq: 2031}}}) { title } }`,
			`{"talks":[{"title":"Zero Trust Meshes"}]}`},
		{"SortByCounts",
			`{ companies(sort: [{talkCount: DESC}, {name: ASC}]) { name talkCount speakerCount } }`,
			`{"companies":[{"name":"Acme Cloud","speakerCount":1,"talkCount":2},{"name":"Globex","speakerCount":1,"talkCount":1}]}`},
		{"Rankings",
			`{ event(name: "Example Summit 2031") { topProjects { project { name } talkCount } } company(name: "Acme Cloud") { projects { project { name } talkCount } } project(name: "Lumen") { companies(limit: 1) { company { name } talkCount } } }`,
			`{"company":{"projects":[{"project":{"name":"Lumen"},"talkCount":2}]},"event":{"topProjects":[{"project":{"name":"Lumen"},"talkCount":2}]},"project":{"companies":[{"company":{"name":"Acme Cloud"},"talkCount":2}]}}`},
		{"RelatedTalks",
			`{ talk(title: "eBPF for Everyone") { related { talk { title } score reasons } } }`,
			`{"talk":{"related":[{"reasons":["company Acme Cloud","project Lumen","speaker Ada Okafor"],"score":6,"talk":{"title":"Zero Trust Meshes"}}]}}`},
		{"MaturityOnAndEventDays",
			`{ project(name: "Lumen") { before: maturityOn(date: "2026-01-01") then: maturityOn(date: "2028-01-01") now: maturityOn(date: "2031-03-18") } event(name: "Example Summit 2031") { startDate endDate } }`,
			`{"event":{"endDate":"2031-03-19","startDate":"2031-03-18"},"project":{"before":null,"now":"incubating","then":"sandbox"}}`},
		{"PropertyFilters",
			`{ talks(where: {title: {in: ["EBPF FOR EVERYONE", "zero trust meshes"], caseInsensitive: true}, level: {in: [BEGINNER]}, startsAt: {lt: "12:00"}, date: {in: ["2031-03-19"]}}) { title } late: talks(where: {level: {in: [ADVANCED]}, startsAt: {gte: "10:00"}}) { title } events(where: {year: {in: [2030]}}) { name } }`,
			`{"events":[],"late":[],"talks":[{"title":"eBPF for Everyone"}]}`},
		{"PathGlobalIDs",
			`{ shortestPath(from: "c3BlYWtlcjphZGE", to: "cHJvamVjdDpsdW1lbg") { nodes { id } relationships { from to } } }`,
			`{"shortestPath":{"nodes":[{"id":"c3BlYWtlcjphZGE"},{"id":"dGFsazplYnBm"},{"id":"cHJvamVjdDpsdW1lbg"}],"relationships":[{"from":"c3BlYWtlcjphZGE","to":"dGFsazplYnBm"},{"from":"dGFsazplYnBm","to":"cHJvamVjdDpsdW1lbg"}]}}`},
		{"RecapEvent",
			`{ recaps { event { name } eventConnection { totalCount } talksConnection { edges { node { title } } } } }`,
			`{"recaps":[{"event":{"name":"Example Summit 2031"},"eventConnection":{"totalCount":1},"talksConnection":{"edges":[{"node":{"title":"Zero Trust Meshes"}}]}}]}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := query(t, c.query); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestBadArguments(t *testing.T) {
	for _, c := range []struct{ name, query, want string }{
		{"BadDate", `{ talks(where: {date: {eq: "March"}}) { title } }`, `date: \"March\" is not a date (YYYY-MM-DD)`},
		{"TwoSortFields", `{ talks(sort: [{title: ASC, date: ASC}]) { title } }`, `each TalkSort must set exactly one field, got 2`},
		{"BadGlobalID", `{ talks(where: {id: {eq: "nope"}}) { title } }`, `is not a global ID`},
		{"BadMaturityDay", `{ project(name: "Lumen") { maturityOn(date: "soon") } }`, `date \"soon\" is not YYYY-MM-DD`},
		{"FirstAndLimit", `{ event(name: "Example Summit 2031") { topProjects(first: 1, limit: 1) { talkCount } } }`, `give first or limit, not both`},
	} {
		t.Run(c.name, func(t *testing.T) {
			for name, cl := range clients(t) {
				var resp any
				err := cl.Post(c.query, &resp)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("%s: got error %v, want one saying %s", name, err, c.want)
				}
			}
		})
	}
}
