// Package layout turns a document of any common shape (plain text,
// Markdown, light HTML) into blocks with line numbers: front matter,
// headings with levels, list items, table rows with their header cells,
// "Key: value" lines, quotes, paragraphs and page furniture (share bars,
// photo credits, image lines, tag lists, navigation). Every extraction
// step after it works on blocks, so no rule has to re-read raw markup.
package layout

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a block is.
type Kind int

// Block kinds.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	TableRow
	KeyValue
	Quote
	Furniture
)

func (k Kind) String() string {
	return [...]string{"paragraph", "heading", "list item", "table row", "key-value", "quote", "furniture"}[k]
}

// Link is a Markdown or HTML link inside a block.
type Link struct {
	Text, URL string
}

// Block is one line-level unit of a document.
type Block struct {
	Line  int
	Kind  Kind
	Level int    // heading level (1-6; 0 for a plain-text standalone line), list depth
	Raw   string // the line as printed (spaces normalised)
	Text  string // the line without markup: links as their text, no emphasis
	Links []Link
	// Ordinal is the number of a numbered list item or heading ("1." -> 1).
	Ordinal int
	// Cells are a table row's cells; Header the cells of its table's header.
	Cells, Header []string
	// Key and Value split a "Key: value" line.
	Key, Value string
	// Standalone is set for a short line with blank lines (or the document's
	// edges) around it and no sentence punctuation: in plain text, the shape
	// of a heading.
	Standalone bool
	// Section is the index in Doc.Blocks of the nearest heading above, -1
	// when none.
	Section int
}

// Doc is a document split into blocks.
type Doc struct {
	Name      string
	Title     string // front matter's title, else the first heading or line
	TitleLine int
	Date      string // YYYY-MM-DD from front matter or a dateline near the top
	Author    string
	// FrontMatter holds the front matter's keys (lowercased) and values.
	FrontMatter map[string]string
	Blocks      []Block
	Lines       []string // every line, spaces normalised, index = line-1
	// Body is the index in Lines of the first line after the front matter.
	Body int

	byLine map[int]int // line -> index in Blocks
}

// At returns the index in Blocks of the block read from line, if any.
func (d *Doc) At(line int) (int, bool) {
	k, ok := d.byLine[line]
	return k, ok
}

