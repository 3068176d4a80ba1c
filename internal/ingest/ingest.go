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

	mu sync.Mutex
}

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
	var (
		b       *confgraph.Batch
		kind    loaders.Kind
		warns   []string
		changes []loaders.Change
		next    *loaders.Corpus
		err     error
	)
	if s.Corpus != nil {
		next = s.Corpus.Clone()
		changes, kind, warns, err = next.Set(name, text)
		if err != nil {
			return nil, confgraph.Errorf(confgraph.EINVALID, "%v", err)
		}
		b = next.Batch(name)
	} else {
		known, err := s.Store.Dump(ctx)
		if err != nil {
			return nil, err
		}
		b, kind, warns, err = s.World.LoadDocumentKnown(name, text, known)
		if err != nil {
			return nil, confgraph.Errorf(confgraph.EINVALID, "%v", err)
		}
		changes = []loaders.Change{{Name: name, Batch: b}}
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
	nodes, rels := b.Len()
	if warns == nil {
		warns = []string{}
	}
	return &confgraph.AddResult{Name: name, Kind: string(kind), Warnings: warns, Nodes: nodes, Relationships: rels}, nil
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
