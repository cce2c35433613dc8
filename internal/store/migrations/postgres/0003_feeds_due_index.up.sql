-- The poll scheduler asks for feeds whose next poll is due.
CREATE INDEX feeds_next_poll ON feeds (next_poll_at);
