package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/internal/server"
	"github.com/confgraph/confgraph/loaders"
)

func corpusHandler(b *testing.B) http.Handler {
	b.Helper()
	w, err := loaders.DefaultWorld()
	if err != nil {
		b.Fatal(err)
	}
	res, err := w.LoadDir("../../../shared/corpus")
	if err != nil {
		b.Skip("no corpus beside the repository")
	}
	st := memstore.New()
	if err := st.Write(context.Background(), res.Batch); err != nil {
		b.Fatal(err)
	}
	return server.New(st, server.DefaultConfig)
}

var benchQueries = map[string]string{
	"Typename":     `{ __typename }`,
	"TalkPage":     `{ talk(title: "The Mechanics of Deploying Envoy at Lyft") { title abstract level kind durationMinutes event { name } speakers { name bio companies { name } } projects { name homepage } recaps { title } } }`,
	"ProjectPage":  `{ project(name: "Kubernetes") { name maturity talks { title speakers { name companies { name } } } } }`,
	"SchedulePage": `{ events { name talks { title kind level speakers { name } } } }`,
	"CompanyList":  `{ companies(limit: 100) { name speakers { name talks { title } } } }`,
	"Search":       `{ search(query: "service mesh observability", first: 8) { score node { __typename } } }`,
}

// BenchmarkGraphQL measures whole requests through the HTTP handler
// against the embedded store loaded with the corpus, in-process.
func BenchmarkGraphQL(b *testing.B) {
	h := corpusHandler(b)
	for name, q := range benchQueries {
		body := `{"query":` + quote(q) + `}`
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 || strings.Contains(rec.Body.String(), `"errors"`) {
					b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
				}
			}
		})
	}
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
