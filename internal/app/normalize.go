package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"aloud/internal/normalize"
)

// badLinesError reports input lines that were not valid UTF-8; their
// output lines were written empty. It exits with status 1 after all
// other lines were normalized.
type badLinesError struct{ count int }

func (e *badLinesError) Error() string {
	return fmt.Sprintf("normalize: %d line(s) not valid UTF-8", e.count)
}

// ExitStatus makes app.ExitCode return 1 for this error.
func (e *badLinesError) ExitStatus() int { return 1 }

func runNormalize(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("normalize", "aloud normalize [--lang en|de] < text",
		"Read text on stdin and write its spoken form, one output line per input line.\n"+
			"An empty line stays empty; a line that is not valid UTF-8 gives an empty line,\n"+
			"a message on stderr naming it, and exit status 1 at the end.", env)
	lang := fs.String("lang", "en", "language of the text (supported: "+strings.Join(normalize.Languages, ", ")+")")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("normalize: unexpected argument %q (input is read from stdin)", pos[0])
	}
	n, err := normalize.New(normalize.Options{Lang: *lang})
	if errors.Is(err, normalize.ErrUnsupportedLanguage) {
		return usageErrorf("normalize: language %q is not supported yet (supported: %s)", *lang, strings.Join(normalize.Languages, ", "))
	}
	if err != nil {
		return fmt.Errorf("normalize: %w", err)
	}
	return normalizeLines(ctx, n, env.Stdin, env.Stdout, env.Stderr)
}

// normalizeLines streams lines so that arbitrarily long input needs no
// more memory than its longest line.
func normalizeLines(ctx context.Context, n *normalize.Normalizer, in io.Reader, out, errw io.Writer) error {
	r := bufio.NewReaderSize(in, 64<<10)
	w := bufio.NewWriter(out)
	bad := 0
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := r.ReadString('\n')
		if len(line) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return fmt.Errorf("read stdin: %w", err)
		}
		text := trimEOL(line)
		if utf8.ValidString(text) {
			text = n.Normalize(text).Text
		} else {
			bad++
			fmt.Fprintf(errw, "normalize: line %d: not valid UTF-8\n", lineNo)
			text = ""
		}
		if _, werr := w.WriteString(text + "\n"); werr != nil {
			return fmt.Errorf("write stdout: %w", werr)
		}
		if err != nil {
			break
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write stdout: %w", err)
	}
	if bad > 0 {
		return &badLinesError{count: bad}
	}
	return nil
}

func trimEOL(s string) string {
	if len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && s[len(s)-1] == '\r' {
		s = s[:len(s)-1]
	}
	return s
}
