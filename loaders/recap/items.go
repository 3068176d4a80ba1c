package recap

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/text"
	"github.com/confgraph/confgraph/loaders/attrib"
	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/listing"
)

// Item is a talk, keynote or session a recap writes about by name.
type Item struct {
	Title    string
	Line     int
	Text     string // the line the item was read from
	Speakers []listing.Speaker
	// SpeakerOnly is set when the recap names the session only by its
	// speaker ("### Ben Sigelman - Lightstep").
	SpeakerOnly bool
	// Weak is set when the line is less clearly a session title.
	Weak bool
	// NamedBySpeaker is set for headings read as "Speaker - Company" or
	// "Speaker - title"; Heading then holds the whole heading, for when
	// the name turns out to be no speaker's.
	NamedBySpeaker bool
	Heading        string
	// SurelyNamed is set when the name before the dash reads as nobody's
	// title and the rest as a title ("Dawn Foster - Be a Good Citizen in
	// Kubernetes"): the speaker counts even when no listing knows them.
	SurelyNamed bool
	// Section is the heading of the part of the post the item is in
	// ("Keynote Summaries", "Morning Keynotes").
	Section string
	// Rule names the rule that read the item (rules.go, linerules.go);
	// the evidence of the facts read from the item carries it.
	Rule string
	// Keynote is set when the item's own words call it a keynote.
	Keynote bool
	// Recording is set when the item is a link to a recording or a
	// session page: its text is a title even when it reads like a name
	// ("Secure Pods").
	Recording bool
}

