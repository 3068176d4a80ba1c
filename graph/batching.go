package graph

import (
	"context"

	"github.com/confgraph/confgraph/internal/batch"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// The store calls of the relationship fields, each joined with the other
// calls of its level and answered from the request's prefetch when it
// brought them (internal/batch), under the names the planner gives the
// same calls.

// relatedQuery is store.RelatedQuery, joined with the other calls of its
// level.
func relatedQuery(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	return batch.Join(ctx, batch.Key("rq", rel, dir, q), ids, func(ids []string) (map[string][]confgraph.Edge, error) {
		return s.RelatedQuery(ctx, ids, rel, dir, q)
	})
}

// related is store.Related, joined with the other calls of its level.
func related(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	return batch.Join(ctx, batch.Key("r", rel, dir), ids, func(ids []string) (map[string][]confgraph.Edge, error) {
		return s.Related(ctx, ids, rel, dir)
	})
}

// degreesOf is store.Degrees, joined with the other calls of its level.
func degreesOf(ctx context.Context, s confgraph.Store, ids []string, rel confgraph.RelType, dir confgraph.Direction, where *confgraph.Filter) (map[string]int, error) {
	return batch.Join(ctx, degreeKey(confgraph.RelCount{Rel: rel, Dir: dir}, where), ids, func(ids []string) (map[string]int, error) {
		return s.Degrees(ctx, ids, rel, dir, where)
	})
}

// tallyOf ranks the tally t for each of ids (a prefetch's answer, or one
// store call per step).
func tallyOf(ctx context.Context, s confgraph.Store, ids []string, t confgraph.Tally) (map[string][]confgraph.Counted, error) {
	if m, ok := batch.Kept[[]confgraph.Counted](ctx, tallyKey(t), ids); ok {
		return m, nil
	}
	return confgraph.StepwiseTally(ctx, joined{s}, ids, t)
}

// degrees counts rc for each node: one store call, or two for a count
// through an intermediate node, each joined with its level's calls.
func degrees(ctx context.Context, s confgraph.Store, ids []string, rc confgraph.RelCount) (map[string]int, error) {
	if rc.Then == nil {
		return degreesOf(ctx, s, ids, rc.Rel, rc.Dir, nil)
	}
	if m, ok := batch.Kept[int](ctx, degreeKey(rc, nil), ids); ok {
		return m, nil
	}
	return confgraph.StepwiseDegrees(ctx, joined{s}, ids, rc, nil)
}

// joined is the store with Related and RelatedQuery joined across the
// request's level, for the domain's walks over a Store.
type joined struct{ confgraph.Store }

func (j joined) Related(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction) (map[string][]confgraph.Edge, error) {
	return related(ctx, j.Store, ids, rel, dir)
}

func (j joined) RelatedQuery(ctx context.Context, ids []string, rel confgraph.RelType, dir confgraph.Direction, q confgraph.Query) (map[string][]confgraph.Edge, error) {
	return relatedQuery(ctx, j.Store, ids, rel, dir, q)
}

// degreeKey names a count of rc (with where, for one step).
func degreeKey(rc confgraph.RelCount, where *confgraph.Filter) string {
	if rc.Then == nil {
		return batch.Key("d", rc.Rel, rc.Dir, where)
	}
	return batch.Key("deg", rc)
}

func tallyKey(t confgraph.Tally) string { return batch.Key("tally", t) }

func countKey(label confgraph.Label, where *confgraph.Filter) string {
	return batch.Key("count", label, where)
}

// keep keeps the answers of a prefetch for the rest of the request.
func keep(ctx context.Context, p *confgraph.Prefetched) {
	batch.Keep(ctx, p.Edges)
	batch.Keep(ctx, p.Degrees)
	batch.Keep(ctx, p.Tallies)
}
