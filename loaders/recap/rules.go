package recap

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/confgraph/confgraph/loaders/attrib"
	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/listing"
)

// The rules below read talk mentions from the blocks of a document (see
// package layout). Each is named in the items it makes (Item.Rule), so a
// fact can say why it exists.
const (
	RuleTitleDash       = "title-dash-people"   // "Title - A, Company" on a line
	RuleHeadingDash     = "heading-dash-people" // the same as a heading (speaker-first shapes: linerules.go)
	RuleTitleThenPeople = "title-then-people"   // a title line, then a line of people
	RuleStandaloneTitle = "standalone-title"    // a title on its own line above its paragraph
	RuleHeading         = "heading"             // a heading that names a session
	RuleNamedInProse    = "named-in-prose"      // "the talk named X"
	RuleProseTitle      = "prose-title"         // "… stood out: Title by A", "A's session on Title"
	RuleKindLead        = "kind-lead"           // "⚡ Lightning Talk: Title" alone
	RuleLinkItem        = "link-item"           // "[Title – Speaker, Company](url)"
	RuleKeyValue        = "key-value"           // "Session Title: …" then "Speakers: …"
	RuleTitleDescribed  = "title-described"     // "- Title: what it was about", in a list introduced as talks
	RuleTableRow        = "table-row"           // "| Title | Speaker | Company |"
	RuleTitleBy         = "title-by"            // "Title by A and B", "Title (A, Company)"
	RuleQuotedTitle     = "quoted-title"        // "A's keynote, “Title”"
	RuleHeadingComma    = "numbered-heading"    // "## 1. Title, Speaker"
	RuleTopicLine       = "topic-line"          // "他演讲的主题是：Title" under the speaker's heading
	RuleLinkInProse     = "link-in-prose"       // "当社区在 [Title](youtube) 中…": a session linked in Chinese or Japanese prose
)

var (
	kindLead   = regexp.MustCompile(`(?i)^(?:[\p{So}\p{Sk}\s]*)(?:(?:project lightning|lightning|keynote|closing keynote|opening keynote|panel|session|talk|workshop|tutorial|demo|breakout|maintainer track|sponsored keynote|contribfest)(?:\s+talk)?\s*[:：]\s*)`)
	byAttrib   = regexp.MustCompile(`^(.{4,160}?)\s+(?:(?:presented|hosted|led|given|delivered|moderated)\s+)?(?:by|von|par|por)\s+(\p{Lu}.{2,160})$`)
	parenTail  = regexp.MustCompile(`^(.{8,160}?)\s*[(（]([^()（）]{3,160})[)）]$`)
	quoted     = regexp.MustCompile(`[“"«「『]([^”"»」』]{6,160})[”"»」』]`)
	talkCue    = regexp.MustCompile(`(?i)\b(?:talk|talks|keynote|keynotes|session|sessions|presentation|panel|lightning|workshop|tutorial|講演|セッション|基調講演)\b`)
	possessive = regexp.MustCompile(`(\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3})(?:\s*\([^)]*\))?['’]s\s+(?:\w+\s+){0,3}(?:talk|keynote|session|presentation|lightning talk)`)
	videoURL   = regexp.MustCompile(`(?i)youtu\.?be|vimeo|sched\.com|sched\.co/|slideshare|speakerdeck|/watch|/sessions?/|/talks?/|docs\.google\.com/presentation|\.pdf$`)
	weekdayRe  = regexp.MustCompile(`(?i)^(?:\d{1,2}:\d{2}\s*(?:am|pm)?(?:\s+\w{2,5})?$|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|day\s*#?\s*\d|day (?:one|two|three|four|zero)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d+日目)`)
	titleKeys  = wordSet(`title session talk keynote talk-title session-title name titel titre título タイトル 講演 基調講演 セッション 题目 标题 主题演讲`)
	speakerKey = wordSet(`speaker speakers presenter presenters by who speaker(s) speakers(s) ponente ponentes ponente(s) intervenant intervenants intervenant(s) orateur orateurs referent referenten sprecher sprecherin redner moderator panelists panelist panellists 登壇者 発表者 スピーカー 講演者 讲者 演讲者 嘉宾 讲师 발표자 연사 스피커`)
	fieldKeys  = wordSet(`when where time date datetime venue room location track level type duration slides video videos recording recordings link links sched schedule youtube deck pdf description abstract format language blog post article 日時 会場 時間 場所 일시 장소 시간 날짜 地址 场馆 地点 时间 日期 会场 展位 住所`)
	companyKey = wordSet(`company organization organisation employer affiliation 所属 会社`)
)

// blockItems runs the block rules over d and returns what they found.
func blockItems(d *layout.Doc, g attrib.Gazetteer) []Item {
	var out []Item
	section := func(b layout.Block) string {
		if b.Section >= 0 {
			return d.Blocks[b.Section].Text
		}
		return ""
	}
	for k, b := range d.Blocks {
		if b.Line == d.TitleLine || b.Kind == layout.Furniture {
			continue
		}
		var found []Item
		switch b.Kind {
		case layout.TableRow:
			if !partOfSession(d.Blocks, k, g) {
				found = tableRow(b, g)
			}
		case layout.Quote:
			// "> NATS Intro hosted by Ana Luz | Review Slides": a talk's line
			// set as a quotation; other quoted lines are someone's words.
			if t, _ := stripKind(withoutPointers(b.Text)); len(strings.Fields(t)) <= maxTalkLineWords && byAttrib.MatchString(t) {
				if it, ok := titleBy(b, g); ok {
					found = append(found, it)
				}
			}
		case layout.KeyValue, layout.ListItem, layout.Paragraph, layout.Heading:
			if key := strings.ToLower(strings.Trim(b.Key, " *")); speakerKey[key] || fieldKey(key) {
				break // "Speakers: …", "When: …", "Sched link: …": a field of the item above
			}
			if m := cjkFieldLead.FindStringSubmatch(b.Text); m != nil && fieldKeys[m[1]] {
				break // "地址：浦东…": a field written with a full-width colon and no space
			}
			if it, ok := headingLink(d.Blocks, k, g); ok {
				found = append(found, it)
				break
			}
			if it, ok := topicLine(d.Blocks, k, g); ok {
				found = append(found, it)
				break
			}
			if b.Kind == layout.ListItem && len(b.Links) == 0 && strings.Contains(b.Text, ": ") && !boldLead.MatchString(b.Raw) && listOfTalks(d.Blocks, k) {
				// (A bold label before the colon names a topic: "**Hybrid
				// Cloud:** How …".)
				if it, ok := titleThenDescription(b.Text); ok {
					found = append(found, it)
					break
				}
			}
			// "[Keynote: Title](url) by A": the colon is the link's, and
			// the line is read as a link.
			if b.Key != "" && !(len(b.Links) > 0 && strings.HasPrefix(b.Text, b.Links[0].Text) && len(b.Key) < len(b.Links[0].Text)) {
				found = keyValue(d.Blocks, k, g)
			}
			if len(found) > 0 {
				break
			}
			// A "Key: value" line whose key is no field's ("Fair Sharing
			// Is Hard: Lessons …") is read as text.
			// A numbered heading "N. Title, A & B (Company)" is read by its
			// comma before its parentheses are.
			if it, ok := quotedThenPeople(b, g); ok {
				found = append(found, it)
			} else if it, ok := linkItem(b, g); ok {
				found = append(found, it)
			} else if it, ok := dashed(b, g); ok && (b.Kind == layout.Heading || b.Ordinal > 0) {
				// "### Keynote: Title - Sara Vale, Director, Acme Times": the
				// dash splits a heading before its commas do.
				found = append(found, it)
			} else if it, ok := headingComma(b, g); ok && (b.Kind == layout.Heading || b.Ordinal > 0) {
				found = append(found, it)
			} else if it, ok := titleBy(b, g); ok {
				found = append(found, it)
			} else if it, ok := headingComma(b, g); ok {
				found = append(found, it)
			} else if it, ok := titleThenNames(b, g); ok {
				found = append(found, it)
			}
			if len(found) == 0 && b.Kind != layout.Heading {
				if it, ok := titleOverSpeakersKey(d.Blocks, k, g); ok {
					found = append(found, it)
				}
			}
			if len(found) == 0 && b.Kind == layout.Paragraph && b.Standalone && titleShaped(b.Text) && k+1 < len(d.Blocks) &&
				d.Blocks[k+1].Line-b.Line <= 2 {
				// A title alone on its line, and under it a description
				// that says who gave the session, or a field naming its
				// speakers ("- 演讲者：A & B, Acme").
				var sp []listing.Speaker
				if v, ok := speakerField(d.Blocks[k+1]); ok {
					sp = people(v, g)
				} else if d.Blocks[k+1].Kind == layout.Paragraph {
					sp = presenters(d.Blocks[k+1].Text, g, false)
				}
				if len(sp) > 0 {
					found = append(found, Item{Title: cleanTitle(b.Text), Speakers: sp, Rule: RuleStandaloneTitle})
				}
			}
			if len(found) == 0 && b.Kind == layout.Paragraph && wholeBold(b.Raw) && titleShaped(b.Text) && sessionURLUnder(d.Blocks, k) {
				// "**Title**" over the address of its session's page alone:
				// a talk's own notes or slides.
				found = append(found, Item{Title: cleanTitle(b.Text), Rule: RuleStandaloneTitle, Recording: true})
			}
			if len(found) == 0 && b.Kind == layout.ListItem {
				if it, ok := agendaBold(b, g); ok {
					found = append(found, it)
				}
			}
			if len(found) == 0 && b.Kind != layout.Heading {
				found = quotedTitles(b, g)
			}
			if len(found) == 0 && b.Kind == layout.Paragraph {
				found = proseTitles(b, g)
			}
			if len(found) == 0 && b.Kind == layout.Paragraph {
				found = latinTitlesInCJK(b)
			}
			if len(found) == 0 && (b.Kind == layout.Paragraph || b.Kind == layout.ListItem) {
				found = bookTitles(b, g)
			}
			if b.Kind == layout.Paragraph && (len(found) == 0 || len(b.Links) > 1) {
				// Every session a sentence links, beside the one another
				// rule read from its first link.
				for _, it := range linkedTitlesInProse(b) {
					if !slices.ContainsFunc(found, func(f Item) bool { return f.Title == it.Title }) {
						found = append(found, it)
					}
				}
			}
			if len(found) == 0 {
				if it, ok := kindLeadOnly(b); ok {
					found = append(found, it)
				}
			}
		}
		for _, it := range found {
			it.Line, it.Text, it.Section = b.Line, b.Raw, section(b)
			out = append(out, it)
		}
	}
	return peopleLinkedToSessions(d, embedsNameTheTalkAbove(d.Blocks, listRuns(d.Blocks, out, g)))
}

