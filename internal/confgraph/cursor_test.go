package confgraph

import (
	"fmt"
	"strings"
	"testing"
)

// TestNormalizeCursor: each value takes its key's type, a count, number or
// enumerated property a whole number and text a string, and a value of
// the other type (or a missing one) becomes the key's zero value; the
// name and ID are kept.
func TestNormalizeCursor(t *testing.T) {
	sort := []SortKey{
		{Field: "title"},
		{Field: "level", Desc: true},
		{Count: &RelCount{Rel: RelPresented, Dir: In}},
		{Field: "date"},
	}
	for _, tc := range []struct {
		name string
		in   []any
		want string
	}{
		{"OK", []any{"envoy", 2, 3, "2019-05-21"}, `{"envoy", 2, 3, "2019-05-21"}`},
		{"WrongTypes", []any{7, "ADVANCED", "3", 20190521}, `{"", 0, 0, ""}`},
		{"Missing", []any{"envoy"}, `{"envoy", 0, 0, ""}`},
		{"Null", []any{nil, nil, nil, nil}, `{"", 0, 0, ""}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := NormalizeCursor(LabelTalk, sort, Cursor{Values: tc.in, Name: "envoy at lyft", ID: "talk:e"})
			if s := strings.TrimPrefix(fmt.Sprintf("%#v", got.Values), "[]interface {}"); s != tc.want || got.Name != "envoy at lyft" || got.ID != "talk:e" {
				t.Errorf("NormalizeCursor(%v) = %s %q %q, want %s and the name and ID kept", tc.in, s, got.Name, got.ID, tc.want)
			}
		})
	}
}
