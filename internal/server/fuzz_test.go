package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzRequest sends arbitrary request bodies through the whole HTTP and
// GraphQL stack: nothing may panic, every answer must be JSON, and the
// server must keep answering.
func FuzzRequest(f *testing.F) {
	for _, s := range []string{
		`{"query":"{ talks(limit: 2) { title speakers { name } } }"}`,
		`{"query":"query($w: TalkWhere) { talks(where: $w) { title } }","variables":{"w":{"title":{"contains":"x"}}}}`,
		`{"query":"{ talksConnection(first: 3, after: \"eyJ2IjpbXX0\") { edges { cursor } } }"}`,
		`{"query":"{ search(query: \"envoy\") { score } }"}`,
		`{"query":"mutation { addDocument(name: \"a\", text: \"b\") { name } }"}`,
		`{"query":"{`,
		`[]`,
	} {
		f.Add([]byte(s))
	}
	h, _ := api(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body.String())
		}
		var v map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("answer to %q is not JSON: %q", body, rec.Body.String())
		}
	})
}