var (
	mdHeading   = regexp.MustCompile(`^(#{1,6})\s+(.+?)\s*#*\s*$`)
	dashSplit   = regexp.MustCompile(`\s+[-–—]\s+`)
	levelSuffix = regexp.MustCompile(`\s+(?:\[[BIA]\]|[BIA])$`)
	kindPrefix  = regexp.MustCompile(`^(?:.*\bKeynote|Panel):\s+`)
	keynoteWord = regexp.MustCompile(`(?i)\bkeynote\b`)
	// Things a post describes that are not sessions.
	notSession = wordSet(`lunch party booth playlist recordings photos photo pictures wall fun registration travel
		flight hotel swag sponsors dinner breakfast coffee showcase expo`)
	// Places and things, never sessions, whatever else the line says (a
	// meal can be a session: "Breakfast with the Maintainers").
	notSessionThing = wordSet(`booth playlist recordings photos photo pictures swag registration hotel flight meetup meetups meet-up showcase expo`)
	// Words of headings that structure a post rather than name a session.
	blockWords = wordSet(`day days keynote keynotes talks talk sessions session notes summary summaries overview
		conclusion conclusions overall recap party lunch breakfast dinner top highlights lightning intro introduction
		thank thanks unsere unser unserer meine fazit notre nos mes nuestras nuestros mis merci danke gracias résumé conclusión
		agenda schedule takeaways thoughts wrap wrap-up morning afternoon evening closing opening remarks change history
		photos pictures booth flight travel hotel update updates links resources final edition conference conferences
		announcement announcements annonce annonces ankündigung ankündigungen anuncio anuncios`)
)

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// Items finds the sessions the recap names: "Title - Speaker, Company"
// lines, Markdown headings at the deepest level the post uses, and titles
// standing alone on a line above a paragraph or a speaker line. Photo
// captions (lines sharing a "Prefix:" with many others), block headings
// ("Morning Keynotes") and sentences are not sessions. Items whose shape is
// less certain (a title in sentence case, a title made of words that
// usually head a block) are marked Weak: they count only when they name a
// session known from elsewhere.
//
// The line rules (linerules.go) and the block rules (rules.go) read the
// items; the steps below merge what they read, complete each item from the
// lines around it, and drop or weaken what the post's structure says is
// no session. Each item keeps the name of the rule that read it.
func (d *Document) Items() []Item {
	items := mergeItems(d.lineItems(), blockItems(d.Layout, d.Gazetteer))
	kept := items[:0]
	for _, it := range items {
		if d.outsidePost(it) {
			continue
		}
		kept = append(kept, d.completed(it))
	}
	items = kept
	conv := headingConventionOf(d.Layout, items)
	others := eventsBeside(d.Title, d.Gazetteer)
	var out, named []Item // named: those that name a session, of any event
	for _, it := range items {
		k, isBlock := d.Layout.At(it.Line)
		byConvention := isBlock && conv.names && d.Layout.Blocks[k].Level == conv.deepest && d.Layout.Blocks[k].Kind == layout.Heading
		if noSession(it, byConvention, d.Gazetteer) {
			continue
		}
		named = append(named, it)
		// A section named after an event beside the conference is no
		// session, and its sessions are that event's.
		if colocatedLabel(it.Title) || isBlock && colocatedLead(d.Layout.Blocks[k].Text, it.Title) || isBlock && (len(it.Speakers) == 0 && colocatedName(it.Title) || inColocatedEvent(d.Layout.Blocks, k) || linksOtherEvent(d.Layout.Blocks[k], it.Title) || inEventBeside(d.Layout.Blocks, k, others) ||
			otherEventLinkUnder(d.Layout.Blocks, k)) {
			continue
		}
		if cjkAlone(it) || isBlock && conv.unattributed(it, d.Layout.Blocks[k]) ||
			isBlock && !it.Weak && !byConvention && !it.Recording && overNoSession(it, d.Layout.Blocks, k) {
			it.Weak = true
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	for i, it := range out {
		if k, ok := d.Layout.At(it.Line); ok && overSessions(it, d.Layout, k, named) {
			out[i].Weak = true
		}
	}
	return out
}

// mergeItems adds the items the block rules found to those the line rules
// found. Both may read one item from one line: the one with people, or
// else the one more surely a title, is kept. A paragraph may name several
// sessions, so an item read from running text (proseItem) is another item
// unless it has the title of the one read before it.
func mergeItems(items, fromBlocks []Item) []Item {
	nLine := len(items)
	byLine := map[int]int{}
	for i, it := range items {
		byLine[it.Line] = i
	}
	for _, it := range fromBlocks {
		if i, ok := byLine[it.Line]; ok && (i < nLine && !proseItem(it) || items[i].Title == it.Title || !proseItem(it) && !proseItem(items[i])) {
			// A line rule reads a heading's Markdown as printed; the block
			// rule reads its link as the link's text.
			markup := strings.Contains(items[i].Title, "](") && !strings.Contains(it.Title, "](")
			if len(items[i].Speakers) == 0 && len(it.Speakers) > 0 || items[i].Weak && !it.Weak || markup {
				items[i] = it
			}
			continue
		}
		byLine[it.Line] = len(items)
		items = append(items, it)
	}
	return items
}

// outsidePost reports an item read from no part of the post itself: a
// byline, a caption or a share bar (the layout's furniture), or the site's
// header above the post's title.
func (d *Document) outsidePost(it Item) bool {
	if k, ok := d.Layout.At(it.Line); ok && d.Layout.Blocks[k].Kind == layout.Furniture {
		return true
	}
	return it.Line < d.TitleLine
}

// Thresholds of the steps that complete and sort the items.
const (
	// maxBlockHeadingWords is the longest title with a structural word
	// that heads a block when people stand under it ("Closing Keynotes",
	// "Day 2 Keynotes"): the people are the block's, and the item stays
	// Weak. A longer title with a structural word names a session.
	maxBlockHeadingWords = 3
	// maxHostWords is the longest name after a title's last " - " read as
	// the session's host rather than part of the title ("Breakfast with the
	// Maintainers - Harborview Media"): organisations' names are short,
	// the halves of a title longer.
	maxHostWords = 4
	// minConventionHeadings is how many headings of the deepest level a
	// post needs before their level is its way of naming sessions: one
	// heading is a single section.
	minConventionHeadings = 2
	// minAttributedHeadings is how many headings of the deepest level a
	// post needs before their naming speakers is its convention; with two
	// thirds of them naming speakers ("## 2. Title, A & B"), one that names
	// none is a section ("## Before you go").
	minAttributedHeadings = 3
	// talkyLookAhead is how many blocks under a heading talky reads for a
	// sign of a session: the paragraph under a session's heading names its
	// speaker or links its recording early.
	talkyLookAhead = 3
)

// completed completes an item from the lines under it, which may give its
// people, their companies, or more of them (a panel's list), and from the
// prose about its people; it drops a host's name after the title.
func (d *Document) completed(it Item) Item {
	if k, ok := d.Layout.At(it.Line); ok {
		if sp := attachSpeakers(d.Layout.Blocks, k, d.Gazetteer); len(sp) > 0 && samePeople(it.Speakers, sp) &&
			(noCompanies(it.Speakers) || len(sp) > len(it.Speakers)) {
			// People under a block heading ("Closing Keynotes") are the
			// block's, not a session's.
			it.Speakers, it.Weak = sp, it.Weak && blockish(it.Title) && len(strings.Fields(it.Title)) <= maxBlockHeadingWords
		}
	}
	if k, ok := d.Layout.At(it.Line); ok && len(it.Speakers) > 0 {
		companiesFromProse(d.Layout.Blocks, k, it.Speakers, d.Gazetteer)
	}
	if k, ok := d.Layout.At(it.Line); ok && d.Layout.Blocks[k].Kind == layout.Heading && sessionURLUnder(d.Layout.Blocks, k) {
		// The session's own page under it: a session, however its title is
		// cased ("Day in the life of a Cloud Native Developer").
		it.Recording, it.Weak = true, false
	}
	it.Title = withoutHost(it.Title, d.Gazetteer)
	return it
}

// sessionURLUnder reports a heading whose next block is the address of a
// session's page alone ("### Title" over "https://….sched.com/event/…"):
// notes that link each session they are about.
func sessionURLUnder(bs []layout.Block, k int) bool {
	if k+1 >= len(bs) || bs[k+1].Kind != layout.Paragraph && bs[k+1].Kind != layout.Furniture {
		return false
	}
	t := strings.TrimSpace(bs[k+1].Raw)
	return !strings.ContainsAny(t, " \t") && sessionPage.MatchString(t)
}

// withoutHost drops the host after a title's last " - ": "Breakfast with
// the Maintainers - Harborview Media" is the session "Breakfast with the
// Maintainers". The host reads as an organisation of at most maxHostWords
// words, and the title left has at least minTitleWords words.
func withoutHost(title string, g attrib.Gazetteer) string {
	if i := strings.LastIndex(title, " - "); i > 0 && attrib.Orgish(strings.TrimSpace(title[i+3:]), g) &&
		len(strings.Fields(title[i+3:])) <= maxHostWords && len(strings.Fields(title[:i])) >= minTitleWords {
		return strings.TrimSpace(title[:i])
	}
	return title
}

// headingConvention is what the headings of a post's deepest level say
// about how it names its sessions.
type headingConvention struct {
	deepest int // the deepest heading level of the post
	// names is set when at least minConventionHeadings headings of that
	// level exist and at least half of them speak of sessions (talky):
	// the level is the post's way of naming them, so a heading there is a
	// session even when its text reads like a person's name.
	names bool
	// attributed is set when at least minAttributedHeadings headings of
	// that level exist and two thirds of them name their speakers ("## 2.
	// Title, A & B"): then a heading that names none is a section.
	attributed bool
}

// headingConventionOf reads the convention of a post's headings and the
// items read from them.
func headingConventionOf(d *layout.Doc, items []Item) headingConvention {
	var c headingConvention
	bs := d.Blocks
	texts := map[int][]string{}
	for _, b := range bs {
		if b.Kind == layout.Heading {
			texts[b.Level] = append(texts[b.Level], b.Text)
		}
	}
	c.deepest = sessionLevel(texts)
	talkyN, headN := 0, 0
	for k, b := range bs {
		if b.Kind == layout.Heading && b.Level == c.deepest {
			headN++
			if talky(bs, k) {
				talkyN++
			}
		}
	}
	attributed := 0
	for _, it := range items {
		if k, ok := d.At(it.Line); ok && len(it.Speakers) > 0 && bs[k].Kind == layout.Heading && bs[k].Level == c.deepest {
			attributed++
		}
	}
	c.attributed = headN >= minAttributedHeadings && attributed*3 >= headN*2
	c.names = headN >= minConventionHeadings && talkyN*2 >= headN && !c.attributed
	return c
}

// unattributed reports a heading item that names no speaker at the level
// where the post's headings name their speakers: "## Before you go" among
// "## 1. Title, Speaker" headings.
func (c headingConvention) unattributed(it Item, b layout.Block) bool {
	return it.Rule == RuleHeading && len(it.Speakers) == 0 && c.attributed && b.Level == c.deepest
}

// noSession reports an item whose text is no session's, whatever rule
// read it: a section of the post ("Key takeaways"), a speakers' lead, a
// quotation, a photo's caption of a person, a topic heading without
// people ("Flux & Argo") unless it links a recording or slides
// ("[gVisor](slides.pdf)" in a list of them), a recording's chapter
// ("00:04:45 - Week in Review"), or a person's name alone without people
// unless the post names sessions by headings (byConvention) or the item
// links a recording.
func noSession(it Item, byConvention bool, g attrib.Gazetteer) bool {
	// A linked title or a schedule's row with its people is a session even
	// when it reads like a section ("Welcome to the First KubeCon India").
	attributed := len(it.Speakers) > 0 && (it.Rule == RuleLinkItem || it.Rule == RuleTableRow) && !resourceWords.MatchString(it.Title) ||
		// So is a linked title that says it is a keynote ("[Keynote]
		// Closing Remarks, KubeCon Europe").
		it.Keynote && it.Recording
	return sectionHeading(it.Title) && !attributed || speakerLead.MatchString(it.Title) || quotation(it.Title) || personCaption(it.Title) ||
		videoChapter.MatchString(it.Title) ||
		onlyPerson(it.Title) && len(it.Speakers) == 0 && !byConvention && !it.Recording && !(it.Rule == RuleQuotedTitle && !it.Weak) ||
		len(it.Speakers) == 0 && topicHeading(it.Title, g) && !(it.Recording && it.Rule == RuleLinkItem)
}

// videoChapter is a recording's chapter, opened by where it starts in the
// video: "00:04:45 - Week in Review", "1:02:10 Q&A".
var videoChapter = regexp.MustCompile(`^\d{1,2}:\d{2}:\d{2}\b`)

// cjkAlone reports a Chinese or Japanese heading or line standing alone
// without people ("## 一日目のまとめ"): a section of the post; such posts print
// talk titles with their speakers or in English.
func cjkAlone(it Item) bool {
	return (it.Rule == RuleHeading || it.Rule == RuleStandaloneTitle) && len(it.Speakers) == 0 && hasCJK(it.Title)
}

// overNoSession reports a heading or a standing-alone title without
// people over a section that speaks of no session (talky): a part of the
// post ("Getting around Valencia").
func overNoSession(it Item, bs []layout.Block, k int) bool {
	return (it.Rule == RuleHeading || it.Rule == RuleStandaloneTitle) && len(it.Speakers) == 0 && !talky(bs, k)
}

// overSessions reports a heading without people over a section that
// names sessions of its own ("### AI: From Experiments to Ecosystems"
// over "Talks like “A” and “B”…"): the heading groups them, it is no
// session itself. So does a title standing alone in plain text over a
// paragraph that names a session of its own.
func overSessions(it Item, d *layout.Doc, k int, items []Item) bool {
	bs := d.Blocks
	plain := it.Rule == RuleStandaloneTitle && bs[k].Standalone
	if len(it.Speakers) > 0 || !plain && (it.Rule != RuleHeading || bs[k].Kind != layout.Heading) {
		return false
	}
	end := len(bs)
	for j := k + 1; j < len(bs); j++ {
		// A plain-text heading's section ends at the next line standing
		// alone (the next heading of plain text).
		if bs[j].Kind == layout.Heading && bs[j].Level <= bs[k].Level || plain && (bs[j].Kind == layout.Heading || bs[j].Standalone) {
			end = j
			break
		}
	}
	for _, o := range items {
		if j, ok := d.At(o.Line); ok && j > k && j < end && bs[j].Kind != layout.Heading && !o.Weak {
			return true
		}
	}
	return false
}

// personCaption reports a line that names a person with a Japanese
// honorific ("CNCF の Executive Director、Priyanka Sharma 氏"): a photo's
// caption, not a session.
func personCaption(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, "氏") || strings.HasSuffix(t, "さん") || strings.HasSuffix(t, "様")
}

// proseItem reports an item read from running text, where one paragraph
// may name several sessions.
func proseItem(it Item) bool {
	return it.Rule == RuleQuotedTitle || it.Rule == RuleProseTitle || it.Rule == RuleNamedInProse || it.Rule == RuleLinkInProse
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// noCompanies reports items whose people have no company yet.
func noCompanies(sp []listing.Speaker) bool {
	for _, s := range sp {
		if s.Company != "" {
			return false
		}
	}
	return true
}

// samePeople reports whether more names the people of some (or some is
// empty): then more may give them their companies.
func samePeople(some, more []listing.Speaker) bool {
	for _, s := range some {
		found := false
		for _, m := range more {
			found = found || text.SameName(s.Name, m.Name)
		}
		if !found {
			return false
		}
	}
	return true
}

// talky reports whether the blocks after a heading speak of a session: a
// talk cue, a speaker's possessive, a video link.
func talky(bs []layout.Block, k int) bool {
	// A heading under a section about sessions ("## Session Notes").
	for j := k - 1; j >= 0 && bs[k].Kind == layout.Heading; j-- {
		if bs[j].Kind == layout.Heading && bs[j].Level < bs[k].Level {
			if talkCue.MatchString(bs[j].Text) {
				return true
			}
			break
		}
	}
	for j := k + 1; j < len(bs) && j <= k+talkyLookAhead; j++ {
		b := bs[j]
		if b.Kind == layout.Heading {
			break
		}
		// (A heading that is a person's name over "他演讲的主题是…" is the
		// speaker's, not a session's.)
		if talkCue.MatchString(b.Text) || possessive.MatchString(b.Text) || speakerLine(b.Text, nil) != nil ||
			cjkTalkCue(b.Text) && !onlyPerson(bs[k].Text) && !attrib.CJKName(bs[k].Text) {
			return true
		}
		for _, l := range b.Links {
			if videoURL.MatchString(l.URL) {
				return true
			}
		}
	}
	return bs[k].Kind != layout.Heading // plain-text titles were read with their speaker lines
}

// cjkTalkWords say in Chinese, Japanese or Korean that a text is about a
// talk ("…さんによる発表", "他的演讲", "기조 연설"); written without spaces, they are found as
// parts of the text, which talkCue's word boundaries cannot.
var cjkTalkWords = []string{"発表", "登壇", "講演", "セッション", "演讲", "议题", "讲者", "발표", "세션", "기조 연설", "기조연설", "강연"}

func cjkTalkCue(t string) bool {
	for _, w := range cjkTalkWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// legalEnding reports text ending in a company's legal form ("Acme,
// Inc.", "Acme B.V.").
func legalEnding(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && legalForms.Is(f[len(f)-1])
}

// legalForms are the legal forms data/companies.yml lists.
var legalForms = text.NewLegalForms(data.LegalSuffixes())

var (
	ordinalLead = regexp.MustCompile(`^\d{1,2}[.)]\s+`)
	// "9:15am: Title", "10:00 - 10:30 Title", "Thursday, April 3, 11:00 -
	// 11:30 BST: Title": a time, perhaps after its day, before a title.
	timeLead = regexp.MustCompile(`(?i)^(?:\p{L}{3,}day,?\s+(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*[-–]\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?\s*(?:[A-Z]{2,4}\b)?\s*[:\-–]?\s+`)
	// "Title - ", "Session title: ": a field's name before the title it
	// labels, in a note that labels its lines.
	titleLabel = regexp.MustCompile(`(?i)^(?:(?:talk|session)\s+)?(?:title|titel|título|titre|titolo)\s*(?:[:\-–]\s+|：\s*)`)
	// "Talk 3: ", "Session 2 - ": a note's numbering of the sessions.
	numberedLead = regexp.MustCompile(`(?i)^(?:talk|session|keynote|day)\s*#?\d{1,2}\s*(?:[:.\-–]\s+|：\s*)`)
	// "ライトニングトーク - 「Title」": a Japanese kind lead and corner quotes.
	jaLead = regexp.MustCompile(`^(?:ライトニングトーク|基調講演|キーノート|パネルディスカッション|パネル)\s*[-–:：]?\s*`)
)

func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	if strings.Contains(t, "{#") {
		t = strings.TrimSpace(layout.HeadingID.ReplaceAllString(t, ""))
	}
	if rest := timeLead.ReplaceAllString(t, ""); len(strings.Fields(rest)) >= 2 {
		t = rest // a line that is only a time ("11:00am CET") stays one
	}
	if rest := titleLabel.ReplaceAllString(t, ""); len(strings.Fields(rest)) >= 2 {
		t = rest
	}
	t = jaLead.ReplaceAllString(t, "")
	t = numberedLead.ReplaceAllString(t, "") // "Talk 3: Caching at Scale"
	if strings.Contains(t, "@") {
		t = handleTail.ReplaceAllString(t, "") // "Title - @handle": who told of it, no part of it
	}
	if strings.ContainsAny(t, "*_") {
		if m := emphasisWrap.FindStringSubmatch(strings.TrimSpace(t)); m != nil {
			t = m[2] // "### **Title**": the heading's emphasis is no part of it
		}
	}
	t = unquoted(strings.TrimSpace(t))
	t = unwrapCorners(strings.TrimSpace(t))
	if m := eventLabel.FindStringIndex(t); m != nil && len(strings.Fields(t[m[1]:])) >= 2 {
		t = t[m[1]:] // "KubeCon 2023 NA – Title": a recording's title names its event first
	}
	t = ordinalLead.ReplaceAllString(strings.TrimSpace(t), "")
	t, _ = stripKind(t)
	t = kindPrefix.ReplaceAllString(t, "")
	if m := gloss.FindStringIndex(t); m != nil && m[0] > 0 && latinLetters(t[:m[0]]) {
		// "Title（タイトルの訳）": a translation after a title written in
		// Latin letters is no part of it.
		t = t[:m[0]]
	}
	return strings.TrimSpace(t)
}

// handleTail is a social handle after a title and a dash.
var handleTail = regexp.MustCompile(`\s+[-–—]\s+@[\w.\-]+(?:\s*[,&]\s*@[\w.\-]+)*\s*$`)

// unquoted drops the quotation marks around a whole title
// ("['Serverless, Not So FaaS'](video)"), when they are the only ones of
// their kind in it.
func unquoted(t string) string {
	for _, q := range [][2]string{{"'", "'"}, {`"`, `"`}, {"“", "”"}, {"‘", "’"}} {
		inner := strings.TrimSuffix(strings.TrimPrefix(t, q[0]), q[1])
		if len(inner) == len(t)-len(q[0])-len(q[1]) && len(strings.Fields(inner)) >= 2 && !strings.Contains(inner, q[0]) && !strings.Contains(inner, q[1]) {
			return inner
		}
	}
	return t
}

// emphasisWrap is Markdown emphasis around a whole title.
var emphasisWrap = regexp.MustCompile(`^(\*\*|__|\*|_)([^*_].*[^*_])(\*\*|__|\*|_)$`)

// eventLabel is the event named before a title and a dash, as video titles
// print it: "KubeCon 2023 NA – ", "KubeCon + CloudNativeCon Europe 2024 - ".
var eventLabel = regexp.MustCompile(`(?i)^(?:kube\s*con|cloud\s*native\s*con)(?:\s*[+&/]\s*(?:kube\s*con|cloud\s*native\s*con))?(?:\s+(?:\d{4}|'\d\d|na|eu|europe|north\s+america|china|india|japan|us|virtual|latam))+\s*[–—-]\s+`)

// unwrapCorners drops the corner brackets that wrap a whole title
// ("「Title」") or that stand unpaired at its edge, and keeps those that
// quote a part of it ("「as-a-Service」の実装").
func unwrapCorners(t string) string {
	for _, p := range [][2]string{{"「", "」"}, {"『", "』"}} {
		open, close := p[0], p[1]
		if strings.HasPrefix(t, open) && strings.HasSuffix(t, close) && strings.Count(t, open) == 1 && strings.Count(t, close) == 1 {
			t = strings.TrimSpace(t[len(open) : len(t)-len(close)])
		}
		if strings.Count(t, open) != strings.Count(t, close) {
			t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, open), open))
			t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, close), close))
		}
	}
	return t
}

