package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/internal/text"
)

// Entry variants, one per header shape family of the real listing.
const (
	vTalk     = "talk"     // "Title [I] - A & B, Company" and the other speaker shapes
	vKeynote  = "keynote"  // "Keynote: Title - Name, Role, Company"
	vPanel    = "panel"    // "Panel: Title [B] - Moderated by X, Company", panelists in About only
	vSalon    = "salon"    // "Project Salon - hosted by X, Company"
	vAward    = "award"    // "Community Awards", no speakers
	vTrailing = "trailing" // "Title [I] - Name," with the employer in the bio
)

// Speaker shapes of a talk header.
const (
	shSingle  = "single"  // A, Co
	shSameCo2 = "sameCo2" // A & B, Co
	shDiffCo2 = "diffCo2" // A, Co1 & B, Co2
	shSameCo3 = "sameCo3" // A, B & C, Co
)

type talk struct {
	ev           *event
	variant      string
	title        string
	kind         string
	level        string // B, I, A or ""
	shape        string
	topic        string
	speakers     []slot
	projects     []*project
	abstract     []string
	minutes      int
	participants int
	early        bool // posted a day before the others (salons)
	header       string
}

// slot is a person named by an entry.
type slot struct {
	p       int
	part    string
	comp    int    // employer at the event, -1 for none
	printed string // what the header prints for the employer; "" when nothing
	about   bool
}

var levelNames = map[string]string{"B": "BEGINNER", "I": "INTERMEDIATE", "A": "ADVANCED"}

// planTalks decides the entries of an event's listing.
func (w *world) planTalks(r *rand.Rand, ev *event) {
	n := 160 + r.IntN(31)
	var variants []string
	add := func(v string, k int) {
		for range k {
			variants = append(variants, v)
		}
	}
	add(vKeynote, 16+r.IntN(7))
	add(vPanel, 1+r.IntN(3))
	add(vSalon, 1+r.IntN(10)/8)
	add(vAward, 1)
	add(vTrailing, 1+r.IntN(3))
	add(vTalk, n-len(variants))
	for _, v := range variants {
		ev.talks = append(ev.talks, w.makeTalk(r, ev, v))
	}
}

func (w *world) makeTalk(r *rand.Rand, ev *event, variant string) *talk {
	t := &talk{ev: ev, variant: variant, kind: "TALK"}
	switch variant {
	case vKeynote:
		t.kind = "KEYNOTE"
	case vPanel:
		t.kind = "PANEL"
	case vSalon, vAward:
		t.kind = "OTHER"
	}
	w.castSpeakers(r, ev, t)
	topic := pick(r, topics)
	if len(t.speakers) > 0 && r.IntN(10) < 6 {
		topic = topics[w.people[t.speakers[0].p].topic]
	}
	t.topic = topic
	company := ""
	if len(t.speakers) > 0 && t.speakers[0].comp >= 0 {
		company = w.companies[t.speakers[0].comp].name
	}
	// Projects: none to four, popular ones far more often.
	k := []int{0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4}[r.IntN(15)]
	if variant == vAward || variant == vSalon {
		k = 0 // no abstract: only the title names a project
	}
	for len(t.projects) < k {
		p := w.projects[w.projZipf.draw(r)]
		if !slices.Contains(t.projects, p) {
			t.projects = append(t.projects, p)
		}
	}
	var main *project
	if len(t.projects) > 0 {
		main = t.projects[0]
	}
	spec := titleSpec{kind: t.kind, topic: topic, project: main, company: company, city: ev.city}
	for try := 0; ; try++ {
		var title string
		var used []*project
		switch variant {
		case vKeynote:
			title, used = keynoteTitle(r, spec)
		case vPanel:
			title, used = panelTitle(r, spec)
		case vAward:
			title = pick(r, awardTitles)
		case vSalon:
			p := w.salonProject(r)
			title, used = p.Name+" Salon", []*project{p}
		default:
			title, used = talkTitle(r, spec, w.lowerProject(r))
		}
		if try > 30 {
			title += pick(r, []string{" Revisited", " in Practice", " Reloaded", ", Part Two", " at Scale", " Explained"})
		}
		if try > 60 {
			title += fmt.Sprintf(" %d", try)
		}
		key, mk := titleKey(title), titleKey(text.MainTitle(title))
		if ev.titleKeys[key] || ev.mainKeys[mk] || len(strings.Fields(title)) > 13 {
			continue
		}
		ev.titleKeys[key], ev.mainKeys[mk] = true, true
		t.title = title
		for _, p := range used {
			if !slices.Contains(t.projects, p) {
				t.projects = append(t.projects, p)
			}
		}
		break
	}
	if variant != vAward && variant != vSalon {
		t.abstract = abstract(r, topic, company, t.projects)
	}
	switch variant {
	case vTalk, vTrailing:
		t.level = []string{"B", "I", "I", "I", "A", "", ""}[r.IntN(7)]
		t.minutes = 20 + r.IntN(21)
		t.participants = len(t.speakers) + r.IntN(4)
	case vKeynote:
		t.minutes = 5 + r.IntN(16)
		t.participants = 1 + r.IntN(3)
	case vPanel:
		t.level = []string{"B", "I", ""}[r.IntN(3)]
		t.minutes = 30 + r.IntN(40)
		t.participants = len(t.speakers) + 2 + r.IntN(8)
	case vSalon:
		t.minutes = 45 + r.IntN(30)
		t.participants = 3 + r.IntN(10)
		t.early = true
	case vAward:
		t.minutes = 5 + r.IntN(8)
		t.participants = 1 + r.IntN(3)
	}
	return t
}

