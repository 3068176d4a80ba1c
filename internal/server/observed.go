package server

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// observed wraps the store so that every read reaching it is counted and
// timed (when m is set) and gets a span (when tr is set).
type observed struct {
	confgraph.Store
	m  *Metrics
	tr trace.Tracer
}

// start begins observing one call; the returned function ends it.
func (s observed) start(ctx context.Context, method string) (context.Context, func(error)) {
	began := time.Now()
	var sp trace.Span
	if s.tr != nil {
		ctx, sp = s.tr.Start(ctx, "store."+method, trace.WithSpanKind(trace.SpanKindClient))
	}
	return ctx, func(err error) {
		if s.m != nil {
			outcome := "ok"
			if err != nil {
				outcome = confgraph.ErrorCode(err)
			}
			s.m.storeCalls.WithLabelValues(method, outcome).Inc()
			s.m.storeLatency.WithLabelValues(method).Observe(time.Since(began).Seconds())
		}
		if sp != nil {
			if err != nil {
				sp.SetStatus(codes.Error, confgraph.ErrorMessage(err))
				sp.SetAttributes(attribute.String("confgraph.error_code", confgraph.ErrorCode(err)))
			}
			sp.End()
		}
	}
}

func (s observed) List(ctx context.Context, l confgraph.Label, p confgraph.Page) (v []confgraph.Node, err error) {
	ctx, end := s.start(ctx, "List")
	defer func() { end(err) }()
	return s.Store.List(ctx, l, p)
}

func (s observed) Nodes(ctx context.Context, ids []string) (v map[string]confgraph.Node, err error) {
	ctx, end := s.start(ctx, "Nodes")
	defer func() { end(err) }()
	return s.Store.Nodes(ctx, ids)
}

func (s observed) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (v map[string][]confgraph.Edge, err error) {
	ctx, end := s.start(ctx, "Related")
	defer func() { end(err) }()
	return s.Store.Related(ctx, ids, rel, dir)
}

func (s observed) Find(ctx context.Context, q confgraph.Query) (v []confgraph.Node, err error) {
	ctx, end := s.start(ctx, "Find")
	defer func() { end(err) }()
	return s.Store.Find(ctx, q)
}

func (s observed) Count(ctx context.Context, l confgraph.Label, w *confgraph.Filter) (v int, err error) {
	ctx, end := s.start(ctx, "Count")
	defer func() { end(err) }()
	return s.Store.Count(ctx, l, w)
}

func (s observed) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (v map[string][]confgraph.Edge, err error) {
	ctx, end := s.start(ctx, "RelatedQuery")
	defer func() { end(err) }()
	return s.Store.RelatedQuery(ctx, ids, rel, dir, q)
}

func (s observed) Degrees(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, w *confgraph.Filter) (v map[string]int, err error) {
	ctx, end := s.start(ctx, "Degrees")
	defer func() { end(err) }()
	return s.Store.Degrees(ctx, ids, rel, dir, w)
}

func (s observed) Search(ctx context.Context, text string, ls []confgraph.Label, limit int) (v []confgraph.SearchHit, err error) {
	ctx, end := s.start(ctx, "Search")
	defer func() { end(err) }()
	return s.Store.Search(ctx, text, ls, limit)
}

func (s observed) ShortestPath(ctx context.Context, from, to string, hops int, types []confgraph.RelType) (v *confgraph.Path, err error) {
	ctx, end := s.start(ctx, "ShortestPath")
	defer func() { end(err) }()
	return s.Store.ShortestPath(ctx, from, to, hops, types)
}

func (s observed) Counts(ctx context.Context) (v map[string]int, err error) {
	ctx, end := s.start(ctx, "Counts")
	defer func() { end(err) }()
	return s.Store.Counts(ctx)
}

// observedPrefetcher is observed for a store that prefetches; a store
// that does not is wrapped as observed alone, so the GraphQL layer does
// not plan for it.
type observedPrefetcher struct{ observed }

func (s observedPrefetcher) Prefetch(ctx context.Context, plan confgraph.Plan) (v *confgraph.Prefetched, err error) {
	ctx, end := s.start(ctx, "Prefetch")
	defer func() { end(err) }()
	return s.Store.(confgraph.Prefetcher).Prefetch(ctx, plan)
}
