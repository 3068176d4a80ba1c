package confgraph

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// PageArgs are the page arguments a list, connection or ranking field
// was given, nil when not given: how any front (the GraphQL API) turns
// them into a query, checked, is written once here.
type PageArgs struct {
	Limit, Offset, First, Last *int
	After, Before              *string
}

// CheckPage checks a page size argument named arg.
func CheckPage(arg string, n int) error {
	if n < 0 {
		return Errorf(EINVALID, "%s must not be negative", arg)
	}
	if n > MaxPage {
		return Errorf(EINVALID, "%s %d is above the maximum page size %d", arg, n, MaxPage)
	}
	return nil
}

// SizeOr is a page size argument, or def when not given, checked.
func SizeOr(n *int, arg string, def int) (int, error) {
	if n != nil {
		def = *n
	}
	return def, CheckPage(arg, def)
}

// List sets q's page from limit and offset; limit is the limit given (the
// query's own when nil).
func (a PageArgs) List(q Query, limit *int) (Query, error) {
	var err error
	if q.Limit, err = SizeOr(limit, "limit", q.Limit); err != nil {
		return q, err
	}
	if a.Offset != nil {
		q.Offset = *a.Offset
	}
	if q.Offset < 0 {
		return q, Errorf(EINVALID, "offset must not be negative")
	}
	return q, nil
}

// RelList sets the page of a relationship list: without a limit it holds
// every related node (Limit 0 to a store); none reports an explicit limit
// of 0.
func (a PageArgs) RelList(q Query) (_ Query, none bool, err error) {
	all := 0
	limit := a.Limit
	if limit == nil {
		limit = &all
	} else if *limit == 0 {
		none = true
	}
	q, err = a.List(q, limit)
	return q, none, err
}

// Connection sets q's page from first, last, after and before, the
// cursors read under q's sort.
func (a PageArgs) Connection(q Query) (Query, error) {
	var err error
	if a.First != nil && a.Last != nil {
		return q, Errorf(EINVALID, "give first or last, not both")
	}
	if a.First != nil {
		if q.Limit, err = SizeOr(a.First, "first", 0); err != nil {
			return q, err
		}
	}
	if a.Last != nil {
		if q.Limit, err = SizeOr(a.Last, "last", 0); err != nil {
			return q, err
		}
		q.Last = true
	}
	if a.After != nil {
		if q.After, err = DecodeCursor(*a.After, q.Sort); err != nil {
			return q, err
		}
	}
	if a.Before != nil {
		if q.Before, err = DecodeCursor(*a.Before, q.Sort); err != nil {
			return q, err
		}
	}
	return q, nil
}

// RankPage is the page of a ranking: at most Limit entries (all when
// Unset) after Offset; None when the limit asked is 0.
type RankPage struct {
	Limit, Offset int
	Unset, None   bool
}

// Rank reads the page of ranking r. A ranking takes first (the same as
// limit) or limit; given neither it shows r's default, every entry when
// that is 0.
func (a PageArgs) Rank(r Ranking) (RankPage, error) {
	if a.First != nil && a.Limit != nil {
		return RankPage{}, Errorf(EINVALID, "give first or limit, not both")
	}
	limit := a.Limit
	if limit == nil {
		limit = a.First
	}
	p := RankPage{Unset: limit == nil && r.DefaultLimit == 0, None: limit != nil && *limit == 0}
	if limit == nil {
		limit = &r.DefaultLimit
	}
	q, err := a.List(Query{}, limit)
	p.Limit, p.Offset = q.Limit, q.Offset
	return p, err
}

// Tally is the tally of r to ask a store for: the page and what it
// skips, or all.
func (p RankPage) Tally(r Ranking) Tally {
	t := r.Tally
	if !p.Unset {
		t.Limit = p.Offset + p.Limit
	}
	return t
}

// Cut returns the page of a ranked list.
func (p RankPage) Cut(list []Counted) []Counted {
	if p.Offset >= len(list) {
		return nil
	}
	list = list[p.Offset:]
	if !p.Unset && len(list) > p.Limit {
		list = list[:p.Limit]
	}
	return list
}

// Cursors returns the cursor of each node under the sort keys, counting
// the relationship counts the keys sort by with degrees (one call per
// count).
func Cursors(nodes []Node, keys []SortKey, degrees func(ids []string, rc RelCount) (map[string]int, error)) ([]string, error) {
	counts := map[RelCount]map[string]int{}
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	for _, k := range keys {
		if k.Count == nil {
			continue
		}
		m, err := degrees(ids, *k.Count)
		if err != nil {
			return nil, err
		}
		counts[*k.Count] = m
	}
	out := make([]string, len(nodes))
	for i, n := range nodes {
		id := n.NodeID()
		out[i] = CursorOf(n, keys, func(rc RelCount) int { return counts[rc][id] }).Encode()
	}
	return out, nil
}

// MaxSearchDepth bounds how far search pages go (after + first).
const MaxSearchDepth = 1000

// SearchPage reads a search's page: first results (def when not given)
// after the result whose cursor is after. It returns how many results to
// skip and how many to show.
func SearchPage(text string, first *int, after *string, def int) (skip, n int, err error) {
	if n = def; first != nil {
		n = *first
	}
	if n < 1 || n > MaxPage {
		return 0, 0, Errorf(EINVALID, "first must be between 1 and %d", MaxPage)
	}
	if len(text) > MaxSearchLength {
		return 0, 0, Errorf(EINVALID, "the search text is longer than %d characters", MaxSearchLength)
	}
	if after != nil {
		b, err := base64.RawURLEncoding.DecodeString(*after)
		at, convErr := strconv.Atoi(strings.TrimPrefix(string(b), "search:"))
		if err != nil || convErr != nil || !strings.HasPrefix(string(b), "search:") || at < 0 {
			return 0, 0, Errorf(EINVALID, "invalid search cursor %q", *after)
		}
		skip = at + 1
	}
	if skip+n > MaxSearchDepth {
		return 0, 0, Errorf(EINVALID, "search pages stop at result %d", MaxSearchDepth)
	}
	return skip, n, nil
}

// SearchCursor is the opaque cursor of the result at position i (from 0)
// of a search's ranking.
func SearchCursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("search:" + strconv.Itoa(i)))
}
