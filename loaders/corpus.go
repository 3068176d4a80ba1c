package loaders

import (
	"maps"
	"reflect"
	"slices"
	"sort"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Corpus is a set of documents and what each says, kept so that one
// document can be added, replaced or removed and the documents whose
// reading depends on it read again: after any sequence of changes each
// document's batch is the one a bulk load of the current set gives it.
//
// Documents are read in one order, a function of the set alone: listings
// and schedules by name, then recaps by name. A schedule or a recap links
// to the talks of the documents before it in that order (a recap reviews a
// listed talk instead of making it again), so a change to one document can
// change what the documents after it say, and only those.
type Corpus struct {
	w    *World
	docs map[string]*corpusDoc
	// prefix is the talk index of the first documents in reading order,
	// kept from the last derive: a change that leaves them as they were
	// starts from a copy of it instead of indexing them again.
	prefix *prefixIndex
}

// prefixIndex is the talk index of documents in reading order, with the
// batches it was built from.
type prefixIndex struct {
	names   []string
	batches []*confgraph.Batch
	ix      *talkIndex
}

// covers reports whether p indexes the first documents of order as the
// corpus has them now, and no more than upto of them.
func (p *prefixIndex) covers(order []string, docs map[string]*corpusDoc, upto int) bool {
	if p == nil || len(p.names) > upto || len(p.names) > len(order) {
		return false
	}
	for i, n := range p.names {
		if order[i] != n || docs[n].batch != p.batches[i] {
			return false
		}
	}
	return true
}

// clone copies a talk index so that adding to the copy leaves ix as it
// is: its maps are copied and its lists clipped, so an append to one
// copies it.
func (ix *talkIndex) clone() *talkIndex {
	clip := func(m map[string][]*confgraph.Speaker) map[string][]*confgraph.Speaker {
		out := make(map[string][]*confgraph.Speaker, len(m))
		for k, v := range m {
			out[k] = slices.Clip(v)
		}
		return out
	}
	byEvent := make(map[string][]*confgraph.Talk, len(ix.byEvent))
	for k, v := range ix.byEvent {
		byEvent[k] = slices.Clip(v)
	}
	return &talkIndex{byEvent: byEvent, speakers: clip(ix.speakers), byLast: clip(ix.byLast), byKey: clip(ix.byKey),
		order: maps.Clone(ix.order), people: slices.Clip(ix.people), words: maps.Clone(ix.words), seen: maps.Clone(ix.seen)}
}

type corpusDoc struct {
	text  []byte
	p     *parsed
	batch *confgraph.Batch // nil when the document failed to load
	warns []string
	err   error // why it failed to load
}

// NewCorpus returns an empty corpus read with w.
func (w *World) NewCorpus() *Corpus {
	return &Corpus{w: w, docs: map[string]*corpusDoc{}}
}

// Change is a document whose batch a change to the corpus changed: Batch
// is what it says now (empty when it no longer loads or was removed).
type Change struct {
	Name  string
	Batch *confgraph.Batch
}

// Set adds document name, or replaces its earlier version, and returns the
// documents whose batch changed in the reading order, name first if it
// loaded. A document that cannot be read is refused with the reason, and
// the corpus is left as it was.
func (c *Corpus) Set(name string, text []byte) ([]Change, Kind, []string, error) {
	p, err := c.w.parse(name, text)
	if err != nil {
		return nil, "", nil, err
	}
	old := c.docs[name]
	from := c.position(name)
	c.docs[name] = &corpusDoc{text: text, p: p}
	from = min(from, c.position(name))
	changes := c.derive(from, name)
	d := c.docs[name]
	if d.err != nil {
		// Put the earlier version back as it was.
		if old == nil {
			delete(c.docs, name)
		} else {
			c.docs[name] = old
		}
		c.derive(from, "")
		return nil, p.kind, d.warns, d.err
	}
	return changes, p.kind, d.warns, nil
}

// Remove removes document name and returns the documents whose batch
// changed, name first (with an empty batch).
func (c *Corpus) Remove(name string) []Change {
	if c.docs[name] == nil {
		return nil
	}
	from := c.position(name)
	delete(c.docs, name)
	return append([]Change{{Name: name, Batch: confgraph.NewBatch()}}, c.derive(from, "")...)
}

// Text returns the text of a document of the corpus, or nil.
func (c *Corpus) Text(name string) []byte {
	if d := c.docs[name]; d != nil {
		return d.text
	}
	return nil
}

// Texts returns the texts of the documents that loaded, by name.
func (c *Corpus) Texts() map[string][]byte {
	out := make(map[string][]byte, len(c.docs))
	for n, d := range c.docs {
		if d.err == nil {
			out[n] = d.text
		}
	}
	return out
}

// order returns the names of the documents in reading order.
func (c *Corpus) order() []string {
	names := make([]string, 0, len(c.docs))
	for n := range c.docs {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		ri, rj := c.docs[names[i]].p.kind == KindRecap, c.docs[names[j]].p.kind == KindRecap
		if ri != rj {
			return rj
		}
		return names[i] < names[j]
	})
	return names
}

