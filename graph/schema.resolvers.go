package graph

// The resolvers written by hand: those whose body does not follow from the
// schema table. tools/resolvergen generates the others (resolvers_gen.go)
// and fails when a field has neither.

import (
	"context"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// StartDate is the batch resolver for the startDate field.
func (r *eventResolver) StartDate(ctx context.Context, objs []*confgraph.Event) ([]*string, error) {
	return r.eventDays(ctx, objs, false)
}

// EndDate is the batch resolver for the endDate field.
func (r *eventResolver) EndDate(ctx context.Context, objs []*confgraph.Event) ([]*string, error) {
	return r.eventDays(ctx, objs, true)
}

// AddDocument is the resolver for the addDocument field.
func (r *mutationResolver) AddDocument(ctx context.Context, name string, text string) (*confgraph.AddResult, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	return r.Docs.Add(ctx, name, []byte(text))
}

// MaturityOn is the resolver for the maturityOn field.
func (r *projectResolver) MaturityOn(ctx context.Context, obj *confgraph.Project, date string) (*string, error) {
	m, err := confgraph.MaturityOn(obj, date)
	return opt(m), err
}

// Talk is the resolver for the talk field.
func (r *queryResolver) Talk(ctx context.Context, id *string, title *string) (*confgraph.Talk, error) {
	switch {
	case id != nil && title != nil:
		return nil, confgraph.Errorf(confgraph.EINVALID, "give id or title, not both")
	case id != nil:
		sid, err := StoreID(*id)
		if err != nil {
			return nil, err
		}
		n, err := byID(ctx, r.Store, sid)
		if err != nil {
			return nil, err
		}
		t, _ := n.(*confgraph.Talk)
		return t, nil
	case title != nil:
		return byName[*confgraph.Talk](ctx, r.Store, *title)
	}
	return nil, confgraph.Errorf(confgraph.EINVALID, "give id or title")
}

// Node is the resolver for the node field.
func (r *queryResolver) Node(ctx context.Context, id string) (confgraph.Node, error) {
	sid, err := StoreID(id)
	if err != nil {
		return nil, err
	}
	// Not planned: gqlgen gives the fields of an interface's fragments no
	// field context to read their arguments from.
	m, err := r.Store.Nodes(ctx, []string{sid})
	if err != nil {
		return nil, err
	}
	return m[sid], nil
}

// Search is the resolver for the search field.
func (r *queryResolver) Search(ctx context.Context, query string, types []SearchType, first *int, after *string) ([]*SearchResult, error) {
	skip, n, err := confgraph.SearchPage(query, first, after, defaultSearch)
	if err != nil {
		return nil, err
	}
	var labels []confgraph.Label
	for _, t := range types {
		// A SearchType is a label's name in capitals.
		for _, l := range confgraph.Labels {
			if strings.EqualFold(string(l), string(t)) {
				labels = append(labels, l)
			}
		}
	}
	hits, err := r.Store.Search(ctx, query, labels, skip+n)
	if err != nil {
		return nil, err
	}
	out := []*SearchResult{}
	for i := skip; i < len(hits); i++ {
		out = append(out, &SearchResult{Score: hits[i].Score, Node: hits[i].Node, Cursor: confgraph.SearchCursor(i)})
	}
	return out, nil
}

// ShortestPath is the resolver for the shortestPath field.
func (r *queryResolver) ShortestPath(ctx context.Context, from string, to string, maxHops *int, relationshipTypes []RelationshipType) (*Path, error) {
	a, err := StoreID(from)
	if err != nil {
		return nil, err
	}
	b, err := StoreID(to)
	if err != nil {
		return nil, err
	}
	hops := defaultMaxHops
	if maxHops != nil {
		hops = *maxHops
	}
	types := make([]confgraph.RelType, len(relationshipTypes))
	for i, t := range relationshipTypes {
		types[i] = confgraph.RelType(t)
	}
	p, err := r.Store.ShortestPath(ctx, a, b, hops, types)
	if err != nil || p == nil {
		return nil, err
	}
	out := &Path{Length: len(p.Rels), Nodes: p.Nodes, Relationships: []*PathRelationship{}}
	for _, rel := range p.Rels {
		out.Relationships = append(out.Relationships, &PathRelationship{Type: string(rel.Type), From: rel.From, To: rel.To, Evidence: evidence(rel)})
	}
	return out, nil
}

// Stats is the resolver for the stats field.
func (r *queryResolver) Stats(ctx context.Context) ([]*Count, error) {
	counts, err := r.Store.Counts(ctx)
	if err != nil {
		return nil, err
	}
	var out []*Count
	for _, l := range confgraph.Labels {
		out = append(out, &Count{Name: string(l), Count: counts[string(l)]})
	}
	for _, t := range confgraph.RelTypes {
		out = append(out, &Count{Name: string(t), Count: counts[string(t)]})
	}
	return out, nil
}

// Scheduled is the resolver for the scheduled field.
func (r *talkResolver) Scheduled(ctx context.Context, obj *confgraph.Talk) (*confgraph.Evidence, error) {
	if obj.Scheduled.Document == "" {
		return nil, nil
	}
	return &obj.Scheduled, nil
}

// Recording is the resolver for the recording field.
func (r *talkResolver) Recording(ctx context.Context, obj *confgraph.Talk) (*Recording, error) {
	if obj.RecordingPublished == "" {
		return nil, nil
	}
	ev := obj.Recording
	return &Recording{PublishedOn: obj.RecordingPublished, Evidence: &ev}, nil
}

// Related is the batch resolver for the related field.
func (r *talkResolver) Related(ctx context.Context, objs []*confgraph.Talk, first *int) ([][]*RelatedTalk, error) {
	// The domain's scoring, its walks joined with the request's level.
	n, err := confgraph.SizeOr(first, "first", defaultRelated)
	if err != nil {
		return nil, err
	}
	m, err := confgraph.RelatedTalks(ctx, joined{r.Store}, uniq(ids(objs)), n)
	if err != nil {
		return nil, err
	}
	out := make([][]*RelatedTalk, len(objs))
	for i, t := range objs {
		out[i] = []*RelatedTalk{}
		for _, x := range m[t.ID] {
			out[i] = append(out[i], &RelatedTalk{Talk: x.Talk, Score: x.Score, Reasons: x.Reasons})
		}
	}
	return out, nil
}