// salonProject is a well-known project whose name alone is unmistakable.
func (w *world) salonProject(r *rand.Rand) *project {
	for {
		p := w.projects[r.IntN(min(40, len(w.projects)))]
		if !p.Ambiguous {
			return p
		}
	}
}

// lowerProject is a project whose name starts with a small letter, for the
// odd title that starts with one ("etcd: ...").
func (w *world) lowerProject(r *rand.Rand) *project {
	for range 20 {
		p := w.projects[w.projZipf.draw(r)]
		if c := []rune(p.Name)[0]; unicode.IsLower(c) && !p.Ambiguous {
			return p
		}
	}
	return nil
}

// castSpeakers picks the people of an entry and how the header names them.
func (w *world) castSpeakers(r *rand.Rand, ev *event, t *talk) {
	var chosen []int
	take := func(needCompany bool) int {
		i := w.drawPerson(r, ev, chosen, needCompany)
		chosen = append(chosen, i)
		w.people[i].perEvent[ev.idx]++
		return i
	}
	takeCoworker := func(comp int) int {
		i := w.coworker(r, ev, comp, chosen)
		if i >= 0 {
			chosen = append(chosen, i)
			w.people[i].perEvent[ev.idx]++
		}
		return i
	}
	mk := func(i int, part string, printed bool, about bool) slot {
		p := w.people[i]
		s := slot{p: i, part: part, comp: p.companyAt(ev.idx), about: about}
		if printed {
			if s.comp >= 0 {
				s.printed = w.companies[s.comp].printed(r)
			} else {
				s.printed = p.free
			}
		}
		return s
	}
	aboutP := func(pct int) bool { return r.IntN(100) < pct }
	switch t.variant {
	case vAward:
	case vSalon:
		t.speakers = []slot{mk(take(true), "host", true, true)}
	case vPanel:
		t.speakers = []slot{mk(take(true), "moderator", true, true)}
		for range 2 + r.IntN(3) {
			t.speakers = append(t.speakers, mk(take(true), "panelist", false, true))
		}
	case vKeynote:
		a := take(true)
		t.speakers = []slot{mk(a, "speaker", true, aboutP(60))}
		if r.IntN(100) < 15 {
			if b := takeCoworker(w.people[a].companyAt(ev.idx)); b >= 0 {
				t.shape = shSameCo2
				t.speakers = append(t.speakers, mk(b, "speaker", false, aboutP(60)))
				t.speakers[0].printed, t.speakers[1].printed = "", t.speakers[0].printed
			}
		}
	case vTrailing:
		t.speakers = []slot{mk(take(true), "speaker", false, true)}
		if r.IntN(3) == 0 {
			t.speakers = append(t.speakers, mk(take(true), "speaker", false, true))
		}
	default:
		roll := r.IntN(100)
		a := take(false)
		ca := w.people[a].companyAt(ev.idx)
		t.shape = shSingle
		switch {
		case roll < 27 && ca >= 0:
			if b := takeCoworker(ca); b >= 0 {
				t.shape = shSameCo2
				t.speakers = []slot{mk(a, "speaker", false, aboutP(88)), mk(b, "speaker", true, aboutP(88))}
			}
		case roll < 38:
			b := take(false)
			if cb := w.people[b].companyAt(ev.idx); cb != ca || cb < 0 {
				t.shape = shDiffCo2
				t.speakers = []slot{mk(a, "speaker", true, aboutP(88)), mk(b, "speaker", true, aboutP(88))}
				if ca >= 0 {
					t.speakers[0].printed = w.companies[ca].printedMid(r)
				}
			} else {
				t.shape = shSameCo2
				t.speakers = []slot{mk(a, "speaker", false, aboutP(88)), mk(b, "speaker", true, aboutP(88))}
			}
		case roll < 43 && ca >= 0:
			b := takeCoworker(ca)
			c := -1
			if b >= 0 {
				c = takeCoworker(ca)
			}
			switch {
			case c >= 0:
				t.shape = shSameCo3
				t.speakers = []slot{mk(a, "speaker", false, aboutP(88)), mk(b, "speaker", false, aboutP(88)), mk(c, "speaker", true, aboutP(88))}
			case b >= 0:
				t.shape = shSameCo2
				t.speakers = []slot{mk(a, "speaker", false, aboutP(88)), mk(b, "speaker", true, aboutP(88))}
			}
		}
		if t.shape == shSingle {
			t.speakers = []slot{mk(a, "speaker", true, aboutP(88))}
		}
	}
}

