package jobs

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/riverqueue/river"

	"aloud/internal/article"
	"aloud/internal/lexicon"
	"aloud/internal/store"
)

// Disclosure is the spoken AI disclosure of a rendition: where it goes
// (start, end or off) and its wording ("" is the language's own line).
type Disclosure struct {
	Position string
	Text     string
}

// RenditionKey is hash(article version, voice, lexicon version, audio
// settings, disclosure): equal keys mean identical audio, so a key that
// already has a ready rendition needs no render. The text joins the hash
// only when set, so keys made before publications had their own wording
// still match.
func RenditionKey(contentHash, voice, lexiconVersion string, d Disclosure, s Settings) string {
	h := sha256.New()
	parts := []string{contentHash, voice, lexiconVersion, strings.Join(s.Formats, ","), d.Position}
	if d.Text != "" {
		parts = append(parts, d.Text)
	}
	for _, part := range parts {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SubmitContent stores content as the article's newest version and makes
// sure audio for it comes: nothing when a ready rendition has the same key
// (an update that leaves the spoken text alone), else a render job. It
// runs inside the caller's transaction.
func (c *Client) SubmitContent(ctx context.Context, tx *store.Tx, a store.Article, content article.Article) error {
	if err := CheckLength(content, c.cfg.MaxSpokenChars); err != nil {
		return err
	}
	return submit(ctx, c.river, tx, c.settings, c.defaults, a, content)
}

// EnqueueIngest queues the ingest of the article's stored input in tx.
func (c *Client) EnqueueIngest(ctx context.Context, tx *store.Tx, articleID string) error {
	return insertIngest(ctx, c.river, tx, articleID)
}

// EnqueuePoll queues an immediate poll of the feed in tx.
func (c *Client) EnqueuePoll(ctx context.Context, tx *store.Tx, feedID string) error {
	_, err := c.river.InsertTx(ctx, tx.SQL(), PollFeedArgs{FeedID: feedID}, pollOpts())
	if err != nil {
		return fmt.Errorf("enqueue poll of feed %s: %w", feedID, err)
	}
	return nil
}

func submit(ctx context.Context, rc *river.Client[*sql.Tx], tx *store.Tx, set Settings, defaults []lexicon.Entry, a store.Article, content article.Article) error {
	if content.Language == "" {
		content.Language = a.Language
	}
	v, _, err := tx.PutVersion(ctx, a.ID, content)
	if err != nil {
		return err
	}
	if err := tx.SetCurrentVersion(ctx, a.ID, v.ID, content.Language); err != nil {
		return err
	}
	p, err := tx.Publication(ctx, a.PublicationID)
	if err != nil {
		return err
	}
	voice, disc := voiceFor(p, a, content.Language), disclosureOf(p, set)
	_, lexVersion, err := lexiconOf(ctx, tx, defaults, a.PublicationID)
	if err != nil {
		return err
	}
	r, created, err := tx.EnsureRendition(ctx, store.Rendition{ArticleID: a.ID, VersionID: v.ID,
		Key: RenditionKey(v.ContentHash, voice, lexVersion, disc, set), Voice: voice, LexiconVersion: lexVersion})
	if err != nil {
		return err
	}
	switch {
	case r.Status == store.StatusReady:
		return tx.SetLiveRendition(ctx, a.ID, r.ID)
	case created || r.Status == store.StatusFailed:
		if err := tx.SetRenditionStatus(ctx, r.ID, store.StatusQueued, ""); err != nil {
			return err
		}
		if err := tx.SetArticleStatus(ctx, a.ID, store.StatusQueued, ""); err != nil {
			return err
		}
		args := RenderArgs{RenditionID: r.ID, Sentences: Measure(content).Sentences,
			Disclosure: disc.Position, DisclosureText: disc.Text}
		if _, err := rc.InsertTx(ctx, tx.SQL(), args, nil); err != nil {
			return fmt.Errorf("enqueue render of %s: %w", r.ID, err)
		}
		return nil
	default: // queued or rendering: its job is on the way
		return tx.SetArticleStatus(ctx, a.ID, r.Status, "")
	}
}

// voiceFor is the article's voice, else the publication's default for the
// language, else "" (the pipeline's default for the language).
func voiceFor(p store.Publication, a store.Article, lang string) string {
	if a.Voice != "" {
		return a.Voice
	}
	if v := p.DefaultVoices[lang]; v != "" {
		return v
	}
	return p.DefaultVoices[baseLang(lang)]
}

// disclosureOf is the publication's disclosure; the process-wide setting
// only fills a position the publication lacks. Off needs no wording.
func disclosureOf(p store.Publication, set Settings) Disclosure {
	d := Disclosure{Position: p.Disclosure, Text: strings.TrimSpace(p.DisclosureText)}
	if d.Position == "" {
		d.Position = set.Disclosure
	}
	if d.Position == "off" {
		d.Text = ""
	}
	return d
}

func baseLang(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(base)
}

func insertIngest(ctx context.Context, rc *river.Client[*sql.Tx], tx *store.Tx, articleID string) error {
	opts := &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: pendingStates()}}
	if _, err := rc.InsertTx(ctx, tx.SQL(), IngestArgs{ArticleID: articleID}, opts); err != nil {
		return fmt.Errorf("enqueue ingest of %s: %w", articleID, err)
	}
	return nil
}
