package lexicon

import (
	"bytes"
	_ "embed"
	"fmt"
)

// defaultCSV is the global default lexicon shipped with aloud: common news
// names whose spelling misleads the engines, and acronyms that are said as
// words (NATO) or spelled (BBC; "US" and "WHO" case-sensitively, so "us"
// and "who" are untouched). Publications override any of them.
//
//go:embed default.csv
var defaultCSV []byte

// Default returns the global default lexicon. The embedded file is
// validated like any import (TestDefaultLexicon); an error here means the
// binary was built from a broken file.
func Default() ([]Entry, error) {
	entries, err := ReadCSV(bytes.NewReader(defaultCSV), int64(len(defaultCSV)))
	if err != nil {
		return nil, fmt.Errorf("default lexicon: %w", err)
	}
	return entries, nil
}
