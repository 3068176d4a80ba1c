package loaders

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders/recap"
)

// Weights of the evidence for which edition a text is about. A clue in
// the title counts more than one in the opening lines, which counts more
// than one further down; a clue next to words about another edition
// ("next year in", "last year's", "the first KubeCon in") counts against.
const (
	weightTitle   = 6
	weightOpening = 3
	weightBody    = 1
	// A post's own date: written within weeks of the event it is about.
	weightPublished = 5
	openingLines    = 15
	// A conference name's window: how far after "KubeCon" its region, city
	// and year are read.
	nameWindow = 48
)

var (
	confName   = regexp.MustCompile(`(?i)kube\s?con|cloud\s?native\s?con|kccnc|クラウドネイティブ`)
	shortYear  = regexp.MustCompile(`(?:^|[^\w])['’](\d\d)\b`)
	otherTimes = regexp.MustCompile(`(?i)(?:next|last|previous|upcoming|inaugural|first|prior|earlier|past|since|see you (?:all )?(?:again )?(?:at|in)|see you|until|registration for|heading to|in \d{4} in|announced|will be held|will take place|will be in|次回|前回|来年|去年|昨年)\W*(?:\w+\W*){0,3}$`)
)

type eventClue struct {
	region, city string
	year         int
	weight       int
}

