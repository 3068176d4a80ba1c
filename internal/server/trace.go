package server

import (
	"context"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// traceRequests opens a span per HTTP request.
func traceRequests(tr trace.Tracer, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tr.Start(r.Context(), r.Method+" "+r.URL.Path, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("http.request.method", r.Method), attribute.String("url.path", r.URL.Path)))
		defer span.End()
		if id := RequestID(r.Context()); id != "" {
			span.SetAttributes(attribute.String("confgraph.request_id", id))
		}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))
		span.SetAttributes(attribute.Int("http.response.status_code", rec.status))
	})
}

// traceOperation opens a span per GraphQL operation, named after it.
func traceOperation(tr trace.Tracer) func(context.Context, graphql.OperationHandler) graphql.ResponseHandler {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		name := "anonymous"
		if oc := graphql.GetOperationContext(ctx); oc != nil && oc.OperationName != "" {
			name = oc.OperationName
		}
		ctx, span := tr.Start(ctx, "graphql "+name)
		handler := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := handler(ctx)
			if resp == nil {
				span.End()
				return nil
			}
			if len(resp.Errors) > 0 {
				span.SetStatus(codes.Error, resp.Errors[0].Message)
			}
			span.End()
			return resp
		}
	}
}

// traced opens a span per store call.
type traced struct {
	confgraph.Store
	tr trace.Tracer
}

func (s traced) span(ctx context.Context, method string) (context.Context, func(error)) {
	ctx, sp := s.tr.Start(ctx, "store."+method, trace.WithSpanKind(trace.SpanKindClient))
	return ctx, func(err error) {
		if err != nil {
			sp.SetStatus(codes.Error, confgraph.ErrorMessage(err))
			sp.SetAttributes(attribute.String("confgraph.error_code", confgraph.ErrorCode(err)))
		}
		sp.End()
	}
}

func (s traced) Nodes(ctx context.Context, ids []string) (m map[string]confgraph.Node, err error) {
	ctx, end := s.span(ctx, "Nodes")
	defer func() { end(err) }()
	return s.Store.Nodes(ctx, ids)
}

func (s traced) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (m map[string][]confgraph.Edge, err error) {
	ctx, end := s.span(ctx, "Related")
	defer func() { end(err) }()
	return s.Store.Related(ctx, ids, rel, dir)
}

func (s traced) Find(ctx context.Context, q confgraph.Query) (n []confgraph.Node, err error) {
	ctx, end := s.span(ctx, "Find")
	defer func() { end(err) }()
	return s.Store.Find(ctx, q)
}

func (s traced) Count(ctx context.Context, l confgraph.Label, w *confgraph.Filter) (n int, err error) {
	ctx, end := s.span(ctx, "Count")
	defer func() { end(err) }()
	return s.Store.Count(ctx, l, w)
}

func (s traced) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (m map[string][]confgraph.Edge, err error) {
	ctx, end := s.span(ctx, "RelatedQuery")
	defer func() { end(err) }()
	return s.Store.RelatedQuery(ctx, ids, rel, dir, q)
}

func (s traced) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, w *confgraph.Filter) (m map[string]int, err error) {
	ctx, end := s.span(ctx, "Degrees")
	defer func() { end(err) }()
	return s.Store.Degrees(ctx, ids, rel, dir, w)
}

func (s traced) Search(ctx context.Context, text string, ls []confgraph.Label, limit int) (h []confgraph.SearchHit, err error) {
	ctx, end := s.span(ctx, "Search")
	defer func() { end(err) }()
	return s.Store.Search(ctx, text, ls, limit)
}

func (s traced) ShortestPath(ctx context.Context, from, to string, hops int) (p *confgraph.Path, err error) {
	ctx, end := s.span(ctx, "ShortestPath")
	defer func() { end(err) }()
	return s.Store.ShortestPath(ctx, from, to, hops)
}

func (s traced) Counts(ctx context.Context) (m map[string]int, err error) {
	ctx, end := s.span(ctx, "Counts")
	defer func() { end(err) }()
	return s.Store.Counts(ctx)
}
