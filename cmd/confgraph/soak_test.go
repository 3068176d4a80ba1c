package main

import (
	"bytes"
	"encoding/json"
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
	base, _ := boot(t)
	good := readmeQueries(t)
	bad := []string{`{ talks(limit: 1000) { title } }`, `{ nope }`, `{ talks(where: { title: { eq: 1 } }) { title } }`}
	client := &http.Client{Timeout: 30 * time.Second}
	var requests, failures atomic.Int64
	var firstFailure atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ; i++ {
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
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	time.Sleep(d / 3)
	early := heap()
	time.Sleep(d * 2 / 3)
	late := heap()
	close(stop)
	wg.Wait()
	t.Logf("%d requests in %s, %d failures; heap after GC %d KiB at a third, %d KiB at the end", requests.Load(), d, failures.Load(), early/1024, late/1024)
	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed; first: %v", failures.Load(), requests.Load(), firstFailure.Load())
	}
	if late > early+early/4+4<<20 {
		t.Errorf("the heap grew from %d KiB to %d KiB while serving the same queries", early/1024, late/1024)
	}
}
