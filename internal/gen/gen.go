// Package gen writes synthetic corpora of KubeCon + CloudNativeCon
// documents: talk listings shaped exactly like the real listing pages and
// blog recaps in the four styles of the real recaps, about invented events,
// people and companies and the real project catalogue. A corpus of scale N
// is about N times the real one, so the loaders and the stores can be
// tested and benchmarked at sizes no hand-made corpus reaches. Every
// document is generated from the seed alone: the same Config always writes
// the same bytes.
//
// Generate also returns a manifest of what it wrote (each listing entry
// with its speakers, companies and projects, each recap item with the talk
// it names), so a test can check what the loaders read against the truth.
package gen

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/text"
)

// Config says what to generate.
type Config struct {
	// Scale is the size of the corpus relative to the real one: scale 1 is
	// one listing of about 175 entries and about four recaps; scale N is N
	// listings of different events and about 4N recaps.
	Scale int
	// Seed determines every choice; the same Config writes the same bytes.
	Seed int64
	// Out is the directory the documents are written to. It is created
	// when missing and must otherwise be empty.
	Out string
}

// MaxScale is the largest scale Generate accepts: beyond it the events
// would run out of years the loaders read as years (20xx).
const MaxScale = 600

// Stats counts what Generate wrote.
type Stats struct {
	Documents      int
	Listings       int
	Recaps         int
	Events         int
	ListingEntries int
	RecapItems     int // items named in recaps, including sessions no listing has
	Speakers       int // distinct people named as speakers, moderators, hosts or panelists
	Companies      int // distinct companies people work for
	Projects       int // distinct catalogue projects talks mention
	Bytes          int64
	Manifest       Manifest
}

// Manifest records what the documents say, for comparison with what the
// loaders read from them.
type Manifest struct {
	Events []EventRecord
	Talks  []TalkRecord // every listing entry, in document order
	Recaps []RecapRecord
}

// EventRecord is one generated event.
type EventRecord struct {
	Name    string // as the listing names it: "KubeCon + CloudNativeCon Europe 2031"
	Region  string
	City    string
	Country string
	Year    int
	Start   string // YYYY-MM-DD
	End     string
	Listing string // file name of its listing
}

// TalkRecord is one listing entry.
type TalkRecord struct {
	Event        string // EventRecord.Name
	Document     string
	Line         int // line of the header
	Header       string
	Title        string // without level marker and without "Keynote: " / "Panel: "
	Kind         string // TALK, KEYNOTE, PANEL or OTHER
	Level        string // BEGINNER, INTERMEDIATE, ADVANCED or ""
	Minutes      int
	Participants int
	Speakers     []SpeakerRecord
	Projects     []string // catalogue names of the projects title and abstract mention
}

// SpeakerRecord is a person an entry names.
type SpeakerRecord struct {
	Name string
	Part string // speaker, moderator, host or panelist (named only in an About section)
	Role string // job title printed in the header, if any
	// Company is the employer the entry states, in the header or else in
	// the bio, as the loaders name it (no legal suffix); "" when the
	// entry states none ("Independent").
	Company string
	Printed string // what the header prints after the name, if anything
}

// RecapRecord is one recap.
type RecapRecord struct {
	Document string
	Title    string
	Style    string // photo-blog, speaker-lines, markdown or plain
	Event    string // EventRecord.Name
	Items    []RecapItem
}

// RecapItem is a session a recap writes about by name.
type RecapItem struct {
	Line int
	Text string // the line that names it
	// Talk is the title of the listing entry the item reviews, "" for a
	// session no listing has.
	Talk string
	// Speakers are the people the recap names for a session no listing has.
	Speakers []string
}

// Recap styles, after the four real recaps.
const (
	StylePhotoBlog    = "photo-blog"    // day-by-day blog with photo captions and "Title - Speaker, Company" lines
	StyleSpeakerLines = "speaker-lines" // a title line, then a "Name, Role, Company" line
	StyleMarkdown     = "markdown"      // front matter, ## blocks and ### sessions
	StylePlain        = "plain"         // standalone title lines above paragraphs
)

