package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// injections are strings that would do harm if a value ever became query
// text (Cypher, Lucene, SQL, templates).
var injections = []string{
	`' OR 1=1 --`,
	`") MATCH (n) DETACH DELETE n //`,
	`'}) RETURN 1 UNION MATCH (n) RETURN n //`,
	"` } CALL dbms.shutdown() //",
	`\u0027; DROP TABLE talks; --`,
	`title:* OR bio:*~ AND "`,
	`${jndi:ldap://x}`,
	"\x00\x01",
	strings.Repeat("é", 2000),
}

// checkHostile sends requests meant to hurt: each must be refused with a
// clear error or answered correctly, and the server must stay healthy.
func checkHostile(t *testing.T, base string) {
	before := query(t, base, `{ stats { name count } }`, nil)

	t.Run("InjectionInEveryOperator", func(t *testing.T) {
		ops := []string{"eq", "contains", "startsWith", "endsWith"}
		for _, op := range ops {
			for _, s := range injections {
				for _, ci := range []bool{false, true} {
					q := fmt.Sprintf(`query($s: String!) { talks(where: { title: { %s: $s, caseInsensitive: %v } }) { title } speakers(where: { companies: { some: { name: { %s: $s } } } }) { name } }`, op, ci, op)
					r := query(t, base, q, map[string]any{"s": s})
					if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"talks":[]`) || !strings.Contains(string(r.Data), `"speakers":[]`) {
						t.Errorf("%s %.30q: %s %+v", op, s, r.Data, r.Errors)
					}
				}
			}
		}
		for _, s := range injections {
			r := query(t, base, `query($s: [String!]) { projects(where: { name: { in: $s } }) { name } }`, map[string]any{"s": []string{s, "Envoy"}})
			if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"projects":[{"name":"Envoy"}]`) {
				t.Errorf("in %.30q: %s %+v", s, r.Data, r.Errors)
			}
			r = query(t, base, `query($s: String!) { search(query: $s) { score } }`, map[string]any{"s": s})
			for _, e := range r.Errors {
				if e.Extensions["code"] != "BAD_USER_INPUT" {
					t.Errorf("search %.30q: %+v", s, r.Errors)
				}
			}
			r = query(t, base, `query($s: String!) { recaps(where: { published: { gt: $s } }) { title } }`, map[string]any{"s": s})
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("date %.30q: %+v, want BAD_USER_INPUT", s, r.Errors)
			}
		}
	})

	t.Run("DeepNesting", func(t *testing.T) {
		q := "{ talks(limit: 1) { " + strings.Repeat("speakers(limit: 1) { talks(limit: 1) { ", 10) + "title" + strings.Repeat(" } }", 10) + " } }"
		r := query(t, base, q, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" {
			t.Errorf("errors = %+v, want QUERY_TOO_COMPLEX", r.Errors)
		}
	})

	t.Run("AliasFlood", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{")
		for i := range 200 {
			fmt.Fprintf(&b, " a%d: stats { count }", i)
		}
		b.WriteString(" }")
		r := query(t, base, b.String(), nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" {
			t.Errorf("errors = %+v, want QUERY_TOO_COMPLEX", r.Errors)
		}
	})

	t.Run("Expensive", func(t *testing.T) {
		for _, q := range []string{
			`{ talks(limit: 100) { speakers(limit: 100) { talks(limit: 100) { speakers(limit: 100) { talks(limit: 100) { title } } } } } }`,
			// related and search are priced by their first, not as one item.
			`{ talks(limit:100){ related(first:100){ score talk { related(first:100){ score talk { title } } } } } }`,
			`{ talks(limit:100){ related(first:100){ score talk { related(first:100){ score talk { related(first:100){ score } } } } } } }`,
			`{ search(query: "kubernetes service mesh", first: 100) { node { ... on Talk { related(first: 100) { talk { related(first: 100) { talk { related(first: 100) { score } } } } } } } } }`,
			// Fragments are measured once each, however often they are spread.
			fragmentFanOut(30),
		} {
			r := query(t, base, q, nil)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" || !strings.Contains(r.Errors[0].Message, "costs") {
				t.Errorf("%.70s: errors = %+v, want QUERY_TOO_COMPLEX about the cost", q, r.Errors)
			}
		}
	})

	t.Run("ToolsAndOrdinaryQueriesPass", func(t *testing.T) {
		files, err := filepath.Glob("../../internal/server/testdata/introspection/*.graphql")
		if err != nil || len(files) != 3 {
			t.Fatalf("introspection queries: %v %v", files, err)
		}
		for _, f := range files {
			q, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if r := query(t, base, string(q), nil); len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"name":"TalkWhere"`) {
				t.Errorf("%s: %+v, want the schema", filepath.Base(f), r.Errors)
			}
		}
		r := query(t, base, `{ events { name talks { title speakers { name companies { name } } } } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `{"title":"Ask Me Anything: Microservices and Service Mesh","speakers":[`) {
			t.Errorf("events, talks, speakers, companies: %+v", r.Errors)
		}
	})

	t.Run("RootFieldsThroughFragments", func(t *testing.T) {
		var fields strings.Builder
		for i := range 25 {
			fmt.Fprintf(&fields, " r%d: stats { count }", i)
		}
		for _, q := range []string{
			"{ ... on Query {" + fields.String() + " } }",
			"{ ...Q } fragment Q on Query {" + fields.String() + " }",
		} {
			r := query(t, base, q, nil)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" || !strings.Contains(r.Errors[0].Message, "top-level fields") {
				t.Errorf("%.40s: errors = %+v, want QUERY_TOO_COMPLEX about top-level fields", q, r.Errors)
			}
		}
	})

	t.Run("LongInList", func(t *testing.T) {
		titles := make([]string, 100_000)
		for i := range titles {
			titles[i] = fmt.Sprintf("t%d", i)
		}
		r := query(t, base, `query($s: [String!]) { talks(where: { NOT: { title: { in: $s, caseInsensitive: true } } }, sort: [{ title: ASC }], limit: 1) { title } }`, map[string]any{"s": titles})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"title":`) {
			t.Errorf("NOT in 100,000 titles: %s %+v, want the first talk", r.Data, r.Errors)
		}
	})

	t.Run("HugeBody", func(t *testing.T) {
		huge := strings.Repeat("x", 2<<20)
		body, _ := json.Marshal(map[string]any{"query": `query($s: String!) { talks(where: { title: { eq: $s } }) { title } }`, "variables": map[string]any{"s": huge}})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r gqlResponse
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || resp.StatusCode != http.StatusRequestEntityTooLarge || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "PAYLOAD_TOO_LARGE" {
			t.Errorf("a 2 MiB request: status %d, %+v %v; want 413 PAYLOAD_TOO_LARGE", resp.StatusCode, r.Errors, err)
		}
	})

	t.Run("Batch", func(t *testing.T) {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`[{"query":"{ stats { count } }"}]`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r gqlResponse
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || resp.StatusCode != http.StatusBadRequest || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BATCHING_NOT_SUPPORTED" {
			t.Errorf("a batch: status %d, %+v %v; want 400 BATCHING_NOT_SUPPORTED", resp.StatusCode, r.Errors, err)
		}
	})

	t.Run("FragmentCycleAndGarbage", func(t *testing.T) {
		for _, q := range []string{
			`{ talks { ...A } } fragment A on Talk { ...B } fragment B on Talk { ...A }`,
			`{ talks(where: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { title: { eq: "x" } } } } } } } } } } } }) { title } }`,
			strings.Repeat("{", 5000),
		} {
			r := query(t, base, q, nil)
			if len(r.Errors) == 0 {
				t.Errorf("%.60q answered without error", q)
			}
		}
	})

	if r := query(t, base, `{ __typename }`, nil); len(r.Errors) > 0 || string(r.Data) != `{"__typename":"Query"}` {
		t.Errorf("{ __typename } after the hostile requests: %s %+v", r.Data, r.Errors)
	}
	after := query(t, base, `{ stats { name count } }`, nil)
	if len(after.Errors) > 0 || string(after.Data) != string(before.Data) {
		t.Errorf("after the hostile requests the graph changed or the server broke: %s %+v", after.Data, after.Errors)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Errorf("/healthz after the hostile requests: %v", err)
		return
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/healthz after the hostile requests: %s", resp.Status)
	}
}

// fragmentFanOut is a query of n fragments that each spread the next one
// twice: 2^n spreads when expanded.
func fragmentFanOut(n int) string {
	var b strings.Builder
	b.WriteString("{ talks(limit: 1) { ...F0 } }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Talk { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Talk { title }", n)
	return b.String()
}
