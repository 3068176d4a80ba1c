// Package recap parses free-form blog recaps of conferences: the title,
// the author and publication date where a front-matter block or the text
// gives them, the clues naming the event (year, city, region) and the
// text itself with its line numbers. It only parses.
package recap

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/confgraph/confgraph/loaders/attrib"
	"github.com/confgraph/confgraph/loaders/layout"
)

// Line is one line of the document with its 1-based number.
type Line struct {
	No   int
	Text string
}

// Document is a parsed recap.
type Document struct {
	Name      string
	Title     string
	TitleLine int
	Author    string
	Published string // YYYY-MM-DD
	Lines     []Line // the body, front matter left out
	// Layout is the document as blocks, for the block rules.
	Layout *layout.Doc
	// Gazetteer, when set, tells organisations and projects from people
	// in attributions.
	Gazetteer attrib.Gazetteer
}

var (
	isoDate = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)
	// The conference's name, or the address of its schedule site, which
	// names an edition (kccncna2022.sched.com).
	conferece = regexp.MustCompile(`(?i)kubecon|cloudnativecon|cloud native con|` + schedSitePattern)
)

// schedSitePattern is the address of the conference's schedule site, which
// names an edition by a code of its region and its year after a "kc"
// prefix: kccncna2022.sched.com, kccnceu19.sched.com, kccna18.sched.com,
// kccncosschn19.sched.com. Co-located events have sites of their own
// (another prefix), which name no KubeCon edition.
const schedSitePattern = `\bkc(?:cnc)?([a-z]*?)(\d{4}|\d{2})\.sched\.com\b`

// SchedSite matches the conference's schedule-site address: the region
// code and the year are its two groups.
var SchedSite = regexp.MustCompile(`(?i)` + schedSitePattern)

// Detect reports whether text is about a KubeCon + CloudNativeCon event
// at all.
func Detect(text string) bool { return conferece.MatchString(text) }

// Parse reads a recap. It fails when the document is not UTF-8 text or has
// no text at all. The lines, the front matter (title, date, author) and the
// title come from the document's layout (package layout).
func Parse(name string, r io.Reader) (*Document, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	lay, err := layout.Parse(name, raw)
	if err != nil {
		return nil, err
	}
	doc := &Document{Name: name, Layout: lay, Title: lay.Title, TitleLine: lay.TitleLine, Author: lay.Author, Published: lay.Date}
	for i := lay.Body; i < len(lay.Lines); i++ {
		doc.Lines = append(doc.Lines, Line{No: i + 1, Text: lay.Lines[i]})
	}
	if doc.Title == "" {
		for _, l := range doc.Lines {
			if t := strings.TrimSpace(strings.TrimLeft(l.Text, "# ")); t != "" {
				doc.Title, doc.TitleLine = t, l.No
				break
			}
		}
	}
	if doc.Title == "" {
		return nil, fmt.Errorf("%s: empty document", name)
	}
	if doc.Published == "" {
		doc.Published = firstDate(doc.Lines)
	}
	if doc.Published == "" {
		doc.Published = lay.DateNearTop(15)
	}
	return doc, nil
}

// firstDate finds an ISO date the opening lines give, e.g. in a change
// history.
func firstDate(lines []Line) string {
	for i, l := range lines {
		if i > 40 {
			break
		}
		if d := isoDate.FindString(l.Text); d != "" {
			return d
		}
	}
	return ""
}

// Text returns the body as one string, lines joined by newlines.
func (d *Document) Text() string {
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
