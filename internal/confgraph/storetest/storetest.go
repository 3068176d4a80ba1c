// Package storetest is the contract every confgraph.Store is held to, run
// by each store's tests against an empty store, so that the embedded store
// and Neo4j give the same answers to the same questions. The contract is
// split by capability: Reader (writes, lists, relationships and queries,
// which every Store has), Searcher (Search), Paths (ShortestPath),
// Replacer (confgraph.DocumentReplacer) and Prefetcher
// (confgraph.Prefetcher); a store's tests run the suites of what it can
// do. Where answers are computed, confgraph.Eval, the reference
// semantics, is the oracle.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// loader returns a function giving a store holding the fixture.
func loader[S confgraph.Store](open func(t *testing.T) S) func(t *testing.T) S {
	return func(t *testing.T) S {
		t.Helper()
		s := open(t)
		write(t, s, Fixture())
		return s
	}
}

// Reader runs the suite every store passes: writes, lists, nodes,
// relationships, counts, dumps and queries. open must return an empty
// store for each subtest; it is responsible for closing the store (with
// t.Cleanup).
func Reader(t *testing.T, open func(t *testing.T) confgraph.Store) {
	t.Helper()
	loaded := loader(open)

	t.Run("Empty", func(t *testing.T) {
		s := open(t)
		for _, l := range confgraph.Labels {
			got, err := s.List(context.Background(), l, confgraph.Page{})
			if err != nil {
				t.Fatalf("List(%s): %v", l, err)
			}
			if len(got) != 0 {
				t.Errorf("List(%s) on an empty store = %v, want nothing", l, names(got))
			}
		}
		want := map[string]int{}
		for _, l := range confgraph.Labels {
			want[string(l)] = 0
		}
		for _, r := range confgraph.RelTypes {
			want[string(r)] = 0
		}
		checkCounts(t, s, want)
		d := dump(t, s)
		if n, r := d.Len(); n != 0 || r != 0 {
			t.Errorf("Dump of an empty store has %d nodes and %d relationships", n, r)
		}
	})

	t.Run("ListTalksInDisplayOrder", func(t *testing.T) {
		s := loaded(t)
		got := list(t, s, confgraph.LabelTalk, confgraph.Page{})
		want := []string{
			"Ask the Maintainers: A Panel",
			"closing remarks", // talk:eu-closing-remarks sorts before talk:na-closing-remarks
			"Closing Remarks",
			"eBPF for Everyone",
			"Keynote: Welcome Back",
			"Zero Trust Service Meshes",
			"Éclairs and etcd: Tuning Storage",
		}
		if !slices.Equal(names(got), want) {
			t.Errorf("List(Talk) titles =\n  %q\nwant\n  %q", names(got), want)
		}
		if got[1].NodeID() != talkClosingEU || got[2].NodeID() != talkClosingNA {
			t.Errorf("titles equal but for case are ordered %s, %s; want by ID: %s, %s", got[1].NodeID(), got[2].NodeID(), talkClosingEU, talkClosingNA)
		}
	})

	t.Run("ListEveryLabelInDisplayOrder", func(t *testing.T) {
		s := loaded(t)
		want := map[confgraph.Label][]string{
			confgraph.LabelEvent:   {"Example Cloud Summit Europe 2031", "Example Cloud Summit North America 2030"},
			confgraph.LabelSpeaker: {"Ada Okafor", "Bruno Lindqvist", "Chen Wei", "Dana Moreno"},
			confgraph.LabelCompany: {"Acme Cloud", "Globex Systems"},
			confgraph.LabelProject: {"Lumen", "tidewater"},
			confgraph.LabelRecap:   {"Five Things We Learned in Lisbon"},
		}
		for l, w := range want {
			got := list(t, s, l, confgraph.Page{})
			if !slices.Equal(names(got), w) {
				t.Errorf("List(%s) = %q, want %q", l, names(got), w)
			}
		}
		for _, l := range confgraph.Labels {
			got := list(t, s, l, confgraph.Page{})
			if !sort.SliceIsSorted(got, func(i, j int) bool { return confgraph.Less(got[i], got[j]) }) {
				t.Errorf("List(%s) = %q is not in confgraph.Less order", l, names(got))
			}
		}
	})

	t.Run("ListPages", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			name string
			page confgraph.Page
			want []string
		}{
			{"FirstTwo", confgraph.Page{Limit: 2}, []string{"Ask the Maintainers: A Panel", "closing remarks"}},
			{"Middle", confgraph.Page{Offset: 2, Limit: 3}, []string{"Closing Remarks", "eBPF for Everyone", "Keynote: Welcome Back"}},
			{"LastPartial", confgraph.Page{Offset: 6, Limit: 5}, []string{"Éclairs and etcd: Tuning Storage"}},
			{"PastTheEnd", confgraph.Page{Offset: 7, Limit: 5}, nil},
			{"FarPastTheEnd", confgraph.Page{Offset: 1000}, nil},
			{"MaxLimit", confgraph.Page{Offset: 5, Limit: confgraph.MaxPage}, []string{"Zero Trust Service Meshes", "Éclairs and etcd: Tuning Storage"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := list(t, s, confgraph.LabelTalk, tc.page)
				if !slices.Equal(names(got), tc.want) {
					t.Errorf("List(Talk, %+v) = %q, want %q", tc.page, names(got), tc.want)
				}
			})
		}
	})

	t.Run("ListRejectsBadPages", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			name string
			page confgraph.Page
		}{
			{"LimitAboveMax", confgraph.Page{Limit: confgraph.MaxPage + 1}},
			{"NegativeLimit", confgraph.Page{Limit: -1}},
			{"NegativeOffset", confgraph.Page{Offset: -3}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.List(context.Background(), confgraph.LabelTalk, tc.page)
				checkCode(t, err, confgraph.EINVALID)
				if len(got) != 0 {
					t.Errorf("List(Talk, %+v) returned %d nodes along with its error", tc.page, len(got))
				}
			})
		}
	})

	t.Run("NodesRoundTrip", func(t *testing.T) {
		s := loaded(t)
		fix := Fixture()
		var ids []string
		for _, n := range fix.Nodes() {
			ids = append(ids, n.NodeID())
		}
		got, err := s.Nodes(context.Background(), append(ids, "talk:no-such-talk", "speaker:nobody"))
		if err != nil {
			t.Fatalf("Nodes: %v", err)
		}
		if len(got) != len(ids) {
			t.Errorf("Nodes returned %d nodes, want the %d known ones: %v", len(got), len(ids), sortedKeys(got))
		}
		for _, id := range []string{"talk:no-such-talk", "speaker:nobody"} {
			if n, ok := got[id]; ok {
				t.Errorf("Nodes returned %v for unknown ID %s", n, id)
			}
		}
		for _, want := range fix.Nodes() {
			n := got[want.NodeID()]
			if n == nil {
				t.Errorf("Nodes is missing %s", want.NodeID())
				continue
			}
			if reflect.TypeOf(n) != reflect.TypeOf(want) {
				t.Errorf("Nodes[%s] is a %T, want %T", want.NodeID(), n, want)
				continue
			}
			if d := diffProps(confgraph.Properties(want), confgraph.Properties(n)); d != "" {
				t.Errorf("Nodes[%s]: %s", want.NodeID(), d)
			}
		}
		// Facts a reader of the API would check, field by field.
		if tk, _ := got[talkPanel].(*confgraph.Talk); tk == nil || tk.Kind != confgraph.KindPanel || tk.Participants != 4 || tk.DurationMinutes != 45 || tk.Level != "" {
			t.Errorf("the panel talk = %+v, want a PANEL of 45 minutes with 4 participants and no level", got[talkPanel])
		}
		if tk, _ := got[talkEBPF].(*confgraph.Talk); tk == nil || tk.Level != confgraph.LevelBeginner || tk.Kind != confgraph.KindTalk {
			t.Errorf("eBPF for Everyone = %+v, want a BEGINNER TALK", got[talkEBPF])
		}
		if ev, _ := got[eventEU].(*confgraph.Event); ev == nil || ev.Year != 2031 || ev.StartDate != "2031-03-18" || ev.EndDate != "2031-03-21" || ev.City != "Lisbon" {
			t.Errorf("the European event = %+v, want Lisbon, 2031-03-18 to 2031-03-21", got[eventEU])
		}
		if p, _ := got[projectLumen].(*confgraph.Project); p == nil || !slices.Equal(p.Aliases, []string{"Lumen Proxy", "lumen-proxy"}) || p.Maturity != "incubating" || p.Incubating != "2029-01-17" {
			t.Errorf("Lumen = %+v, want aliases [Lumen Proxy lumen-proxy], incubating since 2029-01-17", got[projectLumen])
		}
		if c, _ := got[companyAcme].(*confgraph.Company); c == nil || !slices.Equal(c.Aliases, []string{"Acme Cloud, Inc.", "AcmeCloud"}) {
			t.Errorf("Acme Cloud = %+v, want aliases [Acme Cloud, Inc. AcmeCloud]", got[companyAcme])
		}
		if r, _ := got[recapLisbon].(*confgraph.Recap); r == nil || !strings.Contains(r.Text, "\nAda Okafor") || r.Document != recapDoc {
			t.Errorf("the recap = %+v, want its two-line text and document %s", got[recapLisbon], recapDoc)
		}
	})

	t.Run("NodesOfNothing", func(t *testing.T) {
		s := loaded(t)
		got, err := s.Nodes(context.Background(), nil)
		if err != nil {
			t.Fatalf("Nodes(nil): %v", err)
		}
		if len(got) != 0 {
			t.Errorf("Nodes(nil) = %v, want nothing", sortedKeys(got))
		}
	})

	t.Run("RelatedPanelSpeakers", func(t *testing.T) {
		s := loaded(t)
		got := related(t, s, []string{talkPanel}, confgraph.RelPresented, confgraph.In)
		want := []edgeFact{
			{speakerAda, "Ada Okafor", "panelist"},
			{speakerChen, "Chen Wei", "panelist"},
			{speakerDana, "Dana Moreno", "moderator"},
		}
		checkEdges(t, "speakers of the panel", got[talkPanel], want)
		for _, e := range got[talkPanel] {
			if e.Rel.Type != confgraph.RelPresented || e.Rel.To != talkPanel || e.Rel.From != e.Node.NodeID() {
				t.Errorf("edge %+v does not run from the speaker to the panel", e.Rel)
			}
		}
		if len(got[talkPanel]) == 3 {
			wantEv := []confgraph.Evidence{{Document: listingNA, Line: 39, Snippet: "Moderator: Dana Moreno — Globex Systems"}}
			if ev := got[talkPanel][2].Rel.Evidence; !reflect.DeepEqual(ev, wantEv) {
				t.Errorf("evidence that Dana Moreno moderates = %+v, want %+v", ev, wantEv)
			}
		}
	})

	t.Run("RelatedTalksOfSpeaker", func(t *testing.T) {
		s := loaded(t)
		got := related(t, s, []string{speakerAda, speakerBruno, speakerDana}, confgraph.RelPresented, confgraph.Out)
		checkEdges(t, "talks of Ada Okafor", got[speakerAda], []edgeFact{
			{talkPanel, "Ask the Maintainers: A Panel", "panelist"},
			{talkEBPF, "eBPF for Everyone", "speaker"},
		})
		checkEdges(t, "talks of Bruno Lindqvist", got[speakerBruno], []edgeFact{
			{talkKeynote, "Keynote: Welcome Back", "speaker"},
			{talkZeroTrust, "Zero Trust Service Meshes", "speaker"},
		})
		checkEdges(t, "talks of Dana Moreno", got[speakerDana], []edgeFact{
			{talkPanel, "Ask the Maintainers: A Panel", "moderator"},
		})
	})

	t.Run("RelatedEmployerWithTwoEvidence", func(t *testing.T) {
		s := loaded(t)
		got := related(t, s, []string{speakerAda}, confgraph.RelWorksAt, confgraph.Out)
		checkEdges(t, "employer of Ada Okafor", got[speakerAda], []edgeFact{{companyAcme, "Acme Cloud", ""}})
		if len(got[speakerAda]) != 1 {
			return
		}
		want := []confgraph.Evidence{
			{Document: listingEU, Line: 12, Snippet: "eBPF for Everyone - Ada Okafor, Acme Cloud"},
			// The rule that read a fact is kept with its evidence.
			{Document: recapDoc, Line: 2, Snippet: "Ada Okafor of Acme Cloud opened with eBPF.", Rule: "name-of-company"},
		}
		if ev := got[speakerAda][0].Rel.Evidence; !reflect.DeepEqual(ev, want) {
			t.Errorf("evidence that Ada Okafor works at Acme Cloud =\n  %+v\nwant\n  %+v", ev, want)
		}
		in := related(t, s, []string{companyAcme}, confgraph.RelWorksAt, confgraph.In)
		checkEdges(t, "people at Acme Cloud", in[companyAcme], []edgeFact{
			{speakerAda, "Ada Okafor", ""},
			{speakerBruno, "Bruno Lindqvist", ""},
		})
	})

	t.Run("RelatedTalksOfEvents", func(t *testing.T) {
		s := loaded(t)
		got := related(t, s, []string{eventEU, eventNA}, confgraph.RelPartOf, confgraph.In)
		checkEdges(t, "talks of the European event", got[eventEU], []edgeFact{
			{talkClosingEU, "closing remarks", ""},
			{talkEBPF, "eBPF for Everyone", ""},
			{talkZeroTrust, "Zero Trust Service Meshes", ""},
			{talkEclairs, "Éclairs and etcd: Tuning Storage", ""},
		})
		checkEdges(t, "talks of the North American event", got[eventNA], []edgeFact{
			{talkPanel, "Ask the Maintainers: A Panel", ""},
			{talkClosingNA, "Closing Remarks", ""},
			{talkKeynote, "Keynote: Welcome Back", ""},
		})
	})

	t.Run("RelatedNothing", func(t *testing.T) {
		s := loaded(t)
		got := related(t, s, []string{"speaker:nobody", talkClosingEU}, confgraph.RelPresented, confgraph.In)
		for id, edges := range got {
			if len(edges) != 0 {
				t.Errorf("Related(%s, PRESENTED, In) = %d edges, want none", id, len(edges))
			}
		}
		// Following a relationship the wrong way from a node finds nothing.
		got = related(t, s, []string{speakerAda}, confgraph.RelPresented, confgraph.In)
		if len(got[speakerAda]) != 0 {
			t.Errorf("Related(Ada Okafor, PRESENTED, In) = %d edges, want none", len(got[speakerAda]))
		}
	})

	t.Run("RelatedEveryRelationshipBothWays", func(t *testing.T) {
		s := loaded(t)
		fix := Fixture()
		for _, r := range fix.Rels() {
			for _, dir := range []confgraph.Direction{confgraph.Out, confgraph.In} {
				from, other := r.From, r.To
				if dir == confgraph.In {
					from, other = r.To, r.From
				}
				got := related(t, s, []string{from}, r.Type, dir)
				var found *confgraph.Edge
				for i, e := range got[from] {
					if e.Node != nil && e.Node.NodeID() == other {
						found = &got[from][i]
					}
				}
				if found == nil {
					t.Errorf("Related(%s, %s, %s) lacks %s", from, r.Type, dirName(dir), other)
					continue
				}
				if found.Rel.Type != r.Type || found.Rel.From != r.From || found.Rel.To != r.To {
					t.Errorf("Related(%s, %s, %s): edge is %s %s->%s, want %s %s->%s", from, r.Type, dirName(dir),
						found.Rel.Type, found.Rel.From, found.Rel.To, r.Type, r.From, r.To)
				}
				if d := diffProps(confgraph.RelProperties(r), confgraph.RelProperties(found.Rel)); d != "" {
					t.Errorf("Related(%s, %s, %s) edge to %s: %s", from, r.Type, dirName(dir), other, d)
				}
				if d := diffProps(confgraph.Properties(fix.Node(other)), confgraph.Properties(found.Node)); d != "" {
					t.Errorf("Related(%s, %s, %s) node %s: %s", from, r.Type, dirName(dir), other, d)
				}
			}
		}
	})

	t.Run("Counts", func(t *testing.T) {
		s := loaded(t)
		checkCounts(t, s, fixtureCounts())
	})

	t.Run("WriteTwiceChangesNothing", func(t *testing.T) {
		s := loaded(t)
		again := Fixture()
		write(t, s, again)
		checkCounts(t, s, fixtureCounts())
		got := related(t, s, []string{speakerAda}, confgraph.RelWorksAt, confgraph.Out)
		if len(got[speakerAda]) != 1 || len(got[speakerAda][0].Rel.Evidence) != 2 {
			t.Errorf("after writing the fixture twice, Ada Okafor's employer edges = %+v, want one with 2 evidence entries", got[speakerAda])
		}
		for _, d := range Diff(Fixture(), dump(t, s)) {
			t.Errorf("Dump after writing twice: %s", d)
		}
		for _, d := range Diff(Fixture(), again) {
			t.Errorf("Write changed the caller's batch: %s", d)
		}
	})

	t.Run("WriteMerges", func(t *testing.T) {
		s := loaded(t)
		update := FixtureUpdate()
		write(t, s, update)

		want := Fixture()
		want.Merge(FixtureUpdate()) // the same rules, applied by confgraph
		for _, d := range Diff(want, dump(t, s)) {
			t.Errorf("Dump after the update: %s", d)
		}
		for _, d := range Diff(FixtureUpdate(), update) {
			t.Errorf("Write changed the caller's batch: %s", d)
		}

		counts := fixtureCounts()
		counts[string(confgraph.RelDiscusses)]++
		checkCounts(t, s, counts)

		nodes, err := s.Nodes(context.Background(), []string{speakerAda, speakerBruno, talkPanel, projectTidewater})
		if err != nil {
			t.Fatalf("Nodes: %v", err)
		}
		if sp, _ := nodes[speakerAda].(*confgraph.Speaker); sp == nil || !slices.Equal(sp.Aliases, []string{"A. Okafor", "Ada O."}) ||
			sp.Bio != "Ada maintains the Lumen scheduler." || sp.Role != "Staff Engineer" {
			t.Errorf("Ada Okafor = %+v, want aliases [A. Okafor Ada O.] and her first, longer bio and role", nodes[speakerAda])
		}
		if sp, _ := nodes[speakerBruno].(*confgraph.Speaker); sp == nil || sp.Name != "Bruno Lindqvist" || !slices.Equal(sp.Aliases, []string{"B. Lindqvist"}) ||
			sp.Bio != "Bruno Lindqvist likes service meshes and sourdough." {
			t.Errorf("Bruno Lindqvist = %+v, want alias B. Lindqvist and the longer bio", nodes[speakerBruno])
		}
		if tk, _ := nodes[talkPanel].(*confgraph.Talk); tk == nil || tk.Title != "Ask the Maintainers: A Panel" || tk.Level != confgraph.LevelIntermediate {
			t.Errorf("the panel = %+v, want its first title and level INTERMEDIATE", nodes[talkPanel])
		}
		if p, _ := nodes[projectTidewater].(*confgraph.Project); p == nil || p.Maturity != "sandbox" || p.Incubating != "2030-06-01" ||
			!slices.Equal(p.Aliases, []string{"Tidewater", "Tidewater DB"}) {
			t.Errorf("tidewater = %+v, want maturity sandbox kept, incubating date filled and aliases Tidewater (the other spelling) and Tidewater DB", nodes[projectTidewater])
		}

		works := related(t, s, []string{speakerAda}, confgraph.RelWorksAt, confgraph.Out)
		if len(works[speakerAda]) == 1 {
			wantEv := []confgraph.Evidence{
				{Document: "acme-blog.html", Line: 7, Snippet: "Ada Okafor (Acme Cloud) will present twice."},
				{Document: listingEU, Line: 12, Snippet: "eBPF for Everyone - Ada Okafor, Acme Cloud"},
				{Document: recapDoc, Line: 2, Snippet: "Ada Okafor of Acme Cloud opened with eBPF.", Rule: "name-of-company"},
			}
			if ev := works[speakerAda][0].Rel.Evidence; !reflect.DeepEqual(ev, wantEv) {
				t.Errorf("evidence that Ada Okafor works at Acme Cloud =\n  %+v\nwant\n  %+v", ev, wantEv)
			}
		} else {
			t.Errorf("Ada Okafor has %d employers, want 1", len(works[speakerAda]))
		}
		pres := related(t, s, []string{talkPanel}, confgraph.RelPresented, confgraph.In)
		checkEdges(t, "speakers of the panel", pres[talkPanel], []edgeFact{
			{speakerAda, "Ada Okafor", "panelist"},
			{speakerChen, "Chen Wei", "panelist"},
			{speakerDana, "Dana Moreno", "moderator"},
		})
		disc := related(t, s, []string{talkPanel}, confgraph.RelDiscusses, confgraph.Out)
		checkEdges(t, "projects of the panel", disc[talkPanel], []edgeFact{{projectTidewater, "tidewater", ""}})

		// Writing the update again changes nothing more.
		write(t, s, FixtureUpdate())
		checkCounts(t, s, counts)
		for _, d := range Diff(want, dump(t, s)) {
			t.Errorf("Dump after writing the update twice: %s", d)
		}
	})

	t.Run("WriteRejectsDanglingRelationship", func(t *testing.T) {
		for _, tc := range []struct {
			name    string
			rel     confgraph.Relationship
			missing string
		}{
			{"MissingStart", rel(confgraph.RelPresented, "speaker:nobody", "talk:ghost-talk", "speaker", ev("ghost.txt", 1, "x")), "speaker:nobody"},
			{"MissingEnd", rel(confgraph.RelWorksAt, speakerAda, "company:nowhere", "", ev("ghost.txt", 2, "y")), "company:nowhere"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := loaded(t)
				b := confgraph.NewBatch()
				b.AddNode(&confgraph.Talk{ID: "talk:ghost-talk", Title: "Ghost Talk", Kind: confgraph.KindTalk})
				b.AddNode(&confgraph.Speaker{ID: speakerAda, Name: "Ada Okafor", Aliases: []string{"Should Not Be Stored"}})
				b.AddRel(rel(confgraph.RelPartOf, "talk:ghost-talk", eventEU, "", ev("ghost.txt", 3, "z")))
				b.AddRel(rel(confgraph.RelWorksAt, speakerAda, companyAcme, "", ev("ghost.txt", 4, "w")))
				b.AddRel(tc.rel)
				err := s.Write(context.Background(), b)
				checkCode(t, err, confgraph.EINVALID)
				if err != nil && !strings.Contains(confgraph.ErrorMessage(err), tc.missing) {
					t.Errorf("error message %q does not name the missing node %s", confgraph.ErrorMessage(err), tc.missing)
				}
				checkCounts(t, s, fixtureCounts())
				got, err := s.Nodes(context.Background(), []string{"talk:ghost-talk"})
				if err != nil {
					t.Fatalf("Nodes: %v", err)
				}
				if len(got) != 0 {
					t.Errorf("the rejected batch's talk was stored: %v", got)
				}
				for _, d := range Diff(Fixture(), dump(t, s)) {
					t.Errorf("Dump after the rejected batch: %s", d)
				}
			})
		}
	})

	t.Run("WriteRelationshipToStoredNodes", func(t *testing.T) {
		s := loaded(t)
		b := confgraph.NewBatch()
		b.AddRel(rel(confgraph.RelMentions, recapLisbon, projectTidewater, "", ev(recapDoc, 9, "tidewater got a shout-out")))
		write(t, s, b)
		got := related(t, s, []string{recapLisbon}, confgraph.RelMentions, confgraph.Out)
		checkEdges(t, "projects the recap mentions", got[recapLisbon], []edgeFact{
			{projectLumen, "Lumen", ""},
			{projectTidewater, "tidewater", ""},
		})
	})

	t.Run("DumpEqualsWhatWasWritten", func(t *testing.T) {
		s := loaded(t)
		for _, d := range Diff(Fixture(), dump(t, s)) {
			t.Error(d)
		}
	})

	runQueries(t, loaded)
}

