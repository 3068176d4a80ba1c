package evaluate

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
)

type pair struct {
	a, b string
	why  string // for a prediction: the rule and place that gave it
}

// Relations scores every relationship type of the graph against complete
// gold, as a user of the graph sees it: talks by title and event, who
// presented what, who works where, what each talk discusses, which event
// each talk and recap belongs to, which talks each recap reviews and which
// projects it mentions. Everything the loaders produced counts, so an
// invented fact lowers precision.
func Relations(b *confgraph.Batch, g *Gold, notCompany NotCompany, aliases func(project string) []string) []Score {
	docEvent := map[string]string{}
	for _, e := range g.Events {
		for _, d := range e.Docs {
			docEvent[d] = e.Name
		}
	}
	recapDocs := map[string]bool{}
	for _, r := range g.RecapTalks {
		recapDocs[r.Doc] = true
	}
	for _, r := range g.RecapProjects {
		recapDocs[r.Doc] = true
	}
	listingEvent := func(doc string) string {
		if doc != "" {
			return docEvent[doc]
		}
		for _, e := range g.Events {
			for _, d := range e.Docs {
				if !recapDocs[d] {
					return e.Name
				}
			}
		}
		return ""
	}

	var gTalks, gPresented, gWorks, gDiscusses, gPartOf, gCovers, gReviews, gMentions []pair
	for _, t := range g.Talks {
		ev := listingEvent(t.Doc)
		gTalks = append(gTalks, pair{a: t.Title, b: ev})
		gPartOf = append(gPartOf, pair{a: t.Title, b: ev})
		for _, s := range t.Speakers {
			gPresented = append(gPresented, pair{a: s.Name, b: t.Title})
			if cs := accepted(notCompany, s.Company, s.CompanyFromBio); len(cs) > 0 {
				gWorks = append(gWorks, pair{a: s.Name, b: strings.Join(cs, "|")})
			}
		}
		for _, s := range t.AboutOnly {
			gPresented = append(gPresented, pair{a: s.Name, b: t.Title})
			if cs := accepted(notCompany, s.CompanyFromBio); len(cs) > 0 {
				gWorks = append(gWorks, pair{a: s.Name, b: strings.Join(cs, "|")})
			}
		}
	}
	for _, r := range g.RecapTalks {
		title := r.Title
		if r.MatchesScheduleTitle != nil {
			title = *r.MatchesScheduleTitle
		} else {
			gTalks = append(gTalks, pair{a: title, b: docEvent[r.Doc]})
			gPartOf = append(gPartOf, pair{a: title, b: docEvent[r.Doc]})
			for _, s := range r.Speakers {
				gPresented = append(gPresented, pair{a: s, b: title})
			}
			// recap_talks.json lists an item's companies without saying
			// whose each is (one for all, one each, or fewer): each company
			// is one of the item's people's.
			seen := map[string]bool{}
			for _, c := range r.Companies {
				if notCompany(c) || seen[c] {
					continue
				}
				seen[c] = true
				if len(r.Companies) == 1 {
					for _, sp := range r.Speakers {
						gWorks = append(gWorks, pair{a: sp, b: c})
					}
					continue
				}
				gWorks = append(gWorks, pair{a: strings.Join(r.Speakers, "|"), b: c})
			}
		}
		gReviews = append(gReviews, pair{a: r.Doc, b: title})
	}
	for _, tp := range g.TalkProjects {
		for _, p := range tp.Projects {
			gDiscusses = append(gDiscusses, pair{a: tp.Title, b: p})
		}
	}
	for d := range recapDocs {
		if ev := docEvent[d]; ev != "" {
			gCovers = append(gCovers, pair{a: d, b: ev})
		}
	}
	for _, r := range g.RecapProjects {
		for _, p := range r.Projects {
			gMentions = append(gMentions, pair{a: r.Doc, b: p})
		}
	}
	gWorks = impliedGroups(uniq(gWorks))
	gPresented = uniq(gPresented)

	// Talks of the gold that talk_projects.json does not annotate: what
	// they discuss is not scored.
	unannotated := map[string]bool{}
	for _, t := range gTalks {
		unannotated[squash(t.a)] = true
	}
	for _, tp := range g.TalkProjects {
		delete(unannotated, squash(tp.Title))
	}
	var pTalks, pPresented, pWorks, pDiscusses, pPartOf, pCovers, pReviews, pMentions []pair
	name := func(id string) string { return confgraph.DisplayName(b.Node(id)) }
	person := func(id string) string {
		if s, ok := b.Node(id).(*confgraph.Speaker); ok {
			return strings.Join(append([]string{s.Name}, s.Aliases...), "|")
		}
		return name(id)
	}
	recapDoc := func(id string) string {
		if r, ok := b.Node(id).(*confgraph.Recap); ok {
			return r.Document
		}
		return ""
	}
	for _, r := range b.Rels() {
		why := ""
		if len(r.Evidence) > 0 {
			e := r.Evidence[0]
			why = fmt.Sprintf("%s at %s:%d", e.Rule, e.Document, e.Line)
		}
		switch r.Type {
		case confgraph.RelPresented:
			pPresented = append(pPresented, pair{person(r.From), name(r.To), why})
		case confgraph.RelWorksAt:
			pWorks = append(pWorks, pair{person(r.From), name(r.To), why})
		case confgraph.RelDiscusses:
			if !unannotated[squash(name(r.From))] {
				pDiscusses = append(pDiscusses, pair{name(r.From), name(r.To), why})
			}
		case confgraph.RelPartOf:
			pPartOf = append(pPartOf, pair{name(r.From), name(r.To), why})
			pTalks = append(pTalks, pair{name(r.From), name(r.To), why})
		case confgraph.RelCovers:
			pCovers = append(pCovers, pair{recapDoc(r.From), name(r.To), why})
		case confgraph.RelReviews:
			pReviews = append(pReviews, pair{recapDoc(r.From), name(r.To), why})
		case confgraph.RelMentions:
			pMentions = append(pMentions, pair{recapDoc(r.From), name(r.To), why})
		}
	}
	for _, n := range b.Nodes() {
		if t, ok := n.(*confgraph.Talk); ok && !hasTalk(pTalks, t.Title) {
			pTalks = append(pTalks, pair{t.Title, "", ""})
		}
	}
	pWorks = uniq(pWorks)
	pPresented = uniq(pPresented)

	sameTitle := func(a, b string) bool { return squash(a) == squash(b) }
	sameEvent := func(a, b string) bool {
		return squash(a) == squash(b) || editionKey(a) != "" && editionKey(a) == editionKey(b)
	}
	samePerson := func(got, want string) bool {
		for _, n := range strings.Split(got, "|") {
			for _, w := range strings.Split(want, "|") {
				if text.SameName(n, w) {
					return true
				}
			}
		}
		return false
	}
	sameCompany := func(got, want string) bool {
		for _, w := range strings.Split(want, "|") {
			if SameCompany(got, w) {
				return true
			}
		}
		return false
	}
	sameProject := func(got, want string) bool {
		return strings.EqualFold(got, want) || containsFold(aliases(got), want)
	}
	same := func(a, b string) bool { return a == b }

	out := []Score{
		match("talks", pTalks, gTalks, sameTitle, sameEvent),
		match("PRESENTED", pPresented, gPresented, samePerson, sameTitle),
		match("WORKS_AT", pWorks, gWorks, samePerson, sameCompany),
		match("DISCUSSES", pDiscusses, gDiscusses, sameTitle, sameProject),
		match("PART_OF", pPartOf, gPartOf, sameTitle, sameEvent),
		match("COVERS", pCovers, gCovers, same, sameEvent),
		match("REVIEWS", pReviews, gReviews, same, sameTitle),
	}
	if g.HasRecapProjects {
		out = append(out, match("MENTIONS", pMentions, gMentions, same, sameProject))
	} else {
		out = append(out, Score{Name: "MENTIONS", NoGold: true, Note: "this gold set has no recap_projects.json"})
	}
	return out
}

