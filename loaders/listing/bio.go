package listing

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/internal/text"
)

var (
	sentenceEnd = regexp.MustCompile(`[.!?](?:\s+|$)`)
	// A capitalised phrase, allowing inner "&", "of", "and" and "the".
	capPhrase = `((?:[A-Z0-9][\w.'’&/-]*)(?:\s+(?:(?:of|and|&|de)\s+)?[A-Z0-9][\w.'’&/-]*)*)`
	// Prepositions that introduce an employer, strongest first.
	employerRes = []*regexp.Regexp{
		regexp.MustCompile(`\bat\s+(?:the\s+)?` + capPhrase),
		regexp.MustCompile(`@\s?` + capPhrase),
		regexp.MustCompile(`\b(?:for|with|joined)\s+(?:the\s+)?` + capPhrase),
		regexp.MustCompile(`\bof\s+(?:the\s+)?` + capPhrase),
	}
	employmentCue = regexp.MustCompile(`(?i)\b(is|are|am|'m|works?|working|currently|employed|leads?|runs?|serves?|joined|engineer|manager|director|developer|architect|founder|cofounder|co-founder|cto|ceo|vp|president|head|lead|advocate|consultant|evangelist|scientist|member|team)\b`)
	pastCue       = regexp.MustCompile(`(?i)\b(prior to|before|previously|formerly|former|was|were|had|used to|graduated|received|holds|studied|degree)\b`)
	presentCue    = regexp.MustCompile(`(?i)\b(currently|now)\b`)
)

// BioEmployer returns the company a speaker bio says the person works for,
// and the sentence that says it, or "" when the bio doesn't say clearly.
// known holds normalised names of companies seen elsewhere in the document;
// a known company named in a present-tense job sentence wins over any other
// phrase. Otherwise it takes the phrase after "at", "@", "for", "with" or
// "of" in the first such sentence, and for a bare "Role, Company" bio the
// company.
func BioEmployer(bio string, known map[string]bool) (company, sentence string) {
	bio = strings.TrimSpace(bio)
	if bio == "" {
		return "", ""
	}
	first := strings.SplitN(bio, "\n", 2)[0]
	if ws := strings.Fields(first); len(ws) <= 12 && strings.Contains(first, ",") && !strings.ContainsAny(strings.TrimRight(first, "."), ".!?") {
		parts := strings.Split(first, ",")
		c := strings.TrimSpace(strings.TrimRight(parts[len(parts)-1], "."))
		if c != "" && startsUpper(c) && !strings.Contains(c, " ") || c != "" && startsUpper(c) && titleish(parts[0]) {
			return c, first
		}
	}
	type candidate struct{ company, sentence string }
	var known1, other []candidate
	for i, sent := range splitSentences(bio) {
		if i >= 4 {
			break
		}
		cue := employmentCue.MatchString(sent)
		for k, re := range employerRes {
			if k > 1 && !cue { // "for", "with", "of" need a job word nearby
				continue
			}
			for _, m := range re.FindAllStringSubmatchIndex(sent, -1) {
				// A past-tense clause before the phrase ("Prior to X",
				// "was at Y") is about a former job.
				if before := sent[:m[0]]; pastCue.MatchString(before) && !presentCue.MatchString(before) {
					continue
				}
				c := trimPhrase(sent[m[2]:m[3]])
				if c == "" || titleish(c) && !orgish(c) {
					continue
				}
				if kp := knownPrefix(c, known); kp != "" {
					known1 = append(known1, candidate{kp, sent})
				} else if i < 2 {
					other = append(other, candidate{c, sent})
				}
			}
		}
		if cue && !(pastCue.MatchString(sent) && !presentCue.MatchString(sent)) {
			if c := knownMention(sent, known); c != "" {
				known1 = append(known1, candidate{c, sent})
			}
		}
		if len(known1) > 0 {
			return known1[0].company, known1[0].sentence
		}
	}
	if len(other) > 0 {
		return other[0].company, other[0].sentence
	}
	return "", ""
}

// knownPrefix returns the longest leading run of words of p that is a
// known company ("IBM Cloud" -> "IBM"), or "".
func knownPrefix(p string, known map[string]bool) string {
	ws := strings.Fields(p)
	for n := len(ws); n > 0; n-- {
		c := strings.Join(ws[:n], " ")
		if known[text.NormName(c)] {
			return c
		}
	}
	return ""
}

// knownMention returns the first known company named in s as a whole word.
func knownMention(s string, known map[string]bool) string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:()\"", r) })
	for i := range ws {
		for n := min(4, len(ws)-i); n > 0; n-- {
			c := strings.TrimRight(strings.Join(ws[i:i+n], " "), ".'’s")
			if !startsUpper(c) {
				continue
			}
			if known[text.NormName(c)] {
				return c
			}
		}
	}
	return ""
}

func splitSentences(s string) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		last := 0
		for _, loc := range sentenceEnd.FindAllStringIndex(para, -1) {
			// Don't split after an initial or an abbreviation like "Sr.".
			if w := lastWord(para[last:loc[0]]); len(w) <= 2 || w == "Inc" || w == "Corp" || w == "Ltd" {
				continue
			}
			out = append(out, strings.TrimSpace(para[last:loc[1]]))
			last = loc[1]
		}
		if rest := strings.TrimSpace(para[last:]); rest != "" {
			out = append(out, rest)
		}
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// trimPhrase cuts a capitalised phrase down to the organisation: it stops
// before a possessive, drops trailing connectives and rejects phrases that
// are only a pronoun or a sentence opener.
func trimPhrase(p string) string {
	if i := strings.IndexAny(p, "’'"); i > 0 && (strings.HasPrefix(p[i:], "'s") || strings.HasPrefix(p[i:], "’s")) {
		p = p[:i]
	}
	ws := strings.Fields(p)
	for len(ws) > 0 {
		w := strings.ToLower(ws[len(ws)-1])
		if w == "of" || w == "and" || w == "the" || w == "&" || w == "de" {
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	p = strings.TrimRight(strings.Join(ws, " "), ".,;:-")
	switch strings.ToLower(p) {
	case "", "he", "she", "they", "his", "her", "the", "a", "an", "i", "in", "this", "it":
		return ""
	}
	return p
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}
