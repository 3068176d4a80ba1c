package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/listing"
	"github.com/confgraph/confgraph/loaders/projectmatch"
	"github.com/confgraph/confgraph/loaders/recap"
)

// Kind is the sort of document a loader recognised.
type Kind string

// Document kinds.
const (
	KindListing  Kind = "listing"
	KindRecap    Kind = "recap"
	KindSchedule Kind = "schedule" // talks listed in tables, link lists, key-value blocks
)

// Result is what loading a set of documents produced.
type Result struct {
	Batch    *confgraph.Batch
	Loaded   map[string]Kind // document name -> kind, for the documents that loaded
	Warnings []string        // "file:line: message", one per problem
	// Corpus holds the documents that loaded, for adding, replacing and
	// removing documents afterwards as a bulk load of the new set would.
	Corpus *Corpus
}

// Texts returns the texts of the documents that loaded, by name.
func (r *Result) Texts() map[string][]byte { return r.Corpus.Texts() }

// ErrNoDocuments is returned when a corpus directory holds no documents.
var ErrNoDocuments = errors.New("no documents")

// LoadDir loads every regular file of dir. A document that cannot be read
// or is neither a listing nor a recap is skipped with a warning; the others
// still load. It fails when dir is missing or holds no file at all.
func (w *World) LoadDir(dir string) (*Result, error) {
	docs, tooBig, err := ReadDir(dir)
	if err != nil {
		return nil, err
	}
	res := w.Load(docs)
	res.Warnings = append(tooBig, res.Warnings...)
	return res, nil
}

// ReadDir reads every regular file of dir that is not hidden, by name,
// whatever its name; a file over MaxDocumentBytes is not read, and a
// warning names it. It fails when dir is missing or holds no file at all.
func ReadDir(dir string) (map[string][]byte, []string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("corpus %s: %w", dir, ErrNoDocuments)
	}
	sort.Strings(names)
	docs := make(map[string][]byte, len(names))
	var tooBig []string
	for _, n := range names {
		if fi, err := os.Stat(filepath.Join(dir, n)); err == nil && fi.Size() > MaxDocumentBytes {
			tooBig = append(tooBig, fmt.Sprintf("%s: skipped: %d bytes, more than the %d a document may have", n, fi.Size(), MaxDocumentBytes))
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, nil, fmt.Errorf("corpus %s: %w", dir, err)
		}
		docs[n] = b
	}
	return docs, tooBig, nil
}

// Load loads a set of named documents. Listings and schedules load before
// recaps so that a recap meets the talks they list; within each group
// documents load in name order, so the same set gives the same graph
// whatever order it arrived in (see Corpus, which the result holds for
// documents added later).
func (w *World) Load(docs map[string][]byte) *Result {
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	c := w.NewCorpus()
	var warnings []string
	for i, n := range names {
		p, err := w.parse(n, docs[n])
		if w.Progress != nil {
			w.Progress(i+1, len(names))
		}
		if err != nil {
			warnings = append(warnings, err.Error())
			continue
		}
		c.docs[n] = &corpusDoc{text: docs[n], p: p}
	}
	c.derive(0, "")
	if w.Progress != nil {
		w.Progress(len(names), len(names))
	}
	return c.result(warnings)
}

// resolveCompanies folds a company a document names as another company
// it names plus more words ("Nimbus Cloud Platform" beside "Nimbus") into
// that one, keeping the longer name as an alias: divisions count as their
// company. It reads one document's batch, never the graph the document
// joins, so what a document says does not depend on which documents came
// before it; divisions of organisations the gazetteer knows are folded by
// World.Company in every document.
func resolveCompanies(b *confgraph.Batch) *confgraph.Batch {
	var companies []*confgraph.Company
	for _, n := range b.Nodes() {
		if c, ok := n.(*confgraph.Company); ok {
			companies = append(companies, c)
		}
	}
	parent := map[string]*confgraph.Company{}
	for _, c := range companies {
		for _, p := range companies {
			if p == c || !strings.HasPrefix(strings.ToLower(c.Name), strings.ToLower(p.Name)+" ") {
				continue
			}
			if q := parent[c.ID]; q == nil || len(p.Name) < len(q.Name) {
				parent[c.ID] = p
			}
		}
	}
	if len(parent) == 0 {
		return b
	}
	out := confgraph.NewBatch()
	for _, n := range b.Nodes() {
		c, ok := n.(*confgraph.Company)
		if p := parent[n.NodeID()]; ok && p != nil {
			out.AddNode(&confgraph.Company{ID: p.ID, Aliases: append([]string{c.Name}, c.Aliases...)})
			continue
		}
		out.AddNode(n)
	}
	for _, r := range b.Rels() {
		if p := parent[r.To]; p != nil {
			r.To = p.ID
		}
		out.AddRel(r)
	}
	return out
}

