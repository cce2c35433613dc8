package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"aloud/internal/lexicon"
)

// LexiconEntry is a stored lexicon entry of one publication.
type LexiconEntry struct {
	ID            string
	PublicationID string
	lexicon.Entry
	CreatedAt time.Time
	UpdatedAt time.Time
}

// LexiconState is a publication's lexicon revision (a change counter) and
// version (lexicon.Version of its own entries, "0" when it has none).
type LexiconState struct {
	Revision  int64
	Version   string
	UpdatedAt time.Time
}

const lexiconCols = `id, publication_id, term, lang, match_rule, case_rule, kind, value, created_at, updated_at`

// LexiconEntry returns one entry; another publication's is ErrNotFound.
func (c conn) LexiconEntry(ctx context.Context, publicationID, id string) (LexiconEntry, error) {
	row := c.queryRow(ctx, `SELECT `+lexiconCols+` FROM lexicon_entries WHERE id = ? AND publication_id = ?`, id, publicationID)
	e, err := scanLexiconEntry(row)
	if err != nil {
		return LexiconEntry{}, fmt.Errorf("lexicon entry %s: %w", id, err)
	}
	return e, nil
}

// AllLexiconEntries returns every entry of the publication ordered by
// term: what the renderer compiles and the exports write.
func (c conn) AllLexiconEntries(ctx context.Context, publicationID string) ([]LexiconEntry, error) {
	rows, err := c.query(ctx, `SELECT `+lexiconCols+` FROM lexicon_entries WHERE publication_id = ? ORDER BY term_key, lang, id`, publicationID)
	if err != nil {
		return nil, fmt.Errorf("list lexicon: %w", err)
	}
	return collectLexicon(rows)
}

// SearchLexicon returns up to limit entries whose term contains search
// (case-insensitive; "" = all), ordered by term, after the cursor of the
// previous page ("" for the first), with the next page's cursor ("" at
// the end).
func (c conn) SearchLexicon(ctx context.Context, publicationID, search string, limit int, cursor string) ([]LexiconEntry, string, error) {
	if limit <= 0 {
		limit = 50
	}
	afterKey, afterID, err := decodeLexiconCursor(cursor)
	if err != nil {
		return nil, "", fmt.Errorf("search lexicon: %w", err)
	}
	pattern := "%" + escapeLike(lexicon.TermKey(search)) + "%"
	rows, err := c.query(ctx, `SELECT `+lexiconCols+` FROM lexicon_entries
		WHERE publication_id = ? AND term_key LIKE ? ESCAPE '\'
		AND (term_key > ? OR (term_key = ? AND id > ?))
		ORDER BY term_key, id LIMIT ?`, publicationID, pattern, afterKey, afterKey, afterID, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("search lexicon: %w", err)
	}
	out, err := collectLexicon(rows)
	if err != nil || len(out) <= limit {
		return out, "", err
	}
	out = out[:limit]
	last := out[limit-1]
	return out, base64.RawURLEncoding.EncodeToString([]byte(lexicon.TermKey(last.Term) + "\x00" + last.ID)), nil
}

func decodeLexiconCursor(cursor string) (string, string, error) {
	if cursor == "" {
		return "", "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	key, id, ok := strings.Cut(string(b), "\x00")
	if err != nil || !ok {
		return "", "", ErrBadCursor
	}
	return key, id, nil
}

// LexiconState returns the publication's lexicon revision and version;
// a publication whose lexicon never changed has revision 0, version "0".
func (c conn) LexiconState(ctx context.Context, publicationID string) (LexiconState, error) {
	var st LexiconState
	var at int64
	err := c.queryRow(ctx, `SELECT revision, version, updated_at FROM lexicon_state WHERE publication_id = ?`, publicationID).
		Scan(&st.Revision, &st.Version, &at)
	if err == sql.ErrNoRows {
		return LexiconState{Version: "0"}, nil
	}
	if err != nil {
		return LexiconState{}, fmt.Errorf("lexicon state: %w", err)
	}
	st.UpdatedAt = fromMS(at)
	return st, nil
}

func collectLexicon(rows *sql.Rows) ([]LexiconEntry, error) {
	defer rows.Close()
	var out []LexiconEntry
	for rows.Next() {
		e, err := scanLexiconEntry(rows)
		if err != nil {
			return nil, fmt.Errorf("list lexicon: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list lexicon: %w", err)
	}
	return out, nil
}

func scanLexiconEntry(row rowScanner) (LexiconEntry, error) {
	var e LexiconEntry
	var match, cs, kind, value string
	var created, updated int64
	if err := row.Scan(&e.ID, &e.PublicationID, &e.Term, &e.Lang, &match, &cs, &kind, &value, &created, &updated); err != nil {
		return LexiconEntry{}, notFound(err)
	}
	e.Match, e.Case = lexicon.Match(match), lexicon.Case(cs)
	switch lexicon.Kind(kind) {
	case lexicon.KindSay:
		e.Say = value
	case lexicon.KindPhonemes:
		e.Phonemes = value
	case lexicon.KindSpell:
		e.Spell = true
	case lexicon.KindAsWord:
		e.AsWord = true
	}
	e.CreatedAt, e.UpdatedAt = fromMS(created), fromMS(updated)
	return e, nil
}

// kindValue is how an entry's action is stored.
func kindValue(e lexicon.Entry) (string, string) {
	k := e.Kind()
	switch k {
	case lexicon.KindSay:
		return string(k), e.Say
	case lexicon.KindPhonemes:
		return string(k), e.Phonemes
	}
	return string(k), ""
}

// escapeLike makes s match literally inside a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// entryJSON is the history's form of an entry: the API's JSON, or "" for
// no entry.
func entryJSON(e *lexicon.Entry) string {
	if e == nil {
		return ""
	}
	b, _ := json.Marshal(e) // plain strings and bools cannot fail
	return string(b)
}
