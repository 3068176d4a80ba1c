package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/ingest"
	"github.com/confgraph/confgraph/internal/server"
)

// adder stands in for ingest.Service: it notes the size of what it is
// given and answers with err.
type adder struct {
	got int
	err error
}

func (a *adder) Add(ctx context.Context, name string, text []byte) (*confgraph.AddResult, error) {
	a.got = len(text)
	if a.err != nil {
		return nil, a.err
	}
	return &confgraph.AddResult{Name: name, Kind: "recap"}, nil
}

// post sends a raw body, with the API token when token is set.
func post(t *testing.T, h http.Handler, body []byte, token string) (int, response) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("status %d, body %.200s: %v", rec.Code, rec.Body.String(), err)
	}
	if strings.Contains(rec.Body.String(), "/srv/") {
		t.Errorf("the answer names a server path: %.300s", rec.Body.String())
	}
	return rec.Code, r
}

func addDocument(name, text string) []byte {
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($n: String!, $t: String!) { addDocument(name: $n, text: $t) { kind } }`,
		"variables": map[string]any{"n": name, "t": text},
	})
	return body
}

func TestRequestErrorsHaveCodes(t *testing.T) {
	_, cs := api(t)
	const token = "secret"
	docs := &adder{}
	cfg := server.DefaultConfig
	cfg.APIToken, cfg.Docs = token, docs
	h := server.New(cs.Store, cfg)

	t.Run("BodyOverTheLimit", func(t *testing.T) {
		body, _ := json.Marshal(map[string]any{"query": `query($s: String!) { talks(where: { title: { eq: $s } }) { title } }`,
			"variables": map[string]any{"s": strings.Repeat("x", 2<<20)}})
		status, r := post(t, h, body, "")
		if status != http.StatusRequestEntityTooLarge || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "PAYLOAD_TOO_LARGE" {
			t.Errorf("a 2 MiB body: %d %+v, want 413 PAYLOAD_TOO_LARGE", status, r.Errors)
		}
	})
	t.Run("LargestDocumentReachesTheLoader", func(t *testing.T) {
		text := strings.Repeat("A line of a recap, \"quoted\".\n", ingest.MaxDocumentBytes/30)
		status, r := post(t, h, addDocument("big.md", text), token)
		if status != http.StatusOK || len(r.Errors) != 0 || docs.got != len(text) {
			t.Errorf("a %d-byte document: %d %+v, loader got %d bytes", len(text), status, r.Errors, docs.got)
		}
		status, r = post(t, h, addDocument("big.md", text), "")
		if status != http.StatusRequestEntityTooLarge || r.Errors[0].Extensions["code"] != "PAYLOAD_TOO_LARGE" {
			t.Errorf("the same without the token: %d %+v, want 413 PAYLOAD_TOO_LARGE", status, r.Errors)
		}
	})
	t.Run("Batch", func(t *testing.T) {
		status, r := post(t, h, []byte(` [{"query":"{ stats { count } }"},{"query":"{ stats { name } }"}]`), "")
		if status != http.StatusBadRequest || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BATCHING_NOT_SUPPORTED" {
			t.Errorf("a batch: %d %+v, want 400 BATCHING_NOT_SUPPORTED", status, r.Errors)
		}
	})
	t.Run("InternalErrorNamesNoPath", func(t *testing.T) {
		docs.err = fmt.Errorf("ingest: keep x.md: %w", &fs.PathError{Op: "open", Path: "/srv/confgraph/data/x.md", Err: syscall.EROFS})
		defer func() { docs.err = nil }()
		_, r := post(t, h, addDocument("x.md", "# x"), token)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INTERNAL" || r.Errors[0].Message != "internal error" {
			t.Errorf("a read-only data directory: %+v, want INTERNAL saying only internal error", r.Errors)
		}
	})
	t.Run("APQHashMismatch", func(t *testing.T) {
		q := `{ stats { count } }`
		sum := sha256.Sum256([]byte(q + " "))
		body, _ := json.Marshal(map[string]any{"query": q, "extensions": map[string]any{
			"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}})
		_, r := post(t, h, body, "")
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "PERSISTED_QUERY_HASH_MISMATCH" {
			t.Errorf("a wrong APQ hash: %+v, want PERSISTED_QUERY_HASH_MISMATCH", r.Errors)
		}
		sum = sha256.Sum256([]byte(q))
		body, _ = json.Marshal(map[string]any{"query": q, "extensions": map[string]any{
			"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}})
		if _, r := post(t, h, body, ""); len(r.Errors) != 0 {
			t.Errorf("the right APQ hash: %+v", r.Errors)
		}
	})
}
