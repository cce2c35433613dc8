package main

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"aloud/internal/proc"
	"aloud/internal/tts/fold"
)

// letterNames are spellings every engine reads as the letter's name
// ("eigh", not "ay", which dictionaries read "eye").
var letterNames = map[string][]string{
	"en": strings.Fields("eigh bee see dee ee eff gee aitch eye jay kay el em en oh pee queue are ess tee you vee double-you ex why zee"),
	"de": strings.Fields("ah beh zeh deh eh eff geh hah ih jott kah ell emm enn oh peh kuh err ess teh uh fau weh iks üpsilon zett"),
}

var acronym = regexp.MustCompile(`^([A-Z]+)('s|s)?$`)

// respell writes every letter of an acronym in the normalizer's output as
// its name, which is what the normalizer means by "E U's" or "A A". "A"
// and "I" alone are words, unless a neighbour is a letter too. A digit
// left means a number the normalizer did not expand: ok is false.
func respell(lang, text string) (out string, ok bool) {
	names := letterNames[lang]
	if names == nil {
		names = letterNames["en"]
	}
	toks := strings.Fields(text)
	letters := make([]bool, len(toks)) // single letters, before respelling
	for i, t := range toks {
		m := acronym.FindStringSubmatch(strings.Trim(t, ".,;:!?\"()"))
		letters[i] = m != nil && len(m[1]) == 1
	}
	isLetter := func(i int) bool { return i >= 0 && i < len(toks) && letters[i] }
	ok = true
	for i, t := range toks {
		core := strings.TrimRight(strings.TrimLeft(t, "\"("), ".,;:!?\")")
		lead, trail := t[:strings.Index(t, core)], t[strings.Index(t, core)+len(core):]
		if strings.ContainsAny(core, "0123456789") {
			ok = false
		}
		m := acronym.FindStringSubmatch(core)
		if m == nil || (len(m[1]) == 1 && (m[1] == "A" || m[1] == "I") && !isLetter(i-1) && !isLetter(i+1)) {
			continue
		}
		var spelled []string
		for _, c := range m[1] {
			spelled = append(spelled, strings.ReplaceAll(names[c-'A'], "-", " "))
		}
		toks[i] = lead + strings.Join(spelled, " ") + m[2] + trail
	}
	return strings.Join(toks, " "), ok
}

// spelling compares, per paragraph, the engine's phonemes for the spoken
// text and for its respelling. Engines without phoneme output (a speech
// server, Piper) are not checked (0 of 0).
func spelling(ctx context.Context, runner *proc.Runner, v voice, spoken []string) (ok, n int, fails []string) {
	engine, name, _ := strings.Cut(v.id, ":")
	var texts []string
	var digitsLeft []bool
	for _, s := range spoken {
		r, clean := respell(v.lang, s)
		texts = append(texts, s, r)
		digitsLeft = append(digitsLeft, !clean)
	}
	phones, err := phonemesOf(ctx, runner, engine, name, v.lang, texts)
	if err != nil {
		return 0, 0, []string{err.Error()}
	}
	if phones == nil {
		return 0, 0, nil
	}
	for i := range spoken {
		a, b := phones[2*i], phones[2*i+1]
		switch {
		case digitsLeft[i]:
			fails = append(fails, fmt.Sprintf("digits left in %q", spoken[i]))
		case a != b:
			fails = append(fails, fmt.Sprintf("%q: %s ≠ %s (respelled %q)", spoken[i], a, b, texts[2*i+1]))
		default:
			ok++
		}
	}
	return ok, len(spoken), fails
}

// phonemesOf returns the engine's phonemes for each text, stress and
// pauses removed; nil when the engine has no phoneme output.
func phonemesOf(ctx context.Context, runner *proc.Runner, engine, name, lang string, texts []string) ([]string, error) {
	switch engine {
	case "espeak":
		return eachText(texts, func(t string) (string, error) {
			return tool(ctx, runner, "espeak-ng", "-q", "-x", "-v", name, t)
		}, stripEspeak)
	case "flite":
		return eachText(texts, func(t string) (string, error) {
			return tool(ctx, runner, "flite", "-voice", name, "-ps", "-o", "/dev/null", "-t", fold.ASCII(lang, t).Text)
		}, stripPau)
	case "festival":
		return festivalPhones(ctx, runner, name, lang, texts)
	}
	return nil, nil
}

func eachText(texts []string, run func(string) (string, error), strip func(string) string) ([]string, error) {
	out := make([]string, len(texts))
	for i, t := range texts {
		p, err := run(t)
		if err != nil {
			return nil, err
		}
		out[i] = strip(p)
	}
	return out, nil
}

func tool(ctx context.Context, runner *proc.Runner, program string, args ...string) (string, error) {
	path, err := proc.LookPath(program)
	if err != nil {
		return "", err
	}
	out, err := runner.Output(ctx, proc.Cmd{Path: path, Args: args}, 1<<20)
	if err != nil {
		return "", fmt.Errorf("phonemes: %w", err)
	}
	return string(out), nil
}

// stripEspeak drops espeak-ng's stress, syllable, pause and glottal-onset (!) marks.
func stripEspeak(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("',%=_|;! \n\t", r) {
			return -1
		}
		return r
	}, s)
}

func stripPau(s string) string {
	var out []string
	for _, p := range strings.Fields(s) {
		if p != "pau" && p != "#" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// festivalPhones runs one festival process over every text and reads the
// names of each utterance's Segment relation.
func festivalPhones(ctx context.Context, runner *proc.Runner, name, lang string, texts []string) ([]string, error) {
	full := "cmu_" + strings.Replace(name, "_hts", "_arctic_hts", 1)
	var script strings.Builder
	fmt.Fprintf(&script, "(voice_%s)\n", full)
	for i, t := range texts {
		q := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(fold.ASCII(lang, t).Text)
		fmt.Fprintf(&script, "(begin (format t \"PH\\t%d\\t\") (mapcar (lambda (s) (format t \"%%s \" (item.name s))) (utt.relation.items (utt.synth (eval (list 'Utterance 'Text \"%s\"))) 'Segment)) (format t \"\\n\"))\n", i, q)
	}
	path, err := proc.LookPath("festival")
	if err != nil {
		return nil, err
	}
	out, err := runner.Output(ctx, proc.Cmd{Path: path, Args: []string{"--pipe"}, Stdin: strings.NewReader(script.String())}, 1<<22)
	if err != nil {
		return nil, fmt.Errorf("festival phonemes: %w", err)
	}
	phones := make([]string, len(texts))
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 || f[0] != "PH" {
			continue
		}
		if i, err := strconv.Atoi(f[1]); err == nil && i >= 0 && i < len(phones) {
			phones[i] = stripPau(f[2])
		}
	}
	return phones, nil
}
