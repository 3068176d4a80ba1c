package confgraph

import (
	"errors"
	"fmt"
	"strings"
)

// DisplayName is the name a node is listed by: the title of a talk or
// recap, the name of anything else.
func DisplayName(n Node) string {
	spec := specOf(n)
	if spec == nil {
		return ""
	}
	for _, p := range spec.Props {
		if p.Name == spec.Display {
			return *p.str(n)
		}
	}
	return ""
}

// DisplayField names the property that holds a node's display name: the
// title of talks and recaps, the name of everything else.
func DisplayField(l Label) string {
	if spec := Graph.Node(l); spec != nil {
		return spec.Display
	}
	return "name"
}

// Less orders nodes the way every store lists them: by display name,
// ignoring case, then by ID.
func Less(a, b Node) bool {
	na, nb := strings.ToLower(DisplayName(a)), strings.ToLower(DisplayName(b))
	if na != nb {
		return na < nb
	}
	return a.NodeID() < b.NodeID()
}

// CloneNode returns a copy of n that shares nothing mutable with it.
func CloneNode(n Node) Node {
	spec := specOf(n)
	if spec == nil {
		return n
	}
	c := spec.clone(n)
	for _, p := range spec.Props {
		if p.Kind == PropStrings {
			p.copy(c, n)
		}
	}
	return c
}

// Error codes shared by the stores and the API.
const (
	EINVALID     = "invalid"
	ENOTFOUND    = "not_found"
	EUNAVAILABLE = "unavailable"
	EINTERNAL    = "internal"
	// EUNAUTHENTICATED: a write without the right token.
	EUNAUTHENTICATED = "unauthenticated"
)

// Error is a domain error with a code the API maps to a GraphQL error
// code. Message is safe to show to users.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("confgraph: %s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the message of an
// *Error, or a generic text for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// MaxPage is the largest page a list returns.
const MaxPage = 100

// Validate checks a page and fills in the default limit.
func (p Page) Validate() (Page, error) {
	if p.Limit < 0 || p.Offset < 0 {
		return p, Errorf(EINVALID, "limit and offset must not be negative")
	}
	if p.Limit > MaxPage {
		return p, Errorf(EINVALID, "limit %d is above the maximum page size %d", p.Limit, MaxPage)
	}
	if p.Limit == 0 {
		p.Limit = MaxPage
	}
	return p, nil
}
