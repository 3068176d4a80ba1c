package confgraph

import (
	"slices"
	"testing"
)

func TestParseSearch(t *testing.T) {
	got := ParseSearch("Kubernets operators kube KUBE")
	want := []SearchTerm{{Word: "kubernets", Edits: 2}, {Word: "operators", Edits: 2}, {Word: "kube", Prefix: true}}
	if len(got) != len(want) {
		t.Fatalf("ParseSearch = %+v", got)
	}
	for i := range want {
		if got[i].Word != want[i].Word || got[i].Prefix != want[i].Prefix || got[i].Edits != want[i].Edits {
			t.Errorf("term %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseSearchBoundsTypos(t *testing.T) {
	terms := ParseSearch("alpha bravo charlie delta echoes foxtrot golfing hotels indigo juliet")
	for i, tm := range terms {
		if want := i < MaxFuzzyTerms; (tm.Edits > 0) != want {
			t.Errorf("term %d %q tolerates %d typos", i, tm.Word, tm.Edits)
		}
	}
}

func TestGrade(t *testing.T) {
	for _, tc := range []struct {
		query, word string
		want        int
	}{
		{"envoy", "envoy", GradeExact},
		{"envo", "envoy", GradePrefix},
		{"prometheus envo", "prometheus", GradeExact},
		{"promethues", "prometheus", GradeFuzzy}, // two neighbours swapped: one edit
		{"kubernets", "kubernetes", GradeFuzzy},  // a letter dropped
		{"kubernetse", "kubernetes", GradeFuzzy}, // swapped
		{"kuberntse", "kubernetes", GradeFuzzy},  // two edits, nine letters
		{"kbrnts", "kubernetes", 0},              // four edits
		{"linkrd", "linkerd", GradeFuzzy},        // six letters: one edit
		{"lnkrd", "linkerd", 0},                  // five letters, two edits
		{"helm", "helx", 0},                      // four letters: no typo
		{"kels", "kelsey", GradePrefix},          // the last word is a prefix
		{"kels hightower", "kelsey", 0},          // an earlier one is not
		{"éclairs", "eclairs", GradeFuzzy},       // an accent is a typo
		{"etcd", "etc", 0},
	} {
		terms := ParseSearch(tc.query)
		if got := terms[0].Grade(tc.word); got != tc.want {
			t.Errorf("%q against %q: grade %d, want %d", tc.query, tc.word, got, tc.want)
		}
	}
}

func TestRankSearch(t *testing.T) {
	node := func(id, name string) *Project { return &Project{ID: "project:" + id, Name: name} }
	doc := func(n Node, words ...string) SearchDoc {
		return SearchDoc{Node: n, Words: append(Tokens(DisplayName(n)), words...)}
	}
	kubernetes := node("kubernetes", "Kubernetes")
	router := node("kube-router", "Kube-router")
	kubeTalk := &Talk{ID: "talk:kube", Title: "Kube", Kind: KindTalk}
	typo := node("kubernetez", "Kubernetez")
	rank := func(query string, docs ...SearchDoc) []string {
		var out []string
		for _, h := range RankSearch(ParseSearch(query), docs, 10, 40, 0) {
			out = append(out, h.Node.NodeID())
		}
		return out
	}
	docs := []SearchDoc{doc(router, "routing", "for", "kubernetes"), doc(kubernetes), doc(kubeTalk, "all", "about", "kube"), doc(typo)}
	// "kube" names the Kube talk exactly and Kubernetes by its prefix;
	// Kube-router only contains the word.
	if got, want := rank("kube", docs...), []string{"talk:kube", "project:kubernetes", "project:kubernetez", "project:kube-router"}; !slices.Equal(got, want) {
		t.Errorf("kube: %v, want %v", got, want)
	}
	// Exact beats a typo, the typo beats nothing.
	if got, want := rank("kubernetes", docs...), []string{"project:kubernetes", "project:kubernetez", "project:kube-router"}; !slices.Equal(got, want) {
		t.Errorf("kubernetes: %v, want %v", got, want)
	}
	// More words matched first; the name that equals the query before all.
	talkA := &Talk{ID: "talk:a", Title: "Service Mesh Day", Kind: KindTalk}
	talkB := &Talk{ID: "talk:b", Title: "Service Mesh", Kind: KindTalk}
	talkC := &Talk{ID: "talk:c", Title: "Mesh", Kind: KindTalk}
	if got, want := rank("service mesh", doc(talkC), doc(talkA), doc(talkB)), []string{"talk:b", "talk:a", "talk:c"}; !slices.Equal(got, want) {
		t.Errorf("service mesh: %v, want %v", got, want)
	}
	// Exact beats prefix, in texts otherwise alike.
	x, y := node("x", "Remote"), node("y", "Remark")
	if got, want := rank("ops remark", doc(x, "ops", "remarks"), doc(y, "ops", "remark")), []string{"project:y", "project:x"}; !slices.Equal(got, want) {
		t.Errorf("ops remark: %v, want %v", got, want)
	}
}