// Generate writes a corpus of cfg.Scale listings and about 4×cfg.Scale
// recaps into cfg.Out and reports what it wrote.
func Generate(cfg Config) (Stats, error) {
	if cfg.Scale < 1 || cfg.Scale > MaxScale {
		return Stats{}, fmt.Errorf("gen: scale %d is out of range 1..%d", cfg.Scale, MaxScale)
	}
	if cfg.Out == "" {
		return Stats{}, errors.New("gen: no output directory")
	}
	docs, st, err := build(cfg.Scale, cfg.Seed)
	if err != nil {
		return Stats{}, err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return Stats{}, fmt.Errorf("gen: %w", err)
	}
	entries, err := os.ReadDir(cfg.Out)
	if err != nil {
		return Stats{}, fmt.Errorf("gen: %w", err)
	}
	if len(entries) > 0 {
		// Old documents beside new ones would make a different corpus.
		return Stats{}, fmt.Errorf("gen: output directory %s is not empty", cfg.Out)
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(cfg.Out, d.name), d.body, 0o644); err != nil {
			return Stats{}, fmt.Errorf("gen: %w", err)
		}
	}
	return st, nil
}

// document is one generated file.
type document struct {
	name string
	body []byte
	kind string // listing or recap
	// index into the manifest's events / recaps, to fill in the file name
	event, recap int
}

// build generates the documents in memory.
func build(scale int, seed int64) ([]document, Stats, error) {
	w, err := newWorld(scale, seed)
	if err != nil {
		return nil, Stats{}, err
	}
	var docs []document
	var man Manifest
	for i, ev := range w.events {
		r := w.rng(uint64(i)*2 + 1)
		w.planTalks(r, ev)
		body, talks := w.renderListing(r, ev)
		docs = append(docs, document{body: body, kind: "listing", event: i})
		man.Events = append(man.Events, ev.record())
		man.Talks = append(man.Talks, talks...)
	}
	for i, ev := range w.events {
		r := w.rng(uint64(i)*2 + 2)
		for _, rc := range w.planRecaps(r, ev) {
			body, rec := w.renderRecap(r, ev, rc)
			docs = append(docs, document{body: body, kind: "recap", recap: len(man.Recaps)})
			man.Recaps = append(man.Recaps, rec)
		}
	}
	// Opaque names in an order that mixes listings and recaps, like the
	// real corpus.
	order := w.rng(0).Perm(len(docs))
	sorted := make([]document, len(docs))
	for i, j := range order {
		sorted[i] = docs[j]
	}
	docs = sorted
	st := Stats{Documents: len(docs), Events: len(w.events)}
	talkDoc := map[string]string{}
	for i := range docs {
		h := fnv.New64a()
		h.Write(docs[i].body)
		docs[i].name = fmt.Sprintf("%03d_%016x.txt", i, h.Sum64())
		st.Bytes += int64(len(docs[i].body))
		switch docs[i].kind {
		case "listing":
			st.Listings++
			man.Events[docs[i].event].Listing = docs[i].name
			talkDoc[man.Events[docs[i].event].Name] = docs[i].name
		case "recap":
			st.Recaps++
			man.Recaps[docs[i].recap].Document = docs[i].name
		}
	}
	speakers, companies, projects := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range man.Talks {
		t := &man.Talks[i]
		t.Document = talkDoc[t.Event]
		for _, s := range t.Speakers {
			speakers[s.Name] = true
			if s.Company != "" {
				companies[s.Company] = true
			}
		}
		for _, p := range t.Projects {
			projects[p] = true
		}
	}
	for _, rc := range man.Recaps {
		st.RecapItems += len(rc.Items)
		for _, it := range rc.Items {
			for _, s := range it.Speakers {
				speakers[s] = true
			}
		}
	}
	st.ListingEntries = len(man.Talks)
	st.Speakers, st.Companies, st.Projects = len(speakers), len(companies), len(projects)
	st.Manifest = man
	return docs, st, nil
}

// world holds the invented people, companies and events and the real
// project catalogue and cities.
type world struct {
	seed      uint64
	projects  []*project // by popularity
	projZipf  *zipf
	cities    map[string][]city
	companies []*company
	compZipf  *zipf
	people    []*person
	pplZipf   *zipf
	byCompany [][]int // company index -> people working there at some point
	events    []*event
}

type project struct {
	Name      string   `yaml:"name"`
	Aliases   []string `yaml:"aliases"`
	Maturity  string   `yaml:"maturity"`
	Ambiguous bool     `yaml:"ambiguous"`
	Context   []string `yaml:"context"`
}

type city struct {
	Name    string `yaml:"name"`
	Country string `yaml:"country"`
	Region  string `yaml:"region"`
}

type company struct {
	name  string // as the loaders name it
	legal string // legal form printed now and then, "" for none
	comma bool   // ", Inc." rather than " Inc."
}

