// Package projectmatch finds the open-source projects a piece of text
// names. It reads the project catalogue (data/projects.yml) and matches
// names and aliases on word boundaries; a name that is also an ordinary
// word counts only in the project's own spelling and next to words that
// show the project is meant.
package projectmatch

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// Spec is one entry of the project catalogue.
type Spec struct {
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Landscape  string   `yaml:"landscape"`
	Homepage   string   `yaml:"homepage"`
	Repo       string   `yaml:"repo"`
	Maturity   string   `yaml:"maturity"`
	Accepted   string   `yaml:"accepted"`
	Incubating string   `yaml:"incubating"`
	Graduated  string   `yaml:"graduated"`
	Archived   string   `yaml:"archived"`
	Ambiguous  bool     `yaml:"ambiguous"`
	Context    []string `yaml:"context"`
	// Strict marks a derived project whose name is an ordinary word and
	// whose context words come from the landscape's description: it counts
	// only with a context word and written as a name in running text.
	Strict bool `yaml:"strict"`
}

// Project returns the graph node for the spec.
func (s *Spec) Project() *confgraph.Project {
	return &confgraph.Project{
		ID:         confgraph.ID(confgraph.LabelProject, s.Name),
		Name:       s.Name,
		Aliases:    append([]string(nil), s.Aliases...),
		Homepage:   s.Homepage,
		Repo:       s.Repo,
		Maturity:   s.Maturity,
		Accepted:   s.Accepted,
		Incubating: s.Incubating,
		Graduated:  s.Graduated,
		Archived:   s.Archived,
	}
}

type term struct {
	text      string // lowercased unless exact
	exact     bool   // match case-sensitively
	spec      *Spec
	runeCount int
}

// Catalog is a parsed project catalogue ready for matching.
type Catalog struct {
	Specs   []*Spec
	terms   []term
	byFirst map[string][]int // first word of a term -> indexes in terms
	odd     []int            // terms that do not open with a letter or digit
	byName  map[string]*Spec // lowercased names and aliases
}

// Parse reads a catalogue in the projects.yml format.
func Parse(b []byte) (*Catalog, error) { return ParseAll(b, nil, nil) }

// ParseAll reads the curated catalogue, then the projects derived from the
// landscape (entries whose name or an alias the curated catalogue already
// claims are left out), and blockers: names of places and organisations
// that contain a project's name ("Salt Lake City", "Linux Foundation"),
// inside which no project is found.
func ParseAll(curated, derived []byte, blockers []string) (*Catalog, error) {
	return ParseCurated([][]byte{curated}, derived, blockers)
}

