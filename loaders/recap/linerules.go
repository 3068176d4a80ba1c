package recap

import (
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/loaders/attrib"
	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/listing"
)

// The line rules read a recap line by line, as a reader skims it for the
// sessions it names. Each rule is a function below; the first that reads a
// line names the item it makes (Item.Rule), and the facts read from the
// item carry that name as their evidence's rule.
//
// Two shapes of "A - B" line are named here rather than in rules.go: they
// name a session by its speaker.
const (
	RuleSpeakerDashCompany = "speaker-dash-company" // "### Ada Quill - Larchmont": the session is known by its speaker
	RuleSpeakerDashTitle   = "speaker-dash-title"   // "Ada Quill - Gardening for Operators": speaker, then title
)

// Thresholds of the line rules.
const (
	// maxCompanyWords is the longest text after a speaker's dash read as
	// their company ("Ada Quill - Larchmont Data Works"); a longer one is
	// a title ("Ada Quill - Gardening for Busy Operators"). Company names
	// of four words or more are rare, titles of three words or fewer are
	// read by the other rules.
	maxCompanyWords = 3
	// minDashTitleWords is the shortest text before a dash read as a
	// title with people after it: a single word before the dash
	// ("Keynote - Ada Quill, Larchmont") labels a block, not a session.
	minDashTitleWords = 2
	// maxSectionWords is the longest structural title-like line taken as
	// the name of the section it opens ("Day 2 Morning Keynotes"); longer
	// lines are titles that merely contain a structural word.
	maxSectionWords = 6
	// minCaptionLines is how many lines must share a "Prefix:" opening
	// before they are read as a gallery's captions ("Booth: …", three
	// times); two lines with one prefix may well be two sessions of a
	// track.
	minCaptionLines = 3
	// maxCaptionPrefixWords is the longest "Prefix:" that captions share
	// ("Day 1 Booth:"); a longer text before a colon is a title's first
	// half.
	maxCaptionPrefixWords = 3
)

// lineItems runs the line rules over the document's lines, in order.
func (d *Document) lineItems() []Item {
	lines, g := d.Lines, d.Gazetteer
	alone := standaloneLines(d.Layout)
	captions := captionPrefixes(lines)
	deepest := deepestHeading(lines)
	var items []Item
	section := ""
	add := func(it Item, l Line) {
		it.Line, it.Text, it.Section = l.No, l.Text, section
		items = append(items, it)
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.Text)
		if l.No == d.TitleLine || noLineItem(t, captions) {
			continue
		}
		place, t := placeOf(t, deepest)
		switch place {
		case placeSection:
			section = t
			continue
		case placeProse:
			continue
		}
		heading := place == placeSessionHeading
		if it, ok := titleWithSpeakers(t, heading, g); ok {
			add(it, l)
			continue
		}
		shape := capitalProject(t, g)
		strict := titleShaped(shape)
		if !looseTitle(shape) {
			for _, it := range namedInProseItems(t) {
				add(it, l)
			}
			continue
		}
		if !heading && speakerLine(t, g) != nil {
			continue // a line of people under a title, not a title
		}
		if k := colonPrefix(t); !heading && k != "" && fieldKey(strings.ToLower(k)) {
			continue // "Venue Location: CodeNode, London", "Time: 9:00am": a field, not a title
		}
		next := nextText(lines, i+1, captions)
		if it, ok := titleThenPeople(t, next, strict, g); ok {
			add(it, l)
			continue
		}
		if !heading && !blankBefore(lines, i) && !alone[l.No] {
			continue // a line inside a paragraph
		}
		if it, ok := titleAlone(t, next, heading, strict); ok {
			add(it, l)
		}
		if !strict && blockish(t) && len(strings.Fields(t)) <= maxSectionWords {
			section = t
		}
	}
	return items
}

// noLineItem reports a line no line rule reads: an empty line, a photo
// caption of a gallery, and lines opening like an image, a quotation, a
// table, a list or a link ("![", "> ", "| ", "* ", "- ", "• ", "["),
// which the block rules read.
func noLineItem(t string, captions map[string]bool) bool {
	return t == "" || isCaption(t, captions) || strings.ContainsAny(t[:1], "!>|*-•[")
}

