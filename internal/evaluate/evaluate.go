// Package evaluate measures what the loaders extracted against hand-checked
// gold annotations (the format of ../shared/gold): precision, recall and F1
// per kind of fact. It reads the gold files and a loaded batch; it never
// feeds gold back into loading.
package evaluate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
)

// Score counts the outcomes of one kind of fact.
type Score struct {
	Name   string
	TP     int
	FP     int
	FN     int
	Note   string
	NoGold bool
	Misses []string // what the loaders missed or got wrong, for the curious
}

// Precision is TP / (TP + FP).
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN).
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Gold is the content of a gold directory.
type Gold struct {
	Talks []struct {
		Doc             string  `json:"doc"` // the listing it is an entry of, where the gold says
		Title           string  `json:"title"`
		RawHeader       string  `json:"rawHeader"`
		Level           *string `json:"level"`
		Kind            string  `json:"kind"`
		DurationMinutes int     `json:"durationMinutes"`
		Speakers        []struct {
			Name           string  `json:"name"`
			Company        *string `json:"company"`
			CompanyFromBio *string `json:"companyFromBio"`
		} `json:"speakers"`
		AboutOnly []struct {
			Name           string  `json:"name"`
			CompanyFromBio *string `json:"companyFromBio"`
		} `json:"aboutOnlySpeakers"`
	}
	TalkProjects []struct {
		Title    string   `json:"title"`
		Projects []string `json:"projects"`
	}
	RecapTalks []struct {
		Doc                  string   `json:"doc"`
		Title                string   `json:"title"`
		Speakers             []string `json:"speakers"`
		Companies            []string `json:"companies"` // unordered: each is one of the speakers'
		MatchesScheduleTitle *string  `json:"matchesScheduleTitle"`
	}
	// Events lists the events with the documents about them (events.json).
	Events []struct {
		Name string   `json:"name"`
		Docs []string `json:"docs"`
	}
	// RecapProjects lists every project each recap names
	// (recap_projects.json, in complete gold only).
	RecapProjects []struct {
		Doc      string   `json:"doc"`
		Projects []string `json:"projects"`
	}
	// HasRecapProjects is set when recap_projects.json exists.
	HasRecapProjects bool
}

// ReadGold reads talks.json, talk_projects.json and recap_talks.json, and
// events.json and recap_projects.json where the gold has them.
func ReadGold(dir string) (*Gold, error) {
	g := &Gold{}
	optional := map[string]bool{"events.json": true, "recap_projects.json": true}
	for name, dst := range map[string]any{"talks.json": &g.Talks, "talk_projects.json": &g.TalkProjects, "recap_talks.json": &g.RecapTalks,
		"events.json": &g.Events, "recap_projects.json": &g.RecapProjects} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) && optional[name] {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		if err := json.Unmarshal(b, dst); err != nil {
			return nil, fmt.Errorf("gold: %s: %w", name, err)
		}
		if name == "recap_projects.json" {
			g.HasRecapProjects = true
		}
	}
	return g, nil
}

// NotCompany reports the words that stand where a company would but are
// not one ("Independent"); the loaders' data decides.
type NotCompany func(string) bool

// graphView indexes a batch for scoring.
type graphView struct {
	b        *confgraph.Batch
	byHeader map[string]*confgraph.Talk // listing header line -> talk
	header   map[string]confgraph.Evidence
	starts   map[string][]int // document -> sorted header lines
	in       map[string][]confgraph.Relationship
	out      map[string][]confgraph.Relationship
}

func view(b *confgraph.Batch) *graphView {
	v := &graphView{b: b, byHeader: map[string]*confgraph.Talk{}, header: map[string]confgraph.Evidence{}, starts: map[string][]int{},
		in: map[string][]confgraph.Relationship{}, out: map[string][]confgraph.Relationship{}}
	for _, r := range b.Rels() {
		v.out[r.From] = append(v.out[r.From], r)
		v.in[r.To] = append(v.in[r.To], r)
		if r.Type == confgraph.RelPartOf && len(r.Evidence) > 0 {
			e := r.Evidence[0]
			if t, ok := b.Node(r.From).(*confgraph.Talk); ok {
				v.byHeader[e.Snippet] = t
				v.header[t.ID] = e
				v.starts[e.Document] = append(v.starts[e.Document], e.Line)
			}
		}
	}
	for _, s := range v.starts {
		sort.Ints(s)
	}
	return v
}

// blockOf returns the line range [from, to) of the listing entry whose
// header is at line.
func (v *graphView) blockOf(doc string, line int) (int, int) {
	s := v.starts[doc]
	i := sort.SearchInts(s, line)
	if i+1 < len(s) {
		return line, s[i+1]
	}
	return line, 1 << 30
}

