// Package server wires the GraphQL API into an HTTP handler: /graphql for
// queries, / for the GraphiQL playground, /healthz (the process is up) and
// /readyz (the store answers).
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/otel/trace"

	"github.com/confgraph/confgraph/graph"
	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/ingest"
)

// Config tunes the handler.
type Config struct {
	// MaxBodyBytes bounds a request body; a larger one is refused with
	// HTTP 413 and code PAYLOAD_TOO_LARGE.
	MaxBodyBytes int64
	// MaxWriteBodyBytes bounds the body of a request carrying the API
	// token, which may add a document of up to ingest.MaxDocumentBytes.
	MaxWriteBodyBytes int64
	// Limits bound the shape and cost of queries.
	Limits Limits
	// Timeout bounds the time spent on one request; its deadline also
	// cancels the store calls.
	Timeout time.Duration
	// Introspection allows schema introspection (the playground needs it).
	Introspection bool
	// CORSOrigins are the origins browsers may call the API from; "*"
	// allows any. Empty: no cross-origin access.
	CORSOrigins []string
	// Ready reports whether the store can answer; /readyz serves it.
	Ready func(context.Context) error
	// PlaygroundAssets, when set, is a directory holding the playground's
	// scripts and styles (see scripts/playground-assets.sh), served from
	// /playground-assets/ so that the playground works offline.
	PlaygroundAssets string
	// PlaygroundCDN makes the playground page load its scripts from the
	// jsDelivr CDN. With neither this nor usable PlaygroundAssets, / says
	// how to get the files instead of showing a page that cannot load.
	PlaygroundCDN bool
	// Logger receives one line per request and internal errors; nil logs
	// nothing.
	Logger *slog.Logger
	// Metrics, when set, are updated and served on /metrics.
	Metrics *Metrics
	// Docs, when set with APIToken, serves the addDocument mutation to
	// requests that carry the token.
	Docs     confgraph.DocumentAdder
	APIToken string
	// Tracer, when set, records a span per request, GraphQL operation and
	// store call (OpenTelemetry).
	Tracer trace.Tracer
}

// DefaultConfig is what `confgraph serve` uses unless told otherwise.
var DefaultConfig = Config{
	MaxBodyBytes: 1 << 20,
	// A document's text as a JSON string, escaped, and the mutation
	// around it.
	MaxWriteBodyBytes: 2*ingest.MaxDocumentBytes + 1<<20,
	Limits:            Limits{MaxDepth: 12, MaxCost: 2_000_000, MaxAliases: 30, MaxRootFields: 20},
	Timeout:           10 * time.Second,
	Introspection:     true,
}

// shapeTTL is how long the cost model keeps the store's Shape.
const shapeTTL = 5 * time.Second

// New returns the HTTP handler serving the API from store.
func New(store confgraph.Store, cfg Config) http.Handler {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pinner, _ := store.(confgraph.Pinner)
	shape := newShapeCache(store, shapeTTL)
	go shape.get(context.Background()) // ready before the first query, when the store is
	if cfg.Metrics != nil || cfg.Tracer != nil {
		o := observed{Store: store, m: cfg.Metrics, tr: cfg.Tracer}
		if _, ok := store.(confgraph.Prefetcher); ok {
			store = observedPrefetcher{o}
		} else {
			store = o
		}
	}
	res := &graph.Resolver{Store: store}
	if cfg.APIToken != "" {
		res.Docs = cfg.Docs
	}
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: res}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(apqCheck{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(&limitsExtension{Limits: cfg.Limits, shape: shape.get, introspection: cfg.Introspection})
	srv.SetErrorPresenter(ErrorPresenter(log))
	if pinner != nil {
		srv.AroundOperations(pinQueries(pinner)) // outside the batching, whose calls it pins
	}
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(batch.With(ctx))
	})
	if cfg.Tracer != nil {
		srv.AroundOperations(traceOperation(cfg.Tracer))
	}
	if cfg.Metrics != nil {
		srv.AroundResponses(cfg.Metrics.observeOperation)
	}
	srv.AroundResponses(oneErrorPerCause)
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		log.ErrorContext(ctx, "panic while resolving", "panic", fmt.Sprint(v))
		err := gqlerror.Errorf("internal error")
		err.Extensions = map[string]any{"code": "INTERNAL"}
		return err
	})

	mux := http.NewServeMux()
	mux.Handle("/graphql", cors(cfg.CORSOrigins, limit(authenticate(cfg.APIToken, conform(srv)), cfg)))
	pg, err := playgroundHandler(cfg.PlaygroundAssets, cfg.PlaygroundCDN)
	if err != nil {
		log.Warn("the playground's files are not here; / says how to get them", "dir", cfg.PlaygroundAssets, "err", err)
		pg = playgroundMissing(cfg.PlaygroundAssets)
	}
	mux.Handle("GET /{$}", pg)
	if cfg.PlaygroundAssets != "" {
		mux.Handle("GET /playground-assets/", http.StripPrefix("/playground-assets/", http.FileServer(http.Dir(cfg.PlaygroundAssets))))
	}
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
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics.Handler())
	}
	var h http.Handler = mux
	if cfg.Tracer != nil {
		h = traceRequests(cfg.Tracer, h)
	}
	return logRequests(log, h)
}

