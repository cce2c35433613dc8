-- Times are Unix milliseconds (BIGINT) in both dialects so that scanning is
-- identical; SQLite has no native timestamp type.
CREATE TABLE publications (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    more_info      TEXT NOT NULL DEFAULT '',
    default_voices TEXT NOT NULL DEFAULT '{}',
    created_at     BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id             TEXT PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    name           TEXT NOT NULL DEFAULT '',
    key_hash       TEXT NOT NULL UNIQUE,
    created_at     BIGINT NOT NULL,
    revoked_at     BIGINT
);

CREATE TABLE articles (
    id                 TEXT PRIMARY KEY,
    publication_id     TEXT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    status             TEXT NOT NULL,
    error              TEXT NOT NULL DEFAULT '',
    voice              TEXT NOT NULL DEFAULT '',
    language           TEXT NOT NULL DEFAULT '',
    input              TEXT NOT NULL DEFAULT '',
    idempotency_key    TEXT,
    current_version_id TEXT,
    live_rendition_id  TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    UNIQUE (publication_id, idempotency_key)
);
CREATE INDEX articles_publication_created ON articles (publication_id, created_at DESC, id DESC);

CREATE TABLE article_versions (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    content      TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    UNIQUE (article_id, content_hash)
);

CREATE TABLE renditions (
    id              TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version_id      TEXT NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
    rendition_key   TEXT NOT NULL,
    voice           TEXT NOT NULL,
    lexicon_version TEXT NOT NULL,
    status          TEXT NOT NULL,
    error           TEXT NOT NULL DEFAULT '',
    files           TEXT NOT NULL DEFAULT '{}',
    timeline_key    TEXT NOT NULL DEFAULT '',
    duration_ms     BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (article_id, rendition_key)
);

CREATE TABLE feeds (
    id             TEXT PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    url            TEXT NOT NULL,
    etag           TEXT NOT NULL DEFAULT '',
    last_modified  TEXT NOT NULL DEFAULT '',
    interval_ms    BIGINT NOT NULL,
    failures       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT NOT NULL DEFAULT '',
    last_polled_at BIGINT,
    next_poll_at   BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    UNIQUE (publication_id, url)
);

CREATE TABLE feed_items (
    feed_id    TEXT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid       TEXT NOT NULL,
    article_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (feed_id, guid)
);
