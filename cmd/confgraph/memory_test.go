package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"
)

// The server runs in the test's process, so what the process holds after
// the hostile requests is what the server kept of them.
const (
	// heapAllowance is added to twice the heap in use at start: room for
	// caches that fill with use (parsed queries, the graph's shape).
	heapAllowance = 16 << 20
	// goroutineSlack is how many more goroutines than at start may remain
	// (a connection the server has not yet seen closed, a shape refresh).
	goroutineSlack = 2
	// settleTime is how long requests that ended get to release what they
	// hold (handlers that outlived their client, resolvers past their
	// deadline).
	settleTime = 2 * time.Second
)

// procUsage is what the process holds: heap in use after a collection, and
// goroutines.
type procUsage struct {
	heapInuse  uint64
	goroutines int
}

func (u procUsage) String() string {
	return fmt.Sprintf("heap in use %.1f MiB, %d goroutines", float64(u.heapInuse)/(1<<20), u.goroutines)
}

// measureUsage closes the client's idle connections (so that neither
// side's connection goroutines count), collects garbage and measures.
func measureUsage() procUsage {
	http.DefaultClient.CloseIdleConnections()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return procUsage{heapInuse: m.HeapInuse, goroutines: runtime.NumGoroutine()}
}

// settle waits up to wait for the process to be back near base: heap in
// use within twice base's plus heapAllowance, goroutines within
// goroutineSlack of base's. It returns the last measure and, when the
// process did not get back, an error naming what it still holds.
func settle(base procUsage, wait time.Duration) (procUsage, error) {
	deadline := time.Now().Add(wait)
	for {
		u := measureUsage()
		heapOK := u.heapInuse <= 2*base.heapInuse+heapAllowance
		goroutinesOK := u.goroutines <= base.goroutines+goroutineSlack
		if heapOK && goroutinesOK {
			return u, nil
		}
		if time.Now().After(deadline) {
			var problems []string
			if !heapOK {
				problems = append(problems, fmt.Sprintf("heap in use is %.1f MiB, more than twice the %.1f MiB at start plus %d MiB",
					float64(u.heapInuse)/(1<<20), float64(base.heapInuse)/(1<<20), heapAllowance>>20))
			}
			if !goroutinesOK {
				var dump bytes.Buffer
				_ = pprof.Lookup("goroutine").WriteTo(&dump, 1)
				problems = append(problems, fmt.Sprintf("%d goroutines, %d at start (allowed %d more); they are:\n%.6000s",
					u.goroutines, base.goroutines, goroutineSlack, dump.String()))
			}
			return u, fmt.Errorf("%v after the requests ended: %s", wait, strings.Join(problems, "; "))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// rss is the process's resident set now and at its highest, from
// /proc/self/status (empty where there is none).
func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") || strings.HasPrefix(l, "VmHWM:") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, ", ")
}

// heavyAccepted are among the most expensive queries the default limits
// accept on the seed corpus (see README, "Query limits").
var heavyAccepted = []string{
	`{ talks(limit: 1) { related(first: 25) { score talk { related(first: 25) { score talk { related(first: 25) { score talk { title } } } } } } } }`,
	`{ talks(limit: 100) { related(first: 100) { score reasons talk { title } } } }`,
	`{ search(query: "kubernetes service mesh", first: 100) { score node { ... on Talk { title related(first: 100) { score talk { title } } } } } }`,
	`{ events { name talks { title speakers { name companies { name } } } } }`,
}

// TestHostileRequestsReleaseMemoryAndGoroutines runs the hostile suite,
// the heaviest queries the limits accept (alone, several at once, past a
// deadline and abandoned by their client) and then checks that the
// server still answers and holds what it held at start: heap in use
// within twice its start plus an allowance, goroutines back to within a
// few of the start.
func TestHostileRequestsReleaseMemoryAndGoroutines(t *testing.T) {
	base, _ := boot(t)
	// The same server with a deadline the heavy queries pass.
	hurried, _ := boot(t, "--request-timeout", "100ms")
	for _, b := range []string{base, hurried} {
		// Start what starts with the first requests (the shape, caches).
		for _, q := range []string{`{ __typename }`, `{ stats { name count } }`, `{ talks(limit: 1) { title related(first: 1) { score } } }`} {
			if r := query(t, b, q, nil); len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", q, r.Errors)
			}
		}
	}
	time.Sleep(100 * time.Millisecond)
	start := measureUsage()
	t.Logf("after start-up: %s; %s", start, rss())

	t.Run("Hostile", func(t *testing.T) { checkHostile(t, base) })

	t.Run("HeavyAccepted", func(t *testing.T) {
		for _, q := range heavyAccepted {
			checkHeavy(t, query(t, base, q, nil), q)
		}
		var wg sync.WaitGroup
		results := make([]gqlResponse, 4)
		for i := range results {
			wg.Go(func() { results[i] = query(t, base, heavyAccepted[i%2], nil) })
		}
		wg.Wait()
		for i, r := range results {
			checkHeavy(t, r, "at once: "+heavyAccepted[i%2])
		}
	})

	t.Run("PastTheDeadline", func(t *testing.T) {
		var wg sync.WaitGroup
		results := make([]gqlResponse, 4)
		for i := range results {
			wg.Go(func() { results[i] = query(t, hurried, heavyAccepted[0], nil) })
		}
		wg.Wait()
		for _, r := range results {
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "TIMEOUT" {
				t.Errorf("past a 100ms deadline: %d bytes of data, %+v; want one TIMEOUT error", len(r.Data), r.Errors)
			}
		}
	})

	t.Run("AbandonedByTheClient", func(t *testing.T) {
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
				defer cancel()
				body, _ := json.Marshal(map[string]any{"query": heavyAccepted[0]})
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if resp, err := http.DefaultClient.Do(req); err == nil {
					resp.Body.Close()
				}
			})
		}
		wg.Wait()
	})

	end, err := settle(start, settleTime)
	t.Logf("after the requests: %s; %s", end, rss())
	if err != nil {
		t.Error(err)
	}
	for _, b := range []string{base, hurried} {
		if r := query(t, b, `{ __typename }`, nil); len(r.Errors) > 0 || string(r.Data) != `{"__typename":"Query"}` {
			t.Errorf("{ __typename } after the requests: %s %+v", r.Data, r.Errors)
		}
	}
}

