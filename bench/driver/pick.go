package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// pick chooses what the mix asks about in a synthetic corpus, by rules
// that give answers of the same shape at every scale: a talk with two or
// more speakers, a project and a recap; a speaker with exactly two talks;
// the first event; for the headline, Envoy and the company most of its
// talks' speakers work for. Names must be unique ignoring case, so every
// server answers about the same node.
func pick(b *confgraph.Batch) params { return pickFor(b, 0) }

// pickFor is pick with the headline's company chosen so that the
// headline matches at most headAnswers talks (the most such, below that),
// when headAnswers is above zero: the scaling section asks the big corpus
// a headline as selective as the small one's.
func pickFor(b *confgraph.Batch, headAnswers int) params {
	p := realParams
	p.Notes = map[string]string{}
	out := map[confgraph.RelType]map[string][]string{}
	in := map[confgraph.RelType]map[string][]string{}
	for _, r := range b.Rels() {
		if out[r.Type] == nil {
			out[r.Type], in[r.Type] = map[string][]string{}, map[string][]string{}
		}
		out[r.Type][r.From] = append(out[r.Type][r.From], r.To)
		in[r.Type][r.To] = append(in[r.Type][r.To], r.From)
	}
	byLabel := map[confgraph.Label][]confgraph.Node{}
	nameCount := map[string]int{}
	for _, n := range b.Nodes() {
		byLabel[n.NodeLabel()] = append(byLabel[n.NodeLabel()], n)
		nameCount[string(n.NodeLabel())+"|"+strings.ToLower(confgraph.DisplayName(n))]++
	}
	unique := func(n confgraph.Node) bool {
		return nameCount[string(n.NodeLabel())+"|"+strings.ToLower(confgraph.DisplayName(n))] == 1
	}
	for _, t := range byLabel[confgraph.LabelTalk] {
		id := t.NodeID()
		if unique(t) && len(in[confgraph.RelPresented][id]) >= 2 && len(out[confgraph.RelDiscusses][id]) >= 1 && len(in[confgraph.RelReviews][id]) >= 1 {
			p.Talk = confgraph.DisplayName(t)
			p.Notes["talk"] = fmt.Sprintf("%q: %d speakers, %d projects, %d recaps", p.Talk, len(in[confgraph.RelPresented][id]), len(out[confgraph.RelDiscusses][id]), len(in[confgraph.RelReviews][id]))
			break
		}
	}
	for _, want := range []int{2, 3, 1} {
		for _, s := range byLabel[confgraph.LabelSpeaker] {
			id := s.NodeID()
			if unique(s) && len(out[confgraph.RelPresented][id]) == want && len(out[confgraph.RelWorksAt][id]) >= 1 {
				p.Speaker = confgraph.DisplayName(s)
				p.Notes["speaker"] = fmt.Sprintf("%s, %d talks", p.Speaker, want)
				break
			}
		}
		if p.Notes["speaker"] != "" {
			break
		}
	}
	best := 0
	for _, c := range byLabel[confgraph.LabelCompany] {
		if n := len(in[confgraph.RelWorksAt][c.NodeID()]); unique(c) && n > best {
			best, p.Company = n, confgraph.DisplayName(c)
			p.Notes["company"] = fmt.Sprintf("%s, %d speakers (the most)", p.Company, n)
		}
	}
	best = 0
	for _, pr := range byLabel[confgraph.LabelProject] {
		if n := len(in[confgraph.RelDiscusses][pr.NodeID()]); unique(pr) && n > best {
			best, p.Project = n, confgraph.DisplayName(pr)
			p.Notes["project"] = fmt.Sprintf("%s, %d talks (the most)", p.Project, n)
		}
	}
	events := byLabel[confgraph.LabelEvent]
	sort.Slice(events, func(i, j int) bool { return confgraph.Less(events[i], events[j]) })
	for _, e := range events {
		if unique(e) && len(in[confgraph.RelPartOf][e.NodeID()]) > 20 {
			p.Event = confgraph.DisplayName(e)
			p.Notes["event"] = fmt.Sprintf("%s, %d talks", p.Event, len(in[confgraph.RelPartOf][e.NodeID()]))
			break
		}
	}
	// Headline: Envoy (or the most-discussed project) and the company most
	// of its talks have a speaker from.
	proj := ""
	for _, pr := range byLabel[confgraph.LabelProject] {
		if confgraph.DisplayName(pr) == "Envoy" && len(in[confgraph.RelDiscusses][pr.NodeID()]) > 0 {
			proj = pr.NodeID()
		}
	}
	if proj == "" {
		best = 0
		for _, pr := range byLabel[confgraph.LabelProject] {
			if n := len(in[confgraph.RelDiscusses][pr.NodeID()]); n > best {
				best, proj = n, pr.NodeID()
			}
		}
	}
	talks := in[confgraph.RelDiscusses][proj]
	perCompany := map[string]int{}
	for _, t := range talks {
		seen := map[string]bool{}
		for _, s := range in[confgraph.RelPresented][t] {
			for _, c := range out[confgraph.RelWorksAt][s] {
				if !seen[c] {
					seen[c] = true
					perCompany[c]++
				}
			}
		}
	}
	var cs []string
	for c := range perCompany {
		cs = append(cs, c)
	}
	slices.SortFunc(cs, func(a, b string) int {
		if perCompany[a] != perCompany[b] {
			return perCompany[b] - perCompany[a]
		}
		return strings.Compare(a, b)
	})
	if headAnswers > 0 {
		var fit []string
		for _, c := range cs {
			if perCompany[c] <= headAnswers {
				fit = append(fit, c)
			}
		}
		cs = fit
	}
	if len(cs) > 0 {
		p.HeadProject = confgraph.DisplayName(b.Node(proj))
		p.HeadCompany = confgraph.DisplayName(b.Node(cs[0]))
		p.HeadAnswers = perCompany[cs[0]]
		p.Notes["headline"] = fmt.Sprintf("%s is discussed by %d talks; %d of them have a speaker from %s", p.HeadProject, len(talks), perCompany[cs[0]], p.HeadCompany)
		if headAnswers > 0 {
			p.Notes["headline"] += fmt.Sprintf(" (the company with the most such talks up to %d, as at the small scale)", headAnswers)
		}
	}
	// Shortest path: from the picked speaker to the project farthest from
	// it within four hops (first by ID among the farthest).
	if sp := speakerID(byLabel[confgraph.LabelSpeaker], p.Speaker); sp != "" {
		adj := map[string][]string{}
		for _, r := range b.Rels() {
			adj[r.From] = append(adj[r.From], r.To)
			adj[r.To] = append(adj[r.To], r.From)
		}
		dist := map[string]int{sp: 0}
		frontier := []string{sp}
		for d := 1; d <= 4; d++ {
			var next []string
			for _, x := range frontier {
				for _, y := range adj[x] {
					if _, ok := dist[y]; !ok {
						dist[y] = d
						next = append(next, y)
					}
				}
			}
			frontier = next
		}
		best, to := 0, ""
		for _, pr := range byLabel[confgraph.LabelProject] {
			if d, ok := dist[pr.NodeID()]; ok && d > best {
				best, to = d, pr.NodeID()
			}
		}
		if to != "" {
			p.PathFrom, p.PathTo = sp, to
			p.PathFromName, p.PathToName = p.Speaker, confgraph.DisplayName(b.Node(to))
			p.Notes["shortest_path"] = fmt.Sprintf("%s to %s, %d hops", p.PathFromName, p.PathToName, best)
		}
	}
	return p
}

func speakerID(speakers []confgraph.Node, name string) string {
	for _, s := range speakers {
		if confgraph.DisplayName(s) == name {
			return s.NodeID()
		}
	}
	return ""
}

func median(s []stats, f func(stats) float64) float64 {
	if len(s) == 0 {
		return 0
	}
	v := make([]float64, len(s))
	for i, x := range s {
		v[i] = f(x)
	}
	return medianF(v)
}

func medianF(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// pairedRatio is the median over runs of a[i]/b[i].
func pairedRatio(a, b []stats, f func(stats) float64) float64 {
	var v []float64
	for i := range min(len(a), len(b)) {
		if f(b[i]) > 0 {
			v = append(v, f(a[i])/f(b[i]))
		}
	}
	return medianF(v)
}
