package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/projectmatch"
	"github.com/confgraph/confgraph/loaders/recap"
)

// span is the text that describes one item: the lines after it up to the
// next item or heading.
type span struct {
	lines []recap.Line
}

func (s span) text() string {
	var b strings.Builder
	for _, l := range s.lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// itemSpans returns, for each item, the lines that describe it: from the
// line after it to the next item's line or the next heading, furniture
// left out, at most maxSpanLines.
func itemSpans(doc *recap.Document, items []recap.Item) []span {
	const (
		maxSpanLines      = 40
		maxSpanParagraphs = 3
	)
	stop := map[int]bool{}
	furniture := map[int]bool{}
	for _, it := range items {
		stop[it.Line] = true
	}
	for _, b := range doc.Layout.Blocks {
		switch b.Kind {
		case layout.Heading:
			stop[b.Line] = true
		case layout.Furniture:
			furniture[b.Line] = true
		case layout.Paragraph:
			if b.Standalone && len(strings.Fields(b.Text)) <= 8 && !strings.ContainsAny(b.Text, ":/@") {
				stop[b.Line] = true // a plain-text heading, not a "Watch: URL" line
			}
			if boothText(b.Text) {
				stop[b.Line] = true // "Come and say hello at our kiosk …": the page's, no session's
			}
		}
	}
	// "10:30 - 10:37 CET" alone over each entry: the time leads its entry,
	// and a time under an entry is the next one's.
	prevTime := timesLead(doc, items)
	if prevTime != nil {
		for _, l := range doc.Lines {
			if timeOnly.MatchString(l.Text) {
				stop[l.No] = true
			}
		}
	}
	// line → level of the list item that starts there; a "- Speakers: …"
	// field of the entry above is no entry of its own.
	listLevel, entry := map[int]int{}, map[int]bool{}
	for _, b := range doc.Layout.Blocks {
		if b.Kind == layout.ListItem {
			opensWithLink := len(b.Links) > 0 && strings.HasPrefix(b.Text, b.Links[0].Text)
			listLevel[b.Line], entry[b.Line] = b.Level, b.Key == "" || b.Ordinal > 0 || opensWithLink
		}
	}
	out := make([]span, len(items))
	for i, it := range items {
		// A talk named in running text is described by the rest of its
		// own paragraph first; so is a linked title followed on its line
		// by a sentence about it ("[Title](video): A and B shared how …").
		if proseRule[it.Rule] || it.Rule == recap.RuleLinkItem {
			for _, l := range doc.Lines {
				if l.No == it.Line {
					if at := strings.Index(l.Text, it.Title); at >= 0 {
						rest := linkTarget.ReplaceAllString(l.Text[at+len(it.Title):], "")
						if proseRule[it.Rule] || len(strings.Fields(rest)) >= minDescribingWords && !recap.OnlyAttribution(rest) {
							out[i].lines = append(out[i].lines, recap.Line{No: l.No, Text: rest})
						}
					}
				}
			}
		}
		if l, ok := prevTime[it.Line]; ok {
			out[i].lines = append(out[i].lines, l)
		}
		level, inList := listLevel[it.Line]
		paragraphs, blank := 0, true
		for _, l := range doc.Lines {
			if l.No <= it.Line {
				continue
			}
			if stop[l.No] || l.No > it.Line+maxSpanLines {
				break
			}
			if lv, ok := listLevel[l.No]; ok && inList && entry[l.No] && lv <= level {
				break // the next entry of the list the item is one of
			}
			if strings.TrimSpace(l.Text) == "" {
				blank = true
				continue
			}
			if blank {
				if paragraphs++; paragraphs > maxSpanParagraphs {
					break
				}
				blank = false
			}
			if !furniture[l.No] {
				out[i].lines = append(out[i].lines, l)
			}
		}
	}
	return out
}

// boothWords say a paragraph is about where to meet the page's people
// (a booth, a kiosk, the project pavilion), not about a session.
var boothWords = regexp.MustCompile(`(?i:\b(?:booth|kiosk|pavilion)|\p{L}-stand\b)|\b(?:am|zum|unserem|unseren)\s+Stand\b|展位|展台|ブース|부스`)

// boothText reports a paragraph boothWords matches, tried only when a
// piece of one of its words is there (most paragraphs have none).
func boothText(t string) bool {
	for _, w := range []string{"ooth", "OOTH", "iosk", "IOSK", "avilion", "AVILION", "Stand", "stand", "展", "ブース", "부스"} {
		if strings.Contains(t, w) {
			return boothWords.MatchString(t)
		}
	}
	return false
}

// timeOnly is a line that holds only a time or a range of times ("10:30 -
// 10:37 CET", "**11:00am**").
var timeOnly = regexp.MustCompile(`(?i)^\W*\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?(?:\s+[a-z]{2,4})?\W*$`)

// timesLead returns, for each item right under a line holding only its
// time, that line — when at least two items, and half of them, are
// written so: a schedule whose times stand above their entries. Else nil.
func timesLead(doc *recap.Document, items []recap.Item) map[int]recap.Line {
	prev := map[int]recap.Line{}
	var last recap.Line
	at := map[int]bool{}
	for _, it := range items {
		at[it.Line] = true
	}
	for _, l := range doc.Lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		if at[l.No] && last.No > 0 && timeOnly.MatchString(last.Text) {
			prev[l.No] = last
		}
		last = l
	}
	if len(prev) < 2 || len(prev)*2 < len(items) {
		return nil
	}
	return prev
}

