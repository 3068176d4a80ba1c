package loaders

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

const corpusDir = "../../shared/corpus"

func world(t *testing.T) *World {
	t.Helper()
	w, err := DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// graph indexes a batch for the assertions below.
type graph struct {
	b *confgraph.Batch
}

func loadCorpus(t *testing.T) graph {
	t.Helper()
	res, err := world(t).LoadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	return graph{res.Batch}
}

func (g graph) talk(t *testing.T, title string) *confgraph.Talk {
	t.Helper()
	for _, n := range g.b.Nodes() {
		if tk, ok := n.(*confgraph.Talk); ok && tk.Title == title {
			return tk
		}
	}
	t.Fatalf("no talk titled %q", title)
	return nil
}

// ends returns the display names of the nodes rel links id to.
func (g graph) ends(id string, rel confgraph.RelType, dir confgraph.Direction) []string {
	var out []string
	for _, r := range g.b.Rels() {
		if r.Type != rel {
			continue
		}
		if dir == confgraph.Out && r.From == id {
			out = append(out, confgraph.DisplayName(g.b.Node(r.To)))
		}
		if dir == confgraph.In && r.To == id {
			out = append(out, confgraph.DisplayName(g.b.Node(r.From)))
		}
	}
	slices.Sort(out)
	return out
}

func (g graph) speakerID(t *testing.T, name string) string {
	t.Helper()
	for _, n := range g.b.Nodes() {
		if s, ok := n.(*confgraph.Speaker); ok && s.Name == name {
			return s.ID
		}
	}
	t.Fatalf("no speaker %q", name)
	return ""
}

func TestCorpusListing(t *testing.T) {
	g := loadCorpus(t)
	res, err := world(t).LoadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	talks := 0
	for _, r := range res.Batch.Rels() {
		if r.Type == confgraph.RelPartOf && res.Loaded[r.Evidence[0].Document] == KindListing {
			talks++
		}
	}
	if talks != 174 {
		t.Errorf("corpus has %d talks, want the listing's 174 entries", talks)
	}
	tests := []struct {
		title    string
		speakers []string
		// companies per speaker, in the order of speakers
		companies [][]string
		projects  []string // a subset that must be there
	}{
		{"The Mechanics of Deploying Envoy at Lyft", []string{"Matt Klein"}, [][]string{{"Lyft"}}, []string{"Envoy"}},
		{"Hybrid Cloud Powered by Kubernetes", []string{"Aparna Sinha", "Eric Brewer", "Matthew DeLio"}, [][]string{{"Google"}, {"Google"}, {"Google"}}, []string{"Kubernetes"}},
		{"Building an Edge Computing Platform for Network Services Using Cloud Native Technology", []string{"Stephen Wong", "Vikram Dham"}, [][]string{{"Huawei"}, {"Huawei"}}, nil},
		{"Introducing Kata Containers", []string{"Imad Sousou"}, [][]string{{"Intel"}}, []string{"Kata Containers"}},
		{"Kubernetes, Cloud Native and the Public Cloud", []string{"Aparna Sinha", "Dan Kohn", "Gabe Monroy", "Hong Tang", "Jon Mittelhauser", "Todd Moore"},
			[][]string{{"Google"}, {"Cloud Native Computing Foundation"}, {"Microsoft"}, {"Alibaba Cloud"}, {"Oracle"}, {"IBM"}}, []string{"Kubernetes"}},
		{"Kubernetes Ingress Controller with Apache Traffic Server", []string{"Mrunmayi Dhume", "Suresh Visvanathan"}, [][]string{{"Oath (Yahoo)"}, {"Yahoo!"}}, []string{"Apache Traffic Server"}},
		{"Developing Locally with Kubernetes", []string{"Ryan Jarvinen"}, [][]string{nil}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			tk := g.talk(t, tt.title)
			if got := g.ends(tk.ID, confgraph.RelPresented, confgraph.In); !slices.Equal(got, tt.speakers) {
				t.Fatalf("speakers = %v, want %v", got, tt.speakers)
			}
			for i, s := range tt.speakers {
				got := g.ends(g.speakerID(t, s), confgraph.RelWorksAt, confgraph.Out)
				if !slices.Equal(got, tt.companies[i]) {
					t.Errorf("%s works at %v, want %v", s, got, tt.companies[i])
				}
			}
			got := g.ends(tk.ID, confgraph.RelDiscusses, confgraph.Out)
			for _, p := range tt.projects {
				if !slices.Contains(got, p) {
					t.Errorf("projects = %v, want %s among them", got, p)
				}
			}
			if ev := g.ends(tk.ID, confgraph.RelPartOf, confgraph.Out); !slices.Equal(ev, []string{"KubeCon + CloudNativeCon North America 2017"}) {
				t.Errorf("event = %v", ev)
			}
		})
	}
}

