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

// ReplacerStore is a store that can replace what one document said.
type ReplacerStore interface {
	confgraph.Store
	confgraph.DocumentReplacer
}

// Replacer runs the suite of ReplaceDocument on the fixture.
func Replacer(t *testing.T, open func(t *testing.T) ReplacerStore) {
	t.Helper()
	loaded := loader(open)
	ctx := context.Background()

	t.Run("ReplaceDocumentWithItselfChangesNothing", func(t *testing.T) {
		s := loaded(t)
		before := dump(t, s)
		if err := s.ReplaceDocument(ctx, recapDoc, DocumentBatch(Fixture(), recapDoc)); err != nil {
			t.Fatal(err)
		}
		if d := Diff(before, dump(t, s)); len(d) > 0 {
			t.Errorf("replacing a document with what it said changed the graph:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("ReplaceDocumentWithNothingRetractsIt", func(t *testing.T) {
		s := loaded(t)
		before := dump(t, s)
		if err := s.ReplaceDocument(ctx, recapDoc, confgraph.NewBatch()); err != nil {
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
		if err := s.ReplaceDocument(ctx, recapDoc, DocumentBatch(Fixture(), recapDoc)); err != nil {
			t.Fatal(err)
		}
		if d := Diff(before, dump(t, s)); len(d) > 0 {
			t.Errorf("after putting the document back:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("PropertiesComeFromTheDocumentsThatSupportThem", func(t *testing.T) {
		s := loaded(t)
		const listingDoc, recapDoc2 = "provenance-listing.md", "provenance-recap.md"
		const talkID, speakerID = "talk:provenance-talk", "speaker:provenance-speaker"
		// said builds what one document says of a talk and its speaker.
		said := func(doc string, rank int, level confgraph.Level, minutes int, bio string) *confgraph.Batch {
			b := confgraph.NewBatch()
			b.AddNode(&confgraph.Talk{ID: talkID, Title: "Provenance for Graphs", Level: level, DurationMinutes: minutes})
			if bio != "" {
				b.AddNode(&confgraph.Speaker{ID: speakerID, Name: "Pat Provenance", Bio: bio})
				b.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: speakerID, To: talkID,
					Evidence: []confgraph.Evidence{{Document: doc, Line: 3, Snippet: "Pat Provenance"}}})
			}
			b.Attribute(doc, rank)
			return b
		}
		replace := func(doc string, b *confgraph.Batch) {
			t.Helper()
			if err := s.ReplaceDocument(ctx, doc, b); err != nil {
				t.Fatalf("ReplaceDocument(%s): %v", doc, err)
			}
		}
		check := func(step string, level confgraph.Level, minutes int, bio string) {
			t.Helper()
			got, err := s.Nodes(ctx, []string{talkID, speakerID})
			if err != nil {
				t.Fatal(err)
			}
			tk, _ := got[talkID].(*confgraph.Talk)
			switch {
			case level == "gone" && tk != nil:
				t.Errorf("%s: the talk is still there (%s, %d min)", step, tk.Level, tk.DurationMinutes)
			case level == "gone":
			case tk == nil:
				t.Errorf("%s: the talk is gone", step)
			case tk.Title != "Provenance for Graphs" || tk.Level != level || tk.DurationMinutes != minutes:
				t.Errorf("%s: talk is %s, %d min; want %s, %d min", step, tk.Level, tk.DurationMinutes, level, minutes)
			}
			sp, _ := got[speakerID].(*confgraph.Speaker)
			switch {
			case bio == "" && sp != nil:
				t.Errorf("%s: the speaker is still there (bio %q)", step, sp.Bio)
			case bio != "" && sp == nil:
				t.Errorf("%s: the speaker is gone", step)
			case sp != nil && sp.Bio != bio:
				t.Errorf("%s: speaker's bio is %q, want %q", step, sp.Bio, bio)
			}
		}
		replace(recapDoc2, said(recapDoc2, confgraph.RankRecap, confgraph.LevelAdvanced, 60, "Writes graphs and a much longer biography."))
		check("recap alone", confgraph.LevelAdvanced, 60, "Writes graphs and a much longer biography.")
		replace(listingDoc, said(listingDoc, confgraph.RankListed, confgraph.LevelBeginner, 30, "Writes graphs."))
		// The listing arrived last but is the programme: its level and
		// duration win; the longest bio stays.
		check("listing added", confgraph.LevelBeginner, 30, "Writes graphs and a much longer biography.")
		replace(listingDoc, said(listingDoc, confgraph.RankListed, confgraph.LevelIntermediate, 45, ""))
		check("listing changed", confgraph.LevelIntermediate, 45, "Writes graphs and a much longer biography.")
		replace(recapDoc2, said(recapDoc2, confgraph.RankRecap, "", 0, "Short."))
		// The recap no longer gives a level or a duration, and its bio is
		// now the only one: nothing of its earlier version stays.
		check("recap changed", confgraph.LevelIntermediate, 45, "Short.")
		replace(listingDoc, confgraph.NewBatch())
		// A level and a duration only the removed listing gave are gone.
		check("listing removed", "", 0, "Short.")
		replace(recapDoc2, confgraph.NewBatch())
		check("both removed", "gone", 0, "")
	})

	t.Run("ReplaceDocumentWithABadBatchKeepsTheOldState", func(t *testing.T) {
		s := loaded(t)
		before := dump(t, s)
		bad := confgraph.NewBatch()
		bad.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: "speaker:nobody", To: talkKeynote,
			Evidence: []confgraph.Evidence{{Document: recapDoc, Line: 1, Snippet: "x"}}})
		err := s.ReplaceDocument(ctx, recapDoc, bad)
		if confgraph.ErrorCode(err) != confgraph.EINVALID {
			t.Fatalf("ReplaceDocument with a dangling relationship = %v, want EINVALID", err)
		}
		if d := Diff(before, dump(t, s)); len(d) > 0 {
			t.Errorf("a failed replacement changed the graph:\n%s", strings.Join(d, "\n"))
		}
	})
}
