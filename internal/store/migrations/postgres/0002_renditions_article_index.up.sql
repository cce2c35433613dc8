-- Renditions are looked up by article (status, GC of blobs) far more often
-- than by key alone.
CREATE INDEX renditions_article ON renditions (article_id, created_at);