// A linePlace is where a post's Markdown structure puts a line.
type linePlace int

const (
	// placeText is a line of a post that has no Markdown subheadings,
	// whose sessions stand on plain lines.
	placeText linePlace = iota
	// placeSessionHeading is a heading at the deepest level a post with
	// subheadings uses ("### Gardening for Operators" under "## Day 1"):
	// the level that names its sessions.
	placeSessionHeading
	// placeSection is a heading above that level ("## Day 1"), or any
	// heading of a post whose only level is "#": a part of the post.
	placeSection
	// placeProse is a plain line of a post structured by subheadings: it
	// names its sessions in headings, so its plain lines are prose.
	placeProse
)

// placeOf places line t in a post whose deepest Markdown heading has
// level deepest, and returns its text without the heading's marks.
func placeOf(t string, deepest int) (linePlace, string) {
	m := mdHeading.FindStringSubmatch(t)
	switch {
	case m != nil && (len(m[1]) != deepest || deepest < 2):
		return placeSection, m[2]
	case m != nil:
		return placeSessionHeading, m[2]
	case deepest >= 2:
		return placeProse, t
	}
	return placeText, t
}

// deepestHeading returns the deepest Markdown heading level the lines use,
// 0 for none.
func deepestHeading(lines []Line) int {
	texts := map[int][]string{}
	for _, l := range lines {
		if m := mdHeading.FindStringSubmatch(l.Text); m != nil {
			texts[len(m[1])] = append(texts[len(m[1])], m[2])
		}
	}
	return sessionLevel(texts)
}

// sessionLevel is the deepest heading level of a post, given the texts
// of its headings by level, passing over a level of template subheadings:
// "### 感想" or "### Takeaways" repeated under each session's heading say
// the level above names the sessions.
func sessionLevel(texts map[int][]string) int {
	deepest := 0
	for lv := range texts {
		deepest = max(deepest, lv)
	}
	for lv := deepest; lv > 1; lv-- {
		if !templateHeadings(texts[lv]) {
			return lv
		}
		if len(texts[lv-1]) == 0 {
			return lv
		}
	}
	return deepest
}

// templateHeadings reports headings most of which repeat one text: the
// same subheading under every session.
func templateHeadings(ts []string) bool {
	if len(ts) < minConventionHeadings {
		return false
	}
	count := map[string]int{}
	top := 0
	for _, t := range ts {
		k := strings.ToLower(strings.TrimSpace(t))
		count[k]++
		top = max(top, count[k])
	}
	return top*2 > len(ts)
}

// standaloneLines returns the lines the layout found standing alone
// although no blank line sets them apart (a web page's title elements).
func standaloneLines(d *layout.Doc) map[int]bool {
	alone := map[int]bool{}
	for _, b := range d.Blocks {
		if b.Standalone {
			alone[b.Line] = true
		}
	}
	return alone
}

// titleWithSpeakers reads a line split by a dash, trying its dashes from
// the last: "Title - Speaker, Company" (titleDashPeople) and, at the first
// dash only, "Speaker - Company" (speakerDashCompany) and "Speaker -
// Title" (speakerDashTitle). Text after the dash ending in a full stop
// (other than a company's "Inc.") or a colon is a sentence or a lead, not
// an attribution.
func titleWithSpeakers(t string, heading bool, g attrib.Gazetteer) (Item, bool) {
	seps := dashSplit.FindAllStringIndex(t, -1)
	for k := len(seps) - 1; k >= 0; k-- {
		left := strings.TrimSpace(t[:seps[k][0]])
		right := strings.TrimSpace(t[seps[k][1]:])
		if left == "" || right == "" || strings.HasSuffix(right, ".") && !legalEnding(right) || strings.HasSuffix(right, ":") {
			continue
		}
		if sp := dashPeople(left, right, g); sp != nil {
			if it, ok := titleDashPeople(left, sp, heading); ok {
				return it, true
			}
			continue // people after the dash, but no title before it
		}
		if k > 0 || !speakerFirst(left, right, heading) {
			continue
		}
		if it, ok := speakerDashCompany(t, left, right); ok {
			return it, true
		}
		if it, ok := speakerDashTitle(t, left, right); ok {
			return it, true
		}
	}
	return Item{}, false
}

