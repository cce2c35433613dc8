// Command tnbench prints the text-normalization accuracy of package
// normalize on ../shared/benchmarks/text-normalization/ with failures.
//
//	go run ./internal/normalize/cmd/tnbench [-dir DIR] [-failures N] [-set google|libri|class|audio]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"aloud/internal/normalize"
	"aloud/internal/normalize/tnbench"
)

func main() {
	dir := flag.String("dir", filepath.Join("..", "shared", "benchmarks", "text-normalization"), "benchmark folder")
	n := flag.Int("failures", 20, "failures to show per set")
	flag.Parse()
	norm, err := normalize.New(normalize.Options{Lang: "en"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "tnbench:", err)
		os.Exit(1)
	}
	rep, err := tnbench.Run(*dir, func(s string) string { return norm.Normalize(s).Text })
	if err != nil {
		fmt.Fprintln(os.Stderr, "tnbench:", err)
		os.Exit(1)
	}
	rep.Print(os.Stdout, *n)
}