var (
	atxHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	// HeadingID is the anchor some site generators let a heading name
	// ("## Istio Day {#istio-day}"): no part of its text.
	HeadingID  = regexp.MustCompile(`\s*\{#[^}\s]*\}\s*$`)
	htmlHead   = regexp.MustCompile(`(?i)^\s*<h([1-6])[^>]*>(.*?)</h[1-6]>\s*$`)
	listMarker = regexp.MustCompile(`^(\s*)(?:[-*+•·◦▪►‣]|(\d{1,3})[.)])\s+(.*)$`)
	htmlLi     = regexp.MustCompile(`(?i)^\s*<li[^>]*>(.*?)(?:</li>)?\s*$`)
	taskBox    = regexp.MustCompile(`^(?:\[[ xX]\]\s+)+`)
	ordinalPre = regexp.MustCompile(`^(\d{1,3})[.)]\s+(.*)$`)
	tableSep   = regexp.MustCompile(`^\s*\|?\s*:?-{2,}[- ]*:?\s*(\|\s*:?-{2,}[- ]*:?\s*)*\|?\s*$`)
	// A link; "[Title] (https://…)" with a space is one too, as its writer meant.
	// Its text may hold a bracketed part ("[Panel: Title [B]](…)") and its
	// address balanced parentheses ("…/Talk%20(Advanced).pdf"); an address
	// that does not close them ends at the first ")" as before.
	mdLink = regexp.MustCompile(`!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)|\(([^)\s]*)(?:\s+"[^"]*")?\)|[ \t]\((https?:(?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)|\(([^()"\n]+?\.(?:pdf|pptx?|key|odp|png|jpe?g|gif|html?|mp4))\))`)
	// thumbLink is a picture that links to a video or a page:
	// "[![alt](thumb.jpg)](https://…)". The link has no text of its own;
	// the line reads as the picture's alt text.
	thumbLink = regexp.MustCompile(`\[!\[([^\[\]]*)\]\([^()\s]*\)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)`)
	// rstLink is a reStructuredText link: `Title <https://…>`_ (or __).
	rstLink    = regexp.MustCompile("`([^`<>]+?)\\s*<(https?://[^>\\s]+)>`_{1,2}")
	htmlLink   = regexp.MustCompile(`(?i)<a\s[^>]*href=["']([^"']*)["'][^>]*>(.*?)</a>`)
	tag        = regexp.MustCompile(`<[^>]{1,200}>`)
	emphasis   = strings.NewReplacer("**", "", "__", "", "*", "", "~~", "", "`", "")
	kvLine     = regexp.MustCompile(`^([\p{L}][\p{L}0-9 /&'’()-]{0,30}?)\s*[:：]\s+(.+)$`)
	isoDate    = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})`)
	bareURL    = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	creditTail = regexp.MustCompile(`[(\[](?:bild|photo|foto|image|img|credit|source|quelle|crédit|画像|写真)\s*[:：]`)
	imageFile  = regexp.MustCompile(`(?i)^\S+\.(?:jpe?g|png|gif|webp|svg)$`)
)

// Reference-style links: "[Title][4]" or "[Title][]" in the text, and
// "[4]: https://…" on a line of its own.
var (
	refDef  = regexp.MustCompile(`^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+["'(].*)?$`)
	refLink = regexp.MustCompile(`\[([^\[\]]+)\]\[([^\[\]]*)\]`)
	// footnoteDef is a footnote's text, "[^1]: …".
	footnoteDef = regexp.MustCompile(`^\s{0,3}\[\^[^\]]+\]:`)
)

// referenceLinks resolves the reference-style links of the blocks: each
// becomes a link of its block, its text the link's text, as an inline
// link would; the definitions are furniture.
func (d *Doc) referenceLinks() {
	for k := range d.Blocks {
		if footnoteDef.MatchString(d.Blocks[k].Raw) {
			d.Blocks[k].Kind = Furniture // "[^1]: a note": the page's apparatus
		}
	}
	defs := map[string]string{}
	for i := d.Body; i < len(d.Lines); i++ {
		if m := refDef.FindStringSubmatch(d.Lines[i]); m != nil {
			defs[strings.ToLower(m[1])] = m[2]
		}
	}
	if len(defs) == 0 {
		return
	}
	for k := range d.Blocks {
		b := &d.Blocks[k]
		if refDef.MatchString(b.Raw) {
			b.Kind = Furniture
			continue
		}
		if !strings.Contains(b.Text, "][") {
			continue
		}
		b.Text = refLink.ReplaceAllStringFunc(b.Text, func(m string) string {
			sm := refLink.FindStringSubmatch(m)
			ref := sm[2]
			if ref == "" {
				ref = sm[1]
			}
			url, ok := defs[strings.ToLower(ref)]
			if !ok {
				return m
			}
			b.Links = append(b.Links, Link{Text: strings.TrimSpace(sm[1]), URL: url})
			return sm[1]
		})
	}
}

// Parse splits text into blocks. It fails only on text that is not UTF-8.
func Parse(name string, text []byte) (*Doc, error) {
	d := &Doc{Name: name, FrontMatter: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		if !utf8.ValidString(t) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8 text", name, n)
		}
		d.Lines = append(d.Lines, strings.TrimRight(normalizeSpace(t), " \t\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	d.Body = d.frontMatter()
	d.blocks(d.Body)
	d.referenceLinks()
	d.byLine = make(map[int]int, len(d.Blocks))
	for k, b := range d.Blocks {
		d.byLine[b.Line] = k
	}
	d.findTitle()
	return d, nil
}

// frontMatter reads a YAML (---) or TOML (+++) block at the top and
// returns the index of the first line after it.
func (d *Doc) frontMatter() int {
	first := -1
	for i, l := range d.Lines {
		if strings.TrimSpace(l) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return 0
	}
	fence := strings.TrimSpace(d.Lines[first])
	if fence != "---" && fence != "+++" {
		return 0
	}
	for i := first + 1; i < len(d.Lines) && i < first+80; i++ {
		t := strings.TrimSpace(d.Lines[i])
		if t == fence {
			return i + 1
		}
		if raw := d.Lines[i]; strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t") || strings.HasPrefix(raw, "-") {
			continue // a nested key ("resources: - title: …") is not the page's
		}
		k, v, ok := splitKV(t)
		if !ok {
			continue
		}
		k = strings.ToLower(k)
		d.FrontMatter[k] = v
		switch k {
		case "title":
			d.Title, d.TitleLine = v, i+1
		case "date", "published", "pubdate", "publishdate":
			if m := isoDate.FindString(v); m != "" && d.Date == "" {
				d.Date = m
			}
		case "author", "authors":
			d.Author = strings.Trim(v, "[]\"' ")
		}
	}
	// No closing fence: not front matter, and nothing read from it counts.
	d.Title, d.TitleLine, d.Date, d.Author = "", 0, "", ""
	clear(d.FrontMatter)
	return 0
}

// splitKV reads "key: value" (YAML) or "key = value" (TOML).
func splitKV(t string) (string, string, bool) {
	i := strings.IndexAny(t, ":=")
	if i <= 0 {
		return "", "", false
	}
	k := strings.TrimSpace(t[:i])
	if strings.ContainsAny(k, " \t") {
		return "", "", false
	}
	v := strings.TrimSpace(t[i+1:])
	v = strings.Trim(v, `"'`)
	return k, v, true
}

// csvRuns finds runs of three or more lines that read as CSV records with
// the same number (three or more) of fields: a schedule export. The first
// line of a run is its header when a cell names a title or a session.
func (d *Doc) csvRuns(start int) map[int][]string {
	rows := map[int][]string{}
	fields := func(l string) []string {
		t := strings.TrimSpace(l)
		if strings.Count(l, ",") < 2 || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "#") || listMarker.MatchString(l) || strings.Contains(l, "](") {
			return nil // Markdown: a list item, a heading, a link are no CSV rows
		}
		r := csv.NewReader(strings.NewReader(l))
		r.LazyQuotes = true
		rec, err := r.Read()
		if err != nil || len(rec) < 3 {
			return nil
		}
		return rec
	}
	for i := start; i < len(d.Lines); {
		f := fields(d.Lines[i])
		j := i + 1
		for f != nil && j < len(d.Lines) && len(fields(d.Lines[j])) == len(f) {
			j++
		}
		if f != nil && j-i >= 3 {
			for k := i; k < j; k++ {
				rows[k] = fields(d.Lines[k])
			}
			i = j
			continue
		}
		i++
	}
	return rows
}

func isHeaderRow(cells []string) bool {
	for _, c := range cells {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "title" || c == "session" || c == "talk" || strings.Contains(c, "title") {
			return true
		}
	}
	return false
}

func inCSV(rows map[int][]string, i int) bool { _, ok := rows[i]; return ok }

// openEnded reports a line that stops in the middle of a list of names:
// after a comma, a semicolon or an ampersand.
func openEnded(raw string) bool {
	t := strings.TrimRight(raw, " \t")
	return strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, " &") || halfName.MatchString(t)
}

// halfName is an attribution wrapped inside a name: "by A, Acme; B, Initech;
// Daniel" goes on with "Dyla, Globex" on the next line.
var halfName = regexp.MustCompile(`^\s*(?:[-*]\s+)?(?i:by|speakers?:)\s+\p{Lu}.*(?:[,;&]|\band)\s+\p{Lu}[\p{L}'’\-]+$`)

// continuation reports a line that goes on with the paragraph above: not
// blank and not the start of a block of its own (a heading, a list item,
// a table row, a quote, a fence, a tag).
func continuation(raw string) bool {
	t := strings.TrimSpace(raw)
	if t == "" || strings.ContainsAny(t[:1], "#|>`<~") || listMarker.MatchString(raw) || tableSep.MatchString(t) {
		return false
	}
	return true
}

// rowCells splits a table row at its pipes, its edge pipes optional, each
// cell's text read as a block's is (links, emphasis).
func rowCells(raw string) []Block {
	var out []Block
	for _, c := range strings.Split(strings.Trim(strings.TrimSpace(raw), "|"), "|") {
		cb := Block{}
		cb.setText(strings.TrimSpace(c))
		out = append(out, cb)
	}
	return out
}

// columns counts the columns of a delimiter row ("---|:---:|---").
func columns(sep string) int {
	return len(strings.Split(strings.Trim(strings.TrimSpace(sep), "|"), "|"))
}

func (d *Doc) blocks(start int) {
	csvRows := d.csvRuns(start)
	var csvHeader []string
	section := -1
	var header []string // cells of the current table's header
	inCode := false
	for i := start; i < len(d.Lines); i++ {
		raw := d.Lines[i]
		// "[Scaling Widgets With" / "Operators](https://…)": a link's text
		// wrapped onto the next line is one line.
		if strings.Count(raw, "[") > strings.Count(raw, "]") {
			// over up to three lines: "[Managing Thousands of" /
			// "Clusters With Flux - Ann Lee," / "Acme](https://…)"
			for j := i + 1; j < len(d.Lines) && j <= i+2 && strings.TrimSpace(d.Lines[j]) != "" && (j == i+1 || continuation(d.Lines[j])); j++ {
				if strings.Contains(d.Lines[j], "](") {
					for k := i + 1; k <= j; k++ {
						d.Lines[i] += " " + strings.TrimSpace(d.Lines[k])
						d.Lines[k] = ""
					}
					raw = d.Lines[i]
					break
				}
			}
		}
		// "by A, Acme; B, Initech; C," / "Globex": a list of people
		// wrapped after its comma goes on on the next line.
		for j := i + 1; !inCode && j < len(d.Lines) && openEnded(raw) && continuation(d.Lines[j]) && !inCSV(csvRows, i) && !inCSV(csvRows, j); j++ {
			d.Lines[i] = strings.TrimRight(raw, " \t") + " " + strings.TrimSpace(d.Lines[j])
			d.Lines[j] = ""
			raw = d.Lines[i]
		}
		t := strings.TrimSpace(raw)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inCode = !inCode
			continue
		}
		if inCode || t == "" {
			header = nil
			continue
		}
		if cells, ok := csvRows[i]; ok {
			if _, prev := csvRows[i-1]; !prev {
				csvHeader = nil
				if isHeaderRow(cells) {
					csvHeader = cells
					d.Blocks = append(d.Blocks, Block{Line: i + 1, Kind: Furniture, Raw: raw, Text: t, Section: section})
					continue
				}
			}
			b := Block{Line: i + 1, Kind: TableRow, Raw: raw, Header: csvHeader, Section: section}
			for _, c := range cells {
				cb := Block{}
				cb.setText(strings.TrimSpace(c))
				b.Cells = append(b.Cells, cb.Text)
			}
			b.Text = strings.Join(nonEmpty(b.Cells), " | ")
			d.Blocks = append(d.Blocks, b)
			continue
		}
		if strings.Contains(t, "|") && tableSep.MatchString(t) {
			if n := len(d.Blocks); n > 0 {
				prev := &d.Blocks[n-1]
				switch {
				case prev.Kind == TableRow:
					header = prev.Cells
					prev.Kind, prev.Header = Furniture, nil // the header row names columns, not a row
				case prev.Line == i && !strings.HasPrefix(strings.TrimSpace(prev.Raw), "|") && strings.Count(prev.Raw, "|")+1 == columns(t):
					// A table whose rows have no pipe at their edges
					// ("Time | Room | Topic | Speaker" over "---|---|---|---"):
					// the line above the delimiter row is its header.
					cells := rowCells(prev.Raw)
					header = make([]string, len(cells))
					for k, c := range cells {
						header[k] = c.Text
					}
					prev.Kind, prev.Header, prev.Cells = Furniture, nil, header
				}
			}
			continue
		}
		// Setext headings: a short line underlined by === or ---; other
		// such lines are rules.
		if lv := setextUnder(t); lv > 0 {
			if n := len(d.Blocks); n > 0 {
				prev := &d.Blocks[n-1]
				if prev.Line == i && (prev.Kind == Paragraph || prev.Kind == KeyValue) && headingShaped(prev.Text) {
					prev.Kind, prev.Level, prev.Key, prev.Value = Heading, lv, "", ""
					section = n - 1
					prev.Section = section
				}
			}
			continue
		}
		b := Block{Line: i + 1, Raw: raw, Section: section}
		b.classify(raw, header)
		if b.Kind != TableRow {
			header = nil
		}
		if b.Text == "" && b.Kind != TableRow {
			continue
		}
		if b.Kind == Heading {
			section = len(d.Blocks)
			b.Section = section
		}
		d.Blocks = append(d.Blocks, b)
	}
	// The page's trailer: what follows "About the author" or "Related
	// posts" up to the next heading is furniture too.
	trailer := false
	for k := range d.Blocks {
		b := &d.Blocks[k]
		if trailerStart.MatchString(strings.TrimSpace(b.Text)) {
			trailer = true
			b.Kind = Furniture
			continue
		}
		if b.Kind == Heading {
			trailer = false
		}
		if trailer {
			b.Kind = Furniture
		}
	}
	// Standalone short lines: the headings of plain text. Text copied from
	// a web page often has no blank lines; there a short line without a
	// full stop between lines of running text stands alone too.
	for k := range d.Blocks {
		b := &d.Blocks[k]
		if b.Kind != Paragraph && b.Kind != KeyValue {
			continue
		}
		before := b.Line == 1 || strings.TrimSpace(d.Lines[b.Line-2]) == ""
		after := b.Line >= len(d.Lines) || strings.TrimSpace(d.Lines[b.Line]) == ""
		if before && (after || k+1 < len(d.Blocks)) && headingShaped(b.Text) {
			b.Standalone = true
			continue
		}
		// The last line of a paragraph (text above it, a blank line after
		// it) is not a loose heading.
		if !after && k+1 < len(d.Blocks) && len(strings.Fields(b.Text)) <= maxLooseHeadingWords && headingShaped(b.Text) &&
			runningText(d.Blocks[k+1]) && (k == 0 || runningText(d.Blocks[k-1]) || d.Blocks[k-1].Kind != Paragraph) {
			b.Standalone = true
		}
	}
}