// gloss is a parenthesis in Chinese or Japanese at the end of a title.
var gloss = regexp.MustCompile(`\s*[（(][^（）()]*[\p{Han}\p{Hiragana}\p{Katakana}][^（）()]*[）)]\s*$`)

// latinLetters reports text whose letters are mostly Latin.
func latinLetters(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin > 3*other
}

// speakerList reads the people of an attribution: with the gazetteer when
// there is one, else as listing headers print them.
func speakerList(s string, g attrib.Gazetteer) []listing.Speaker {
	if g == nil {
		return listing.ParseSpeakerList(s, true)
	}
	return people(s, g)
}

// capitalProject returns t with its first word capitalised when that word
// is a project written in lower case ("containerd Salon", "k8s Turns 10",
// "cert-manager in Production"): such a title is as title-cased as any.
func capitalProject(t string, g attrib.Gazetteer) string {
	f := strings.Fields(t)
	if len(f) == 0 || g == nil {
		return t
	}
	r := []rune(f[0])
	if !unicode.IsLower(r[0]) || !g.IsProject(strings.TrimRight(f[0], ":,")) {
		return t
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r) + t[len(f[0]):]
}

// namelike reports a lowercase word that is written like a name, with a
// capital inside or a colon after it ("eBPF", "etcd:").
func namelike(w string) bool {
	if strings.HasSuffix(w, ":") {
		return true
	}
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// inColocatedEvent reports a block under a heading that names an event
// held beside the conference ("GitOps Day Highlights", "Tuesday -
// GitOpsCon", "Cloud Native Rejekts"): its sessions are that event's, not
// the conference's. The headings above are read up to one that names the
// conference itself; a heading item's own text is its title, not read.
func inColocatedEvent(bs []layout.Block, k int) bool {
	h := headingOver(bs, k)
	for h >= 0 {
		t := bs[h].Text
		if confAsPlace.MatchString(t) && colocatedName(conferece.ReplaceAllString(t, "")) {
			// "Istio Day at KubeCon North America": the conference is
			// where the section's event was held.
			return true
		}
		if conferece.MatchString(t) && !colocatedCon(t) {
			return false
		}
		if colocatedName(t) {
			return true
		}
		h = parentHeading(bs, h)
	}
	return false
}

// titleParts splits a title that lists several things ("Black Hat,
// KubeCon and Kernel Recipes").
var titleParts = regexp.MustCompile(`\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|、|和|与)\s*`)

// eventsBeside returns the other events a title lists beside the
// conference: a post about a trip to "Black Hat, KubeCon and Kernel
// Recipes" has a section for each, and only the conference's section
// holds its sessions. A title that lists no conference, or nothing else,
// gives none.
// A part that is a day ("Day 2"), a section's word ("Highlights") or a
// project ("Kubernetes, KubeCon and me") is no event.
func eventsBeside(title string, g attrib.Gazetteer) []string {
	parts := titleParts.Split(title, -1)
	if len(parts) < 2 {
		return nil
	}
	var others []string
	conf := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		n := len(strings.Fields(p))
		switch {
		case conferece.MatchString(p):
			conf = true
		case n >= 1 && n <= maxEventNameWords && startsUpper(p) && !yearLead.MatchString(p) && !weekdayRe.MatchString(p) &&
			!sectionHeading(p) && !blockish(p) && (g == nil || !g.IsProject(p)):
			others = append(others, strings.ToLower(p))
		}
	}
	if !conf {
		return nil
	}
	return others
}

