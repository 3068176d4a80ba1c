package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the Prometheus series the server exports on /metrics.
type Metrics struct {
	Registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	latency       *prometheus.HistogramVec
	storeCalls    *prometheus.CounterVec
	storeLatency  *prometheus.HistogramVec
	documents     *prometheus.CounterVec
	graphElements *prometheus.GaugeVec
}

// NewMetrics registers the series in a registry of their own.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "confgraph_graphql_requests_total",
			Help: "GraphQL operations by operation name and outcome (ok or the error code)."}, []string{"operation", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "confgraph_graphql_request_duration_seconds",
			Help: "Time to answer a GraphQL operation.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}, []string{"operation"}),
		storeCalls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "confgraph_store_calls_total",
			Help: "Calls to the graph store by method and outcome."}, []string{"method", "outcome"}),
		storeLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "confgraph_store_call_duration_seconds",
			Help: "Time a store call takes.", Buckets: prometheus.ExponentialBuckets(0.0001, 2, 18)}, []string{"method"}),
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "confgraph_loader_documents_total",
			Help: "Documents the loaders read, by kind (listing, recap) or skipped."}, []string{"kind"}),
		graphElements: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "confgraph_graph_elements",
			Help: "Nodes per label and relationships per type in the store, as of the last load."}, []string{"name"}),
	}
	m.Registry.MustRegister(m.requests, m.latency, m.storeCalls, m.storeLatency, m.documents, m.graphElements,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// Documents counts loaded documents of a kind ("listing", "recap",
// "skipped").
func (m *Metrics) Documents(kind string, n int) { m.documents.WithLabelValues(kind).Add(float64(n)) }

// GraphCounts records the store's counts per label and relationship type.
func (m *Metrics) GraphCounts(counts map[string]int) {
	for k, v := range counts {
		m.graphElements.WithLabelValues(k).Set(float64(v))
	}
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{})
}

// observeOperation records each GraphQL operation's outcome and latency.
func (m *Metrics) observeOperation(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	name := "anonymous"
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.OperationName != "" {
		name = oc.OperationName
	}
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
		if c, ok := resp.Errors[0].Extensions["code"].(string); ok {
			outcome = c
		}
	}
	m.requests.WithLabelValues(name, outcome).Inc()
	m.latency.WithLabelValues(name).Observe(time.Since(start).Seconds())
	return resp
}

type requestIDKey struct{}

// RequestID returns the request's ID, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// logRequests gives each request an ID (the caller's X-Request-Id when it
// sends a sane one), returns it in the response header, and logs one line
// per request.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		ctx := context.WithValue(r.Context(), requestIDKey{}, id)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		next.ServeHTTP(rec, r.WithContext(ctx))
		log.LogAttrs(ctx, slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.status), slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Flush passes flushes through, for streaming transports.
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// ContextHandler adds the request ID of the context to every log record.
type ContextHandler struct{ slog.Handler }

// Handle implements slog.Handler.
func (h ContextHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs implements slog.Handler.
func (h ContextHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return ContextHandler{h.Handler.WithAttrs(as)}
}

// WithGroup implements slog.Handler.
func (h ContextHandler) WithGroup(name string) slog.Handler {
	return ContextHandler{h.Handler.WithGroup(name)}
}
