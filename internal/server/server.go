// Package server wires the GraphQL API into an HTTP handler: /graphql for
// queries, / for the GraphiQL playground, /healthz (the process is up) and
// /readyz (the store answers).
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/confgraph/confgraph/graph"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// Config tunes the handler.
type Config struct {
	// MaxBodyBytes bounds a request body.
	MaxBodyBytes int64
	// MaxComplexity bounds a query's cost (gqlgen complexity).
	MaxComplexity int
	// Timeout bounds the time spent on one request.
	Timeout time.Duration
	// Ready reports whether the store can answer; /readyz serves it.
	Ready func(context.Context) error
}

// DefaultConfig is what `confgraph serve` uses unless told otherwise.
var DefaultConfig = Config{MaxBodyBytes: 1 << 20, MaxComplexity: 5000, Timeout: 10 * time.Second}

// New returns the HTTP handler serving the API from store.
func New(store confgraph.Store, cfg Config) http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Store: store}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(extension.FixedComplexityLimit(cfg.MaxComplexity))
	srv.SetErrorPresenter(graph.PresentError)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(graph.WithBatching(ctx, store))
	})
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		slog.ErrorContext(ctx, "panic while resolving", "panic", fmt.Sprint(v))
		return gqlerror.Errorf("internal error")
	})

	mux := http.NewServeMux()
	mux.Handle("/graphql", limit(srv, cfg))
	mux.Handle("GET /{$}", playground.Handler("confgraph", "/graphql"))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if cfg.Ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
			defer cancel()
			if err := cfg.Ready(ctx); err != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintln(w, "not ready:", confgraph.ErrorMessage(err))
				return
			}
		}
		fmt.Fprintln(w, "ready")
	})
	return mux
}

// limit bounds the request body and the time a request may take; the
// context deadline also cancels the store calls.
func limit(next http.Handler, cfg Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if cfg.MaxBodyBytes > 0 {
			r.Body = http.MaxBytesReader(w, r.Body, cfg.MaxBodyBytes)
		}
		if cfg.Timeout > 0 {
			ctx, cancel := context.WithTimeout(r.Context(), cfg.Timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}