func TestCorpusSamePersonIsOneSpeaker(t *testing.T) {
	g := loadCorpus(t)
	got := g.ends(g.speakerID(t, "Torin Sandall"), confgraph.RelPresented, confgraph.Out)
	want := []string{"Enforcing Bespoke Policies in Kubernetes", "How Netflix Is Solving Authorization Across Their Cloud", "Istio’s Mixer: Policy Enforcement with Custom Adapters"}
	if !slices.Equal(got, want) {
		t.Errorf("Torin Sandall presented %v, want %v", got, want)
	}
}

func TestCorpusTalkAttributes(t *testing.T) {
	g := loadCorpus(t)
	tk := g.talk(t, "Kubernetes, Cloud Native and the Public Cloud")
	if tk.Kind != confgraph.KindPanel || tk.Level != confgraph.LevelBeginner || tk.DurationMinutes != 33 {
		t.Errorf("panel = %s %s %d min, want PANEL BEGINNER 33 min", tk.Kind, tk.Level, tk.DurationMinutes)
	}
	if strings.Contains(tk.Abstract, "Join us for") {
		t.Errorf("abstract keeps the repeated footer")
	}
	// The footer names Envoy under every entry; a talk whose own text does
	// not must not discuss it.
	if got := g.ends(g.talk(t, "Effective RBAC").ID, confgraph.RelDiscusses, confgraph.Out); slices.Contains(got, "Envoy") {
		t.Errorf("Effective RBAC discusses %v: the footer leaked in", got)
	}
	aw := g.talk(t, "Community Awards")
	if aw.Kind != confgraph.KindOther {
		t.Errorf("Community Awards kind = %s, want OTHER", aw.Kind)
	}
}

func TestCorpusRecapsCoverEvents(t *testing.T) {
	g := loadCorpus(t)
	covers := map[string][]string{}
	for _, n := range g.b.Nodes() {
		if r, ok := n.(*confgraph.Recap); ok {
			covers[r.Title] = g.ends(r.ID, confgraph.RelCovers, confgraph.Out)
		}
	}
	want := map[string]string{
		"KubeCon 2017 Austin":                                        "KubeCon + CloudNativeCon North America 2017",
		"KubeCon 2017 Austin Summary":                                "KubeCon + CloudNativeCon North America 2017",
		"CloudNativeCon + KubeCon Europe 2017":                       "KubeCon + CloudNativeCon Europe 2017",
		"The 2018 KubeCon and CloudNativeCon in Copenhagen, Denmark": "KubeCon + CloudNativeCon Europe 2018",
	}
	for title, ev := range want {
		if got := covers[title]; !slices.Equal(got, []string{ev}) {
			t.Errorf("recap %q covers %v, want %s", title, got, ev)
		}
	}
}

func TestEvidence(t *testing.T) {
	g := loadCorpus(t)
	tk := g.talk(t, "The Mechanics of Deploying Envoy at Lyft")
	for _, r := range g.b.Rels() {
		if r.Type == confgraph.RelPresented && r.To == tk.ID {
			e := r.Evidence[0]
			if !strings.HasPrefix(e.Document, "001_") || e.Line == 0 || !strings.Contains(e.Snippet, "Matt Klein, Lyft") {
				t.Errorf("PRESENTED evidence = %+v, want the header line of the listing", e)
			}
			return
		}
	}
	t.Fatal("no PRESENTED relationship for the talk")
}

