// Command confgraph turns documents about cloud-native conferences into a
// knowledge graph and serves it over GraphQL.
//
//	confgraph serve  [--corpus DIR] [--addr 127.0.0.1:8080]
//	confgraph export [--corpus DIR] --format jsonl
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p := &Program{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if err := p.Main(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "confgraph:", err)
		os.Exit(exitCode(err))
	}
}
