package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"
)

// APIKey is a bearer key's record. The key itself is never stored: only
// its SHA-256, so a database leak does not leak working keys.
type APIKey struct {
	ID            string
	PublicationID string
	Name          string
	CreatedAt     time.Time
	RevokedAt     time.Time // zero while the key works
}

const apiKeyCols = `id, publication_id, name, created_at, revoked_at`

// HashKey is how a bearer key is stored and looked up.
func HashKey(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// newSecret is a random 256-bit key, URL-safe, with a recognisable prefix
// so that secret scanners can find leaked keys.
func newSecret() string {
	var b [32]byte
	rand.Read(b[:]) // never fails (crypto/rand since Go 1.24)
	return "aloud_" + base64.RawURLEncoding.EncodeToString(b[:])
}

// CreateAPIKey makes a new key for the publication and returns it with the
// secret, which is shown once and never again.
func (c conn) CreateAPIKey(ctx context.Context, publicationID, name string) (APIKey, string, error) {
	k := APIKey{ID: newID("key"), PublicationID: publicationID, Name: name, CreatedAt: now()}
	secret := newSecret()
	_, err := c.exec(ctx, `INSERT INTO api_keys (id, publication_id, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
		k.ID, k.PublicationID, k.Name, HashKey(secret), ms(k.CreatedAt))
	if err != nil {
		return APIKey{}, "", fmt.Errorf("create api key: %w", err)
	}
	return k, secret, nil
}

// APIKeyBySecret returns the unrevoked key whose secret this is, or
// ErrNotFound.
func (c conn) APIKeyBySecret(ctx context.Context, secret string) (APIKey, error) {
	row := c.queryRow(ctx, `SELECT `+apiKeyCols+` FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`, HashKey(secret))
	k, err := scanAPIKey(row)
	if err != nil {
		return APIKey{}, fmt.Errorf("api key: %w", err)
	}
	return k, nil
}

// ListAPIKeys returns the publication's keys, oldest first.
func (c conn) ListAPIKeys(ctx context.Context, publicationID string) ([]APIKey, error) {
	rows, err := c.query(ctx, `SELECT `+apiKeyCols+` FROM api_keys WHERE publication_id = ? ORDER BY created_at, id`, publicationID)
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	defer rows.Close()
	var out []APIKey
	for rows.Next() {
		k, err := scanAPIKey(rows)
		if err != nil {
			return nil, fmt.Errorf("list api keys: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	return out, nil
}

// RevokeAPIKey stops a key from working. Another publication's key is
// ErrNotFound.
func (c conn) RevokeAPIKey(ctx context.Context, publicationID, id string) error {
	res, err := c.exec(ctx, `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND publication_id = ? AND revoked_at IS NULL`,
		ms(now()), id, publicationID)
	return affectedOne(res, err, "revoke api key "+id)
}

func scanAPIKey(row rowScanner) (APIKey, error) {
	var k APIKey
	var created int64
	var revoked sql.NullInt64
	if err := row.Scan(&k.ID, &k.PublicationID, &k.Name, &created, &revoked); err != nil {
		return APIKey{}, notFound(err)
	}
	k.CreatedAt = fromMS(created)
	if revoked.Valid {
		k.RevokedAt = fromMS(revoked.Int64)
	}
	return k, nil
}
