package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"aloud/internal/lexicon"
)

// Lexicon writes run in one transaction each: they lock the publication's
// lexicon_state row first (serializing writers on PostgreSQL; SQLite has
// one writer anyway), load every entry, validate the resulting lexicon as
// a whole (duplicates, loops: a *lexicon.Error), write, record the change
// with the API key that made it, and bump the revision and version.

// CreateLexiconEntry adds an entry (its defaults filled in). A refused
// entry is a *lexicon.Error (ErrInvalid, ErrDuplicate, ErrLoop).
func (s *Store) CreateLexiconEntry(ctx context.Context, publicationID, apiKeyID string, e lexicon.Entry) (LexiconEntry, error) {
	e = e.WithDefaults()
	var out LexiconEntry
	err := s.lexiconTx(ctx, publicationID, func(tx *Tx, all []LexiconEntry) ([]lexicon.Entry, error) {
		next := append(entriesOf(all), e)
		out = LexiconEntry{ID: newID("lex"), PublicationID: publicationID, Entry: e, CreatedAt: now()}
		out.UpdatedAt = out.CreatedAt
		if err := lexicon.ValidateSet(next); err != nil {
			return nil, err
		}
		if err := tx.insertLexiconEntry(ctx, out); err != nil {
			return nil, err
		}
		return next, tx.recordLexiconChange(ctx, publicationID, out.ID, apiKeyID, "create", nil, &e)
	})
	if err != nil {
		return LexiconEntry{}, fmt.Errorf("create lexicon entry: %w", err)
	}
	return out, nil
}

// UpdateLexiconEntry replaces entry id; another publication's entry is
// ErrNotFound.
func (s *Store) UpdateLexiconEntry(ctx context.Context, publicationID, apiKeyID, id string, e lexicon.Entry) (LexiconEntry, error) {
	e = e.WithDefaults()
	var out LexiconEntry
	err := s.lexiconTx(ctx, publicationID, func(tx *Tx, all []LexiconEntry) ([]lexicon.Entry, error) {
		i := indexOfEntry(all, id)
		if i < 0 {
			return nil, errNotFound
		}
		before := all[i].Entry
		next := entriesOf(all)
		next[i] = e
		if err := lexicon.ValidateSet(next); err != nil {
			return nil, err
		}
		out = all[i]
		out.Entry, out.UpdatedAt = e, now()
		kind, value := kindValue(e)
		_, err := tx.exec(ctx, `UPDATE lexicon_entries SET term = ?, term_key = ?, lang = ?, match_rule = ?, case_rule = ?,
			kind = ?, value = ?, updated_at = ? WHERE id = ? AND publication_id = ?`,
			e.Term, lexicon.TermKey(e.Term), e.Lang, string(e.Match), string(e.Case), kind, value, ms(out.UpdatedAt), id, publicationID)
		if err != nil {
			return nil, uniqueConflict(err)
		}
		return next, tx.recordLexiconChange(ctx, publicationID, id, apiKeyID, "update", &before, &e)
	})
	if err != nil {
		return LexiconEntry{}, fmt.Errorf("update lexicon entry %s: %w", id, err)
	}
	return out, nil
}

// DeleteLexiconEntry removes entry id and returns what it was.
func (s *Store) DeleteLexiconEntry(ctx context.Context, publicationID, apiKeyID, id string) (LexiconEntry, error) {
	var gone LexiconEntry
	err := s.lexiconTx(ctx, publicationID, func(tx *Tx, all []LexiconEntry) ([]lexicon.Entry, error) {
		i := indexOfEntry(all, id)
		if i < 0 {
			return nil, errNotFound
		}
		gone = all[i]
		if _, err := tx.exec(ctx, `DELETE FROM lexicon_entries WHERE id = ? AND publication_id = ?`, id, publicationID); err != nil {
			return nil, err
		}
		next := entriesOf(append(all[:i:i], all[i+1:]...))
		return next, tx.recordLexiconChange(ctx, publicationID, id, apiKeyID, "delete", &gone.Entry, nil)
	})
	if err != nil {
		return LexiconEntry{}, fmt.Errorf("delete lexicon entry %s: %w", id, err)
	}
	return gone, nil
}

// ImportLexicon replaces the publication's lexicon with entries, or with
// merge adds them, an imported entry replacing a stored one with the same
// term and language. Every entry added, changed or removed is recorded.
func (s *Store) ImportLexicon(ctx context.Context, publicationID, apiKeyID string, entries []lexicon.Entry, merge bool) error {
	entries = slices.Clone(entries)
	for i := range entries {
		entries[i] = entries[i].WithDefaults()
	}
	err := s.lexiconTx(ctx, publicationID, func(tx *Tx, all []LexiconEntry) ([]lexicon.Entry, error) {
		plan := planImport(all, entries, merge)
		if err := lexicon.ValidateSet(plan.result); err != nil {
			return nil, err
		}
		return plan.result, tx.applyImport(ctx, publicationID, apiKeyID, plan)
	})
	if err != nil {
		return fmt.Errorf("import lexicon: %w", err)
	}
	return nil
}

// lexiconTx runs fn with the publication's entries inside a transaction
// that holds the lexicon_state row, then stores the new revision and the
// version of the entries fn returns.
func (s *Store) lexiconTx(ctx context.Context, publicationID string, fn func(tx *Tx, all []LexiconEntry) ([]lexicon.Entry, error)) error {
	return s.WithTx(ctx, func(tx *Tx) error {
		t := ms(now())
		var one int
		if err := tx.queryRow(ctx, `SELECT 1 FROM publications WHERE id = ?`, publicationID).Scan(&one); err != nil {
			return notFound(err)
		}
		// The upsert takes the row lock before the entries are read.
		if _, err := tx.exec(ctx, `INSERT INTO lexicon_state (publication_id, revision, version, updated_at) VALUES (?, 0, '0', ?)
			ON CONFLICT (publication_id) DO UPDATE SET revision = lexicon_state.revision`, publicationID, t); err != nil {
			return err
		}
		all, err := tx.AllLexiconEntries(ctx, publicationID)
		if err != nil {
			return err
		}
		next, err := fn(tx, all)
		if err != nil {
			return err
		}
		_, err = tx.exec(ctx, `UPDATE lexicon_state SET revision = revision + 1, version = ?, updated_at = ? WHERE publication_id = ?`,
			lexicon.Version(next), t, publicationID)
		return err
	})
}

func (c conn) insertLexiconEntry(ctx context.Context, e LexiconEntry) error {
	kind, value := kindValue(e.Entry)
	_, err := c.exec(ctx, `INSERT INTO lexicon_entries (`+lexiconCols+`, term_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.PublicationID, e.Term, e.Lang, string(e.Match), string(e.Case), kind, value,
		ms(e.CreatedAt), ms(e.UpdatedAt), lexicon.TermKey(e.Term))
	return uniqueConflict(err)
}

// uniqueConflict maps a duplicate term that slipped past validation (two
// writers on different processes of SQLite cannot, PostgreSQL holds the
// state row) to ErrConflict.
func uniqueConflict(err error) error {
	if isUniqueViolation(err) {
		return errors.Join(ErrConflict, lexicon.ErrDuplicate)
	}
	return err
}

func entriesOf(all []LexiconEntry) []lexicon.Entry {
	out := make([]lexicon.Entry, len(all))
	for i, e := range all {
		out[i] = e.Entry
	}
	return out
}

func indexOfEntry(all []LexiconEntry, id string) int {
	for i, e := range all {
		if e.ID == id {
			return i
		}
	}
	return -1
}