// Diff describes every difference between two batches, comparing nodes by
// confgraph.Properties and relationships by confgraph.RelProperties. It
// returns nothing when they hold the same graph.
func Diff(want, got *confgraph.Batch) []string {
	var out []string
	for _, w := range want.Nodes() {
		g := got.Node(w.NodeID())
		switch {
		case g == nil:
			out = append(out, fmt.Sprintf("node %s is missing", w.NodeID()))
		case g.NodeLabel() != w.NodeLabel():
			out = append(out, fmt.Sprintf("node %s is a %s, want a %s", w.NodeID(), g.NodeLabel(), w.NodeLabel()))
		default:
			if d := diffProps(confgraph.Properties(w), confgraph.Properties(g)); d != "" {
				out = append(out, fmt.Sprintf("node %s: %s", w.NodeID(), d))
			}
		}
	}
	for _, g := range got.Nodes() {
		if want.Node(g.NodeID()) == nil {
			out = append(out, fmt.Sprintf("unexpected node %s %q", g.NodeID(), confgraph.DisplayName(g)))
		}
	}
	wantRels := map[string]confgraph.Relationship{}
	for _, r := range want.Rels() {
		wantRels[r.Key()] = r
	}
	gotRels := map[string]confgraph.Relationship{}
	for _, r := range got.Rels() {
		gotRels[r.Key()] = r
	}
	for _, w := range want.Rels() {
		g, ok := gotRels[w.Key()]
		if !ok {
			out = append(out, fmt.Sprintf("relationship %s is missing", w.Key()))
			continue
		}
		if d := diffProps(confgraph.RelProperties(w), confgraph.RelProperties(g)); d != "" {
			out = append(out, fmt.Sprintf("relationship %s: %s", w.Key(), d))
		}
	}
	for _, g := range got.Rels() {
		if _, ok := wantRels[g.Key()]; !ok {
			out = append(out, fmt.Sprintf("unexpected relationship %s", g.Key()))
		}
	}
	return out
}

