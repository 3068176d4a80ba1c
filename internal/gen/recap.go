package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/confgraph/confgraph/internal/text"
)

// recapPlan is one recap to write.
type recapPlan struct {
	style     string
	title     string
	published time.Time
	items     []*planItem
	days      int
}

// planItem is a session the recap writes about: a listing entry, or a
// session the listing does not have (a lightning talk, a co-located
// event) with its own title and speakers.
type planItem struct {
	t      *talk
	title  string
	topic  string
	people []int
	day    int
	said   map[int]bool // comments already written about it
}

var recapTitles = map[string][]string{
	StylePhotoBlog:    {"KubeCon %Y %C", "KubeCon + CloudNativeCon %Y %C", "KubeCon %C %Y in Pictures"},
	StyleSpeakerLines: {"KubeCon + CloudNativeCon %R %Y", "CloudNativeCon + KubeCon %R %Y", "Our Takeaways from KubeCon %R %Y"},
	StyleMarkdown:     {"KubeCon %Y %C Summary", "KubeCon %C %Y Notes", "Notes from KubeCon %Y in %C"},
	StylePlain:        {"The %Y KubeCon and CloudNativeCon in %C, %K", "My KubeCon %Y in %C, %K", "Looking Back at KubeCon %Y in %C, %K"},
}

// planRecaps decides the recaps of an event: about four, one per style,
// each reviewing a share of the event's sessions and a few the listing
// lacks.
func (w *world) planRecaps(r *rand.Rand, ev *event) []*recapPlan {
	n := []int{4, 4, 4, 5}[r.IntN(4)]
	styles := []string{StylePhotoBlog, StyleSpeakerLines, StyleMarkdown, StylePlain}
	r.Shuffle(len(styles), func(i, j int) { styles[i], styles[j] = styles[j], styles[i] })
	for len(styles) < n {
		styles = append(styles, pick(r, styles[:4]))
	}
	styles = styles[:n]
	usedTitles := map[string]bool{}
	var plans []*recapPlan
	for _, style := range styles {
		p := &recapPlan{style: style, published: ev.end().AddDate(0, 0, 3+r.IntN(38)), days: ev.days - 1}
		for _, tpl := range recapTitles[style] {
			t := expand(tpl, func(c byte) string {
				switch c {
				case 'Y':
					return fmt.Sprint(ev.year)
				case 'C':
					return ev.city
				case 'R':
					return ev.region
				case 'K':
					return ev.country
				}
				return ""
			})
			if !usedTitles[t] {
				usedTitles[t] = true
				p.title = t
				break
			}
		}
		p.items = w.pickItems(r, ev, style)
		for _, it := range p.items {
			it.day = 1 + r.IntN(p.days)
		}
		// Keynotes open each day; sessions follow in no set order.
		sort.SliceStable(p.items, func(i, j int) bool {
			a, b := p.items[i], p.items[j]
			if a.day != b.day {
				return a.day < b.day
			}
			return a.keynote() && !b.keynote()
		})
		plans = append(plans, p)
	}
	return plans
}

func (it *planItem) keynote() bool { return it.t != nil && it.t.kind == "KEYNOTE" }

// pickItems chooses the sessions a recap reviews: 14-22% of the event's
// sessions, keynotes and panels more likely than talks, plus one to three
// sessions no listing has.
func (w *world) pickItems(r *rand.Rand, ev *event, style string) []*planItem {
	type cand struct {
		t   *talk
		key float64
	}
	var cands []cand
	for _, t := range ev.talks {
		weight := 1.0
		switch {
		case t.variant == vAward:
			continue
		case t.kind == "KEYNOTE" && style == StylePlain:
			continue // this style describes keynotes only in prose
		case t.kind == "KEYNOTE":
			weight = 2.5
		case t.kind == "PANEL":
			weight = 1.5
		case t.variant == vSalon:
			weight = 0.5
		}
		cands = append(cands, cand{t, math.Pow(r.Float64(), 1/weight)})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].key > cands[j].key })
	share := 0.14 + 0.08*r.Float64()
	k := int(math.Round(share * float64(len(ev.talks))))
	var items []*planItem
	for _, c := range cands[:min(k, len(cands))] {
		items = append(items, &planItem{t: c.t})
	}
	for range 1 + r.IntN(3) {
		if it := w.unlistedSession(r, ev); it != nil {
			pos := r.IntN(len(items) + 1)
			items = slices.Insert(items, pos, it)
		}
	}
	return items
}

