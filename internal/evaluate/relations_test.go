package evaluate

import (
	"slices"
	"testing"
)

// TestImpliedGroups: "one of A, B works at C" is dropped when the gold
// already says "A works at C"; a group no single pair explains stays.
func TestImpliedGroups(t *testing.T) {
	got := impliedGroups([]pair{{a: "Ana Luz", b: "Google"}, {a: "Bo Sample|Ana Luz", b: "Google"}, {a: "Bo Sample|Cy Demo", b: "Acme"}})
	want := []pair{{a: "Ana Luz", b: "Google"}, {a: "Bo Sample|Cy Demo", b: "Acme"}}
	if !slices.Equal(got, want) {
		t.Errorf("impliedGroups = %v, want %v", got, want)
	}
}