func TestBadDocuments(t *testing.T) {
	w := world(t)
	tests := []struct {
		name, file string
		text       []byte
		wantErr    string
	}{
		{"Empty", "empty.txt", []byte("  \n\n"), "empty.txt: skipped: empty document"},
		{"Binary", "image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), "image.png:1: skipped: not UTF-8 text (byte 0x89)"},
		{"NulBytes", "nul.txt", []byte("KubeCon\nabc\x00def\n"), "nul.txt:2: skipped: binary data"},
		{"Latin1", "latin1.txt", []byte("KubeCon\nCaf\xe9 talk\n"), "latin1.txt:2: skipped: not UTF-8"},
		{"Unrelated", "recipe.txt", []byte("Pancakes\n\nMix flour and eggs.\n"), "recipe.txt: skipped: neither a talk listing nor a conference recap"},
		{"RecapWithoutEvent", "vague.txt", []byte("My KubeCon trip\n\nIt was fun.\n"), "vague.txt:1: skipped: cannot tell which event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, _, err := w.LoadDocument(tt.file, tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("LoadDocument error = %v, want %q", err, tt.wantErr)
			}
			if b != nil {
				t.Errorf("a failed document returned a batch")
			}
		})
	}
}

func TestLoadDirSkipsBadDocumentsAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	listing, err := os.ReadFile("listing/testdata/harbourcon.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]byte{
		"a.txt": listing,
		"b.bin": {0, 1, 2, 3},
		"c.txt": []byte("shopping list\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := world(t).LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Loaded) != 1 || res.Loaded["a.txt"] != KindListing {
		t.Errorf("loaded = %v, want only a.txt as a listing", res.Loaded)
	}
	if len(res.Warnings) != 2 || !strings.Contains(strings.Join(res.Warnings, "\n"), "b.bin:1: skipped: binary data") {
		t.Errorf("warnings = %q, want one for b.bin and one for c.txt", res.Warnings)
	}
}

func TestLoadDirErrors(t *testing.T) {
	if _, err := world(t).LoadDir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing corpus directory loaded without error")
	}
	if _, err := world(t).LoadDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no documents") {
		t.Errorf("empty corpus: err = %v, want 'no documents'", err)
	}
}

func TestLoadingIsDeterministic(t *testing.T) {
	a, b := loadCorpus(t), loadCorpus(t)
	na, ra := a.b.Len()
	nb, rb := b.b.Len()
	if na != nb || ra != rb {
		t.Fatalf("two loads differ: %d/%d vs %d/%d", na, ra, nb, rb)
	}
	for i, n := range a.b.Nodes() {
		if m := b.b.Nodes()[i]; n.NodeID() != m.NodeID() {
			t.Fatalf("node %d: %s vs %s", i, n.NodeID(), m.NodeID())
		}
	}
}

func TestCorpusRecapReviews(t *testing.T) {
	g := loadCorpus(t)
	reviewed := map[string][]string{}
	for _, n := range g.b.Nodes() {
		if r, ok := n.(*confgraph.Recap); ok {
			reviewed[r.Title] = g.ends(r.ID, confgraph.RelReviews, confgraph.Out)
		}
	}
	tests := []struct{ recap, talk string }{
		// Retitled by the recap; the speaker identifies it.
		{"KubeCon 2017 Austin", "Introducing Kata Containers"},
		{"KubeCon 2017 Austin", "KubeCon Opening Keynote"},
		// Named by its speaker only.
		{"KubeCon 2017 Austin Summary", "Service Meshes and Observability"},
		// Abbreviated titles.
		{"KubeCon 2017 Austin Summary", "Kubernetes Distributions and 'Kernels'"},
		{"KubeCon 2017 Austin Summary", "Microservices, Service Mesh, and CI/CD Pipelines: Making It All Work Together"},
		// Talks no listing has become talks of the recap's event.
		{"The 2018 KubeCon and CloudNativeCon in Copenhagen, Denmark", "Crossing the River by Feeling the Stones"},
		{"CloudNativeCon + KubeCon Europe 2017", "Counting with Prometheus"},
	}
	for _, tt := range tests {
		if !slices.Contains(reviewed[tt.recap], tt.talk) {
			t.Errorf("recap %q does not review %q; it reviews %q", tt.recap, tt.talk, reviewed[tt.recap])
		}
	}
	// Photo captions and block headings are not talks.
	for _, title := range reviewed["KubeCon 2017 Austin"] {
		if strings.HasPrefix(title, "KubeCon:") || strings.Contains(title, "Morning Keynotes") {
			t.Errorf("caption or heading taken for a talk: %q", title)
		}
	}
	// A new talk carries the speakers and companies the recap names.
	tk := g.talk(t, "Counting with Prometheus")
	if got := g.ends(tk.ID, confgraph.RelPresented, confgraph.In); !slices.Equal(got, []string{"Brian Brazil"}) {
		t.Errorf("speakers = %v, want Brian Brazil", got)
	}
	if got := g.ends(g.speakerID(t, "Brian Brazil"), confgraph.RelWorksAt, confgraph.Out); !slices.Equal(got, []string{"Robust Perception"}) {
		t.Errorf("Brian Brazil works at %v, want Robust Perception", got)
	}
	if got := g.ends(tk.ID, confgraph.RelPartOf, confgraph.Out); !slices.Equal(got, []string{"KubeCon + CloudNativeCon Europe 2017"}) {
		t.Errorf("event = %v", got)
	}
}