// Evaluate scores batch against gold.
func Evaluate(b *confgraph.Batch, g *Gold, notCompany NotCompany, aliases func(project string) []string) []Score {
	v := view(b)
	talks := Score{Name: "talks (title)"}
	speakers := Score{Name: "speaker → talk"}
	companies := Score{Name: "speaker → company"}
	level := Score{Name: "talk level"}
	kind := Score{Name: "talk kind"}
	duration := Score{Name: "talk duration"}
	for _, gt := range g.Talks {
		t := v.byHeader[gt.RawHeader]
		if t == nil {
			talks.FN++
			speakers.FN += len(gt.Speakers) + len(gt.AboutOnly)
			continue
		}
		if squash(t.Title) == squash(gt.Title) {
			talks.TP++
		} else {
			talks.FP++
			talks.FN++
		}
		scoreWhy(&level, string(t.Level) == deref(gt.Level), "%s: %q, want %q", gt.Title, t.Level, deref(gt.Level))
		scoreWhy(&kind, string(t.Kind) == gt.Kind, "%s: %s, want %s", gt.Title, t.Kind, gt.Kind)
		scoreWhy(&duration, t.DurationMinutes == gt.DurationMinutes, "%s: %d, want %d", gt.Title, t.DurationMinutes, gt.DurationMinutes)

		hdr := v.header[t.ID]
		from, to := v.blockOf(hdr.Document, hdr.Line)
		var ours []*confgraph.Speaker
		for _, r := range v.in[t.ID] {
			if r.Type == confgraph.RelPresented {
				if s, ok := b.Node(r.From).(*confgraph.Speaker); ok {
					ours = append(ours, s)
				}
			}
		}
		type goldSpeaker struct {
			name     string
			accepted []string
		}
		var want []goldSpeaker
		for _, s := range gt.Speakers {
			want = append(want, goldSpeaker{s.Name, accepted(notCompany, s.Company, s.CompanyFromBio)})
		}
		for _, s := range gt.AboutOnly {
			want = append(want, goldSpeaker{s.Name, accepted(notCompany, s.CompanyFromBio)})
		}
		used := map[string]bool{}
		for _, w := range want {
			var match *confgraph.Speaker
			for _, s := range ours {
				if !used[s.ID] && (text.SameName(s.Name, w.name) || anySame(s.Aliases, w.name)) {
					match = s
					break
				}
			}
			if match == nil {
				speakers.Misses = append(speakers.Misses, fmt.Sprintf("%s: %s", gt.Title, w.name))
				speakers.FN++
				if len(w.accepted) > 0 {
					companies.FN++
				}
				continue
			}
			used[match.ID] = true
			speakers.TP++
			// The companies this talk's entry gave the speaker: read from its
			// header line or from a bio inside the entry.
			var got []string
			for _, r := range v.out[match.ID] {
				if r.Type != confgraph.RelWorksAt {
					continue
				}
				for _, e := range r.Evidence {
					if e.Document == hdr.Document && e.Line >= from && e.Line < to {
						got = append(got, confgraph.DisplayName(b.Node(r.To)))
						break
					}
				}
			}
			switch {
			case len(w.accepted) == 0 && len(got) == 0:
			case len(w.accepted) == 0:
				companies.FP += len(got)
			case len(got) == 0:
				companies.Misses = append(companies.Misses, fmt.Sprintf("%s: none, want %v", w.name, w.accepted))
				companies.FN++
			default:
				ok := false
				for _, c := range got {
					for _, a := range w.accepted {
						ok = ok || SameCompany(c, a)
					}
				}
				if ok {
					companies.TP++
					companies.FP += len(got) - 1
				} else {
					companies.Misses = append(companies.Misses, fmt.Sprintf("%s: %v, want %v", w.name, got, w.accepted))
					companies.FP += len(got)
					companies.FN++
				}
			}
		}
		for _, s := range ours {
			if !used[s.ID] {
				speakers.Misses = append(speakers.Misses, fmt.Sprintf("%s: extra %s", gt.Title, s.Name))
				speakers.FP++
			}
		}
	}

	projects := Score{Name: "talk → project"}
	titles := map[string]*confgraph.Talk{}
	for _, t := range v.byHeader {
		titles[squash(t.Title)] = t
	}
	for _, gp := range g.TalkProjects {
		t := titles[squash(gp.Title)]
		var got []string
		if t != nil {
			for _, r := range v.out[t.ID] {
				if r.Type == confgraph.RelDiscusses {
					got = append(got, confgraph.DisplayName(b.Node(r.To)))
				}
			}
		}
		matched := map[string]bool{}
		for _, want := range gp.Projects {
			hit := false
			for _, p := range got {
				if matched[p] {
					continue
				}
				if strings.EqualFold(p, want) || containsFold(aliases(p), want) {
					matched[p], hit = true, true
					break
				}
			}
			if hit {
				projects.TP++
			} else {
				projects.Misses = append(projects.Misses, fmt.Sprintf("%s: missed %s", gp.Title, want))
				projects.FN++
			}
		}
		for _, p := range got {
			if !matched[p] {
				projects.Misses = append(projects.Misses, fmt.Sprintf("%s: extra %s", gp.Title, p))
			}
		}
		projects.FP += len(got) - len(matched)
	}

	recaps := Score{Name: "recap → talk", Note: "an item the gold does not list counts against precision; where the gold lists only a sample of each recap's items (as ../shared/gold does), precision is a lower bound"}
	reviews := map[string][]confgraph.Relationship{}
	for _, r := range b.Rels() {
		if r.Type == confgraph.RelReviews && len(r.Evidence) > 0 {
			doc := r.Evidence[0].Document
			reviews[doc] = append(reviews[doc], r)
		}
	}
	for doc, rs := range reviews {
		if !goldHasDoc(g, doc) {
			delete(reviews, doc)
			continue
		}
		recaps.FP += len(rs)
	}
	for _, gr := range g.RecapTalks {
		found := false
		for i, r := range reviews[gr.Doc] {
			talk := confgraph.DisplayName(b.Node(r.To))
			line := r.Evidence[0].Snippet
			if (gr.MatchesScheduleTitle != nil && squash(talk) == squash(*gr.MatchesScheduleTitle)) ||
				(gr.MatchesScheduleTitle == nil && (squash(talk) == squash(gr.Title) || strings.Contains(squash(line), squash(gr.Title)))) {
				reviews[gr.Doc] = append(reviews[gr.Doc][:i:i], reviews[gr.Doc][i+1:]...)
				found = true
				break
			}
		}
		if found {
			recaps.TP++
			recaps.FP--
		} else {
			recaps.Misses = append(recaps.Misses, fmt.Sprintf("%s: %s", gr.Doc, gr.Title))
			recaps.FN++
		}
	}
	return []Score{talks, speakers, companies, projects, recaps,
		{Name: "recap → project", NoGold: true, Note: "the gold set has no recap → project annotations"},
		level, kind, duration}
}