// dashPeople returns the people after a dash when they read as an
// attribution: a person first, the last with a company or a list of
// attrib.MinNamesList full names, and a title of at least
// minDashTitleWords words before the dash ("Gardening for Operators - Ada
// Quill, Larchmont"; "… - Ada Quill, Bo Chan, Cy Diaz"). It returns nil
// otherwise.
func dashPeople(left, right string, g attrib.Gazetteer) []listing.Speaker {
	sp := speakerList(right, g)
	attributed := len(sp) > 0 && (sp[0].Company != "" || len(sp) >= attrib.MinNamesList)
	if attributed && listing.Personish(sp[0].Name) && len(strings.Fields(left)) >= minDashTitleWords {
		return sp
	}
	return nil
}

// titleDashPeople reads "Gardening for Operators [I] - Ada Quill,
// Larchmont": the text before the dash is the title of a session the
// people after it gave. A level mark (" I", " [B]") is no part of the
// title. The title must be title-shaped or a loose title; a loose one
// makes the item Weak unless the title calls itself a keynote
// ("Keynote: Welcome back - Ada Quill, Larchmont").
func titleDashPeople(left string, sp []listing.Speaker, heading bool) (Item, bool) {
	title := levelSuffix.ReplaceAllString(left, "")
	keynote := keynoteWord.MatchString(left)
	if !keynote && !titleShaped(title) && !looseTitle(title) {
		return Item{}, false
	}
	rule := RuleTitleDash
	if heading {
		rule = RuleHeadingDash
	}
	return Item{Title: cleanTitle(title), Speakers: sp, Weak: !keynote && !titleShaped(title), Rule: rule}, true
}

// speakerFirst reports whether the text before a line's first dash may be
// its speaker: it reads as a person's name and has no structural word
// ("Day Two - Keynotes"), and the line is a heading or reads surely as
// "Ada Quill - Gardening for Busy Operators": only a person before the
// dash, and a title of more than maxCompanyWords words after it.
func speakerFirst(left, right string, heading bool) bool {
	mayOpen := heading || onlyPerson(left) && titleShaped(right) && len(strings.Fields(right)) > maxCompanyWords
	return mayOpen && listing.Personish(left) && !blockish(left)
}

// speakerDashCompany reads "Ada Quill - Larchmont": a heading that names
// its session by the speaker and their company, at most maxCompanyWords
// words opening with a capital. The whole line is kept as the title, for
// when the name turns out to be no speaker's.
func speakerDashCompany(t, left, right string) (Item, bool) {
	if !listing.Personish(left) || len(strings.Fields(right)) > maxCompanyWords || !startsUpper(right) {
		return Item{}, false
	}
	return Item{Title: t, Speakers: []listing.Speaker{{Name: left, Company: right, Part: "speaker"}}, SpeakerOnly: true,
		NamedBySpeaker: true, Heading: cleanTitle(t), Rule: RuleSpeakerDashCompany}, true
}

// speakerDashTitle reads "Ada Quill - Gardening for Busy Operators": the
// speaker, then a title of more than maxCompanyWords words. The speaker
// counts even when no listing knows them (SurelyNamed) when the name is
// only a person's and the rest is title-shaped.
func speakerDashTitle(t, left, right string) (Item, bool) {
	if len(strings.Fields(right)) <= maxCompanyWords {
		return Item{}, false
	}
	return Item{Title: right, Speakers: []listing.Speaker{{Name: left, Part: "speaker"}}, NamedBySpeaker: true, Heading: cleanTitle(t),
		SurelyNamed: onlyPerson(left) && titleShaped(right), Rule: RuleSpeakerDashTitle}, true
}