var trailerStart = regexp.MustCompile(`(?i)^(?:#+\s*)?(?:about the authors?|related (?:posts|articles|reading)|you (?:may|might) also like|more posts|recent posts|read next|über den autor|à propos de l'auteur|sobre el autor|関連記事|相关文章|作者简介)\s*:?$`)

// maxLooseHeadingWords bounds a heading found without blank lines around it.
const maxLooseHeadingWords = 12

// runningText reports a block of prose: a sentence of some length.
func runningText(b Block) bool {
	if b.Kind != Paragraph {
		return false
	}
	n := len(strings.Fields(b.Text))
	r, _ := utf8.DecodeLastRuneInString(b.Text)
	return n >= 15 || n >= 6 && strings.ContainsRune(".!?。", r)
}

// setextUnder returns 1 for a "===" line, 2 for a "---" line, else 0.
func setextUnder(t string) int {
	if len(t) < 3 {
		return 0
	}
	if strings.Trim(t, "=") == "" {
		return 1
	}
	if strings.Trim(t, "-") == "" {
		return 2
	}
	return 0
}

func (b *Block) classify(raw string, header []string) {
	t := strings.TrimSpace(raw)
	if m := videoShortcode.FindStringSubmatch(t); m != nil {
		// "{{< youtube id="…" title="Title - A & B" >}}": a recording
		// embedded with its title reads as a link to it; without a title
		// it is furniture.
		id, title := shortcodeAttr(m[2], "id"), html.UnescapeString(shortcodeAttr(m[2], "title"))
		if id == "" && !strings.Contains(m[2], "=") {
			id = strings.Trim(strings.TrimSpace(m[2]), `"`)
		}
		if title == "" || id == "" {
			b.Kind, b.Text = Furniture, t
			return
		}
		b.Kind, b.Text = Paragraph, strings.Join(strings.Fields(title), " ")
		url := "https://www.youtube.com/watch?v=" + id
		if m[1] == "vimeo" {
			url = "https://vimeo.com/" + id
		}
		b.Links = []Link{{Text: b.Text, URL: url}}
		return
	}
	if m := atxHeading.FindStringSubmatch(t); m != nil {
		b.Kind, b.Level = Heading, len(m[1])
		b.setText(HeadingID.ReplaceAllString(m[2], ""))
		b.numbered()
		return
	}
	if m := htmlHead.FindStringSubmatch(t); m != nil {
		b.Kind, b.Level = Heading, int(m[1][0]-'0')
		b.setText(m[2])
		b.numbered()
		return
	}
	if strings.HasPrefix(t, "|") || header != nil && strings.Count(t, "|") > 0 {
		b.Kind = TableRow
		b.Header = header
		for _, cb := range rowCells(t) {
			b.Cells = append(b.Cells, cb.Text)
			b.Links = append(b.Links, cb.Links...)
		}
		b.Text = strings.Join(nonEmpty(b.Cells), " | ")
		return
	}
	if m := listMarker.FindStringSubmatch(raw); m != nil && !setextLike(t) {
		b.Kind, b.Level = ListItem, len(m[1])/2+1
		if m[2] != "" {
			fmt.Sscan(m[2], &b.Ordinal)
		}
		// A task list's box ("- [ ] item", "- [x] item") is no part of
		// the item.
		b.setText(taskBox.ReplaceAllString(m[3], ""))
		if !b.furniture() {
			b.keyValue()
		}
		return
	}
	if m := htmlLi.FindStringSubmatch(t); m != nil {
		b.Kind, b.Level = ListItem, 1
		b.setText(m[1])
		b.furniture()
		return
	}
	if strings.HasPrefix(t, ">") {
		b.Kind = Quote
		b.setText(strings.TrimLeft(t, "> "))
		return
	}
	b.setText(t)
	if b.furniture() {
		return
	}
	b.Kind = Paragraph
	if b.keyValue() {
		b.Kind = KeyValue
	}
}

