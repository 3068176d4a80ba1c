package recap

import (
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/loaders/attrib"
	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/listing"
)

// RuleTalkPage reads the one session a page is about from its title.
const RuleTalkPage = "talk-page"

// talkPageKeys are front matter keys of a page about one session: a
// speaker's talk page ("venue:", "slides:", "cospeaker:"), a slides
// site's ("speakerdeck_url:"), a site's session page ("event_url:",
// "time_start:").
var talkPageKeys = wordSet(`event_url slides slides_url recording speakerdeck_id speakerdeck_url slideshare
	cospeaker cospeakers co_presenters co-presenters time_start talk_date`)

// talkPageHints are front matter keys a talk's page has, but a post about
// an event may have too ("event:", "venue:"): two of them, or one with a
// key of talkPageKeys, make the page a talk's.
var talkPageHints = wordSet(`event event_name venue video video_url youtube speaker speakers presenter presenters`)

// talkPageSpeakerKeys name the people of the session in front matter.
var talkPageSpeakerKeys = []string{"speakers", "speaker", "presenters", "presenter", "cospeakers", "cospeaker"}

// talkPageKind is a front matter field saying the page is a talk's
// ("pubtype: Conference Talk", "type: talk").
var talkPageKind = regexp.MustCompile(`(?i)^["']?(?:conference\s+)?(?:talk|presentation|keynote|session)["']?$`)

// eventSuffix is the conference named at the end of a page's title, after
// the session's: "Title / KubeCon + CloudNativeCon Japan", "Title |
// KubeCon EU 2023".
var eventSuffix = regexp.MustCompile(`(?i)\s+[/|@–—-]\s+(?:at\s+)?(?:kubecon|cloudnativecon)\b.*$`)

// TalkPage reads a page about one session of the conference: a speaker's
// page for a talk, a talk's slides or demo repository, a site's page for
// one session. Its title is the session's, and the page says it is a
// session's: front matter fields of a talk (venue, slides, recording,
// co-speakers, "pubtype: Conference Talk"), or an "Abstract" section.
// A title that names the conference itself, an account ("Recap") or a
// selection ("Highlights") is no session's. People come from the title
// ("Title - A & B, Acme") or from the front matter's speakers.
func (d *Document) TalkPage() (Item, bool) {
	fm := d.Layout.FrontMatter
	if d.Title == "" {
		return Item{}, false
	}
	score := 0
	for k, v := range fm {
		switch {
		case strings.Trim(v, `"' []`) == "":
		case talkPageKeys[k], (k == "pubtype" || k == "type" || k == "kind") && talkPageKind.MatchString(strings.TrimSpace(v)):
			score += 2
		case talkPageHints[k]:
			score++
		}
	}
	evidence := score >= 2
	for _, b := range d.Layout.Blocks {
		if b.Kind == layout.Heading && b.Level <= 3 && abstractHeading(b.Text) {
			evidence = true
		}
	}
	// A talk's slides or notes without front matter: "# Title", then within
	// a few lines the conference and a speakers' field ("讲者：A、B — Acme").
	var field string
	if k, ok := d.Layout.At(d.TitleLine); ok && d.Layout.Blocks[k].Kind == layout.Heading && d.Layout.Blocks[k].Level == 1 {
		conf := false
		for j := k + 1; j < len(d.Layout.Blocks) && j <= k+talkPageLead && d.Layout.Blocks[j].Kind != layout.Heading; j++ {
			b := d.Layout.Blocks[j]
			conf = conf || conferece.MatchString(b.Text)
			if v, ok := speakerField(b); ok {
				field = v
			}
		}
		evidence = evidence || conf && field != ""
	}
	if !evidence {
		return Item{}, false
	}
	t := eventSuffix.ReplaceAllString(strings.Trim(d.Title, `"' `), "")
	t, keynote := stripKind(t)
	it := Item{Title: cleanTitle(t), Rule: RuleTalkPage, Keynote: keynote, Line: d.TitleLine}
	if d.TitleLine > 0 && d.TitleLine <= len(d.Layout.Lines) {
		it.Text = strings.TrimSpace(d.Layout.Lines[d.TitleLine-1])
	}
	if title, sp := splitTitleAttribution(t, d.Gazetteer); title != "" && len(sp) > 0 {
		it.Title, it.Speakers = cleanTitle(title), sp
	}
	if conferece.MatchString(it.Title) || !titleShaped(it.Title) && !looseTitle(it.Title) || len(strings.Fields(it.Title)) < 2 {
		return Item{}, false
	}
	if len(it.Speakers) == 0 && field != "" {
		it.Speakers = fieldPeople(field, d.Gazetteer)
	}
	if len(it.Speakers) == 0 {
		for _, k := range talkPageSpeakerKeys {
			if v := strings.Trim(fm[k], `"' []`); v != "" {
				for _, n := range nameListSep.Split(v, -1) {
					if n = strings.Trim(n, `"' `); listing.Personish(n) {
						it.Speakers = append(it.Speakers, listing.Speaker{Name: n, Part: "speaker"})
					}
				}
			}
		}
	}
	return it, true
}

// handleParen is a person's handle in parentheses after the name
// ("Ana Luz（@analuz）").
var handleParen = regexp.MustCompile(`\s*[（(]\s*@[^）)]*[）)]`)

// companyDash is the dash between people and their company.
var companyDash = regexp.MustCompile(`\s*[—–]\s*|\s+-\s+`)

// fieldPeople reads a speakers' field: "A, Acme & B, Initech", or names
// and then their one company after a dash ("A（@a）、B（@b）— Acme · 演讲语言：
// 中文"), what follows a middle dot being other fields.
func fieldPeople(v string, g attrib.Gazetteer) []listing.Speaker {
	v = handleParen.ReplaceAllString(v, "")
	if i := strings.Index(v, " · "); i > 0 {
		v = v[:i]
	}
	if sp := people(v, g); len(sp) > 0 {
		return sp
	}
	if loc := companyDash.FindAllStringIndex(v, -1); len(loc) > 0 {
		last := loc[len(loc)-1]
		names := onlyNames(strings.ReplaceAll(v[:last[0]], "、", ", "), g)
		company := strings.TrimSpace(v[last[1]:])
		for k := range names {
			names[k].Company = company
		}
		if len(names) > 0 && company != "" {
			return names
		}
	}
	return nil
}

// talkPageLead is how many blocks under a talk page's title may hold the
// conference's name and the speakers' field.
const talkPageLead = 4

// abstractHeading reports a heading that opens a session's abstract.
func abstractHeading(t string) bool {
	switch strings.ToLower(strings.Trim(t, " :*")) {
	case "abstract", "session abstract", "talk abstract", "description", "synopsis", "概要", "摘要", "简介", "초록":
		return true
	}
	return false
}