type person struct {
	first, last, name string
	pron              int
	role              string
	comp              [2]int // employer, and the next one from event moveAt on
	moveAt            int    // event index of a change of job; 0 for none
	free              string // "Independent", "Student" ...: no employer
	topic             int    // what they talk about most
	bioKind           int
	bioSeed           uint64
	perEvent          map[int]int // event index -> talks there
}

type event struct {
	idx                   int
	region, city, country string
	year                  int
	start                 time.Time
	days                  int
	name                  string
	talks                 []*talk
	titleKeys             map[string]bool
	mainKeys              map[string]bool
	titleWords            [][]string // words of each listed title, for telling new titles apart
	upcoming              []string   // the "Join us for ..." footer's events
}

func (e *event) end() time.Time { return e.start.AddDate(0, 0, e.days-1) }

func (e *event) record() EventRecord {
	return EventRecord{Name: e.name, Region: e.region, City: e.city, Country: e.country, Year: e.year,
		Start: e.start.Format("2006-01-02"), End: e.end().Format("2006-01-02")}
}

func (w *world) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(w.seed, stream*0x9e3779b97f4a7c15+0x632be59bd9b4e019))
}

func newWorld(scale int, seed int64) (*world, error) {
	w := &world{seed: uint64(seed), cities: map[string][]city{}}
	var cat struct {
		Projects []*project `yaml:"projects"`
	}
	if err := yaml.Unmarshal(data.Projects, &cat); err != nil {
		return nil, fmt.Errorf("gen: projects.yml: %w", err)
	}
	var cs struct {
		Cities []city `yaml:"cities"`
	}
	if err := yaml.Unmarshal(data.Cities, &cs); err != nil {
		return nil, fmt.Errorf("gen: cities.yml: %w", err)
	}
	var regions []string
	for _, c := range cs.Cities {
		if len(w.cities[c.Region]) == 0 {
			regions = append(regions, c.Region)
		}
		w.cities[c.Region] = append(w.cities[c.Region], c)
	}
	r := w.rng(1 << 40)
	w.rankProjects(r, cat.Projects)
	avoid := avoidWords(cat.Projects, cs.Cities, regions)
	w.makeCompanies(r, 110+20*scale, avoid)
	w.makePeople(r, 300+250*scale, avoid, scale)
	w.makeEvents(r, scale, regions)
	return w, nil
}

// rankProjects orders the catalogue by how often talks will name a
// project: Kubernetes first, then graduated, incubating, other CNCF and
// non-CNCF projects, each group in a seeded order.
func (w *world) rankProjects(r *rand.Rand, all []*project) {
	groups := map[string][]*project{}
	var first []*project
	// A context word that is itself a project's name would be a mention
	// of that project.
	names := map[string]bool{}
	for _, p := range all {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			names[strings.ToLower(n)] = true
		}
	}
	// The loaders also know every landscape project ("alluxio" in Fluid's
	// context words would name Alluxio).
	var derived struct {
		Projects []*project `yaml:"projects"`
	}
	if err := yaml.Unmarshal(data.LandscapeProjects, &derived); err == nil {
		for _, p := range derived.Projects {
			names[strings.ToLower(p.Name)] = true
		}
	}
	for _, p := range all {
		var ctx []string
		for _, c := range p.Context {
			if c == strings.ToLower(c) && !strings.ContainsAny(c, " -") && !names[c] {
				ctx = append(ctx, c)
			}
		}
		p.Context = ctx
		if p.Ambiguous && len(ctx) == 0 {
			continue // no way to make the name unmistakable
		}
		if p.Name == "Kubernetes" {
			first = append(first, p)
			continue
		}
		groups[p.Maturity] = append(groups[p.Maturity], p)
	}
	w.projects = first
	for _, m := range []string{"graduated", "incubating", "sandbox", "archived", ""} {
		g := groups[m]
		r.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		w.projects = append(w.projects, g...)
	}
	w.projZipf = newZipf(len(w.projects), 1.05, 1.6)
}

// avoidWords are words names must not contain: project names and aliases
// (a name would read as a mention), cities and regions (a recap's event is
// told by the city it names).
func avoidWords(ps []*project, cs []city, regions []string) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, f := range strings.Fields(strings.ToLower(n)) {
				out[f] = true
			}
		}
	}
	for _, c := range cs {
		for _, f := range strings.Fields(strings.ToLower(c.Name)) {
			out[f] = true
		}
	}
	for _, rg := range regions {
		for _, f := range strings.Fields(strings.ToLower(rg)) {
			out[f] = true
		}
	}
	return out
}

