package text

import "testing"

func TestFoldCase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Éclairs and ETCD", "éclairs and etcd"},
		{"İstanbul", "i\u0307stanbul"},
		{"ΟΔΟΣ", "οδος"},
		{"ΟΔΟΣ ΚΑΙ", "οδος και"},
		{"ΣΑΣ", "σας"},
		{"Σ", "σ"},
		{"A Σ B", "a σ b"},
		{"ΑΣ1", "ας1"},
	} {
		if got := FoldCase(c.in); got != c.want {
			t.Errorf("FoldCase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
