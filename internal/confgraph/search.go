package confgraph

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Search as you type. A query is split into words (Tokens); each word is
// a SearchTerm that matches a word of a node's searchable text in one of
// three grades:
//
//   - exact: the same word;
//   - prefix: the last word of the query starts the node's word (it may
//     still be being typed: "envo" finds Envoy);
//   - fuzzy: a word of at least FuzzyOneLetters letters within one edit
//     (a letter inserted, deleted, replaced, or two neighbours swapped),
//     of at least FuzzyTwoLetters letters within two ("kubernets",
//     "Promethues").
//
// A node matches when it matches any term. Hits are ranked by, in order:
// whether the query names the node, word for word (its display name has as
// many words as the query and each matches its term: "kube" names
// Kubernetes, not Kube-router, whose name only contains it), exact before
// prefix before fuzzy; how many terms it matches; the grades of those
// matches; and BM25 over the matching words (k1 1.2, b 0.75), so that a
// match counts more in a short text than in a long one. SearchScore folds
// these into one number, higher being better. Hits that score the same go
// by how connected they are (their relationships, any type and direction:
// "kube" completes the names kubeadm, kubectl and Kubernetes alike, and
// the project most talks discuss comes first), then in display order.
//
// RankSearch is the reference: it ranks nodes given their words. A store
// may find the same hits another way (the embedded store walks an
// inverted index, Neo4j asks its full-text index with its own prefix and
// fuzzy operators for candidates and ranks them with RankSearch), and is
// tested to give the same answers.

// Typo thresholds, in letters (Unicode code points) of the query word.
// Only the first MaxFuzzyTerms words of a query tolerate typos: each one
// is compared with every indexed word, so a long query of long words
// would cost a scan per word.
const (
	FuzzyOneLetters = 5
	FuzzyTwoLetters = 8
	MaxFuzzyTerms   = 8
)

// Match grades of a term against a word; 0 is no match.
const (
	GradeFuzzy  = 1
	GradePrefix = 2
	GradeExact  = 3
)

// SearchTerm is one word of a search query.
type SearchTerm struct {
	Word   string
	Prefix bool // the query's last word: also matches the words it starts
	Edits  int  // typos tolerated: 0, 1 or 2
	runes  []rune
}

// ParseSearch splits a query into its terms, each word once, the last
// word of the query a prefix.
func ParseSearch(text string) []SearchTerm {
	words := Tokens(text)
	var terms []SearchTerm
	fuzzy := 0
	for _, w := range words {
		if slices.ContainsFunc(terms, func(t SearchTerm) bool { return t.Word == w }) {
			continue
		}
		t := SearchTerm{Word: w, runes: []rune(w)}
		switch n := len(t.runes); {
		case fuzzy >= MaxFuzzyTerms:
		case n >= FuzzyTwoLetters:
			t.Edits = 2
		case n >= FuzzyOneLetters:
			t.Edits = 1
		}
		if t.Edits > 0 {
			fuzzy++
		}
		terms = append(terms, t)
	}
	if len(words) > 0 {
		last := words[len(words)-1]
		for i := range terms {
			if terms[i].Word == last {
				terms[i].Prefix = true
			}
		}
	}
	return terms
}

// Grade says how the term matches a word.
func (t SearchTerm) Grade(word string) int {
	switch {
	case word == t.Word:
		return GradeExact
	case t.Prefix && strings.HasPrefix(word, t.Word):
		return GradePrefix
	case t.Edits > 0 && WithinEdits(t.runes, word, t.Edits):
		return GradeFuzzy
	}
	return 0
}

// WithinEdits reports whether word is at most k edits from a: insertions,
// deletions, substitutions and swaps of neighbouring letters, each letter
// edited once (the optimal string alignment distance).
func WithinEdits(a []rune, word string, k int) bool {
	n := utf8.RuneCountInString(word)
	if n-len(a) > k || len(a)-n > k {
		return false
	}
	b := []rune(word)
	// Three rows of the distance table, each cell capped at k+1.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			best = min(best, d)
		}
		if best > k {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] <= k
}