// drawPerson picks a speaker by popularity, at most three entries per
// person and event.
func (w *world) drawPerson(r *rand.Rand, ev *event, exclude []int, needCompany bool) int {
	ok := func(i int) bool {
		p := w.people[i]
		return p.perEvent[ev.idx] < 3 && !slices.Contains(exclude, i) && (!needCompany || p.companyAt(ev.idx) >= 0)
	}
	for range 200 {
		// Most people give one talk per event; a few give two or three.
		if i := w.pplZipf.draw(r); ok(i) && (w.people[i].perEvent[ev.idx] == 0 || r.IntN(100) < 12) {
			return i
		}
	}
	for start, k := r.IntN(len(w.people)), 0; k < len(w.people); k++ {
		if i := (start + k) % len(w.people); ok(i) {
			return i
		}
	}
	panic("gen: people pool exhausted")
}

// coworker picks someone else working at comp during the event, or -1.
func (w *world) coworker(r *rand.Rand, ev *event, comp int, exclude []int) int {
	if comp < 0 {
		return -1
	}
	var cands []int
	for _, i := range w.byCompany[comp] {
		p := w.people[i]
		if p.companyAt(ev.idx) == comp && p.perEvent[ev.idx] < 3 && !slices.Contains(exclude, i) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return -1
	}
	return cands[r.IntN(len(cands))]
}

// header prints an entry's header line.
func (w *world) header(t *talk) string {
	name := func(s slot) string { return w.people[s.p].name }
	lvl := ""
	if t.level != "" {
		lvl = " [" + t.level + "]"
	}
	sp := t.speakers
	switch t.variant {
	case vAward:
		return t.title
	case vSalon:
		return fmt.Sprintf("%s - hosted by %s, %s", t.title, name(sp[0]), sp[0].printed)
	case vPanel:
		return fmt.Sprintf("Panel: %s%s - Moderated by %s, %s", t.title, lvl, name(sp[0]), sp[0].printed)
	case vKeynote:
		if len(sp) == 2 {
			return fmt.Sprintf("Keynote: %s - %s & %s, %s", t.title, name(sp[0]), name(sp[1]), sp[1].printed)
		}
		return fmt.Sprintf("Keynote: %s - %s, %s, %s", t.title, name(sp[0]), w.people[sp[0].p].role, sp[0].printed)
	case vTrailing:
		if len(sp) == 2 {
			return fmt.Sprintf("%s%s - %s & %s,", t.title, lvl, name(sp[0]), name(sp[1]))
		}
		return fmt.Sprintf("%s%s - %s,", t.title, lvl, name(sp[0]))
	}
	var who string
	switch t.shape {
	case shSingle:
		who = fmt.Sprintf("%s, %s", name(sp[0]), sp[0].printed)
	case shSameCo2:
		who = fmt.Sprintf("%s & %s, %s", name(sp[0]), name(sp[1]), sp[1].printed)
	case shDiffCo2:
		who = fmt.Sprintf("%s, %s & %s, %s", name(sp[0]), sp[0].printed, name(sp[1]), sp[1].printed)
	case shSameCo3:
		who = fmt.Sprintf("%s, %s & %s, %s", name(sp[0]), name(sp[1]), name(sp[2]), sp[2].printed)
	}
	return t.title + lvl + " - " + who
}

