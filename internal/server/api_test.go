package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/internal/server"
	"github.com/confgraph/confgraph/loaders"
)

// countingStore counts the calls that reach the store.
type countingStore struct {
	confgraph.Store
	calls atomic.Int64
}

func (c *countingStore) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	c.calls.Add(1)
	return c.Store.Related(ctx, ids, rel, dir)
}

func (c *countingStore) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	c.calls.Add(1)
	return c.Store.RelatedQuery(ctx, ids, rel, dir, q)
}

func (c *countingStore) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	c.calls.Add(1)
	return c.Store.Find(ctx, q)
}

func (c *countingStore) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, w *confgraph.Filter) (map[string]int, error) {
	c.calls.Add(1)
	return c.Store.Degrees(ctx, ids, rel, dir, w)
}

func (c *countingStore) Count(ctx context.Context, l confgraph.Label, w *confgraph.Filter) (int, error) {
	c.calls.Add(1)
	return c.Store.Count(ctx, l, w)
}

func (c *countingStore) Nodes(ctx context.Context, ids []string) (map[string]confgraph.Node, error) {
	c.calls.Add(1)
	return c.Store.Nodes(ctx, ids)
}

var (
	corpusOnce  sync.Once
	corpusStore confgraph.Store
	corpusErr   error
)

// api serves the corpus from the embedded store through a call counter.
func api(t testing.TB) (http.Handler, *countingStore) {
	t.Helper()
	corpusOnce.Do(func() {
		w, err := loaders.DefaultWorld()
		if err != nil {
			corpusErr = err
			return
		}
		res, err := w.LoadDir("../../../shared/corpus")
		if err != nil {
			corpusErr = err
			return
		}
		st := memstore.New()
		corpusErr = st.Write(context.Background(), res.Batch)
		corpusStore = st
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	cs := &countingStore{Store: corpusStore}
	return server.New(cs, server.DefaultConfig), cs
}

type response struct {
	Data   map[string]any
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
}

func do(t *testing.T, h http.Handler, query string, vars map[string]any) response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("status %d, body %s: %v", rec.Code, rec.Body.String(), err)
	}
	return r
}

func ok(t *testing.T, h http.Handler, query string, vars map[string]any) map[string]any {
	t.Helper()
	r := do(t, h, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	return r.Data
}

// pluck walks decoded JSON: pluck(v, "talks", "title") returns every
// title of the talks list.
func pluck(v any, path ...string) []any {
	if len(path) == 0 {
		return []any{v}
	}
	switch x := v.(type) {
	case []any:
		var out []any
		for _, e := range x {
			out = append(out, pluck(e, path...)...)
		}
		return out
	case map[string]any:
		return pluck(x[path[0]], path[1:]...)
	}
	return nil
}

func strs(vs []any) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i], _ = v.(string)
	}
	return out
}

func TestHeadlineTraversal(t *testing.T) {
	h, _ := api(t)
	d := ok(t, h, `{ talks(where: {
    projects: { some: { name: { eq: "Envoy" } } }
    speakers: { some: { companies: { some: { name: { eq: "Google" } } } } }
  }) { title speakers { name companies { name } } } }`, nil)
	titles := strs(pluck(d, "talks", "title"))
	if len(titles) == 0 {
		t.Fatal("no talk about Envoy by Google speakers")
	}
	for _, tk := range d["talks"].([]any) {
		companies := strs(pluck(tk, "speakers", "companies", "name"))
		if !slices.Contains(companies, "Google") {
			t.Errorf("%v: no speaker from Google (%v)", tk.(map[string]any)["title"], companies)
		}
	}
	// Cross-check with a filter the other way round: the same talks.
	d2 := ok(t, h, `{ companies(where: { name: { eq: "Google" } }) { speakers { talks(where: { projects: { some: { name: { eq: "Envoy" } } } }) { title } } } }`, nil)
	other := strs(pluck(d2, "companies", "speakers", "talks", "title"))
	slices.Sort(other)
	other = slices.Compact(other)
	slices.Sort(titles)
	if !slices.Equal(titles, other) {
		t.Errorf("headline traversal = %v; walking from Google gives %v", titles, other)
	}
	// The panel's abstract names Envoy; panelist Sven Mawson works at Google.
	if !slices.Equal(titles, []string{"Ask Me Anything: Microservices and Service Mesh"}) {
		t.Errorf("talks = %v, want the service-mesh panel", titles)
	}
}