// diffProps compares two property maps key by key.
func diffProps(want, got map[string]any) string {
	var diffs []string
	for _, k := range unionKeys(want, got) {
		w, wok := want[k]
		g, gok := got[k]
		switch {
		case !gok:
			diffs = append(diffs, fmt.Sprintf("%s missing, want %#v", k, w))
		case !wok:
			diffs = append(diffs, fmt.Sprintf("%s = %#v, want none", k, g))
		case !reflect.DeepEqual(w, g):
			diffs = append(diffs, fmt.Sprintf("%s = %#v, want %#v", k, g, w))
		}
	}
	return strings.Join(diffs, "; ")
}

func unionKeys(a, b map[string]any) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func fixtureCounts() map[string]int {
	return map[string]int{
		"Event": 2, "Talk": 7, "Speaker": 4, "Company": 2, "Project": 2, "Recap": 1,
		"PRESENTED": 7, "WORKS_AT": 4, "PART_OF": 7, "DISCUSSES": 3, "COVERS": 1, "REVIEWS": 2, "MENTIONS": 1,
	}
}

type edgeFact struct {
	id, name, role string
}

func checkEdges(t *testing.T, what string, got []confgraph.Edge, want []edgeFact) {
	t.Helper()
	var g []edgeFact
	for _, e := range got {
		if e.Node == nil {
			t.Errorf("%s: edge %+v has no node", what, e.Rel)
			continue
		}
		g = append(g, edgeFact{e.Node.NodeID(), confgraph.DisplayName(e.Node), e.Rel.Role})
	}
	if !slices.Equal(g, want) {
		t.Errorf("%s =\n  %+v\nwant\n  %+v", what, g, want)
	}
}

