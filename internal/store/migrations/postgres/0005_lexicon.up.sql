-- The pronunciation lexicon of each publication. The global default
-- lexicon ships inside the binary (internal/lexicon) and is not stored.
-- kind is say | phonemes | spell | as_word; value is the respelling or the
-- IPA ('' for spell and as_word). term_key is lexicon.TermKey(term): one
-- entry per term and language.
CREATE TABLE lexicon_entries (
    id             TEXT PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    term           TEXT NOT NULL,
    term_key       TEXT NOT NULL,
    lang           TEXT NOT NULL DEFAULT '',
    match_rule     TEXT NOT NULL,
    case_rule      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '',
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (publication_id, term_key, lang)
);

-- One row per publication: revision counts changes (and its row lock
-- serializes concurrent writers on PostgreSQL, so duplicate and loop
-- checks see every committed entry); version is lexicon.Version of the
-- publication's own entries.
CREATE TABLE lexicon_state (
    publication_id TEXT PRIMARY KEY REFERENCES publications (id) ON DELETE CASCADE,
    revision       BIGINT NOT NULL,
    version        TEXT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- Every change: which API key, when, the entry before and after (JSON,
-- '' for none). No foreign key to the entry: history outlives deletion.
-- seq orders the history exactly (several changes share a millisecond).
CREATE TABLE lexicon_changes (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    publication_id TEXT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    entry_id       TEXT NOT NULL,
    api_key_id     TEXT NOT NULL DEFAULT '',
    action         TEXT NOT NULL,
    term           TEXT NOT NULL,
    before_entry   TEXT NOT NULL DEFAULT '',
    after_entry    TEXT NOT NULL DEFAULT '',
    changed_at     BIGINT NOT NULL
);
CREATE INDEX lexicon_changes_publication ON lexicon_changes (publication_id, seq DESC);

-- The words of each article's current text (lexicon.WordKeys), written at
-- render time, so that a lexicon change finds the articles containing its
-- term (lexicon.TermWords) without reading any article's text.
CREATE TABLE article_words (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    publication_id TEXT NOT NULL,
    word           TEXT NOT NULL,
    PRIMARY KEY (article_id, word)
);
CREATE INDEX article_words_lookup ON article_words (publication_id, word, article_id);