func TestTruncatedListingLoadsOnlyCompleteEntries(t *testing.T) {
	full, err := os.ReadFile("listing/testdata/harbourcon.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Cut the document in the middle of its last entry's abstract.
	cut := strings.Index(string(full), "Using eBPF")
	b, _, warns, err := world(t).LoadDocument("cut.txt", full[:cut+8])
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(warns, "\n")
	if !strings.Contains(joined, "cut.txt:") || !strings.Contains(joined, "Quiet Waters") || !strings.Contains(joined, "truncated") {
		t.Errorf("warnings = %q, want one naming cut.txt, its line and the cut entry", warns)
	}
	for _, n := range b.Nodes() {
		if tk, ok := n.(*confgraph.Talk); ok && strings.HasPrefix(tk.Title, "Quiet Waters") {
			t.Errorf("the cut-off entry was loaded: %+v", tk)
		}
	}
	g := graph{b}
	if tk := g.talk(t, "Harbour Salon"); tk.DurationMinutes != 45 {
		t.Errorf("complete entries must still load: %+v", tk)
	}
}

// TestRecapTalkBySpeakerWithAnotherTitle: a recap's talk by someone who
// also has a listed talk, under a title that says something else, is
// another session, not the listed one.
func TestRecapTalkBySpeakerWithAnotherTitle(t *testing.T) {
	listingDoc := `Conference / KubeCon + CloudNativeCon Europe 2031 (Valencia)

1 Jan 2031

Proxies at Scale [I] - Ada Okafor, Acme Cloud

Proxies.
  • 1 participant
  • 30 minutes

1 Jan 2031

Meshes for Beginners [B] - Bo Li, Acme Cloud

Meshes.
  • 1 participant
  • 30 minutes
`
	recapDoc := `# My KubeCon Europe 2031 in Valencia

I went to KubeCon + CloudNativeCon Europe 2031 and loved it.

## Talks

Proxies at Scale - Ada Okafor, Acme Cloud

Ada showed how they run proxies; I learned a lot in this talk.

Gardening With Operators - Ada Okafor, Acme Cloud

Her second talk was about operators, and I enjoyed it too.
`
	res := world(t).Load(map[string][]byte{"l.txt": []byte(listingDoc), "r.md": []byte(recapDoc)})
	g := graph{res.Batch}
	listed := g.talk(t, "Proxies at Scale")
	other := g.talk(t, "Gardening With Operators")
	if listed.ID == other.ID {
		t.Fatal("the recap's second talk was linked to the listed one")
	}
	if got := g.ends(other.ID, confgraph.RelPresented, confgraph.In); !slices.Equal(got, []string{"Ada Okafor"}) {
		t.Errorf("speakers of Gardening With Operators = %v, want [Ada Okafor]", got)
	}
}

// TestReAddKeepsTalks: adding a recap again (unchanged) to the graph it is
// already in gives the talks it reviews an event, either in the new batch or
// from another document, so the replace cannot strand them.
func TestReAddKeepsTalks(t *testing.T) {
	w := world(t)
	for _, dir := range []string{corpusDir, "../testdata/corpus2", "../testdata/corpus3"} {
		res, err := w.LoadDir(dir)
		if err != nil {
			t.Skip(err)
		}
		for name, kind := range res.Loaded {
			if kind != KindRecap {
				continue
			}
			text, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			b, _, _, err := w.LoadDocumentKnown(name, text, res.Batch)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			others := without(res.Batch, name)
			hasEvent := map[string]bool{}
			for _, r := range append(b.Rels(), others.Rels()...) {
				if r.Type == confgraph.RelPartOf {
					hasEvent[r.From] = true
				}
			}
			for _, r := range b.Rels() {
				if r.Type == confgraph.RelReviews && !hasEvent[r.To] {
					t.Errorf("%s reviews %s, which after the replace has no event", name, r.To)
				}
			}
		}
	}
}

// TestDivisionIsItsCompanyAlone: a division of a known organisation is
// that organisation in a document loaded on its own, as in a bulk load.
func TestDivisionIsItsCompanyAlone(t *testing.T) {
	w := world(t)
	for printed, want := range map[string]string{"Microsoft Azure": "company:microsoft", "Huawei Technologies": "company:huawei", "Cisco DevNet": "company:cisco", "VMware by Broadcom": "company:vmware", "Red Hat": "company:redhat", "Acme Widgets": "company:acmewidgets"} {
		if c := w.Company(printed); c == nil || c.ID != want {
			t.Errorf("Company(%q) = %+v, want ID %s", printed, c, want)
		}
	}
}

// TestEventFromOneEditionCity: a recap that names a host city of one
// edition and no year is about that edition; in French too.
func TestEventFromOneEditionCity(t *testing.T) {
	doc := "Retour sur la KubeCon EU\n\nDu 2 au 4 mai, j’ai eu la chance d’aller à la KubeCon Europe à Copenhague.\n\nJ’ai aimé le talk Rook on Bare Metal - Ana Ruiz, Acme.\n"
	b, kind, _, err := world(t).LoadDocument("fr.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindRecap {
		t.Errorf("kind = %s, want recap", kind)
	}
	var events []string
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok {
			events = append(events, e.Name)
		}
	}
	if !slices.Equal(events, []string{"KubeCon + CloudNativeCon Europe 2018"}) {
		t.Errorf("events = %v, want [KubeCon + CloudNativeCon Europe 2018]", events)
	}
}

