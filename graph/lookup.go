package graph

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Global IDs are the stores' IDs ("talk:…"), base64url-encoded so that
// clients treat them as opaque.

// GlobalID returns the global ID of a store ID.
func GlobalID(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

// MarshalNodeID writes a store ID as its global ID: gqlgen.yml binds the
// ID scalar to it, so that the resolvers return store IDs and no ID field
// needs a resolver of its own.
func MarshalNodeID(id string) graphql.Marshaler { return graphql.MarshalID(GlobalID(id)) }

// UnmarshalNodeID reads an ID argument as the client gave it: the
// resolvers decode it (StoreID), so that a bad one is reported at its
// field like any other bad argument.
func UnmarshalNodeID(v any) (string, error) { return graphql.UnmarshalID(v) }

// StoreID decodes a global ID.
func StoreID(gid string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil || !strings.Contains(string(b), ":") {
		return "", confgraph.Errorf(confgraph.EINVALID, "%q is not a global ID returned by this API", gid)
	}
	return string(b), nil
}

// byName finds a node by its display name, ignoring case; for a label
// whose nodes have aliases (speakers, companies, projects), a node none
// of whose names is that is then looked up by its aliases ("k8s" finds
// Kubernetes).
func byName[T confgraph.Node](ctx context.Context, s confgraph.Store, name string) (T, error) {
	var zero T
	label := labelOf[T]()
	find := func(field string) ([]confgraph.Node, error) {
		return findPlanned(ctx, s, confgraph.Query{Label: label, Limit: 1,
			Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: field, Op: confgraph.OpEq, Value: name, Fold: true}}}}, string(label), false)
	}
	nodes, err := find(confgraph.DisplayField(label))
	if err == nil && len(nodes) == 0 && confgraph.HasAliases(label) {
		nodes, err = find(confgraph.AliasField)
	}
	if err != nil || len(nodes) == 0 {
		return zero, err
	}
	t, _ := nodes[0].(T)
	return t, nil
}

// byID finds a node by its store ID: with a store that prefetches, as a
// page of the label the ID names (confgraph.LabelOfID) with the field's
// plan, and by Nodes when that finds nothing or the store does not.
func byID(ctx context.Context, s confgraph.Store, sid string) (confgraph.Node, error) {
	if l, ok := confgraph.LabelOfID(sid); ok {
		if _, pf := s.(confgraph.Prefetcher); pf {
			nodes, err := findPlanned(ctx, s, confgraph.Query{Label: l, Limit: 1,
				Where: &confgraph.Filter{Conds: []confgraph.Cond{{Field: "id", Op: confgraph.OpEq, Value: sid}}}}, string(l), false)
			if err != nil {
				return nil, err
			}
			if len(nodes) == 1 {
				return nodes[0], nil
			}
		}
	}
	m, err := s.Nodes(ctx, []string{sid})
	if err != nil {
		return nil, err
	}
	return m[sid], nil
}

// eventDays resolves Event.startDate (or endDate with last).
func (r *Resolver) eventDays(ctx context.Context, objs []*confgraph.Event, last bool) ([]*string, error) {
	days, err := confgraph.EventDays(ctx, joined{r.Store}, objs, last)
	if err != nil {
		return nil, err
	}
	out := make([]*string, len(days))
	for i, d := range days {
		out[i] = opt(d)
	}
	return out, nil
}
