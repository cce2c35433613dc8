// Command tnbench prints the text-normalization accuracy of package
// normalize on ../shared/benchmarks/text-normalization/ with failures.
//
//	go run ./internal/normalize/cmd/tnbench [-dir DIR] [-failures N] [-set google|libri|class|audio] [-lang en|de]
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
	set := flag.String("set", "", "show failures of one set only: class, audio, google, libri")
	lang := flag.String("lang", "en", "language: en or de")
	flag.Parse()
	norm, err := normalize.New(normalize.Options{Lang: *lang})
	if err != nil {
		fmt.Fprintln(os.Stderr, "tnbench:", err)
		os.Exit(1)
	}
	if flag.NArg() > 0 {
		// Normalize the arguments instead, for trying rules by hand.
		for _, a := range flag.Args() {
			fmt.Println(norm.Normalize(a).Text)
		}
		return
	}
	if *lang == "de" {
		rep, err := tnbench.RunGerman(*dir, func(s string) string { return norm.Normalize(s).Text })
		if err != nil {
			fmt.Fprintln(os.Stderr, "tnbench:", err)
			os.Exit(1)
		}
		rep.Print(os.Stdout, *n)
		return
	}
	rep, err := tnbench.Run(*dir, func(s string) string { return norm.Normalize(s).Text })
	if err != nil {
		fmt.Fprintln(os.Stderr, "tnbench:", err)
		os.Exit(1)
	}
	switch *set {
	case "class":
		rep.GoogleTN.Failures, rep.LibriTTS.Failures, rep.WithAudio.Failures = nil, nil, nil
	case "audio":
		rep.GoogleTN.Failures, rep.LibriTTS.Failures, rep.PerClass.Failures = nil, nil, nil
	case "google":
		rep.PerClass.Failures, rep.LibriTTS.Failures, rep.WithAudio.Failures = nil, nil, nil
	case "libri":
		rep.GoogleTN.Failures, rep.PerClass.Failures, rep.WithAudio.Failures = nil, nil, nil
	}
	rep.Print(os.Stdout, *n)
}
