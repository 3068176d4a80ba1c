// Package graph is the GraphQL layer: the gqlgen-generated executor and the
// resolvers that turn each field into one store call. Relationship fields
// are batch resolvers, so a list of parents costs one store round trip per
// field, not one per parent.
package graph

// gqlgen, with the resolvers that follow from the schema table generated
// by our own plugin in place of gqlgen's scaffolding.
//go:generate go run github.com/confgraph/confgraph/tools/resolvergen

import (
	"context"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	Store confgraph.Store
	// Docs adds documents; nil disables writes.
	Docs confgraph.DocumentAdder
}

type authKey struct{}

// WithAuthenticated marks a request as carrying the API token.
func WithAuthenticated(ctx context.Context, ok bool) context.Context {
	return context.WithValue(ctx, authKey{}, ok)
}

// authorize lets a write through only with the API token.
func (r *Resolver) authorize(ctx context.Context) error {
	if r.Docs == nil {
		return confgraph.Errorf(confgraph.EUNAUTHENTICATED, "writes are disabled: start the server with CONFGRAPH_API_TOKEN set")
	}
	if ok, _ := ctx.Value(authKey{}).(bool); !ok {
		return confgraph.Errorf(confgraph.EUNAUTHENTICATED, "writes need the header Authorization: Bearer <CONFGRAPH_API_TOKEN>")
	}
	return nil
}
