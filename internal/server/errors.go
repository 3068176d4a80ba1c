package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// sharedCauses are the codes of errors that have one cause for the whole
// request (its deadline, the store being away, a fault), however many
// fields report them.
var sharedCauses = map[any]bool{"TIMEOUT": true, "STORE_UNAVAILABLE": true, "INTERNAL": true}

// oneErrorPerCause keeps the first of the errors a shared cause gives a
// response: a deadline passing during a query over many objects fails
// every field still waiting, and the client needs to hear it once.
func oneErrorPerCause(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil || len(resp.Errors) < 2 {
		return resp
	}
	seen := map[[2]any]bool{}
	kept := resp.Errors[:0:0]
	for _, e := range resp.Errors {
		code := e.Extensions["code"]
		if sharedCauses[code] {
			k := [2]any{code, e.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		kept = append(kept, e)
	}
	resp.Errors = gqlerror.List(kept)
	return resp
}