// LoadDocument detects the kind of one document and loads it on its own.
// Nothing is returned for a document that fails: no half-made nodes.
func (w *World) LoadDocument(name string, text []byte) (*confgraph.Batch, Kind, []string, error) {
	return w.loadDocument(name, text, newTalkIndex())
}

// LoadDocumentKnown loads one document; known holds the graph it joins,
// so that a recap links to the talks already there.
//
// What only the document itself said before (its earlier version) is not
// known: a recap added again must make the talks it introduced again, not
// link to its own old ones, which the replace is about to retract.
func (w *World) LoadDocumentKnown(name string, text []byte, known *confgraph.Batch) (*confgraph.Batch, Kind, []string, error) {
	return w.loadDocument(name, text, indexTalks(without(known, name)))
}

// without returns the relationships of b with the evidence of document
// name left out, and those it alone supports dropped.
func without(b *confgraph.Batch, name string) *confgraph.Batch {
	out := confgraph.NewBatch()
	for _, n := range b.Nodes() {
		out.AddNode(n)
	}
	for _, r := range b.Rels() {
		var keep []confgraph.Evidence
		for _, e := range r.Evidence {
			if e.Document != name {
				keep = append(keep, e)
			}
		}
		if len(keep) == 0 && len(r.Evidence) > 0 {
			continue
		}
		r.Evidence = keep
		out.AddRel(r)
	}
	return out
}

// loadDocument loads one document; known indexes what earlier documents
// produced, for a recap to link to.
func (w *World) loadDocument(name string, text []byte, known *talkIndex) (*confgraph.Batch, Kind, []string, error) {
	p, err := w.parse(name, text)
	if err != nil {
		return nil, "", nil, err
	}
	b, warns, err := w.batch(p, known)
	if err != nil {
		return nil, p.kind, warns, err
	}
	b = resolveCompanies(b)
	b.Attribute(name, Rank(p.kind))
	return b, p.kind, warns, nil
}

// Rank is the rank of a document of the given kind among the documents
// that say something of the same node (confgraph.Claims.Resolve):
// listings and schedules, the programme, before recaps.
func Rank(k Kind) int {
	if k == KindRecap {
		return confgraph.RankRecap
	}
	return confgraph.RankListed
}

// parsed is a document read and classified, not yet turned into a batch.
type parsed struct {
	name    string
	kind    Kind
	listing *listing.Document
	recap   *recap.Document
	items   []recap.Item
}

// parse reads a document and decides its kind: a listing (entries with
// participant and duration bullets), a schedule or a recap (see kind.go).
func (w *World) parse(name string, text []byte) (*parsed, error) {
	if err := checkText(name, text); err != nil {
		return nil, err
	}
	s := string(text)
	switch {
	case listing.Detect(s):
		doc, err := listing.Parse(name, bytes.NewReader(text))
		if err != nil {
			return nil, err
		}
		return &parsed{name: name, kind: KindListing, listing: doc}, nil
	case recap.Detect(s):
		doc, err := recap.Parse(name, bytes.NewReader(text))
		if err != nil {
			return nil, err
		}
		doc.Gazetteer = w
		p := &parsed{name: name, kind: KindRecap, recap: doc, items: doc.Items()}
		if it, ok := doc.TalkPage(); ok && onlyAbout(p.items, it) {
			// A page about one session (a speaker's talk page, a talk's
			// slides): a listing of that session.
			p.kind, p.items = KindSchedule, []recap.Item{merged(it, p.items)}
			return p, nil
		}
		if measure(doc, p.items).IsSchedule() {
			p.kind = KindSchedule
		}
		return p, nil
	}
	return nil, fmt.Errorf("%s: skipped: neither a talk listing nor a conference recap", name)
}

