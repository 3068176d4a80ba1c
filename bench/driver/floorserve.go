package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// floorServeCmd is `driver floor-serve`: the floor placed like confgraph.
// A plain net/http handler that runs the one statement a request carries
// through the Go driver, exactly as confgraph's store and the in-driver
// floor run statements, and writes the records as JSON. The benchmark pins
// it to the server core, so its Go driver work (Bolt encoding and decoding,
// goroutines) shares that core with Neo4j as confgraph's does.
//
//	POST /cypher  {"cypher": "...", "params": {...}}
//	  200 {"data": {"keys": [...], "rows": [[...], ...]}}
//	  500 {"errors": [{"message": "..."}]}
//	GET  /readyz  200 once the driver has connected
func floorServeCmd(args []string) error {
	fs := flag.NewFlagSet("floor-serve", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "address to listen on")
	uri := fs.String("neo4j-uri", "bolt://127.0.0.1:7687", "Neo4j Bolt URI")
	_ = fs.Parse(args)
	ctx := context.Background()
	// The same user and password the benchmark's own driver uses (openDriver:
	// user neo4j); the password only through the environment.
	drv, err := openDriver(ctx, *uri, os.Getenv("NEO4J_PASSWORD"))
	if err != nil {
		return fmt.Errorf("neo4j %s: %w", *uri, err)
	}
	defer drv.Close(ctx)
	mux := http.NewServeMux()
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.Handle("/cypher", floorHandler(drv))
	return http.ListenAndServe(*addr, mux)
}

// floorRequest is one statement to run.
type floorRequest struct {
	Cypher string         `json:"cypher"`
	Params map[string]any `json:"params"`
}

// floorAnswer is its records, values as the driver returned them.
type floorAnswer struct {
	Keys []string `json:"keys"`
	Rows [][]any  `json:"rows"`
}

func floorHandler(drv neo4j.DriverWithContext) http.Handler {
	fail := func(w http.ResponseWriter, status int, err error) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": err.Error()}}})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			fail(w, http.StatusMethodNotAllowed, errors.New("POST a JSON body {cypher, params}"))
			return
		}
		var req floorRequest
		dec := json.NewDecoder(r.Body)
		dec.UseNumber()
		if err := dec.Decode(&req); err != nil {
			fail(w, http.StatusBadRequest, err)
			return
		}
		if strings.TrimSpace(req.Cypher) == "" {
			fail(w, http.StatusBadRequest, errors.New("no cypher"))
			return
		}
		params, _ := jsonNumbers(req.Params).(map[string]any)
		res, err := neo4j.ExecuteQuery(r.Context(), drv, req.Cypher, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase("neo4j"), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			fail(w, http.StatusInternalServerError, err)
			return
		}
		ans := floorAnswer{Keys: res.Keys, Rows: make([][]any, len(res.Records))}
		for i, rec := range res.Records {
			ans.Rows[i] = rec.Values
		}
		b, err := json.Marshal(map[string]any{"data": ans})
		if err != nil {
			fail(w, http.StatusInternalServerError, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
	})
}

// jsonNumbers turns the json.Numbers of a decoded value into int64 when
// they have no fraction and float64 otherwise, in lists and maps too, so
// that integer parameters (limits) reach Neo4j as integers.
func jsonNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = jsonNumbers(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = jsonNumbers(e)
		}
		return x
	}
	return v
}

// floorHTTPBody is the request floor-serve answers for q.
func floorHTTPBody(q query) []byte {
	b, _ := json.Marshal(floorRequest{Cypher: q.Cypher, Params: q.Params})
	return b
}

// floorHTTPRecords turns floor-serve's answer back into records, so that
// q.floorRows reads them as it reads the in-driver floor's (numbers are
// float64 there, which the row functions read as they read int64).
func floorHTTPRecords(body []byte) ([]*neo4j.Record, error) {
	var resp struct {
		Data *floorAnswer `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, err
	}
	if resp.Data == nil {
		return nil, fmt.Errorf("no data in %.200s", body)
	}
	recs := make([]*neo4j.Record, len(resp.Data.Rows))
	for i, row := range resp.Data.Rows {
		recs[i] = &neo4j.Record{Keys: resp.Data.Keys, Values: row}
	}
	return recs, nil
}

// floorHTTPTarget posts each query's floor statement to floor-serve; the
// body is built once per query.
func (r *runner) floorHTTPTarget(url string) target {
	one, pool := newHTTPTarget(url, 1), newHTTPTarget(url, 1024)
	var mu sync.Mutex
	bodies := map[string][]byte{}
	body := func(q query) []byte {
		mu.Lock()
		defer mu.Unlock()
		b, ok := bodies[q.Name]
		if !ok {
			b = floorHTTPBody(q)
			bodies[q.Name] = b
		}
		return b
	}
	return target{
		name: "floor-http",
		one:  func(q query) doer { return one.rawDoer(body(q)) },
		pool: func(q query) doer { return pool.rawDoer(body(q)) },
	}
}
