package recap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/confgraph/confgraph/loaders/attrib"
	"github.com/confgraph/confgraph/loaders/listing"
)

// The shapes of text the rules test: a title, a loose title, running
// text, a line of people. Their thresholds are below, each with the
// reason for its number.
const (
	// minTitleWords is the fewest words of a title: a single word heads
	// a block ("Keynotes", "Highlights") or names a project.
	minTitleWords = 2
	// maxTitleWords is the most words of a title-shaped line; session
	// titles with a subtitle reach about fifteen words, capitalised
	// sentences of more than twenty are prose.
	maxTitleWords = 20
	// maxLooseTitleWords is the most words of a line that could be a
	// title in sentence case ("How we moved our clusters to the edge");
	// without capitals to go by, a longer line is more likely a sentence.
	maxLooseTitleWords = 14
	// maxMinorWordRunes is the length of the words title case leaves in
	// lower case ("of", "and", "to", "the", "for"): they count neither for
	// nor against a title's capitals.
	maxMinorWordRunes = 3
	// minCapitalPercent is the share of a title's longer words that open
	// with a capital or a digit, in percent. Title case leaves some longer
	// words small ("with", "from", "into", "over"), so a title reaches 60%
	// where a sentence, capitalised only at its start and on its names,
	// stays well below.
	minCapitalPercent = 60
	// maxStructuralWords is the most words of a title that structure a
	// post ("day", "keynotes", "recap"); with two ("Day 2 Keynotes") a
	// line heads a block. A line with at least half of its words
	// structural, or opening with one, heads a block too.
	maxStructuralWords = 1
	// proseMinBytes is the length from which a line is running text
	// whatever its punctuation: sixty bytes is about ten words, a long
	// title's length, and the lines under a title are longer.
	proseMinBytes = 60
	// cjkProseMinRunes is the number of characters from which Chinese,
	// Japanese or Korean text is running text: sentences there have no
	// spaces to count, and twelve characters make a clause.
	cjkProseMinRunes = 12
	// minSentenceWords is the fewest words of a short line read as a
	// sentence by its closing punctuation ("It was packed."); "Q&A:" is
	// a label.
	minSentenceWords = 3
	// maxSpeakerLineWords is the most words of a line of speakers under
	// a title: four people with a role and a company each; a longer line
	// with commas is a sentence.
	maxSpeakerLineWords = 16
	// maxNameRoleWords is the most words of a line that is one person
	// and their job ("Ada Quill, Senior Gardener"): a full name and a
	// job of up to four words.
	maxNameRoleWords = 6
	// minFullNameWords is the fewest words of the name on a name-and-job
	// line: "Ada, Gardener" is a greeting or a list, not an attribution.
	minFullNameWords = 2
)

// titleShaped reports a line that looks like a title:
//
//	Gardening for Operators: Weeding a Hundred Clusters
//
// minTitleWords to maxTitleWords words, not ending like a sentence or a
// lead (". : , ; !"), mostly capitalised (mostlyCapitalised), no table or
// code symbols ("| = < >"), at most one "?" or "!", not a block heading
// (structural) and no word naming something other than a session
// ("Lunch", "Booth", "Photos").
func titleShaped(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < minTitleWords || len(ws) > maxTitleWords {
		return false
	}
	last := t[len(t)-1]
	if last == '.' || last == ':' || last == ',' || last == ';' || last == '!' {
		return false
	}
	// "Go + Microservices = Go Kit" is a title; "replicas=3" is code.
	if !mostlyCapitalised(ws) || strings.ContainsAny(t, "|<>") || strings.Contains(strings.ReplaceAll(t, " = ", " "), "=") || strings.Count(t, "?")+strings.Count(t, "!") > 1 || structural(ws) {
		return false
	}
	for _, w := range ws {
		if notSession[strings.ToLower(strings.Trim(w, `"“”'‘’()?!:,`))] {
			return false
		}
	}
	return true
}

// mostlyCapitalised reports words in title case: of the words longer
// than maxMinorWordRunes (leaving out quotes and brackets), at least
// minCapitalPercent open with a capital or a digit. "Weeding a Hundred
// Clusters with Care" passes (3 of 4); "We weeded a hundred clusters" does
// not (1 of 4).
func mostlyCapitalised(ws []string) bool {
	caps, long := 0, 0
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, `"“”'‘’()?!:,`))
		if len([]rune(lw)) <= maxMinorWordRunes {
			continue
		}
		long++
		if r := []rune(strings.TrimLeft(w, `"“'‘(`)); len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) {
			caps++
		}
	}
	return long > 0 && caps*100 >= long*minCapitalPercent
}