// peopleLinkedToSessions drops a link whose text is only a person's name
// when the page it links is a session the post links elsewhere too: the
// presenter's name linked to their session ("[Ana Luz](https://sched.co/x)"
// under a signature, beside "Session details: https://sched.co/x") is no
// talk of its own.
func peopleLinkedToSessions(d *layout.Doc, items []Item) []Item {
	bs := d.Blocks
	var out []Item
	for _, it := range items {
		if len(it.Speakers) <= 1 && (onlyPerson(it.Title) || attrib.NameLike(it.Title)) {
			if k, ok := d.At(it.Line); ok && len(bs[k].Links) == 1 && strings.TrimSpace(bs[k].Links[0].Text) == it.Title &&
				sessionPage.MatchString(bs[k].Links[0].URL) && linkedElsewhere(bs, k, bs[k].Links[0].URL) {
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

func linkedElsewhere(bs []layout.Block, k int, url string) bool {
	for j, b := range bs {
		if j == k {
			continue
		}
		for _, l := range b.Links {
			if l.URL == url {
				return true
			}
		}
	}
	return false
}

// embedsNameTheTalkAbove reads a recording embedded right under a linked
// talk ("[Dynamically Proxying Charts](sched)" then "{{< youtube
// title="Lightning Talk: Dynamically Proxy Charts - Ana Luz" >}}") as that
// talk's recording: its people are the talk's, and it is no second talk
// though its title is worded a little differently.
func embedsNameTheTalkAbove(bs []layout.Block, items []Item) []Item {
	raw := map[int]string{}
	for _, b := range bs {
		raw[b.Line] = strings.TrimSpace(b.Raw)
	}
	drop := map[int]bool{}
	for i, it := range items {
		if !strings.HasPrefix(raw[it.Line], "{{") {
			continue
		}
		for j := i - 1; j >= 0 && it.Line-items[j].Line <= 4; j-- {
			if drop[j] || !sameWording(items[j].Title, it.Title) {
				continue
			}
			if len(items[j].Speakers) == 0 {
				items[j].Speakers = it.Speakers
			}
			drop[i] = true
			break
		}
	}
	if len(drop) == 0 {
		return items
	}
	var out []Item
	for i, it := range items {
		if !drop[i] {
			out = append(out, it)
		}
	}
	return out
}

// sameWording reports two titles that say the same in nearly the same
// words, a kind lead and word endings aside ("Lightning Talk: Dynamically
// Proxy Charts" and "Dynamically Proxying Charts").
func sameWording(a, b string) bool {
	stems := func(t string) map[string]bool {
		t, _ = stripKind(t)
		t = kindPrefix.ReplaceAllString(t, "")
		out := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if r := []rune(w); len(r) >= 3 {
				out[string(r[:min(len(r), 4)])] = true
			}
		}
		return out
	}
	sa, sb := stems(a), stems(b)
	if len(sa) < 2 || len(sb) < 2 {
		return false
	}
	common := 0
	for w := range sa {
		if sb[w] {
			common++
		}
	}
	return float64(common) >= 0.8*float64(min(len(sa), len(sb))) && float64(common) >= 0.6*float64(max(len(sa), len(sb)))
}

// listRuns reads a list of talks as a whole. An entry without a link
// whose entries under it are linked talks is a topic that groups them
// ("* Service Mesh (& Envoy)" over "  * [Title](slides.pdf)"), not a talk;
// and an entry that is only a link to a recording or slides, in a list
// whose entries next to it are linked talks, is a talk however short its
// text ("[gVisor](slides.pdf)" among "[Rook Deep Dive](slides.pdf)").
func listRuns(bs []layout.Block, items []Item, g attrib.Gazetteer) []Item {
	at := map[int]int{} // line → index of its item
	for i, it := range items {
		if _, ok := at[it.Line]; !ok {
			at[it.Line] = i
		}
	}
	linked := func(k int) bool {
		i, ok := at[bs[k].Line]
		return ok && bs[k].Kind == layout.ListItem && len(bs[k].Links) > 0 && items[i].Rule == RuleLinkItem
	}
	drop := map[int]bool{}
	for k, b := range bs {
		if i, ok := at[b.Line]; ok && b.Kind == layout.ListItem && len(b.Links) == 0 && k+1 < len(bs) && bs[k+1].Kind == layout.ListItem && bs[k+1].Level > b.Level && linked(k+1) {
			drop[i] = true
		}
	}
	added := false
	for grew := true; grew; {
		grew = false
		for k, b := range bs {
			if _, ok := at[b.Line]; ok || b.Kind != layout.ListItem || len(b.Links) != 1 {
				continue
			}
			l := b.Links[0]
			text := strings.TrimSpace(l.Text)
			if text == "" || strings.TrimSpace(b.Text) != text || !videoURL.MatchString(l.URL) || resourceWords.MatchString(text) || linkPointer.MatchString(text) ||
				deictic.MatchString(text) || pointingText.MatchString(text) ||
				len(strings.Fields(text)) > 3 && !sessionLinkText(text) && !looseTitle(text) || strings.Contains(text, ",") || eventName.MatchString(text) ||
				onlyPerson(text) && !(g != nil && g.IsProject(strings.Fields(text)[0])) {
				continue
			}
			sibling := func(j int) bool {
				return j >= 0 && j < len(bs) && bs[j].Kind == layout.ListItem && bs[j].Level == b.Level && linked(j)
			}
			if sibling(k-1) || sibling(k+1) {
				it := Item{Title: cleanTitle(text), Rule: RuleLinkItem, Recording: true, Line: b.Line, Text: b.Raw}
				if b.Section >= 0 {
					it.Section = bs[b.Section].Text
				}
				at[b.Line] = len(items)
				items = append(items, it)
				grew, added = true, true
			}
		}
	}
	if len(drop) == 0 && !added {
		return items
	}
	var out []Item
	for i, it := range items {
		if !drop[i] {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// cjkFieldLead is a key in Chinese or Japanese before a full-width colon.
var cjkFieldLead = regexp.MustCompile(`^\s*([\p{Han}\p{Hangul}]{2,4})\s*：`)

// dittoCell is a first cell that says "as above": "--", "〃", "″" or
// nothing.
var dittoCell = regexp.MustCompile(`^[-–—〃″"'\s]*$`)

// partOfSession reports a table row that continues the row above it (its
// first cell a ditto) when that row is a session with its own presenters:
// the rows under "14:00 | Working group review | WG leads" are the
// review's items, while those under "13:30 | Lightning talks" (a row
// that names no one) are talks of their own.
func partOfSession(bs []layout.Block, k int, g attrib.Gazetteer) bool {
	b := bs[k]
	if len(b.Cells) == 0 || b.Header == nil || !dittoCell.MatchString(b.Cells[0]) {
		return false
	}
	for j := k - 1; j >= 0 && bs[j].Kind == layout.TableRow; j-- {
		up := bs[j]
		if len(up.Cells) == 0 || dittoCell.MatchString(up.Cells[0]) {
			continue
		}
		if len(up.Cells) < len(up.Header) || len(up.Cells) < 3 {
			return false
		}
		// Its presenters are a group ("WG leads"), not people: the rows
		// under it are what the group reports on. Under a talk that names
		// its people, a ditto row is another talk at the same time.
		who := strings.TrimSpace(up.Cells[len(up.Cells)-1])
		return who != "" && len(people(who, g)) == 0 && !listing.Personish(who) && !attrib.CJKName(who)
	}
	return false
}

// fieldKey reports the key of a session's field: "When", "Room", "Sched
// link", "Slides".
// maxFieldsBefore is how many fields ("Time:", "Venue:") may stand
// between a title and its speakers' field.
const maxFieldsBefore = 3

func fieldKey(key string) bool {
	if fieldKeys[key] {
		return true
	}
	f := strings.Fields(key)
	return len(f) > 1 && len(f) <= 3 && fieldKeys[f[len(f)-1]]
}

// titleOverSpeakersKey reads a list item or a line that is only a title,
// with "Speakers: A, B (Acme)" on the line right under it:
// "- **Title**\n**Speakers:** …".
func titleOverSpeakersKey(bs []layout.Block, k int, g attrib.Gazetteer) (Item, bool) {
	b := bs[k]
	// The speakers' field is right under the title, or after the other
	// fields of the entry ("Title" / "Time: …" / "Speakers: …").
	f := k + 1
	for f < len(bs) && f <= k+maxFieldsBefore && bs[f].Kind == layout.KeyValue && bs[f].Line == bs[f-1].Line+1 &&
		fieldKey(strings.ToLower(strings.Trim(bs[f].Key, " *"))) {
		f++
	}
	if f >= len(bs) || bs[f].Line > b.Line+2+(f-k-1) || bs[f].Kind != layout.KeyValue ||
		!speakerKey[strings.ToLower(strings.Trim(bs[f].Key, " *"))] {
		return Item{}, false
	}
	// "- **Title: Subtitle**" reads as a key and a value; a field's key
	// ("When: …") is no title, and a kind's ("Lightning Talk: …") is read
	// by the kind-lead rule.
	if key := strings.ToLower(strings.Trim(b.Key, " *")); key != "" && (fieldKey(key) || speakerKey[key] || titleKeys[key] || kindLead.MatchString(b.Text)) {
		return Item{}, false
	}
	t, keynote := stripKind(b.Text)
	if !titleShaped(t) && !looseTitle(t) {
		return Item{}, false
	}
	sp := people(bs[f].Value, g)
	if len(sp) == 0 {
		return Item{}, false
	}
	return Item{Title: cleanTitle(t), Speakers: sp, Rule: RuleTitleThenPeople, Keynote: keynote}, true
}

// kindAfter is a session's kind in parentheses after its title.
var kindAfter = regexp.MustCompile(`(?i)\s*[(（]\s*(keynote|session|tutorial|workshop|panel|lightning talk|talk|主题演讲|基調講演|海报议题|教程|分会场)\s*[)）]\s*$`)

// bracketKind is a session's kind in brackets before its title.
var bracketKind = regexp.MustCompile(`(?i)^[\[(【]\s*(keynote|panel|lightning talk|tutorial|workshop)\s*[\])】]\s*`)

// stripKind drops a lead such as "⚡ Lightning Talk:" or "Keynote:".
// Only the keynote and panel leads are dropped from a title, as listings
// print them apart from it; "Lightning Talk: X" is the talk's title.
func stripKind(t string) (string, bool) {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return unicode.Is(unicode.So, r) || unicode.IsSpace(r) })
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") || strings.HasPrefix(t, "【") {
		if m := bracketKind.FindStringSubmatch(t); m != nil && len(m[0]) < len(t) {
			t = m[1] + ": " + t[len(m[0]):] // "[Keynote] Title" is "Keynote: Title"
		}
	}
	if strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）") {
		if m := kindAfter.FindStringSubmatchIndex(t); m != nil && (len(strings.Fields(t[:m[0]])) >= 2 || hasCJK(t[:m[0]])) {
			// "Title (Tutorial)": the kind after a title is no part of it.
			kind := strings.ToLower(t[m[2]:m[3]])
			return strings.TrimSpace(t[:m[0]]), kind == "keynote" || kind == "主题演讲" || kind == "基調講演"
		}
	}
	if m := kindLead.FindString(t); m != "" {
		low := strings.ToLower(m)
		if strings.Contains(low, "keynote") || strings.Contains(low, "panel") {
			return strings.TrimSpace(t[len(m):]), strings.Contains(low, "keynote")
		}
	}
	return t, false
}

// people reads an attribution with the gazetteer.
func people(s string, g attrib.Gazetteer) []listing.Speaker {
	if sp := cjkDashAttribution(s); sp != nil {
		return sp
	}
	// "A, NVIDIA, 和 B, IBM": "and" in Chinese or Japanese between people
	// written in Latin letters.
	if strings.ContainsAny(s, "和與与及と") {
		s = cjkAnd.ReplaceAllString(s, " and ")
	}
	ps := attrib.Parse(s, g)
	if len(ps) == 0 && strings.Contains(s, " from ") {
		// "A from Acme & B from Initech": each group a person and a company.
		for _, part := range fromGroups.Split(s, -1) {
			one := attrib.Parse(part, g)
			if len(one) != 1 || one[0].Company == "" {
				ps = nil
				break
			}
			ps = append(ps, one[0])
		}
	}
	var out []listing.Speaker
	for _, p := range ps {
		if conferece.MatchString(p.Company) {
			// "A and B at KubeCon Berlin 2017": where they spoke, not
			// where they work.
			p.Company, p.Role = "", ""
		}
		out = append(out, listing.Speaker{Name: p.Name, Role: p.Role, Company: p.Company, Part: "speaker"})
	}
	return out
}

// cjkDash is "names —— what they do", as Chinese and Japanese pages print
// a talk's people: "李安（Ann）、王晨 —— Acme 研发工程师".
var (
	cjkDash   = regexp.MustCompile(`^\s*([^—–]+?)\s*(?:——|—|–|--)\s*(\S.*)$`)
	cjkAlias  = regexp.MustCompile(`\s*[（(][\p{Latin} .\-]{1,30}[）)]\s*$`)
	latinLead = regexp.MustCompile(`^(\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3})\s*[\p{Han}\p{Hiragana}\p{Katakana}]`)
)

// cjkDashAttribution reads "names —— role" where every name is written in
// Chinese or Japanese characters (perhaps with a Latin nickname in
// parentheses). The role is kept whole; a company in Latin letters that
// opens it ("Acme 研发工程师") is each person's company.
func cjkDashAttribution(s string) []listing.Speaker {
	m := cjkDash.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	var out []listing.Speaker
	for _, n := range strings.FieldsFunc(m[1], func(r rune) bool { return r == '、' || r == '，' || r == ',' || r == '&' }) {
		n = strings.TrimSpace(cjkAlias.ReplaceAllString(n, ""))
		if !attrib.CJKName(n) {
			return nil
		}
		out = append(out, listing.Speaker{Name: n, Part: "speaker"})
	}
	role := strings.TrimSpace(m[2])
	company := ""
	if c := latinLead.FindStringSubmatch(role); c != nil {
		company = c[1]
		// "Acme AI 工程师": a short acronym before the title is the job's.
		if f := strings.Fields(company); len(f) > 1 && len(f[len(f)-1]) <= 3 && strings.ToUpper(f[len(f)-1]) == f[len(f)-1] {
			company = strings.Join(f[:len(f)-1], " ")
		}
	}
	for i := range out {
		out[i].Role, out[i].Company = role, company
	}
	return out
}

// splitTitleAttribution splits "Title – A, Company" at the last dash whose
// right side reads as people.
func splitTitleAttribution(t string, g attrib.Gazetteer) (string, []listing.Speaker) {
	seps := dashSplit.FindAllStringIndex(t, -1)
	for k := len(seps) - 1; k >= 0; k-- {
		left := strings.TrimSpace(t[:seps[k][0]])
		right := strings.TrimSpace(t[seps[k][1]:])
		if len(strings.Fields(left)) < 2 || strings.HasSuffix(right, ":") {
			continue // "Open Match - Matchmaking Framework:" is a heading
		}
		if sp := people(right, g); len(sp) > 0 {
			return levelSuffix.ReplaceAllString(left, ""), sp
		}
	}
	for _, sep := range []string{" | ", " — ", " · "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			if sp := people(t[i+len(sep):], g); len(sp) > 0 && len(strings.Fields(t[:i])) >= 2 {
				return strings.TrimSpace(t[:i]), sp
			}
		}
	}
	return "", nil
}

// linkItem reads a link naming a talk: "[Title – Speaker, Company](url)",
// "[Title](url) - Speaker, Company", "[Title](url) by A", or a bare
// "[Title](video url)".
func linkItem(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	if len(b.Links) == 0 {
		return Item{}, false
	}
	l := b.Links[0]
	if t, sp, ok := labelThenTitle(b, g); ok {
		// "[**Maintainers track**](sched) - A and B - [Full Title](sched)".
		text, keynote := stripKind(t)
		return Item{Title: cleanTitle(text), Speakers: sp, Rule: RuleLinkItem, Keynote: keynote, Recording: true}, true
	}
	if it, ok := titleBeforePointer(b, l, g); ok {
		return it, true
	}
	text, keynote := stripKind(strings.TrimSpace(l.Text))
	text, elsewhere := venueTail(text)
	if elsewhere || eventName.MatchString(text) {
		return Item{}, false // "[KubeCon + CloudNativeCon North America 2022](…)" is the event
	}
	if onlyPerson(text) && !sessionPage.MatchString(l.URL) && !videoURL.MatchString(l.URL) {
		return Item{}, false // "[Yan Wang](https://twitter.com/…), [Bo Li](…) and …": people
	}
	if title, sp := splitTitleAttribution(text, g); title != "" {
		return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleLinkItem, Keynote: keynote}, true
	}
	if i := strings.Index(b.Text, l.Text); i > 0 && b.Kind == layout.ListItem && sessionPage.MatchString(l.URL) {
		// "- Cheryl Ito Keynote: [Title](sched)", "- A, B and C Panel
		// [Title](sched)": the people, then the kind, before the link.
		if m := namesThenKind.FindStringSubmatch(strings.TrimSpace(b.Text[:i])); m != nil {
			if sp := onlyNames(m[1], g); len(sp) > 0 {
				return Item{Title: cleanTitle(text), Speakers: sp, Rule: RuleLinkItem, Recording: true,
					Keynote: keynote || strings.EqualFold(m[2], "keynote")}, true
			}
		}
	}
	rest := strings.TrimSpace(strings.Replace(b.Text, l.Text, "", 1))
	rest = strings.TrimSpace(strings.TrimLeft(rest, "-–—:|,"))
	if m := kindThenBy.FindStringIndex(rest); m != nil {
		rest = rest[m[1]:] // "15-minute presentation by A, Maintainer"
	} else if strings.HasPrefix(strings.ToLower(rest), "by ") {
		rest = rest[3:]
	}
	// The text of a link to a session's page is its title in any script
	// ("[数据包的生命周期：Ambient 版](https://sched.co/…)"), in a list of
	// them; in running text such a link is as often a phrase.
	cjkSession := b.Kind == layout.ListItem && sessionPage.MatchString(l.URL) && hasCJK(text) && len([]rune(text)) >= 6 &&
		!resourceWords.MatchString(text) && !strings.ContainsAny(text, "，。、,")
	// So is a list item's link to a session's page in a language that
	// writes titles in sentence case ("[Entlarvung von Mythen über … in
	// der Cloud](https://sched.co/…)"), or with its kind after a bar
	// ("[Title | Project Lightning Talk](…)").
	latinSession := b.Kind == layout.ListItem && sessionPage.MatchString(l.URL) && strings.HasPrefix(b.Text, text) && len(strings.Fields(text)) >= 4 &&
		startsUpper(text) && !hasCJK(text) && !resourceWords.MatchString(text) && !linkPointer.MatchString(text) && !deictic.MatchString(text) && !strings.HasSuffix(text, ".")
	if !looseTitle(text) && !titleShaped(text) && !cjkSession && !latinSession {
		return Item{}, false
	}
	if rest != "" {
		sp := people(rest, g)
		if m := dashPeopleTail.FindStringSubmatch(rest); len(sp) == 0 && m != nil && sessionPage.MatchString(l.URL) {
			// "**Nov 13, 3:25pm**: [Title](sched) at KubeCon -- A (Acme), B
			// (Initech)": the people after the line's last dash.
			sp = people(m[1], g)
		}
		if m := peopleThenSentence.FindStringSubmatch(rest); len(sp) == 0 && m != nil && strings.HasPrefix(b.Text, strings.TrimSpace(l.Text)) && sessionPage.MatchString(l.URL) {
			// "[Title](sched) - A from Acme & B from Initech explore …": the
			// people open the sentence about the session.
			sp = people(m[1], g)
		}
		if len(b.Links) == 1 && strings.HasPrefix(b.Text, strings.TrimSpace(l.Text)) && videoURL.MatchString(l.URL) && !deictic.MatchString(text) {
			// "[Title](video): A and B shared how …": the sentence after a
			// linked session says who gave it.
			if ps := presentersIn(rest, g); len(ps) > len(sp) {
				sp = ps
			}
		}
		if len(sp) > 0 {
			return Item{Title: cleanTitle(text), Speakers: sp, Rule: RuleLinkItem, Keynote: keynote}, true
		}
	}
	// A session's page linked alone on its line, perhaps after its time and
	// track ("9:45 - 10:15 GitOpsCon: [Title](https://sched.co/…)").
	bare := strings.TrimSpace(timeTrack.ReplaceAllString(rest, ""))
	// A link text labelled as a title ("[Title - …](https://project.io/)")
	// names a session whatever it links.
	labelled := titleLabel.MatchString(strings.TrimSpace(l.Text)) && len(strings.Fields(cleanTitle(text))) >= 2
	if (videoURL.MatchString(l.URL) || labelled) && (b.Kind == layout.ListItem || b.Kind == layout.Paragraph) && len(bare) < 3 && (sessionLinkText(text) || cjkSession || latinSession || labelled) && !pointingText.MatchString(text) &&
		!linkPointer.MatchString(text) {
		// The text of a link to a recording or a session page is the
		// session's title, however it is cased ("How we built Contour,
		// and what you can learn from it").
		return Item{Title: cleanTitle(text), Rule: RuleLinkItem, Keynote: keynote, Recording: true}, true
	}
	return Item{}, false
}