// ParseCurated is ParseAll with the curated catalogue in several files,
// read in order as one.
func ParseCurated(curatedFiles [][]byte, derived []byte, blockers []string) (*Catalog, error) {
	read := func(b []byte) ([]*Spec, error) {
		var doc struct {
			Projects []*Spec `yaml:"projects"`
		}
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("projectmatch: parse catalogue: %w", err)
		}
		return doc.Projects, nil
	}
	var specs []*Spec
	for _, f := range curatedFiles {
		more, err := read(f)
		if err != nil {
			return nil, err
		}
		specs = append(specs, more...)
	}
	c := &Catalog{byFirst: map[string][]int{}, byName: map[string]*Spec{}}
	seen := map[string]string{}
	add := func(s *Spec, strict bool) error {
		names := append([]string{s.Name}, s.Aliases...)
		for _, n := range names {
			if other, dup := seen[strings.ToLower(n)]; dup {
				if strict {
					return fmt.Errorf("projectmatch: %q is claimed by both %s and %s", n, other, s.Name)
				}
				return nil
			}
		}
		c.Specs = append(c.Specs, s)
		for _, n := range names {
			c.byName[strings.ToLower(n)] = s
			seen[strings.ToLower(n)] = s.Name
			t := term{text: strings.ToLower(n), spec: s, runeCount: utf8.RuneCountInString(n)}
			// A derived acronym ("SAM") in other case is a word or a name;
			// the curated catalogue's aliases are whole-word safe.
			// A landscape name of several words ("Cloud Native Landscape")
			// is a name as the landscape writes it, a phrase in lower case.
			if s.Ambiguous || !strict && (shortCaps(n) || strings.Contains(n, " ") && n != strings.ToLower(n)) {
				t.text, t.exact = n, true
			}
			c.terms = append(c.terms, t)
			// An ambiguous name with capitals inside ("KinD") is written as
			// a name in title case or capitals too ("Kind", "KIND"), never in
			// lower case.
			if s.Ambiguous && strict && !strings.Contains(n, " ") {
				for _, v := range []string{titleCase(n), strings.ToUpper(n)} {
					if v != n && len([]rune(v)) > 2 {
						c.terms = append(c.terms, term{text: v, exact: true, spec: s, runeCount: t.runeCount})
					}
				}
			}
		}
		return nil
	}
	for i, s := range specs {
		if strings.TrimSpace(s.Name) == "" {
			return nil, fmt.Errorf("projectmatch: project %d has no name", i+1)
		}
		if err := add(s, true); err != nil {
			return nil, err
		}
	}
	if derived != nil {
		more, err := read(derived)
		if err != nil {
			return nil, err
		}
		for _, s := range more {
			if strings.TrimSpace(s.Name) != "" {
				_ = add(s, false)
			}
		}
	}
	for _, b := range blockers {
		if _, isProject := seen[strings.ToLower(b)]; isProject || len(strings.Fields(b)) < 2 {
			continue
		}
		c.terms = append(c.terms, term{text: b, exact: true, runeCount: utf8.RuneCountInString(b)})
	}
	// Longer terms first so that "Fluent Bit" wins over "Fluent" and
	// "CRI-O" over "CRI" where both match at one place.
	sort.SliceStable(c.terms, func(i, j int) bool { return c.terms[i].runeCount > c.terms[j].runeCount })
	for k, t := range c.terms {
		if w := firstWord(t.text); w != "" {
			c.byFirst[w] = append(c.byFirst[w], k)
		} else {
			c.odd = append(c.odd, k)
		}
	}
	return c, nil
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
	defaultErr  error
)

// Default returns the catalogue embedded from data/projects.yml and
// data/landscape_projects.yml, with the host cities and known
// organisations as blockers.
func Default() (*Catalog, error) {
	defaultOnce.Do(func() {
		var blockers []string
		var cities struct {
			Cities []struct {
				Name    string   `yaml:"name"`
				Aliases []string `yaml:"aliases"`
			} `yaml:"cities"`
		}
		if err := yaml.Unmarshal(data.Cities, &cities); err != nil {
			defaultErr = err
			return
		}
		for _, c := range cities.Cities {
			blockers = append(blockers, c.Name)
		}
		orgs, err := data.OrganizationNames()
		if err != nil {
			defaultErr = err
			return
		}
		blockers = append(blockers, orgs...)
		comp, err := data.ReadCompanies()
		if err != nil {
			defaultErr = err
			return
		}
		blockers = append(blockers, comp.Organizations...)
		defaultCat, defaultErr = ParseCurated([][]byte{data.Projects, data.EcosystemProjects}, data.LandscapeProjects, blockers)
	})
	return defaultCat, defaultErr
}

// versionAfter is a version number right after a name: " 2.0", " v1.5",
// or " 4" at the end of a title or before a colon.
var versionAfter = regexp.MustCompile(`^\s?(?:v\d{1,2}(?:\.\d{1,3}){0,2}|\d{1,2}\.\d{1,3}(?:\.\d{1,3})?|\d{1,2}\s*(?:$|[,:;!?)]))`)

// Named returns the project whose name or alias is s (case aside), or nil.
func (c *Catalog) Named(s string) *Spec {
	return c.byName[strings.ToLower(strings.TrimSpace(s))]
}

// Hit is one place in a text that names a project.
type Hit struct {
	Spec  *Spec
	Start int // byte offset of the name in the text
	End   int
}

// Find returns the projects text names, in order of first appearance, one
// hit per project. context is the wider text used to confirm ambiguous
// names; when empty, text itself is used.
func (c *Catalog) Find(text, context string) []Hit {
	if context == "" {
		context = text
	}
	return c.find(text, func() map[string]bool { return words(context) })
}

