package loaders

import (
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestRecapEvidenceNamesTheRule: a fact read from a recap names, in its
// evidence, the item rule that read it, so `confgraph explain` can say why
// the fact exists.
func TestRecapEvidenceNamesTheRule(t *testing.T) {
	recapDoc := `# My KubeCon Europe 2031 in Valencia

I went to KubeCon + CloudNativeCon Europe 2031 and loved it.

Compost for Clusters - Bo Reed, Larchmont

Bo showed how they turn old nodes into capacity; I learned a lot in this talk.

Ada Quill - Gardening for Busy Operators

Ada walked us through weeding a hundred clusters in her keynote.
`
	res := world(t).Load(map[string][]byte{"r.md": []byte(recapDoc)})
	g := graph{res.Batch}
	tests := []struct{ title, speaker, rule string }{
		{"Compost for Clusters", "Bo Reed", "title-dash-people"},
		{"Gardening for Busy Operators", "Ada Quill", "speaker-dash-title"},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			tk := g.talk(t, tc.title)
			for _, r := range res.Batch.Rels() {
				if r.Type != confgraph.RelPresented || r.To != tk.ID {
					continue
				}
				if got := confgraph.DisplayName(res.Batch.Node(r.From)); got != tc.speaker {
					t.Errorf("%s presented %q, want %s", got, tc.title, tc.speaker)
				}
				if len(r.Evidence) != 1 || r.Evidence[0].Rule != tc.rule || r.Evidence[0].Document != "r.md" {
					t.Errorf("evidence of %s presenting %q = %+v, want one from r.md by rule %s", tc.speaker, tc.title, r.Evidence, tc.rule)
				}
				return
			}
			t.Errorf("nobody presented %q", tc.title)
		})
	}
}