// unlistedSession invents a session of the event that its listing lacks,
// by people who do not speak in the listing, under a title unlike any
// listed one.
func (w *world) unlistedSession(r *rand.Rand, ev *event) *planItem {
	var people []int
	for range 1 + r.IntN(2) {
		for range 100 {
			i := w.pplZipf.draw(r)
			p := w.people[i]
			if p.perEvent[ev.idx] == 0 && p.companyAt(ev.idx) >= 0 && !slices.Contains(people, i) {
				people = append(people, i)
				break
			}
		}
	}
	if len(people) == 0 {
		return nil
	}
	company := w.companies[w.people[people[0]].companyAt(ev.idx)].name
	for range 50 {
		topic := pick(r, topics)
		title, _ := talkTitle(r, titleSpec{kind: "TALK", topic: topic, company: company}, nil)
		if ev.titleKeys[titleKey(title)] || ev.mainKeys[titleKey(text.MainTitle(title))] {
			continue
		}
		if ev.titleWords == nil {
			for _, t := range ev.talks {
				ev.titleWords = append(ev.titleWords, strings.Fields(titleKey(t.title)))
			}
		}
		close := false
		words := strings.Fields(titleKey(title))
		for _, tw := range ev.titleWords {
			if overlap(words, tw) >= 0.5 {
				close = true
				break
			}
		}
		if close {
			continue
		}
		ev.titleKeys[titleKey(title)], ev.mainKeys[titleKey(text.MainTitle(title))] = true, true
		return &planItem{title: title, topic: topic, people: people}
	}
	return nil
}

// variantTitle is how a recap writes a listed title: mostly as listed,
// sometimes in another case, without its subtitle, with other punctuation
// or with "K8s" for "Kubernetes".
func (w *world) variantTitle(r *rand.Rand, t *talk, dash bool) string {
	title := t.title
	keep := map[string]bool{}
	for _, p := range t.projects {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, f := range strings.Fields(n) {
				keep[f] = true
			}
		}
	}
	switch roll := r.IntN(100); {
	case roll < 8:
		return sentenceCase(title, keep)
	case roll < 14:
		ws := strings.Fields(title)
		for i, x := range ws {
			if !keep[x] {
				ws[i] = capitalize(x)
			}
		}
		return strings.Join(ws, " ")
	case roll < 26:
		if m := text.MainTitle(title); m != title && len(strings.Fields(m)) >= 3 && len(strings.Fields(titleKey(m))) >= 2 {
			return m
		}
	case roll < 31:
		switch {
		case strings.Contains(title, " & "):
			return strings.Replace(title, " & ", " and ", 1)
		case strings.Contains(title, " and "):
			return strings.Replace(title, " and ", " & ", 1)
		case strings.HasSuffix(title, "?"):
			return strings.TrimSuffix(title, "?")
		case dash && strings.Contains(title, ": "):
			return strings.Replace(title, ": ", " - ", 1)
		}
	case roll < 36:
		if strings.Contains(title, "Kubernetes") {
			return strings.Replace(title, "Kubernetes", "K8s", 1)
		}
	}
	return title
}

// typo swaps two inner letters of a long family name, as recaps sometimes
// misspell names.
func typo(r *rand.Rand, name string) string {
	ws := strings.Fields(name)
	last := []rune(ws[len(ws)-1])
	if len(last) < 7 || r.IntN(100) >= 3 {
		return name
	}
	i := 2 + r.IntN(len(last)-4)
	last[i], last[i+1] = last[i+1], last[i]
	if last[i] == last[i+1] {
		return name
	}
	ws[len(ws)-1] = string(last)
	return strings.Join(ws, " ")
}