// Words returns the lowercase words of s, for FindIn.
func Words(s string) map[string]bool { return words(s) }

// FindIn is Find with the context given as its words (see Words), for
// many texts read against one context.
func (c *Catalog) FindIn(text string, context map[string]bool) []Hit {
	return c.find(text, func() map[string]bool { return context })
}

func (c *Catalog) find(text string, contextWords func() map[string]bool) []Hit {
	lower := lowerSameLen(text)
	var ctxWords map[string]bool
	type span struct{ start, end int }
	var taken []span
	var hits []Hit
	seen := map[*Spec]bool{}
	var doubtful []Hit // ambiguous names without context words
	for _, cand := range c.candidates(text, lower) {
		t, start, end := cand.term, cand.start, cand.end
		overlap := false
		for _, s := range taken {
			if start < s.end && end > s.start {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		if t.spec == nil { // a place or organisation name that contains a project's
			taken = append(taken, span{start, end})
			continue
		}
		if t.spec.Ambiguous && placeAfter.MatchString(text[end:]) {
			// "Salt Palace Convention Center", "Harbor Bay": a place.
			taken = append(taken, span{start, end})
			continue
		}
		if t.spec.Ambiguous {
			if ctxWords == nil {
				ctxWords = contextWords()
			}
			// "Prometheus 2.0", "Helm 4": a version number after the name
			// says it is the software.
			confirmed := hasAny(ctxWords, t.spec.Context) || versionAfter.MatchString(text[end:]) ||
				ctxWords[namedMark+lower[start:end]] && startsUpper(text[start:end])
			prose := inProse(text, start, strings.ContainsRune(text[start:end], ' '))
			if amidCJK(text, start, end) {
				// "FluxでHelmチャートを配る": a name in Latin letters set in
				// Chinese or Japanese text is a name; the words it could
				// also be would be written in that script.
				confirmed, prose = true, true
			}
			// A dictionary word spelt in lower case as its project spells
			// it ("kiosk", "cargo") is a project only in a list of them.
			lowerWord := t.spec.Strict && t.spec.Name == strings.ToLower(t.spec.Name)
			if t.spec.Strict && !confirmed || !confirmed && !prose || t.spec.Strict && !prose || lowerWord {
				doubtful = append(doubtful, Hit{Spec: t.spec, Start: start, End: end})
				continue
			}
		}
		taken = append(taken, span{start, end})
		if !seen[t.spec] {
			seen[t.spec] = true
			hits = append(hits, Hit{Spec: t.spec, Start: start, End: end})
		} else {
			for k := range hits {
				if hits[k].Spec == t.spec && start < hits[k].Start {
					hits[k].Start, hits[k].End = start, end
				}
			}
		}
	}
	// An ambiguous name listed next to projects already found ("Spark,
	// Hadoop, Storm, Jenkins and Marathon") is a project too, and so is
	// one named with a project it goes with ("Prometheus Long-Term
	// Storage: Thanos vs Cortex": Thanos and Cortex store Prometheus's
	// data; each one's context words name the other).
	for changed := true; changed; {
		changed = false
		for _, d := range doubtful {
			if seen[d.Spec] || !nextToHit(text, d, hits) && !(!d.Spec.Strict && companion(d.Spec, hits)) {
				continue
			}
			seen[d.Spec] = true
			hits = append(hits, d)
			changed = true
		}
	}
	// A project named after the one it belongs to ("Envoy Gateway",
	// "Kubeflow Pipelines") names that one too.
	for _, h := range hits {
		if p := c.family(h.Spec); p != nil && !seen[p] {
			seen[p] = true
			hits = append(hits, Hit{Spec: p, Start: h.Start, End: h.Start + len(p.Name)})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Start < hits[j].Start })
	return hits
}

// family returns the project whose name opens s's name as whole words
// ("Envoy" for "Envoy Gateway"), or nil.
func (c *Catalog) family(s *Spec) *Spec {
	words := strings.Fields(s.Name)
	// Only a part of the project ("Envoy Gateway", "Kubeflow Pipelines",
	// "Prometheus Operator"); "Jenkins X", "Serverless Workflow" and
	// "Docker Desktop" are projects of their own.
	if len(words) < 2 || !componentWord[strings.ToLower(words[len(words)-1])] {
		return nil
	}
	for k := len(words) - 1; k >= 1; k-- {
		if p := c.Named(strings.Join(words[:k], " ")); p != nil && p != s && p.Name == strings.Join(words[:k], " ") {
			return p
		}
	}
	return nil
}

type candidate struct {
	term       *term
	order      int
	start, end int
}

// candidates returns every place a term matches on word boundaries, in
// the order terms are tried (longer terms first, then by position). Terms
// are looked up by the word they open with, so the cost follows the
// text's length, not the catalogue's size.
func (c *Catalog) candidates(text, lower string) []candidate {
	var out []candidate
	try := func(k int, start int) {
		t := &c.terms[k]
		hay := lower
		if t.exact {
			hay = text
		}
		if !strings.HasPrefix(hay[start:], t.text) {
			return
		}
		end := start + len(t.text)
		if boundary(text, start, end) {
			out = append(out, candidate{term: t, order: k, start: start, end: end})
		}
	}
	for i := 0; i < len(lower); {
		r, size := utf8.DecodeRuneInString(lower[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		// A word ends where the script changes between CJK and the rest:
		// "中美日的Kubernetes社区" holds the word "kubernetes".
		j := i
		cjk := isCJK(r)
		for j < len(lower) {
			r, size := utf8.DecodeRuneInString(lower[j:])
			if !isWordRune(r) || isCJK(r) != cjk {
				break
			}
			j += size
		}
		for _, k := range c.byFirst[lower[i:j]] {
			try(k, i)
		}
		i = j
	}
	for _, k := range c.odd {
		t := &c.terms[k]
		hay := lower
		if t.exact {
			hay = text
		}
		for off := 0; ; {
			i := strings.Index(hay[off:], t.text)
			if i < 0 {
				break
			}
			try(k, off+i)
			off += i + len(t.text)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].order != out[j].order {
			return out[i].order < out[j].order
		}
		return out[i].start < out[j].start
	})
	return out
}

// shortCaps reports a short name written in capitals ("SAM", "OPA"): an
// acronym, which in other case is a word or a name ("Sam").
func shortCaps(n string) bool {
	letters := 0
	for _, r := range n {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0 && letters <= 5
}

// lowerSameLen lowercases s rune by rune, keeping a rune whose lower case
// has another length as it is, so that offsets agree with s.
func lowerSameLen(s string) string {
	return strings.Map(func(r rune) rune {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) {
			return r
		}
		return l
	}, s)
}

// firstWord is the lowercased word a term opens with, or "" when the term
// does not open with a letter or digit.
func firstWord(s string) string {
	s = strings.ToLower(s)
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	return s[:end]
}

// inProse reports whether the word at start stands in running text where
// its capital letter means a name: not the first word of a sentence, not
// after an article ("an Envoy of the board"), and in a sentence that is
// not written in title case. A name of several capitalised words
// ("Cluster API") is a name after an article too, and after the "a" of
// other languages.
func inProse(text string, start int, multiword bool) bool {
	sentStart := strings.LastIndexAny(text[:start], ".!?:\n") + 1
	before := strings.Fields(text[sentStart:start])
	if len(before) == 0 {
		return false
	}
	switch strings.ToLower(before[len(before)-1]) {
	case "a", "an":
		if !multiword {
			return false
		}
	}
	end := len(text)
	if i := strings.IndexAny(text[start:], ".!?\n"); i >= 0 {
		end = start + i
	}
	words := strings.Fields(text[sentStart:end])
	if len(words) < 4 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps*2 < len(words)
}

// companion reports whether a project already found names s among its
// context words, or s names it among its own.
func companion(s *Spec, hits []Hit) bool {
	name := strings.ToLower(s.Name)
	for _, h := range hits {
		if slices.Contains(h.Spec.Context, name) || slices.Contains(s.Context, strings.ToLower(h.Spec.Name)) {
			return true
		}
	}
	return false
}

// listGap matches what separates the items of a list: commas, slashes,
// "and", "or", brackets.
var listGap = regexp.MustCompile(`^[\s,/;()]*(?:(?:and|or|&)[\s,]*)?$`)

func nextToHit(text string, d Hit, hits []Hit) bool {
	for _, h := range hits {
		switch {
		case h.End <= d.Start && listGap.MatchString(text[h.End:d.Start]) && strings.TrimSpace(text[h.End:d.Start]) != "":
			return true
		case d.End <= h.Start && listGap.MatchString(text[d.End:h.Start]) && strings.TrimSpace(text[d.End:h.Start]) != "":
			return true // a list has separators; "Flux kiosk hours" is a phrase
		}
	}
	return false
}

// boundary reports whether text[start:end] stands as a whole word: the
// characters on either side are not letters or digits.
func boundary(text string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(text[start:])
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(r) && isCJK(r) == isCJK(first) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) && isCJK(r) == isCJK(last) {
			return false
		}
	}
	return true
}

// isCJK reports a Chinese, Japanese or Korean character: such text writes
// no spaces around Latin names.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// placeAfter is a word of a place's name right after a name: a building,
// a body of water, a street.
var placeAfter = regexp.MustCompile(`^\s+(?:Palace|Lake|Center|Centre|Hall|Park|Street|Square|Tower|Convention|Arena|Hotel|River|Bay|Island|Beach|Valley|Mountain|Plaza|Avenue|Road|Bridge)\b`)

// minNamed is how often a text must write a word with a capital for the
// word to be a name there; namedMark marks such words among its words.
const (
	minNamed  = 3
	namedMark = "^"
)

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func words(s string) map[string]bool {
	out := map[string]bool{}
	// A word written with a capital minNamed times or more in running text
	// (after a word in lower case: a title capitalises every word) is a
	// name in this text, whatever else it could be ("um Falco geht", "mit
	// Falco erkennen" in a German page): recorded as "^" and the word.
	var named map[string]int
	prevLower := false
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		if prevLower && unicode.IsUpper(r) {
			if named == nil {
				named = map[string]int{}
			}
			if named[lw]++; named[lw] == minNamed {
				out[namedMark+lw] = true
			}
		}
		prevLower = unicode.IsLower(r)
		out[lw] = true
		// "kubernetes上でのargo": words in Latin letters run into Chinese
		// or Japanese ones without a space; each is a word of its own.
		if !ascii(lw) && strings.IndexFunc(lw, isCJK) >= 0 {
			for _, part := range strings.FieldsFunc(lw, isCJK) {
				out[part] = true
			}
		}
	}
	return out
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// amidCJK reports a name whose text touches Chinese, Japanese or Korean
// letters on either side.
// "にもEncore Presentationとして" is an English phrase set in Japanese, not
// a name: the name must stand alone in Latin letters, with no other Latin
// word next to it.
func amidCJK(text string, start, end int) bool {
	before, after := strings.TrimRight(text[:start], " "), strings.TrimLeft(text[end:], " ")
	b, _ := utf8.DecodeLastRuneInString(before)
	a, _ := utf8.DecodeRuneInString(after)
	if before != "" && unicode.IsLetter(b) && !cjkish(b) || after != "" && unicode.IsLetter(a) && !cjkish(a) {
		return false
	}
	return before != "" && cjkish(b) || after != "" && cjkish(a)
}

// cjkish is a Chinese, Japanese or Korean letter or punctuation mark
// (「」、。（）).
func cjkish(r rune) bool {
	return isCJK(r) || r == 'ー' || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff0f || r == '（' || r == '）'
}

func hasAny(ws map[string]bool, want []string) bool {
	for _, w := range want {
		if ws[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// titleCase is s with its first letter a capital and the rest small.
func titleCase(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

var componentWord = map[string]bool{"gateway": true, "pipelines": true, "operator": true, "controller": true,
	"collector": true, "training": true, "serving": true, "notebooks": true, "katib": true}
