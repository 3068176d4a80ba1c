package confgraph

import (
	"strings"
	"testing"
)

func ip(n int) *int { return &n }

func TestPageArgs(t *testing.T) {
	q := Query{Label: LabelTalk, Limit: 20}
	got, err := PageArgs{Offset: ip(5)}.List(q, nil)
	if err != nil || got.Limit != 20 || got.Offset != 5 {
		t.Errorf("List without a limit = %+v, %v; want the query's limit 20, offset 5", got, err)
	}
	for _, tc := range []struct {
		name string
		run  func() error
		want string
	}{
		{"NegativeLimit", func() error { _, err := (PageArgs{}).List(q, ip(-1)); return err }, "limit must not be negative"},
		{"LimitAboveMax", func() error { _, err := (PageArgs{}).List(q, ip(MaxPage+1)); return err }, "above the maximum page size"},
		{"NegativeOffset", func() error { _, err := PageArgs{Offset: ip(-2)}.List(q, nil); return err }, "offset must not be negative"},
		{"FirstAndLast", func() error { _, err := PageArgs{First: ip(1), Last: ip(1)}.Connection(q); return err }, "first or last, not both"},
		{"BadCursor", func() error { s := "nope"; _, err := PageArgs{After: &s}.Connection(q); return err }, "cursor"},
		{"RankFirstAndLimit", func() error { _, err := PageArgs{First: ip(1), Limit: ip(1)}.Rank(Ranking{}); return err }, "first or limit"},
	} {
		if err := tc.run(); err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want EINVALID %q", tc.name, err, tc.want)
		}
	}
	if got, none, _ := (PageArgs{}).RelList(q); got.Limit != 0 || none {
		t.Errorf("a relationship list without a limit holds all (limit 0), got %d none=%v", got.Limit, none)
	}
	if _, none, _ := (PageArgs{Limit: ip(0)}).RelList(q); !none {
		t.Error("limit 0 on a relationship list is none")
	}
	if got, _ := (PageArgs{Last: ip(3)}).Connection(q); got.Limit != 3 || !got.Last {
		t.Errorf("last 3 = %+v", got)
	}
	rank := Ranking{DefaultLimit: 10}
	p, _ := PageArgs{Offset: ip(2)}.Rank(rank)
	list := make([]Counted, 15)
	if p.Tally(rank).Limit != 12 || len(p.Cut(list)) != 10 {
		t.Errorf("ranking page %+v: tally limit %d, cut %d; want 12 and 10", p, p.Tally(rank).Limit, len(p.Cut(list)))
	}
	all, _ := PageArgs{}.Rank(Ranking{})
	if !all.Unset || len(all.Cut(list)) != 15 {
		t.Errorf("a ranking with no default shows every entry: %+v", all)
	}
	skip, n, err := SearchPage("envoy", nil, ptr(SearchCursor(4)), 10)
	if err != nil || skip != 5 || n != 10 {
		t.Errorf("SearchPage after result 4 = %d, %d, %v; want skip 5, first 10", skip, n, err)
	}
	if _, _, err := SearchPage("envoy", ip(10), ptr(SearchCursor(995)), 10); err == nil {
		t.Error("a search page past MaxSearchDepth was accepted")
	}
}

func ptr(s string) *string { return &s }