// maxEventNameWords bounds the name of an event a title lists, and
// maxEventHeadingExtra the words a section named after it adds (its
// region or year).
const (
	maxEventNameWords    = 4
	maxEventHeadingExtra = 2
)

// inEventBeside reports a block under a heading named after one of the
// other events the title lists (eventsBeside: the heading opens with the
// event's name and adds at most maxEventHeadingExtra words, "Black Hat
// Asia"), read up to a heading that names the conference.
func inEventBeside(bs []layout.Block, k int, others []string) bool {
	if len(others) == 0 {
		return false
	}
	for h := headingOver(bs, k); h >= 0; h = parentHeading(bs, h) {
		t := strings.ToLower(bs[h].Text)
		if conferece.MatchString(t) {
			return false
		}
		for _, o := range others {
			if strings.HasPrefix(t, o) && len(strings.Fields(t)) <= len(strings.Fields(o))+maxEventHeadingExtra {
				return true
			}
		}
	}
	return false
}

// confAsPlace names the conference as the place or time of something
// else: "at KubeCon", "during KubeCon", "KubeCon 北美期间的".
var confAsPlace = regexp.MustCompile(`(?i)\b(?:at|during|before|ahead\s+of|alongside|co-?located\s+with)\s+(?:the\s+)?(?:kubecon|cloud\s*native\s*con)|(?:kubecon|cloudnativecon)[^，。,:：]{0,20}?(?:期间|前夕|之前|同期|期間|前日|の前)`)

