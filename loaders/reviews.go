package loaders

import (
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
	"github.com/confgraph/confgraph/loaders/listing"
	"github.com/confgraph/confgraph/loaders/recap"
)

// talkIndex knows the talks of each event loaded so far, with their
// speakers, so that a recap's items can be linked to them. It grows as
// documents load.
type talkIndex struct {
	byEvent  map[string][]*confgraph.Talk
	speakers map[string][]*confgraph.Speaker // talk ID -> speakers
	byLast   map[string][]*confgraph.Speaker // last word of a name -> speakers
	byKey    map[string][]*confgraph.Speaker // "f "/"l " + first/last word as text.SameName folds it -> speakers
	order    map[*confgraph.Speaker]int      // place in people
	people   []*confgraph.Speaker
	words    map[string][]string // talk ID -> title words
	seen     map[string]bool     // relationship keys and speaker IDs indexed
}

func newTalkIndex() *talkIndex {
	return &talkIndex{byEvent: map[string][]*confgraph.Talk{}, speakers: map[string][]*confgraph.Speaker{},
		byLast: map[string][]*confgraph.Speaker{}, byKey: map[string][]*confgraph.Speaker{}, order: map[*confgraph.Speaker]int{}, words: map[string][]string{}, seen: map[string]bool{}}
}

func indexTalks(b *confgraph.Batch) *talkIndex {
	ix := newTalkIndex()
	ix.add(b)
	return ix
}

// add indexes the talks, speakers and relationships of b.
func (ix *talkIndex) add(b *confgraph.Batch) {
	for _, r := range b.Rels() {
		if ix.seen[r.Key()] {
			continue
		}
		switch r.Type {
		case confgraph.RelPartOf:
			if t, ok := b.Node(r.From).(*confgraph.Talk); ok {
				ix.seen[r.Key()] = true
				ix.byEvent[r.To] = append(ix.byEvent[r.To], t)
			}
		case confgraph.RelPresented:
			if s, ok := b.Node(r.From).(*confgraph.Speaker); ok {
				ix.seen[r.Key()] = true
				ix.speakers[r.To] = append(ix.speakers[r.To], s)
			}
		}
	}
	for _, n := range b.Nodes() {
		if s, ok := n.(*confgraph.Speaker); ok && !ix.seen[s.ID] {
			ix.seen[s.ID] = true
			ix.order[s] = len(ix.people)
			ix.people = append(ix.people, s)
			for _, name := range append([]string{s.Name}, s.Aliases...) {
				k := lastWord(name)
				ix.byLast[k] = append(ix.byLast[k], s)
				if f, l := text.NameKeys(name); f != "" {
					ix.byKey["f "+f] = append(ix.byKey["f "+f], s)
					ix.byKey["l "+l] = append(ix.byKey["l "+l], s)
				}
			}
		}
	}
}

func lastWord(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}

// person returns the known speaker a name refers to, if any: first among
// those sharing the surname, else (for a typo in it) among everyone.
func (ix *talkIndex) person(name string) *confgraph.Speaker {
	same := func(s *confgraph.Speaker) bool {
		if text.SameName(s.Name, name) {
			return true
		}
		for _, a := range s.Aliases {
			if text.SameName(a, name) {
				return true
			}
		}
		return false
	}
	for _, s := range ix.byLast[lastWord(name)] {
		if same(s) {
			return s
		}
	}
	// A name SameName matches shares its first or its last word with this
	// one, as SameName folds them; the first in ix.people's order wins.
	f, l := text.NameKeys(name)
	if f == "" {
		return nil
	}
	var best *confgraph.Speaker
	at := -1
	for _, s := range append(ix.byKey["f "+f], ix.byKey["l "+l]...) {
		if i := ix.order[s]; (at < 0 || i < at) && same(s) {
			best, at = s, i
		}
	}
	return best
}

// titleWords returns a talk's title words, worked out once.
func (ix *talkIndex) titleWords(w *World, t *confgraph.Talk) []string {
	ws, ok := ix.words[t.ID]
	if !ok {
		ws = w.titleWords(t.Title)
		ix.words[t.ID] = ws
	}
	return ws
}

