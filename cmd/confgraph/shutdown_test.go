package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// slowStore holds every Find until released.
type slowStore struct {
	confgraph.Store
	entered chan struct{}
	release chan struct{}
}

func (s slowStore) Find(ctx context.Context, q confgraph.Query) ([]confgraph.Node, error) {
	s.entered <- struct{}{}
	<-s.release
	return s.Store.Find(ctx, q)
}

// TestGracefulShutdown stops the server (as SIGTERM does) while a request
// is in flight: the request finishes, new connections are refused, and
// serve returns cleanly.
func TestGracefulShutdown(t *testing.T) {
	slow := slowStore{entered: make(chan struct{}, 1), release: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" },
		Ready:     func(a string) { ready <- a },
		wrapStore: func(s confgraph.Store) confgraph.Store { slow.Store = s; return slow }}
	go func() { done <- p.Main(ctx, []string{"serve", "--corpus", corpus, "--addr", "127.0.0.1:0"}) }()
	addr := <-ready

	type result struct {
		status int
		body   string
		err    error
	}
	inflight := make(chan result, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/graphql", "application/json", strings.NewReader(`{"query":"{ talks(limit: 1) { title } }"}`))
		if err != nil {
			inflight <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		inflight <- result{status: resp.StatusCode, body: string(b)}
	}()
	<-slow.entered
	cancel() // what SIGTERM does

	// New connections are refused once shutdown begins.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still accepts connections after shutdown began")
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(slow.release)
	r := <-inflight
	if r.err != nil || r.status != 200 || !strings.Contains(r.body, `"title"`) {
		t.Errorf("the in-flight request got %d %q %v, want it answered", r.status, r.body, r.err)
	}
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after a graceful shutdown", err)
	}
}
