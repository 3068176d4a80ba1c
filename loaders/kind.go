package loaders

import (
	"regexp"
	"strings"

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
	minProse            = 300
)

var (
	narratorCue = regexp.MustCompile(`(?i)\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|me|my|mine|myself|ich|mein|meine|mir|je|j'|j’|moi|mon|ma|mes|yo|mi|mis|eu|meu|minha)\b|私|僕|自分|我`)
	opinionCue  = regexp.MustCompile(`(?i)\b(?:favou?rite|highlights?|loved|enjoyed|liked|impressed|takeaways?|learned|learnt|recap|looking forward|can't wait|can’t wait|must[- ]see|picks?|recommend(?:ed)?|worth (?:watching|it)|circling|attended|watched|went to|sat in|my notes)\b|感想|印象|面白|よかった|推荐|印象深刻|值得`)
	storyCue    = regexp.MustCompile(`(?i)\b(?:was|were|had|gave|showed|explained|talked|presented|spoke|discussed|demoed|demonstrated|shared|walked|described|argued|told|opened|closed|ended|started|war|waren|zeigte|fand|erklärte|était|a montré|fue|mostró)\b|ました|でした|了`)
	scheduleCue = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\s*(?:am|pm)?\b|\b(?:room|venue|where|when|track|level|slides|video|location|hall|stage|datetime|time|type|date)\s*[:|]|\bregister(?:ed|ation)?\b|\b(?:join|catch|visit|meet) us\b|\bsee you (?:at|in)\b|\bour (?:sessions?|talks?|speakers?)\b|\bsched\b|会場|時間|場所`)
)

// Features are what kind detection measured, for explaining a decision.
type Features struct {
	Items, Words                              int
	Narrator, Opinion, Story, ScheduleSignals int
}

// IsSchedule decides whether a document that names talks lists them
// rather than writes about them.
func (f Features) IsSchedule() bool {
	if f.Items == 0 {
		return false
	}
	if f.Voice() >= minNarrative {
		return false
	}
	return float64(f.ScheduleSignals)/float64(f.Items) >= scheduleCuesPerItem || f.Narrator+f.Story == 0
}

// Voice is the narrator, opinion and story cues per thousand words of
// prose, counting at least minProse words so that a few lines of prose
// around a table do not speak loudly.
func (f Features) Voice() float64 {
	return float64(f.Narrator+f.Opinion+f.Story) * 1000 / float64(max(f.Words, minProse))
}

// measure reads the features of a parsed document.
func measure(doc *recap.Document, items []recap.Item) Features {
	f := Features{}
	for _, it := range items {
		if !it.Weak {
			f.Items++
		}
	}
	if doc.Layout == nil {
		return f
	}
	for _, b := range doc.Layout.Blocks {
		if b.Kind == layout.Furniture {
			continue
		}
		f.ScheduleSignals += len(scheduleCue.FindAllString(b.Text, -1))
		if b.Kind == layout.TableRow {
			f.ScheduleSignals++
		}
		if b.Kind != layout.Paragraph && b.Kind != layout.ListItem && b.Kind != layout.Quote {
			continue
		}
		f.Words += len(strings.Fields(b.Text))
		if cjk(b.Text) {
			f.Words += len([]rune(b.Text)) / 3
		}
		f.Narrator += len(narratorCue.FindAllString(b.Text, -1))
		f.Opinion += len(opinionCue.FindAllString(b.Text, -1))
		f.Story += len(storyCue.FindAllString(b.Text, -1))
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
