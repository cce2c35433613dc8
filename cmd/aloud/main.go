// Command aloud turns news articles into AI-generated audio.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"aloud/internal/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := app.Run(ctx, os.Args[1:], app.StdEnv())
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "aloud: "+app.ErrorLine(err))
		os.Exit(app.ExitCode(err))
	}
}