// onlyAbout reports items that name no session but the page's own: none,
// weak ones, or the page's title again.
func onlyAbout(items []recap.Item, page recap.Item) bool {
	for _, it := range items {
		if !it.Weak && normTitle(it.Title) != normTitle(page.Title) {
			return false
		}
	}
	return true
}

// merged is the page's session with the people an item of the page
// read for it when its title gave none.
func merged(page recap.Item, items []recap.Item) recap.Item {
	for _, it := range items {
		if len(page.Speakers) == 0 && normTitle(it.Title) == normTitle(page.Title) {
			page.Speakers = it.Speakers
		}
	}
	return page
}

// normTitle is a title's words, for telling one title written twice.
func normTitle(t string) string { return strings.Join(text.Words(t), " ") }

// batch turns a parsed document into nodes and relationships.
func (w *World) batch(p *parsed, known *talkIndex) (*confgraph.Batch, []string, error) {
	switch p.kind {
	case KindListing:
		b, warns, err := w.listingBatch(p.listing)
		return b, append(p.listing.Warnings, warns...), err
	case KindSchedule:
		b, err := w.scheduleBatch(p.recap, known, p.items)
		return b, nil, err
	}
	b, err := w.recapBatch(p.recap, known, p.items)
	return b, nil, err
}

// checkText rejects empty, binary and non-UTF-8 documents, naming the line
// of the first bad byte.
func checkText(name string, b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return fmt.Errorf("%s: skipped: empty document", name)
	}
	line := 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return fmt.Errorf("%s:%d: skipped: not UTF-8 text (byte 0x%02x)", name, line, b[i])
		case r == 0:
			return fmt.Errorf("%s:%d: skipped: binary data (NUL byte)", name, line)
		case r == '\n':
			line++
		}
		i += size
	}
	return nil
}

// The rules of the loaders that are not talk-mention rules (see
// recap/rules.go for those), named in the evidence they give.
const (
	ruleListingHeader = "listing-header" // a listing entry's header line
	ruleListingAbout  = "listing-about"  // a panelist named only in an "About NAME" section
	ruleListingBio    = "listing-bio"    // the employer a speaker's bio states
	ruleListingDate   = "listing-date"   // the date line above an entry: when its recording was published
	ruleProjectName   = "project-name"   // a project's name or alias in the text
	ruleEventEvidence = "event-evidence" // the weighed clues to the edition a recap covers
)

func ev(doc string, line int, snippet, rule string) []confgraph.Evidence {
	return []confgraph.Evidence{{Document: doc, Line: line, Snippet: snip(snippet), Rule: rule}}
}

var (
	nameThenParen = regexp.MustCompile(`\p{Lu}[\p{L}'’\-]+\s+\p{Lu}[\p{L}'’\-]+\s*\(([^()]{2,40})\)`)
	urlish        = regexp.MustCompile(`(?:https?://|www\.)\S+|\S+\.(?:pdf|png|jpe?g|gif|svg|md|ya?ml|json|html?)\b|@\w+|\b\w+_\w+\b`)
	blanked       = func(m string) string { return strings.Repeat(" ", len(m)) }
)

// documentEvent is the edition a recap or a schedule is about, read from
// its title, lines and date with the titles of its talks left out.
func (w *World) documentEvent(doc *recap.Document, items []recap.Item) (*confgraph.Event, error) {
	return w.RecapEvent(doc.Title, doc.TitleLine, withoutTitles(doc.Layout.Lines, items), doc.Published)
}

// withoutTitles returns the lines with the talk titles items were read
// from taken out: a year or a city in a talk's title ("Bringing 1999 into
// 2016") says nothing of the edition.
func withoutTitles(lines []string, items []recap.Item) []string {
	out := slices.Clone(lines)
	for _, it := range items {
		if i := it.Line - 1; i >= 0 && i < len(out) && it.Title != "" {
			out[i] = strings.Replace(out[i], it.Title, "", 1)
		}
	}
	return out
}

// projectText is a line as project matching reads it: addresses, file
// names, handles and snake_case words blanked ("…/grafeas-kritis.pdf",
// "@Rancher_Labs"), and the companies the line gives its speakers
// ("- Sam Demo, Docker") blanked too, keeping every offset.
func projectText(line string, companies []string) string {
	if mayHoldAddresses(line) {
		line = urlish.ReplaceAllStringFunc(line, blanked)
	}
	// "Hugo Lefèvre (Kong)": a company in parentheses after a name.
	for _, m := range nameThenParen.FindAllStringSubmatchIndex(line, -1) {
		line = line[:m[2]] + strings.Repeat(" ", m[3]-m[2]) + line[m[3]:]
	}
	for _, c := range companies {
		if c == "" {
			continue
		}
		if i := strings.LastIndex(line, c); i >= 0 {
			line = line[:i] + blanked(c) + line[i+len(c):]
		}
	}
	return line
}

