// Package ingest adds documents to a running graph: it runs the loaders on
// the document, keeps the document (for the embedded store, in a data
// directory, so that it survives a restart) and replaces in the store what
// the document said before.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders"
)

// Service adds documents. It is safe for concurrent use; additions run one
// at a time.
type Service struct {
	World *loaders.World
	Store interface {
		confgraph.Store
		confgraph.DocumentReplacer
	}
	// Dir, when set, keeps every added document as a file, written
	// durably before the addition is acknowledged.
	Dir string
	// Corpus, when set, holds the documents the store's graph was loaded
	// from (loaders.Result.Corpus). An addition or a removal then also
	// replaces what the documents read after the changed one say, when
	// the change changes it, so the graph stays the bulk load of its
	// documents whatever order they came in. Without it only the changed
	// document is read again, against the graph the store holds.
	Corpus *loaders.Corpus
	// Shared, when set, is a store that keeps the documents' texts for
	// every server that reads it (Neo4j, perhaps behind several
	// servers): before each change the Service brings Corpus up to the
	// documents the store keeps (reading them all at the first change),
	// and writes the change with the changed document's text as one
	// step, which is read and tried again when another server changed
	// the documents in between. When the store holds documents whose
	// text it does not keep, a change is read against the graph.
	Shared confgraph.SourceKeeper

	mu sync.Mutex
	// version and digests are the kept documents Corpus was brought up
	// to (with Shared).
	version int64
	digests map[string]string
}

// sharedTries bounds how often a change is read again because other
// servers changed the documents while it was being written.
const sharedTries = 5

var nameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$`)

// MaxDocumentBytes bounds an added document, as it bounds a document of
// the corpus.
const MaxDocumentBytes = loaders.MaxDocumentBytes

// Add loads one document into the graph, replacing what a document of the
// same name said before.
func (s *Service) Add(ctx context.Context, name string, text []byte) (*confgraph.AddResult, error) {
	if !nameRe.MatchString(name) {
		return nil, confgraph.Errorf(confgraph.EINVALID, "document name %q: use 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit", name)
	}
	if len(text) > MaxDocumentBytes {
		return nil, confgraph.Errorf(confgraph.EINVALID, "document %s is larger than %d bytes", name, MaxDocumentBytes)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Shared != nil {
		return s.addShared(ctx, name, text)
	}
	b, kind, warns, changes, next, err := s.read(ctx, name, text)
	if err != nil {
		return nil, err
	}
	// Write ahead, then commit or roll back the file: the document is kept
	// under its name only once the store has accepted it, so a rejected or
	// timed-out addition leaves no trace and the previous version stays.
	var pending string
	if s.Dir != "" {
		pending = filepath.Join(s.Dir, pendingPrefix+name)
		if err := writeDurably(pending, text); err != nil {
			return nil, fmt.Errorf("ingest: keep %s: %w", name, err)
		}
	}
	if err := s.apply(ctx, changes); err != nil {
		if pending != "" {
			os.Remove(pending)
		}
		return nil, err
	}
	if next != nil {
		s.Corpus = next
	}
	if pending != "" {
		if err := commit(pending, filepath.Join(s.Dir, name)); err != nil {
			return nil, fmt.Errorf("ingest: keep %s: %w", name, err)
		}
	}
	return addResult(name, b, kind, warns), nil
}

func addResult(name string, b *confgraph.Batch, kind loaders.Kind, warns []string) *confgraph.AddResult {
	nodes, rels := b.Len()
	if warns == nil {
		warns = []string{}
	}
	return &confgraph.AddResult{Name: name, Kind: string(kind), Warnings: warns, Nodes: nodes, Relationships: rels}
}

// read reads document name's new text: what it says, and the documents
// whose batch that changes, with the corpus after the change (nil without
// s.Corpus, when the document is read against the graph the store holds).
func (s *Service) read(ctx context.Context, name string, text []byte) (b *confgraph.Batch, kind loaders.Kind, warns []string, changes []loaders.Change, next *loaders.Corpus, err error) {
	if s.Corpus != nil {
		next = s.Corpus.Clone()
		changes, kind, warns, err = next.Set(name, text)
		if err != nil {
			return nil, "", nil, nil, nil, confgraph.Errorf(confgraph.EINVALID, "%v", err)
		}
		return next.Batch(name), kind, warns, changes, next, nil
	}
	known, err := s.Store.Dump(ctx)
	if err != nil {
		return nil, "", nil, nil, nil, err
	}
	b, kind, warns, err = s.World.LoadDocumentKnown(name, text, known)
	if err != nil {
		return nil, "", nil, nil, nil, confgraph.Errorf(confgraph.EINVALID, "%v", err)
	}
	return b, kind, warns, []loaders.Change{{Name: name, Batch: b}}, nil, nil
}

// addShared is Add with s.Shared: the change is read against the kept
// documents and written with the document's text as one step, read again
// when other servers changed the documents in between.
func (s *Service) addShared(ctx context.Context, name string, text []byte) (*confgraph.AddResult, error) {
	var res *confgraph.AddResult
	err := s.changeShared(ctx, name, text, func() ([]loaders.Change, *loaders.Corpus, *confgraph.Batch, error) {
		b, kind, warns, changes, next, err := s.read(ctx, name, text)
		if err == nil {
			res = addResult(name, b, kind, warns)
		}
		return changes, next, b, err
	})
	return res, err
}

// removeShared is Remove with s.Shared.
func (s *Service) removeShared(ctx context.Context, name string) error {
	return s.changeShared(ctx, name, nil, func() ([]loaders.Change, *loaders.Corpus, *confgraph.Batch, error) {
		if s.Corpus == nil {
			return []loaders.Change{{Name: name, Batch: confgraph.NewBatch()}}, nil, confgraph.NewBatch(), nil
		}
		next := s.Corpus.Clone()
		return next.Remove(name), next, confgraph.NewBatch(), nil
	})
}

// changeShared makes one change to the documents s.Shared keeps: it brings
// s.Corpus up to them, reads the change (read: the changed documents, the
// corpus after it and what document name says now) and writes it with
// name's text (nil: forgotten) as one step, reading it again when other
// servers changed the documents in between.
func (s *Service) changeShared(ctx context.Context, name string, text []byte, read func() ([]loaders.Change, *loaders.Corpus, *confgraph.Batch, error)) error {
	for range sharedTries {
		if err := s.syncShared(ctx); err != nil {
			return err
		}
		changes, next, b, err := read()
		if err != nil {
			return err
		}
		err = s.Shared.ApplyDocuments(ctx, s.version, sharedChanges(changes, name, text, b))
		if errors.Is(err, confgraph.ErrSourcesMoved) {
			continue
		}
		if err != nil {
			return err
		}
		s.applied(next, name, text)
		return nil
	}
	return confgraph.ErrSourcesMoved
}

// sharedChanges turns the changed documents into the store's changes,
// document name's first with its text to keep (nil: forget it), even when
// what it says did not change.
func sharedChanges(changes []loaders.Change, name string, text []byte, b *confgraph.Batch) []confgraph.DocumentChange {
	out := []confgraph.DocumentChange{{Name: name, Batch: b, Keep: true, Text: text}}
	for _, ch := range changes {
		if ch.Name != name {
			out = append(out, confgraph.DocumentChange{Name: ch.Name, Batch: ch.Batch})
		}
	}
	return out
}

// applied notes a change the shared store accepted: the version moved on
// by one, with name's text (nil: removed).
func (s *Service) applied(next *loaders.Corpus, name string, text []byte) {
	s.version++
	if next == nil {
		return
	}
	s.Corpus = next
	if text == nil {
		delete(s.digests, name)
	} else {
		s.digests[name] = confgraph.SourceDigest(text)
	}
}

// Sync reads the documents s.Shared keeps ahead of the first change, as
// a server does when it starts, and says which documents say something
// without a kept text (changes are then read against the graph).
func (s *Service) Sync(ctx context.Context) (unkept []string, err error) {
	if s.Shared == nil {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.syncShared(ctx); err != nil {
		return nil, err
	}
	if s.Corpus == nil {
		set, err := s.Shared.Sources(ctx)
		if err != nil {
			return nil, err
		}
		return set.Unkept, nil
	}
	return nil, nil
}

// syncShared brings s.Corpus up to the documents s.Shared keeps: every
// kept text is read at the first change, after that only those another
// server changed. When the store holds documents whose text it does not
// keep, s.Corpus is nil and changes are read against the graph.
func (s *Service) syncShared(ctx context.Context) error {
	if s.Corpus != nil {
		// The version alone says whether anything changed.
		v, err := s.Shared.SourceVersion(ctx)
		if err != nil || v == s.version {
			return err
		}
	}
	set, err := s.Shared.Sources(ctx)
	if err != nil {
		return err
	}
	if len(set.Unkept) > 0 {
		s.Corpus, s.digests, s.version = nil, nil, set.Version
		return nil
	}
	if s.Corpus != nil && s.version == set.Version {
		return nil
	}
	var want []string
	for n, d := range set.Digests {
		if s.Corpus == nil || s.digests[n] != d {
			want = append(want, n)
		}
	}
	sort.Strings(want)
	texts, err := s.Shared.SourceTexts(ctx, want)
	if err != nil {
		return err
	}
	for _, n := range want {
		if texts[n] == nil {
			// Forgotten since the set was read: read it all again.
			return confgraph.ErrSourcesMoved
		}
	}
	if s.Corpus == nil {
		s.Corpus = s.World.Load(texts).Corpus
	} else {
		next := s.Corpus.Clone()
		for n := range s.digests {
			if _, ok := set.Digests[n]; !ok {
				next.Remove(n)
			}
		}
		for _, n := range want {
			// A kept document that does not load stays out, as a
			// bulk load leaves it out.
			next.Set(n, texts[n])
		}
		s.Corpus = next
	}
	s.digests, s.version = set.Digests, set.Version
	return nil
}

// Remove retracts everything document name said and forgets the kept
// file: the graph is then what the other documents say. Removing a
// document that was never added changes nothing. As with an addition, the
// file is set aside first (under a name ReadDir skips), put back when the
// store refuses the removal and deleted once the store has accepted it;
// after a crash in between, Recover puts it back, since the removal was
// never acknowledged.
func (s *Service) Remove(ctx context.Context, name string) error {
	if !nameRe.MatchString(name) {
		return confgraph.Errorf(confgraph.EINVALID, "document name %q: use 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Shared != nil {
		return s.removeShared(ctx, name)
	}
	changes := []loaders.Change{{Name: name, Batch: confgraph.NewBatch()}}
	var next *loaders.Corpus
	if s.Corpus != nil {
		next = s.Corpus.Clone()
		changes = next.Remove(name)
	}
	var path, aside string
	if s.Dir != "" {
		path, aside = filepath.Join(s.Dir, name), filepath.Join(s.Dir, removingPrefix+name)
		switch err := commit(path, aside); {
		case errors.Is(err, os.ErrNotExist):
			aside = "" // nothing kept under that name
		case err != nil:
			return fmt.Errorf("ingest: forget %s: %w", name, err)
		}
	}
	if err := s.apply(ctx, changes); err != nil {
		if aside != "" {
			if rerr := commit(aside, path); rerr != nil {
				return errors.Join(err, fmt.Errorf("ingest: keep %s: %w", name, rerr))
			}
		}
		return err
	}
	if aside != "" {
		if err := os.Remove(aside); err != nil {
			// The removal cannot be made durable: give the store back
			// what the document said, and the file its name.
			err = fmt.Errorf("ingest: forget %s: %w", name, err)
			if uerr := s.undo(ctx, changes, len(changes)); uerr != nil {
				err = errors.Join(err, uerr)
			}
			if rerr := commit(aside, path); rerr != nil {
				err = errors.Join(err, fmt.Errorf("ingest: keep %s: %w", name, rerr))
			}
			return err
		}
	}
	if next != nil {
		s.Corpus = next
	}
	return nil
}

// apply replaces in the store what each changed document says, in order.
// When one is refused, those replaced before it get back what they said
// before (from s.Corpus), so the store is left as it was.
func (s *Service) apply(ctx context.Context, changes []loaders.Change) error {
	for i, ch := range changes {
		err := s.Store.ReplaceDocument(ctx, ch.Name, ch.Batch)
		if err == nil {
			continue
		}
		return errors.Join(err, s.undo(ctx, changes, i))
	}
	return nil
}

// undo gives the first n changed documents back what they said before,
// from s.Corpus (without it there is nothing to give back), in reverse
// order, without the request's deadline, which may be what refused the
// change.
func (s *Service) undo(ctx context.Context, changes []loaders.Change, n int) error {
	if s.Corpus == nil {
		return nil
	}
	undo := context.WithoutCancel(ctx)
	for j := n - 1; j >= 0; j-- {
		if err := s.Store.ReplaceDocument(undo, changes[j].Name, s.Corpus.Batch(changes[j].Name)); err != nil {
			return fmt.Errorf("ingest: undoing %s: %w", changes[j].Name, err)
		}
	}
	return nil
}

// pendingPrefix names a document written ahead of the store's answer, and
// removingPrefix one set aside while the store removes it; the name rule
// for documents never starts with a dot, so ReadDir ignores both.
const (
	pendingPrefix  = ".pending-"
	removingPrefix = ".removing-"
)

// commit renames a written-ahead document to its name, durably.
func commit(pending, path string) error {
	if err := os.Rename(pending, path); err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Recover undoes the changes to a data directory a crash left between the
// file and the store's answer, none of which was acknowledged: a document
// written ahead of an addition is deleted, one set aside for a removal is
// put back. The directory's named documents are then the consistent state
// to start from.
func Recover(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), pendingPrefix):
			if err := os.Remove(p); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), removingPrefix):
			kept := filepath.Join(dir, strings.TrimPrefix(e.Name(), removingPrefix))
			if _, err := os.Stat(kept); err == nil {
				// Kept again since: the newer file stays.
				if err := os.Remove(p); err != nil {
					return err
				}
			} else if err := commit(p, kept); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeDurably writes a file so that after a crash it holds either the
// old or the new content: a temporary file, synced, renamed over, and the
// directory synced.
func writeDurably(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// ReadDir returns the documents kept in a data directory, by name.
func ReadDir(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return map[string][]byte{}, nil
	}
	if err != nil {
		return nil, err
	}
	docs := map[string][]byte{}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && nameRe.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		docs[n] = b
	}
	return docs, nil
}
