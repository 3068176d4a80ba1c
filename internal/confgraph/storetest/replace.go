package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// DocumentBatch returns the part of b that document doc states: its
// relationships with only doc's evidence, and their end nodes.
func DocumentBatch(b *confgraph.Batch, doc string) *confgraph.Batch {
	out := confgraph.NewBatch()
	for _, r := range b.Rels() {
		var ev []confgraph.Evidence
		for _, e := range r.Evidence {
			if e.Document == doc {
				ev = append(ev, e)
			}
		}
		if len(ev) == 0 {
			continue
		}
		r.Evidence = ev
		out.AddNode(confgraph.CloneNode(b.Node(r.From)))
		out.AddNode(confgraph.CloneNode(b.Node(r.To)))
		out.AddRel(r)
	}
	return out
}

func runReplace(t *testing.T, loaded func(t *testing.T) confgraph.Store) {
	replacer := func(t *testing.T, s confgraph.Store) confgraph.DocumentReplacer {
		t.Helper()
		r, ok := s.(confgraph.DocumentReplacer)
		if !ok {
			t.Skip("the store cannot replace documents")
		}
		return r
	}
	ctx := context.Background()

	t.Run("ReplaceDocumentWithItselfChangesNothing", func(t *testing.T) {
		s := loaded(t)
		before := dump(t, s)
		if err := replacer(t, s).ReplaceDocument(ctx, recapDoc, DocumentBatch(Fixture(), recapDoc)); err != nil {
			t.Fatal(err)
		}
		if d := Diff(before, dump(t, s)); len(d) > 0 {
			t.Errorf("replacing a document with what it said changed the graph:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("ReplaceDocumentWithNothingRetractsIt", func(t *testing.T) {
		s := loaded(t)
		before := dump(t, s)
		if err := replacer(t, s).ReplaceDocument(ctx, recapDoc, confgraph.NewBatch()); err != nil {
			t.Fatal(err)
		}
		after := dump(t, s)
		for _, r := range after.Rels() {
			for _, e := range r.Evidence {
				if e.Document == recapDoc {
					t.Errorf("%s still has evidence from the retracted document", r.Key())
				}
			}
		}
		if after.Node(recapLisbon) != nil {
			t.Error("the recap, now without relationships, is still there")
		}
		// Facts other documents state stay, with their evidence.
		for _, r := range before.Rels() {
			var others int
			for _, e := range r.Evidence {
				if e.Document != recapDoc {
					others++
				}
			}
			if others == 0 {
				continue
			}
			found := false
			for _, a := range after.Rels() {
				if a.Key() == r.Key() {
					found = len(a.Evidence) == others
				}
			}
			if !found {
				t.Errorf("%s lost evidence from other documents", r.Key())
			}
		}
		// Putting it back restores the graph.
		if err := replacer(t, s).ReplaceDocument(ctx, recapDoc, DocumentBatch(Fixture(), recapDoc)); err != nil {
			t.Fatal(err)
		}
		if d := Diff(before, dump(t, s)); len(d) > 0 {
			t.Errorf("after putting the document back:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("ReplaceDocumentWithABadBatchKeepsTheOldState", func(t *testing.T) {
		s := loaded(t)
		before := dump(t, s)
		bad := confgraph.NewBatch()
		bad.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: "speaker:nobody", To: talkKeynote,
			Evidence: []confgraph.Evidence{{Document: recapDoc, Line: 1, Snippet: "x"}}})
		err := replacer(t, s).ReplaceDocument(ctx, recapDoc, bad)
		if confgraph.ErrorCode(err) != confgraph.EINVALID {
			t.Fatalf("ReplaceDocument with a dangling relationship = %v, want EINVALID", err)
		}
		if d := Diff(before, dump(t, s)); len(d) > 0 {
			t.Errorf("a failed replacement changed the graph:\n%s", strings.Join(d, "\n"))
		}
	})
}
