package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/server"
)

// TestRequestLogSaysMilliseconds: each request's log line gives its
// duration in milliseconds, under a name that says so.
func TestRequestLogSaysMilliseconds(t *testing.T) {
	_, cs := api(t)
	var buf bytes.Buffer
	cfg := server.DefaultConfig
	cfg.Logger = slog.New(slog.NewJSONHandler(&buf, nil))
	h := server.New(cs, cfg)
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(httptest.NewRecorder(), req)
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil || rec["msg"] != "request" {
			continue
		}
		if ms, ok := rec["duration_ms"].(float64); !ok || ms < 0 {
			t.Errorf("request log %s: want a duration_ms number", line)
		}
		if _, ok := rec["duration"]; ok {
			t.Errorf("request log %s still has a unitless duration", line)
		}
		return
	}
	t.Errorf("no request log line in %q", buf.String())
}
