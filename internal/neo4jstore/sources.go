package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

var _ confgraph.SourceKeeper = (*Store)(nil)

// The text of each document the graph was read from is kept on a node of
// its own, labelled sourceLabel (outside the graph's labels, never
// linked), by name, with its digest; one node labelled versionLabel
// holds the version of the set, moved on by every change to it. Every
// server sharing the database reads the documents from there, so a change
// made through one is read by all against the same documents.
const (
	sourceLabel  = "Source"
	versionLabel = "SourceVersion"
	// versionName names the one version node.
	versionName = "documents"
)

var (
	sourceSchema = []string{
		fmt.Sprintf("CREATE CONSTRAINT source_name IF NOT EXISTS FOR (s:%s) REQUIRE s.name IS UNIQUE", sourceLabel),
		fmt.Sprintf("CREATE CONSTRAINT source_version_name IF NOT EXISTS FOR (v:%s) REQUIRE v.name IS UNIQUE", versionLabel),
	}
	sourcesQuery   = fmt.Sprintf("MATCH (s:%s) RETURN s.name AS name, s.digest AS digest", sourceLabel)
	versionQuery   = fmt.Sprintf("MATCH (v:%s {name: $name}) RETURN v.version AS version", versionLabel)
	unkeptQuery    = fmt.Sprintf("MATCH (d:%s) WHERE NOT EXISTS { MATCH (s:%s {name: d.name}) } RETURN d.name AS name ORDER BY name", documentLabel, sourceLabel)
	sourceTextsQry = fmt.Sprintf("UNWIND $names AS name MATCH (s:%s {name: name}) RETURN s.name AS name, s.text AS text", sourceLabel)
	keepSourcesQry = fmt.Sprintf("UNWIND $rows AS row MERGE (s:%s {name: row.name}) SET s.text = row.text, s.digest = row.digest", sourceLabel)
	forgetSourceQ  = fmt.Sprintf("UNWIND $names AS name MATCH (s:%s {name: name}) DELETE s", sourceLabel)
	// lockVersionQuery takes the version node's write lock before
	// reading it, so that of two servers changing the documents at once
	// the second reads the version the first moved on to.
	lockVersionQuery = fmt.Sprintf("MERGE (v:%s {name: $name}) ON CREATE SET v.version = 0 SET v.locked = true RETURN v.version AS version", versionLabel)
	moveVersionQuery = fmt.Sprintf("MATCH (v:%s {name: $name}) SET v.version = v.version + 1, v.locked = false", versionLabel)
)

// Sources says which documents' texts the database keeps, the version of
// the set, and which documents say something without a kept text.
func (s *Store) Sources(ctx context.Context) (*confgraph.SourceSet, error) {
	version, err := s.SourceVersion(ctx)
	if err != nil {
		return nil, err
	}
	set := &confgraph.SourceSet{Version: version, Digests: map[string]string{}}
	recs, err := s.query(ctx, sourcesQuery, nil)
	if err != nil {
		return nil, s.fail(ctx, "sources", err)
	}
	for _, r := range recs {
		name, _ := r.Values[0].(string)
		digest, _ := r.Values[1].(string)
		set.Digests[name] = digest
	}
	recs, err = s.query(ctx, unkeptQuery, nil)
	if err != nil {
		return nil, s.fail(ctx, "sources", err)
	}
	for _, r := range recs {
		name, _ := r.Values[0].(string)
		set.Unkept = append(set.Unkept, name)
	}
	return set, nil
}

// SourceVersion returns the version of the kept documents: 0 before any
// was kept.
func (s *Store) SourceVersion(ctx context.Context) (int64, error) {
	recs, err := s.query(ctx, versionQuery, map[string]any{"name": versionName})
	if err != nil {
		return 0, s.fail(ctx, "source version", err)
	}
	var v int64
	if len(recs) == 1 {
		v, _ = recs[0].Values[0].(int64)
	}
	return v, nil
}

// SourceTexts returns the kept texts of the named documents; a name
// without a kept text is left out.
func (s *Store) SourceTexts(ctx context.Context, names []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(names))
	for chunk := range slices.Chunk(names, chunkSize) {
		recs, err := s.query(ctx, sourceTextsQry, map[string]any{"names": chunk})
		if err != nil {
			return nil, s.fail(ctx, "source texts", err)
		}
		for _, r := range recs {
			name, _ := r.Values[0].(string)
			text, ok := r.Values[1].([]byte)
			if !ok {
				return nil, s.fail(ctx, "source texts", confgraph.Errorf(confgraph.EINTERNAL, "the kept text of %s is not bytes", name))
			}
			out[name] = text
		}
	}
	return out, nil
}

// KeepSources keeps texts by document name and moves the version on.
func (s *Store) KeepSources(ctx context.Context, texts map[string][]byte) error {
	return s.writeGraph(ctx, "keep sources", func(tx neo4j.ManagedTransaction) error {
		if _, err := collect(ctx, tx, lockVersionQuery, map[string]any{"name": versionName}); err != nil {
			return err
		}
		if err := keepTexts(ctx, tx, texts, nil); err != nil {
			return err
		}
		_, err := collect(ctx, tx, moveVersionQuery, map[string]any{"name": versionName})
		return err
	})
}

// keepTexts keeps texts and forgets the documents named in forget.
func keepTexts(ctx context.Context, tx neo4j.ManagedTransaction, texts map[string][]byte, forget []string) error {
	rows := make([]any, 0, len(texts))
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		rows = append(rows, map[string]any{"name": name, "text": texts[name], "digest": confgraph.SourceDigest(texts[name])})
	}
	for chunk := range slices.Chunk(rows, chunkSize) {
		if _, err := collect(ctx, tx, keepSourcesQry, map[string]any{"rows": chunk}); err != nil {
			return err
		}
	}
	if len(forget) > 0 {
		if _, err := collect(ctx, tx, forgetSourceQ, map[string]any{"names": forget}); err != nil {
			return err
		}
	}
	return nil
}

// ApplyDocuments replaces what each changed document says, in order, and
// keeps or forgets the texts the changes carry, in one transaction, when
// the kept documents are still at version.
func (s *Store) ApplyDocuments(ctx context.Context, version int64, changes []confgraph.DocumentChange) error {
	for _, ch := range changes {
		if err := validBatch(ch.Batch); err != nil {
			return err
		}
	}
	return s.writeGraph(ctx, "apply documents", func(tx neo4j.ManagedTransaction) error {
		recs, err := collect(ctx, tx, lockVersionQuery, map[string]any{"name": versionName})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("neo4jstore: no version of the kept documents")
		}
		if v, _ := recs[0].Values[0].(int64); v != version {
			return confgraph.ErrSourcesMoved
		}
		texts := map[string][]byte{}
		var forget []string
		for _, ch := range changes {
			if err := replaceTx(ctx, tx, ch.Name, ch.Batch, ch.Batch.Nodes(), ch.Batch.Rels()); err != nil {
				return err
			}
			switch {
			case ch.Keep && ch.Text != nil:
				texts[ch.Name] = ch.Text
			case ch.Keep:
				forget = append(forget, ch.Name)
			}
		}
		if err := keepTexts(ctx, tx, texts, forget); err != nil {
			return err
		}
		_, err = collect(ctx, tx, moveVersionQuery, map[string]any{"name": versionName})
		return err
	})
}