// keyValue splits a "Key: value" text into Key and Value.
func (b *Block) keyValue() bool {
	if m := kvLine.FindStringSubmatch(b.Text); m != nil && len(strings.Fields(m[1])) <= 4 && !strings.HasPrefix(m[2], "//") {
		b.Key, b.Value = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		return true
	}
	return false
}

func setextLike(t string) bool { return setextUnder(t) > 0 }

// numbered reads "1. Title" at the start of a heading.
func (b *Block) numbered() {
	if m := ordinalPre.FindStringSubmatch(b.Text); m != nil {
		fmt.Sscan(m[1], &b.Ordinal)
		b.Text = m[2]
	}
}

// videoShortcode is a static site's embedded video: "{{< youtube id="x"
// title="…" >}}", "{{% vimeo 123 %}}".
var videoShortcode = regexp.MustCompile(`^\{\{[<%]\s*(youtube|vimeo)\b(.*?)\s*[>%]\}\}$`)

// shortcodeAttr returns the value of key="value" in a shortcode's
// arguments.
func shortcodeAttr(args, key string) string {
	m := regexp.MustCompile(`\b` + key + `\s*=\s*"([^"]*)"`).FindStringSubmatch(args)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// setText strips markup from s into b.Text, collecting links.
func (b *Block) setText(s string) {
	for _, m := range htmlLink.FindAllStringSubmatch(s, -1) {
		b.Links = append(b.Links, Link{Text: strings.TrimSpace(stripTags(m[2])), URL: m[1]})
	}
	s = htmlLink.ReplaceAllString(s, "$2")
	if strings.Contains(s, ">`_") {
		for _, m := range rstLink.FindAllStringSubmatch(s, -1) {
			b.Links = append(b.Links, Link{Text: strings.TrimSpace(m[1]), URL: m[2]})
		}
		s = rstLink.ReplaceAllString(s, "$1")
	}
	for _, m := range thumbLink.FindAllStringSubmatch(s, -1) {
		b.Links = append(b.Links, Link{URL: m[2]})
	}
	s = thumbLink.ReplaceAllString(s, "$1")
	for _, m := range mdLink.FindAllStringSubmatch(s, -1) {
		if strings.HasPrefix(m[0], "!") {
			continue
		}
		// m[5]: a file's address with spaces, as some pages write them
		// ("(slides/Keynote_ Title - Name.pdf)").
		b.Links = append(b.Links, Link{Text: strings.TrimSpace(stripEmphasis(m[1])), URL: m[2] + m[3] + m[4] + m[5]})
	}
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "!") {
			return ""
		}
		return mdLink.FindStringSubmatch(m)[1]
	})
	s = stripTags(s)
	s = html.UnescapeString(s)
	s = stripEmphasis(s)
	b.Text = strings.Join(strings.Fields(s), " ")
	if strings.HasSuffix(b.Text, "#") || strings.HasSuffix(b.Text, "¶") {
		b.Text = permalinkMark.ReplaceAllString(b.Text, "$1")
	}
}

