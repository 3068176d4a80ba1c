package text

import "strings"

// MainTitle is a title without its subtitle, the part after the first
// ": " and then after the first " - ": "Leading Without a Map: Platform
// Culture" -> "Leading Without a Map".
func MainTitle(t string) string {
	if i := strings.Index(t, ": "); i > 0 {
		t = t[:i]
	}
	if i := strings.Index(t, " - "); i > 0 {
		t = t[:i]
	}
	return t
}

// TitleWords returns the words of a title that say what it is about: its
// Words without small words such as "a", "the", "of" or "vs".
func TitleWords(t string) []string {
	var out []string
	for _, w := range Words(t) {
		if !smallWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// smallWords are the words TitleWords leaves out.
var smallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "of": true, "to": true, "for": true,
	"in": true, "on": true, "with": true, "v": true, "vs": true, "your": true, "is": true, "at": true, "by": true, "it": true}

// WordsMatch treats words as equal when they are, or when both are long
// and share their first five letters ("distros", "distributions").
func WordsMatch(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) >= 5 && len(b) >= 5 && a[:5] == b[:5]
}

// Coverage is the share of the words of a that WordsMatch one of b, 0
// when a has none.
func Coverage(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for _, x := range a {
		for _, y := range b {
			if WordsMatch(x, y) {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(a))
}