// namedInProse finds sessions a sentence names: "the talk named
// Crossing the River by Feeling the Stones".
var namedInProse = regexp.MustCompile(`\b(?:talk|session|keynote|presentation|workshop|one)s?\s+(?:named|called|titled|entitled)\s+["“]?([A-Z0-9][^.!?"”]{3,120}?)["”]?(?:[.!?]\s|[.!?]?$)`)

// namedInProseItems reads the sessions a sentence names after a talk
// word and "named", "called", "titled": "I liked the session called
// Compost for Clusters." A name that is not title-shaped ("the one called
// Steve") is passed over.
func namedInProseItems(t string) []Item {
	var out []Item
	for _, m := range namedInProse.FindAllStringSubmatch(t, -1) {
		if titleShaped(m[1]) {
			out = append(out, Item{Title: strings.TrimSpace(m[1]), Rule: RuleNamedInProse})
		}
	}
	return out
}

// titleThenPeople reads a title line with its people on the next line:
//
//	Gardening for Operators
//	Ada Quill, Staff Engineer, Larchmont
//
// The people's line may also be one person and a job ("Ada Quill,
// Gardener") or a speakers' lead ("Speakers: Ada Quill and Bo Reed
// (Larchmont)"). A title that is loose rather than title-shaped (strict)
// makes the item Weak.
func titleThenPeople(t, next string, strict bool, g attrib.Gazetteer) (Item, bool) {
	sp := honorificBy(next)
	if sp == nil {
		sp = speakerLine(next, g)
	}
	if sp == nil {
		sp = nameAndRoleLine(next, g)
	}
	if m := speakerLead.FindStringSubmatch(next); sp == nil && m != nil {
		sp = people(m[1], g)
	}
	if len(sp) == 0 {
		return Item{}, false
	}
	return Item{Title: cleanTitle(t), Speakers: sp, Weak: !strict, Rule: RuleTitleThenPeople}, true
}

// titleAlone reads a title standing alone: a heading at the level that
// names sessions (RuleHeading), or a line set apart above a paragraph of
// running text (RuleStandaloneTitle):
//
//	Gardening for Operators
//
//	Ada showed how she keeps a hundred clusters weeded.
//
// A loose title (not strict) makes the item Weak. A plain line followed
// by no prose is no title: a list of links, a line of a poem.
func titleAlone(t, next string, heading, strict bool) (Item, bool) {
	if !heading && !proseLine(next) {
		return Item{}, false
	}
	rule := RuleStandaloneTitle
	if heading {
		rule = RuleHeading
	}
	return Item{Title: cleanTitle(t), Weak: !strict, Rule: rule}, true
}

// captionPrefixes returns the "Prefix:" openings that start
// minCaptionLines or more lines: photo captions in a gallery.
func captionPrefixes(lines []Line) map[string]bool {
	count := map[string]int{}
	for _, l := range lines {
		if p := colonPrefix(l.Text); p != "" {
			count[p]++
		}
	}
	out := map[string]bool{}
	for p, n := range count {
		if n >= minCaptionLines {
			out[p] = true
		}
	}
	return out
}

// colonPrefix returns the text before a line's first ": " when it is
// short enough to be a caption's prefix.
func colonPrefix(t string) string {
	i := strings.Index(t, ": ")
	if i <= 0 || len(strings.Fields(t[:i])) > maxCaptionPrefixWords {
		return ""
	}
	return t[:i]
}

func isCaption(t string, captions map[string]bool) bool {
	p := colonPrefix(t)
	return p != "" && captions[p]
}

// nextText returns the next line with text, passing over photo captions.
func nextText(lines []Line, i int, captions map[string]bool) string {
	for ; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i].Text); t != "" && !isCaption(t, captions) {
			return t
		}
	}
	return ""
}

func blankBefore(lines []Line, i int) bool {
	return i == 0 || strings.TrimSpace(lines[i-1].Text) == ""
}