// RecapEvent decides which edition a free-form document is about by the
// weight of its evidence: conference names with their region, city and
// year ("KubeCon EU 2022", "KubeConEurope 2019"), host cities and regions
// anywhere, and the publication date. It fails, saying why, when no year
// or no region can be told.
func (w *World) RecapEvent(title string, titleLine int, lines []string, published string) (*confgraph.Event, error) {
	region := map[string]int{}
	city := map[string]int{}
	cityRegion := map[string]string{}
	year := map[int]int{}
	add := func(c eventClue) {
		if c.region != "" {
			region[c.region] += c.weight
		}
		if c.city != "" {
			city[c.city] += c.weight
		}
		if c.year != 0 {
			year[c.year] += c.weight
		}
	}
	// A post's title names what the post is about: "the upcoming KubeCon
	// North America 2023" in a title is that edition, not another.
	read := func(text string, weight int) {
		if strings.TrimSpace(text) == "" {
			return
		}
		// Conference names and what follows them.
		for _, loc := range confName.FindAllStringIndex(text, -1) {
			end := min(len(text), loc[1]+nameWindow)
			win := text[loc[0]:end]
			sign := 1
			if weight != weightTitle && otherEdition(text[max(0, loc[0]-40):loc[0]]) {
				sign = -1
			}
			for _, r := range w.regions {
				for _, n := range append([]string{r.Name}, r.Aliases...) {
					if containsFold(win, n) {
						add(eventClue{region: r.Name, weight: sign * 2 * weight})
						break
					}
				}
			}
			for _, y := range yearsIn(win) {
				add(eventClue{year: y, weight: sign * 2 * weight})
			}
			// "KubeCon US 2018": the country written in capitals names the
			// North American edition ("us" in lower case is a pronoun).
			if usName.MatchString(win) {
				add(eventClue{region: "North America", weight: sign * 2 * weight})
			}
		}
		// The schedule site's address names the edition its sessions
		// belong to: a link to one is as good as the conference's name.
		for _, c := range w.schedEditions(text) {
			add(eventClue{region: c.region, year: c.year, weight: 2 * weight})
		}
		// Host cities and years anywhere.
		for _, c := range w.cities {
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				for _, at := range wordPositions(text, n) {
					sign := 1
					if weight != weightTitle && otherEdition(text[max(0, at-40):at]) {
						sign = -1
					}
					cityRegion[c.Name] = c.Region
					add(eventClue{city: c.Name, region: c.Region, weight: sign * weight})
				}
			}
		}
		for _, r := range w.regions {
			if containsWord(text, r.Name) {
				add(eventClue{region: r.Name, weight: weight})
			}
		}
		for _, yp := range yearPositions(text) {
			if len(text) >= 400 && weight <= weightBody {
				continue
			}
			// "The next KubeCon will be in Amsterdam in 2020": a year in a
			// sentence about another edition counts against it.
			sign := 1
			if weight != weightTitle && (otherEdition(text[max(0, yp.at-60):yp.at]) || nextEdition.MatchString(sentenceOf(text, yp.at))) {
				sign = -1
			}
			add(eventClue{year: yp.year, weight: sign * weight})
		}
	}
	read(title, weightTitle)
	opening := 0
	for i, l := range lines {
		if i+1 == titleLine {
			// The title was read; a title that is the first sentence of a
			// paragraph leaves the rest of it to read.
			if l = strings.TrimSpace(strings.Replace(l, title, "", 1)); l == "" || l == strings.TrimSpace(lines[i]) {
				continue
			}
		}
		wgt := weightBody
		if strings.TrimSpace(l) != "" && opening < openingLines {
			opening++
			wgt = weightOpening
		}
		read(l, wgt)
	}
	if len(published) >= 4 {
		if y, err := strconv.Atoi(published[:4]); err == nil {
			year[y] += weightPublished
			if len(published) >= 7 && published[5:7] <= "02" {
				year[y-1] += weightPublished - 1 // a post in January is often about December
			}
		}
	}
	ev := &confgraph.Event{}
	ev.Year = best(year, later)
	if ev.Year == 0 {
		// "Three days in Copenhagen at KubeCon": a host city of one edition
		// tells the year.
		if c := best(city, earlierName); c != "" {
			for _, x := range w.cities {
				if x.Name == c && len(x.Editions) == 1 {
					ev.Year = x.Editions[0]
				}
			}
		}
	}
	if ev.Year == 0 {
		// "Vom 19.04. bis 21.04. … in Amsterdam": days without a year, in
		// a host city of several editions, tell which one.
		if c := best(city, earlierName); c != "" {
			ev.Year = w.editionByDays(c, append([]string{title}, lines...))
		}
	}
	if ev.Year == 0 {
		return nil, fmt.Errorf("no year for the event (none in the title, the text or a publication date)")
	}
	// Only a region that held an edition that year can be the event's:
	// "KubeCon 2018" retold at a meetup in Tokyo is the Seattle edition.
	if held := w.regionsHeld(ev.Year); len(held) > 0 {
		for r := range region {
			if !held[r] {
				delete(region, r)
			}
		}
		for c := range city {
			if !held[cityRegion[c]] {
				delete(city, c)
			}
		}
	}
	reg := best(region, earlierName)
	if c := best(city, earlierName); c != "" && (reg == "" || cityRegion[c] == reg) {
		ev.City = c
		for _, x := range w.cities {
			if x.Name == c {
				ev.Country = x.Country
			}
		}
		if reg == "" {
			reg = cityRegion[c]
		}
	}
	if reg == "" {
		// "date: 2024-11-14" and no city: the edition held nearest that
		// date in that year.
		if e := w.editionNear(published, ev.Year); e != nil {
			reg = e.Region
			if ev.City == "" {
				ev.City = e.City
			}
		}
	}
	if reg == "" {
		// "Tuesday December 5, 2017 6:00pm" under a session and no city:
		// the edition held nearest the days the text dates.
		if start, _ := dateRange(title+"\n"+strings.Join(lines, "\n"), ev.Year); start != "" {
			if e := w.editionNear(start, ev.Year); e != nil {
				reg = e.Region
				if ev.City == "" {
					ev.City = e.City
				}
			}
		}
	}
	if reg == "" {
		return nil, fmt.Errorf("no city or region for the %d event", ev.Year)
	}
	ev.Name = fmt.Sprintf("KubeCon + CloudNativeCon %s %d", reg, ev.Year)
	ev.ID = confgraph.ID(confgraph.LabelEvent, fmt.Sprintf("%s %d", reg, ev.Year))
	ev.StartDate, ev.EndDate = dateRange(title+"\n"+strings.Join(lines[:min(len(lines), 40)], "\n"), ev.Year)
	if ev.StartDate == "" {
		for _, e := range w.editions {
			if e.Region == reg && e.Year == ev.Year {
				ev.StartDate, ev.EndDate = e.Start, e.End
			}
		}
	}
	return ev, nil
}