// headingOver returns the heading whose section holds block k (a heading
// item's own text is its title, so for a heading the one above it), or -1.
func headingOver(bs []layout.Block, k int) int {
	if h := bs[k].Section; h != k {
		return h
	}
	return parentHeading(bs, k)
}

// parentHeading returns the heading above heading h of a lower level, or -1.
func parentHeading(bs []layout.Block, h int) int {
	for i := h - 1; i >= 0; i-- {
		if bs[i].Kind == layout.Heading && bs[i].Level < bs[h].Level {
			return i
		}
	}
	return -1
}

var (
	// colocatedWords name an event beside the conference outright.
	colocatedWords = regexp.MustCompile(`(?i)\bco-?located\b|\brejekts\b`)
	// eventDay is "GitOps Day", "Cilium + eBPF Day", "Maintainer Summit":
	// a name before Day, Summit or Forum, not a day's number after it
	// ("Day 2") or a word counting days before it ("Each day").
	eventDay = regexp.MustCompile(`([\p{L}0-9+&.\-]+)\s+(?i:day|summit|forum)\b(\s*[-#]?\d)?`)
	// otherCon is a name ending in "Con" other than the conference's own
	// ("GitOpsCon", "ServiceMeshCon", "ArgoCon").
	otherCon = regexp.MustCompile(`\b(\p{Lu}[\p{L}]*?)Con\b`)
)