// titleBeforePointer reads "Title [Link to talk](sched)" or "Title –
// [video](youtube)": a list item or line whose link to the session's page
// or recording only points ("link to talk", "slides", "here"), so the
// session is named by the text before the link, perhaps with its people
// after a dash.
func titleBeforePointer(b layout.Block, l layout.Link, g attrib.Gazetteer) (Item, bool) {
	if b.Kind != layout.ListItem && b.Kind != layout.Paragraph || !videoURL.MatchString(l.URL) {
		return Item{}, false
	}
	pointer := strings.TrimSpace(l.Text)
	if n := len(strings.Fields(pointer)); n == 0 || n > 4 || !resourceWords.MatchString(pointer) {
		return Item{}, false
	}
	i := strings.Index(b.Text, pointer)
	if i <= 0 {
		return Item{}, false
	}
	before := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(b.Text[:i]), "[(（-–—:|,"))
	if before == "" || strings.ContainsAny(before, ".!?") && !titleShaped(before) || quoted.MatchString(before) {
		// A sentence, or one that quotes the title itself (“… : "Title" de A
		// ([vidéo](…))”): the quoted-title rule reads it.
		return Item{}, false
	}
	text, keynote := stripKind(before)
	if title, sp := splitTitleAttribution(text, g); title != "" {
		return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleLinkItem, Keynote: keynote, Recording: true}, true
	}
	if resourceWords.MatchString(text) || !titleShaped(text) && !(b.Kind == layout.ListItem && looseTitle(text) && len(strings.Fields(text)) >= 4) {
		return Item{}, false // "Watch the session recording — [here](…)"
	}
	return Item{Title: cleanTitle(text), Rule: RuleLinkItem, Keynote: keynote, Recording: true}, true
}

// eventName is link text that names the conference itself, however it is
// spaced: "KubeCon + CloudNativeCon Europe 2024", "kube con+CloudNativeCon
// North America 2022", "KubeCon EU".
var eventName = regexp.MustCompile(`(?i)^\W*(?:kube\s*con|cloud\s*native\s*con)(?:\s*[+&]\s*(?:kube\s*con|cloud\s*native\s*con))?(?:\s+(?:north|america|europe|eu|na|us|china|india|japan|asia|hong|kong|latin|virtual|\d{2,4})\b)*\W*$`)

// venueTail splits "Title @ KubeCon 2019" into its title, and reports a
// session given at another event ("Title @ Cloud Native Rejekts", "Title
// @ Goto, Copenhagen"): the text after the last " @ " names an event
// ("…Con", "Summit", "Rejekts", "Day", "Meetup", a year), not a company ("Journey
// to Production @ BT" keeps its "@ BT").
func venueTail(t string) (string, bool) {
	i := strings.LastIndex(t, " @ ")
	if i <= 0 {
		return t, false
	}
	venue := strings.ToLower(t[i+3:])
	switch {
	case strings.Contains(venue, "kubecon") || strings.Contains(venue, "cloudnativecon"):
		// "Title - Serverless Summit @ KubeCon": the co-located event's
		// name is no part of the title either.
		return strings.TrimSpace(colocatedTail.ReplaceAllString(t[:i], "")), false
	case eventWord.MatchString(venue):
		return t, true
	}
	return t, false
}

var colocatedTail = regexp.MustCompile(`\s+[-–—]\s+(?:\p{Lu}[\p{L}\-]*\s+){0,3}(?:Summit|Day|Con)\s*$`)

var eventWord = regexp.MustCompile(`(?i)rejekts|summit|conf\b|conference|con\b|meetup|\bdays?\b|\b(?:19|20)\d\d\b`)

// OnlyAttribution reports the rest of a title's line that only says who
// gives the session: "- 15-minute presentation by A, Maintainer", "by A,
// Acme" — no description of it.
func OnlyAttribution(rest string) bool {
	rest = strings.TrimLeft(rest, " \t])*_:|,–—-")
	return kindThenBy.MatchString(rest) || strings.HasPrefix(strings.ToLower(rest), "by ")
}

// kindThenBy is what a line says of a session before its people: "15-minute
// presentation by", "a lightning talk with".
var kindThenBy = regexp.MustCompile(`(?i)^(?:an?\s+)?(?:\d+[-\s]?min(?:ute)?s?\s+)?(?:presentation|talk|session|keynote|demo|lightning talk|workshop|tutorial|panel)\s+(?:by|with|from)\s+`)

// quotation reports a sentence someone said, in quotation marks: "“Kubernetes
// is the Linux of the Cloud” - Jim Zemlin" quotes Jim Zemlin; it names no
// session.
func quotation(t string) bool {
	t = strings.TrimSpace(t)
	m := quoted.FindStringSubmatchIndex(t)
	if m == nil || m[0] != 0 {
		return false
	}
	inner, rest := t[m[2]:m[3]], strings.TrimSpace(t[m[1]:])
	if rest != "" && !attributedDash.MatchString(rest) {
		return false
	}
	return sentenceVerb.MatchString(" "+inner+" ") || strings.ContainsAny(inner[len(inner)-1:], ".!")
}

var attributedDash = regexp.MustCompile(`^[-–—]\s*\p{Lu}`)

var sentenceVerb = regexp.MustCompile(`\s(?:is|are|was|were|has|have|will|can|must|should|'s|’s)\s`)

// labelThenTitle reads a line whose first link is a short label for a
// session and whose last link, to the same session or another session
// page, holds its full title; the people are named between the two.
func labelThenTitle(b layout.Block, g attrib.Gazetteer) (string, []listing.Speaker, bool) {
	if len(b.Links) < 2 || !sessionPage.MatchString(b.Links[0].URL) {
		return "", nil, false
	}
	first, last := b.Links[0], b.Links[len(b.Links)-1]
	if last.URL != first.URL && !sessionPage.MatchString(last.URL) || len(last.Text) < 2*len(first.Text) {
		return "", nil, false
	}
	i, j := strings.Index(b.Text, first.Text), strings.LastIndex(b.Text, last.Text)
	if i < 0 || j <= i+len(first.Text) {
		return "", nil, false
	}
	between := b.Text[i+len(first.Text) : j]
	var sp []listing.Speaker
	for _, part := range dashSplit.Split(" "+strings.TrimSpace(strings.Trim(between, " -–—"))+" ", -1) {
		if sp = onlyNames(strings.TrimSpace(part), g); len(sp) > 0 {
			break
		}
		if sp = presentersIn(part, g); len(sp) > 0 {
			break
		}
	}
	return strings.TrimSpace(last.Text), sp, true
}

// withoutPointers drops the links to a session's resources printed after
// it and a bar: "Title hosted by A | Review Slides | Watch Video".
func withoutPointers(t string) string {
	parts := strings.Split(t, " | ")
	for _, p := range parts[1:] {
		if !resourceWords.MatchString(p) || len(strings.Fields(p)) > maxPointerWords {
			return t
		}
	}
	return parts[0]
}

// maxPointerWords bounds a pointer to a resource ("Watch the Video").
const maxPointerWords = 4

// titleBy reads "Title by A and B", "Title (A, Company)", "Title – A,
// Company" in list items, headings and standalone lines, after an optional
// kind lead ("Lightning Talk:").
func titleBy(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	prose := b.Kind == layout.Paragraph || b.Kind == layout.KeyValue
	if prose && !b.Standalone {
		// A line that is wholly "Title - A, Company" is a talk line even
		// inside a run of lines ("**Gluing Pods - Ana Ruiz, Acme**").
		if len(strings.Fields(b.Text)) > maxTalkLineWords {
			return Item{}, false
		}
		t, keynote := stripKind(b.Text)
		if title, sp := splitTitleAttribution(t, g); title != "" && titleShaped(title) && hasCompany(sp) &&
			(wholeBold(b.Raw) || !sentenceBreak.MatchString(title)) {
			return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
		}
		return Item{}, false
	}
	t, keynote := stripKind(withoutPointers(b.Text))
	if title, sp := splitTitleAttribution(t, g); title != "" && !quotation(title) && (titleShaped(title) || looseTitle(title) || keynote) {
		return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
	}
	for _, re := range []*regexp.Regexp{byAttrib, parenTail} {
		if m := re.FindStringSubmatch(t); m != nil {
			title := strings.TrimSpace(strings.Trim(m[1], `"“”,:`))
			if !titleShaped(title) && !looseTitle(title) {
				continue
			}
			if sp := onlyNames(m[2], g); len(sp) > 0 {
				return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
			}
			if sp := people(m[2], g); len(sp) > 0 {
				return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
			}
		}
	}
	return Item{}, false
}

// headingLink reads a heading that links a session's page, perhaps after a
// label ("## Contribfest: [Title](https://sched.co/…)"): the link's text is
// the title, and the people are the names the section's prose links to
// their profiles ("Join [Ana Luz](https://bsky.app/…) and [Bo Chan](…) as
// they …").
func headingLink(bs []layout.Block, k int, g attrib.Gazetteer) (Item, bool) {
	b := bs[k]
	if b.Kind != layout.Heading || len(b.Links) != 1 || !sessionPage.MatchString(b.Links[0].URL) {
		return Item{}, false
	}
	l := b.Links[0]
	text := strings.TrimSpace(l.Text)
	i := strings.Index(b.Text, text)
	if i < 0 || strings.TrimSpace(b.Text[i+len(text):]) != "" {
		return Item{}, false
	}
	label := strings.TrimSpace(b.Text[:i])
	if label != "" && (!strings.HasSuffix(label, ":") || len(strings.Fields(label)) > 6) {
		return Item{}, false
	}
	t, keynote := stripKind(text)
	if !titleShaped(t) && !looseTitle(t) || pointingText.MatchString(t) {
		return Item{}, false
	}
	it := Item{Title: cleanTitle(t), Rule: RuleHeading, Keynote: keynote, Recording: true}
	for j := k + 1; j < len(bs) && j <= k+10 && bs[j].Kind != layout.Heading; j++ {
		if bs[j].Kind != layout.Paragraph {
			continue
		}
		if sp := linkedPeople(bs[j], g); len(sp) > 0 {
			it.Speakers = sp
			break
		}
	}
	return it, true
}

// profileURL is the address of a person's page on a social or code site.
var profileURL = regexp.MustCompile(`(?i)^https?://(?:www\.)?(?:bsky\.app/profile/|twitter\.com/|x\.com/|linkedin\.com/in/|github\.com/|mastodon\.\w+/@|[\w.-]+\.social/@)`)

// linkedPeople returns the people a paragraph links to their profiles:
// names, or a first name alone when the link is a profile.
func linkedPeople(b layout.Block, g attrib.Gazetteer) []listing.Speaker {
	var out []listing.Speaker
	for _, l := range b.Links {
		n := strings.TrimSpace(l.Text)
		if !profileURL.MatchString(l.URL) {
			continue
		}
		one := len(strings.Fields(n)) == 1 && unicode.IsUpper([]rune(n + " ")[0]) && !strings.ContainsAny(n, "@.")
		if !(attrib.NameLike(n) || one) || g != nil && (g.IsOrg(n) || g.NotPerson(n)) {
			continue
		}
		out = append(out, listing.Speaker{Name: n, Part: "speaker"})
	}
	return out
}

// speakerField returns the value of a line that is a field naming a
// session's speakers, written with a colon or a full-width one ("Speakers:
// A, Acme", "- 演讲者：A & B, Acme").
func speakerField(b layout.Block) (string, bool) {
	if b.Kind != layout.Paragraph && b.Kind != layout.ListItem && b.Kind != layout.KeyValue {
		return "", false
	}
	i := strings.IndexAny(b.Text, ":：")
	if i <= 0 {
		return "", false
	}
	key := strings.ToLower(strings.Trim(b.Text[:i], " *_"))
	_, n := utf8.DecodeRuneInString(b.Text[i:])
	return strings.TrimSpace(b.Text[i+n:]), speakerKey[key]
}

// Chinese prose names a talk in book-title brackets after a word saying
// it is one ("将发表题为《Title》的演讲", "主题为《Title》"), its people before
// the verb ("维护者 Ana Luz（Acme）与 Bo Chan 将发表…").
var (
	bookTitle   = regexp.MustCompile(`(题为|名为|主题为|主题是|议题|演讲|分享|报告|讲题)?\s*《([^《》]{4,160})》\s*(的演讲|演讲|的分享|分享|议题|的报告)?`)
	zhPresenter = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3}(?:\s*（[^（）]{1,20}）)?\s*(?:与|和|、|及|,|，)?\s*)+)\s*(?:将|会|也|在|于|还)?\s*(?:发表|带来|分享|介绍|主讲|演讲)`)
	zhParenCo   = regexp.MustCompile(`\s*（([^（）]{1,20})）`)
	zhAnd       = regexp.MustCompile(`\s*(?:与|和|、|及|,|，)\s*`)
)

// bookTitles reads the talks a Chinese sentence names in book-title
// brackets with a word for a talk beside them, and their people.
func bookTitles(b layout.Block, g attrib.Gazetteer) []Item {
	if !strings.Contains(b.Text, "《") {
		return nil
	}
	var out []Item
	for _, m := range bookTitle.FindAllStringSubmatchIndex(b.Text, -1) {
		if m[2] < 0 && m[6] < 0 {
			continue // a book or a report, not said to be a talk
		}
		it := Item{Title: cleanTitle(b.Text[m[4]:m[5]]), Rule: RuleQuotedTitle}
		if pm := zhPresenter.FindStringSubmatch(b.Text[:m[0]]); pm != nil {
			for _, part := range zhAnd.Split(strings.TrimSpace(pm[1]), -1) {
				company := ""
				if cm := zhParenCo.FindStringSubmatch(part); cm != nil {
					company, part = cm[1], zhParenCo.ReplaceAllString(part, "")
				}
				if part = strings.TrimSpace(part); onlyPerson(part) {
					it.Speakers = append(it.Speakers, listing.Speaker{Name: part, Company: company, Part: "speaker"})
				}
			}
			// A company in parentheses after the last of several names is
			// theirs all ("A 与 B（华为）").
			if n := len(it.Speakers); n > 1 && it.Speakers[n-1].Company != "" {
				for i := range it.Speakers {
					if it.Speakers[i].Company == "" {
						it.Speakers[i].Company = it.Speakers[n-1].Company
					}
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// minCJKLinkTitle is the fewest characters a Chinese or Japanese link text
// in running prose needs to be read as a session's title: shorter ones
// are words of the sentence ("视频", "这里").
const minCJKLinkTitle = 6

// zhDescribed is a link text that describes a session rather than names
// it: "来自 Intuit 的最终用户演讲" (an end user's talk from Intuit), "关于
// Ambient 网格入门的精彩研讨会" (a workshop about …), "看直播" (watch live).
var zhDescribed = regexp.MustCompile(`^(?:关于|来自|有关|和|与)|的\S{0,8}(?:演讲|会议|研讨会|讨论|分享|活动|专场)$|进行了|直播|回放|日程|注册|(?:なイベント|のイベント|な大会)$`)

// linkedTitlesInProse reads the sessions a Chinese or Japanese paragraph
// links to their recordings or schedule pages, the link's text being the
// session's title: "当 Istio 社区在 [Istio 项目更新](youtube) 中重新集结时",
// two in one sentence. A link text with a comma or a full stop is a
// phrase, not a title; one naming a resource ("视频") is a pointer; a link
// after the name of an event held beside the conference is that event's.
func linkedTitlesInProse(b layout.Block) []Item {
	var out []Item
	if !hasCJK(b.Text) {
		return nil
	}
	for _, l := range b.Links {
		t := strings.TrimSpace(l.Text)
		if !hasCJK(t) || !videoURL.MatchString(l.URL) || len([]rune(t)) < minCJKLinkTitle || strings.ContainsAny(t, "，。、,:：") && !strings.ContainsAny(t, "：") ||
			resourceWords.MatchString(t) || eventName.MatchString(t) || zhDescribed.MatchString(t) || strings.HasPrefix(b.Text, "!") {
			continue
		}
		if i := strings.Index(b.Text, t); i > 0 && colocatedPart(b.Text[:i]) {
			continue // "[Rejekts](…) goes on, and A gives [Title](…)": that event's session
		}
		text, keynote := stripKind(t)
		out = append(out, Item{Title: cleanTitle(text), Rule: RuleLinkInProse, Keynote: keynote, Recording: true})
	}
	return out
}

// latinInCJK is a session's English title set in Chinese or Japanese prose
// and named as a session by the word right after it: "正在进行Scaling with
// Service Mesh and Istio话题讨论", "…のKeeping Pods Warm at Scaleというセッション".
var latinInCJK = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}，。、「]\s*(\p{Lu}[\p{Latin}0-9'’\-]*(?:[ :&,]+[\p{Latin}0-9'’\-]+){2,14})\s*(?:」)?\s*(?:话题|議題|议题|主题演讲|演讲|分享|讨论|的演讲|的分享|というセッション|のセッション|セッション|講演|というトーク)`)

