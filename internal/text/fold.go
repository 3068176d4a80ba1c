// Package text holds the rules by which the project compares words and
// names: folding text to plain lowercase words (Fold, Words, Slug,
// Compact), the case rule both stores apply (FoldCase), what a talk
// title's words are (TitleWords, MainTitle, Coverage), when two spellings
// name one person (SameName, NameKeys, NormName) and companies' legal
// forms (LegalForms). It depends on no other package of the project: the
// facts it is given, such as the legal forms, live in data/.
package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s, drops accents and other nonspacing marks, and turns
// every run of characters other than letters and digits into one space,
// with none at either end: "Éclairs & etcd: Tuning!" -> "eclairs etcd
// tuning". Letters of scripts without case (Chinese, Japanese) are kept as
// they are.
func Fold(s string) string { return fold(s, " ") }

// Words returns the words of Fold(s).
func Words(s string) []string { return strings.Fields(Fold(s)) }

// Slug is Fold with hyphens between the words: "Éclairs & etcd" ->
// "eclairs-etcd". IDs are made of slugs.
func Slug(s string) string { return fold(s, "-") }

// Compact is Fold with nothing between the words: "Red Hat" and "RedHat"
// are both "redhat".
func Compact(s string) string { return fold(s, "") }

// fold writes the letters and digits of s's compatibility decomposition
// (NFKD: "é" is "e" and a combining accent, "ﬁ" is "fi"), lowercased,
// with sep wherever anything else stood between two of them; nonspacing
// marks are dropped without a trace.
func fold(s, sep string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteString(sep)
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		default:
			gap = true
		}
	}
	return b.String()
}
