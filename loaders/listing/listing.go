// Package listing parses talk-listing documents: a page naming an event at
// the top, then one entry per session with a header line (title, level
// marker, speakers and their companies), the abstract, "About NAME" speaker
// bios, and bullets giving the number of participants and the duration.
// It only parses; turning entries into graph nodes is the caller's job.
package listing

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/confgraph/confgraph/internal/text"
)

// Document is a parsed talk listing.
type Document struct {
	Name        string // file name
	EventName   string // e.g. "KubeCon + CloudNativeCon North America 2017"
	EventCity   string // from "(Austin)" after the name, when given
	EventLine   int
	EventText   string // the line the event was read from
	Entries     []Entry
	Warnings    []string
	Boilerplate []string // lines repeated under many entries, left out of abstracts and bios
}

// Entry is one session of the listing.
type Entry struct {
	Line         int    // line of the header
	Header       string // the header line as printed
	Title        string
	Level        string // BEGINNER, INTERMEDIATE, ADVANCED or ""
	Kind         string // TALK, KEYNOTE, PANEL, OTHER
	Duration     int    // minutes, 0 if not given
	Participants int
	Abstract     string
	AbstractLine int // first line of the abstract
	Speakers     []Speaker
	// Published is the day the date line above the entry gives (YYYY-MM-DD):
	// when the recording went up, not when the talk was given.
	Published     string
	PublishedLine int
	PublishedText string
}

// Speaker is a person an entry names, in the header or in an About section.
type Speaker struct {
	Name            string
	FullName        string // the name the bio spells out when it is longer than the header's
	Part            string // speaker, moderator, host or panelist (named only in an About section)
	Role            string // job title printed in the header
	Company         string // as printed in the header; "" when none
	Bio             string
	BioLine         int    // line of the "About NAME" heading, 0 if none
	BioCompany      string // employer the bio states, "" if none found
	BioSentence     string // the sentence the employer was read from
	BioSentenceLine int    // the line that sentence is on
}

var (
	dateLine     = regexp.MustCompile(`^\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}$`)
	levelMarker  = regexp.MustCompile(`\s*\[(B|I|A)\]\s*`)
	bulletLine   = regexp.MustCompile(`^\s*[•*\-·]\s*(.+?)\s*$`)
	participants = regexp.MustCompile(`^(\d+)\s+participants?$`)
	minutesRe    = regexp.MustCompile(`^(\d+)\s+minutes?$`)
	hoursRe      = regexp.MustCompile(`^(\d+):(\d{2})\s+hours?$`)
	aboutRe      = regexp.MustCompile(`^About\s+(\S.*?)\s*$`)
)

// Detect reports whether text looks like a talk listing: several entries
// that each end with participant and duration bullets.
func Detect(text string) bool {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if m := bulletLine.FindStringSubmatch(l); m != nil && (minutesRe.MatchString(m[1]) || hoursRe.MatchString(m[1])) {
			n++
		}
	}
	return n >= 2
}

type line struct {
	no   int
	text string
}

// Parse reads a listing. It fails only when the document cannot be read
// or holds no entry; oddities in single entries become warnings.
func Parse(name string, r io.Reader) (*Document, error) {
	var lines []line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		if !utf8.ValidString(t) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8 text", name, n)
		}
		t = strings.TrimRight(NormalizeSpace(t), " \t\r")
		lines = append(lines, line{n, t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	doc := &Document{Name: name}
	doc.findEvent(lines)

	// Entries start at a date line followed by a header line.
	var starts []int
	for i, l := range lines {
		if dateLine.MatchString(strings.TrimSpace(l.text)) {
			if h := nextNonEmpty(lines, i+1); h >= 0 && !dateLine.MatchString(lines[h].text) {
				starts = append(starts, i)
			}
		}
	}
	if len(starts) == 0 {
		return nil, fmt.Errorf("%s: no talk entries found (expected a date line before each talk header)", name)
	}
	blocks := make([][]line, len(starts))
	for k, s := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		blocks[k] = lines[s+1 : end]
	}
	boiler := repeatedLines(blocks)
	for l := range boiler {
		doc.Boilerplate = append(doc.Boilerplate, l)
	}
	sort.Strings(doc.Boilerplate)
	known := headerCompanies(blocks)
	for k, b := range blocks {
		e, warn := parseEntry(b, boiler, known)
		if warn != "" {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s:%d: %s", name, b[0].no, warn))
		}
		if e != nil {
			// The date line above the entry: when its recording was
			// published.
			d := lines[starts[k]]
			for _, layout := range []string{"2 Jan 2006", "2 January 2006"} {
				if t, err := time.Parse(layout, strings.TrimSpace(d.text)); err == nil {
					e.Published, e.PublishedLine, e.PublishedText = t.Format("2006-01-02"), d.no, strings.TrimSpace(d.text)
					break
				}
			}
			doc.Entries = append(doc.Entries, *e)
		}
	}
	if len(doc.Entries) == 0 {
		return nil, fmt.Errorf("%s: no complete talk entry found", name)
	}
	return doc, nil
}