// dayCounters are words before "day" that count days, not name an event.
var dayCounters = wordSet(`a one each every first second third fourth fifth last final next the this that same whole full half per our my busy long big great`)

// headingParts splits a heading listing what a section holds ("Co-Located
// Events, Lightning Talks, and the Contributor Summit"); without a comma
// the heading is one name ("Security and Compliance Summit").
var headingParts = regexp.MustCompile(`\s*(?:[,;]\s*(?:and\b|&)?)\s*`)

// colocatedLabel reports a title labelled with an event beside the
// conference ("Cloud Native Rejekts: Title", "GitOpsCon: Title"): that
// event's session.
func colocatedLabel(t string) bool {
	i := strings.Index(t, ": ")
	return i > 0 && len(strings.Fields(t[:i])) <= maxLabelWords && colocatedName(t[:i])
}

// colocatedLead reports a line that names an event beside the conference
// before the session's title ("- Day0 Platform Engineering Day [Title](…)").
func colocatedLead(line, title string) bool {
	i := strings.Index(line, title)
	if i <= 0 {
		return false
	}
	lead := line[:i]
	return len(strings.Fields(lead)) <= maxLabelWords+2 && !strings.ContainsAny(lead, ".!?;") && colocatedPart(lead) && !conferece.MatchString(lead)
}