func checkCounts(t *testing.T, s confgraph.Store, want map[string]int) {
	t.Helper()
	got, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Counts =\n  %v\nwant\n  %v", got, want)
	}
}

func checkCode(t *testing.T, err error, code string) {
	t.Helper()
	var e *confgraph.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want a *confgraph.Error with code %s", err, code)
	}
	if e.Code != code {
		t.Errorf("error code = %s (%v), want %s", e.Code, err, code)
	}
}

func write(t *testing.T, s confgraph.Store, b *confgraph.Batch) {
	t.Helper()
	if err := s.Write(context.Background(), b); err != nil {
		t.Fatalf("Write: %v", err)
	}
}

func list(t *testing.T, s confgraph.Store, l confgraph.Label, p confgraph.Page) []confgraph.Node {
	t.Helper()
	got, err := s.List(context.Background(), l, p)
	if err != nil {
		t.Fatalf("List(%s, %+v): %v", l, p, err)
	}
	return got
}

func related(t *testing.T, s confgraph.Store, ids []string, r confgraph.RelType, dir confgraph.Direction) map[string][]confgraph.Edge {
	t.Helper()
	got, err := s.Related(context.Background(), ids, r, dir)
	if err != nil {
		t.Fatalf("Related(%v, %s, %s): %v", ids, r, dirName(dir), err)
	}
	return got
}

func dump(t *testing.T, s confgraph.Store) *confgraph.Batch {
	t.Helper()
	b, err := s.Dump(context.Background())
	if err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return b
}

func names(ns []confgraph.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, confgraph.DisplayName(n))
	}
	return out
}

func sortedKeys(m map[string]confgraph.Node) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func dirName(d confgraph.Direction) string {
	if d == confgraph.In {
		return "In"
	}
	return "Out"
}
