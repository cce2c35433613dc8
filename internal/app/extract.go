package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"aloud/internal/article"
	"aloud/internal/config"
	"aloud/internal/ingest"
)

func runExtract(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("extract", "aloud extract [--format text|json] [--lang L] [--allow-host HOST] FILE|URL|-",
		"Print the article text aloud would read: the blocks separated by blank lines (text)\n"+
			"or the whole article with title, kicker, byline, source and blocks (json).\n"+
			"FILE may be plain text or HTML; - reads standard input.", env)
	format := fs.String("format", "text", "output `format`: text or json")
	lang := fs.String("lang", "", "language of the article as a BCP 47 `tag` (default: detected, else en)")
	flags := config.Register(fs, config.Extract)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf("extract: want exactly one FILE, URL or -, got %d", len(pos))
	}
	if *format != "text" && *format != "json" {
		return usageErrorf("extract: unknown --format %q (want text or json)", *format)
	}
	if *lang != "" && !article.ValidLanguage(*lang) {
		return usageErrorf("extract: --lang %q is not a language tag such as en or de-AT", *lang)
	}
	cfg, err := loadConfig(env, flags)
	if err != nil {
		return err
	}
	a, err := newLoader(cfg, *lang, cliSizeHint).Load(ctx, pos[0], env.Stdin)
	if err != nil {
		return fmt.Errorf("extract %s: %w", ingest.RedactURL(pos[0]), err)
	}
	var out []byte
	if *format == "json" {
		out, err = marshalArticle(a)
		if err != nil {
			return fmt.Errorf("encode article: %w", err)
		}
	} else {
		out = []byte(a.BodyText() + "\n")
	}
	if _, err := env.Stdout.Write(out); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// marshalArticle pretty-prints v without escaping <, > and &, which
// would make quoted article text needlessly hard to read.
func marshalArticle(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