// match finds the talk of the event a recap item writes about: by its
// speakers when the recap names them (a recap may retitle a keynote), else
// by a title that agrees in most words both ways.
func (ix *talkIndex) match(w *World, eventID string, it recap.Item) *confgraph.Talk {
	talks := ix.byEvent[eventID]
	itemWords := w.titleWords(it.Title)
	var bySpeaker []*confgraph.Talk
	for _, t := range talks {
		for _, s := range ix.speakers[t.ID] {
			for _, p := range it.Speakers {
				if text.SameName(s.Name, p.Name) {
					bySpeaker = append(bySpeaker, t)
				}
			}
		}
	}
	bySpeaker = uniqTalks(bySpeaker)
	switch {
	case len(bySpeaker) == 1 && (it.SpeakerOnly || titlesAgree(itemWords, ix.titleWords(w, bySpeaker[0])) || keynoteOf(it, bySpeaker[0])):
		// The speaker's one talk; a recap may retitle a keynote, but a
		// talk whose title says something else is another session.
		return bySpeaker[0]
	case len(bySpeaker) > 1:
		var best *confgraph.Talk
		bestScore := 0.0
		for _, t := range bySpeaker {
			if s := similarity(itemWords, ix.titleWords(w, t)); s > bestScore {
				best, bestScore = t, s
			}
		}
		if best != nil {
			return best
		}
		// No title to go by: a keynote section means the speaker's keynote.
		if keynoteWordIn(it.Section) || keynoteWordIn(it.Text) {
			var keynotes []*confgraph.Talk
			for _, t := range bySpeaker {
				if t.Kind == confgraph.KindKeynote {
					keynotes = append(keynotes, t)
				}
			}
			if len(keynotes) == 1 {
				return keynotes[0]
			}
		}
	}
	if it.SpeakerOnly {
		return nil
	}
	var best *confgraph.Talk
	bestScore := 0.0
	for _, t := range talks {
		tw := ix.titleWords(w, t)
		a, b := text.Coverage(itemWords, tw), text.Coverage(tw, itemWords)
		// A recap may drop a subtitle: "Leading Without a Map" for
		// "Leading Without a Map: Platform Team Culture That Scales".
		if main := text.MainTitle(t.Title); main != t.Title && text.Coverage(w.titleWords(main), itemWords) == 1 && a == 1 {
			b = 1
		}
		if max(a, b) < titleCovers || min(a, b) < titleCoveredBack {
			continue
		}
		if min(a, b) < titleSame && len(it.Speakers) > 0 && len(ix.speakers[t.ID]) > 0 && !sharePerson(it.Speakers, ix.speakers[t.ID]) {
			// Titles alike in part, given by other people: another session
			// ("Failover Drills with Karmada" by A is not "Karmada in
			// Production: Multi-Cluster Failover" by B).
			continue
		}
		if s := a + b; s > bestScore {
			best, bestScore = t, s
		}
	}
	return best
}

// titlesAgree reports titles sharing at least a third of their words
// either way.
func titlesAgree(a, b []string) bool {
	return len(a) == 0 || max(text.Coverage(a, b), text.Coverage(b, a)) >= minSharedTitle
}

// A recap's words for a talk name a listed talk of any speaker when one
// title covers at least titleCovers of the other's words and the other
// covers at least titleCoveredBack back: a recap shortens or paraphrases a
// title ("Proxies at Scale" for "Running Proxies at Scale in Production":
// all of its words, and about half back) but two talks of one track share
// a word or two ("Scaling Envoy" and "Envoy Gateway Deep Dive": half of
// one, a third of the other).
const (
	titleCovers      = 0.8
	titleCoveredBack = 0.4
	// titleSame is how much two titles must agree both ways to be one
	// session whoever the recap says gave it.
	titleSame = 0.9
)

// sharePerson reports whether a recap item's people and a talk's speakers
// have someone in common.
func sharePerson(people []listing.Speaker, speakers []*confgraph.Speaker) bool {
	for _, p := range people {
		for _, s := range speakers {
			if text.SameName(p.Name, s.Name) {
				return true
			}
		}
	}
	return false
}

// minSharedTitle is the share of words a recap's title must share with a
// listed talk of the same speaker to name it.
const minSharedTitle = 1.0 / 3

// keynoteOf reports a recap item about a keynote and a speaker's keynote.
func keynoteOf(it recap.Item, t *confgraph.Talk) bool {
	return t.Kind == confgraph.KindKeynote || it.Keynote || keynoteWordIn(it.Section) || keynoteWordIn(it.Text)
}