// position returns where document name is read in the current order, or
// the number of documents when it is not in the corpus.
func (c *Corpus) position(name string) int {
	order := c.order()
	if i := slices.Index(order, name); i >= 0 {
		return i
	}
	return len(order)
}

// derive reads again every document from position from of the reading
// order on, each knowing the talks of those before it, and returns those
// whose batch changed (always must, when it loads).
func (c *Corpus) derive(from int, must string) []Change {
	order := c.order()
	ix, start := newTalkIndex(), 0
	if c.prefix.covers(order, c.docs, from) {
		ix, start = c.prefix.ix.clone(), len(c.prefix.names)
	}
	keep := func() {
		p := &prefixIndex{names: slices.Clone(order[:from]), ix: ix.clone()}
		for _, n := range p.names {
			p.batches = append(p.batches, c.docs[n].batch)
		}
		c.prefix = p
	}
	var changes []Change
	for i, n := range order {
		if i < start {
			continue
		}
		if i == from {
			keep()
		}
		d := c.docs[n]
		if i < from {
			if d.batch != nil {
				ix.add(d.batch)
			}
			continue
		}
		if d.batch == nil || d.p.kind != KindListing {
			// A listing's reading depends on nothing else; a schedule's
			// or a recap's on the talks before it.
			b, warns, err := c.w.batch(d.p, ix)
			if err == nil {
				b = resolveCompanies(b)
				b.Attribute(n, Rank(d.p.kind))
			} else {
				b = nil
			}
			changed := !sameBatch(d.batch, b)
			d.batch, d.warns, d.err = b, warns, err
			if changed && b == nil {
				changes = append(changes, Change{Name: n, Batch: confgraph.NewBatch()})
			} else if (changed || n == must) && b != nil {
				changes = append(changes, Change{Name: n, Batch: b})
			}
		} else if n == must {
			changes = append(changes, Change{Name: n, Batch: d.batch})
		}
		if d.batch != nil {
			ix.add(d.batch)
		}
	}
	if from >= len(order) {
		from = len(order)
		keep()
	}
	// The document set first, then the documents that depend on it.
	for i, ch := range changes {
		if ch.Name == must && i > 0 {
			changes = append(append([]Change{ch}, changes[:i]...), changes[i+1:]...)
			break
		}
	}
	return changes
}

// sameBatch reports whether two batches say the same: the same nodes with
// the same claims and the same relationships with the same evidence.
func sameBatch(a, b *confgraph.Batch) bool {
	if a == nil || b == nil {
		return a == b
	}
	an, ar := a.Len()
	bn, br := b.Len()
	if an != bn || ar != br {
		return false
	}
	for _, n := range a.Nodes() {
		ac, bc := a.Claims(n.NodeID()), b.Claims(n.NodeID())
		if len(ac) != len(bc) {
			return false
		}
		for i := range ac {
			if ac[i].Document != bc[i].Document || ac[i].Rank != bc[i].Rank ||
				!reflect.DeepEqual(confgraph.Properties(ac[i].Node), confgraph.Properties(bc[i].Node)) {
				return false
			}
		}
	}
	brels := map[string]confgraph.Relationship{}
	for _, r := range b.Rels() {
		brels[r.Key()] = r
	}
	for _, r := range a.Rels() {
		o, ok := brels[r.Key()]
		if !ok || !reflect.DeepEqual(confgraph.RelProperties(r), confgraph.RelProperties(o)) {
			return false
		}
	}
	return true
}

// result is the bulk load of the corpus: every document's batch merged in
// reading order.
func (c *Corpus) result(warnings []string) *Result {
	res := &Result{Batch: confgraph.NewBatch(), Loaded: map[string]Kind{}, Warnings: warnings, Corpus: c}
	for _, n := range c.order() {
		d := c.docs[n]
		res.Warnings = append(res.Warnings, d.warns...)
		if d.err != nil {
			res.Warnings = append(res.Warnings, d.err.Error())
			continue
		}
		res.Batch.Merge(d.batch)
		res.Loaded[n] = d.p.kind
	}
	return res
}

// Clone returns a copy of the corpus that changes without changing c.
func (c *Corpus) Clone() *Corpus {
	out := &Corpus{w: c.w, docs: make(map[string]*corpusDoc, len(c.docs))}
	for n, d := range c.docs {
		cp := *d
		out.docs[n] = &cp
	}
	// The copies hold the same batches, so the kept index still covers
	// them; it is never added to, only copied.
	out.prefix = c.prefix
	return out
}

// Batch returns what document name says in the corpus: an empty batch
// when it is not there or did not load.
func (c *Corpus) Batch(name string) *confgraph.Batch {
	if d := c.docs[name]; d != nil && d.batch != nil {
		return d.batch
	}
	return confgraph.NewBatch()
}
