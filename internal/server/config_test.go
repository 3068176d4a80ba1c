package server_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/server"
)

func TestIntrospectionCanBeTurnedOff(t *testing.T) {
	_, cs := api(t)
	cfg := server.DefaultConfig
	cfg.Introspection = false
	h := server.New(cs.Store, cfg)
	r := do(t, h, `{ __schema { types { name } } }`, nil)
	if len(r.Errors) != 1 || !strings.Contains(strings.ToLower(r.Errors[0].Message), "introspection") || r.Errors[0].Extensions["code"] != "INTROSPECTION_DISABLED" {
		t.Errorf("introspection off: %+v, want an error INTROSPECTION_DISABLED saying introspection is disabled", r.Errors)
	}
	if r := do(t, h, `{ stats { name count } }`, nil); len(r.Errors) > 0 {
		t.Errorf("queries must still work: %+v", r.Errors)
	}
}

func TestCORS(t *testing.T) {
	_, cs := api(t)
	cfg := server.DefaultConfig
	cfg.CORSOrigins = []string{"https://schedule.example"}
	h := server.New(cs.Store, cfg)
	preflight := func(origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := preflight("https://schedule.example"); rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != "https://schedule.example" {
		t.Errorf("allowed origin: %d %v", rec.Code, rec.Header())
	}
	if rec := preflight("https://evil.example"); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("other origin got %q", rec.Header().Get("Access-Control-Allow-Origin"))
	}
}

func TestMetricsAndRequestIDs(t *testing.T) {
	_, cs := api(t)
	cfg := server.DefaultConfig
	cfg.Metrics = server.NewMetrics()
	h := server.New(cs.Store, cfg)
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"query Stats { stats { name } }","operationName":"Stats"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "req-42")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("X-Request-Id") != "req-42" {
		t.Errorf("X-Request-Id = %q, want the caller's", rec.Header().Get("X-Request-Id"))
	}
	mrec := httptest.NewRecorder()
	h.ServeHTTP(mrec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := mrec.Body.String()
	for _, want := range []string{`confgraph_graphql_requests_total{operation="Stats",outcome="ok"} 1`, `confgraph_store_calls_total{method="Counts",outcome="ok"} 1`, "confgraph_graphql_request_duration_seconds_bucket"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
