-- The listener's side: publication settings the article page and the
-- player honour, listener feedback, and listening counts (aggregates only).
ALTER TABLE publications ADD COLUMN slug TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN default_language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE publications ADD COLUMN disclosure_position TEXT NOT NULL DEFAULT 'start';
ALTER TABLE publications ADD COLUMN disclosure_text TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN more_info_url TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN feedback_enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE publications ADD COLUMN accent_color TEXT NOT NULL DEFAULT '';

-- Existing publications get the slug rule of store.Slug (lower case,
-- spaces as hyphens); a clash keeps the older one's and suffixes the ID.
UPDATE publications SET slug = lower(replace(trim(name), ' ', '-'));
UPDATE publications SET slug = slug || '-' || id
    WHERE EXISTS (SELECT 1 FROM publications p2 WHERE p2.slug = publications.slug AND p2.id < publications.id);
CREATE UNIQUE INDEX publications_slug ON publications (slug);

CREATE TABLE feedback (
    id             TEXT PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    at_ms          BIGINT NOT NULL DEFAULT 0,
    sentence       TEXT NOT NULL DEFAULT '',
    client_hash    TEXT NOT NULL DEFAULT '',
    dedupe_key     TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    UNIQUE (article_id, dedupe_key)
);
CREATE INDEX feedback_article_created ON feedback (article_id, created_at DESC, id DESC);

-- One counter per article and metric (plays, milestones, reach per tenth,
-- speed changes); a beacon is one upsert, and no row names a listener.
CREATE TABLE listen_counts (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    metric     TEXT NOT NULL,
    n          BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, metric)
);