func uniqTalks(ts []*confgraph.Talk) []*confgraph.Talk {
	seen := map[string]bool{}
	var out []*confgraph.Talk
	for _, t := range ts {
		if !seen[t.ID] {
			seen[t.ID] = true
			out = append(out, t)
		}
	}
	return out
}

// titleWords are a title's words (text.TitleWords) with project aliases
// spelled by the project's name ("K8s" -> "kubernetes").
func (w *World) titleWords(t string) []string {
	var out []string
	for _, word := range text.TitleWords(t) {
		if hits := w.Projects.Find(word, word); len(hits) == 1 && !strings.EqualFold(hits[0].Spec.Name, word) {
			out = append(out, strings.Fields(strings.ToLower(hits[0].Spec.Name))...)
			continue
		}
		out = append(out, word)
	}
	return out
}

func similarity(a, b []string) float64 { return text.Coverage(a, b) + text.Coverage(b, a) }

// reviews links a recap to the talks it writes about, creating the talks
// (with the speakers and companies the recap names) that no listing has.
func (w *World) reviews(b *confgraph.Batch, ix *talkIndex, doc *recap.Document, rc *confgraph.Recap, event *confgraph.Event, items []recap.Item, docWords map[string]bool) {
	spans := itemSpans(doc, items)
	for i, it := range items {
		if it.NamedBySpeaker && !it.SurelyNamed && ix.person(it.Speakers[0].Name) == nil {
			// "Name - Company" or "Name - title" only when Name is someone
			// we know; otherwise the heading is a title with a subtitle.
			it.Title, it.Speakers, it.SpeakerOnly, it.NamedBySpeaker = it.Heading, nil, false, false
		}
		talk := ix.match(w, event.ID, it)
		if talk == nil && it.Weak {
			continue // not clearly a session, and none we know of
		}
		if talk == nil {
			if b.Node(confgraph.ID(confgraph.LabelTalk, event.ID+" "+it.Title)) != nil {
				// The post names the talk twice (a table of contents, then
				// a heading): one talk, reviewed once, with the people
				// either mention gives.
				id := confgraph.ID(confgraph.LabelTalk, event.ID+" "+it.Title)
				w.presenters(b, ix, doc, id, it)
				if t, ok := b.Node(id).(*confgraph.Talk); ok {
					w.discussesSpan(b, doc, t, it, spans[i], docWords)
				}
				continue
			}
			talk = &confgraph.Talk{ID: confgraph.ID(confgraph.LabelTalk, event.ID+" "+it.Title), Title: it.Title, Kind: confgraph.KindTalk}
			if keynoteWordIn(it.Text) || it.Keynote {
				talk.Kind = confgraph.KindKeynote
			}
			w.discussesSpan(b, doc, talk, it, spans[i], docWords)
			b.AddNode(talk)
			b.AddRel(confgraph.Relationship{Type: confgraph.RelPartOf, From: talk.ID, To: event.ID,
				Evidence: itemEvidence(doc, it)})
			w.presenters(b, ix, doc, talk.ID, it)
		}
		b.AddRel(confgraph.Relationship{Type: confgraph.RelReviews, From: rc.ID, To: talk.ID,
			Evidence: itemEvidence(doc, it)})
	}
}

// presenters links the speakers an item names to a talk the recap made,
// with the companies it gives them.
func (w *World) presenters(b *confgraph.Batch, ix *talkIndex, doc *recap.Document, talkID string, it recap.Item) {
	for _, s := range it.Speakers {
		sp := ix.person(s.Name)
		if sp == nil {
			sp = &confgraph.Speaker{ID: confgraph.ID(confgraph.LabelSpeaker, s.Name), Name: s.Name, Role: s.Role}
		}
		b.AddNode(&confgraph.Speaker{ID: sp.ID, Name: sp.Name, Aliases: []string{s.Name}, Role: s.Role})
		b.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: sp.ID, To: talkID, Role: "speaker",
			Evidence: itemEvidence(doc, it)})
		if c := w.Company(s.Company); c != nil {
			b.AddNode(c)
			b.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: sp.ID, To: c.ID,
				Evidence: itemEvidence(doc, it)})
		}
	}
}

// itemEvidence is the evidence of a fact read from a talk mention: its
// line, as printed, and the rule that read it.
func itemEvidence(doc *recap.Document, it recap.Item) []confgraph.Evidence {
	return ev(doc.Name, it.Line, it.Text, it.Rule)
}

func keynoteWordIn(s string) bool { return strings.Contains(strings.ToLower(s), "keynote") }