// who prints the people of an item as a recap line does ("A & B, Co",
// "A, Role, Co", "A, Co1 & B, Co2").
func (w *world) who(r *rand.Rand, ev *event, it *planItem, roles bool) string {
	name := func(i int) string { return typo(r, w.people[i].name) }
	comp := func(i int, mid bool) string {
		if c := w.people[i].companyAt(ev.idx); c >= 0 {
			// Bloggers seldom copy the legal form.
			switch {
			case r.IntN(8) > 0:
				return w.companies[c].name
			case mid:
				return w.companies[c].printedMid(r)
			}
			return w.companies[c].printed(r)
		}
		return w.people[i].free
	}
	var ppl []int
	if it.t == nil {
		ppl = it.people
	} else {
		for _, s := range it.t.speakers {
			if s.part != "panelist" || len(ppl) < 3 {
				ppl = append(ppl, s.p)
			}
		}
	}
	if len(ppl) == 1 {
		p := w.people[ppl[0]]
		if roles && p.free == "" && r.IntN(10) < 6 {
			return fmt.Sprintf("%s, %s, %s", name(ppl[0]), p.role, comp(ppl[0], false))
		}
		return name(ppl[0]) + ", " + comp(ppl[0], false)
	}
	same := true
	for _, i := range ppl[1:] {
		if w.people[i].companyAt(ev.idx) != w.people[ppl[0]].companyAt(ev.idx) || w.people[i].free != "" {
			same = false
		}
	}
	if same && w.people[ppl[0]].free == "" {
		var ns []string
		for _, i := range ppl {
			ns = append(ns, name(i))
		}
		return strings.Join(ns[:len(ns)-1], ", ") + " & " + ns[len(ns)-1] + ", " + comp(ppl[0], false)
	}
	var parts []string
	for k, i := range ppl {
		parts = append(parts, name(i)+", "+comp(i, k < len(ppl)-1))
	}
	return strings.Join(parts, " & ")
}

// comment writes a paragraph of recap prose about an item.
func (w *world) comment(r *rand.Rand, ev *event, it *planItem, n int) string {
	var ppl []int
	topic := it.topic
	var projs []*project
	if it.t != nil {
		for _, s := range it.t.speakers {
			ppl = append(ppl, s.p)
		}
		topic, projs = it.t.topic, it.t.projects
	} else {
		ppl = it.people
	}
	var sents []string
	if it.said == nil {
		it.said = map[int]bool{}
	}
	used := it.said
	for tries := 0; len(sents) < n && tries < 1000; tries++ {
		i := r.IntN(len(recapComments))
		tpl := recapComments[i]
		if used[i] || strings.Contains(tpl, "%P") && len(projs) == 0 || strings.Contains(tpl, "%f") && len(ppl) == 0 ||
			strings.Contains(tpl, "%o") && (len(ppl) == 0 || w.people[ppl[0]].companyAt(ev.idx) < 0) {
			continue
		}
		used[i] = true
		sents = append(sents, expand(tpl, func(c byte) string {
			switch c {
			case 'f':
				return w.people[ppl[r.IntN(len(ppl))]].first
			case 'o':
				return w.companies[w.people[ppl[0]].companyAt(ev.idx)].name
			case 't':
				return prose(topic)
			case 'P':
				return mention(r, pick(r, projs))
			case 'n':
				return fmt.Sprint(3 + r.IntN(40))
			case 'm':
				return fmt.Sprint(100 + r.IntN(5000))
			}
			return ""
		}))
	}
	return strings.Join(sents, " ")
}

// recapDoc collects the lines of a recap and the items it names.
type recapDoc struct {
	lines []string
	items []RecapItem
}

func (d *recapDoc) add(ls ...string) { d.lines = append(d.lines, ls...) }

// item adds the line naming an item and records it.
func (d *recapDoc) item(w *world, line string, it *planItem) {
	d.lines = append(d.lines, line)
	ri := RecapItem{Line: len(d.lines), Text: line}
	if it.t != nil {
		ri.Talk = it.t.title
	} else {
		for _, p := range it.people {
			ri.Speakers = append(ri.Speakers, w.people[p].name)
		}
	}
	d.items = append(d.items, ri)
}

func (w *world) renderRecap(r *rand.Rand, ev *event, p *recapPlan) ([]byte, RecapRecord) {
	d := &recapDoc{}
	switch p.style {
	case StylePhotoBlog:
		w.photoBlog(r, ev, p, d)
	case StyleSpeakerLines:
		w.speakerLines(r, ev, p, d)
	case StyleMarkdown:
		w.markdown(r, ev, p, d)
	default:
		w.plain(r, ev, p, d)
	}
	rec := RecapRecord{Title: p.title, Style: p.style, Event: ev.name, Items: d.items}
	return []byte(strings.Join(d.lines, "\n") + "\n"), rec
}

