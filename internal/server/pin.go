package server

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// pinQueries makes each query operation read one version of the graph:
// its resolvers make many store calls, and a document added meanwhile
// must not show in some of them only. Mutations are not pinned: they
// write, and their reads should see what they wrote.
func pinQueries(p confgraph.Pinner) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
			return next(ctx)
		}
		pinned, release := p.Pin(ctx)
		var once sync.Once
		done := func() { once.Do(release) }
		// The request's end releases the pin too, should the response
		// never be asked for.
		stop := context.AfterFunc(ctx, done)
		h := next(pinned)
		return func(ctx context.Context) *graphql.Response {
			defer func() {
				stop()
				done()
			}()
			return h(ctx)
		}
	}
}
