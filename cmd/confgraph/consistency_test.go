package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// consistencyDuration is how long the reader/writer test runs per store:
// CONSISTENCY_DURATION (e.g. 60s), 3s by default.
// minAdditions and minReads are how much must happen under the test for
// its verdict to mean something.
const (
	minAdditions = 4
	minReads     = 20
)

func consistencyDuration() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("CONSISTENCY_DURATION")); err == nil {
		return d
	}
	return 3 * time.Second
}

// checkReadsSeeOneVersion adds a listing over and over, one version naming
// Envoy in a talk's abstract and the next not, while readers ask for the
// talks that discuss Envoy with their projects: a talk the filter matched
// must have its title and list Envoy among its projects in the same answer. The filter and
// the projects are separate store calls, so an answer read half before
// and half after an addition would show the talk without Envoy.
func checkReadsSeeOneVersion(t *testing.T, base string) {
	t.Helper()
	listing, err := os.ReadFile("../../loaders/listing/testdata/harbourcon.txt")
	if err != nil {
		t.Fatal(err)
	}
	withEnvoy := string(listing)
	without := strings.ReplaceAll(withEnvoy, "Envoy", "a proxy")
	const q = `{ talks(where: { projects: { some: { name: { eq: "Envoy" } } } }, limit: 100) { title projects { name } } }`
	body, _ := json.Marshal(map[string]any{"query": q})
	client := &http.Client{Timeout: 30 * time.Second}

	var reads, torn, failed, writes atomic.Int64
	var firstTorn, firstFailure atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
				if err != nil {
					failed.Add(1)
					firstFailure.CompareAndSwap(nil, err.Error())
					continue
				}
				var r struct {
					Data struct {
						Talks []struct {
							Title    string
							Projects []struct{ Name string }
						}
					}
					Errors []any
				}
				err = json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				reads.Add(1)
				if err != nil || len(r.Errors) > 0 {
					failed.Add(1)
					firstFailure.CompareAndSwap(nil, r.Errors)
					continue
				}
				for _, tk := range r.Data.Talks {
					found := false
					for _, p := range tk.Projects {
						found = found || p.Name == "Envoy"
					}
					// A talk read from a half-written node has no title.
					if !found || tk.Title == "" {
						torn.Add(1)
						firstTorn.CompareAndSwap(nil, tk)
					}
				}
			}
		}()
	}
	// Run for the duration, and on (up to a minute more) until enough
	// has happened to tell: on a slow machine an addition to Neo4j can
	// take seconds, and a verdict needs several of them under reads.
	end := time.Now().Add(consistencyDuration())
	limit := end.Add(time.Minute)
	enough := func() bool { return writes.Load() >= minAdditions && reads.Load() >= minReads }
	for i := 0; time.Now().Before(end) || !enough() && time.Now().Before(limit); i++ {
		text := withEnvoy
		if i%2 == 1 {
			text = without
		}
		if r := addDocument(t, base, token, "harbourcon.txt", text); len(r.Errors) > 0 {
			t.Errorf("addDocument: %+v", r.Errors)
			break
		}
		writes.Add(1)
	}
	close(stop)
	wg.Wait()
	t.Logf("%d reads during %d additions: %d torn, %d failed", reads.Load(), writes.Load(), torn.Load(), failed.Load())
	if !enough() {
		t.Errorf("too little happened to tell: %d reads, %d additions", reads.Load(), writes.Load())
	}
	if torn.Load() > 0 {
		t.Errorf("%d of %d answers listed a talk matching \"projects some Envoy\" without Envoy; first: %+v", torn.Load(), reads.Load(), firstTorn.Load())
	}
	if failed.Load() > 0 {
		t.Errorf("%d of %d reads failed; first: %v", failed.Load(), reads.Load(), firstFailure.Load())
	}
}

func TestReadsSeeOneVersion(t *testing.T) {
	base, _ := bootEnv(t, map[string]string{"CONFGRAPH_API_TOKEN": token, "CONFGRAPH_DATA_DIR": t.TempDir()})
	checkReadsSeeOneVersion(t, base)
}

func TestNeo4jReadsSeeOneVersion(t *testing.T) {
	clearNeo4j(t)
	loadNeo4j(t)
	base, _ := bootEnv(t, map[string]string{"CONFGRAPH_API_TOKEN": token}, append([]string{"--store", "neo4j"}, neo4jArgs(t)...)...)
	waitReady(t, base)
	checkReadsSeeOneVersion(t, base)
}
