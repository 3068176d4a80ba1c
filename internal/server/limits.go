package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bounds what one request may ask for. Every limit breached is a
// QUERY_TOO_COMPLEX error before anything runs.
type Limits struct {
	// MaxDepth bounds how deeply selections nest.
	MaxDepth int
	// MaxCost bounds the cost: each field costs 1, and a list field costs
	// its page size (limit, first or last; 100 when a list takes none)
	// times what is selected under it, so that a query's cost follows the
	// rows it can return.
	MaxCost int
	// MaxAliases bounds the fields that are renamed with an alias.
	MaxAliases int
	// MaxRootFields bounds the top-level fields of an operation.
	MaxRootFields int
}

// limitsExtension applies Limits to each operation.
type limitsExtension struct{ Limits }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = limitsExtension{}

func (limitsExtension) ExtensionName() string { return "ConfgraphLimits" }

func (limitsExtension) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation once it is validated.
func (l limitsExtension) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Operation
	if op == nil {
		return nil
	}
	m := &measure{vars: oc.Variables, doc: oc.Doc, seen: map[string]bool{}}
	cost, depth := m.selections(op.SelectionSet, 1, 0)
	roots := len(op.SelectionSet)
	for _, check := range []struct {
		what       string
		got, limit int
	}{
		{"nests selections %d deep; the limit is %d", depth, l.MaxDepth},
		{"costs %d; the limit is %d (a list costs its page size times what it selects)", cost, l.MaxCost},
		{"uses %d aliases; the limit is %d", m.aliases, l.MaxAliases},
		{"asks for %d top-level fields; the limit is %d", roots, l.MaxRootFields},
	} {
		if check.limit > 0 && check.got > check.limit {
			err := gqlerror.Errorf("the query "+check.what, check.got, check.limit)
			err.Extensions = map[string]any{"code": "QUERY_TOO_COMPLEX"}
			return err
		}
	}
	return nil
}

type measure struct {
	vars    map[string]any
	doc     *ast.QueryDocument
	aliases int
	seen    map[string]bool // fragments being expanded, against cycles
}

// selections returns the cost and depth of a selection set. page is the
// page size of the connection the set belongs to (for its edges), or 0.
func (m *measure) selections(set ast.SelectionSet, depth, page int) (cost, maxDepth int) {
	maxDepth = depth - 1
	for _, sel := range set {
		var c, d int
		switch s := sel.(type) {
		case *ast.Field:
			c, d = m.field(s, depth, page)
		case *ast.InlineFragment:
			c, d = m.selections(s.SelectionSet, depth, page)
		case *ast.FragmentSpread:
			if m.seen[s.Name] {
				continue
			}
			m.seen[s.Name] = true
			if f := m.doc.Fragments.ForName(s.Name); f != nil {
				c, d = m.selections(f.SelectionSet, depth, page)
			}
			delete(m.seen, s.Name)
		}
		cost = saturate(cost + c)
		maxDepth = max(maxDepth, d)
	}
	return cost, maxDepth
}

func (m *measure) field(f *ast.Field, depth, page int) (int, int) {
	if f.Alias != "" && f.Alias != f.Name {
		m.aliases++
	}
	size := pageArg(f, m.vars)
	n, inner := 1, 0
	switch {
	case isConnection(f):
		inner = 20
		if size >= 0 {
			inner = size
		}
	case f.Definition != nil && f.Definition.Type.Elem != nil:
		switch {
		case size >= 0:
			n = size
		case page > 0:
			n = page // a connection's edges
		default:
			n = 100
		}
	}
	if len(f.SelectionSet) == 0 {
		return 1, depth
	}
	child, d := m.selections(f.SelectionSet, depth+1, inner)
	return saturate(1 + saturate(n*child)), d
}

// pageArg returns the limit, first or last argument of a field, or -1.
func pageArg(f *ast.Field, vars map[string]any) int {
	args := f.ArgumentMap(vars)
	for _, name := range []string{"limit", "first", "last"} {
		switch v := args[name].(type) {
		case int64:
			return int(v)
		case int:
			return v
		}
	}
	return -1
}

// isConnection reports a field that returns a page of a connection.
func isConnection(f *ast.Field) bool {
	if f.Definition == nil {
		return false
	}
	for _, a := range f.Definition.Arguments {
		if a.Name == "first" {
			return true
		}
	}
	return false
}

// saturate keeps costs from overflowing.
func saturate(n int) int {
	const cap = 1 << 40
	if n > cap || n < 0 {
		return cap
	}
	return n
}