// authenticate notes whether a request carries the API token.
func authenticate(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(graph.WithAuthenticated(r.Context(), hasToken(r, token))))
	})
}

// hasToken reports whether a request carries the API token.
func hasToken(r *http.Request, token string) bool {
	got, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return token != "" && found && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1
}

// cors answers browsers' cross-origin checks for the allowed origins.
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[o] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && (allowed["*"] || allowed[origin]) {
			h := w.Header()
			if allowed["*"] {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
				h.Add("Vary", "Origin")
			}
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// playgroundAssets lists the files the playground page loads, by where
// scripts/playground-assets.sh puts them under the assets directory.
var playgroundAssets = []string{
	"graphiql/graphiql.min.js", "graphiql/graphiql.min.css",
	"react/umd/react.production.min.js", "react-dom/umd/react-dom.production.min.js",
	"@graphiql/plugin-explorer/dist/index.umd.js", "@graphiql/plugin-explorer/dist/style.css",
}

// playgroundPins are the sha256 sums of those files in the versions
// scripts/playground-assets.sh fetches (graphiql 4.1.2, react and
// react-dom 18.2.0, @graphiql/plugin-explorer 4.0.6; the first five are
// also the sums gqlgen's page pins for the CDN). A directory holding other
// files is not served: the page would run code nobody pinned.
var playgroundPins = map[string]string{
	"graphiql/graphiql.min.js":                    "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs=",
	"graphiql/graphiql.min.css":                   "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU=",
	"react/umd/react.production.min.js":           "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY=",
	"react-dom/umd/react-dom.production.min.js":   "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc=",
	"@graphiql/plugin-explorer/dist/index.umd.js": "sha256-UM8sWOS0Xa9yLY85q6Clh0pF4qpxX+TOcJ41flECqBs=",
	"@graphiql/plugin-explorer/dist/style.css":    "sha256-aJCaSuI7+t/EWRrLTis8jU9EFTua5/o7fnwxnroxDvE=",
}

// PlaygroundSource says where the playground page loads GraphiQL from, for
// the start-up line: the directory, the CDN, or that it cannot.
func PlaygroundSource(cfg Config) string {
	if cfg.PlaygroundCDN {
		return "GraphiQL from the jsDelivr CDN"
	}
	if cfg.PlaygroundAssets == "" {
		return "GraphiQL's files missing: fetch them with scripts/playground-assets.sh, or pass --playground-cdn"
	}
	if _, err := playgroundHandler(cfg.PlaygroundAssets, false); err != nil {
		return fmt.Sprintf("GraphiQL's files missing from %s (%v): fetch them with scripts/playground-assets.sh, or pass --playground-cdn", cfg.PlaygroundAssets, err)
	}
	return "GraphiQL from " + cfg.PlaygroundAssets
}

// playgroundMissing is the page / serves when the playground's files are
// not here and the CDN was not asked for: what to do, not a page that
// would wait for scripts forever.
func playgroundMissing(dir string) http.Handler {
	where := "no directory was given (--playground-assets)"
	if dir != "" {
		where = "they are not in " + html.EscapeString(dir)
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>confgraph</title></head><body>
<h1>confgraph</h1>
<p>The GraphQL API answers at <a href="/graphql">/graphql</a> (POST, or GET with <code>?query=</code>).</p>
<p>The playground (GraphiQL) is served from local files so that it works offline, but ` + where + `.
Fetch them from npm with <code>scripts/playground-assets.sh</code> (into <code>tools/playground/assets</code>, which
<code>confgraph serve</code> uses when started from the repository; <code>make run</code> does both), or start the
server with <code>--playground-cdn</code> (<code>CONFGRAPH_PLAYGROUND_CDN=true</code>) to load them from the jsDelivr CDN.</p>
</body></html>
`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
}

// playgroundHandler serves GraphiQL: from the CDN when cdn is set, else
// from the local assets in dir (an error when they are not there).
func playgroundHandler(dir string, cdn bool) (http.Handler, error) {
	if cdn {
		return playground.Handler("confgraph", "/graphql"), nil
	}
	if dir == "" {
		return nil, errors.New("no playground assets directory")
	}
	sri := map[string]string{}
	for _, f := range playgroundAssets {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		sri[f] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
		if sri[f] != playgroundPins[f] {
			return nil, fmt.Errorf("%s is not the pinned version (%s, want %s)", f, sri[f], playgroundPins[f])
		}
	}
	url := func(f string) string { return "/playground-assets/" + f }
	return playground.Handler("confgraph", "/graphql",
		playground.WithGraphiqlVersion(url(playgroundAssets[0]), url(playgroundAssets[1]), sri[playgroundAssets[0]], sri[playgroundAssets[1]]),
		playground.WithGraphiqlReactVersion(url(playgroundAssets[2]), url(playgroundAssets[3]), sri[playgroundAssets[2]], sri[playgroundAssets[3]]),
		playground.WithGraphiqlPluginExplorerVersion(url(playgroundAssets[4]), url(playgroundAssets[5]), sri[playgroundAssets[4]], sri[playgroundAssets[5]]),
	), nil
}

// limit bounds the request body and the time a request may take; the
// context deadline also cancels the store calls. A body over the limit is
// refused with 413 before anything reads it, and a JSON array (a batch of
// operations) with 400.
func limit(next http.Handler, cfg Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if cfg.MaxBodyBytes > 0 && r.Body != nil && r.Method == http.MethodPost {
			most := cfg.MaxBodyBytes
			if cfg.APIToken != "" && hasToken(r, cfg.APIToken) {
				most = max(most, cfg.MaxWriteBodyBytes)
			}
			if r.ContentLength > most {
				refuse(w, r, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", fmt.Sprintf("the request body is larger than %d bytes", most))
				return
			}
			body, err := io.ReadAll(io.LimitReader(r.Body, most+1))
			if err != nil {
				refuse(w, r, http.StatusBadRequest, "BAD_REQUEST", "the request body could not be read")
				return
			}
			if int64(len(body)) > most {
				refuse(w, r, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", fmt.Sprintf("the request body is larger than %d bytes", most))
				return
			}
			if t := bytes.TrimLeft(body, " \t\r\n"); len(t) > 0 && t[0] == '[' {
				refuse(w, r, http.StatusBadRequest, "BATCHING_NOT_SUPPORTED", "a batch of operations (a JSON array) is not supported: send one operation per request")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		if cfg.Timeout > 0 {
			ctx, cancel := context.WithTimeout(r.Context(), cfg.Timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

// refuse answers a request the API will not run with one error and its
// code.
func refuse(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{"message": message, "extensions": map[string]any{"code": code}}}})
	mt := "application/json"
	if strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
		mt = "application/graphql-response+json"
	}
	w.Header().Set("Content-Type", mt+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
