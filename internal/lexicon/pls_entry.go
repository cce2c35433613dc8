package lexicon

import (
	"fmt"
	"io"
	"strings"
)

// add turns a lexeme into entries, one per grapheme.
func (p *plsParser) add(lx lexeme) error {
	if len(lx.graphemes) == 0 {
		return &Error{Kind: ErrInvalid, Field: "term", Line: p.n, Reason: "lexeme has no <grapheme>"}
	}
	if !lx.hasPh && !lx.hasAlias {
		return &Error{Kind: ErrInvalid, Field: "say", Line: p.n, Term: lx.graphemes[0], Reason: "lexeme has no <phoneme> or <alias>"}
	}
	for _, g := range lx.graphemes {
		if len(p.entries) == MaxFileEntries {
			return &Error{Kind: ErrTooLarge, Reason: fmt.Sprintf("file has over %d entries", MaxFileEntries)}
		}
		e := p.entry(lx, g)
		if err := Validate(e); err != nil {
			return withTerm(err, e.Term, p.n)
		}
		p.entries = append(p.entries, e)
	}
	return nil
}

func (p *plsParser) entry(lx lexeme, grapheme string) Entry {
	e := Entry{Term: grapheme, Lang: p.lang, Match: Match(lx.attrs["match"]), Case: Case(lx.attrs["case"])}
	if lang, ok := lx.attrs["lang"]; ok {
		e.Lang = lang
	}
	if e.Match == "" && strings.Contains(strings.TrimSpace(grapheme), " ") {
		e.Match = MatchPhrase
	}
	switch {
	case lx.attrs["kind"] == string(KindSpell):
		e.Spell = true
	case lx.attrs["kind"] == string(KindAsWord):
		e.AsWord = true
	case lx.hasPh:
		e.Phonemes = lx.phoneme
	default:
		e.Say = lx.alias
	}
	return e.WithDefaults()
}

// WritePLS writes entries as a PLS 1.0 document whose xml:lang is lang
// ("" = "en"). Entries with phonemes get <phoneme>, the others an <alias>
// (spell-out entries the spelled letters, say-as-word entries the term in
// lower case) so that any PLS reader can use them; aloud:* attributes keep
// what PLS has no words for, so aloud reads its own export back exactly.
func WritePLS(out io.Writer, entries []Entry, lang string) error {
	if lang == "" {
		lang = "en"
	}
	var w strings.Builder
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&w, `<lexicon version="1.0" xmlns="%s" xmlns:aloud="%s" alphabet="ipa" xml:lang="%s">`+"\n",
		PLSNamespace, AloudNamespace, escapeAttr(lang))
	for _, e := range entries {
		writeLexeme(&w, e.WithDefaults())
	}
	w.WriteString("</lexicon>\n")
	if _, err := io.WriteString(out, w.String()); err != nil {
		return fmt.Errorf("write lexicon pls: %w", err)
	}
	return nil
}

func writeLexeme(w *strings.Builder, e Entry) {
	w.WriteString(`  <lexeme aloud:lang="` + escapeAttr(e.Lang) + `" aloud:match="` + string(e.Match) +
		`" aloud:case="` + string(e.Case) + `"`)
	if k := e.Kind(); k == KindSpell || k == KindAsWord {
		w.WriteString(` aloud:kind="` + string(k) + `"`)
	}
	w.WriteString(">\n    <grapheme>" + escapeText(e.Term) + "</grapheme>\n")
	switch e.Kind() {
	case KindPhonemes:
		w.WriteString(`    <phoneme alphabet="ipa">` + escapeText(e.Phonemes) + "</phoneme>\n")
	case KindSay:
		w.WriteString("    <alias>" + escapeText(e.Say) + "</alias>\n")
	case KindSpell:
		w.WriteString("    <alias>" + escapeText(strings.Join(spellOut(e.Term), " ")) + "</alias>\n")
	case KindAsWord:
		w.WriteString("    <alias>" + escapeText(strings.ToLower(e.Term)) + "</alias>\n")
	}
	w.WriteString("  </lexeme>\n")
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

func escapeText(s string) string { return textEscaper.Replace(s) }
func escapeAttr(s string) string { return attrEscaper.Replace(s) }