// permalinkMark is the anchor sign a page copied as text leaves glued to
// the end of its headings ("Badge Pick-Up#", "Keynote: Title¶"); a one-letter
// word before it is a name ("C#").
var permalinkMark = regexp.MustCompile(`([^\s#]{2})[#¶]$`)

// PlainText is the text of a piece of a line as a block's Text reads it:
// links by their text, without tags or emphasis, spaces folded.
func PlainText(s string) string {
	var b Block
	b.setText(s)
	return b.Text
}

// stripTags drops HTML tags; a line break (<br>) leaves a space, so the
// words on either side stay apart.
func stripTags(s string) string { return tag.ReplaceAllString(lineBreak.ReplaceAllString(s, " "), "") }

var lineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)

// stripEmphasis drops Markdown emphasis marks but keeps snake_case words.
func stripEmphasis(s string) string {
	s = emphasis.Replace(s)
	if strings.Contains(s, "_") {
		s = underscored.ReplaceAllString(s, "$1$2$3")
	}
	return s
}

// underscored is italic text between underscores at word edges ("_Helm
// 101_"), not an identifier's underscores (snake_case).
var underscored = regexp.MustCompile(`(^|[\s(\[“"])_([^_\s](?:[^_]*[^_\s])?)_($|[\s).,;:!?\]”"])`)