// sponsor is a company that sent the author.
func (w *world) sponsor(r *rand.Rand) string { return w.companies[w.compZipf.draw(r)].name }

func (w *world) levelSuffix(r *rand.Rand, t *talk) string {
	if t.level == "" || r.IntN(10) < 4 {
		return ""
	}
	if r.IntN(4) == 0 {
		return " [" + t.level + "]"
	}
	return " " + t.level
}

// photoBlog is a day-by-day post full of photo captions sharing a
// "KubeCon:" prefix, with "Title - Speaker, Company" lines.
func (w *world) photoBlog(r *rand.Rand, ev *event, p *recapPlan, d *recapDoc) {
	d.add(p.title, "",
		fmt.Sprintf("Talks, keynotes, notes and a lot of pictures from KubeCon + CloudNativeCon %s in %s, %s. Fair warning: this post is heavy on photos, so maybe wait for wifi before opening it.", ev.region, ev.city, ev.country), "",
		"NOTE The slides in the photos belong to the speakers who made them.", "",
		"NOTE If you appear in one of the photos and would like it taken down, send me an email (the address is on the about page).", "", "",
		fmt.Sprintf("Many thanks to %s for sending me to %s and covering the trip!", w.sponsor(r), ev.city), "",
		"Day #0", "",
		"NOTE Skip to Day #1 if you only care about the talks.", "",
		"TL;DR "+pick(r, travelTLDR)+".", "",
		"KubeCon: Flight - "+photoCaptions[0], "",
		fmt.Sprintf("I arrived in %s the evening before the co-located events and spent it walking between the hotel and the venue, which was a good way to get over the jet lag before the busy days ahead.", ev.city), "",
		"KubeCon: Flight - "+photoCaptions[1], "",
		"Keynotes and Talks Recordings YouTube Playlist", "",
		fmt.Sprintf("All keynotes and talks are online as a YouTube playlist: KubeCon + CloudNativeCon %s %d - %s - YouTube.", ev.region, ev.year, ev.city), "")
	shot, talkCaps := 0, 0
	day := 0
	for _, it := range p.items {
		if it.day != day {
			day = it.day
			d.add(fmt.Sprintf("Day #%d", day), "")
			if day == 1 {
				d.add("The photos in this post were taken with a phone, so the quality varies a lot, especially in the darker session rooms.", "",
					"Badge pickup took two minutes, which is a big improvement over previous years.", "",
					fmt.Sprintf("KubeCon: %s %s", pick(r, photoCaptions[2:]), "Shot #1"), "",
					fmt.Sprintf("![KubeCon: Venue photo #1](/blog/%d/kubecon-%d/img_%s_0815.jpg) ![KubeCon: Venue photo #2](/blog/%d/kubecon-%d/img_%s_0822.jpg)",
						ev.year, ev.year, ev.start.Format("20060102"), ev.year, ev.year, ev.start.Format("20060102")), "")
			}
			d.add("Morning Keynotes", "")
			shot = 0
		}
		if it.keynote() {
			shot++
			d.add(fmt.Sprintf("KubeCon: Keynote Day #%d Shot #%d", day, shot), "")
			d.item(w, w.variantTitle(r, it.t, true)+" - "+w.who(r, ev, it, true), it)
		} else {
			title := it.title
			if it.t != nil {
				title = w.variantTitle(r, it.t, true) + w.levelSuffix(r, it.t)
			}
			d.add("")
			d.item(w, title+" - "+w.who(r, ev, it, false), it)
			if talkCaps < 3 || r.IntN(2) == 0 {
				talkCaps++
				d.add("", "KubeCon Talk: "+pick(r, slideCaptions))
			}
		}
		d.add("", w.comment(r, ev, it, 4+r.IntN(3)), "")
		if r.IntN(4) == 0 {
			for _, k := range r.Perm(len(recapBulletItems))[:2+r.IntN(3)] {
				d.add("  • " + capitalize(recapBulletItems[k]))
			}
			d.add("")
		}
		for range 1 + r.IntN(3) {
			if r.IntN(10) < 7 {
				d.add(w.comment(r, ev, it, 2+r.IntN(4)), "")
			}
		}
		if r.IntN(3) == 0 {
			d.add(fmt.Sprintf("KubeCon: %s Day #%d Shot #%d", pick(r, []string{"Hallway", "Session room", "Booth"}), day, 2+r.IntN(9)), "")
		}
	}
	for talkCaps < 3 {
		talkCaps++
		d.add("KubeCon Talk: "+pick(r, slideCaptions), "")
	}
	d.add("Final Thoughts", "", pick(r, closingProse))
}