func (w *world) makeCompanies(r *rand.Rand, n int, avoid map[string]bool) {
	var firsts []string
	for _, s := range companyStarts {
		for _, e := range companyEnds {
			if word := s + e; !avoid[strings.ToLower(word)] {
				firsts = append(firsts, word)
			}
		}
	}
	for _, s := range companyStarts {
		if !avoid[strings.ToLower(s)] {
			firsts = append(firsts, s)
		}
	}
	r.Shuffle(len(firsts), func(i, j int) { firsts[i], firsts[j] = firsts[j], firsts[i] })
	// One company per first word, so that no company name is another's
	// plus more words (the loaders fold "Acme Cloud" into "Acme").
	used := map[string]bool{}
	for _, f := range firsts {
		if len(w.companies) == n {
			break
		}
		if used[strings.ToLower(f)] {
			continue
		}
		used[strings.ToLower(f)] = true
		c := &company{name: f}
		if r.IntN(100) < 40 || len(f) <= 5 {
			c.name += " " + orgWords[r.IntN(len(orgWords))]
		}
		if r.IntN(100) < 25 {
			c.comma = r.IntN(2) == 0
			if c.comma {
				c.legal = legalComma[r.IntN(len(legalComma))]
			} else {
				c.legal = legalSpace[r.IntN(len(legalSpace))]
			}
		}
		w.companies = append(w.companies, c)
	}
	w.compZipf = newZipf(len(w.companies), 1.0, 3)
}

// printed is how a header prints the company: now and then with its legal
// form.
func (c *company) printed(r *rand.Rand) string {
	if c.legal == "" || r.IntN(2) == 0 {
		return c.name
	}
	return c.withLegal()
}

// printedMid is printed for a company followed by more people ("A, Co1 &
// B, Co2"): there the loaders tell a company from a name by its words, and
// they do not know "Ltd.", "AG" or "B.V." as company words, so those forms
// are left out (see the package tests' notes on loader weaknesses).
func (c *company) printedMid(r *rand.Rand) string {
	switch c.legal {
	case "Ltd.", "AG", "B.V.":
		return c.name
	}
	return c.printed(r)
}

func (c *company) withLegal() string {
	if c.comma {
		return c.name + ", " + c.legal
	}
	return c.name + " " + c.legal
}

var (
	namesOnce     sync.Once
	firsts, lasts []string
)

// namePools are the given and family names people are made of; they
// depend only on the word lists and the embedded data, so they are made
// once.
func namePools(avoid map[string]bool) ([]string, []string) {
	namesOnce.Do(func() {
		firsts = distinctNames(firstNames, avoid, false)
		ls := slices.Clone(lastNames)
		// More family names for large pools, made from syllables.
		for _, a := range surnameStarts {
			for _, b := range surnameEnds {
				ls = append(ls, a+b)
			}
		}
		lasts = distinctNames(ls, avoid, true)
	})
	return firsts, lasts
}

func (w *world) makePeople(r *rand.Rand, n int, avoid map[string]bool, scale int) {
	firsts, lasts := namePools(avoid)
	seen := map[string]bool{}
	w.byCompany = make([][]int, len(w.companies))
	for len(w.people) < n {
		f := firsts[r.IntN(len(firsts))]
		l := lasts[r.IntN(len(lasts))]
		key := text.Fold(f + " " + l)
		if seen[key] {
			continue
		}
		seen[key] = true
		p := &person{first: f, last: l, name: f + " " + l, pron: r.IntN(3), role: roles[r.IntN(len(roles))],
			topic: r.IntN(len(topics)), bioKind: r.IntN(10), bioSeed: r.Uint64(), perEvent: map[int]int{}}
		if p.pron == 2 && r.IntN(3) > 0 {
			p.pron = r.IntN(2)
		}
		p.comp[0] = w.compZipf.draw(r)
		p.comp[1] = p.comp[0]
		if scale > 1 && r.IntN(100) < 15 {
			p.moveAt = 1 + r.IntN(scale-1)
			p.comp[1] = w.compZipf.draw(r)
		}
		if r.IntN(1000) < 25 {
			p.free = notCompanies[r.IntN(len(notCompanies))]
		}
		idx := len(w.people)
		w.people = append(w.people, p)
		w.byCompany[p.comp[0]] = append(w.byCompany[p.comp[0]], idx)
		if p.comp[1] != p.comp[0] {
			w.byCompany[p.comp[1]] = append(w.byCompany[p.comp[1]], idx)
		}
	}
	w.pplZipf = newZipf(len(w.people), 1.05, 60)
}