var furnitureWords = wordSet(`share tweet facebook linkedin reddit twitter email print pocket whatsapp telegram
	copy link mastodon bluesky hacker news x pinterest buffer like this subscribe follow comments comment reply`)

var furniturePrefixes = []string{
	"photo by", "photo:", "photo credit", "photos by", "image:", "image by", "image credit", "credit:", "source:",
	"series - ", "series: ", "part of the series", "tags:", "tagged:", "tagged with", "categories:", "category:", "filed under", "posted in", "posted on",
	"related posts", "related articles", "you may also like", "read more", "read next", "share this", "share on",
	"leave a comment", "leave a reply", "comments", "copyright", "©", "all rights reserved", "previous post",
	"next post", "← ", "→ ", "back to top", "skip to content", "written by", "about the author", "sign up",
	"subscribe", "newsletter", "cookie", "table of contents", "reading time", "min read", "last updated",
	"originally published", "cross-posted", "this post was originally", "this article was originally",
	"youtube image", "(image", "[image", "caption:", "figure", "fig.", "alt:", "featured image", "cover image", "header image",
}

// furniture marks page furniture: share bars, credits, image lines, tags,
// navigation. It returns whether the block is furniture.
func (b *Block) furniture() bool {
	low := strings.ToLower(b.Text)
	raw := strings.TrimSpace(b.Raw)
	switch {
	case strings.HasPrefix(raw, "![") || strings.HasPrefix(strings.ToLower(raw), "<img"):
	case bareURL.MatchString(b.Text) || imageFile.MatchString(b.Text):
	case hasPrefixAny(low, furniturePrefixes) || creditTail.MatchString(low):
	case navBar(b.Text) || hashtags(b.Text) || byline(b.Text):
	case shareBar(low):
	default:
		return false
	}
	b.Kind = Furniture
	return true
}

