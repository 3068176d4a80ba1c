package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/server"
)

// prefetchingStore answers plans with the embedded store's own calls (as
// confgraph.PrefetchStepwise does, the reference the Neo4j store is tested
// against) and counts, apart, the calls the resolvers still make.
type prefetchingStore struct {
	*countingStore
	inner      confgraph.Store
	prefetches atomic.Int64
}

func (p *prefetchingStore) Prefetch(ctx context.Context, plan confgraph.Plan) (*confgraph.Prefetched, error) {
	p.prefetches.Add(1)
	return confgraph.PrefetchStepwise(ctx, p.inner, plan)
}

// wideQuery asks every relationship field the plan covers, with
// arguments, under one top-level field.
const wideQuery = `{ talks(limit: 4, sort: [{ title: ASC }], where: { recaps: { some: {} } }) {
  id title abstract level kind durationMinutes participants speakerCount
  speakers(limit: 3) {
    id name aliases bio role talkCount
    companies {
      id name aliases speakerCount talkCount
      projects { talkCount project { name } }
      speakers(limit: 2, sort: [{ talkCount: DESC }]) { name }
      speakersConnection(first: 2, sort: [{ talkCount: DESC }]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } }
    }
    talks(limit: 2) { title }
    talksConnection(first: 1, sort: [{ title: DESC }]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor role node { title } } }
    companiesConnection { totalCount edges { node { name } } }
  }
  speakersConnection(first: 2) { totalCount edges { cursor type role evidence { document line snippet } node { name } } }
  projects {
    id name aliases homepage repo maturity maturityOn(date: "2019-06-01") accepted incubating graduated talkCount
    companies { talkCount company { name } }
    talks(limit: 2) { title }
    talksConnection(first: 2) { totalCount edges { node { title } } }
    recaps { title }
    recapsConnection { totalCount edges { node { title } } }
  }
  projectsConnection(first: 1) { totalCount edges { node { name } } }
  recaps {
    id title author published document
    event { id name city country year startDate endDate }
    eventConnection { totalCount edges { node { name } } }
    talks(limit: 2) { title }
    talksConnection(first: 2) { totalCount edges { node { title } } }
    projects(limit: 2) { name }
    projectsConnection(first: 2) { totalCount edges { node { name } } }
  }
  recapsConnection(first: 1) { totalCount edges { node { title } } }
  event {
    name talkCount
    topProjects(first: 3) { talkCount project { name } }
    talks(limit: 2) { title }
    talksConnection(first: 2, sort: [{ speakerCount: DESC }]) { totalCount edges { cursor node { title } } }
    recaps(limit: 1) { title }
    recapsConnection(first: 1) { totalCount edges { node { title } } }
  }
  eventConnection { totalCount edges { node { name } } }
} }`

// TestPrefetchPlansEveryCall: with a store that prefetches, a top-level
// field and everything below it is one Prefetch, and no resolver calls the
// store again: the plan asks exactly the calls the resolvers make. The
// answers are the same as without prefetching.
func TestPrefetchPlansEveryCall(t *testing.T) {
	plain, _ := api(t)
	_, cs := api(t)
	ps := &prefetchingStore{countingStore: cs, inner: cs.Store}
	h := server.New(ps, server.DefaultConfig)
	queries := map[string]string{
		"wide": wideQuery,
		"talk page": `{ talk(title: "The Mechanics of Deploying Envoy at Lyft") { title abstract level kind durationMinutes event { name city }
			speakersConnection { edges { role node { name companies { name } } } } projects { name homepage maturity } recaps { title } } }`,
		"speaker page": `{ speaker(name: "Kelsey Hightower") { name role bio companies { name } talks { title kind event { name } projects { name } } } }`,
		"company page": `{ company(name: "Google") { name speakers(sort: [{ talkCount: DESC }, { name: ASC }], limit: 10) { name talkCount } projects { project { name } talkCount } } }`,
		"project page": `{ project(name: "Kubernetes") { name homepage repo maturity talks(limit: 5, sort: [{ title: ASC }]) { title speakers { name companies { name } } } companies { company { name } talkCount } } }`,
		"event schedule": `{ talksConnection(where: { event: { name: { eq: "KubeCon + CloudNativeCon North America 2017" } } }, sort: [{ kind: ASC }, { title: ASC }], first: 20) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title kind level durationMinutes speakers { name } } } } }`,
		"schedule by count, page 2": `{ talksConnection(sort: [{ speakerCount: DESC }], first: 3, after: "CURSOR") { totalCount edges { cursor node { title speakerCount } } } }`,
		"headline":                  `{ talks(where: { projects: { some: { name: { eq: "Envoy" } } }, speakers: { some: { companies: { some: { name: { eq: "Google" } } } } } }) { title speakers { name companies { name } } } }`,
		"events":                    `{ events(sort: [{ talkCount: DESC }], limit: 3) { name talkCount topProjects { talkCount project { name } } } }`,
	}
	// A second page of a connection sorted by a count: its cursor comes
	// from the first page.
	first := ok(t, plain, `{ talksConnection(sort: [{ speakerCount: DESC }], first: 3) { pageInfo { endCursor } } }`, nil)
	cursor := pluck(first, "talksConnection", "pageInfo", "endCursor")[0].(string)
	quoted, _ := json.Marshal(cursor)
	queries["schedule by count, page 2"] = strings.Replace(queries["schedule by count, page 2"], `"CURSOR"`, string(quoted), 1)

	// Lookups by global ID.
	ids := ok(t, plain, `{ talks(limit: 1, where: { speakers: { some: {} } }) { id } }`, nil)
	talkID := pluck(ids, "talks", "id")[0].(string)
	queries["talk by id"] = `{ talk(id: "` + talkID + `") { title projects { name } speakersConnection { totalCount edges { role node { name } } } } }`

	for name, q := range queries {
		want := ok(t, plain, q, nil)
		before, pf := cs.calls.Load(), ps.prefetches.Load()
		got := ok(t, h, q, nil)
		calls, prefetches := cs.calls.Load()-before, ps.prefetches.Load()-pf
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		if string(wj) != string(gj) {
			t.Errorf("%s: answers differ with prefetching\nwithout: %s\nwith:    %s", name, wj, gj)
		}
		if prefetches != 1 || calls != 0 {
			t.Errorf("%s: %d prefetches and %d other store calls, want 1 and 0", name, prefetches, calls)
		}
		if len(wj) < 100 {
			t.Errorf("%s: answer too small to tell anything: %s", name, wj)
		}
	}
}
