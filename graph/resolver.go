// Package graph is the GraphQL layer: the gqlgen-generated executor and the
// resolvers that turn each field into one store call. Relationship fields
// are batch resolvers, so a list of parents costs one store round trip per
// field, not one per parent.
package graph

//go:generate go tool gqlgen generate

import "github.com/confgraph/confgraph/internal/confgraph"

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	Store confgraph.Store
}
