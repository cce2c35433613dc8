package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"aloud/internal/lexicon"
)

// LexiconChange is one recorded change to a publication's lexicon.
type LexiconChange struct {
	ID       string
	EntryID  string
	APIKeyID string // the key that made the change; "" for the system
	Action   string // create, update, delete
	Term     string
	Before   *lexicon.Entry // nil when created
	After    *lexicon.Entry // nil when deleted
	At       time.Time
}

const changeCols = `id, entry_id, api_key_id, action, term, before_entry, after_entry, changed_at`

// recordLexiconChange appends to the history; before and after are nil
// for a creation and a deletion.
func (c conn) recordLexiconChange(ctx context.Context, publicationID, entryID, apiKeyID, action string, before, after *lexicon.Entry) error {
	term := ""
	if after != nil {
		term = after.Term
	} else if before != nil {
		term = before.Term
	}
	_, err := c.exec(ctx, `INSERT INTO lexicon_changes (publication_id, `+changeCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		publicationID, newID("lxc"), entryID, apiKeyID, action, term, entryJSON(before), entryJSON(after), ms(now()))
	if err != nil {
		return fmt.Errorf("record lexicon change: %w", err)
	}
	return nil
}

// LexiconChanges returns up to limit changes, newest first, after cursor
// ("" for the first page), and the next page's cursor ("" at the end).
func (c conn) LexiconChanges(ctx context.Context, publicationID string, limit int, cursor string) ([]LexiconChange, string, error) {
	if limit <= 0 {
		limit = 50
	}
	before, _, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", fmt.Errorf("lexicon changes: %w", err)
	}
	rows, err := c.query(ctx, `SELECT seq, `+changeCols+` FROM lexicon_changes WHERE publication_id = ? AND seq < ?
		ORDER BY seq DESC LIMIT ?`, publicationID, before, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("lexicon changes: %w", err)
	}
	defer rows.Close()
	var out []LexiconChange
	var seqs []int64
	for rows.Next() {
		ch, seq, err := scanChange(rows)
		if err != nil {
			return nil, "", fmt.Errorf("lexicon changes: %w", err)
		}
		out, seqs = append(out, ch), append(seqs, seq)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("lexicon changes: %w", err)
	}
	if len(out) <= limit {
		return out, "", nil
	}
	return out[:limit], encodeCursor(seqs[limit-1], ""), nil
}

func scanChange(row rowScanner) (LexiconChange, int64, error) {
	var ch LexiconChange
	var before, after string
	var at, seq int64
	if err := row.Scan(&seq, &ch.ID, &ch.EntryID, &ch.APIKeyID, &ch.Action, &ch.Term, &before, &after, &at); err != nil {
		return LexiconChange{}, 0, err
	}
	ch.At = fromMS(at)
	if err := parseEntryJSON(before, &ch.Before); err != nil {
		return LexiconChange{}, 0, err
	}
	return ch, seq, parseEntryJSON(after, &ch.After)
}

// parseEntryJSON decodes a history column into *dst; "" leaves it nil
// (no entry before a creation or after a deletion).
func parseEntryJSON(s string, dst **lexicon.Entry) error {
	if s == "" {
		return nil
	}
	var e lexicon.Entry
	if err := json.Unmarshal([]byte(s), &e); err != nil {
		return fmt.Errorf("decode lexicon change: %w", err)
	}
	*dst = &e
	return nil
}

// importPlan is what an import does to the stored entries.
type importPlan struct {
	insert []lexicon.Entry
	update []updatePlan
	remove []LexiconEntry
	result []lexicon.Entry
}

type updatePlan struct {
	old LexiconEntry
	e   lexicon.Entry
}

// planImport matches imported entries to stored ones by term and
// language; without merge, stored entries not in the file are removed.
func planImport(all []LexiconEntry, entries []lexicon.Entry, merge bool) importPlan {
	byKey := make(map[string]LexiconEntry, len(all))
	for _, e := range all {
		byKey[e.Key()] = e
	}
	var p importPlan
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Key()] = true
		old, ok := byKey[e.Key()]
		switch {
		case !ok:
			p.insert = append(p.insert, e)
		case old.Entry != e:
			p.update = append(p.update, updatePlan{old: old, e: e})
		}
		p.result = append(p.result, e)
	}
	for _, old := range all {
		if seen[old.Key()] {
			continue
		}
		if merge {
			p.result = append(p.result, old.Entry)
		} else {
			p.remove = append(p.remove, old)
		}
	}
	return p
}

func (c conn) applyImport(ctx context.Context, publicationID, apiKeyID string, p importPlan) error {
	for _, old := range p.remove {
		if _, err := c.exec(ctx, `DELETE FROM lexicon_entries WHERE id = ?`, old.ID); err != nil {
			return err
		}
		if err := c.recordLexiconChange(ctx, publicationID, old.ID, apiKeyID, "delete", &old.Entry, nil); err != nil {
			return err
		}
	}
	t := now()
	for _, u := range p.update {
		kind, value := kindValue(u.e)
		if _, err := c.exec(ctx, `UPDATE lexicon_entries SET term = ?, match_rule = ?, case_rule = ?, kind = ?, value = ?, updated_at = ?
			WHERE id = ?`, u.e.Term, string(u.e.Match), string(u.e.Case), kind, value, ms(t), u.old.ID); err != nil {
			return err
		}
		if err := c.recordLexiconChange(ctx, publicationID, u.old.ID, apiKeyID, "update", &u.old.Entry, &u.e); err != nil {
			return err
		}
	}
	for _, e := range p.insert {
		le := LexiconEntry{ID: newID("lex"), PublicationID: publicationID, Entry: e, CreatedAt: t, UpdatedAt: t}
		if err := c.insertLexiconEntry(ctx, le); err != nil {
			return err
		}
		if err := c.recordLexiconChange(ctx, publicationID, le.ID, apiKeyID, "create", nil, &e); err != nil {
			return err
		}
	}
	return nil
}