// latinTitlesInCJK reads the English titles Chinese or Japanese prose
// names as sessions.
func latinTitlesInCJK(b layout.Block) []Item {
	var out []Item
	for _, m := range latinInCJK.FindAllStringSubmatch(b.Text, -1) {
		t := strings.TrimSpace(m[1])
		if titleShaped(t) && len(strings.Fields(t)) >= 3 && !eventName.MatchString(t) {
			out = append(out, Item{Title: cleanTitle(t), Rule: RuleProseTitle})
		}
	}
	return out
}

// quotedLead is an entry that opens with a quoted title and goes on with
// who gives it: "“Title” by A and B, Role, Company", "“Title” By A, Role,
// Org", "“Title” A, Role, Company", perhaps followed by a pointer to the
// session's page ("-* http://sched.co/…").
var (
	quotedLead  = regexp.MustCompile(`^\W{0,3}[“"]([^”"]{6,200})[”"]\s*[,:]?\s*(?:([Bb]y)\s+|[-–—]\s+)?(\p{Lu}.+)$`)
	pointerTail = regexp.MustCompile(`[\s\-–—*|•:]*(?:\(?https?://\S+\)?[\s\-–—*|•]*)*$`)
)

// quotedThenPeople reads a list entry or line that is a quoted title and
// its people.
func quotedThenPeople(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	if b.Kind != layout.ListItem && b.Kind != layout.Paragraph {
		return Item{}, false
	}
	m := quotedLead.FindStringSubmatch(strings.TrimSpace(b.Text))
	if m == nil {
		return Item{}, false
	}
	title, keynote := stripKind(strings.TrimSpace(m[1]))
	if !titleShaped(title) && !looseTitle(title) {
		return Item{}, false
	}
	rest := strings.TrimSpace(pointerTail.ReplaceAllString(m[3], ""))
	sp := people(rest, g)
	if len(sp) == 0 || m[2] == "" && !hasCompany(sp) {
		return Item{}, false // without "by", only a name with its company says who
	}
	return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
}

// kindLeadOnly reads "⚡ Lightning Talk: Title" or "Tutorial: Title" with
// no attribution: a session by its shape, which counts only if it names a
// known one (Weak), and which ends the description of the item above.
func kindLeadOnly(b layout.Block) (Item, bool) {
	t := strings.TrimLeftFunc(b.Text, func(r rune) bool { return unicode.Is(unicode.So, r) || unicode.IsSpace(r) })
	m := kindLead.FindString(t)
	if m == "" || b.Kind == layout.Paragraph && !b.Standalone {
		return Item{}, false
	}
	title := strings.TrimSpace(t[len(m):])
	if !titleShaped(title) && !looseTitle(title) {
		return Item{}, false
	}
	full, keynote := stripKind(t)
	// On its own line the lead names a session as surely as a speaker
	// would; inside a list of other things it may be a heading.
	return Item{Title: cleanTitle(full), Rule: RuleKindLead, Keynote: keynote, Weak: b.Kind == layout.ListItem}, true
}

// dashed reads "Title - A, Company" when the people it gives have a
// company: the shape a heading prints a talk in.
func dashed(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	t, keynote := stripKind(b.Text)
	if title, sp := splitTitleAttribution(t, g); title != "" && (hasCompany(sp) || len(sp) >= attrib.MinNamesList) && (titleShaped(title) || looseTitle(title) || keynote) {
		return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
	}
	return Item{}, false
}

// maxListedPeople bounds the people read from a list under an item.
const maxListedPeople = 8

// Separators and clauses the rules split on, compiled once.
var (
	nameListSep = regexp.MustCompile(`\s*(?:,|&|、|，| and | und | et | y )\s*`)                                          // "A, B and C"
	topicSep    = regexp.MustCompile(`\s*(?:&|/|,|\+| and | vs\.? | or )\s*`)                                           // "Flux & Argo"
	byClause    = regexp.MustCompile(`^[,\s]*(?:by|from|with)\s+(.+?)(?:[.;]|$|,\s+(?:which|who|where|and then|it)\b)`) // "” by A, which …"
	spacedBy    = regexp.MustCompile(`\sby\s`)
	// byClauseOther is "by" in French, German, Spanish or Italian right
	// after a title, its people ending at a parenthesis or a quote.
	byClauseOther = regexp.MustCompile(`^[,\s]*(?:de|par|von|por|di|présenté par|presentado por)\s+(\p{Lu}(?:\p{Lu}\.\s|[^(“"«.;])+?)\s*(?:[(“"«.;]|$)`)
)

// maxTalkLineWords bounds a talk line found inside running lines.
const maxTalkLineWords = 45

func countCompanies(sp []listing.Speaker) int {
	seen := map[string]bool{}
	for _, s := range sp {
		if s.Company != "" {
			seen[s.Company] = true
		}
	}
	return len(seen)
}

func hasCompany(sp []listing.Speaker) bool {
	for _, s := range sp {
		if s.Company != "" {
			return true
		}
	}
	return false
}

// onlyNames reads "A, B and C" as people without companies when every
// part is a name and none an organisation: what a title's parentheses or a
// "by" hold.
func onlyNames(s string, g attrib.Gazetteer) []listing.Speaker {
	parts := nameListSep.Split(strings.TrimSpace(attrib.StripHonorifics(s)), -1)
	var out []listing.Speaker
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if !attrib.NameLike(p) || g != nil && (g.IsOrg(p) || g.NotPerson(p)) {
			return nil
		}
		out = append(out, listing.Speaker{Name: p, Part: "speaker"})
	}
	return out
}

var (
	speakerLead = regexp.MustCompile(`(?i)^\W*(?:speakers?|presenters?|by|ponentes?|intervenant\(?s?\)?|sprecher(?:in)?|referent(?:en)?|登壇者|スピーカー)\s*[:：]\s*(.+?)\W*$`)
	byLead      = regexp.MustCompile(`^\W*[Bb]y\s+(\p{Lu}.+)$`)
	talkBy      = regexp.MustCompile(`\bby\s+(\p{Lu}[\p{L}'’.\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]+|van|von|de|der)){1,3}(?:\s*\([^)]{2,60}\))?(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}(?:\s*\([^)]{2,60}\))?)?)`)
)

// attachSpeakers gives an item that names no speaker the people the
// blocks right under it name: a "Speakers: …" line, a line of names, or a
// first sentence saying "a talk by A (Company)".
func attachSpeakers(bs []layout.Block, k int, g attrib.Gazetteer) []listing.Speaker {
	if bs[k].Kind == layout.TableRow {
		return nil // a row's people are in its own cells, not the next row's
	}
	for j := k + 1; j < len(bs) && j <= k+2 && bs[j].Line-bs[k].Line <= 3; j++ {
		b := bs[j]
		if b.Kind == layout.Furniture {
			continue
		}
		if b.Kind == layout.TableRow {
			return nil
		}
		if (b.Kind == layout.KeyValue || b.Kind == layout.ListItem && b.Level > bs[k].Level) && speakerKey[strings.ToLower(strings.Trim(b.Key, " *"))] {
			return people(b.Value, g)
		}
		if m := speakerLead.FindStringSubmatch(b.Text); m != nil {
			return people(m[1], g)
		}
		if b.Kind == layout.Heading {
			return nil
		}
		if b.Kind == layout.ListItem {
			if bs[k].Kind == layout.ListItem && b.Level <= bs[k].Level {
				// The next entry of the same list, or of the list it is
				// in: a talk of its own or a topic, not who gives this one.
				return nil
			}
			// A panel's people as a list: "- Name, Title at Company".
			var all []listing.Speaker
			for ; j < len(bs) && bs[j].Kind == layout.ListItem && len(all) < maxListedPeople; j++ {
				sp := people(bs[j].Text, g)
				if len(sp) != 1 {
					break
				}
				all = append(all, sp...)
			}
			if len(all) > 0 {
				return all
			}
			return nil
		}
		if m := byLead.FindStringSubmatch(b.Text); m != nil {
			// "by A, Acme; B, Initech; C, Globex": a line that opens with
			// "by" is the attribution, however many people it names.
			if sp := people(m[1], g); len(sp) > 0 {
				return sp
			}
		}
		if sp := honorificBy(b.Text); len(sp) > 0 {
			return sp
		}
		if m := whenTailIn(b.Text); m != nil && m[0] > 0 {
			// "A（Acme）、B（Initech）、C（Globex） 11月12日（水）• 10:11 - 10:26":
			// the people, then the session's day and time.
			if sp := people(b.Text[:m[0]], g); len(sp) > 1 {
				return sp
			}
		}
		if len(strings.Fields(b.Text)) <= 12 {
			if sp := people(b.Text, g); len(sp) > 0 {
				return sp
			}
		}
		// "A & B, Asana | Wednesday, 25 March | 15:00 - 15:30": the people,
		// then the session's day and time after bars.
		if parts := strings.Split(b.Text, " | "); len(parts) > 1 && len(strings.Fields(parts[0])) <= 12 && whenFields(parts[1:]) {
			if sp := people(parts[0], g); len(sp) > 0 {
				return sp
			}
		}
		first := b.Text
		if i := strings.Index(first, ". "); i > 0 {
			first = first[:i]
		}
		// "The panel consisted of the following: A (X), B (Y) and C (Z),
		// moderated by D of W."
		if i := strings.Index(b.Text, ": "); i > 0 && panelCue.MatchString(b.Text[strings.LastIndexAny(b.Text[:i], ".!?")+1:i]) {
			list := b.Text[i+2:]
			if j := strings.Index(list, ". "); j > 0 {
				list = list[:j]
			}
			if sp := people(strings.TrimRight(list, "."), g); len(sp) > 0 {
				return sp
			}
		}
		// "… to learn. This session by Ana Luz from Acme offers …": a
		// session word and "by" anywhere in the paragraph.
		if loc := sessionBy.FindStringSubmatchIndex(b.Text); loc != nil {
			name := b.Text[loc[2]:loc[3]]
			if c := companyAfter.FindStringSubmatch(b.Text[loc[1]:]); c != nil && !strings.Contains(name, "(") {
				if list := nameList.FindString(b.Text[loc[2]:]); list != "" {
					// "talk by A, B and C from Acme and D from Initech"
					return namesWithCompanies(list)
				}
				name += " of " + c[1]
			}
			if sp := people(name, g); len(sp) > 0 {
				return sp
			}
		}
		if loc := talkBy.FindStringSubmatchIndex(first); loc != nil && talkCue.MatchString(first) && !madeBy.MatchString(first[:loc[2]]) {
			name := first[loc[2]:loc[3]]
			// "by Google’s Jago Macleod": the company, then the person.
			if f := strings.Fields(name); len(f) >= 3 && (strings.HasSuffix(f[0], "’s") || strings.HasSuffix(f[0], "'s")) {
				return people(strings.Join(f[1:], " ")+" of "+strings.TrimRight(f[0][:len(f[0])-len("s")], "’'"), g)
			}
			// "This session by Ana Luz from Acme".
			if c := companyAfter.FindStringSubmatch(first[loc[1]:]); c != nil && !strings.Contains(name, "(") {
				return people(name+" of "+c[1], g)
			}
			return people(name, g)
		}
		// "Darren Sample of Weaveworks gave a talk on …", "Ana Luz (Acme)
		// showed …": the paragraph opens with who presented.
		if m := presenterFirst.FindStringSubmatch(first); m != nil {
			attribution := m[1]
			if m[2] != "" {
				attribution += " of " + m[2]
			}
			return people(attribution, g)
		}
		if bs[k].Kind != layout.Heading {
			// Under a link or a list item naming a session, the paragraph
			// that describes it says who gives it anywhere in its text:
			// "In this keynote, Ana Luz runs us through …", "Bo Sample of
			// Acme will show us …", "drawn to Cy Demo's talk".
			return presentersIn(b.Text, g)
		}
		if oneSession.MatchString(bs[k].Text) || sessionHere.MatchString(b.Text) {
			// Under a heading that names a session ("Operators Panel
			// Discussion"), the first lines say who gave it.
			if sp := presentersIn(b.Text, g); len(sp) > 0 {
				return sp
			}
			continue
		}
		return nil
	}
	return nil
}