var bylineWord = regexp.MustCompile(`(?i)^(?:by|von|par|por|di|door|posted|published|veröffentlicht|publié|publicado|written|updated|am|le|el)\b`)

// byline reports a line giving the author and the date of a post: "By A ·
// July 8, 2019", "Veröffentlicht am 14. April 2025 von A".
func byline(t string) bool {
	if len(t) > 160 || !bylineWord.MatchString(t) || strings.Contains(t, ";") || sessionClock.MatchString(t) {
		// "by A, Acme; B, Initech Thursday October 27, 2022 5:25pm":
		// a session's people and its time, not a post's author and date.
		return false
	}
	return ProseDate(t) != "" || isoDate.MatchString(t) || germanDate.MatchString(t) || strings.Contains(strings.ToLower(t), " read")
}

var sessionClock = regexp.MustCompile(`\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–]\s*\d{1,2}:\d{2}|\b\d{1,2}:\d{2}\s*[ap]\.?m\b`)

var germanDate = regexp.MustCompile(`\b\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+20\d\d\b`)

// hashtags reports a line of tags: "#kubernetes #KubeCon #Kueue".
func hashtags(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if !strings.HasPrefix(w, "#") || len(w) < 2 {
			return false
		}
	}
	return true
}

// shareBar reports a line made only of share and social words.
func shareBar(low string) bool {
	ws := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(ws) == 0 || len(ws) > 12 {
		return false
	}
	n := 0
	for _, w := range ws {
		if furnitureWords[w] || w == "on" || w == "via" || w == "the" {
			n++
		}
	}
	return n == len(ws) && n >= 1 && (len(ws) >= 2 || ws[0] == "share" || ws[0] == "tweet")
}