// minDescribingWords is how long the rest of a linked title's line must
// be to describe the talk: a sentence, not an attribution ("- Ana Luz,
// Acme") whose company might share a project's name.
const minDescribingWords = 8

// linkTarget is what is left of a Markdown link after its text: "](url)".
var linkTarget = regexp.MustCompile(`^\W*\]\([^)\s]*\)`)

var articleBefore = regexp.MustCompile(`(?i)\b(?:the|a|an|our|your|my|their|his|her)\s+$`)

// afterArticle reports a word of a title that follows an article or a
// possessive ("the Helm", "a Harbor").
func afterArticle(title string, at int) bool {
	return articleBefore.MatchString(title[:at])
}

// againWithoutArticle reports a title that names h's project a second
// time, not after an article: "Expanding the Helm Ecosystem With Helm 4".
func againWithoutArticle(title string, h projectmatch.Hit) bool {
	name := strings.ToLower(title[h.Start:h.End])
	lower := strings.ToLower(title)
	for at := h.End; ; {
		i := strings.Index(lower[at:], name)
		if i < 0 {
			return false
		}
		start := at + i
		end := start + len(name)
		if (start == 0 || !isWordByte(lower[start-1])) && (end == len(lower) || !isWordByte(lower[end])) && !afterArticle(title, start) {
			return true
		}
		at = end
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

// discussesSpan links a talk to the projects its title or its own
// description names.
//
// A talk's title is read against the words of the whole document: a
// schedule or a recap of a cloud-native conference is the context that
// makes "Envoy at the Edge" the proxy. A name after an article in a title
// ("Who Takes the Helm") is a word.
func (w *World) discussesSpan(b *confgraph.Batch, doc *recap.Document, talk *confgraph.Talk, it recap.Item, sp span, docWords map[string]bool) {
	context := it.Title + "\n" + sp.text()
	link := newProjectLinker(b, confgraph.RelDiscusses, talk.ID, doc.Name)
	for _, h := range w.Projects.FindIn(it.Title, docWords) {
		if h.Spec.Ambiguous && afterArticle(it.Title, h.Start) && !againWithoutArticle(it.Title, h) {
			continue
		}
		link.add(h, it.Line, it.Text)
	}
	var companies []string
	for _, s := range it.Speakers {
		companies = append(companies, s.Company)
	}
	row := func(no int) bool {
		k, ok := doc.Layout.At(no)
		return ok && doc.Layout.Blocks[k].Kind == layout.TableRow
	}
	for _, l := range sp.lines {
		if row(it.Line) {
			// A row's projects are its own cells'; the rows under it are
			// other items, and the text after the table is about them all.
			break
		}
		text := projectText(l.Text, companies)
		for _, h := range w.Projects.Find(text, context) {
			link.add(h, l.No, sentenceAround(text, h.Start))
		}
	}
}

var (
	levelWord  = regexp.MustCompile(`(?i)\b(beginner|intermediate|advanced|any)\b`)
	clockRange = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})\s*(am|pm)?(?:\s+(?-i:[A-Z]{2,4}))?\s*(?:-|–|to|,)\s*(\d{1,2}):(\d{2})\s*(am|pm)?`)
	minutesIn  = regexp.MustCompile(`(?i)\b(\d{1,3})\s*(?:min|mins|minutes|分)\b`)
)

// scheduleBatch turns a schedule's items into talks of its event, with
// their speakers, companies, the projects each one's title and description
// name, and the level and duration the schedule prints. A schedule makes
// no recap.
func (w *World) scheduleBatch(doc *recap.Document, known *talkIndex, items []recap.Item) (*confgraph.Batch, error) {
	event, err := w.documentEvent(doc, items)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: skipped: cannot tell which event the schedule lists: %v", doc.Name, doc.TitleLine, err)
	}
	b := confgraph.NewBatch()
	b.AddNode(event)
	spans := itemSpans(doc, items)
	docWords := projectmatch.Words(doc.Text())
	for i, it := range items {
		if it.Weak || len(it.Speakers) == 0 && !structural[it.Rule] && !it.Keynote && !it.Recording && !kindLeadLine.MatchString(it.Text) {
			// A schedule names its talks with their speakers or in its
			// structure; a bare heading there is a section ("Service Mesh").
			continue
		}
		id := confgraph.ID(confgraph.LabelTalk, event.ID+" "+it.Title)
		if b.Node(id) != nil {
			// Named twice (a list of our sessions, then the agenda): one
			// talk, with the people either mention gives.
			w.presenters(b, known, doc, id, it)
			continue
		}
		talk := &confgraph.Talk{ID: id, Title: it.Title, Kind: confgraph.KindTalk}
		detail := it.Text + "\n" + spans[i].text()
		if k, ok := doc.Layout.At(it.Line); ok && doc.Layout.Blocks[k].Kind == layout.TableRow {
			// A row's time and level are its own cells'; the rows under
			// it ("4月20日 10:30 - 14:30 | Booth open") are other items,
			// and the text after the table is about them all.
			detail = it.Text
			bl := doc.Layout.Blocks[k]
			for k, h := range bl.Header {
				if k < len(bl.Cells) && strings.Contains(strings.ToLower(h), "level") {
					detail += "\nLevel: " + bl.Cells[k]
				}
			}
		}
		switch {
		case it.Keynote || keynoteLead.MatchString(it.Text):
			talk.Kind = confgraph.KindKeynote
		case panelLead.MatchString(it.Text):
			talk.Kind = confgraph.KindPanel
		}
		if m := levelWord.FindStringSubmatch(levelLine(detail)); m != nil && !strings.EqualFold(m[1], "any") {
			talk.Level = confgraph.Level(strings.ToUpper(m[1]))
		}
		talk.DurationMinutes = duration(detail)
		sessionWhen(doc, it, spans[i], event.Year).apply(talk, doc.Name)
		b.AddNode(talk)
		b.AddRel(confgraph.Relationship{Type: confgraph.RelPartOf, From: talk.ID, To: event.ID, Evidence: itemEvidence(doc, it)})
		w.presenters(b, known, doc, talk.ID, it)
		w.discussesSpan(b, doc, talk, it, spans[i], docWords)
	}
	return b, nil
}

// proseRule are the rules that read a talk inside running text.
var proseRule = map[string]bool{recap.RuleQuotedTitle: true, recap.RuleProseTitle: true, recap.RuleNamedInProse: true, recap.RuleLinkInProse: true}

// structural are the rules that read a talk from a schedule's structure,
// where a talk may have no speaker ("Keynote: Closing Remarks"), or from
// the title of a page about one talk.
var structural = map[string]bool{recap.RuleTableRow: true, recap.RuleKeyValue: true, recap.RuleLinkItem: true, recap.RuleTalkPage: true}

var kindLeadLine = regexp.MustCompile(`(?i)^\W*(?:keynote|lightning talk|panel|tutorial|workshop)\s*[:：]`)

var (
	keynoteLead = regexp.MustCompile(`(?i)^\W*(?:\w+\s+){0,2}keynote\s*[:：]`)
	panelLead   = regexp.MustCompile(`(?i)(?:^\W*|[:|,]\s*["“]?)panel\s*[:：]|\|\s*panel\s*\|`)
)

// levelLine returns the line of a description that states a level
// ("Content Experience Level: Intermediate"), passing over lines where
// "level" means a floor ("Level 1 | Room 151").
func levelLine(detail string) string {
	for _, l := range strings.Split(detail, "\n") {
		if strings.Contains(strings.ToLower(l), "level") && levelWord.MatchString(l) {
			return l
		}
	}
	return ""
}

// duration reads a session's length from a time range ("11:15am -
// 11:50am", "9:00am EST - 9:05am EST") or a stated number of minutes.
func duration(detail string) int {
	if m := clockRange.FindStringSubmatch(detail); m != nil {
		h1, _ := strconv.Atoi(m[1])
		m1, _ := strconv.Atoi(m[2])
		h2, _ := strconv.Atoi(m[4])
		m2, _ := strconv.Atoi(m[5])
		pm := func(h int, ap string) int {
			switch strings.ToLower(ap) {
			case "pm":
				if h < 12 {
					return h + 12
				}
			case "am":
				if h == 12 {
					return 0
				}
			}
			return h
		}
		a := pm(h1, m[3])*60 + m1
		ap := m[6]
		if ap == "" {
			ap = m[3]
		}
		z := pm(h2, ap)*60 + m2
		if d := z - a; d > 0 && d <= 8*60 {
			return d
		}
	}
	if m := minutesIn.FindStringSubmatch(detail); m != nil {
		d, _ := strconv.Atoi(m[1])
		return d
	}
	return 0
}

// When and where a schedule places a session. The rules read the item's
// table row (columns named date, start, room …) or the lines under it: the
// first line that holds both a day and a clock time (a sched page's
// "Wednesday March 20, 2024 11:00am - 11:35am CET", a post's "When:
// Wednesday, November 13, 11:15am - 11:50am MST"), and the room from a
// "Where:" / "Venue:" / "Room:" line or, on a sched page, the venue line
// right after the time. A day without a year takes the event's year. A
// day heading alone ("Day 2", "Wednesday, March 20") dates nothing: the
// lines under a session must say it.

// ruleScheduleWhen names the rule in the evidence of a talk's day and time.
const ruleScheduleWhen = "schedule-when"

// whenLookahead is how many lines under a session the day and time may be.
const whenLookahead = 6

var (
	isoDay       = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	monthName    = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`
	monthDay     = regexp.MustCompile(`(?i)\b` + monthName + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	dayMonth     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthName + `(?:,?\s+(\d{4})\b)?`)
	sessionClock = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})\s*(am|pm)?`)
	whereKey     = regexp.MustCompile(`(?i)^\W*(?:where|venue|room|location)\s*[:：]\s*(\S.*?)\s*$`)
	roomWord     = regexp.MustCompile(`(?i)\b(?:room|hall|ballroom|level|foyer|stage|theat(?:er|re)|salon|auditorium|cent(?:er|re))\b|\|`)
)

var monthNumber = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// when is what a schedule says of one session's day, time and room.
type when struct {
	date, start, room string
	line              int
	text, rule        string
}

func (w when) apply(t *confgraph.Talk, docName string) {
	if w.date == "" && w.start == "" && w.room == "" {
		return
	}
	t.Date, t.StartsAt, t.Room = w.date, w.start, w.room
	t.Scheduled = confgraph.Evidence{Document: docName, Line: w.line, Snippet: w.text, Rule: w.rule}
}

// sessionWhen reads when and where the schedule places the item.
func sessionWhen(doc *recap.Document, it recap.Item, sp span, year int) when {
	if k, ok := doc.Layout.At(it.Line); ok && doc.Layout.Blocks[k].Kind == layout.TableRow {
		if w, ok := tableWhen(doc.Layout.Blocks[k], year); ok {
			w.line, w.text, w.rule = it.Line, it.Text, recap.RuleTableRow
			return w
		}
	}
	var w when
	lines := sp.lines[:min(len(sp.lines), whenLookahead)]
	for i, l := range lines {
		if w.date != "" {
			break
		}
		day := dayIn(l.Text, year)
		m := sessionClock.FindStringSubmatch(l.Text)
		if day == "" || m == nil {
			continue
		}
		w.date, w.start = day, clock(m)
		w.line, w.text, w.rule = l.No, strings.TrimSpace(l.Text), ruleScheduleWhen
		// A sched page names the venue on the line after the time.
		if i+1 < len(lines) {
			if next := strings.TrimSpace(lines[i+1].Text); len(next) < 100 && roomWord.MatchString(next) && !strings.HasSuffix(next, ".") &&
				!strings.Contains(next, ":") {
				w.room = next
			}
		}
	}
	for _, l := range lines {
		if m := whereKey.FindStringSubmatch(l.Text); m != nil {
			w.room = m[1]
			if w.line == 0 {
				w.line, w.text, w.rule = l.No, strings.TrimSpace(l.Text), ruleScheduleWhen
			}
			break
		}
	}
	return w
}

// tableWhen reads a table row's columns: a day, a start time and a room.
func tableWhen(bl layout.Block, year int) (when, bool) {
	var w when
	for k, h := range bl.Header {
		if k >= len(bl.Cells) {
			break
		}
		cell := strings.TrimSpace(bl.Cells[k])
		switch h := strings.ToLower(strings.TrimSpace(h)); {
		case h == "date" || h == "day":
			w.date = dayIn(cell, year)
		case h == "start" || h == "time" || h == "starts" || h == "start time":
			if m := sessionClock.FindStringSubmatch(cell); m != nil {
				w.start = clock(m)
			}
		case h == "room" || h == "location" || h == "venue" || h == "where":
			w.room = cell
		}
	}
	return w, w.date != "" || w.start != "" || w.room != ""
}

// dayIn returns the day a text names (2024-08-21, March 20, 2024, 20
// March), YYYY-MM-DD, a missing year taken from year; "" when none or no
// such day.
func dayIn(text string, year int) string {
	var y, mo, d int
	switch {
	case isoDay.MatchString(text):
		m := isoDay.FindStringSubmatch(text)
		y, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		d, _ = strconv.Atoi(m[3])
	case monthDay.MatchString(text):
		m := monthDay.FindStringSubmatch(text)
		mo = monthNumber[strings.ToLower(m[1])[:3]]
		d, _ = strconv.Atoi(m[2])
		y = year
		if m[3] != "" {
			y, _ = strconv.Atoi(m[3])
		}
	case dayMonth.MatchString(text):
		m := dayMonth.FindStringSubmatch(text)
		d, _ = strconv.Atoi(m[1])
		mo = monthNumber[strings.ToLower(m[2])[:3]]
		y = year
		if m[3] != "" {
			y, _ = strconv.Atoi(m[3])
		}
	default:
		return ""
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y < 1990 || mo < 1 || mo > 12 || t.Day() != d {
		return ""
	}
	return t.Format("2006-01-02")
}

// clock turns a matched clock time into HH:MM on 24 hours.
func clock(m []string) string {
	h, _ := strconv.Atoi(m[1])
	switch strings.ToLower(m[3]) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 {
		return ""
	}
	return fmt.Sprintf("%02d:%s", h, m[2])
}