// fileExtensions are the file names urlish blanks.
var fileExtensions = []string{".pdf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".md", ".yml", ".yaml", ".json", ".htm"}

// mayHoldAddresses reports whether urlish can match in line: most lines
// hold no address, and the expression is costly to try at every place.
func mayHoldAddresses(line string) bool {
	if strings.ContainsAny(line, "@_") || strings.Contains(line, "://") || strings.Contains(line, "www.") {
		return true
	}
	for _, ext := range fileExtensions {
		if strings.Contains(line, ext) {
			return true
		}
	}
	return false
}

// affiliationsByLine returns, for each line an item was read from, the
// companies it gives its people.
func affiliationsByLine(items []recap.Item) map[int][]string {
	out := map[int][]string{}
	for _, it := range items {
		for _, s := range it.Speakers {
			out[it.Line] = append(out[it.Line], s.Company)
		}
	}
	return out
}

// snip shortens a snippet to at most 300 bytes on a rune boundary.
func snip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 300 {
		return s
	}
	cut := 300
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func (w *World) listingBatch(doc *listing.Document) (*confgraph.Batch, []string, error) {
	if doc.EventName == "" {
		return nil, nil, fmt.Errorf("%s: skipped: the listing names no event at the top", doc.Name)
	}
	event, err := w.Event(doc.EventName, doc.EventCity, "")
	if err != nil {
		return nil, nil, fmt.Errorf("%s:%d: skipped: %v", doc.Name, doc.EventLine, err)
	}
	b := confgraph.NewBatch()
	b.AddNode(event)
	var warns []string
	for _, e := range doc.Entries {
		talk := &confgraph.Talk{
			ID:              confgraph.ID(confgraph.LabelTalk, event.ID+" "+e.Title),
			Title:           e.Title,
			Abstract:        e.Abstract,
			Level:           confgraph.Level(e.Level),
			Kind:            confgraph.TalkKind(e.Kind),
			DurationMinutes: e.Duration,
			Participants:    e.Participants,
		}
		if e.Published != "" {
			talk.RecordingPublished = e.Published
			talk.Recording = confgraph.Evidence{Document: doc.Name, Line: e.PublishedLine, Snippet: e.PublishedText, Rule: ruleListingDate}
		}
		b.AddNode(talk)
		b.AddRel(confgraph.Relationship{Type: confgraph.RelPartOf, From: talk.ID, To: event.ID,
			Evidence: ev(doc.Name, e.Line, e.Header, ruleListingHeader)})
		for _, s := range e.Speakers {
			sp := &confgraph.Speaker{ID: confgraph.ID(confgraph.LabelSpeaker, s.Name), Name: s.Name, Bio: s.Bio, Role: s.Role}
			if s.FullName != "" && s.FullName != s.Name {
				sp.Aliases = []string{s.FullName}
			}
			b.AddNode(sp)
			line, text, rule := e.Line, e.Header, ruleListingHeader
			if s.Part == "panelist" {
				line, text, rule = s.BioLine, "About "+s.Name, ruleListingAbout
			}
			b.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: sp.ID, To: talk.ID, Role: s.Part,
				Evidence: ev(doc.Name, line, text, rule)})
			// The header's company, else the employer the bio states.
			if c := w.Company(s.Company); c != nil {
				b.AddNode(c)
				b.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: sp.ID, To: c.ID,
					Evidence: ev(doc.Name, e.Line, e.Header, ruleListingHeader)})
			} else if c := w.Company(s.BioCompany); c != nil {
				b.AddNode(c)
				b.AddRel(confgraph.Relationship{Type: confgraph.RelWorksAt, From: sp.ID, To: c.ID,
					Evidence: ev(doc.Name, s.BioSentenceLine, s.BioSentence, ruleListingBio)})
			}
		}
		w.discusses(b, doc.Name, talk, e)
	}
	return b, warns, nil
}