// TestEventFromPostDate: a post dated during an edition that names no
// city or region is about that edition, and the event takes its dates.
func TestEventFromPostDate(t *testing.T) {
	doc := "---\ntitle: KubeCon day one\ndate: 2024-11-14\n---\n\nMy first day at KubeCon was long and I loved it.\n\nScaling Queues Calmly - Ana Ruiz, Acme\n\nA talk about queues that I enjoyed.\n"
	b, _, _, err := world(t).LoadDocument("d.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok {
			if e.Name != "KubeCon + CloudNativeCon North America 2024" || e.StartDate != "2024-11-12" || e.EndDate != "2024-11-15" {
				t.Errorf("event = %s %s..%s, want North America 2024, 2024-11-12..2024-11-15", e.Name, e.StartDate, e.EndDate)
			}
		}
	}
}

// TestEventFromDatedDays: a text that names KubeCon and its year but no
// city, region or publication date, and dates its sessions' days, is
// about the edition held nearest those days.
func TestEventFromDatedDays(t *testing.T) {
	doc := "Bookmark your favourite KubeCon sessions.\n\nLightning Talk: Gardens on Kubernetes - Ana Luz, Acme\nAna shows a garden.\n\nTuesday December 5, 2017 6:00pm - 6:05pm\nBallroom A, Level 1\n"
	b, _, _, err := world(t).LoadDocument("d.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok {
			events = append(events, e.Name)
		}
	}
	if !slices.Equal(events, []string{"KubeCon + CloudNativeCon North America 2017"}) {
		t.Errorf("events = %v, want [KubeCon + CloudNativeCon North America 2017]", events)
	}
}