func TestFilters(t *testing.T) {
	h, _ := api(t)
	tests := []struct {
		name, query string
		path        []string
		want        []string // all of these, and (if exact) only these
		exact       bool
	}{
		{"CaseInsensitiveContains", `{ talks(where: { title: { contains: "ENVOY at lyft", caseInsensitive: true } }) { title } }`,
			[]string{"talks", "title"}, []string{"The Mechanics of Deploying Envoy at Lyft"}, true},
		{"IntRange", `{ talks(where: { durationMinutes: { gt: 60 } }, limit: 100) { title } }`,
			[]string{"talks", "title"}, nil, false},
		{"EnumIn", `{ talks(where: { kind: { in: [PANEL] } }) { title } }`,
			[]string{"talks", "title"}, []string{"Ask Me Anything: Microservices and Service Mesh", "Kubernetes, Cloud Native and the Public Cloud"}, true},
		{"NoneQuantifier", `{ talks(where: { kind: { eq: KEYNOTE }, speakers: { none: { companies: { some: { name: { eq: "Google" } } } } } }, limit: 100) { title } }`,
			[]string{"talks", "title"}, []string{"Cloud Native at AWS"}, false},
		{"SingleQuantifier", `{ talks(where: { kind: { eq: PANEL }, speakers: { single: { name: { startsWith: "Dan" } } } }) { title } }`,
			[]string{"talks", "title"}, []string{"Kubernetes, Cloud Native and the Public Cloud"}, true},
		{"OrAndNot", `{ projects(where: { OR: [{ name: { eq: "Envoy" } }, { name: { eq: "Linkerd" } }], NOT: { name: { endsWith: "d" } } }) { name } }`,
			[]string{"projects", "name"}, []string{"Envoy"}, true},
		{"AllIsVacuouslyTrue", `{ talks(where: { title: { eq: "Community Awards" }, speakers: { all: { name: { eq: "nobody" } } } }) { title } }`,
			[]string{"talks", "title"}, []string{"Community Awards"}, true},
		{"DateOnRecap", `{ recaps(where: { published: { gte: "2018-01-01" } }) { title } }`,
			[]string{"recaps", "title"}, []string{"KubeCon 2017 Austin Summary", "The 2018 KubeCon and CloudNativeCon in Copenhagen, Denmark"}, true},
		{"MaturityAtTheTime", `{ project(name: "Envoy") { maturityOn(date: "2017-12-06") maturity } }`,
			[]string{"project", "maturityOn"}, []string{"incubating"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strs(pluck(ok(t, h, tt.query, nil), tt.path...))
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("got %q, want %q among them", got, w)
				}
			}
			if tt.exact && len(got) != len(tt.want) {
				t.Errorf("got %q, want exactly %q", got, tt.want)
			}
			if tt.name == "IntRange" {
				for _, d := range pluck(ok(t, h, `{ talks(where: { durationMinutes: { gt: 60 } }, limit: 100) { durationMinutes } }`, nil), "talks", "durationMinutes") {
					if d.(float64) <= 60 {
						t.Errorf("duration %v is not above 60", d)
					}
				}
			}
		})
	}
}

func TestSortAndCounts(t *testing.T) {
	h, _ := api(t)
	d := ok(t, h, `{ projects(sort: [{ talkCount: DESC }], limit: 3) { name talkCount } }`, nil)
	names := strs(pluck(d, "projects", "name"))
	if len(names) != 3 || names[0] != "Kubernetes" {
		t.Errorf("most discussed projects = %v, want Kubernetes first", names)
	}
	counts := pluck(d, "projects", "talkCount")
	for i := 1; i < len(counts); i++ {
		if counts[i].(float64) > counts[i-1].(float64) {
			t.Errorf("counts %v are not descending", counts)
		}
	}
	d = ok(t, h, `{ companies(sort: [{ talkCount: DESC }], limit: 1) { name talkCount speakerCount projects { project { name } talkCount } } }`, nil)
	if got := strs(pluck(d, "companies", "name")); !slices.Equal(got, []string{"Google"}) {
		t.Errorf("company with most talks = %v, want Google", got)
	}
	d = ok(t, h, `{ talks(sort: [{ durationMinutes: DESC }, { title: ASC }], limit: 2) { title durationMinutes } }`, nil)
	if got := pluck(d, "talks", "durationMinutes"); len(got) != 2 || got[0].(float64) < got[1].(float64) {
		t.Errorf("durations %v not descending", got)
	}
	r := do(t, h, `{ talks(sort: [{ title: ASC, kind: DESC }]) { title } }`, nil)
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "exactly one field") {
		t.Errorf("errors = %+v, want one about setting exactly one sort field", r.Errors)
	}
}