// discusses links a talk to the projects its title or abstract names.
func (w *World) discusses(b *confgraph.Batch, docName string, talk *confgraph.Talk, e listing.Entry) {
	context := e.Title + "\n" + e.Abstract
	link := newProjectLinker(b, confgraph.RelDiscusses, talk.ID, docName)
	for _, h := range w.Projects.Find(e.Title, context) {
		link.add(h, e.Line, e.Header)
	}
	for _, h := range w.Projects.Find(e.Abstract, context) {
		line, sentence := paragraphAt(e.Abstract, e.AbstractLine, h.Start)
		link.add(h, line, sentence)
	}
}

// projectLinker links one node (a talk, a recap) to each project the
// texts read for it name, once, with the first place that names it.
type projectLinker struct {
	b         *confgraph.Batch
	rel       confgraph.RelType
	from, doc string
	seen      map[string]bool
}

func newProjectLinker(b *confgraph.Batch, rel confgraph.RelType, from, doc string) *projectLinker {
	return &projectLinker{b: b, rel: rel, from: from, doc: doc, seen: map[string]bool{}}
}

func (l *projectLinker) add(h projectmatch.Hit, line int, snippet string) {
	p := h.Spec.Project()
	if l.seen[p.ID] {
		return
	}
	l.seen[p.ID] = true
	l.b.AddNode(p)
	l.b.AddRel(confgraph.Relationship{Type: l.rel, From: l.from, To: p.ID, Evidence: ev(l.doc, line, snippet, ruleProjectName)})
}

// paragraphAt maps a byte offset in an abstract (paragraphs joined by blank
// lines) back to the document line and the sentence around the offset.
func paragraphAt(text string, firstLine, off int) (int, string) {
	line := firstLine
	start := 0
	for _, p := range strings.SplitAfter(text, "\n\n") {
		if off < start+len(p) {
			return line, sentenceAround(p, off-start)
		}
		start += len(p)
		line += 2
	}
	return firstLine, ""
}

func sentenceAround(p string, off int) string {
	s := strings.LastIndexAny(p[:off], ".!?")
	e := strings.IndexAny(p[off:], ".!?")
	if e < 0 {
		e = len(p) - off
	} else {
		e++
	}
	return strings.TrimSpace(p[s+1 : off+e])
}

func (w *World) recapBatch(doc *recap.Document, known *talkIndex, items []recap.Item) (*confgraph.Batch, error) {
	event, err := w.documentEvent(doc, items)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: skipped: cannot tell which event the recap covers: %v", doc.Name, doc.TitleLine, err)
	}
	b := confgraph.NewBatch()
	b.AddNode(event)
	rc := &confgraph.Recap{
		ID:        confgraph.ID(confgraph.LabelRecap, doc.Name),
		Title:     doc.Title,
		Author:    doc.Author,
		Published: doc.Published,
		Document:  doc.Name,
		Text:      doc.Text(),
	}
	b.AddNode(rc)
	b.AddRel(confgraph.Relationship{Type: confgraph.RelCovers, From: rc.ID, To: event.ID,
		Evidence: ev(doc.Name, doc.TitleLine, doc.Title, ruleEventEvidence)})
	mentions := newProjectLinker(b, confgraph.RelMentions, rc.ID, doc.Name)
	affiliations := affiliationsByLine(items)
	titlesAt := map[int][]string{}
	for _, it := range items {
		titlesAt[it.Line] = append(titlesAt[it.Line], it.Title)
	}
	docWords := projectmatch.Words(doc.Text())
	for _, l := range doc.Lines {
		if k, ok := doc.Layout.At(l.No); ok && doc.Layout.Blocks[k].Kind == layout.Furniture {
			continue // tags, captions, share bars: not what the recap says
		}
		text := projectText(l.Text, affiliations[l.No])
		// Ambiguous names are confirmed by the line they are on: a recap
		// covers many topics, so the whole text proves nothing.
		for _, h := range w.Projects.Find(text, "") {
			mentions.add(h, l.No, sentenceAround(text, h.Start))
		}
		// A talk the line names is read as its title is, against the
		// whole post: "[Jaeger](slides.pdf)" in a list of decks.
		for _, t := range titlesAt[l.No] {
			for _, h := range w.Projects.FindIn(t, docWords) {
				mentions.add(h, l.No, t)
			}
		}
	}
	w.reviews(b, known, doc, rc, event, items, docWords)
	return b, nil
}