// NameGrade says whether the terms name a node whose display name has the
// words name: 0 when not (the name has more or fewer words, or one does
// not match its term, in order), else the worst grade among the words.
func NameGrade(terms []SearchTerm, name []string) int {
	if len(name) != len(terms) || len(name) == 0 {
		return 0
	}
	worst := GradeExact
	for i, w := range name {
		g := terms[i].Grade(w)
		if g == 0 {
			return 0
		}
		worst = min(worst, g)
	}
	return worst
}

// SearchScore folds a hit's ranking keys into one number: the name grade,
// then the terms matched, then the sum of their grades, then BM25 (each
// key far below a unit of the one before for any query of at most
// MaxSearchLength characters).
func SearchScore(name, matched, grades int, bm25 float64) float64 {
	return float64(name)*1e9 + float64(matched)*1e6 + float64(grades)*1e3 + bm25
}

// MaxSearchLength bounds the characters of a search query.
const MaxSearchLength = 500

// BM25 is the weight of a term in a document: tf matching words in a text
// of length words, the term matching in df of total documents whose
// average length is avg.
func BM25(tf, df, total, length int, avg float64) float64 {
	idf := math.Log(1 + (float64(total)-float64(df)+0.5)/(float64(df)+0.5))
	return idf * float64(tf) * 2.2 / (float64(tf) + 1.2*(0.25+0.75*float64(length)/avg))
}

// SearchDoc is a node with the words of its searchable fields (Tokens of
// each SearchFields property, in order) and its number of relationships.
type SearchDoc struct {
	Node   Node
	Words  []string
	Degree int
}

// SearchBefore orders hits: higher score first, then more relationships
// (degree, given by the caller for each node), then display order.
func SearchBefore(a, b SearchHit, degA, degB int) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if degA != degB {
		return degA > degB
	}
	return Less(a.Node, b.Node)
}

// RankSearch ranks the documents that match at least one of terms, as the
// package's search rules say. total is the number of nodes searched and
// totalWords the words they hold between them (for BM25). It returns the
// best first, at most limit (all when limit is 0).
func RankSearch(terms []SearchTerm, docs []SearchDoc, total, totalWords, limit int) []SearchHit {
	if total == 0 || len(docs) == 0 || len(terms) == 0 {
		return []SearchHit{}
	}
	type match struct {
		tf, grade []int
	}
	matches := make([]match, len(docs))
	df := make([]int, len(terms))
	for i, d := range docs {
		m := match{tf: make([]int, len(terms)), grade: make([]int, len(terms))}
		for ti, t := range terms {
			for _, w := range d.Words {
				if g := t.Grade(w); g > 0 {
					m.tf[ti]++
					m.grade[ti] = max(m.grade[ti], g)
				}
			}
			if m.tf[ti] > 0 {
				df[ti]++
			}
		}
		matches[i] = m
	}
	avg := float64(totalWords) / float64(total)
	hits := make([]SearchHit, 0, len(docs))
	degree := map[string]int{}
	for i, d := range docs {
		m := matches[i]
		matched, grades, bm := 0, 0, 0.0
		for ti := range terms {
			if m.tf[ti] == 0 {
				continue
			}
			matched++
			grades += m.grade[ti]
			bm += BM25(m.tf[ti], df[ti], total, len(d.Words), avg)
		}
		if matched == 0 {
			continue
		}
		name := NameGrade(terms, Tokens(DisplayName(d.Node)))
		hits = append(hits, SearchHit{Node: d.Node, Score: SearchScore(name, matched, grades, bm)})
		degree[d.Node.NodeID()] = d.Degree
	}
	sort.Slice(hits, func(i, j int) bool {
		return SearchBefore(hits[i], hits[j], degree[hits[i].Node.NodeID()], degree[hits[j].Node.NodeID()])
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}