// distinctNames drops names the loaders would take for another name of the
// list (text.SameName decides, with the other part of the name fixed):
// for given names, one shortening or misspelling another; for family
// names, a typo apart. Names containing an avoided word are dropped too.
func distinctNames(in []string, avoid map[string]bool, family bool) []string {
	full := func(n string) string {
		if family {
			return "Alex " + n
		}
		return n + " Okonkwo"
	}
	var out []string
	for _, n := range in {
		bad := false
		for _, word := range text.Words(n) {
			if avoid[word] {
				bad = true
			}
		}
		for _, g := range out {
			if bad {
				break
			}
			bad = text.SameName(full(n), full(g))
		}
		if !bad {
			out = append(out, n)
		}
	}
	return out
}

// regionMonths are the months each region's edition is usually held in.
var regionMonths = map[string][]time.Month{
	"North America": {time.October, time.November}, "Europe": {time.March, time.April, time.May},
	"China": {time.June, time.August, time.September}, "Japan": {time.June, time.July}, "India": {time.August, time.December},
	"Korea": {time.September}, "Australia": {time.September, time.October}, "Asia": {time.July},
	"Latin America": {time.May, time.August},
}

// makeEvents picks distinct (region, year) editions: Europe and North
// America every year, the other regions in turn.
func (w *world) makeEvents(r *rand.Rand, scale int, regions []string) {
	perYear := 4
	if scale > 200 {
		perYear = len(regions)
	}
	year := 2026 + r.IntN(6)
	if scale == 1 {
		year = 2028 + r.IntN(8)
	}
	var others []string
	for _, rg := range regions {
		if rg != "Europe" && rg != "North America" {
			others = append(others, rg)
		}
	}
	next := r.IntN(len(others))
	for len(w.events) < scale {
		picks := []string{"Europe", "North America"}
		for len(picks) < perYear {
			picks = append(picks, others[next%len(others)])
			next++
		}
		if scale == 1 {
			all := append(picks, others...)
			picks = []string{all[r.IntN(3)]}
		}
		for _, rg := range picks {
			if len(w.events) == scale {
				break
			}
			cs := w.cities[rg]
			c := cs[r.IntN(len(cs))]
			ms := regionMonths[rg]
			ev := &event{idx: len(w.events), region: rg, city: c.Name, country: c.Country, year: year,
				start: time.Date(year, ms[r.IntN(len(ms))], 2+r.IntN(22), 0, 0, 0, 0, time.UTC), days: 3 + r.IntN(2),
				titleKeys: map[string]bool{}, mainKeys: map[string]bool{}}
			ev.name = fmt.Sprintf("KubeCon + CloudNativeCon %s %d", rg, year)
			w.events = append(w.events, ev)
		}
		year++
	}
	sort.SliceStable(w.events, func(i, j int) bool { return w.events[i].start.Before(w.events[j].start) })
	for i, ev := range w.events {
		ev.idx = i
		// The footer advertises the next three editions (invented ones
		// after the last).
		for k := 1; len(ev.upcoming) < 3; k++ {
			var c city
			var start time.Time
			if i+k < len(w.events) {
				o := w.events[i+k]
				c, start = city{Name: o.city}, o.start
			} else {
				rg := regions[r.IntN(len(regions))]
				c = w.cities[rg][r.IntN(len(w.cities[rg]))]
				start = ev.start.AddDate(0, 3*k, r.IntN(10))
			}
			if c.Name == ev.city {
				continue
			}
			ev.upcoming = append(ev.upcoming, fmt.Sprintf("%s %s %d - %d", c.Name, start.Month(), start.Day(), start.Day()+2+r.IntN(2)))
		}
	}
}

// companyAt is the person's employer at an event, or -1.
func (p *person) companyAt(ev int) int {
	if p.free != "" {
		return -1
	}
	if p.moveAt > 0 && ev >= p.moveAt {
		return p.comp[1]
	}
	return p.comp[0]
}

// zipf draws ranks 0..n-1 with weight 1/(rank+q)^s.
type zipf struct{ cum []float64 }

func newZipf(n int, s, q float64) *zipf {
	z := &zipf{cum: make([]float64, n)}
	t := 0.0
	for i := range n {
		t += 1 / math.Pow(float64(i)+q, s)
		z.cum[i] = t
	}
	return z
}

func (z *zipf) draw(r *rand.Rand) int {
	x := r.Float64() * z.cum[len(z.cum)-1]
	i := sort.SearchFloat64s(z.cum, x)
	return min(i, len(z.cum)-1)
}
