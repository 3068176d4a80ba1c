// Command driver runs confgraph's benchmarks (issue 7): ingest into the
// embedded store and into Neo4j, the query mix over HTTP against
// confgraph (embedded and over Neo4j), the hand-written Cypher floor and
// the Neo4j GraphQL Library peer, and writes the figures as JSON; its
// report subcommand turns them into BENCHMARKS.md. scripts/bench.sh runs it.
//
//	driver run     --bin BIN --work DIR --neo4j-uri URI --neo4j-pid PID [--quick] --out results.json
//	driver report  --in results.json --out BENCHMARKS.md
//	driver ingest-mem-once --corpus DIR   (one embedded load, timed; run as a child for its peak RSS)
//	driver plain   --addr ADDR --body JSON (a plain net/http handler returning fixed bytes)
//	driver proxy   --target HOST:PORT      (a recording Bolt proxy: prints each statement a client sends, with its time)
//	NEO4J_PASSWORD=… driver floor-serve --addr ADDR --neo4j-uri URI
//	               (the floor over HTTP: POST /cypher {cypher, params} runs the statement through the Go driver)
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/loaders"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: driver run|report|ingest-mem-once|plain|proxy|floor-serve [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runCmd(os.Args[2:])
	case "report":
		err = reportCmd(os.Args[2:])
	case "ingest-mem-once":
		err = ingestMemOnce(os.Args[2:])
	case "plain":
		err = plainCmd(os.Args[2:])
	case "proxy":
		err = proxyCmd(os.Args[2:])
	case "floor-serve":
		err = floorServeCmd(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}

// memLoad is one timed load into the embedded store.
type memLoad struct {
	Docs      int     `json:"docs"`
	Nodes     int     `json:"nodes"`
	Rels      int     `json:"rels"`
	ParseSecs float64 `json:"parseSecs"` // loaders.LoadDir: read, detect, parse, resolve
	WriteSecs float64 `json:"writeSecs"` // memstore.Write
	PeakKB    int     `json:"peakKB,omitempty"`
}

func ingestMemOnce(args []string) error {
	fs := flag.NewFlagSet("ingest-mem-once", flag.ExitOnError)
	corpus := fs.String("corpus", "", "corpus directory")
	_ = fs.Parse(args)
	w, err := loaders.DefaultWorld()
	if err != nil {
		return err
	}
	t0 := time.Now()
	res, err := w.LoadDir(*corpus)
	if err != nil {
		return err
	}
	parse := since(t0)
	st := memstore.New()
	t1 := time.Now()
	if err := st.Write(context.Background(), res.Batch); err != nil {
		return err
	}
	write := since(t1)
	n, r := res.Batch.Len()
	return json.NewEncoder(os.Stdout).Encode(memLoad{Docs: len(res.Loaded), Nodes: n, Rels: r, ParseSecs: parse, WriteSecs: write})
}

func plainCmd(args []string) error {
	fs := flag.NewFlagSet("plain", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "address")
	body := fs.String("body", "", "response body")
	_ = fs.Parse(args)
	b := []byte(*body)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Read the request as a GraphQL server must, then answer the fixed bytes.
		buf := make([]byte, 4096)
		for {
			if _, err := r.Body.Read(buf); err != nil {
				break
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
	})
	return http.ListenAndServe(*addr, h)
}

func proxyCmd(args []string) error {
	fs := flag.NewFlagSet("proxy", flag.ExitOnError)
	target := fs.String("target", "127.0.0.1:7687", "Neo4j Bolt address")
	_ = fs.Parse(args)
	px, err := startBoltProxy(*target)
	if err != nil {
		return err
	}
	fmt.Printf("bolt://%s\n", px.Addr())
	start := time.Now()
	prev := start
	for {
		time.Sleep(20 * time.Millisecond)
		t := time.Now()
		for _, s := range px.Take() {
			now := prev.Add(time.Duration(s.At * float64(time.Millisecond)))
			rows := ""
			for k, v := range s.Params {
				if l, ok := v.([]any); ok {
					rows += fmt.Sprintf(" %s[%d]", k, len(l))
				}
			}
			fmt.Printf("%9.1f ms %s | %.160s\n", ms(now.Sub(start)), rows, strings.Join(strings.Fields(s.Cypher), " "))
		}
		prev = t
	}
}