// findEvent reads the event from the first lines: the segment naming the
// conference, with the city in parentheses.
func (d *Document) findEvent(lines []line) {
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if dateLine.MatchString(t) {
			return
		}
		for _, seg := range strings.Split(t, " / ") {
			low := strings.ToLower(seg)
			if !strings.Contains(low, "kubecon") && !strings.Contains(low, "cloudnativecon") {
				continue
			}
			seg = strings.TrimSpace(seg)
			if m := regexp.MustCompile(`^(.*?)\s*\(([^()]+)\)$`).FindStringSubmatch(seg); m != nil {
				seg, d.EventCity = m[1], strings.TrimSpace(m[2])
			}
			d.EventName, d.EventLine, d.EventText = seg, l.no, t
			return
		}
	}
}

func nextNonEmpty(lines []line, i int) int {
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i].text) != "" {
			return i
		}
	}
	return -1
}

// repeatedLines returns the long lines that recur in at least a third of
// the entries (and in three or more): page furniture and the promotional
// footer, not part of any talk.
func repeatedLines(blocks [][]line) map[string]bool {
	count := map[string]int{}
	for _, b := range blocks {
		seen := map[string]bool{}
		for _, l := range b {
			t := strings.TrimSpace(l.text)
			if t == "" || seen[t] || dateLine.MatchString(t) || bulletLine.MatchString(t) {
				continue
			}
			seen[t] = true
			count[t]++
		}
	}
	min := len(blocks) / 3
	if min < 3 {
		min = 3
	}
	out := map[string]bool{}
	for t, n := range count {
		if n >= min {
			out[t] = true
		}
	}
	return out
}

func parseEntry(b []line, boiler map[string]bool, known map[string]bool) (*Entry, string) {
	h := nextNonEmpty(b, 0)
	if h < 0 {
		return nil, "entry without a header"
	}
	e := &Entry{Line: b[h].no, Header: strings.TrimSpace(b[h].text)}
	var body []line
	for _, l := range b[h+1:] {
		t := strings.TrimSpace(l.text)
		if boiler[t] {
			continue
		}
		if m := bulletLine.FindStringSubmatch(t); m != nil {
			switch v := m[1]; {
			case participants.MatchString(v):
				e.Participants, _ = strconv.Atoi(participants.FindStringSubmatch(v)[1])
				continue
			case minutesRe.MatchString(v):
				e.Duration, _ = strconv.Atoi(minutesRe.FindStringSubmatch(v)[1])
				continue
			case hoursRe.MatchString(v):
				mm := hoursRe.FindStringSubmatch(v)
				hh, _ := strconv.Atoi(mm[1])
				mi, _ := strconv.Atoi(mm[2])
				e.Duration = hh*60 + mi
				continue
			}
		}
		body = append(body, line{l.no, t})
	}

	// Split the body into the abstract and the About sections.
	var abstract []line
	var abouts []*aboutSection
	for _, l := range body {
		if m := aboutRe.FindStringSubmatch(l.text); m != nil && looksLikeName(m[1]) && aboutsPerson(m[1], e.Header) {
			abouts = append(abouts, &aboutSection{name: m[1], no: l.no})
			continue
		}
		if len(abouts) == 0 {
			abstract = append(abstract, l)
		} else if l.text != "" {
			a := abouts[len(abouts)-1]
			a.text = append(a.text, l.text)
			a.nos = append(a.nos, l.no)
		}
	}
	var para []string
	for _, l := range abstract {
		if l.text == "" {
			continue
		}
		if e.AbstractLine == 0 {
			e.AbstractLine = l.no
		}
		para = append(para, l.text)
	}
	e.Abstract = strings.Join(para, "\n\n")

	title, speakerPart, level := splitHeader(e.Header, aboutNames(abouts))
	e.Level = level
	e.Kind = "TALK"
	for _, p := range []struct{ prefix, kind string }{{"Keynote:", "KEYNOTE"}, {"Panel:", "PANEL"}} {
		if strings.HasPrefix(strings.ToLower(title), strings.ToLower(p.prefix)) {
			e.Kind = p.kind
			title = strings.TrimSpace(title[len(p.prefix):])
		}
	}
	e.Title = title

	heads := parseSpeakers(speakerPart, e.Kind == "KEYNOTE", aboutNames(abouts), known)
	bios := map[int]bool{}
	for i := range heads {
		s := &heads[i]
		for k, a := range abouts {
			if !bios[k] && text.SameName(s.Name, a.name) {
				bios[k] = true
				attachBio(s, a, known)
				break
			}
		}
	}
	for k, a := range abouts {
		if bios[k] {
			continue
		}
		s := Speaker{Name: a.name, Part: "panelist"}
		attachBio(&s, a, known)
		heads = append(heads, s)
	}
	e.Speakers = heads
	if len(e.Speakers) == 0 || isOtherSession(e.Title, speakerPart) {
		e.Kind = "OTHER"
	}
	if e.Title == "" {
		return nil, fmt.Sprintf("skipped: header %q has no title", e.Header)
	}
	if e.Duration == 0 && e.Participants == 0 {
		// Every complete entry ends with its bullets; without them the
		// entry was cut off, and a half-read talk is worse than none.
		return nil, fmt.Sprintf("skipped %q: the entry has no participants or duration (is the document truncated?)", e.Title)
	}
	return e, ""
}