// structural reports the words of a heading that structures a post
// rather than names a session: at least half of them structural words
// ("Closing Keynotes"), more than maxStructuralWords of them ("Day 2
// Morning Talks"), or one first ("Recap: Gardening for Operators").
func structural(ws []string) bool {
	block := 0
	for _, w := range ws {
		if blockWords[strings.ToLower(strings.Trim(w, `"“”'‘’()?!:,`))] {
			block++
		}
	}
	return block*2 >= len(ws) || block > maxStructuralWords || blockWords[strings.ToLower(strings.Trim(ws[0], "#:"))]
}

// looseTitle reports a line that could be a title though not clearly
// one, such as a title in sentence case:
//
//	How we weeded a hundred clusters
//
// minTitleWords to maxLooseTitleWords words, opening with a capital, a
// name-like word ("eBPF") or a Chinese, Japanese or Korean word; not
// ending like a sentence or a lead; no word naming a place or a thing
// that is never a session ("Booth", "Photos"); no table or code symbols
// and at most one "?" or "!".
func looseTitle(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < minTitleWords || len(ws) > maxLooseTitleWords || !startsUpper(strings.TrimLeft(t, "\"“'‘")) && !namelike(ws[0]) && !hasCJK(ws[0]) {
		return false
	}
	last := t[len(t)-1]
	if last == '.' || last == ':' || last == ',' || last == ';' || last == '!' {
		return false
	}
	for _, w := range ws {
		if notSessionThing[strings.ToLower(strings.Trim(w, `"“”'‘’()?!:,`))] {
			return false // "VMware Booth"
		}
	}
	return !strings.ContainsAny(t, "|<>") && !strings.Contains(strings.ReplaceAll(t, " = ", " "), "=") && strings.Count(t, "?")+strings.Count(t, "!") <= 1
}

// proseLine reports a line of running text: proseMinBytes long or more,
// cjkProseMinRunes characters of Chinese, Japanese or Korean, or a
// sentence of minSentenceWords words or more ending in ". : ! ?"
// ("We all learned something.").
func proseLine(s string) bool {
	if len(s) >= proseMinBytes || hasCJK(s) && utf8.RuneCountInString(s) >= cjkProseMinRunes {
		return true
	}
	if len(strings.Fields(s)) < minSentenceWords {
		return false
	}
	last := s[len(s)-1]
	return last == '.' || last == ':' || last == '!' || last == '?'
}

// blockish reports text containing a structural word.
func blockish(t string) bool {
	for _, w := range strings.Fields(t) {
		if blockWords[strings.ToLower(strings.Trim(w, `"“”'‘’()?!:,`))] {
			return true
		}
	}
	return false
}

// speakerLine parses a line that lists only speakers with their
// companies ("Ada Quill, Head Gardener, Larchmont & Bo Reed, Larchmont"):
// at most maxSpeakerLineWords words with a comma, no full stop at the
// end, a person first and a company last.
func speakerLine(s string, g attrib.Gazetteer) []listing.Speaker {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > maxSpeakerLineWords || strings.HasSuffix(s, ".") || !strings.Contains(s, ",") {
		return nil
	}
	sp := speakerList(s, g)
	if len(sp) == 0 || !listing.Personish(sp[0].Name) || sp[len(sp)-1].Company == "" {
		return nil
	}
	return sp
}

// nameAndRoleLine reads a short line that is one person and a job title
// ("Ada Quill, Gardener") under a title: at most maxNameRoleWords words,
// one comma, no full stop at the end, and a name of minFullNameWords
// words or more with a role or a company.
func nameAndRoleLine(s string, g attrib.Gazetteer) []listing.Speaker {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > maxNameRoleWords || strings.Count(s, ",") != 1 || strings.HasSuffix(s, ".") {
		return nil
	}
	sp := speakerList(s, g)
	if len(sp) != 1 || !listing.Personish(sp[0].Name) || len(strings.Fields(sp[0].Name)) < minFullNameWords || sp[0].Role == "" && sp[0].Company == "" {
		return nil
	}
	return sp
}