// speakerLines is a post where each session is a title line followed by a
// "Name, Role, Company" line and a paragraph.
func (w *world) speakerLines(r *rand.Rand, ev *event, p *recapPlan, d *recapDoc) {
	d.add(p.title, "",
		fmt.Sprintf("KubeCon + CloudNativeCon %s %d is over! %d busy days in %s, with far more good sessions than any one person could attend.", ev.region, ev.year, ev.days, ev.city), "",
		"In this post we share our view of the conference through the talks we attended and the things we took away from them.", "")
	day := 0
	for _, it := range p.items {
		if it.day != day {
			day = it.day
			d.add(fmt.Sprintf("Day %d", day), "")
			if day == 1 {
				host := w.sponsor(r)
				d.add(pick(r, colocatedNames)+" - "+host,
					fmt.Sprintf("The first event of the day was hosted by %s, an informal session on platform teams and how much they should own. The discussion was lively and nobody agreed on everything, which is how it should be.", host), "")
			}
			d.add("Morning Keynotes", pick(r, keynoteBlockProse)+" "+w.keynoteNames(r, ev), "")
		}
		if it.t == nil {
			d.item(w, it.title, it)
		} else {
			d.item(w, w.variantTitle(r, it.t, true), it)
		}
		d.add(w.who(r, ev, it, true), w.comment(r, ev, it, 3+r.IntN(4)), "")
	}
	d.add("Final Thoughts", pick(r, closingProse))
}

// keynoteNames mentions keynote speakers in passing, as prose.
func (w *world) keynoteNames(r *rand.Rand, ev *event) string {
	var names []string
	for _, t := range ev.talks {
		if t.kind == "KEYNOTE" && len(names) < 3 && r.IntN(4) == 0 {
			names = append(names, w.people[t.speakers[0].p].name)
		}
	}
	if len(names) == 0 {
		return "The stage was shared by maintainers, end users and foundation staff."
	}
	return "Among others we heard from " + strings.Join(names, ", ") + "."
}

// markdown is a post with front matter, "## " blocks and a "### " heading
// per session, its own lines written as notes.
func (w *world) markdown(r *rand.Rand, ev *event, p *recapPlan, d *recapDoc) {
	d.add("---", fmt.Sprintf("title: %q", p.title), "date: "+p.published.Format("2006-01-02"), `layout: "post"`,
		fmt.Sprintf("categories: kubernetes, k8s, kubecon, %s, %s", strings.ToLower(strings.ReplaceAll(ev.city, " ", "-")),
			strings.ToLower(strings.Fields(pick(r, topics))[0])), "---", "",
		fmt.Sprintf("A bit late, but here are my notes from KubeCon %s in %s. They are raw, and as always I went to fewer sessions than I planned because the hallway track was too good.", ev.region, ev.city), "",
		"Some comments on the event itself first.", "",
		"The organizers did a great job with accessibility this year, and it showed in small things everywhere.", "",
		"From the attendee guide:", "",
		">Live Captions", ">",
		">Every session room shows live captions on a screen next to the stage. Ask a volunteer if you need a seat near it.", "",
		"Small touches like this make a big difference for a lot of people.", "")
	var keynotes, sessions []*planItem
	for _, it := range p.items {
		if it.keynote() {
			keynotes = append(keynotes, it)
		} else {
			sessions = append(sessions, it)
		}
	}
	notes := func(it *planItem) {
		d.add("")
		for _, s := range strings.SplitAfter(w.comment(r, ev, it, 2+r.IntN(3)), ". ") {
			d.add(strings.TrimSpace(s), "")
		}
		if r.IntN(2) == 0 {
			mark := pick(r, []string{"- ", "* "})
			for _, k := range r.Perm(len(recapBulletItems))[:2+r.IntN(3)] {
				d.add(mark + recapBulletItems[k])
			}
			d.add("")
		}
	}
	if len(keynotes) > 0 {
		d.add("## Keynote Summaries", "", "My raw notes from the keynotes. These are only the ones I found most interesting.", "")
		for _, it := range keynotes {
			t := it.t
			sp := w.people[t.speakers[0].p]
			alone := len(t.speakers) == 1 && sp.perEvent[ev.idx] == 1
			switch roll := r.IntN(10); {
			case alone && roll < 4 && sp.companyAt(ev.idx) >= 0:
				d.item(w, "### "+sp.name+" - "+w.companies[sp.companyAt(ev.idx)].name, it)
			case alone && roll < 7:
				d.item(w, "### "+sp.name+" - "+capitalize(pick(r, []string{"why ", "notes on ", "the future of ", "what matters in "}))+prose(t.topic), it)
			default:
				d.item(w, "### "+w.variantTitle(r, t, false), it)
			}
			notes(it)
		}
	}
	d.add("## Session Notes", "", "Next are my notes from the sessions. The CNCF YouTube channel has all the recordings, search for the titles below.", "")
	for _, it := range sessions {
		if it.t == nil {
			d.item(w, "### "+it.title, it)
		} else {
			d.item(w, "### "+w.variantTitle(r, it.t, false), it)
		}
		d.add("", fmt.Sprintf(`<iframe width="560" height="315" src="https://www.youtube.com/embed/%s" frameborder="0" allowfullscreen></iframe>`, videoID(r)))
		notes(it)
	}
	d.add("## Overall", "", pick(r, closingProse))
}