var (
	presenterVerb = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+(?:\s+(?:van|von|de|da|del|der|di|le|la))?(?:\s+\p{Lu}[\p{L}'’\-]+){1,2}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’\-]+(?:\s+(?:van|von|de|da|del|der|di|le|la))?(?:\s+\p{Lu}[\p{L}'’\-]+){1,2}){0,5})(?:\s*\(([^()]{2,60})\)|\s+(?:of|from|at)\s+(\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3})|,\s+who|,\s+(?:both\s+|all\s+three\s+|each\s+)?(?:at|from|of|with)\s+(\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3}),)?\s+(?:will\s+|also\s+|then\s+)?(?:told|tells|dives?|dived|runs|ran|shows?|showed|explains?|explained|presents?|presented|gave|gives|delivered|delivers|talks|talked|walks|walked|shares?|shared|demos|demoed|demonstrates?|demonstrated|describes?|described|covers|covered|introduces?|introduced|discuss|discussed|discusses|join|joins|present|talk|walk|give|deliver|demo|describe|cover|made|spoke|speaks|do|be presenting|be speaking|be giving|be talking|provided|provides|offered|offers|focused|hosted|hosts|moderated|led)\b`)
)

// presentersIn finds the people a description of a session names as
// giving it: a name followed by what a presenter does, or a name's talk.
func presentersIn(text string, g attrib.Gazetteer) []listing.Speaker {
	return presenters(text, g, true)
}

// presenters is presentersIn; a name's talk ("Cy Demo's talk on …") counts
// only when possessive is set, as that talk may be another than the one
// the line above names.
func presenters(text string, g attrib.Gazetteer, possessives bool) []listing.Speaker {
	var out []listing.Speaker
	seen := map[string]bool{}
	add := func(name, company string) {
		if seen[name] || !listing.Personish(name) || g != nil && (g.IsOrg(name) || g.NotPerson(name) || g.IsProject(name)) || len(out) >= maxListedPeople {
			return
		}
		seen[name] = true
		out = append(out, listing.Speaker{Name: name, Company: company, Part: "speaker"})
	}
	for _, m := range presenterVerb.FindAllStringSubmatch(text, -1) {
		if strings.HasSuffix(m[1], "'s") || strings.HasSuffix(m[1], "’s") {
			continue // "Cy Demo's talk": read below
		}
		attribution := m[1]
		switch {
		case m[2] != "":
			attribution += " (" + m[2] + ")"
		case m[3] != "":
			attribution += " of " + strings.TrimSpace(m[3])
		case m[4] != "":
			attribution += ", " + strings.TrimSpace(m[4]) // "A and B, both at Acme,"
		}
		ps := people(attribution, g)
		if attribution == m[1] {
			// Names only: "A, B, C and D talked about …".
			if names := onlyNames(m[1], g); len(names) > 0 {
				ps = names
			}
		}
		for _, p := range ps {
			add(p.Name, p.Company)
		}
	}
	for _, m := range possessive.FindAllStringSubmatch(text, -1) {
		if possessives {
			add(m[1], "")
		}
	}
	// "Speakers Ana Luz of Acme and Bo Sample of Initech focused …", "this
	// talk by A, B and C from Acme and D from Initech".
	for _, m := range speakersNoColon.FindAllStringSubmatch(text, -1) {
		for _, p := range namesWithCompanies(m[1]) {
			add(p.Name, p.Company)
		}
	}
	for _, loc := range sessionLead.FindAllStringIndex(text, -1) {
		for _, p := range namesWithCompanies(nameList.FindString(text[loc[1]:])) {
			add(p.Name, p.Company)
		}
	}
	// "登壇者は Acme の Ana Luz さんです": the speaker is Ana Luz of Acme.
	for _, m := range speakerIsJa.FindAllStringSubmatch(text, -1) {
		add(m[2], strings.TrimSpace(m[1]))
	}
	return out
}

const (
	personRe  = `\p{Lu}[\p{L}'’\-]+(?:\s+(?:van|von|de|da|del|der|di|le|la))?(?:\s+\p{Lu}[\p{L}'’\-]+){1,3}`
	companyRe = `\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3}`
)

var (
	// nameList is names, each perhaps with "of Acme": "A, B and C of
	// Acme", "A of Acme and B of Initech".
	nameList    = regexp.MustCompile(`^` + personRe + `(?:\s+(?:of|from|at)\s+` + companyRe + `)?(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)` + personRe + `(?:\s+(?:of|from|at)\s+` + companyRe + `)?)*`)
	nameWithCo  = regexp.MustCompile(`(` + personRe + `)(?:\s+(?:of|from|at)\s+(` + companyRe + `))?`)
	sessionLead = regexp.MustCompile(`(?i:talk|session|keynote|presentation|panel|workshop|tutorial)\s+(?:by|from)\s+`)
)

// namesWithCompanies reads a list of names in which a company follows the
// names it is theirs: "A, B and C of Acme and D from Initech".
func namesWithCompanies(s string) []listing.Speaker {
	var out []listing.Speaker
	pending := 0
	for _, m := range nameWithCo.FindAllStringSubmatch(s, -1) {
		out = append(out, listing.Speaker{Name: m[1], Part: "speaker"})
		if m[2] != "" {
			for i := pending; i < len(out); i++ {
				out[i].Company = m[2]
			}
			pending = len(out)
		}
	}
	return out
}

var speakersNoColon = regexp.MustCompile(`\bSpeakers?\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s+(?:of|from|at)\s+\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3})?(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s+(?:of|from|at)\s+\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3})?)*)`)

var speakerIsJa = regexp.MustCompile(`(?:登壇者|スピーカー|講演者|発表者)(?:は|：|:)\s*(?:(\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3})\s*の\s*)?(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2})\s*(?:さん|氏)`)

// sessionBy is a word for one session and "by" a name: "This session by
// Ana Luz", "the keynote by Bo Sample (Acme)".
var sessionBy = regexp.MustCompile(`(?i:talk|session|keynote|presentation|panel|workshop|tutorial)\s+(?:by|from)\s+(\p{Lu}[\p{L}'’.\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]+|van|von|de|der)){1,3}(?:\s*\([^)]{2,60}\))?(?:(?:,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}(?:\s*\([^)]{2,60}\))?)*)`)

// companyAfter is "from Acme" right after a name.
var companyAfter = regexp.MustCompile(`^\s+(?:from|of|at)\s+(\p{Lu}[\p{L}0-9&.\-]*(?:\s+\p{Lu}[\p{L}0-9&.\-]*){0,3})`)

// sessionHere is a paragraph that says it speaks of the session above:
// "In this session, Ana Luz will discuss …".
var sessionHere = regexp.MustCompile(`(?i)\b(?:in|during)\s+(?:this|the|her|his|their)\s+(?:talk|session|keynote|presentation|panel|workshop)\b`)

var thanksLead = regexp.MustCompile(`(?i)^(?:thank you|thanks|merci|danke|gracias|obrigad[oa]|ありがとう|谢谢)\b`)

var asideLead = regexp.MustCompile(`(?i)^(?:note|notes|nb|update|updated|edit|ps|p\.s\.|tl;dr|tldr|disclaimer|aside)\s*:`)

// oneSession is a word for one session, not a block of them ("Operators
// Panel Discussion", not "Community sessions").
var oneSession = regexp.MustCompile(`(?i)\b(?:talk|keynote|session|presentation|panel|workshop|tutorial|fireside chat)\b`)

var timeTrack = regexp.MustCompile(`(?i)^\W*(?:\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:[-–]\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?)?\s*(?:[\p{L}+ ]{2,30}:)?\s*$`)

var (
	cueThenBy  = regexp.MustCompile(`^\W*(?:talk|keynote|session|presentation|panel|lightning talk|workshop|tutorial)\s+(?:by|from|(?:led|given|presented|hosted|delivered|run)\s+by)\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s*\([^)]{2,60}\))?(?:(?:,\s*|,?\s+and\s+|\s*&\s*)(?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s*\([^)]{2,60}\))?)*)`)
	nameAndHis = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+)\s+and\s+(?:his|her|their)\s*$`)
)

// attributionBefore is a name with its affiliation in parentheses, or a
// name after "from" or "by", that ends just before a quoted title:
// "from Hannah Okafor (Engineer at Acme), “Title”".
var attributionBefore = regexp.MustCompile(`(?:\b(?:from|by)\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+)(\s*\([^()]{2,80}\))?|((?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+)(\s*\([^()]{2,80}\)))\s*[,:—–]\s*$`)

// resourceWords name what a link leads to rather than a session: "Full
// YouTube playlist", "Presentation PDF", "注册" (register).
var resourceWords = regexp.MustCompile(`(?i)\b(?:youtube|videos?|recordings?|slides?|presentations?|deck|playlist|schedule|sched|calendar|pdf|watch|register|registration|link|here)\b|注册|报名|视频|日历|録画|資料|スライド|登録|カレンダー`)

// linkPointer is link text in another language than English that points
// at a page rather than naming a session: "Hier geht es zum Programm",
// "Más información aquí", "Voir le programme".
var linkPointer = regexp.MustCompile(`(?i)\b(?:hier|aquí|aqui|ici|programm|programa|programme|programma|zeitplan|horario|anmeld\w*|inscri\w*|informationen|información)\b`)

// deictic is link text that points at a session rather than naming it:
// "the session", "In this session", "Leo Liang and his team".
// articleLead is a title-cased title's leading article.
var articleLead = regexp.MustCompile(`^(?:The|A|An)\s`)

var deictic = regexp.MustCompile(`(?i)^(?:in\s+|at\s+|during\s+)?(?:the|this|that|these|those|his|her|their|our|my|a|an)\s|\s(?:his|her|their|our|my)\s`)

// pointingText is link text that points at a session by its kind instead
// of naming it: "This 90-minute tutorial", "our talk", "the second
// session".
var pointingText = regexp.MustCompile(`(?i)^(?:this|that|the|our|my|his|her|their)\s+(?:[\p{L}0-9-]+\s+){0,2}(?:talk|session|tutorial|keynote|workshop|panel|presentation|demo)s?$`)

// sessionPage is the address of one session on a conference schedule.
// The slides a session's speakers put on its page (static.sched.com/
// hosted_files/…) stand for the session as well.
var (
	sessionPage  = regexp.MustCompile(`(?i)\bsched\.co/\w|\.sched\.com/event/\w|static\.sched\.com/hosted_files/\w`)
	hostedSlides = regexp.MustCompile(`(?i)static\.sched\.com/hosted_files/`)
)

// sessionLinkText reports the text of a link to a recording or a session
// page that names the session: title-shaped, or a longer title in
// sentence case; not the name of what the link leads to.
func sessionLinkText(t string) bool {
	n := len(strings.Fields(t))
	strict := titleShaped(t)
	if resourceWords.MatchString(t) && (n <= 4 || !strict) {
		return false
	}
	return strict || looseTitle(t) && n >= 5
}

var parenAfter = regexp.MustCompile(`^\s*[(（]([^()（）]{3,80})[)）]`)

var byWithRole = regexp.MustCompile(`\b(?:by|from)\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:\p{Lu}[\p{L}'’\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+)*)(?:,\s+(an?\s+[^,]{3,60}?\s+(?:at|of|from)\s+[^,]{2,40}))?,?\s+(?:titled|called|named|on|about|with)\s*$`)

var panelCue = regexp.MustCompile(`(?i)\b(?:panel|panelists|consisted|featur(?:ed|ing)|speakers?|presenters?|hosted)\b`)

var presenterFirst = regexp.MustCompile(`^((?:\p{Lu}[\p{L}'’.\-]+\s+){1,3}\p{Lu}[\p{L}'’.\-]+(?:\s*\([^)]{2,60}\))?)(?:\s+(?:of|from|at)\s+((?:\p{Lu}[\p{L}0-9&.\-]*\s*){1,4}))?,?\s+(?:gave|delivered|presented|showed|explained|walked|talked|spoke|demoed|demonstrated|shared|opened|started|kicked off)\b`)

// topicHeading reports a heading made only of project names ("Flux &
// Argo", "Linkerd / Istio"): a topic of the post, not a session.
func topicHeading(t string, g attrib.Gazetteer) bool {
	if g == nil {
		return false
	}
	parts := topicSep.Split(t, -1)
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" || !g.IsProject(p) {
			return false
		}
	}
	return true
}

var (
	firstNameParen = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+)(?:\s+\p{Lu}[\p{L}'’\-]+)?\s*\(([^()]{2,60})\)`)
	nameRoleAt     = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+)(?:\s+\p{Lu}[\p{L}'’\-]+)?,\s+(?:an?|the|our|their)\s+[\p{Ll}\s\-]{2,40}?\s+(?:at|from|of|with)\s+(\p{Lu}[\p{L}0-9&\-]*(?:\s+\p{Lu}[\p{L}0-9&\-]*){0,3})`)
	companyOfJa    = regexp.MustCompile(`(\p{Lu}[\p{Latin}0-9&.\-]*(?:\s+\p{Lu}[\p{Latin}0-9&.\-]*){0,3})\s*の\s*(?:お二人|お三方|皆さん|皆様|(\p{L}+)\s*(?:さん|氏))`)
	bothAt         = regexp.MustCompile(`\(?\b(?:both|all three|all|each)\s+(?:at|from|of|with)\s+(\p{Lu}[\p{L}0-9&\-]*(?:\s+\p{Lu}[\p{L}0-9&\-]*){0,3})`)
)

// companiesFromProse gives people of an item who have no company yet the
// one the text under the item gives them: "Baptiste (OVHcloud) and Clara
// (Red Hat) told …", "Margit and Jonas (both at NordHPC) run …".
func companiesFromProse(bs []layout.Block, k int, sp []listing.Speaker, g attrib.Gazetteer) {
	for j := k + 1; j < len(bs) && j <= k+2; j++ {
		b := bs[j]
		if b.Kind == layout.Heading {
			return
		}
		if b.Kind == layout.Furniture {
			continue
		}
		for _, m := range firstNameParen.FindAllStringSubmatch(b.Text, -1) {
			name, aff := m[1], m[2]
			if bothAt.MatchString("(" + aff) {
				continue
			}
			for i := range sp {
				if sp[i].Company == "" && firstName(sp[i].Name) == name {
					if ps := attrib.Parse(sp[i].Name+" ("+aff+")", g); len(ps) == 1 && plainCompany(ps[0].Company) {
						sp[i].Company = ps[0].Company
					}
				}
			}
		}
		// "Teodora, an engineer at Acme, showed …"
		for _, m := range nameRoleAt.FindAllStringSubmatch(b.Text, -1) {
			for i := range sp {
				if sp[i].Company == "" && firstName(sp[i].Name) == m[1] && plainCompany(m[2]) && !g.IsProject(m[2]) {
					sp[i].Company = m[2]
				}
			}
		}
		// "Acme の Fang さん", "Acme のお二人": Japanese gives the company
		// before the person ("the two of Acme").
		for _, m := range companyOfJa.FindAllStringSubmatch(b.Text, -1) {
			company := strings.TrimSpace(m[1])
			if !plainCompany(company) || g.IsProject(company) {
				continue
			}
			for i := range sp {
				if sp[i].Company != "" {
					continue
				}
				if m[2] == "" || slices.Contains(strings.Fields(sp[i].Name), m[2]) {
					sp[i].Company = company
				}
			}
		}
		// "At Acme, we run 700 clusters": a session's description in its
		// speakers' voice names where they work.
		if m := weAtIn(b.Text); m != nil && plainCompany(m[1]+m[2]) && !g.IsProject(m[1]+m[2]) && !conferece.MatchString(m[1]+m[2]) {
			for i := range sp {
				if sp[i].Company == "" {
					sp[i].Company = m[1] + m[2]
				}
			}
		}
		if m := bothAt.FindStringSubmatch(b.Text); m != nil {
			company := strings.TrimSpace(strings.TrimRight(m[1], ").,; "))
			for i := range sp {
				if sp[i].Company == "" && strings.Contains(b.Text, firstName(sp[i].Name)) {
					sp[i].Company = company
				}
			}
		}
	}
}

// weAt is a description's "At Acme, we …" or "we at Acme": the company
// of the people who wrote it, in one of the two groups.
var weAt = regexp.MustCompile(`(?:^|[.!?]\s+|\s)At\s+(\p{Lu}[\p{L}0-9&\-]*(?:\s+\p{Lu}[\p{L}0-9&\-]*){0,2}),?\s+(?:we|our)\s|\bwe at\s+(\p{Lu}[\p{L}0-9&\-]*(?:\s+\p{Lu}[\p{L}0-9&\-]*){0,2})\b`)

// whenFields reports fields that are each a day, a date or a time.
func whenFields(fs []string) bool {
	for _, f := range fs {
		f = strings.TrimSpace(f)
		if !weekdayRe.MatchString(f) && !clockOrDate.MatchString(f) && !dayCell.MatchString(f) {
			return false
		}
	}
	return true
}

// weAtIn matches weAt in text that can hold it.
func weAtIn(text string) []string {
	if !strings.Contains(text, "At ") && !strings.Contains(text, "we at ") {
		return nil
	}
	return weAt.FindStringSubmatch(text)
}

// plainCompany reports a company name as prose gives it plainly: one to
// four words, the first capitalised, no clause after it.
func plainCompany(c string) bool {
	ws := strings.Fields(c)
	if len(ws) == 0 || len(ws) > 4 || strings.ContainsAny(c, ",;") {
		return false
	}
	r := []rune(ws[0])
	return unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])
}

func firstName(n string) string {
	if f := strings.Fields(n); len(f) > 0 {
		return f[0]
	}
	return ""
}

// trailingNames are two or more full names joined by "&" or "and" at the
// end of a line, with nothing between them and the title before them:
// "### How to Migrate Clusters With Zero Disturbance Tobias Gies & Sean
// Schnee".
var trailingNames = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+ \p{Lu}[\p{L}'’\-]+(?:,? (?:&|and|und|et|y) \p{Lu}[\p{L}'’\-]+ \p{Lu}[\p{L}'’\-]+)+)$`)

// titleThenNames reads a heading that is a title and then its people's
// full names with no separator: every name must read as a person's and
// no organisation's, and the title before them must be title-shaped.
func titleThenNames(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	if b.Kind != layout.Heading || !strings.Contains(b.Text, "&") && !strings.Contains(b.Text, " and ") && !strings.Contains(b.Text, " und ") &&
		!strings.Contains(b.Text, " et ") && !strings.Contains(b.Text, " y ") {
		return Item{}, false
	}
	t, keynote := stripKind(b.Text)
	m := trailingNames.FindStringSubmatchIndex(t)
	if m == nil {
		return Item{}, false
	}
	title := strings.TrimSpace(t[:m[2]])
	if len(strings.Fields(title)) < minDashTitleWords || !titleShaped(title) {
		return Item{}, false
	}
	var sp []listing.Speaker
	for _, n := range nameListSep.Split(t[m[2]:m[3]], -1) {
		if n = strings.TrimSpace(n); !onlyPerson(n) || attrib.Orgish(n, g) || g != nil && g.IsProject(n) {
			return Item{}, false
		}
		sp = append(sp, listing.Speaker{Name: n, Part: "speaker"})
	}
	return Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleTitleBy, Keynote: keynote}, true
}

// headingComma reads a numbered heading "1. Title, Speaker" or a heading
// "Title, Speaker (Company)".
func headingComma(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	if b.Kind != layout.Heading && b.Ordinal == 0 {
		return Item{}, false
	}
	t, keynote := stripKind(b.Text)
	// From the last comma leftwards: the attribution is the longest tail
	// that reads as people with as many companies as the shortest one
	// ("Fooling Scanners, Ann Lee, Bo Chan, Cy Diaz, Acme"), so a title's
	// own comma ("Small Teams, Big Clusters, Sora Nishimura") stays in it.
	var found *Item
	companies := -1
	i := strings.LastIndex(t, ", ")
	for i > 0 {
		title, rest := strings.TrimSpace(t[:i]), t[i+2:]
		sp := people(rest, g)
		if len(sp) > 0 && (titleShaped(title) || looseTitle(title)) {
			if n := countCompanies(sp); companies < 0 || n == companies {
				companies = n
				found = &Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleHeadingComma, Keynote: keynote}
			} else {
				break
			}
		} else if found != nil {
			break
		}
		i = strings.LastIndex(t[:i], ", ")
	}
	if found != nil {
		return *found, true
	}
	return Item{}, false
}

