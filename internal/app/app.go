// Package app is the only place that knows every part of aloud: it parses
// the command line, builds each dependency with a plain constructor and
// passes it down. Nothing else reads flags or environment variables.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Version is set at build time with -ldflags "-X aloud/internal/app.Version=…".
var Version = "dev"

// Env is what a command may touch of the outside world, so tests can run
// commands in-process with their own streams and environment.
type Env struct {
	Stdin     io.Reader
	Stdout    io.Writer
	Stderr    io.Writer
	Getenv    func(string) string
	StderrTTY bool // draw progress bars only on a terminal
}

// StdEnv is the process's real environment.
func StdEnv() Env {
	tty := false
	if fi, err := os.Stderr.Stat(); err == nil {
		tty = fi.Mode()&os.ModeCharDevice != 0
	}
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, StderrTTY: tty}
}

type command struct {
	summary string
	run     func(ctx context.Context, args []string, env Env) error
}

// commands lists every subcommand; each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"version":   {"print the version", runVersion},
		"serve":     {"run the HTTP API, job workers and feed scheduler", runServe},
		"worker":    {"run job workers only (scale-out on PostgreSQL)", runWorker},
		"keys":      {"create API keys ('aloud keys create --publication NAME')", runKeys},
		"normalize": {"write the spoken form of text on stdin (numbers, dates, acronyms)", runNormalize},
		"extract":   {"print an article's text or JSON as aloud reads it", runExtract},
		"voices":    {"list the installed voices and their languages", runVoices},
		"speak":     {"render an article to speech (MP3, Opus or WAV) with a timeline", runSpeak},
		"feed":      {"list a feed's newest items (RSS, Atom, JSON Feed)", runFeed},
	}
}

// Run runs the command line args (without the program name).
func Run(ctx context.Context, args []string, env Env) error {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := cmds[args[1]]; ok {
				return c.run(ctx, []string{"--help"}, env)
			}
		}
		printUsage(env.Stdout, cmds)
		if len(args) == 0 {
			return usageErrorf("no command given")
		}
		return nil
	}
	if args[0] == "--version" {
		return runVersion(ctx, nil, env)
	}
	c, ok := cmds[args[0]]
	if !ok {
		return usageErrorf("unknown command %q (see aloud --help)", args[0])
	}
	if err := c.run(ctx, args[1:], env); err != nil && !errors.Is(err, errHelp) {
		return err
	}
	return nil
}

func printUsage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "aloud turns news articles into AI-generated audio.")
	fmt.Fprintln(w, "\nUsage: aloud COMMAND [flags] [args]\n\nCommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'aloud COMMAND --help' for a command's flags.")
}

func runVersion(_ context.Context, args []string, env Env) error {
	fs := newFlagSet("version", "aloud version", "Print aloud's version.", env)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "aloud %s\n", Version)
	return nil
}

// usageError is a bad command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// errHelp is returned after --help printed its text: exit status 0.
var errHelp = errors.New("help requested")

// ExitCode maps an error from Run to the process exit status.
func ExitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	case errors.Is(err, context.Canceled):
		return 130
	}
	var ec interface{ ExitStatus() int }
	if errors.As(err, &ec) {
		return ec.ExitStatus()
	}
	return 1
}

// ErrorLine renders err as the single stderr line main prints.
func ErrorLine(err error) string {
	if errors.Is(err, context.Canceled) {
		return "interrupted"
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}
