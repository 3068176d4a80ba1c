package server_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/server"
)

// TestToolsIntrospectAtDefaultLimits runs the introspection queries of
// GraphiQL, graphql-js (every option) and Apollo, as those tools send
// them, against the default limits.
func TestToolsIntrospectAtDefaultLimits(t *testing.T) {
	_, cs := api(t)
	h := server.New(cs.Store, server.DefaultConfig)
	files, err := filepath.Glob("testdata/introspection/*.graphql")
	if err != nil || len(files) != 3 {
		t.Fatalf("introspection queries: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".graphql"), func(t *testing.T) {
			q, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := ok(t, h, string(q), nil)
			types := strs(pluck(d, "__schema", "types", "name"))
			if !slices.Contains(types, "Talk") || !slices.Contains(types, "TalkWhere") {
				t.Errorf("types = %v, want Talk and TalkWhere among them", types)
			}
			if got := pluck(d, "__schema", "queryType", "name"); len(got) != 1 || got[0] != "Query" {
				t.Errorf("queryType = %v", got)
			}
		})
	}
}

// TestOrdinaryNestingAccepted: a list without a page size is priced by
// what the graph holds, not by its largest page.
func TestOrdinaryNestingAccepted(t *testing.T) {
	_, cs := api(t)
	h := server.New(cs.Store, server.DefaultConfig)
	d := ok(t, h, `{ events { name talks { title speakers { name companies { name } } } } }`, nil)
	for _, e := range d["events"].([]any) {
		for _, tk := range e.(map[string]any)["talks"].([]any) {
			talk := tk.(map[string]any)
			if talk["title"] != "Ask Me Anything: Microservices and Service Mesh" {
				continue
			}
			for _, s := range talk["speakers"].([]any) {
				sp := s.(map[string]any)
				if sp["name"] == "Matt Klein" && slices.Contains(strs(pluck(sp, "companies", "name")), "Lyft") {
					return
				}
			}
		}
	}
	t.Errorf("no event lists Ask Me Anything: Microservices and Service Mesh with Matt Klein of Lyft: %v", d)
}

func TestLimitsRefuse(t *testing.T) {
	_, cs := api(t)
	h := server.New(cs.Store, server.DefaultConfig)
	chain := func(n int, spread func(i int) string) string {
		var b strings.Builder
		b.WriteString("{ talks(limit: 1) { ...F0 } }")
		for i := range n {
			fmt.Fprintf(&b, " fragment F%d on Talk { %s }", i, spread(i))
		}
		fmt.Fprintf(&b, " fragment F%d on Talk { title }", n)
		return b.String()
	}
	var rootFields strings.Builder
	for i := range 25 {
		fmt.Fprintf(&rootFields, " r%d: stats { count }", i)
	}
	for _, c := range []struct {
		name, query, says string
	}{
		{"RelatedOfRelated", `{ talks(limit:100){ related(first:100){ score talk { related(first:100){ score talk { title } } } } } }`, "costs"},
		{"PageSizesGiven", `{ talks(limit: 100) { speakers(limit: 100) { talks(limit: 100) { speakers(limit: 100) { name } } } } }`, "costs"},
		{"SearchPages", `{ search(query: "kubernetes", first: 100) { node { ... on Talk { related(first: 100) { talk { related(first: 100) { talk { related(first: 100) { score } } } } } } } } }`, "costs"},
		// Each fragment spreads the next one twice: each is measured once
		// (a walk that expanded them would take 2^30 steps).
		{"FragmentFanOut", chain(30, func(i int) string { return fmt.Sprintf("...F%d ...F%d", i+1, i+1) }), "costs"},
		{"RootFieldsInInlineFragment", "{ ... on Query {" + rootFields.String() + " } }", "top-level fields"},
		{"RootFieldsInNamedFragment", "{ ...Q } fragment Q on Query {" + rootFields.String() + " }", "top-level fields"},
		{"AliasesInFragments", "{ talks(limit: 1) { ...A ...B } } fragment A on Talk { " + aliases("a", 20) + " } fragment B on Talk { " + aliases("b", 20) + " }", "aliases"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, h, c.query, nil)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" || !strings.Contains(r.Errors[0].Message, c.says) {
				t.Errorf("errors = %+v, want QUERY_TOO_COMPLEX saying %q", r.Errors, c.says)
			}
		})
	}
}

// TestIntrospectionIsBounded: introspection is exempt from the depth
// limit, not from every bound.
func TestIntrospectionIsBounded(t *testing.T) {
	_, cs := api(t)
	h := server.New(cs.Store, server.DefaultConfig)
	r := do(t, h, `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }`, nil)
	if len(r.Errors) != 1 || r.Data != nil {
		t.Errorf("recursive introspection: %+v, want it refused", r.Errors)
	}
	cfg := server.DefaultConfig
	cfg.Limits.MaxCost = 1000
	r = do(t, server.New(cs.Store, cfg), `{ __schema { types { name fields { name args { name } } } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" {
		t.Errorf("introspection over a cost limit of 1000: %+v, want QUERY_TOO_COMPLEX", r.Errors)
	}
}

func aliases(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " %s%d: title", prefix, i)
	}
	return b.String()
}

// TestFilterOperandsArePriced: an `in` list costs its length, so a long
// one fits the default limit and a longer one does not.
func TestFilterOperandsArePriced(t *testing.T) {
	_, cs := api(t)
	h := server.New(cs.Store, server.DefaultConfig)
	q := `query($s: [String!]) { talks(where: { NOT: { title: { in: $s, caseInsensitive: true } } }, limit: 1) { title } }`
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("t%d", i)
		}
		return out
	}
	d := ok(t, h, q, map[string]any{"s": many(100_000)})
	if len(pluck(d, "talks", "title")) != 1 {
		t.Errorf("talks not titled t0..t99999: %v, want one", d)
	}
	cfg := server.DefaultConfig
	cfg.Limits.MaxCost = 50_000
	r := do(t, server.New(cs.Store, cfg), q, map[string]any{"s": many(100_000)})
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" {
		t.Errorf("100,000 operands against a limit of 50,000: %+v, want QUERY_TOO_COMPLEX", r.Errors)
	}
}

// slowStore answers Find only when the request's deadline has passed, as
// a store would that takes too long.
type slowStore struct{ confgraph.Store }

func (s slowStore) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestDeadlineGivesOneTimeout: a request past its deadline hears TIMEOUT
// once, however many fields were waiting.
func TestDeadlineGivesOneTimeout(t *testing.T) {
	_, cs := api(t)
	for name, c := range map[string]struct {
		store   confgraph.Store
		timeout time.Duration
	}{
		"DuringExecution": {slowStore{cs.Store}, 50 * time.Millisecond},
		"BeforeExecution": {cs.Store, time.Nanosecond},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := server.DefaultConfig
			cfg.Timeout = c.timeout
			r := do(t, server.New(c.store, cfg), `{ talks(limit: 100) { title speakers { name } } events { name talks { title } } speakers { name } }`, nil)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "TIMEOUT" {
				t.Errorf("errors = %+v, want one TIMEOUT", r.Errors)
			}
		})
	}
}
