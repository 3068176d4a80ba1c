package memstore

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// searchIndex is an inverted index of the searchable words: for each word
// the nodes that hold it and how often, and the words in sorted order, so
// that a prefix is a range of them. Search walks it to find and score
// exactly the hits confgraph.RankSearch would from the nodes' words.
type searchIndex struct {
	docs     []searchDoc
	postings map[string][]posting
	vocab    []string // the keys of postings, sorted
	totals   map[confgraph.Label][2]int
	scratch  sync.Pool // of *searchScratch sized for docs
}

type searchDoc struct {
	node  confgraph.Node
	label confgraph.Label
	words int      // how many words its searchable text holds
	name  []string // the words of its display name
}

type posting struct {
	doc int32
	tf  int32
}

// searchIndex returns the version's search index, building it on first
// use: a version never changes once published, so a write costs nothing
// here and the first search after it builds the index once.
func (s *Store) searchIndex() *searchIndex {
	if x := s.search.Load(); x != nil {
		return x
	}
	s.search.CompareAndSwap(nil, s.buildSearchIndex())
	return s.search.Load()
}

func (s *Store) buildSearchIndex() *searchIndex {
	x := &searchIndex{postings: map[string][]posting{}, totals: map[confgraph.Label][2]int{}}
	for _, l := range confgraph.Labels {
		if _, ok := confgraph.SearchFields[l]; !ok {
			continue
		}
		for _, n := range s.byLabel[l] {
			words := confgraph.SearchWords(n)
			doc := int32(len(x.docs))
			x.docs = append(x.docs, searchDoc{node: n, label: l, words: len(words), name: confgraph.Tokens(confgraph.DisplayName(n))})
			t := x.totals[l]
			x.totals[l] = [2]int{t[0] + 1, t[1] + len(words)}
			counts := map[string]int32{}
			for _, w := range words {
				counts[w]++
			}
			for w, c := range counts {
				x.postings[w] = append(x.postings[w], posting{doc, c})
			}
		}
	}
	x.vocab = make([]string, 0, len(x.postings))
	for w := range x.postings {
		x.vocab = append(x.vocab, w)
	}
	slices.Sort(x.vocab)
	return x
}

// searchScratch holds one search's per-node sums. Entries are valid when
// their stamp is the current generation, so a search clears nothing.
type searchScratch struct {
	gen, tgen        uint32
	stamp, tstamp    []uint32
	matched, grades  []int32
	tf               []int32
	grade            []int8
	bm               []float64
	touched, matches []int32
}

func (x *searchIndex) getScratch() *searchScratch {
	sc, _ := x.scratch.Get().(*searchScratch)
	if sc == nil || len(sc.stamp) != len(x.docs) || sc.gen > 1<<31 || sc.tgen > 1<<31 {
		n := len(x.docs)
		sc = &searchScratch{stamp: make([]uint32, n), tstamp: make([]uint32, n), matched: make([]int32, n), grades: make([]int32, n),
			tf: make([]int32, n), grade: make([]int8, n), bm: make([]float64, n)}
	}
	sc.gen++
	sc.matches = sc.matches[:0]
	return sc
}

// eachMatch calls f with every indexed word the term matches and its
// grade: one lookup for a whole word, a range of the sorted words for a
// prefix, every word for one that tolerates typos.
func (x *searchIndex) eachMatch(t confgraph.SearchTerm, f func(word string, grade int)) {
	switch {
	case t.Edits > 0:
		for _, w := range x.vocab {
			if g := t.Grade(w); g > 0 {
				f(w, g)
			}
		}
	case t.Prefix:
		for i := sort.SearchStrings(x.vocab, t.Word); i < len(x.vocab) && strings.HasPrefix(x.vocab[i], t.Word); i++ {
			f(x.vocab[i], t.Grade(x.vocab[i]))
		}
	default:
		if _, ok := x.postings[t.Word]; ok {
			f(t.Word, confgraph.GradeExact)
		}
	}
}

// Search finds and ranks the nodes that match text as confgraph.RankSearch
// does, from the inverted index: it visits only the nodes holding a word
// a term matches, and keeps the best limit as it goes.
func (s *Store) Search(ctx context.Context, text string, labels []confgraph.Label, limit int) ([]confgraph.SearchHit, error) {
	terms, labels, err := confgraph.SearchLabels(text, labels)
	if err != nil {
		return nil, err
	}
	want := map[confgraph.Label]bool{}
	for _, l := range labels {
		want[l] = true
	}
	s = s.view(ctx)
	x := s.searchIndex()
	total, totalWords := 0, 0
	for l := range want {
		total += x.totals[l][0]
		totalWords += x.totals[l][1]
	}
	if total == 0 {
		return []confgraph.SearchHit{}, nil
	}
	avg := float64(totalWords) / float64(total)
	sc := x.getScratch()
	defer x.scratch.Put(sc)
	for _, t := range terms {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sc.tgen++
		sc.touched = sc.touched[:0]
		x.eachMatch(t, func(w string, g int) {
			for _, p := range x.postings[w] {
				if !want[x.docs[p.doc].label] {
					continue
				}
				if sc.tstamp[p.doc] != sc.tgen {
					sc.tstamp[p.doc] = sc.tgen
					sc.tf[p.doc], sc.grade[p.doc] = 0, 0
					sc.touched = append(sc.touched, p.doc)
				}
				sc.tf[p.doc] += p.tf
				sc.grade[p.doc] = max(sc.grade[p.doc], int8(g))
			}
		})
		df := len(sc.touched)
		for _, d := range sc.touched {
			if sc.stamp[d] != sc.gen {
				sc.stamp[d] = sc.gen
				sc.matched[d], sc.grades[d], sc.bm[d] = 0, 0, 0
				sc.matches = append(sc.matches, d)
			}
			sc.matched[d]++
			sc.grades[d] += int32(sc.grade[d])
			sc.bm[d] += confgraph.BM25(int(sc.tf[d]), df, total, x.docs[d].words, avg)
		}
	}
	// Degrees break ties of score; they are counted only when one does.
	degrees := map[string]int{}
	degree := func(n confgraph.Node) int {
		id := n.NodeID()
		if d, ok := degrees[id]; ok {
			return d
		}
		d := 0
		for dir := range s.adj {
			for _, t := range confgraph.RelTypes {
				d += len(s.adj[dir][t][id])
			}
		}
		degrees[id] = d
		return d
	}
	before := func(a, b confgraph.SearchHit) bool {
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return confgraph.SearchBefore(a, b, degree(a.Node), degree(b.Node))
	}
	var top []confgraph.SearchHit
	for _, d := range sc.matches {
		doc := x.docs[d]
		name := 0
		if len(doc.name) == len(terms) {
			name = confgraph.NameGrade(terms, doc.name)
		}
		h := confgraph.SearchHit{Node: doc.node, Score: confgraph.SearchScore(name, int(sc.matched[d]), int(sc.grades[d]), sc.bm[d])}
		if limit == 0 {
			top = append(top, h)
			continue
		}
		if len(top) == limit && !before(h, top[limit-1]) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return before(h, top[i]) })
		top = slices.Insert(top, i, h)
		if len(top) > limit {
			top = top[:limit]
		}
	}
	if limit == 0 {
		sort.Slice(top, func(i, j int) bool { return before(top[i], top[j]) })
	}
	out := make([]confgraph.SearchHit, len(top))
	for i, h := range top {
		out[i] = confgraph.SearchHit{Node: confgraph.CloneNode(h.Node), Score: h.Score}
	}
	return out, nil
}
