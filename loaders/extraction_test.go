package loaders

import (
	"fmt"
	"testing"

	"github.com/confgraph/confgraph/internal/evaluate"
)

// floors are the F1 each relationship type must keep on each test corpus
// with complete gold: at least the 0.95 the extraction issue asks of every
// relation, and near what `confgraph eval` measured (2026-11-24). A change that loses facts on
// documents of these shapes fails here; raising a floor records a gain.
var floors = map[string]map[string]float64{
	"corpus2": {"talks": 0.99, "PRESENTED": 0.99, "WORKS_AT": 0.95, "DISCUSSES": 0.95, "PART_OF": 0.99, "COVERS": 0.99, "REVIEWS": 0.98},
	"corpus3": {"talks": 0.99, "PRESENTED": 0.99, "WORKS_AT": 0.98, "DISCUSSES": 0.95, "PART_OF": 0.99, "COVERS": 0.99, "REVIEWS": 0.99, "MENTIONS": 0.96},
	"corpus4": {"talks": 0.98, "PRESENTED": 0.99, "WORKS_AT": 0.98, "DISCUSSES": 0.95, "PART_OF": 0.98, "COVERS": 0.99, "REVIEWS": 0.99, "MENTIONS": 0.99},
}

func TestExtractionKeepsItsScores(t *testing.T) {
	w := world(t)
	for corpus, want := range floors {
		t.Run(corpus, func(t *testing.T) {
			res, err := w.LoadDir("../testdata/" + corpus)
			if err != nil {
				t.Fatal(err)
			}
			g, err := evaluate.ReadGold("../testdata/gold" + corpus[len("corpus"):])
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range evaluate.Relations(res.Batch, g, w.NotCompany, w.ProjectAliases) {
				floor, ok := want[s.Name]
				if !ok {
					continue
				}
				if s.F1() < floor {
					t.Errorf("%s F1 %.3f < %.2f (TP %d FP %d FN %d); first misses: %v", s.Name, s.F1(), floor, s.TP, s.FP, s.FN, first(s.Misses, 5))
				}
			}
		})
	}
}

// TestSharedGoldHolds keeps the seed corpus's scores: the listing is read
// perfectly and every talk a recap writes about is found.
func TestSharedGoldHolds(t *testing.T) {
	w := world(t)
	res, err := w.LoadDir(corpusDir)
	if err != nil {
		t.Skip("seed corpus not beside the repository:", err)
	}
	g, err := evaluate.ReadGold("../../shared/gold")
	if err != nil {
		t.Skip(err)
	}
	want := map[string]float64{"talks (title)": 1, "speaker → talk": 1, "speaker → company": 1, "talk → project": 0.95}
	recall := map[string]float64{"recap → talk": 1}
	for _, s := range evaluate.Evaluate(res.Batch, g, w.NotCompany, w.ProjectAliases) {
		if f, ok := want[s.Name]; ok && s.F1() < f {
			t.Errorf("%s F1 %.3f < %.2f: %v", s.Name, s.F1(), f, first(s.Misses, 5))
		}
		if r, ok := recall[s.Name]; ok && s.Recall() < r {
			t.Errorf("%s recall %.3f < %.2f: %v", s.Name, s.Recall(), r, first(s.Misses, 5))
		}
	}
}

func first(ss []string, n int) string {
	if len(ss) > n {
		ss = ss[:n]
	}
	return fmt.Sprint(ss)
}