var editionYear = regexp.MustCompile(`\b20\d\d\b`)

// editionKey reads an event name as its region and year ("CloudNativeCon +
// KubeCon Europe 2017" and "KubeCon + CloudNativeCon Europe 2017" are one
// edition), or "" when it names neither.
func editionKey(name string) string {
	y := editionYear.FindString(name)
	low := strings.ToLower(name)
	for _, r := range []string{"north america", "latin america", "europe", "china", "japan", "india", "korea", "australia", "asia"} {
		if strings.Contains(low, r) && y != "" {
			return r + " " + y
		}
	}
	return ""
}

func hasTalk(ps []pair, title string) bool {
	for _, p := range ps {
		if p.a == title {
			return true
		}
	}
	return false
}

func uniq(ps []pair) []pair {
	seen := map[pair]bool{}
	var out []pair
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// match pairs predictions with gold one to one (first fit) and counts.
func match(name string, pred, gold []pair, eqA, eqB func(got, want string) bool) Score {
	s := Score{Name: name}
	used := make([]bool, len(pred))
	for _, g := range gold {
		found := false
		for i, p := range pred {
			if !used[i] && eqA(p.a, g.a) && eqB(p.b, g.b) {
				used[i], found = true, true
				break
			}
		}
		if found {
			s.TP++
		} else {
			s.FN++
			s.Misses = append(s.Misses, fmt.Sprintf("missed %s — %s", g.a, g.b))
		}
	}
	for i, p := range pred {
		if !used[i] {
			s.FP++
			s.Misses = append(s.Misses, fmt.Sprintf("extra %s — %s (%s)", p.a, p.b, p.why))
		}
	}
	return s
}

// impliedGroups drops a gold pair that says "one of these people works at
// C" when another gold pair already says which one: the graph holds that
// fact once, and it cannot answer both.
func impliedGroups(ps []pair) []pair {
	single := map[pair]bool{}
	for _, p := range ps {
		if !strings.Contains(p.a, "|") {
			single[pair{a: squash(p.a), b: squash(p.b)}] = true
		}
	}
	out := ps[:0]
	for _, p := range ps {
		implied := false
		if strings.Contains(p.a, "|") {
			for _, who := range strings.Split(p.a, "|") {
				if single[pair{a: squash(who), b: squash(p.b)}] {
					implied = true
				}
			}
		}
		if !implied {
			out = append(out, p)
		}
	}
	return out
}