// cjkKeyHas reports a Chinese, Japanese or Korean column name that holds
// one of keys written in those scripts ("官方英文标题", the official English
// title): they are written without spaces, so a key is a part of the name.
func cjkKeyHas(k string, keys map[string]bool) bool {
	if !hasCJK(k) {
		return false
	}
	for w := range keys {
		if hasCJK(w) && strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// tableRow reads a schedule row: the title column and the speaker and
// company columns its header names, or title then speakers by position.
func tableRow(b layout.Block, g attrib.Gazetteer) []Item {
	title, who, company := -1, -1, -1
	for i, h := range b.Header {
		k := strings.ToLower(strings.TrimSpace(h))
		switch {
		case title < 0 && !strings.Contains(k, "speaker") && (titleKeys[k] || cjkKeyHas(k, titleKeys) || strings.HasPrefix(k, "event name") || strings.Contains(k, "title") || strings.Contains(k, "talk") || strings.Contains(k, "session") || strings.Contains(k, "topic") || k == "subject" || k == "name" || k == "トピック" || k == "演題" || k == "主题"):
			title = i
		case who < 0 && (speakerKey[k] || strings.Contains(k, "speaker") || strings.Contains(k, "presenter")):
			who = i
		case company < 0 && companyKey[k]:
			company = i
		}
	}
	// A column the header names as the title ("Session title", "官方英文标题")
	// holds sessions, with their people or not.
	named := title >= 0
	if b.Header == nil && len(b.Cells) >= 2 {
		title, who = 0, 1
	}
	if b.Header != nil && len(b.Cells) < len(b.Header) {
		// A row short of its header's columns has lost one (an empty
		// place, a merged cell): which cell is the title is anyone's guess.
		return nil
	}
	if title < 0 {
		// No column says "title": the first cell with words in it, not a
		// link, a time or a date.
		for i, c := range b.Cells {
			if len(strings.Fields(c)) >= 2 && !clockOrDate.MatchString(c) && !dayCell.MatchString(c) {
				title = i
				break
			}
		}
	}
	if title < 0 || title >= len(b.Cells) {
		return nil
	}
	t, keynote := stripKind(b.Cells[title])
	t, elsewhere := venueTail(t)
	if elsewhere {
		return nil
	}
	var sp []listing.Speaker
	if who >= 0 && who < len(b.Cells) {
		sp = people(b.Cells[who], g)
		if len(sp) == 0 {
			for _, n := range nameListSep.Split(b.Cells[who], -1) {
				// A name in a speaker column: "Ann Lee", or in Japanese
				// or Chinese script ("アン・リー", "李安").
				if listing.Personish(n) || attrib.CJKName(n) {
					sp = append(sp, listing.Speaker{Name: n, Part: "speaker"})
				}
			}
		}
		if company >= 0 && company < len(b.Cells) && strings.TrimSpace(b.Cells[company]) != "" {
			for i := range sp {
				if sp[i].Company == "" {
					sp[i].Company = strings.TrimSpace(b.Cells[company])
				}
			}
		}
	} else if tt, s2 := splitTitleAttribution(t, g); tt != "" {
		t, sp = tt, s2
	} else if i := strings.Index(t, "..."); i > 0 {
		// A long title cut short: "Why Gardens Matter for... Bo Sample & Li Demo".
		if s2 := people(t[i+3:], g); len(s2) > 0 {
			t, sp = strings.TrimSpace(t[:i]), s2
		}
	}
	if !titleShaped(t) && !looseTitle(t) && len(sp) == 0 {
		return nil
	}
	return []Item{{Title: cleanTitle(t), Speakers: sp, Rule: RuleTableRow, Keynote: keynote, Weak: len(sp) == 0 && !keynote && !named && !kindLead.MatchString(b.Cells[title])}}
}

// dayCell is a day written short in a schedule's cell: "Sat. 16th",
// "Wed 20", "Tuesday".
var dayCell = regexp.MustCompile(`(?i)^\W*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?\.?)?\s*$`)

var clockOrDate = regexp.MustCompile(`^\W*\d{1,4}[:/.\-]\d{1,2}`)

// keyValue reads a block of "Session Title: …" followed within a few
// lines by "Speakers: A, Company & B, Company".
func keyValue(bs []layout.Block, k int, g attrib.Gazetteer) []Item {
	b := bs[k]
	key := strings.ToLower(strings.Trim(b.Key, " *"))
	if !titleKeys[key] && !strings.HasSuffix(key, " title") && !sessionKindKey(key) {
		return nil
	}
	t, keynote := stripKind(strings.Trim(b.Value, `"“” `))
	it := Item{Title: cleanTitle(t), Rule: RuleKeyValue, Keynote: keynote}
	var company string
	for j := k + 1; j < len(bs) && j <= k+5 && bs[j].Line-b.Line <= 8; j++ {
		n := bs[j]
		if n.Kind != layout.KeyValue && n.Kind != layout.ListItem {
			continue
		}
		nk := strings.ToLower(strings.Trim(n.Key, " *"))
		if n.Kind == layout.ListItem {
			if kv := strings.SplitN(n.Text, ":", 2); len(kv) == 2 {
				nk, n.Value = strings.ToLower(strings.TrimSpace(kv[0])), strings.TrimSpace(kv[1])
			}
		}
		if titleKeys[nk] || strings.HasSuffix(nk, " title") || strings.HasSuffix(nk, "titel") {
			break
		}
		if speakerKey[nk] && len(it.Speakers) == 0 {
			it.Speakers = people(n.Value, g)
		}
		if companyKey[nk] {
			company = n.Value
		}
	}
	if len(it.Speakers) == 0 {
		// "Keynote: Title – A, Company" or "基調講演: Title（Name さん）"
		// on one line.
		if title, sp := splitTitleAttribution(it.Title, g); title != "" {
			it.Title, it.Speakers = cleanTitle(title), sp
		} else if m := parenTail.FindStringSubmatch(it.Title); m != nil {
			if sp := onlyNames(m[2], g); len(sp) > 0 {
				it.Title, it.Speakers = cleanTitle(m[1]), sp
			} else if sp := people(m[2], g); len(sp) > 0 {
				it.Title, it.Speakers = cleanTitle(m[1]), sp
			}
		}
	}
	if len(it.Speakers) == 0 && k+1 < len(bs) && bs[k+1].Kind == layout.Paragraph && bs[k+1].Line-b.Line <= 2 {
		// "Keynote: Title" over "Bo Sample, CTO of Acme, spoke about …":
		// the description under it says who gave it.
		it.Speakers = describedBy(bs[k+1].Text, g)
	}
	if key == "keynote" || strings.HasSuffix(key, " keynote") {
		it.Keynote = true
	}
	for i := range it.Speakers {
		if it.Speakers[i].Company == "" {
			it.Speakers[i].Company = company
		}
	}
	if it.Title == "" || len(strings.Fields(it.Title)) < 2 {
		return nil
	}
	return []Item{it}
}

// sessionKindKey reports a key naming a keynote with a word before it:
// "Opening keynote", "Closing keynote". ("Lightning Talk: …" is part of
// its title, read as such by the kind-lead rule.)
func sessionKindKey(key string) bool {
	f := strings.Fields(key)
	return len(f) == 2 && f[1] == "keynote"
}

// describedBy returns who a session's description says gave it: a name
// followed by what a presenter does ("Ana Ruiz showed …"), or a name with
// the company and role between commas opening the description ("Bo
// Sample, CTO of Acme, spoke about …", "Li Demo, Acme (CNCF), CTO kicked
// off …").
func describedBy(text string, g attrib.Gazetteer) []listing.Speaker {
	if sp := presenters(text, g, false); len(sp) > 0 {
		return sp
	}
	m := leadAttribution.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	// "Linux Foundation (CNCF), CTO": the short name in parentheses is no
	// part of the company's.
	sp := people(m[1]+abbrParen.ReplaceAllString(m[2], ""), g)
	if len(sp) == 0 || !listing.Personish(sp[0].Name) {
		return nil
	}
	return sp[:1]
}

// abbrParen is a short name in capitals in parentheses: "(CNCF)".
var abbrParen = regexp.MustCompile(`\s*\(\p{Lu}{2,8}\)`)

// leadAttribution is a description opening with a name, what it does
// between commas, and what a presenter does.
var leadAttribution = regexp.MustCompile(`^(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2})((?:,\s*[^,.;:!?]{2,60}?){1,3}),?\s+(?:kicked off|opened|closed|spoke|talked|presented|explained|shared|showed|gave|delivered|took the stage|walked|discussed|introduced|announced|described|demonstrated|demoed)\b`)

// ownerRightBefore is a person's name and "'s" right before a title.
var ownerRightBefore = regexp.MustCompile(`(\p{Lu}[\p{L}.\-]+(?:\s+\p{Lu}[\p{L}.\-]+){1,2})['’]s$`)

// quotedTitles reads titles quoted in running text next to an attribution:
// "A (Role at Company)'s keynote, “Title”", "“Title” by A and B", "the
// talk “Title”".
func quotedTitles(b layout.Block, g attrib.Gazetteer) []Item {
	var out []Item
	// Titles in quotes, and link texts in running text ("I enjoyed the
	// [Pods All the Way Down](url) keynote from Sam Lee"), are read alike.
	spans := quoted.FindAllStringSubmatchIndex(b.Text, -1)
	// "The session was titled 'Title'": single quotes around a title only
	// right after a word that names it (elsewhere they are apostrophes).
	named := map[int]bool{} // spans a word names ("titled 'Title'")
	for _, m := range namedSingleIn(b.Text) {
		spans = append(spans, []int{m[2] - 1, m[3] + 1, m[2], m[3]})
		named[m[2]-1] = true
	}
	session := map[int]bool{} // spans that link to a session's page
	bold := map[int]bool{}    // spans set in bold
	// "I enjoyed **Title by Ana Ruiz**", "the keynote **Title**": a title
	// set in bold in running text, perhaps with who gave it.
	for _, m := range boldSpan.FindAllStringSubmatch(b.Raw, -1) {
		inner := layout.PlainText(m[1] + m[2])
		if i := strings.Index(b.Text, inner); i >= 0 && len(strings.Fields(inner)) >= 3 {
			bold[i] = true
			spans = append(spans, []int{i, i + len(inner), i, i + len(inner)})
		}
	}
	for _, l := range b.Links {
		if i := strings.Index(b.Text, l.Text); i >= 0 && l.Text != "" {
			// Slides named by two words ("[Working Group](….pdf)") name
			// what they are about more often than the session.
			if sessionPage.MatchString(l.URL) && (!hostedSlides.MatchString(l.URL) || len(strings.Fields(l.Text)) >= 3) {
				session[i] = true
			}
			spans = append(spans, []int{i, i + len(l.Text), i, i + len(l.Text)})
		}
	}
	cuedEnd := 0 // where the last title named after a word for a session ends
	for _, m := range spans {
		title := strings.TrimSpace(strings.TrimRight(b.Text[m[2]:m[3]], ",.;:"))
		// The text of a link to a session's page is its title in any
		// script or case ("[헬름 3 심층 분석](https://sched.co/…)").
		linked := session[m[0]] && len(strings.Fields(title)) >= 2 && !resourceWords.MatchString(title) && !linkPointer.MatchString(title) &&
			(hasCJK(title) || titleShaped(strings.TrimRight(title, "!?")) || looseTitle(strings.TrimRight(title, "!?"))) &&
			// "[the session](…)" points at it; "[The Rise of the End
			// Users](…)", title-cased after its article, names it.
			(!deictic.MatchString(title) || articleLead.MatchString(title) && titleShaped(strings.TrimRight(title, "!?")))
		// "**Title by A, Acme**", "**Title - A & B**": the bold span holds
		// who gave it as well.
		var boldBy []listing.Speaker
		if bold[m[0]] {
			if bm := byAttrib.FindStringSubmatch(title); bm != nil {
				if sp := people(bm[2], g); len(sp) > 0 && (titleShaped(strings.TrimRight(bm[1], "!?")) || looseTitle(bm[1])) {
					title, boldBy = strings.TrimSpace(bm[1]), sp
				}
			}
			if t, sp := splitTitleAttribution(title, g); boldBy == nil && t != "" && len(sp) > 0 {
				title, boldBy = t, sp
			}
		}
		before := b.Text[max(0, m[0]-120):m[0]]
		// "Another standout session, “Title”", "Talks like “Title”": the
		// word for a session right before the quote says what it names.
		// "Talks like “A” and “B”": the next title of the list too.
		cued := !bold[m[0]] && (cueRightBefore.MatchString(strings.TrimRight(before, "“\"«「『 ")) ||
			cuedEnd > 0 && cuedEnd <= m[0] && listJoin.MatchString(b.Text[cuedEnd:m[0]]))
		if cued {
			cuedEnd = m[1]
		}
		// Two title-cased words after a word for a session
		// ("session, “Stateful Superpowers”") are a title too.
		twoCued := cued && len(strings.Fields(title)) == 2 && mostlyCapitalised(strings.Fields(title))
		// A title a word names ("titled 'Fewer clusters, more tenants: …'")
		// may be in sentence case.
		namedLoose := cued && named[m[0]] && looseTitle(title) && len(strings.Fields(title)) >= 3
		if !linked && boldBy == nil && !twoCued && !namedLoose && (!titleShaped(title) || len(strings.Fields(title)) < 3) {
			continue
		}
		after := b.Text[m[1]:min(len(b.Text), m[1]+120)]
		it := Item{Title: cleanTitle(title), Rule: RuleQuotedTitle, Speakers: boldBy}
		if linked {
			// "[Title - A & B (Acme)](sched)": the link's text gives who
			// gave it too.
			if t, sp := splitTitleAttribution(title, g); t != "" && len(sp) > 0 {
				it.Title, it.Speakers = cleanTitle(t), sp
			}
		}
		if mm := byClause.FindStringSubmatch(after); len(it.Speakers) == 0 && mm != nil {
			it.Speakers = people(mm[1], g)
		}
		if mm := byClauseOther.FindStringSubmatch(after); len(it.Speakers) == 0 && mm != nil {
			// "“Title” de José Santos, Ghent University (vidéo)": "by" in
			// French, German, Spanish or Italian, up to a parenthesis.
			it.Speakers = people(mm[1], g)
		}
		if len(it.Speakers) == 0 {
			// "Kelsey Hightower's ‘Serverless, Not So FaaS’": the owner
			// right before the title.
			if pm := ownerRightBefore.FindStringSubmatch(strings.TrimRight(before, "[“\"'‘«「『 ")); pm != nil && onlyPerson(pm[1]) {
				it.Speakers = []listing.Speaker{{Name: pm[1], Part: "speaker"}}
			}
		}
		if len(it.Speakers) == 0 {
			// "“Title” (Ren Okada さん, Acme)": the attribution in
			// parentheses right after the title.
			if pm := parenAfter.FindStringSubmatch(after); pm != nil {
				if sp := people(pm[1], g); len(sp) > 0 && listing.Personish(sp[0].Name) {
					it.Speakers = sp
				}
			}
		}
		if len(it.Speakers) == 0 {
			// "“Pods All the Way Down” keynote from Sam Lee".
			if am := cueThenBy.FindStringSubmatch(after); am != nil {
				it.Speakers = people(am[1], g)
				it.Keynote = it.Keynote || strings.Contains(strings.ToLower(am[0]), "keynote")
			}
		}
		if len(it.Speakers) == 0 {
			// "Ravi Das and his “Ship It Slowly” talk".
			if hm := nameAndHis.FindStringSubmatch(before); hm != nil && talkCue.MatchString(after[:min(len(after), 30)]) {
				it.Speakers = people(hm[1], g)
			}
		}
		if len(it.Speakers) == 0 {
			// "“Taming Sidecars” by Lee Wu drew a crowd": the names only.
			if bm := byNames.FindStringSubmatch(strings.TrimLeft(after, ", ")); bm != nil {
				it.Speakers = onlyNames(bm[1], g)
				if len(it.Speakers) == 0 {
					it.Speakers = people(bm[1], g)
				}
			}
		}
		if len(it.Speakers) == 0 {
			if pm := possessive.FindAllStringSubmatchIndex(before, -1); len(pm) > 0 {
				last := pm[len(pm)-1]
				whole := before[last[0]:last[1]]
				name := before[last[2]:last[3]]
				if listing.Personish(name) {
					sp := listing.Speaker{Name: name, Part: "speaker"}
					owner := strings.FieldsFunc(whole, func(r rune) bool { return r == '\'' || r == '’' })[0]
					if p := attrib.Parse(owner, g); len(p) == 1 {
						sp.Company, sp.Role = p[0].Company, p[0].Role
					}
					it.Speakers = []listing.Speaker{sp}
					it.Keynote = strings.Contains(strings.ToLower(whole), "keynote")
				}
			}
		}
		if len(it.Speakers) == 0 {
			// "Dan Roe delivered a keynote on “Title”": who presented
			// opens the sentence.
			sentence := before[strings.LastIndexAny(before, ".!?")+1:]
			if m := presenterFirst.FindStringSubmatch(strings.TrimSpace(sentence)); m != nil {
				attribution := m[1]
				if m[2] != "" {
					attribution += " of " + m[2]
				}
				it.Speakers = people(attribution, g)
				it.Keynote = it.Keynote || strings.Contains(strings.ToLower(sentence), "keynote")
			}
		}
		sentence := before[strings.LastIndexAny(before, ".!?")+1:]
		if len(it.Speakers) == 0 {
			// "The keynote I liked was by Wei Jun, a product lead at Huawei
			// Cloud, titled “Batch Is Back”".
			if m := byWithRole.FindStringSubmatch(sentence); m != nil {
				attribution := m[1]
				if m[2] != "" {
					attribution += ", " + m[2]
				}
				it.Speakers = people(attribution, g)
			}
			it.Keynote = it.Keynote || strings.Contains(strings.ToLower(sentence), "keynote")
		}
		if len(it.Speakers) == 0 {
			// "the one from Hannah Okafor (Engineer at Acme), “Title”":
			// the attribution stands right before the title.
			if m := attributionBefore.FindStringSubmatch(before); m != nil && listing.Personish(m[1]+m[3]) {
				it.Speakers = people(m[1]+m[3]+m[2]+m[4], g)
				it.Keynote = it.Keynote || strings.Contains(strings.ToLower(sentence), "keynote")
			}
		}
		if len(it.Speakers) == 0 {
			// "[Title](url), where Ana Luz made the case for …": who gave
			// it, later in the sentence.
			rest := after
			if i := strings.IndexAny(rest, ".!?"); i > 0 {
				rest = rest[:i]
			}
			it.Speakers = presentersIn(rest, g)
		}
		if len(it.Speakers) == 0 && strings.TrimSpace(sentence) == "" {
			// "… another talk was delivered by Ana Ruiz from Acme. “Title”
			// tells the tale of …": the title opens its sentence, and the
			// one before says a talk was given and by whom.
			prev := before[:max(0, strings.LastIndexAny(before, ".!?"))]
			prev = prev[strings.LastIndexAny(prev, ".!?")+1:]
			if pm := givenBy.FindStringSubmatch(prev); pm != nil && talkCue.MatchString(prev) {
				attribution := pm[1]
				if pm[2] != "" {
					attribution += " of " + pm[2]
				}
				if sp := people(attribution, g); len(sp) > 0 && listing.Personish(sp[0].Name) {
					it.Speakers = sp
				}
			}
		}
		if len(it.Speakers) == 0 {
			// "this session led by A and B [Title](…)": who leads it right
			// before the title.
			if m := ledByBeforeIn(before); m != nil {
				it.Speakers = onlyNames(m[1], g)
			}
		}
		if len(it.Speakers) == 0 {
			// "…, Ana Luz will speak on [Title](…)".
			if m := speaksOnBefore.FindStringSubmatch(strings.TrimRight(before, "[“\"'‘«「『 ")); m != nil && listing.Personish(m[1]) {
				it.Speakers = []listing.Speaker{{Name: m[1], Part: "speaker"}}
			}
		}
		if len(it.Speakers) == 0 && theirTalk.MatchString(sentence) {
			// "Chad Ito and Mia Berg from the Fn project wowed the crowd
			// with their presentation on “Title”": the names opening the
			// sentence gave the talk its owner's word points back to.
			if m := namesOpening.FindStringSubmatch(strings.TrimSpace(sentence)); m != nil {
				it.Speakers = onlyNames(m[1], g)
			}
		}
		cjkAfter := hasCJK(sentence) && cjkTalkCue(after[:min(len(after), cjkCueAfter)])
		if len(it.Speakers) == 0 && (cjkTalkCue(sentence) || cjkAfter) {
			// "Alena Prokharchyk 가 훌륭한 기조 연설 인 “Title”": in a Korean,
			// Japanese or Chinese sentence about a talk, the name written
			// in Latin letters before a particle is who gave it; so is
			// the one before "“Title”的主题演讲" ("Dan Kohn 首先带来").
			if m := cjkSubject.FindStringSubmatch(sentence); m != nil && listing.Personish(m[1]) {
				it.Speakers = []listing.Speaker{{Name: m[1], Part: "speaker"}}
			} else if ms := latinNameInCJK.FindAllStringSubmatch(sentence, -1); cjkAfter && len(ms) > 0 && listing.Personish(ms[len(ms)-1][1]) {
				it.Speakers = []listing.Speaker{{Name: ms[len(ms)-1][1], Part: "speaker"}}
			}
		}
		if len(it.Speakers) == 0 && !talkCue.MatchString(sentence) && !cjkTalkCue(sentence) && !cjkAfter && !linked {
			continue
		}
		it.Weak = len(it.Speakers) == 0 && !linked && !cued
		it.Recording = linked
		out = append(out, it)
	}
	return out
}

var (
	byNames    = regexp.MustCompile(`^(?:by|with|featuring)\s+((?:\p{Lu}(?:\.|[\p{L}'’\-]+)\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s*\([^)]{2,60}\))?(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:\p{Lu}(?:\.|[\p{L}'’\-]+)\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s*\([^)]{2,60}\))?)*)`)
	proseLead  = regexp.MustCompile(`(?i)(?:^|[:;—–]\s+|[.!?]\s+|\b(?:enjoyed|caught|attended|loved|liked|saw|watched|recommend|was|were|is|also)\s+)`)
	sessionOn  = regexp.MustCompile(`(\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}(?:\s+and\s+\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3})?)['’]s\s+(?:\w+\s+){0,2}(?:talk|session|keynote|presentation|lightning talk)(?:\s+slot)?(?:\s+(?:on|about|called|titled|named)\s+|,\s+|\s+)`)
	smallTitle = wordSet(`a an the of in on for with and to at from under over without is are your our my vs via by into`)
)

// attendedEntry is "went to|attended|caught …" and then a title, a dash
// and who gave it, up to the sentence's end.
var attendedEntry = regexp.MustCompile(`(?i:\b(?:went to|attended|caught|watched|sat in on|checked out))\s+(\p{Lu}[^.!?]{8,150}?)\s+[-–—]\s+(\p{Lu}[^!?]{3,300}?)\.(?:\s|$)`)

// attendedText is the text for attendedEntry, or "" when it names no
// verb of attending and no dash (most paragraphs).
func attendedText(t string) string {
	if !strings.ContainsAny(t, "-–—") {
		return ""
	}
	for _, v := range []string{"went to", "ttended", "caught", "watched", "sat in on", "checked out"} {
		if strings.Contains(t, v) {
			return t
		}
	}
	return ""
}

// proseTitles reads titles written in running text without quotes: "One
// talk stood out: Quieting etcd Under Pressure by Brennan Ashby." and
// "Ilse Marchetti's session on Rethinking Cluster Autoscaling changed my
// mind." The title is the run of title-cased words the cue frames.
func proseTitles(b layout.Block, g attrib.Gazetteer) []Item {
	var out []Item
	text := b.Text
	for _, loc := range spacedBy.FindAllStringIndex(text, -1) {
		m := byNames.FindStringSubmatch(text[loc[0]+1:])
		if m == nil {
			continue
		}
		left := text[:loc[0]]
		start := 0
		for _, l := range proseLead.FindAllStringIndex(left, -1) {
			start = l[1]
		}
		title := strings.TrimSpace(strings.Trim(left[start:], ",;"))
		if len(strings.Fields(title)) < 3 || !titleShaped(title) || !titleCased(title) || strings.ContainsAny(title, "()") || byVerb[strings.ToLower(lastWord(title))] {
			continue // "A (X), B (Y) and C (Z), moderated by D" is a list of people
		}
		sp := onlyNames(m[1], g)
		if len(sp) == 0 {
			sp = people(m[1], g)
		}
		if len(sp) == 0 {
			continue
		}
		rest := text[loc[0]+1+len(m[0]):]
		if bm := bothAt.FindStringSubmatch(rest); bm != nil && strings.Index(rest, bm[0]) < 4 {
			for i := range sp {
				if sp[i].Company == "" {
					sp[i].Company = strings.TrimSpace(bm[1])
				}
			}
		}
		out = append(out, Item{Title: title, Speakers: sp, Rule: RuleProseTitle})
	}
	// "I went to Title - A, Acme; B, Initech. It was …": a schedule's
	// entry written into a sentence after a verb of attending.
	for _, m := range attendedEntry.FindAllStringSubmatch(attendedText(text), -1) {
		title := strings.TrimSpace(m[1])
		if len(strings.Fields(title)) < 3 || !titleShaped(title) {
			continue
		}
		sp := people(m[2], g)
		ok := len(sp) > 0
		for _, p := range sp {
			ok = ok && listing.Personish(p.Name)
		}
		if ok {
			out = append(out, Item{Title: cleanTitle(title), Speakers: sp, Rule: RuleProseTitle})
		}
	}
	// "En su charla The Control Plane for Busy People, Daniel Smith
	// explica …": a title after "in her talk", then who gave it.
	for _, m := range inTalkLead.FindAllStringIndex(text, -1) {
		title := titleRun(text[m[1]:])
		rest := text[m[1]+len(title):]
		if n := nameThenWord.FindStringSubmatch(rest); n != nil && len(strings.Fields(title)) >= 3 && attrib.NameLike(n[1]) {
			out = append(out, Item{Title: title, Speakers: []listing.Speaker{{Name: n[1], Part: "speaker"}}, Rule: RuleProseTitle})
		}
	}
	// "Improving Availability for Stateful Apps de Michelle Au fue mi
	// charla favorita": a sentence that opens with a title and its author.
	if title := titleRun(text); len(strings.Fields(title)) >= 3 && titleCased(title) {
		if n := authorThenWas.FindStringSubmatch(text[len(title):]); n != nil && attrib.NameLike(n[1]) {
			out = append(out, Item{Title: title, Speakers: []listing.Speaker{{Name: n[1], Part: "speaker"}}, Rule: RuleProseTitle})
		}
	}
	for _, m := range sessionOn.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		title := titleRun(text[m[1]:])
		if len(strings.Fields(title)) < 2 || !titleCased(title) {
			continue
		}
		// "Ian Coldwater and Brad Geesaman’s talk on …": one or two names.
		var sp []listing.Speaker
		for _, n := range strings.Split(name, " and ") {
			if attrib.NameLike(n) {
				sp = append(sp, listing.Speaker{Name: strings.TrimSpace(n), Part: "speaker"})
			}
		}
		if len(sp) == 0 {
			continue
		}
		out = append(out, Item{Title: title, Speakers: sp, Rule: RuleProseTitle})
	}
	return out
}

var (
	inTalkLead    = regexp.MustCompile(`(?i)\b(?:en su charla|en la charla|en su ponencia|en su keynote|dans sa présentation|dans sa conférence|dans son talk|dans sa keynote|in (?:his|her|their) (?:talk|keynote|session)|in seinem vortrag|in ihrem vortrag|in seiner keynote|in ihrer keynote|na (?:sua )?palestra)\s+`)
	nameThenWord  = regexp.MustCompile(`^,\s*((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)\s+\p{Ll}`)
	authorThenWas = regexp.MustCompile(`^\s+(?:de|von|par|por|by)\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)\s+(?:fue|fut|war|foi|was|est|ist|é|era|is)\b`)
)

var byVerb = wordSet(`moderated hosted presented given led run organised organized written delivered sponsored joined followed`)

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:")
}

