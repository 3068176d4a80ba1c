package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// GraphQL error codes in extensions.code.
var codes = map[string]string{
	confgraph.EINVALID:         "BAD_USER_INPUT",
	confgraph.ENOTFOUND:        "NOT_FOUND",
	confgraph.EUNAVAILABLE:     "STORE_UNAVAILABLE",
	confgraph.EINTERNAL:        "INTERNAL",
	confgraph.EUNAUTHENTICATED: "UNAUTHENTICATED",
}

// ErrorPresenter maps a resolver error to a GraphQL error: domain errors
// keep their message and get a code; a timeout is TIMEOUT; anything else
// is logged once here and reaches the client only as "internal error".
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && !isDomain(err) && !errors.Is(err, context.DeadlineExceeded) && !fromResolver(gqlErr) {
			// Parse and validation errors from gqlgen itself, and errors
			// made with a code already.
			return gqlErr
		}
		e := graphql.DefaultErrorPresenter(ctx, err)
		if errors.Is(err, context.DeadlineExceeded) {
			e.Message = "the request took too long"
			e.Extensions = map[string]any{"code": "TIMEOUT"}
			return e
		}
		code := confgraph.ErrorCode(err)
		if code == confgraph.EINTERNAL {
			log.ErrorContext(ctx, "internal error", "path", e.Path.String(), "err", err)
		}
		e.Message = confgraph.ErrorMessage(err)
		e.Extensions = map[string]any{"code": codes[code]}
		return e
	}
}

func isDomain(err error) bool {
	var e *confgraph.Error
	return errors.As(err, &e)
}

// fromResolver reports an error gqlgen wrapped around what a resolver
// returned (a failed write, a driver fault): it is internal unless it has
// a domain code, and its text (which may hold file paths) is never sent.
func fromResolver(e *gqlerror.Error) bool {
	if e.Err == nil || e.Extensions["code"] != nil {
		return false
	}
	var inner *gqlerror.Error
	return !errors.As(e.Err, &inner)
}
