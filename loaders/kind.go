package loaders

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/recap"
)

// A document that names talks is either a schedule (a listing of talks:
// tables, sched pages, "our sessions at KubeCon" posts, talk indexes) or a
// recap (someone writing about the talks: a post after the event, a picks
// list before it). The two differ less in how they write the talks than in
// the voice around them: a recap has a narrator with opinions, in the
// first person singular, telling what happened or what they want to see;
// a schedule has times, rooms, levels, slides and calls to register.
const (
	// minNarrative is how many narrator cues (per thousand words of prose)
	// make a document a recap even when it also looks like a schedule.
	minNarrative = 12.0
	// scheduleCuesPerItem is how many schedule cues per talk item make a
	// document a schedule when its narrator is quiet.
	scheduleCuesPerItem = 0.5
	minProse            = 500
	// accountCuesPerItem is how many schedule cues per talk item make an
	// account of the event (Features.Account) a schedule nonetheless: a
	// time, a room or a level for nearly every talk.
	accountCuesPerItem = 1.0
	// accountLookAhead is how many blocks after the title may say the
	// document is an account of the event.
	accountLookAhead = 2
	// itemsOfProse is the share of a document's paragraphs and list items
	// that talk items must make for a quiet document to be a list of talks.
	itemsOfProse = 0.7
)

// The cues, as words (lowercase, matched whole), phrases (matched in the
// lowercased text) and marks (matched anywhere, for scripts without spaces).
var (
	narratorWords = wordSet(`i i'm i’m i've i’ve i'd i’d i'll i’ll me my mine myself ich mein meine mir je j' j’ moi mon ma mes yo mi mis eu meu minha`)
	narratorMarks = []string{"私", "僕", "自分", "我", "저는", "제가", "나는", "내가"}
	opinionWords  = wordSet(`intéressant intéressante super génial retour interessant spannend toll interesante favourite favorite favourites favorites highlight highlights loved enjoyed liked impressed takeaway takeaways learned learnt recap pick picks recommend recommended circling attended watched`)
	opinionPhrase = []string{"j'ai", "j’ai", "nous avons", "retour sur", "rückblick", "resumen", "crónica", "looking forward", "can't wait", "can’t wait", "must-see", "must see", "worth watching", "worth it", "went to", "sat in", "my notes", "notes taken", "took notes", "notes from my"}
	opinionMarks  = []string{"感想", "印象", "面白", "よかった", "見たい", "気になる", "おすすめ", "楽しみ", "注目", "推荐", "值得", "想听", "期待", "笔记", "参加レポート", "参加記"}
	storyWords    = wordSet(`was were had gave showed explained talked presented spoke discussed demoed demonstrated shared walked described argued told opened closed ended started war waren zeigte fand erklärte était fue mostró`)
	storyMarks    = []string{"ました", "でした", "了", "었습니다", "았습니다", "였습니다", "했습니다"}
	scheduleKeys  = wordSet(`room: venue: where: when: track: level: slides: video: location: hall: stage: datetime: time: type: date: register registered registration`)
	schedulePhr   = []string{"join us", "catch us", "visit us", "meet us", "see you at", "see you in", "our session", "our talk", "our speaker"}
	scheduleMarks = []string{"会場", "時間", "場所"}
	clockTime     = regexp.MustCompile(`\b\d{1,2}:\d{2}\b`)
)

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// countCues counts the words of text in words, the phrases in its lower
// case and the marks anywhere.
func countCues(text, lower string, tokens []string, words map[string]bool, phrases, marks []string) int {
	n := 0
	for _, t := range tokens {
		if words[t] {
			n++
		}
	}
	for _, p := range phrases {
		n += strings.Count(lower, p)
	}
	for _, m := range marks {
		n += strings.Count(text, m)
	}
	return n
}

// Features are what kind detection measured, for explaining a decision.
type Features struct {
	Items, Words                              int
	ProseBlocks                               int // paragraphs, list items and quotes
	Narrator, Opinion, Story, ScheduleSignals int
	// Selection is set when the document's title says it is a selection
	// of talks: "Highlights", "My picks", "Favourite talks".
	Selection bool
	// Account is set when the title or the opening says the document is
	// an account of the event: "Notes taken at …", "Recap", "参加レポート".
	Account bool
}

// dayTitle titles one post of a day-by-day series ("kubecon eu day 3"),
// unless agendaTitle says it is that day's programme.
var (
	dayTitle    = regexp.MustCompile(`(?i)\bday\s*(?:\d|one|two|three|four|zero)\b|\d+日目|第[一二三四1-4]天`)
	agendaTitle = regexp.MustCompile(`(?i)\b(?:schedule|agenda|programme|program|timetable)\b|日程|议程|スケジュール`)
)

