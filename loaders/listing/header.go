package listing

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/text"
)

var dashSep = regexp.MustCompile(`\s+[-–—]\s+`)

// splitHeader splits a header line into the title, the part naming the
// speakers, and the level from a [B]/[I]/[A] marker. Titles may contain
// " - " themselves, so the speaker part is taken after the level marker
// when there is one, else after the last dash that a speaker name follows.
func splitHeader(h string, about []string) (title, speakers, level string) {
	if locs := levelMarker.FindAllStringSubmatchIndex(h, -1); len(locs) > 0 {
		loc := locs[len(locs)-1]
		rest := h[loc[1]:]
		if m := regexp.MustCompile(`^[-–—]\s*`).FindStringIndex(rest); m != nil || strings.TrimSpace(rest) == "" {
			if m != nil {
				rest = rest[m[1]:]
			}
			level = map[string]string{"B": "BEGINNER", "I": "INTERMEDIATE", "A": "ADVANCED"}[h[loc[2]:loc[3]]]
			return strings.TrimSpace(h[:loc[0]]), strings.TrimSpace(rest), level
		}
	}
	seps := dashSep.FindAllStringIndex(h, -1)
	if len(seps) == 0 {
		return strings.TrimSpace(h), "", ""
	}
	pick := seps[len(seps)-1]
	for i := len(seps) - 1; i >= 0; i-- {
		right := h[seps[i][1]:]
		if startsWithPerson(right, about) {
			pick = seps[i]
			break
		}
	}
	return strings.TrimSpace(h[:pick[0]]), strings.TrimSpace(h[pick[1]:]), ""
}

func startsWithPerson(s string, about []string) bool {
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "moderated by ") || strings.HasPrefix(low, "hosted by ") {
		return true
	}
	first := strings.TrimSpace(regexp.MustCompile(`\s*(,|&)\s*`).Split(s, 2)[0])
	for _, a := range about {
		if text.SameName(first, a) {
			return true
		}
	}
	return false
}

// headerCompanies collects, over the whole document, the text after the
// last comma of each header: almost always a company. It helps tell a
// company such as "Red Hat" from a person's name in the middle of a
// speaker list.
func headerCompanies(blocks [][]line) map[string]bool {
	out := map[string]bool{}
	for _, b := range blocks {
		h := nextNonEmpty(b, 0)
		if h < 0 {
			continue
		}
		_, sp, _ := splitHeader(strings.TrimSpace(b[h].text), nil)
		if i := strings.LastIndex(sp, ", "); i >= 0 {
			c := strings.TrimSpace(sp[i+2:])
			// A job title or "Consultant" where a company would be is no
			// company to find in bios.
			if c != "" && !legalForms.Is(c) && !titleish(c) {
				out[text.NormName(c)] = true
			}
		}
	}
	return out
}

type token struct {
	text string
	sep  string // the separator that preceded it
}

// speakerSep separates the items of a header's speaker part.
var speakerSep = regexp.MustCompile(`\s*,\s+|\s+&\s+|\s*,\s*$`)

// parseSpeakers reads the speaker part of a header in its shapes:
// "A & B, Co"; "A, Co1 & B, Co2"; "A, B & C, Co"; "A, Role, Co" on
// keynotes; "Moderated by A, Co"; "hosted by A, Co"; "A," with no company.
func parseSpeakers(part string, keynote bool, about []string, known map[string]bool) []Speaker {
	part = strings.TrimSpace(part)
	if part == "" {
		return nil
	}
	lead := "speaker"
	low := strings.ToLower(part)
	for _, p := range []struct{ prefix, part string }{{"moderated by ", "moderator"}, {"hosted by ", "host"}} {
		if strings.HasPrefix(low, p.prefix) {
			lead = p.part
			part = strings.TrimSpace(part[len(p.prefix):])
		}
	}
	trailingComma := strings.HasSuffix(part, ",")
	part = strings.TrimSuffix(part, ",")

	var toks []token
	last := 0
	sep := ""
	for _, loc := range speakerSep.FindAllStringIndex(part, -1) {
		toks = append(toks, token{strings.TrimSpace(part[last:loc[0]]), sep})
		sep = part[loc[0]:loc[1]]
		last = loc[1]
	}
	toks = append(toks, token{strings.TrimSpace(part[last:]), sep})
	// Legal suffixes and parenthesised remarks belong to the token before.
	var merged []token
	for _, t := range toks {
		if t.text == "" {
			continue
		}
		if len(merged) > 0 && (legalForms.Is(t.text) || unbalanced(merged[len(merged)-1].text)) {
			merged[len(merged)-1].text += t.sep + t.text
			continue
		}
		merged = append(merged, t)
	}
	toks = merged
	if len(toks) == 0 {
		return nil
	}

	person := make([]bool, len(toks))
	person[0] = true
	for i := 1; i < len(toks); i++ {
		t := toks[i].text
		switch {
		case matchesAny(t, about):
			person[i] = true
		case i == len(toks)-1 && !trailingComma:
			person[i] = false // the last item names the company
		case known[text.NormName(t)] || titleish(t) || orgish(t):
			person[i] = false
		default:
			person[i] = personish(t)
		}
	}

	var out []Speaker
	var pending []int // speakers still waiting for their affiliation
	var run []token
	flush := func() {
		if len(run) == 0 {
			return
		}
		role, company := affiliation(run, keynote)
		for _, k := range pending {
			out[k].Role, out[k].Company = role, company
		}
		pending, run = nil, nil
	}
	for i, t := range toks {
		if person[i] {
			if len(run) > 0 {
				flush()
			}
			p := "speaker"
			if i == 0 {
				p = lead
			}
			out = append(out, Speaker{Name: cleanName(t.text), Part: p})
			pending = append(pending, len(out)-1)
			continue
		}
		run = append(run, t)
	}
	flush()
	return out
}