// checkHeavy accepts an answer without errors, or a refusal or deadline
// should the limits change; nothing else.
func checkHeavy(t *testing.T, r gqlResponse, q string) {
	t.Helper()
	if len(r.Errors) == 0 {
		if len(r.Data) < 100 {
			t.Errorf("%.60s: answered only %s", q, r.Data)
		}
		return
	}
	if c := r.Errors[0].Extensions["code"]; len(r.Errors) > 1 || (c != "QUERY_TOO_COMPLEX" && c != "TIMEOUT") {
		t.Errorf("%.60s: %+v, want data (or QUERY_TOO_COMPLEX or TIMEOUT)", q, r.Errors)
		return
	}
	t.Logf("%.60s: %s (%s)", q, r.Errors[0].Extensions["code"], r.Errors[0].Message)
}

// TestSettleSeesLeaks checks that settle fails when memory or goroutines
// are held, and passes once they are released.
func TestSettleSeesLeaks(t *testing.T) {
	start := measureUsage()

	held := make([]byte, 2*start.heapInuse+heapAllowance+(8<<20))
	for i := range held {
		held[i] = 1
	}
	if _, err := settle(start, 100*time.Millisecond); err == nil || !strings.Contains(err.Error(), "heap in use") {
		t.Errorf("settle with %d MiB held = %v, want an error about the heap", len(held)>>20, err)
	}
	runtime.KeepAlive(held)

	release := make(chan struct{})
	var wg sync.WaitGroup
	for range goroutineSlack + 2 {
		wg.Go(func() { <-release })
	}
	if _, err := settle(start, 100*time.Millisecond); err == nil || !strings.Contains(err.Error(), "goroutines") || !strings.Contains(err.Error(), "TestSettleSeesLeaks") {
		t.Errorf("settle with %d goroutines blocked = %v, want an error listing them", goroutineSlack+2, err)
	}
	close(release)
	wg.Wait()
	if u, err := settle(start, settleTime); err != nil {
		t.Errorf("settle once released: %s: %v", u, err)
	}
}