// maxLabelWords bounds an event's name used as a title's label.
const maxLabelWords = 4

// colocatedName reports a heading naming an event beside the conference:
// one name, or a list of which every entry names one; a list with an
// entry of the conference's own ("Lightning Talks") is a section of the
// conference that mentions the event.
func colocatedName(t string) bool {
	parts := 0
	for _, p := range headingParts.Split(t, -1) {
		if strings.TrimFunc(p, notLetter) == "" {
			continue
		}
		if colocatedPart(p) {
			parts++
		} else if !weekdayRe.MatchString(strings.TrimSpace(p)) {
			// (A day beside the name dates the section: "Cloud Native
			// Rejekts, Sunday November 10".)
			return false
		}
	}
	return parts > 0
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func colocatedPart(t string) bool {
	if colocatedWords.MatchString(t) || colocatedCon(t) {
		return true
	}
	for _, m := range eventDay.FindAllStringSubmatch(t, -1) {
		if m[2] == "" && !dayCounters[strings.ToLower(m[1])] && !weekdayRe.MatchString(m[1]) {
			return true
		}
	}
	return false
}

// colocatedCon reports a "…Con" name other than KubeCon and CloudNativeCon.
func colocatedCon(t string) bool {
	for _, m := range otherCon.FindAllStringSubmatch(t, -1) {
		if l := strings.ToLower(m[1]); l != "kube" && l != "cloudnative" {
			return true
		}
	}
	return false
}

// schedSite is a session's page on the schedule site of an event's
// edition, named by the event and its year: kccnceu2022.sched.com/event/…
// (the conference's), gitopsconeu22.sched.com/event/… (a co-located
// event's). A site named otherwise says nothing of its event.
var schedSite = regexp.MustCompile(`(?i)\b([a-z][a-z-]*\d{2,4})\.sched\.com/event/`)

// otherEventLinkUnder reports an entry whose fields, on the lines right
// under it, link its session on another event's schedule site ("**Sched
// Link (Open Source Summit):** [View](ossindia2026.sched.com/event/…)"):
// that event's session. The entry ends at a heading or at the next entry
// of its list.
func otherEventLinkUnder(bs []layout.Block, k int) bool {
	for j := k + 1; j < len(bs) && j <= k+maxFieldLines; j++ {
		b := bs[j]
		if b.Kind == layout.Heading || b.Kind == layout.ListItem && bs[k].Kind == layout.ListItem && b.Level <= bs[k].Level {
			return false
		}
		for _, l := range b.Links {
			if other, ok := scheduleSiteOf(l.URL); ok {
				return other
			}
		}
	}
	return false
}

// maxFieldLines is how many lines under an entry may hold its fields.
const maxFieldLines = 4

// linksOtherEvent reports an item whose title is the text of a link to a
// session on the schedule site of another event than the conference.
func linksOtherEvent(b layout.Block, title string) bool {
	for _, l := range b.Links {
		if !strings.Contains(l.Text, title) && !strings.Contains(title, strings.TrimSpace(l.Text)) {
			continue
		}
		if other, ok := scheduleSiteOf(l.URL); ok {
			return other
		}
	}
	return false
}

// scheduleSiteOf reports whether url is a session's page on an edition's
// schedule site (ok) and whether that site is another event's than the
// conference's (other).
func scheduleSiteOf(url string) (other, ok bool) {
	if !strings.Contains(url, "sched.com") {
		return false, false
	}
	m := schedSite.FindStringSubmatch(url)
	if m == nil {
		return false, false
	}
	return !conferece.MatchString(m[0]), true
}
