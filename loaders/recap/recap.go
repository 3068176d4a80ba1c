// Package recap parses free-form blog recaps of conferences: the title,
// the author and publication date where a front-matter block or the text
// gives them, the clues naming the event (year, city, region) and the
// text itself with its line numbers. It only parses.
package recap

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

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
	frontKV   = regexp.MustCompile(`^([A-Za-z_]+):\s*(.*?)\s*$`)
	isoDate   = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)
	conferece = regexp.MustCompile(`(?i)kubecon|cloudnativecon|cloud native con`)
)

// Detect reports whether text is about a KubeCon + CloudNativeCon event
// at all.
func Detect(text string) bool { return conferece.MatchString(text) }

// Parse reads a recap. It fails when the document is not UTF-8 text or has
// no text at all.
func Parse(name string, r io.Reader) (*Document, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	lay, err := layout.Parse(name, raw)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	doc := &Document{Name: name}
	var all []Line
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		if !utf8.ValidString(t) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8 text", name, n)
		}
		all = append(all, Line{n, strings.TrimRight(normalizeSpace(t), " \t\r")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	body := all
	// A front-matter block between "---" lines gives title, date, author.
	if len(all) > 0 && strings.TrimSpace(all[0].Text) == "---" {
		for i := 1; i < len(all); i++ {
			t := strings.TrimSpace(all[i].Text)
			if t == "---" {
				body = all[i+1:]
				break
			}
			if raw := all[i].Text; strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t") || strings.HasPrefix(raw, "-") {
				continue // a nested key ("resources: - title: …") is not the page's
			}
			m := frontKV.FindStringSubmatch(t)
			if m == nil {
				continue
			}
			v := strings.Trim(m[2], `"'`)
			switch strings.ToLower(m[1]) {
			case "title":
				doc.Title, doc.TitleLine = v, all[i].No
			case "date":
				if d := isoDate.FindString(v); d != "" {
					doc.Published = d
				}
			case "author":
				doc.Author = v
			}
		}
	}
	if lay.FrontMatter != nil && len(lay.FrontMatter) > 0 && len(body) == len(all) {
		// TOML (+++) front matter, which the loop above does not read.
		for i, l := range all {
			if l.No > lay.TitleLine && strings.TrimSpace(l.Text) == "+++" && i > 0 {
				body = all[i+1:]
				break
			}
		}
		doc.Title, doc.TitleLine = lay.Title, lay.TitleLine
		doc.Published, doc.Author = lay.Date, lay.Author
	}
	doc.Layout = lay
	doc.Lines = body
	if doc.Title == "" && lay.Title != "" {
		doc.Title, doc.TitleLine = lay.Title, lay.TitleLine
	}
	if doc.Title == "" {
		for _, l := range body {
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
		doc.Published = firstDate(body)
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

func normalizeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}