// accountWords open or title an account of the event.
var accountWords = regexp.MustCompile(`(?i)\b(?:notes|recap|wrap-?up|trip report|retrospective|takeaways|lessons learned)\b|レポート|参加記|参加報告|笔记|回顾|总结|感想|후기`)

// selectionTitle is a title that presents a selection of talks someone
// made: a picks list, even when it is only a list of links.
var selectionTitle = regexp.MustCompile(`(?i)\b(?:highlights?|picks?|favou?rites?|must[- ](?:see|watch)|recommended|recommendations|worth watching|best talks)\b|おすすめ|注目|推荐|精选`)

// abstractLabels are the labels, alone on their line, over a session's
// abstract.
var abstractLabels = wordSet(`abstract description summary synopsis session abstract resumen résumé zusammenfassung 概要 摘要 简介 요약 초록`)

// IsSchedule decides whether a document that names talks lists them
// rather than writes about them.
func (f Features) IsSchedule() bool {
	if f.Items == 0 {
		return false
	}
	if f.Voice() >= minNarrative {
		return false
	}
	if f.Selection {
		// A picks list, even a quiet one, or a preview that gives each
		// pick its time and room.
		return false
	}
	if f.Account && float64(f.ScheduleSignals)/float64(f.Items) < accountCuesPerItem {
		return false // notes or a report of the event, even terse ones
	}
	return float64(f.ScheduleSignals)/float64(f.Items) >= scheduleCuesPerItem || f.Narrator+f.Story == 0 ||
		float64(f.Items) >= itemsOfProse*float64(f.ProseBlocks)
}

// Voice is the narrator, opinion and story cues per thousand words of
// prose, counting at least minProse words so that a few lines of prose
// around a table do not speak loudly.
func (f Features) Voice() float64 {
	return float64(f.Narrator+f.Opinion+f.Story) * 1000 / float64(max(f.Words, minProse))
}

// measure reads the features of a parsed document.
func measure(doc *recap.Document, items []recap.Item) Features {
	f := Features{Selection: selectionTitle.MatchString(doc.Title),
		Account: accountWords.MatchString(doc.Title) || dayTitle.MatchString(doc.Title) && !agendaTitle.MatchString(doc.Title)}
	if k, ok := doc.Layout.At(doc.TitleLine); ok {
		for j := k + 1; j < len(doc.Layout.Blocks) && j <= k+accountLookAhead; j++ {
			if b := doc.Layout.Blocks[j]; b.Kind == layout.Paragraph && accountWords.MatchString(b.Text) {
				f.Account = true
			}
		}
	}
	for _, it := range items {
		if !it.Weak {
			f.Items++
		}
	}
	abstract := false
	for _, b := range doc.Layout.Blocks {
		if b.Kind == layout.Furniture {
			continue
		}
		lower := strings.ToLower(b.Text)
		// The paragraphs under an "Abstract:" label are a session's own
		// words, in its speakers' voice, up to the next heading.
		if b.Kind == layout.Heading {
			abstract = false
		}
		if abstractLabels[strings.Trim(lower, "*_:： ")] {
			abstract = true
			continue
		}
		if abstract && b.Kind == layout.Paragraph {
			continue
		}
		tokens := strings.FieldsFunc(lower, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(`.,;!?()[]"“”«»`, r)
		})
		f.ScheduleSignals += countCues(b.Text, lower, tokens, scheduleKeys, schedulePhr, scheduleMarks) + len(clockTime.FindAllStringIndex(b.Text, -1))
		if b.Key != "" && scheduleKeys[strings.ToLower(b.Key)+":"] {
			f.ScheduleSignals++
		}
		if b.Kind == layout.TableRow {
			f.ScheduleSignals++
		}
		if b.Kind != layout.Paragraph && b.Kind != layout.ListItem && b.Kind != layout.Quote {
			continue
		}
		f.ProseBlocks++
		f.Words += len(tokens)
		if cjk(b.Text) {
			f.Words += len([]rune(b.Text)) / 3
		}
		f.Narrator += countCues(b.Text, lower, tokens, narratorWords, nil, narratorMarks)
		f.Opinion += countCues(b.Text, lower, tokens, opinionWords, opinionPhrase, opinionMarks)
		f.Story += countCues(b.Text, lower, tokens, storyWords, nil, storyMarks)
	}
	return f
}

func cjk(s string) bool {
	for _, r := range s {
		if r >= 0x3040 && r <= 0x9fff {
			return true
		}
	}
	return false
}