const listingOrg = "Cloud Native Computing Foundation"

// renderListing writes the listing page of an event, entries in the page's
// order: by header, the sessions posted a day earlier last.
func (w *world) renderListing(r *rand.Rand, ev *event) ([]byte, []TalkRecord) {
	for _, t := range ev.talks {
		t.header = w.header(t)
	}
	sort.SliceStable(ev.talks, func(i, j int) bool {
		a, b := ev.talks[i], ev.talks[j]
		if a.early != b.early {
			return !a.early
		}
		return a.header < b.header
	})
	posted := ev.end().AddDate(0, 0, 5+r.IntN(16))
	footer := fmt.Sprintf("Join us for KubeCon + CloudNativeCon in %s, %s, and %s! Learn more at The event brings together "+
		"the people who build and run Kubernetes, Prometheus, Envoy and the rest of the cloud native ecosystem.",
		ev.upcoming[0], ev.upcoming[1], ev.upcoming[2])
	trunc := func(s string) string { return string([]rune(s)[:20]) + "…" }
	top := fmt.Sprintf("%s / %s (%s)", listingOrg, ev.name, ev.city)
	lines := []string{top, "", "Add meeting Rate page Subscribe", "", top, "",
		fmt.Sprintf("These are all the meetings we have in %q (part of the organization %q). Click into individual meeting "+
			"pages to watch the recording and search or read the transcript.", trunc(ev.name), trunc(listingOrg)), ""}
	var recs []TalkRecord
	for k, t := range ev.talks {
		day := posted
		if t.early {
			day = posted.AddDate(0, 0, -1)
		}
		lines = append(lines, fmt.Sprintf("%d %s %d", day.Day(), day.Month().String()[:3], day.Year()), "")
		rec := TalkRecord{Event: ev.name, Line: len(lines) + 1, Header: t.header, Title: t.title, Kind: t.kind,
			Level: levelNames[t.level], Minutes: t.minutes, Participants: t.participants}
		lines = append(lines, t.header)
		body := false
		for i, p := range t.abstract {
			if i == 0 {
				lines = append(lines, "")
			} else {
				lines = append(lines, "")
			}
			lines = append(lines, strings.Split(p, "\n")...)
			body = true
		}
		// About sections in no particular order, as on the real page.
		order := r.Perm(len(t.speakers))
		for _, i := range order {
			s := t.speakers[i]
			if !s.about {
				continue
			}
			p := w.people[s.p]
			company := ""
			if s.comp >= 0 {
				company = w.companies[s.comp].name
			}
			lines = append(lines, "", "About "+p.name)
			lines = append(lines, p.bio(company)...)
			body = true
		}
		_ = body
		lines = append(lines, footer)
		if t.participants == 1 {
			lines = append(lines, "  • 1 participant")
		} else {
			lines = append(lines, fmt.Sprintf("  • %d participants", t.participants))
		}
		if t.minutes >= 60 {
			lines = append(lines, fmt.Sprintf("  • %d:%02d hours", t.minutes/60, t.minutes%60))
		} else {
			lines = append(lines, fmt.Sprintf("  • %d minutes", t.minutes))
		}
		lines = append(lines, "youtube image")
		if k < len(ev.talks)-1 {
			lines = append(lines, "")
		}
		for _, s := range t.speakers {
			p := w.people[s.p]
			sr := SpeakerRecord{Name: p.name, Part: s.part, Printed: s.printed}
			if s.comp >= 0 {
				sr.Company = w.companies[s.comp].name
			}
			if t.variant == vKeynote && len(t.speakers) == 1 {
				sr.Role = p.role
			}
			rec.Speakers = append(rec.Speakers, sr)
		}
		for _, p := range t.projects {
			rec.Projects = append(rec.Projects, p.Name)
		}
		sort.Strings(rec.Projects)
		recs = append(recs, rec)
	}
	return []byte(strings.Join(lines, "\n")), recs
}