func goldHasDoc(g *Gold, doc string) bool {
	for _, r := range g.RecapTalks {
		if r.Doc == doc {
			return true
		}
	}
	return false
}

// scoreWhy is score that says what was wrong.
func scoreWhy(s *Score, ok bool, format string, args ...any) {
	score(s, ok)
	if !ok {
		s.Misses = append(s.Misses, fmt.Sprintf(format, args...))
	}
}

func score(s *Score, ok bool) {
	if ok {
		s.TP++
	} else {
		s.FP++
		s.FN++
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func accepted(notCompany NotCompany, cs ...*string) []string {
	var out []string
	for _, c := range cs {
		if c != nil && *c != "" && !notCompany(*c) {
			out = append(out, *c)
		}
	}
	return out
}

func anySame(names []string, n string) bool {
	for _, a := range names {
		if text.SameName(a, n) {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// legalForms are companies' legal forms, as data/companies.yml lists them.
var legalForms = text.NewLegalForms(data.LegalSuffixes())

// SameCompany compares company names loosely, as the gold README asks:
// case, spaces, punctuation and legal suffixes are ignored, and a division
// counts as its company ("Microsoft Azure" ~ "Microsoft").
func SameCompany(a, b string) bool {
	wa, wb := companyWords(a), companyWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if strings.Join(wa, "") == strings.Join(wb, "") {
		return true
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for i := range wa {
		if wa[i] != wb[i] {
			return false
		}
	}
	return true
}

// companyWords are the words of a company's name (text.Words) that are
// not legal forms.
func companyWords(s string) []string {
	var out []string
	for _, w := range text.Words(s) {
		if !legalForms.Is(w) {
			out = append(out, w)
		}
	}
	return out
}

// squash normalises a title for comparison: case, accents, quotes, spaces
// and punctuation ignored (text.Compact), "&" read as "and".
func squash(s string) string { return text.Compact(strings.ReplaceAll(s, "&", " and ")) }

// WriteMisses lists what each score missed.
func WriteMisses(w io.Writer, scores []Score) {
	for _, s := range scores {
		for _, m := range s.Misses {
			fmt.Fprintf(w, "%s: %s\n", s.Name, m)
		}
	}
}

// Write prints the scores as a Markdown table.
func Write(w io.Writer, scores []Score) {
	fmt.Fprintln(w, "| fact | precision | recall | F1 | TP | FP | FN |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, s := range scores {
		if s.NoGold {
			fmt.Fprintf(w, "| %s | n/a | n/a | n/a | | | |\n", s.Name)
			continue
		}
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |\n", s.Name, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	for _, s := range scores {
		if s.Note != "" {
			fmt.Fprintf(w, "\n%s: %s.", s.Name, s.Note)
		}
	}
	fmt.Fprintln(w)
}