// regionsHeld returns the regions that held an edition in year (none for
// a year the data does not list).
func (w *World) regionsHeld(year int) map[string]bool {
	out := map[string]bool{}
	for _, e := range w.editions {
		if e.Year == year {
			out[e.Region] = true
		}
	}
	return out
}

// schedEditions returns the editions the schedule-site addresses in text
// name (recap.SchedSite), one per address.
func (w *World) schedEditions(text string) []eventClue {
	var out []eventClue
	for _, m := range recap.SchedSite.FindAllStringSubmatch(text, -1) {
		code := strings.ToLower(m[1])
		y, _ := strconv.Atoi(m[2])
		if y < 100 {
			y += 2000
		}
		if y < 2015 || y > 2099 {
			continue
		}
		// The longest code the region part ends with ("osschn": chn).
		region, best := "", 0
		for _, r := range w.regions {
			for _, c := range r.Sched {
				if len(c) > best && strings.HasSuffix(code, c) {
					region, best = r.Name, len(c)
				}
			}
		}
		if region != "" {
			out = append(out, eventClue{region: region, year: y})
		}
	}
	return out
}

type yearAt struct{ year, at int }

// Days around an edition a dated post is taken to be about it: previews
// come weeks before, recaps weeks after.
const (
	daysBeforeEdition = 60
	daysAfterEdition  = 45
)

// editionNear returns the edition of year held nearest the date (YYYY-MM-DD)
// within the window a post about it is written in, or nil.
func (w *World) editionNear(date string, year int) *edition {
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return nil
	}
	var best *edition
	bestGap := 0.0
	for i := range w.editions {
		e := &w.editions[i]
		start, err1 := time.Parse("2006-01-02", e.Start)
		end, err2 := time.Parse("2006-01-02", e.End)
		if err1 != nil || err2 != nil || e.Year != year {
			continue
		}
		if d.Before(start.AddDate(0, 0, -daysBeforeEdition)) || d.After(end.AddDate(0, 0, daysAfterEdition)) {
			continue
		}
		gap := math.Abs(d.Sub(start).Hours())
		if best == nil || gap < bestGap {
			best, bestGap = e, gap
		}
	}
	return best
}

// yearPositions returns the plausible conference years of a text with
// where they stand.
func yearPositions(text string) []yearAt {
	var out []yearAt
	for _, m := range yearRe.FindAllStringIndex(text, -1) {
		if y, _ := strconv.Atoi(text[m[0]:m[1]]); y >= 2015 && y <= 2099 {
			out = append(out, yearAt{y, m[0]})
		}
	}
	for _, m := range shortYear.FindAllStringSubmatchIndex(text, -1) {
		if y, _ := strconv.Atoi(text[m[2]:m[3]]); y >= 15 && y <= 39 {
			out = append(out, yearAt{2000 + y, m[2]})
		}
	}
	return out
}

var nextEdition = regexp.MustCompile(`(?i)\b(?:next|upcoming|will be|will take place|see you|cfp|call for (?:papers|proposals)|last year|previous|inaugural)\b|次回|来年|去年|昨年`)

// sentenceOf returns the sentence of text around offset at.
func sentenceOf(text string, at int) string {
	start := strings.LastIndexAny(text[:at], ".!?。\n") + 1
	end := len(text)
	if i := strings.IndexAny(text[at:], ".!?。\n"); i >= 0 {
		end = at + i
	}
	return text[start:end]
}