// navBar reports "Home | About | Blog", "Home · Blog · Contact" or
// "Startseite › Blog › Events".
func navBar(t string) bool {
	for _, sep := range []string{" | ", " · ", " • ", " / ", " › ", " > ", " » "} {
		parts := strings.Split(t, sep)
		if len(parts) < 3 {
			continue
		}
		short := 0
		for _, p := range parts {
			if n := len(strings.Fields(p)); n >= 1 && n <= 2 {
				short++
			}
		}
		if short == len(parts) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// headingShaped reports a short line without sentence punctuation at its
// end: what a plain-text heading looks like.
func headingShaped(t string) bool {
	n := len(strings.Fields(t))
	if n == 0 || n > 24 || len(t) > 200 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;。、", r)
}

func (d *Doc) findTitle() {
	if d.Title != "" {
		return
	}
	for _, b := range d.Blocks {
		if b.Kind == Heading && b.Level == 1 {
			d.Title, d.TitleLine = b.Text, b.Line
			return
		}
	}
	start := 0
	if siteHeader(d.Blocks) {
		// A blog's name, perhaps its tagline, then its navigation: the
		// post's title comes after.
		for start < len(d.Blocks) && start < 4 && !(d.Blocks[start].Kind == Furniture && navBar(d.Blocks[start].Text) && !strings.Contains(strings.ToLower(d.Blocks[start].Text), "share")) {
			start++
		}
	}
	// A short line among the first ones that names the conference or
	// calls itself a recap is the title, over a name or a tagline above it
	// ("Jane Example" / "Digital Designer" / "Kubecon Europe 2019 Reflection").
	seen := 0
	for _, b := range d.Blocks[start:] {
		if b.Kind == Furniture {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		if b.Kind != ListItem && headingShaped(b.Text) && titleCue.MatchString(b.Text) && !strings.Contains(b.Text, " | ") {
			d.Title, d.TitleLine = b.Text, b.Line
			return
		}
	}
	for _, b := range d.Blocks[start:] {
		if b.Kind != Furniture && strings.IndexFunc(b.Text, unicode.IsLetter) >= 0 {
			d.Title, d.TitleLine = b.Text, b.Line
			// A page without a title line opens with running text: its
			// first sentence, cut short, names it.
			if len(d.Title) > maxTitleBytes {
				if i := strings.IndexAny(d.Title, ".!?。"); i > 0 && i < maxTitleBytes {
					d.Title = d.Title[:i]
				} else {
					d.Title = strings.TrimSpace(d.Title[:strings.LastIndex(d.Title[:maxTitleBytes], " ")+1]) + "…"
				}
			}
			return
		}
	}
}

var titleCue = regexp.MustCompile(`(?i)kube\s?con|cloud\s?native\s?con|\brecap\b|\bday\s*\d|highlights|takeaways|trip report|参加レポート|レポート|参会`)

// maxTitleBytes bounds a title read from running text.
const maxTitleBytes = 120

// siteHeader reports a document that opens with a site's name and
// navigation: a navigation bar among its first four blocks.
func siteHeader(bs []Block) bool {
	for k := 1; k < len(bs) && k < 4; k++ {
		low := strings.ToLower(bs[k].Text)
		if bs[k].Kind == Furniture && navBar(bs[k].Text) && !strings.Contains(low, "share") && !strings.Contains(low, "tweet") {
			return true
		}
	}
	return false
}

// DateNearTop returns an ISO date or a "Month D, YYYY" dateline in the
// first lines, for documents without front matter.
func (d *Doc) DateNearTop(n int) string {
	if d.Date != "" {
		return d.Date
	}
	for i, l := range d.Lines {
		if i >= n {
			break
		}
		if m := isoDate.FindString(l); m != "" {
			return m
		}
		if s := ProseDate(l); s != "" {
			return s
		}
	}
	return ""
}

var (
	monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	proseDate1 = regexp.MustCompile(`(?i)\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d\d)\b`)
	proseDate2 = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(20\d\d)\b`)
	cjkDate    = regexp.MustCompile(`(20\d\d)\s*[年/.]\s*(\d{1,2})\s*[月/.]\s*(\d{1,2})`)
)

// ProseDate reads one date written in prose ("May 1, 2018", "1 May 2018",
// "2018年5月1日") as YYYY-MM-DD, or "".
func ProseDate(s string) string {
	month := func(m string) int {
		for i, p := range monthNames {
			if strings.HasPrefix(strings.ToLower(m), p) {
				return i + 1
			}
		}
		return 0
	}
	if m := proseDate1.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("%s-%02d-%02s", m[3], month(m[1]), pad(m[2]))
	}
	if m := proseDate2.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("%s-%02d-%02s", m[3], month(m[2]), pad(m[1]))
	}
	if m := cjkDate.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("%s-%02s-%02s", m[1], pad(m[2]), pad(m[3]))
	}
	return ""
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

func normalizeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\u200b' || r == '\ufeff' {
			return -1
		}
		if r != '\t' && unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}
