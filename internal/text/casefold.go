package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldCase lower-cases s the way both stores compare text that ignores
// case (a caseInsensitive filter): Unicode's lowercase mapping with its
// two unconditional and contextual rules that Java (and so Neo4j's
// toLower) applies and Go's strings.ToLower does not: İ (U+0130) becomes
// "i̇" (i and a combining dot above), and Σ at the end of a word becomes
// final sigma ς. The embedded store folds both sides with it; over Neo4j
// the stored side is folded by toLower and the operand by FoldCase.
func FoldCase(s string) string {
	if !strings.ContainsAny(s, "\u0130\u03a3") {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\u0130':
			b.WriteString("i\u0307")
		case '\u03a3':
			if finalSigma(s, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the Σ at byte i of s ends a word: a cased
// letter comes before it in the same word and none after it (Unicode's
// Final_Sigma condition, with a word a run of letters and marks, as
// Java's word boundaries mostly draw it).
func finalSigma(s string, i int) bool {
	before := false
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !inWord(r) {
			break
		}
		if cased(r) {
			before = true
			break
		}
		j -= n
	}
	if !before {
		return false
	}
	for j := i + len("Σ"); j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !inWord(r) {
			break
		}
		if cased(r) {
			return false
		}
		j += n
	}
	return true
}

func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '\'' || r == '\u2019'
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
}