// affiliation splits the items after a name into a job title and the
// company: a run that opens with a job title ("VP, Software Services Group
// & GM, OpenSource Technology Center, Intel Corporation") ends with the
// company; otherwise the whole run is the company.
func affiliation(run []token, keynote bool) (role, company string) {
	join := func(ts []token) string {
		var b strings.Builder
		for i, t := range ts {
			if i > 0 {
				b.WriteString(t.sep)
			}
			b.WriteString(t.text)
		}
		return strings.TrimSpace(b.String())
	}
	if len(run) > 1 && (titleish(run[0].text) || keynote) {
		return join(run[:len(run)-1]), run[len(run)-1].text
	}
	return "", join(run)
}

func unbalanced(s string) bool { return strings.Count(s, "(") > strings.Count(s, ")") }

func cleanName(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func matchesAny(t string, names []string) bool {
	for _, n := range names {
		if text.SameName(t, n) {
			return true
		}
	}
	return false
}

// legalForms are companies' legal forms, as data/companies.yml lists
// them: an item of a speaker list that is one ("Acme, Inc.") belongs to
// the company before it, and a word that is one marks an organisation.
var legalForms = text.NewLegalForms(data.LegalSuffixes())

var titleWords = wordSet(`engineer engineering director ceo cto cio coo cso cmo vp svp evp president vice head manager
	founder co-founder cofounder architect lead advocate principal senior sr sr. staff executive chief evangelist
	developer product gm fellow distinguished member chair maintainer researcher scientist officer strategist
	consultant programmer administrator specialist analyst owner partner`)

// orgWords are the words of organisations' names besides legal forms.
var orgWords = wordSet(`technologies technology labs lab systems
	software security network networks foundation university institute group center centre services cloud data
	platform solutions consulting partners team engine web bank insurance communications digital media
	administration agency council society association company enterprises industries studios health`)

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// anyWord reports whether a word of s, lowercased, with or without its
// dots, is one that is accepts.
func anyWord(s string, is func(word string) bool) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '/' || r == '(' || r == ')'
	}) {
		if is(w) || is(strings.TrimRight(w, ".")) || is(strings.ReplaceAll(w, ".", "")) {
			return true
		}
	}
	return false
}

func titleish(s string) bool { return anyWord(s, func(w string) bool { return titleWords[w] }) }

func orgish(s string) bool {
	return anyWord(s, func(w string) bool { return orgWords[w] || legalForms.Is(w) })
}

var nameParticles = wordSet(`de di da del della van von der den la le du bin al dos das`)

// personish reports whether s has the shape of a person's name: two to
// five words, each capitalised (or a particle such as "di" or "van"), no
// digits.
func personish(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if nameParticles[w] {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		for _, c := range r {
			if unicode.IsDigit(c) {
				return false
			}
		}
	}
	return true
}

// ParseSpeakerList reads a list of people with their roles and companies
// as headers print it ("A & B, Co", "A, Role, Co", "A, Co1 & B, Co2"),
// for documents other than listings that use the same shapes. keynote
// says whether a job title may precede the company.
func ParseSpeakerList(s string, keynote bool) []Speaker {
	return parseSpeakers(s, keynote, nil, nil)
}

// Personish reports whether s has the shape of a person's name.
func Personish(s string) bool { return personish(s) && !orgish(s) && !titleish(s) }

// ParseSpeakerListKnown is ParseSpeakerList with a set of names (folded by
// NormName) known to be organisations, which are never read as people.
func ParseSpeakerListKnown(s string, keynote bool, known map[string]bool) []Speaker {
	return parseSpeakers(s, keynote, nil, known)
}
