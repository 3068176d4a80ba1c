package gen

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/confgraph/confgraph/internal/text"
)

// expand replaces each %c in tpl by arg(c).
func expand(tpl string, arg func(c byte) string) string {
	var b strings.Builder
	for i := 0; i < len(tpl); i++ {
		if tpl[i] == '%' && i+1 < len(tpl) {
			b.WriteString(arg(tpl[i+1]))
			i++
			continue
		}
		b.WriteByte(tpl[i])
	}
	return b.String()
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// prose lowercases a title-case phrase for running text, keeping
// acronyms and words with inner capitals ("GPU", "eBPF").
func prose(s string) string {
	lower := func(w string) string {
		upper := 0
		for _, r := range w {
			if unicode.IsUpper(r) {
				upper++
			}
		}
		if upper == 1 && unicode.IsUpper([]rune(w)[0]) {
			return strings.ToLower(w[:1]) + w[1:]
		}
		return w
	}
	ws := strings.Fields(s)
	for i, w := range ws {
		parts := strings.Split(w, "-")
		for k, p := range parts {
			if p != "" {
				parts[k] = lower(p)
			}
		}
		ws[i] = strings.Join(parts, "-")
	}
	return strings.Join(ws, " ")
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// mention is how a text names a project: its name or, now and then, an
// alias, both as the catalogue writes them.
func mention(r *rand.Rand, p *project) string {
	if len(p.Aliases) > 0 && r.IntN(5) == 0 {
		return pick(r, p.Aliases)
	}
	return p.Name
}

// titleKey identifies a title by its words (text.TitleWords), ignoring
// their order.
func titleKey(t string) string {
	ws := text.TitleWords(t)
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// overlap is the larger share of either title's words (as titleKey
// splits them) found in the other (text.Coverage).
func overlap(wa, wb []string) float64 {
	return max(text.Coverage(wa, wb), text.Coverage(wb, wa))
}

// titleSpec says what a title may talk about.
type titleSpec struct {
	kind    string // TALK, KEYNOTE, PANEL
	topic   string
	project *project // the talk's main project, or nil
	company string
	city    string
}

// talkTitle makes a talk title; it returns the title and whether it names
// the project (a lowercase-led title may add a project, returned too).
func talkTitle(r *rand.Rand, s titleSpec, lower *project) (string, []*project) {
	T := s.topic
	S := func() string {
		sub := pick(r, subtitles)
		if strings.Contains(sub, "%d") {
			sub = fmt.Sprintf(sub, []int{3, 4, 5, 7, 10, 12, 30, 90, 100, 500, 1000}[r.IntN(11)])
		}
		return sub
	}
	V := func() string { return pick(r, verbs) }
	T2 := func() string {
		for {
			if t := pick(r, topics); t != T {
				return t
			}
		}
	}
	if lower != nil && r.IntN(100) < 3 {
		return fmt.Sprintf("%s: %s", lower.Name, pick(r, []string{S(), "Beyond the Basics", "The Good Parts", V() + " " + T})), []*project{lower}
	}
	if r.IntN(100) < 1 {
		return fmt.Sprintf("“%s”: %s %s", pick(r, quotes), V(), T), nil
	}
	if p := s.project; p != nil && r.IntN(100) < 55 {
		P := mention(r, p)
		forms := []string{
			V() + " " + T + " with " + P,
			V() + " " + T + " on " + P,
			T + " with " + P + ": " + S(),
			P + " in Production: " + S(),
			V() + " " + P + " at " + s.company,
			"A Tour of " + T + " with " + P,
			"What's New in " + P,
			P + " Deep Dive: " + T,
			"From " + T + " to " + P + ": " + S(),
			"Inside " + P + ": " + S(),
		}
		if s.company == "" {
			forms[4] = V() + " " + P + " for " + T
		}
		return pick(r, forms), []*project{p}
	}
	n := []string{"Three", "Five", "Seven", "Ten", "12", "20"}[r.IntN(6)]
	forms := []string{
		V() + " " + T,
		T + ": " + S(),
		"How " + s.company + " " + pick(r, pastVerbs) + " " + T,
		n + " Lessons from " + V() + " " + T,
		n + " Ways to Get " + T + " Wrong",
		"Do You Really Need " + T + "?",
		"Beyond " + T + ": " + S(),
		T + " for the Rest of Us",
		"From " + T + " to " + T2() + ": " + S(),
		V() + " " + T + " - " + S(),
		V() + " " + T + " Without " + pick(r, []string{"Downtime", "Tears", "a Platform Team", "Heroics"}),
		"What " + s.company + " Learned " + V() + " " + T,
		T + " in the Real World",
		"The Hidden Costs of " + T,
	}
	if s.company == "" {
		forms[2], forms[11] = V()+" "+T+" at Scale", "What We Learned "+V()+" "+T
	}
	return pick(r, forms), nil
}

func keynoteTitle(r *rand.Rand, s titleSpec) (string, []*project) {
	tpl := pick(r, keynoteTitles)
	var used []*project
	if strings.Contains(tpl, "%P") && s.project == nil {
		tpl = "The State of %T"
	}
	t := expand(tpl, func(c byte) string {
		switch c {
		case 'C':
			return s.city
		case 'T':
			return s.topic
		case 'O':
			if s.company == "" {
				return "Our Company"
			}
			return s.company
		case 'P':
			used = []*project{s.project}
			return mention(r, s.project)
		case 'N':
			return fmt.Sprint(5 + r.IntN(11))
		}
		return ""
	})
	return t, used
}

func panelTitle(r *rand.Rand, s titleSpec) (string, []*project) {
	tpl := pick(r, panelTitles)
	var used []*project
	if strings.Contains(tpl, "%P") && s.project == nil {
		tpl = "The Future of %T"
	}
	t := expand(tpl, func(c byte) string {
		switch c {
		case 'T':
			return s.topic
		case 'P':
			used = []*project{s.project}
			return mention(r, s.project)
		}
		return ""
	})
	return t, used
}

// abstract writes the paragraphs of an abstract that mention exactly the
// given projects (those not already named by the title are named here;
// every ambiguous one gets one of its context words nearby).
func abstract(r *rand.Rand, topic, company string, projs []*project) []string {
	t := prose(topic)
	num := func() string { return fmt.Sprint([]int{3, 4, 6, 8, 12, 15, 20, 40}[r.IntN(8)]) }
	big := func() string { return fmt.Sprint([]int{50, 120, 200, 300, 800, 1500}[r.IntN(6)]) }
	fillPlain := func(tpl string) string {
		return capitalize(expand(tpl, func(c byte) string {
			switch c {
			case 't':
				return t
			case 'o':
				if company == "" {
					return "Our company"
				}
				return company
			case 'n':
				return num()
			case 'm':
				return big()
			}
			return ""
		}))
	}
	var sents []string
	rest := projs
	if len(rest) >= 2 && r.IntN(100) < 45 {
		tpl := pick(r, abstractMany)
		k := min(strings.Count(tpl, "%P"), len(rest))
		for k < strings.Count(tpl, "%P") {
			tpl = pick(r, abstractMany)
			k = min(strings.Count(tpl, "%P"), len(rest))
		}
		group := rest[:k]
		rest = rest[k:]
		i := 0
		sents = append(sents, expand(tpl, func(c byte) string {
			if c == 'P' {
				i++
				return mention(r, group[i-1])
			}
			return ""
		}))
	}
	oneUsed := map[int]bool{}
	for _, p := range rest {
		k := r.IntN(len(abstractOne))
		for oneUsed[k] && len(oneUsed) < len(abstractOne) {
			k = r.IntN(len(abstractOne))
		}
		oneUsed[k] = true
		s := expand(abstractOne[k], func(c byte) string {
			switch c {
			case 'P':
				return mention(r, p)
			case 't':
				return t
			case 'n':
				return num()
			}
			return ""
		})
		sents = append(sents, s)
	}
	for _, p := range projs {
		if p.Ambiguous {
			x := pick(r, p.Context)
			sents = append(sents, capitalize(expand(pick(r, contextSentences), func(byte) string { return x })))
		}
	}
	want := 7 + r.IntN(9)
	used := map[int]bool{}
	for len(sents) < want {
		i := r.IntN(len(abstractPlain))
		if used[i] {
			continue
		}
		used[i] = true
		// Plain sentences go around the project ones.
		s := fillPlain(abstractPlain[i])
		pos := r.IntN(len(sents) + 1)
		sents = append(sents[:pos], append([]string{s}, sents[pos:]...)...)
	}
	// One to three paragraphs.
	paras := 1 + r.IntN(3)
	if len(sents) > 6 {
		paras = 2 + r.IntN(2)
	}
	if paras > len(sents) {
		paras = len(sents)
	}
	var out []string
	per := (len(sents) + paras - 1) / paras
	for i := 0; i < len(sents); i += per {
		out = append(out, strings.Join(sents[i:min(i+per, len(sents))], " "))
	}
	if r.IntN(100) < 12 {
		// A list, as some abstracts have.
		n := 2 + r.IntN(3)
		var lines []string
		for _, k := range r.Perm(len(abstractBullets))[:n] {
			lines = append(lines, "- "+abstractBullets[k])
		}
		out = append(out[:1], append([]string{"What you will learn:\n" + strings.Join(lines, "\n")}, out[1:]...)...)
	}
	return out
}

// bio is the text of a person's About section when working at company
// (the base name, "" for none). Its first sentence states the employer
// plainly, as most real bios do.
func (p *person) bio(company string) []string {
	r := rand.New(rand.NewPCG(p.bioSeed, uint64(len(company))))
	pr := pronouns[p.pron]
	t := prose(topics[p.topic])
	fill := func(tpl string, other string) string {
		return expand(tpl, func(c byte) string {
			switch c {
			case 's':
				return pr[0]
			case 'F':
				return p.first
			case 't':
				return t
			case 'n':
				return fmt.Sprint(2 + r.IntN(9))
			case 'O':
				return other
			}
			return ""
		})
	}
	focus := expand(pick(r, bioFocus), func(c byte) string {
		switch c {
		case 't':
			return t
		case 's':
			return pr[2]
		}
		return ""
	})
	// A verb agreeing with "they".
	if p.pron == 2 {
		for _, v := range []string{"looks", "works", "leads", "helps", "spends", "runs", "builds", "focuses"} {
			if strings.HasPrefix(focus, v) {
				focus = strings.TrimSuffix(v, "s") + focus[len(v):]
				if v == "focuses" {
					focus = "focus" + focus[len("focuse"):]
				}
			}
		}
	}
	isA := " is a "
	if strings.ContainsAny(strings.ToLower(p.role[:1]), "aeiou") {
		isA = " is an "
	}
	if p.pron == 2 {
		isA = strings.Replace(isA, " is ", " works as ", 1)
	}
	var lines []string
	kind := p.bioKind
	if company == "" {
		lines = append(lines, fmt.Sprintf("%s is an independent consultant who helps teams get %s right. %s", p.name, t,
			fill(pick(r, bioHobby), "")))
		return lines
	}
	var first string
	switch {
	case kind <= 3:
		first = fmt.Sprintf("%s%s%s at %s, where %s %s.", p.name, isA, p.role, company, pr[0], focus)
	case kind <= 5:
		first = fmt.Sprintf("%s leads the %s team at %s.", p.first, pick(r, bioTeams), company)
	case kind == 6:
		first = fmt.Sprintf("%s has been working on %s for %d years and works at %s as %s %s.", p.first, t, 3+r.IntN(12),
			company, article(p.role), p.role)
	case kind == 7:
		// "Role, Company" on its own line.
		lines = append(lines, p.role+", "+company)
		lines = append(lines, fill(pick(r, bioMore), "")+" "+fill(pick(r, bioHobby), ""))
		return lines
	default:
		lines = append(lines, pick(r, socialLines))
		first = fmt.Sprintf("%s%s%s at %s, where %s %s.", p.name, isA, p.role, company, pr[0], focus)
	}
	second := " " + fill(pick(r, bioMore), "")
	if r.IntN(10) < 7 {
		second += " " + fill(pick(r, bioPast), pick(r, []string{"a bank", "a telecom operator", "a games studio",
			"a research lab", "an online retailer", "a public broadcaster"}))
	}
	lines = append(lines, first+second)
	if r.IntN(2) == 0 {
		k := r.IntN(len(bioMore))
		if more := fill(bioMore[k], ""); !strings.Contains(lines[len(lines)-1], more) {
			lines[len(lines)-1] += " " + more
		}
	}
	if r.IntN(3) == 0 {
		lines = append(lines, "", fill(pick(r, bioHobby), ""))
	} else {
		lines[len(lines)-1] += " " + fill(pick(r, bioHobby), "")
	}
	return lines
}

func article(s string) string {
	if strings.ContainsAny(strings.ToLower(s[:1]), "aeiou") {
		return "an"
	}
	return "a"
}

// sentenceCase lowercases a title's words after the first, except names
// of projects, acronyms and words with inner capitals.
func sentenceCase(t string, keep map[string]bool) string {
	ws := strings.Fields(t)
	for i := 1; i < len(ws); i++ {
		if keep[strings.Trim(ws[i], ":,?")] {
			continue
		}
		ws[i] = prose(ws[i])
	}
	return strings.Join(ws, " ")
}
