package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/confgraph/confgraph/internal/confgraph"
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

// apqCheck gives the automatic-persisted-query errors a code: it runs
// before gqlgen's extension, which reports the same faults without one.
type apqCheck struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = apqCheck{}

func (apqCheck) ExtensionName() string { return "ConfgraphAPQCheck" }

func (apqCheck) Validate(graphql.ExecutableSchema) error { return nil }

func (apqCheck) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	raw, ok := p.Extensions["persistedQuery"]
	if !ok || raw == nil {
		return nil
	}
	pq, ok := raw.(map[string]any)
	hash, _ := pq["sha256Hash"].(string)
	if !ok || hash == "" {
		return codedError("PERSISTED_QUERY_INVALID", "the persistedQuery extension needs a sha256Hash")
	}
	if fmt.Sprint(pq["version"]) != "1" { // a json.Number, float64 or int, as decoded
		return codedError("PERSISTED_QUERY_INVALID", "only version 1 of automatic persisted queries is supported")
	}
	if p.Query != "" {
		sum := sha256.Sum256([]byte(p.Query))
		if hex.EncodeToString(sum[:]) != hash {
			return codedError("PERSISTED_QUERY_HASH_MISMATCH", "the persistedQuery sha256Hash is not the SHA-256 of the query")
		}
	}
	return nil
}

func codedError(code, message string) *gqlerror.Error {
	err := gqlerror.Errorf("%s", message)
	err.Extensions = map[string]any{"code": code}
	return err
}

// GraphQL error codes in extensions.code.
var errorCodes = map[string]string{
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
		e.Extensions = map[string]any{"code": errorCodes[code]}
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