func TestConnectionsPageWithKeysetCursors(t *testing.T) {
	h, _ := api(t)
	all := strs(pluck(ok(t, h, `{ talks(limit: 100, sort: [{ durationMinutes: ASC }]) { title } }`, nil), "talks", "title"))
	for offset := 100; ; offset += 100 {
		more := strs(pluck(ok(t, h, `query($o: Int) { talks(limit: 100, offset: $o, sort: [{ durationMinutes: ASC }]) { title } }`, map[string]any{"o": offset}), "talks", "title"))
		all = append(all, more...)
		if len(more) < 100 {
			break
		}
	}
	var paged []string
	var after any
	for pages := 0; ; pages++ {
		d := ok(t, h, `query($after: String) { talksConnection(first: 37, after: $after, sort: [{ durationMinutes: ASC }]) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title } } } }`, map[string]any{"after": after})
		c := d["talksConnection"].(map[string]any)
		if int(c["totalCount"].(float64)) != len(all) {
			t.Fatalf("totalCount = %v, want %d", c["totalCount"], len(all))
		}
		paged = append(paged, strs(pluck(c, "edges", "node", "title"))...)
		info := c["pageInfo"].(map[string]any)
		if !info["hasNextPage"].(bool) {
			break
		}
		after = info["endCursor"]
		if pages > 20 {
			t.Fatal("too many pages")
		}
	}
	if !slices.Equal(paged, all) {
		t.Errorf("paging through the connection gives %d talks in another order than the list (%d)", len(paged), len(all))
	}
	// Backwards from the end.
	d := ok(t, h, `{ talksConnection(last: 3, sort: [{ durationMinutes: ASC }]) { pageInfo { hasPreviousPage } edges { node { title } } } }`, nil)
	if got := strs(pluck(d, "talksConnection", "edges", "node", "title")); !slices.Equal(got, all[len(all)-3:]) {
		t.Errorf("last 3 = %v, want %v", got, all[len(all)-3:])
	}
	// Relationship connections carry the relationship and its evidence.
	d = ok(t, h, `{ talk(title: "Kubernetes, Cloud Native and the Public Cloud") { speakersConnection(first: 2) { totalCount edges { role type evidence { document line snippet } node { name } } } } }`, nil)
	c := d["talk"].(map[string]any)["speakersConnection"].(map[string]any)
	if c["totalCount"].(float64) != 6 || len(c["edges"].([]any)) != 2 {
		t.Errorf("speakersConnection = %v, want 2 of 6 edges", c)
	}
	if roles := strs(pluck(c, "edges", "role")); !slices.Contains(roles, "panelist") && !slices.Contains(roles, "moderator") {
		t.Errorf("roles = %v", roles)
	}
	for _, s := range strs(pluck(c, "edges", "evidence", "snippet")) {
		if s == "" {
			t.Error("an edge without evidence")
		}
	}
	// Too big a page is an error, not a silent cut.
	for _, q := range []string{`{ talks(limit: 101) { title } }`, `{ talksConnection(first: 500) { totalCount } }`, `{ talk(title: "Effective RBAC") { speakers(limit: 1000) { name } } }`} {
		r := do(t, h, q, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "maximum page size 100") {
			t.Errorf("%s: errors = %+v, want BAD_USER_INPUT about the maximum page size", q, r.Errors)
		}
	}
}