// titleRun returns the run of title-cased words s opens with ("Rethinking
// Cluster Autoscaling changed my mind" -> "Rethinking Cluster
// Autoscaling"), small words allowed inside.
func titleRun(s string) string {
	ws := strings.Fields(s)
	end := 0
	for i, w := range ws {
		bare := strings.Trim(w, `,.;:!?"“”()`)
		r := []rune(bare)
		if len(r) == 0 {
			break
		}
		if unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) {
			end = i + 1
		} else if !smallTitle[strings.ToLower(bare)] {
			break
		}
		if strings.ContainsAny(w, ",.;:!?") && i+1 >= end {
			break
		}
	}
	return strings.TrimRight(strings.Join(ws[:end], " "), ",.;:!?")
}

// titleCased reports a title whose every long word is capitalised (or
// written like a name, "etcd"): prose has lowercase words.
func titleCased(t string) bool {
	lower := 0
	for _, w := range strings.Fields(t) {
		bare := strings.Trim(w, `,.;:!?"“”()`)
		r := []rune(bare)
		if len(r) == 0 || smallTitle[strings.ToLower(bare)] {
			continue
		}
		if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			lower++
		}
	}
	return lower <= 1
}

// sectionHeading reports a heading that structures the post rather than
// names a session: a day or date, or block words.
func sectionHeading(t string) bool {
	t = strings.TrimSpace(t)
	ws := strings.Fields(strings.ToLower(t))
	if len(ws) == 0 {
		return true
	}
	last := strings.Trim(ws[len(ws)-1], ".:!?")
	return weekdayRe.MatchString(t) || strings.Contains(strings.ToLower(t), "kubecon") && !talkCue.MatchString(t) ||
		// "NOTE: Diversity Scholarship", "Update: slides are up": an aside.
		asideLead.MatchString(t) || thanksLead.MatchString(t) ||
		// "Platform Engineering Day", "Cilium + eBPF Day": a co-located event.
		len(ws) <= 5 && (last == "day" || last == "summit" || last == "forum") ||
		// "2023 AI": a line of a timeline.
		yearLead.MatchString(t) && len(ws) <= 3 ||
		// "CNCF Ambassador", "KCD Organizer": a role.
		len(ws) <= 3 && roleWords[last]
}

var (
	yearLead  = regexp.MustCompile(`^(?:19|20)\d\d(?:\s|$)`)
	roleWords = wordSet(`ambassador ambassadors organizer organizers organiser organisers maintainer maintainers sponsor sponsors volunteer volunteers speaker speakers member members chair chairs`)
)

// onlyPerson reports a heading that is just a person's name.
func onlyPerson(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 3 || !listing.Personish(t) {
		return false
	}
	for i, w := range ws {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		lw := strings.ToLower(w)
		// "Shipping GPU Scheduling", "Beyond Workload Identity": in three
		// words, a gerund first, an acronym, or a word of the trade is a
		// title's, not a name's. (Two words alone, "Service Mesh", are
		// more often a section's heading than a session.)
		if len(ws) == 3 && (i == 0 && len(lw) >= 6 && strings.HasSuffix(lw, "ing") || len(r) >= 2 && w == strings.ToUpper(w) && unicode.IsLetter(r[1]) || titleNoun[lw]) {
			return false
		}
	}
	return true
}