// yearsIn returns the plausible conference years a text names: 2015 to
// 2099, as "2019" or "'19".
func yearsIn(text string) []int {
	var out []int
	for _, m := range yearRe.FindAllString(text, -1) {
		if y, _ := strconv.Atoi(m); y >= 2015 && y <= 2099 {
			out = append(out, y)
		}
	}
	for _, m := range shortYear.FindAllStringSubmatch(text, -1) {
		if y, _ := strconv.Atoi(m[1]); y >= 15 && y <= 39 {
			out = append(out, 2000+y)
		}
	}
	return out
}

// best returns the key with the largest positive weight, ties broken
// by prefer, or the zero value.
func best[K comparable](m map[K]int, prefer func(a, b K) bool) K {
	var keys []K
	for k, v := range m {
		if v > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return prefer(keys[i], keys[j])
	})
	var zero K
	if len(keys) == 0 {
		return zero
	}
	return keys[0]
}

// later prefers the later year; earlierName the name first in order.
func later(a, b int) bool          { return a > b }
func earlierName(a, b string) bool { return a < b }

// containsFold reports whether hay holds n as a word: case-insensitively
// for names of four letters or more, exactly for short ones ("EU", "NA").
func containsFold(hay, n string) bool {
	if len(n) <= 3 {
		return containsWord(hay, n) || strings.Contains(hay, "Con"+n) // "KubeConEU"
	}
	if !isASCII(n) {
		return strings.Contains(hay, n)
	}
	return containsWord(strings.ToLower(hay), strings.ToLower(n))
}

// wordPositions returns where n stands as a word in text (or anywhere, for
// names not written in Latin letters).
func wordPositions(text, n string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(text[i:], n)
		if j < 0 {
			return out
		}
		s, e := i+j, i+j+len(n)
		if !isASCII(n) || (s == 0 || !isLetter(text[s-1])) && (e == len(text) || !isLetter(text[e])) {
			out = append(out, s)
		}
		i = e
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var (
	dayDotMonth     = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.`)
	editionDayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zäéû]*\b`)
	editionMonthDay = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b`)
)

// editionByDays returns the year of the one edition held in city whose
// days include a day the opening lines name without a year ("19.04.",
// "April 19", "19 April"), or 0.
func (w *World) editionByDays(city string, lines []string) int {
	var days []string // "MM-DD"
	for i, l := range lines {
		if i > openingLines*3 {
			break
		}
		for _, m := range dayDotMonth.FindAllStringSubmatch(l, -1) {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			days = append(days, fmt.Sprintf("%02d-%02d", mo, d))
		}
		for _, m := range editionDayMonth.FindAllStringSubmatch(l, -1) {
			d, _ := strconv.Atoi(m[1])
			days = append(days, fmt.Sprintf("%02d-%02d", monthNumber[strings.ToLower(m[2])], d))
		}
		for _, m := range editionMonthDay.FindAllStringSubmatch(l, -1) {
			d, _ := strconv.Atoi(m[2])
			days = append(days, fmt.Sprintf("%02d-%02d", monthNumber[strings.ToLower(m[1])], d))
		}
	}
	found := 0
	for _, e := range w.editions {
		if e.City != city || len(e.Start) < 10 || len(e.End) < 10 {
			continue
		}
		for _, d := range days {
			if d >= e.Start[5:] && d <= e.End[5:] {
				if found != 0 && found != e.Year {
					return 0 // the days fit two editions
				}
				found = e.Year
			}
		}
	}
	return found
}

var usName = regexp.MustCompile(`^(?i:kubecon|cloudnativecon)(?:\s*(?:\+|&|and)?\s*(?i:cloudnativecon))?\s+(?:US|USA|U\.S\.)\b`)

// personalFirst is the writer's own first time ("my first tech conference:
// KubeCon Europe 2022"), which is this edition, not the first one.
var personalFirst = regexp.MustCompile(`(?i)\b(?:my|our|his|her|their)\s+(?:very\s+)?first\b`)

// otherEdition reports text just before a name, city or year that points
// at another edition ("next year in", "the first KubeCon in").
func otherEdition(before string) bool {
	return otherTimes.MatchString(before) && !personalFirst.MatchString(before)
}