func TestNoNPlusOne(t *testing.T) {
	h, cs := api(t)
	// A level's calls are joined once all of them have arrived; the wait
	// that bounds a call whose group never asks is long here, so that a
	// loaded machine (slow goroutines) cannot split a level, and a call
	// the batcher waits for in vain shows as a slow request.
	old := batch.MaxWait
	batch.MaxWait = 5 * time.Second
	defer func() { batch.MaxWait = old }()
	before := cs.calls.Load()
	start := time.Now()
	d := ok(t, h, `{ talks(limit: 100) { title speakers { name companies { name } } } }`, nil)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the request took %v: a call waited for one that never came", took)
	}
	calls := cs.calls.Load() - before
	if n := len(d["talks"].([]any)); n != 100 {
		t.Fatalf("%d talks", n)
	}
	if calls > 3 {
		t.Errorf("100 talks → speakers → companies took %d store calls, want at most 3", calls)
	}
}

func TestIdentitySearchPathsRelated(t *testing.T) {
	h, _ := api(t)
	d := ok(t, h, `{ project(name: "envoy") { id name } speaker(name: "Matt Klein") { id } }`, nil)
	pid := pluck(d, "project", "id")[0].(string)
	sid := pluck(d, "speaker", "id")[0].(string)
	if strings.Contains(pid, ":") {
		t.Errorf("global ID %q is not opaque", pid)
	}
	d = ok(t, h, `query($id: ID!) { node(id: $id) { __typename ... on Project { name } } }`, map[string]any{"id": pid})
	if got := pluck(d, "node", "name"); len(got) != 1 || got[0] != "Envoy" {
		t.Errorf("node(id) = %v, want Envoy", d)
	}
	r := do(t, h, `{ node(id: "not-an-id") { id } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("bad id: %+v", r.Errors)
	}

	d = ok(t, h, `{ search(query: "envoy lyft", types: [TALK], first: 3) { score node { ... on Talk { title } } } }`, nil)
	if got := strs(pluck(d, "search", "node", "title")); len(got) == 0 || got[0] != "The Mechanics of Deploying Envoy at Lyft" {
		t.Errorf("search = %v, want the Lyft talk first", got)
	}

	d = ok(t, h, `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 4) { length nodes { __typename } relationships { type evidence { snippet } } } }`, map[string]any{"a": sid, "b": pid})
	if got := pluck(d, "shortestPath", "length"); len(got) != 1 || got[0].(float64) != 2 {
		t.Errorf("Matt Klein → Envoy = %v, want a path of 2 (PRESENTED, DISCUSSES)", d)
	}

	d = ok(t, h, `{ talk(title: "The Mechanics of Deploying Envoy at Lyft") { related(first: 3) { score reasons talk { title } } } }`, nil)
	var reasons []string
	for _, rs := range pluck(d, "talk", "related", "reasons") {
		reasons = append(reasons, strs(rs.([]any))...)
	}
	if len(reasons) == 0 || !slices.Contains(reasons, "project Envoy") {
		t.Errorf("related reasons = %v, want talks sharing Envoy", reasons)
	}

	d = ok(t, h, `{ project(name: "Envoy") { companies { company { name } talkCount } } event(name: "KubeCon + CloudNativeCon North America 2017") { topProjects(first: 1) { project { name } talkCount } } }`, nil)
	if got := strs(pluck(d, "event", "topProjects", "project", "name")); !slices.Equal(got, []string{"Kubernetes"}) {
		t.Errorf("top project = %v, want Kubernetes", got)
	}
	if got := strs(pluck(d, "project", "companies", "company", "name")); !slices.Contains(got, "Lyft") || !slices.Contains(got, "Google") {
		t.Errorf("companies discussing Envoy = %v, want Lyft and Google among them", got)
	}
}

func TestHostileFilters(t *testing.T) {
	h, _ := api(t)
	for _, s := range []string{`' OR 1=1 --`, "\") MATCH (n) DETACH DELETE n //", "${jndi:x}", strings.Repeat("a", 10000)} {
		r := do(t, h, `query($s: String!) { talks(where: { title: { contains: $s } }) { title } }`, map[string]any{"s": s})
		if len(r.Errors) > 0 || len(r.Data["talks"].([]any)) != 0 {
			t.Errorf("%.40q: %+v %v", s, r.Errors, r.Data)
		}
	}
	deep := `{ talks(where: ` + strings.Repeat(`{ speakers: { some: { talks: { some: `, 6) + `{ title: { eq: "x" } }` + strings.Repeat(` } } } }`, 6) + `) { title } }`
	if r := do(t, h, deep, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("a filter nested 12 deep: %+v, want BAD_USER_INPUT", r.Errors)
	}
}
