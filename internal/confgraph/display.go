package confgraph

import (
	"errors"
	"fmt"
	"strings"
)

// DisplayName is the name a node is listed by: the title of a talk or
// recap, the name of anything else.
func DisplayName(n Node) string {
	switch v := n.(type) {
	case *Event:
		return v.Name
	case *Talk:
		return v.Title
	case *Speaker:
		return v.Name
	case *Company:
		return v.Name
	case *Project:
		return v.Name
	case *Recap:
		return v.Title
	}
	return ""
}

// DisplayField names the property that holds a node's display name: the
// title of talks and recaps, the name of everything else.
func DisplayField(l Label) string {
	if l == LabelTalk || l == LabelRecap {
		return "title"
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
	switch v := n.(type) {
	case *Event:
		c := *v
		return &c
	case *Talk:
		c := *v
		return &c
	case *Speaker:
		c := *v
		c.Aliases = append([]string(nil), v.Aliases...)
		return &c
	case *Company:
		c := *v
		c.Aliases = append([]string(nil), v.Aliases...)
		return &c
	case *Project:
		c := *v
		c.Aliases = append([]string(nil), v.Aliases...)
		return &c
	case *Recap:
		c := *v
		return &c
	}
	return n
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