var titleNoun = wordSet(`beyond towards toward inside intro introduction deep lessons notes state future identity pipelines pipeline
	environments environment runtimes runtime workload workloads scheduling scheduler observability security cluster clusters
	platform platforms networking network storage data cloud native mesh service services edge operator operators controller
	controllers policy policies secrets supply gitops devops serverless testing tests monitoring metrics tracing logging logs
	alerts upgrades migration migrations tenancy containers container kernel debugging performance reliability resilience
	automation pods pod nodes`)

// topicLead is a sentence in Chinese or Japanese that gives the subject of
// someone's talk: "他演讲的主题是：", "分享主题：", "講演タイトルは：".
var topicLead = regexp.MustCompile(`^\p{Han}{0,4}(?:演讲|演講|分享|报告|報告|讲座|講演|発表)?的?(?:主题|主題|题目|題目|议题|議題|タイトル|テーマ)(?:是|为|為|は)?\s*[:：]\s*(.+)$`)

// latinGloss is a title's original in Latin letters after its translation,
// in parentheses: "可感知的 KV Cache 优化（KV-Cache Wins You Can Feel）".
var latinGloss = regexp.MustCompile(`[（(]([^（）()]{6,200})[）)]\s*$`)

// topicLine reads the subject of a talk given in a sentence, under a
// heading naming who gave it ("### Kay Yan" then "他演讲的主题是：Title
// (Original Title)"). The title in Latin letters in parentheses, the one
// the talk was given under, is the title; otherwise the text as written.
func topicLine(bs []layout.Block, k int, g attrib.Gazetteer) (Item, bool) {
	b := bs[k]
	m := topicLead.FindStringSubmatch(strings.TrimSpace(b.Text))
	if m == nil {
		return Item{}, false
	}
	title := strings.TrimSpace(m[1])
	if gm := latinGloss.FindStringSubmatchIndex(title); gm != nil && latinLetters(title[gm[2]:gm[3]]) && hasCJK(title[:gm[0]]) {
		title = title[gm[2]:gm[3]]
	} else if k+1 < len(bs) && hasCJK(title) {
		// The original on the line below, alone in its parentheses.
		next := strings.TrimSpace(bs[k+1].Text)
		if gm := latinGloss.FindStringSubmatchIndex(next); gm != nil && gm[0] == 0 && latinLetters(next[gm[2]:gm[3]]) {
			title = next[gm[2]:gm[3]]
		}
	}
	title = cleanTitle(title)
	if len([]rune(title)) < 6 {
		return Item{}, false
	}
	it := Item{Title: title, Rule: RuleTopicLine}
	if b.Section >= 0 && b.Section != k {
		if h := strings.TrimSpace(bs[b.Section].Text); listing.Personish(h) {
			it.Speakers = people(h, g)
		}
	}
	return it, true
}

// agendaEntry is an entry of an agenda: a time, a title in bold, and what
// the session is and who gives it ("13:30 **Intro to GitOps** lightning
// talk + Q&A with Ana", "14:00 **Top 10 Features** with Bo Sample").
var agendaEntry = regexp.MustCompile(`^\s*(?:[-*+]\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm|AM|PM)?\s*(?:[-–]\s*\d{1,2}[:.]\d{2}\s*(?:am|pm|AM|PM)?\s*)?[:\-–]?\s*\*\*([^*]{6,160})\*\*\s*(.*)$`)

// agendaWith is who gives an agenda's session, after "with" or "by".
var agendaWith = regexp.MustCompile(`(?i)\b(?:with|by)\s+(\p{Lu}.*)$`)

// agendaBold reads an agenda entry whose session is named in bold after
// its time, when the rest says it is a session (its kind) or who gives it:
// a bold phrase that ends a sentence ("**Open topics.**") is no title.
func agendaBold(b layout.Block, g attrib.Gazetteer) (Item, bool) {
	m := agendaEntry.FindStringSubmatch(b.Raw)
	if m == nil {
		return Item{}, false
	}
	title := strings.TrimSpace(m[1])
	if strings.HasSuffix(title, ".") || !titleShaped(strings.TrimRight(title, "!?")) && !looseTitle(title) || len(strings.Fields(title)) < 2 {
		return Item{}, false
	}
	it := Item{Title: cleanTitle(title), Rule: RuleKindLead}
	rest := m[2]
	if wm := agendaWith.FindStringSubmatch(rest); wm != nil {
		it.Speakers = people(strings.TrimRight(strings.SplitN(wm[1], "+", 2)[0], " ,;"), g)
	}
	if len(it.Speakers) == 0 && !talkCue.MatchString(rest) {
		return Item{}, false
	}
	return it, true
}

// boldSpan is text set in bold in Markdown.
var boldSpan = regexp.MustCompile(`\*\*([^*]{6,200})\*\*|__([^_]{6,200})__`)

// cueRightBefore is a word for a session just before a quoted title,
// perhaps with "like", "called" or "titled" and a comma.
// dashPeopleTail is what follows the last dash of a line ("-- A (Acme),
// B (Initech)").
var dashPeopleTail = regexp.MustCompile(`\s(?:--|—|–|-)\s+([^—–]{3,200})$`)

// peopleThenSentence is names, each perhaps "from" a company, opening a
// sentence that goes on in lower case or after a dash.
var peopleThenSentence = regexp.MustCompile(`^((?:\p{Lu}[\p{L}'’.\-]+\s+){1,3}\p{Lu}[\p{L}'’.\-]+(?:\s+from\s+(?:the\s+)?(?:\p{Lu}[\p{L}0-9&.\-]*\s*){1,6})?(?:\s*(?:&|;|,|\band\b)\s*(?:\p{Lu}[\p{L}'’.\-]+\s+){1,3}\p{Lu}[\p{L}'’.\-]+(?:\s+from\s+(?:the\s+)?(?:\p{Lu}[\p{L}0-9&.\-]*\s*){1,6})?)*)\s*(?:[-–—]\s|\p{Ll})`)

// fromGroups splits "A from Acme & B from Initech" into its people.
var fromGroups = regexp.MustCompile(`\s*(?:&|;|\band\b)\s*`)

// cjkAnd is "and" in Chinese or Japanese between names written in Latin
// letters.
var cjkAnd = regexp.MustCompile(`,?\s*(?:和|與|与|及|と)\s+`)

// whenTail is a session's day and time closing a line of its people: "11
// 月12日（水）• 10:11 - 10:26", "Wed, Nov 12 • 10:11".
var whenTail = regexp.MustCompile(`\s*(?:\d{1,2}月\d{1,2}日|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:\d{1,2}\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{0,2})[^•·]{0,12}\s*[•·]\s*\d{1,2}[:.]\d{2}.*$`)

// honorificRun is names in Latin letters, each with a Japanese honorific,
// joined by 、 or と, and "による" (by) or "の" after them: "Aoi Tanaka
// さん、Ren Okadaさんによる発表".
var (
	honorificRun  = regexp.MustCompile(`(?:^|[^\p{Latin}\s])\s?((?:\p{Lu}[\p{Latin}'’\-]+\s){1,2}\p{Lu}[\p{Latin}'’\-]+\s?(?:さん|氏)(?:\s?[、と]\s?(?:\p{Lu}[\p{Latin}'’\-]+\s){1,2}\p{Lu}[\p{Latin}'’\-]+\s?(?:さん|氏))*)\s?(?:による|の|が)`)
	honorificName = regexp.MustCompile(`((?:\p{Lu}[\p{Latin}'’\-]+\s){1,2}\p{Lu}[\p{Latin}'’\-]+)\s?(?:さん|氏)`)
)

// honorificBy returns the people a Japanese line names as who gave a
// session: "Aoi Tanakaさん、Ren Okadaさんによる…", "メンテナであるYuki Sato
// さんとMia Bergさんによる…".
func honorificBy(t string) []listing.Speaker {
	if !strings.Contains(t, "さん") && !strings.Contains(t, "氏") {
		return nil
	}
	m := honorificRun.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return nil
	}
	var out []listing.Speaker
	for _, n := range honorificName.FindAllStringSubmatch(m[1], -1) {
		out = append(out, listing.Speaker{Name: n[1], Part: "speaker"})
	}
	return out
}

// namesThenKind is full names and the kind of their session before a
// linked title: "Cheryl Ito Keynote:", "A, B and C Panel".
var namesThenKind = regexp.MustCompile(`^((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+(?:(?:,\s*|,?\s+and\s+|\s*&\s*)(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)*)\s+(?i:(keynote|panel|talk|session|workshop|tutorial|lightning talk))\s*[:\-–]?$`)

// madeBy is a verb of making right before "by": "an extension created by
// A", "photo taken by B" — who made a thing, not who gave the session.
var madeBy = regexp.MustCompile(`(?i)\b(?:created|built|written|made|developed|maintained|designed|authored|organi[sz]ed|sponsored|powered|taken|shot|photographed|inspired|drawn|edited|produced|published|funded|owned|run)\s+by\s+\S*$`)

// namedSingleIn finds namedSingle's titles in a text that has a single
// quote and a word that names.
func namedSingleIn(t string) [][]int {
	if !strings.ContainsAny(t, "'‘") || !strings.Contains(t, "titled") && !strings.Contains(t, "called") && !strings.Contains(t, "named") {
		return nil
	}
	return namedSingle.FindAllStringSubmatchIndex(t, -1)
}

// namedSingle is a title in single quotes after "titled", "called",
// "named".
var namedSingle = regexp.MustCompile(`(?i:\b(?:titled|called|named|entitled))\s+['‘]([^'‘’\n]{6,160})['’](?:\W|$)`)

// sentenceBreak is the end of a sentence and the start of the next:
// running text, not a title (unless set apart in bold).
var sentenceBreak = regexp.MustCompile(`[.!?]\s+\p{Lu}`)

// listOfTalks reports a list item of a list that the paragraph before it
// introduces as talks ("A highlight of the keynote talks I attended:").
func listOfTalks(bs []layout.Block, k int) bool {
	j := k - 1
	for j >= 0 && bs[j].Kind == layout.ListItem {
		j--
	}
	return j >= 0 && bs[j].Kind == layout.Paragraph && talkCue.MatchString(bs[j].Text) && bs[k].Line-bs[j].Line <= 2*(k-j)+2
}

// titleThenDescription reads "Title: what it was about" — a title, then
// after a colon a sentence about it. The title may hold colons of its own
// ("Landscape Sustainability: The Pillars of Growth: About the …"): it
// ends before the first part that is not title-cased.
func titleThenDescription(t string) (Item, bool) {
	at := 0
	for {
		i := strings.Index(t[at:], ": ")
		if i < 0 {
			return Item{}, false
		}
		at += i
		head, tail := strings.TrimSpace(t[:at]), t[at+2:]
		seg := tail
		if j := strings.Index(seg, ": "); j > 0 {
			seg = seg[:j]
		}
		if len(strings.Fields(seg)) >= minDescriptionWords && !titleShaped(strings.TrimRight(seg, ".!?")) {
			if len(strings.Fields(head)) >= 3 && !startsDigitTime.MatchString(head) && (titleShaped(head) || looseTitle(head)) {
				return Item{Title: cleanTitle(head), Rule: RuleTitleDescribed}, true
			}
			return Item{}, false
		}
		at += 2
	}
}

// boldLead is a list item or line opening in bold.
var boldLead = regexp.MustCompile(`^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)`)

// startsDigitTime is a date or time opening a text ("Nov 15, 4:55pm").
var startsDigitTime = regexp.MustCompile(`(?i)^(?:\d{1,2}[:.]\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)`)

// minDescriptionWords is how long a description after a title is.
const minDescriptionWords = 5

// wholeBold reports a line set in bold from end to end ("**Title**").
func wholeBold(raw string) bool {
	t := strings.TrimSpace(raw)
	for _, m := range []string{"**", "__"} {
		if len(t) > 4 && strings.HasPrefix(t, m) && strings.HasSuffix(t, m) && !strings.Contains(t[2:len(t)-2], m) {
			return true
		}
	}
	return false
}

// ledByBeforeIn is ledByBefore's match at the end of a text that says
// "by" (most do not).
func ledByBeforeIn(before string) []string {
	if !strings.Contains(before, " by ") {
		return nil
	}
	return ledByBefore.FindStringSubmatch(strings.TrimRight(before, "[“\"'‘«「『 "))
}

// whenTailIn is whenTail's match in a line with a middle dot (most have
// none).
func whenTailIn(t string) []int {
	if !strings.ContainsAny(t, "•·") {
		return nil
	}
	return whenTail.FindStringIndex(t)
}

// ledByBefore is "(session|talk) led|given|presented by A and B" ending
// right before a title.
var ledByBefore = regexp.MustCompile(`(?i:\b(?:talk|session|keynote|presentation|panel|workshop|tutorial)\s+(?:led|given|presented|hosted|delivered|run)\s+by)\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+(?:(?:,\s*|,?\s+and\s+|\s*&\s*)(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)*)\s*[,:]?$`)

// speaksOnBefore is "A will speak on", "A spoke about" right before a
// title.
var speaksOnBefore = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)\s+(?:will\s+|is\s+going\s+to\s+)?(?:speak|speaks|spoke|talk|talks|talked|present|presents|presented)\s+(?:on|about)\s*[,:]?$`)

// theirTalk is a sentence ending in "their|his|her talk" and a few words
// before a title; namesOpening is the run of full names opening it.
var (
	theirTalk    = regexp.MustCompile(`(?i)\b(?:their|his|her)\s+(?:[\p{L}-]+\s+){0,3}(?:talk|session|keynote|presentation|demo|panel|workshop)s?\b[^.!?]{0,30}$`)
	namesOpening = regexp.MustCompile(`^((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+(?:(?:,\s*|,?\s+and\s+|\s*&\s*)(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)*)\s`)
)

// latinNameInCJK is a full name in Latin letters set in Chinese or
// Japanese text; cjkCueAfter is how far after a title a word for a talk
// ("的主题演讲") may follow.
var latinNameInCJK = regexp.MustCompile(`(?:^|[^\p{Latin}\s]\s?)((?:\p{Lu}[\p{Latin}'’\-]+\s){1,2}\p{Lu}[\p{Latin}'’\-]+)\s?(?:[^\p{Latin}\s]|$)`)

const cjkCueAfter = 24

// cjkSubject is a full name in Latin letters followed by a Korean,
// Japanese or Chinese particle that makes it the sentence's subject or
// owner ("Alena Prokharchyk 가", "Ana Ruiz さんが", "Ana Ruiz 的").
var cjkSubject = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+){1,2})\s?(?:가|이|은|는|의|께서|さん|氏|が|は|の|的|在)`)

var cueRightBefore = regexp.MustCompile(`(?i)\b(?:talks?|sessions?|keynotes?|presentations?|panels?|workshops?|tutorials?|demos?|conférences?|présentations?|exposés?|charlas?|ponencias?|vorträge?|vortrag|palestras?)(?:\s+(?:(?:was|is)\s+(?:called|titled|named|entitled)|like|called|titled|named|on|about|was|is|intitulée?s?|titulad[ao]s?|mit dem titel))?\s*[,:]?\s*$`)

// listJoin is what stands between two titles of one list: the quotes
// around them and "and", "or" or a comma.
var listJoin = regexp.MustCompile(`^[”"»」』\s]*(?:,|and|or|&|,\s*and)?[“"«「『\s]*$`)

// givenBy is who a sentence says gave a talk: "was delivered by Ana Ruiz
// from Acme", "presented by Bo Sample of Initech".
var givenBy = regexp.MustCompile(`\b(?:delivered|given|presented|hosted|led)\s+by\s+((?:\p{Lu}[\p{L}'’\-]+\s+){1,2}\p{Lu}[\p{L}'’\-]+)(?:\s+(?:from|of|at)\s+((?:\p{Lu}[\p{L}0-9&.\-]*\s*){1,3}))?`)