func videoID(r *rand.Rand) string {
	const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	b := make([]byte, 11)
	for i := range b {
		b[i] = abc[r.IntN(len(abc))]
	}
	return string(b)
}

// plain is a post whose session titles stand alone on a line above their
// paragraphs, between block headings such as "Day 1 Keynotes".
func (w *world) plain(r *rand.Rand, ev *event, p *recapPlan, d *recapDoc) {
	end := ev.end()
	d.add(p.title, "",
		fmt.Sprintf("Here are my notes from KubeCon + CloudNativeCon in %s (%s), which ran from %s %d-%d, %d. I will go through the sessions I managed to attend, roughly in the order I saw them.",
			ev.city, ev.country, ev.start.Month(), ev.start.Day(), end.Day(), ev.year), "",
		"Change history:", "Date Change description", p.published.Format("2006-01-02")+" First version")
	if r.IntN(2) == 0 {
		d.add(p.published.AddDate(0, 0, 2+r.IntN(5)).Format("2006-01-02") + " Fixed typos and added links")
	}
	d.add("The keynote hall, seen from the back row.", "",
		"All sessions are listed on the schedule page:", "",
		"The recordings of the whole event are in this playlist:", "",
		"A few buzzwords you will hear a lot this year:", "")
	for _, k := range r.Perm(len(keywordBullets))[:4] {
		d.add("  • " + keywordBullets[k])
	}
	d.add("", "Top 3", "", "Short on time? These three recordings were my favourites:", "")
	for _, it := range p.items[:min(3, len(p.items))] {
		if it.t != nil {
			d.add("  • " + it.t.title)
		}
	}
	d.add("", "Lightning talks", "", pick(r, lightningProse), "", "")
	day := 0
	for _, it := range p.items {
		if it.day != day {
			day = it.day
			d.add(fmt.Sprintf("Day %d Keynotes", day), "", pick(r, keynoteBlockProse)+" "+w.keynoteNames(r, ev), "")
			if day == 1 {
				d.add(pick(r, sessionLead), "")
			}
		}
		if it.t == nil {
			d.item(w, it.title, it)
		} else {
			d.item(w, w.variantTitle(r, it.t, true), it)
		}
		d.add("", w.comment(r, ev, it, 3+r.IntN(3)), "")
		if r.IntN(3) == 0 {
			d.add("A few of the practices the speakers shared:", "")
			for _, k := range r.Perm(len(recapBulletItems))[:3+r.IntN(2)] {
				d.add("  • " + recapBulletItems[k])
			}
			d.add("")
		}
		if r.IntN(3) == 0 {
			d.add(w.comment(r, ev, it, 2), "")
		}
	}
	d.add("Conclusion", "", pick(r, closingProse))
}
