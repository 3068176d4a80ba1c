package text

import (
	"strings"
	"sync"
)

// NormName folds a person's name so that two spellings of it compare
// equal: Fold, without a title such as "Dr." before it ("Dr. José
// Nuñez-Ortiz" -> "jose nunez ortiz").
func NormName(s string) string {
	nameMu.Lock()
	n, ok := nameCache[s]
	nameMu.Unlock()
	if ok {
		return n
	}
	n = Fold(s)
	if title, rest, ok := strings.Cut(n, " "); ok && nameTitles[title] {
		n = rest
	}
	nameMu.Lock()
	if len(nameCache) >= maxNameCache {
		clear(nameCache)
	}
	nameCache[s] = n
	nameMu.Unlock()
	return n
}

// nameTitles are the titles NormName drops before a name.
var nameTitles = map[string]bool{"dr": true, "prof": true, "mr": true, "ms": true, "mrs": true}

// nameCache remembers folded names: resolution compares the same names
// many times. It is emptied when it reaches maxNameCache entries.
var (
	nameMu    sync.Mutex
	nameCache = map[string]string{}
)

const maxNameCache = 1 << 16

// SameName reports whether a and b name the same person: equal once
// normalised (NormName), or the same surname with first names that are
// equal, one shortening the other ("Vish Kannan", "Vishnu Kannan") or one
// typo apart ("Michael", "Micheal"), or the same first name with one typo
// in a long surname ("Villalobos", "Villalobas"). Middle initials and
// suffixes such as "Jr" are ignored.
func SameName(a, b string) bool {
	na, nb := NormName(a), NormName(b)
	if na == "" || nb == "" {
		return false
	}
	if na == nb {
		return true
	}
	wa, wb := nameCore(na), nameCore(nb)
	if len(wa) < 2 || len(wb) < 2 {
		return false
	}
	la, lb := wa[len(wa)-1], wb[len(wb)-1]
	fa, fb := wa[0], wb[0]
	if la != lb {
		// One typo in a long surname, with the same first name.
		return fa == fb && len(la) >= 6 && osaDistance(la, lb) <= 1
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	return fa == fb || (len(fa) >= 3 && strings.HasPrefix(fb, fa)) || (len(fa) >= 4 && osaDistance(fa, fb) <= 1)
}

// NameKeys returns the first and last words of a name as SameName compares
// them (folded, without suffixes or middle initials), or "" when the name
// has fewer than two: two names SameName matches share one or the other.
func NameKeys(s string) (first, last string) {
	ws := nameCore(NormName(s))
	if len(ws) < 2 {
		return "", ""
	}
	return ws[0], ws[len(ws)-1]
}

// nameCore drops suffixes and single-letter middle initials.
func nameCore(n string) []string {
	ws := strings.Fields(n)
	if len(ws) == 0 {
		return nil
	}
	for len(ws) > 2 {
		switch ws[len(ws)-1] {
		case "jr", "sr", "ii", "iii", "iv", "phd":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	out := ws[:1:1]
	for i := 1; i < len(ws); i++ {
		if i < len(ws)-1 && len([]rune(ws[i])) == 1 {
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

// osaDistance is the edit distance counting an adjacent transposition as
// one edit.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
