package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// doer sends one request and reports whether it failed.
type doer func(ctx context.Context) error

// stats summarises the latencies of one measurement, in milliseconds.
type stats struct {
	N      int     `json:"n"`
	Errors int     `json:"errors"`
	P50    float64 `json:"p50"`
	P90    float64 `json:"p90"`
	P99    float64 `json:"p99"`
	Max    float64 `json:"max"`
	RPS    float64 `json:"rps"`            // completed requests per second of wall time
	Rate   float64 `json:"rate,omitempty"` // offered rate, open loop
	Conc   int     `json:"conc,omitempty"` // connections, closed loop
	Secs   float64 `json:"secs"`
	Err    string  `json:"err,omitempty"` // first error
}

func summarise(lat []time.Duration, errs int, wall time.Duration, firstErr error) stats {
	s := stats{N: len(lat), Errors: errs, Secs: wall.Seconds()}
	if firstErr != nil {
		s.Err = firstErr.Error()
	}
	if len(lat) == 0 {
		return s
	}
	slices.Sort(lat)
	q := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(lat)))) - 1
		i = max(0, min(i, len(lat)-1))
		return ms(lat[i])
	}
	s.P50, s.P90, s.P99, s.Max = q(0.50), q(0.90), q(0.99), ms(lat[len(lat)-1])
	if wall > 0 {
		s.RPS = float64(len(lat)) / wall.Seconds()
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

// sequential sends requests one after another on one connection: warm
// requests first (not counted), then until n requests or d have passed.
func sequential(do doer, warm int, warmDur time.Duration, n int, d time.Duration) stats {
	ctx := context.Background()
	// Warm: at least warm requests and at least warmDur (JIT, plan caches).
	for t0, i := time.Now(), 0; i < warm || time.Since(t0) < warmDur; i++ {
		_ = do(ctx)
	}
	var lat []time.Duration
	errs := 0
	var first error
	start := time.Now()
	for len(lat)+errs < n && time.Since(start) < d {
		t0 := time.Now()
		if err := do(ctx); err != nil {
			errs++
			if first == nil {
				first = err
			}
			continue
		}
		lat = append(lat, time.Since(t0))
	}
	return summarise(lat, errs, time.Since(start), first)
}

// openLoop offers rate requests per second for d, whatever the answers'
// pace, and measures each latency from the moment its request was due (so
// a server that falls behind is charged for the queue it builds).
func openLoop(do doer, rate float64, d time.Duration) stats {
	// Open the pool's connections first, uncounted.
	closedLoop(do, 4, 150*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), d+10*time.Second)
	defer cancel()
	total := int(rate * d.Seconds())
	interval := time.Duration(float64(time.Second) / rate)
	var mu sync.Mutex
	lat := make([]time.Duration, 0, total)
	errs := 0
	var first error
	var wg sync.WaitGroup
	var inflight atomic.Int64
	start := time.Now()
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		if w := time.Until(due); w > 0 {
			time.Sleep(w)
		}
		if inflight.Load() > 512 { // hopelessly behind: count as failures
			mu.Lock()
			errs++
			mu.Unlock()
			continue
		}
		inflight.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer inflight.Add(-1)
			err := do(ctx)
			l := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs++
				if first == nil {
					first = err
				}
				return
			}
			lat = append(lat, l)
		}()
	}
	wg.Wait()
	s := summarise(lat, errs, time.Since(start), first)
	s.Rate = rate
	return s
}

// closedLoop keeps conc requests in flight for d.
func closedLoop(do doer, conc int, d time.Duration) stats {
	ctx := context.Background()
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	var first error
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(deadline) {
				t0 := time.Now()
				err := do(ctx)
				if err != nil {
					mu.Lock()
					errs++
					if first == nil {
						first = err
					}
					mu.Unlock()
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	s := summarise(lat, errs, time.Since(start), first)
	s.Conc = conc
	return s
}

// maxRate finds the highest offered rate whose p99 stays within limitMS
// (no errors, and the rate actually achieved): rates grow by half from
// start until one fails, then one step of bisection.
func maxRate(do doer, limitMS, start float64, step time.Duration, maxSteps int) (best stats, tried []stats) {
	ok := func(s stats) bool {
		return s.Errors == 0 && s.N > 0 && s.P99 <= limitMS && s.RPS >= 0.9*s.Rate
	}
	rate := max(start, 2)
	var lo, hi float64
	for range maxSteps {
		s := openLoop(do, rate, step)
		tried = append(tried, s)
		if ok(s) {
			lo, best = rate, s
			if hi == 0 {
				rate *= 1.5
			} else {
				rate = (lo + hi) / 2
			}
		} else {
			hi = rate
			if lo == 0 {
				rate /= 2
				if rate < 1 {
					break
				}
			} else {
				rate = (lo + hi) / 2
			}
		}
		if hi > 0 && lo > 0 && hi/lo < 1.15 {
			break
		}
		time.Sleep(300 * time.Millisecond) // let a queue drain
	}
	return best, tried
}

// httpTarget posts GraphQL queries to one URL.
type httpTarget struct {
	url    string
	client *http.Client
}

func newHTTPTarget(url string, maxConns int) *httpTarget {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        maxConns,
		MaxIdleConnsPerHost: maxConns,
		MaxConnsPerHost:     maxConns,
		DisableCompression:  true,
		IdleConnTimeout:     90 * time.Second,
	}
	return &httpTarget{url: url, client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

func gqlBody(query string) []byte {
	b, _ := json.Marshal(map[string]string{"query": query})
	return b
}

// post sends a query body and returns the response body; a status other
// than 200 or an "errors" entry is an error.
func (t *httpTarget) post(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return b, fmt.Errorf("%s: status %d: %.200s", t.url, resp.StatusCode, b)
	}
	if bytes.Contains(b, []byte(`"errors"`)) {
		return b, fmt.Errorf("%s: %.300s", t.url, b)
	}
	return b, nil
}

func (t *httpTarget) doer(query string) doer {
	return t.rawDoer(gqlBody(query))
}

// rawDoer posts body as it is.
func (t *httpTarget) rawDoer(body []byte) doer {
	return func(ctx context.Context) error {
		_, err := t.post(ctx, body)
		return err
	}
}