type aboutSection struct {
	name string
	no   int
	text []string
	nos  []int
}

func aboutNames(as []*aboutSection) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.name)
	}
	return out
}

// attachBio fills the speaker's bio and the employer it states. The About
// heading may spell the name differently from the header; the longer
// spelling from the bio's first sentence is kept as the full name.
func attachBio(s *Speaker, a *aboutSection, known map[string]bool) {
	heading := a.name
	s.BioLine = a.no
	s.Bio = strings.Join(a.text, "\n")
	if heading != s.Name && len(heading) > len(s.Name) {
		s.FullName = heading
	}
	if full := fullNameFromBio(s.Name, s.Bio); full != "" {
		s.FullName = full
	}
	s.BioCompany, s.BioSentence = BioEmployer(s.Bio, known)
	for i, t := range a.text {
		if s.BioSentence != "" && strings.Contains(t, s.BioSentence) {
			s.BioSentenceLine = a.nos[i]
			break
		}
	}
}

// fullNameFromBio finds a longer spelling of name at the start of the bio:
// "Vishnu Kannan is ..." for the header's "Vish Kannan".
func fullNameFromBio(name, bio string) string {
	parts := strings.Fields(name)
	if len(parts) < 2 {
		return ""
	}
	first, last := parts[0], parts[len(parts)-1]
	words := strings.Fields(bio)
	for i := 0; i+1 < len(words) && i < 40; i++ {
		w := strings.Trim(words[i], ",.;:()")
		if w != first && strings.HasPrefix(w, first) && strings.Trim(words[i+1], ",.;:()'’s") == last {
			return w + " " + last
		}
	}
	return ""
}

// isOtherSession reports sessions that are not talks: a session hosted by
// someone rather than presented, or one whose title names a ceremony.
func isOtherSession(title, speakerPart string) bool {
	if strings.HasPrefix(strings.ToLower(speakerPart), "hosted by") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		switch strings.Trim(w, ",.:!") {
		case "award", "awards", "salon", "reception", "lunch", "break", "registration":
			return true
		}
	}
	return false
}

// aboutsPerson reports whether an "About X" line is about a person: no
// sentence ends in X ("About Envoy." opens an abstract's paragraph), and a
// single word is a name only when the header prints it.
func aboutsPerson(x, header string) bool {
	if strings.ContainsAny(x[len(x)-1:], ".!?:,;") {
		return false
	}
	return len(strings.Fields(x)) > 1 || strings.Contains(header, x)
}

func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ws[0])
	return unicode.IsUpper(r)
}

// NormalizeSpace turns non-breaking and other Unicode spaces into plain
// spaces, so that web pages copied as text compare like typed text.
func NormalizeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}
