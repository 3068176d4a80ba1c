package server_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/confgraph/confgraph/internal/server"
)

func TestTracing(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	t.Cleanup(func() { _ = tp.Shutdown(t.Context()) })
	_, cs := api(t)
	cfg := server.DefaultConfig
	cfg.Tracer = tp.Tracer("confgraph")
	h := server.New(cs.Store, cfg)
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader([]byte(`{"query":"query TalkPage { talks(limit: 2) { title speakers { name } } }","operationName":"TalkPage"}`)))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(httptest.NewRecorder(), req)

	spans := rec.Ended()
	byName := map[string]sdktrace.ReadOnlySpan{}
	var names []string
	for _, s := range spans {
		byName[s.Name()] = s
		names = append(names, s.Name())
	}
	for _, want := range []string{"POST /graphql", "graphql TalkPage", "store.Find", "store.RelatedQuery"} {
		if !slices.Contains(names, want) {
			t.Errorf("spans = %v, want %q among them", names, want)
		}
	}
	if f, op := byName["store.Find"], byName["graphql TalkPage"]; f != nil && op != nil {
		if f.SpanContext().TraceID() != op.SpanContext().TraceID() {
			t.Error("the store call is not in the request's trace")
		}
	}
}
