package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestTracesReachTheOTLPEndpoint serves one request with an OTLP endpoint
// configured and checks that spans are exported to it when the server
// stops.
func TestTracesReachTheOTLPEndpoint(t *testing.T) {
	var posts atomic.Int64
	var sawStoreSpan atomic.Bool
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.URL.Path == "/v1/traces" && len(b) > 0 {
			posts.Add(1)
			// Span names travel as plain strings in the protobuf payload.
			if strings.Contains(string(b), "store.Find") {
				sawStoreSpan.Store(true)
			}
		}
		w.Header().Set("Content-Type", "application/x-protobuf")
	}))
	defer collector.Close()

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	env := map[string]string{"CONFGRAPH_OTLP_ENDPOINT": collector.URL}
	p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(a string) { ready <- a }}
	go func() { done <- p.Main(ctx, []string{"serve", "--corpus", corpus, "--addr", "127.0.0.1:0"}) }()
	base := "http://" + <-ready
	if r := query(t, base, `{ talks(limit: 1) { title } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if posts.Load() == 0 || !sawStoreSpan.Load() {
		t.Errorf("the collector got %d exports (store span seen: %v), want the request's spans", posts.Load(), sawStoreSpan.Load())
	}
}
