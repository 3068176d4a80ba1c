package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSoak runs the README's queries (and some bad ones) against one
// server at a fixed concurrency for SOAK_DURATION (default 10s; make test
// uses 60s): every answer must be the expected one, and the heap measured
// after garbage collection must stop growing.
func TestSoak(t *testing.T) {
	d := 10 * time.Second
	if v, err := time.ParseDuration(os.Getenv("SOAK_DURATION")); err == nil {
		d = v
	}
	// The log goes nowhere: kept in memory it would grow with every request.
	base := bootTo(t, nil, io.Discard)
	good := readmeQueries(t)
	bad := []string{`{ talks(limit: 1000) { title } }`, `{ nope }`, `{ talks(where: { title: { eq: 1 } }) { title } }`}
	client := &http.Client{Timeout: 30 * time.Second}
	var requests, failures atomic.Int64
	var firstFailure atomic.Value
	// run sends requests from 8 workers for a while, then waits for every
	// request in flight, so that the heap measured after it holds only
	// what the server keeps.
	next := 0
	run := func(d time.Duration) {
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := next + w; ; i += 8 {
					select {
					case <-stop:
						return
					default:
					}
					q, wantErr := good[i%len(good)], false
					if i%10 == 9 {
						q, wantErr = bad[i%len(bad)], true
					}
					body, _ := json.Marshal(map[string]string{"query": q})
					resp, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
					requests.Add(1)
					if err != nil {
						failures.Add(1)
						firstFailure.CompareAndSwap(nil, err.Error())
						continue
					}
					var r gqlResponse
					err = json.NewDecoder(resp.Body).Decode(&r)
					resp.Body.Close()
					if err != nil || (len(r.Errors) > 0) != wantErr {
						failures.Add(1)
						firstFailure.CompareAndSwap(nil, q)
					}
				}
			}()
		}
		time.Sleep(d)
		close(stop)
		wg.Wait()
		next += 1000
	}
	heap := func() uint64 {
		client.CloseIdleConnections()
		time.Sleep(100 * time.Millisecond)
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	run(d / 3)
	early := heap()
	run(d * 2 / 3)
	late := heap()
	t.Logf("%d requests in %s, %d failures; heap after GC %d KiB at a third, %d KiB at the end", requests.Load(), d, failures.Load(), early/1024, late/1024)
	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed; first: %v", failures.Load(), requests.Load(), firstFailure.Load())
	}
	if late > early+early/5+1<<20 {
		t.Errorf("the heap grew from %d KiB to %d KiB while serving the same queries", early/1024, late/1024)
	}
}
