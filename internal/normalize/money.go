package normalize

import "strings"

// currency is how an amount in one currency is read.
type currency struct {
	one, many         string // "dollar", "dollars"
	centOne, centMany string // "" when minor units are not read
}

// currencyPrefixes are the symbols written before an amount, longest
// first so that "US$" wins over "$".
var currencyPrefixes = []struct {
	sym string
	cur currency
}{
	{"US$", currency{"US dollar", "US dollars", "cent", "cents"}},
	{"HK$", currency{"Hong Kong dollar", "Hong Kong dollars", "cent", "cents"}},
	{"NZ$", currency{"New Zealand dollar", "New Zealand dollars", "cent", "cents"}},
	{"A$", currency{"Australian dollar", "Australian dollars", "cent", "cents"}},
	{"C$", currency{"Canadian dollar", "Canadian dollars", "cent", "cents"}},
	{"S$", currency{"Singapore dollar", "Singapore dollars", "cent", "cents"}},
	{"R$", currency{"real", "reais", "centavo", "centavos"}},
	{"Rs.", currency{"rupee", "rupees", "paisa", "paise"}},
	{"Rs", currency{"rupee", "rupees", "paisa", "paise"}},
	{"$", currency{"dollar", "dollars", "cent", "cents"}},
	{"€", currency{"euro", "euros", "cent", "cents"}},
	{"£", currency{"pound", "pounds", "penny", "pence"}},
	{"¥", currency{"yen", "yen", "", ""}},
	{"₩", currency{"won", "won", "", ""}},
	{"₹", currency{"rupee", "rupees", "paisa", "paise"}},
	{"₽", currency{"ruble", "rubles", "kopek", "kopeks"}},
	{"₺", currency{"lira", "lira", "kurus", "kurus"}},
	{"₦", currency{"naira", "naira", "kobo", "kobo"}},
}

// currencyCodes are ISO codes written before an amount ("EUR 50").
var currencyCodes = map[string]currency{
	"USD": {"US dollar", "US dollars", "cent", "cents"},
	"EUR": {"euro", "euros", "cent", "cents"},
	"GBP": {"pound", "pounds", "penny", "pence"},
	"JPY": {"yen", "yen", "", ""},
	"CNY": {"yuan", "yuan", "", ""},
	"CHF": {"Swiss franc", "Swiss francs", "centime", "centimes"},
	"INR": {"rupee", "rupees", "paisa", "paise"},
	"AUD": {"Australian dollar", "Australian dollars", "cent", "cents"},
	"CAD": {"Canadian dollar", "Canadian dollars", "cent", "cents"},
	"NZD": {"New Zealand dollar", "New Zealand dollars", "cent", "cents"},
	"HKD": {"Hong Kong dollar", "Hong Kong dollars", "cent", "cents"},
	"SGD": {"Singapore dollar", "Singapore dollars", "cent", "cents"},
	"SEK": {"Swedish krona", "Swedish kronor", "", ""},
	"NOK": {"Norwegian krone", "Norwegian kroner", "", ""},
	"DKK": {"Danish krone", "Danish kroner", "", ""},
	"PLN": {"zloty", "zlotys", "", ""},
	"ZAR": {"rand", "rand", "cent", "cents"},
	"BRL": {"real", "reais", "", ""},
	"MXN": {"Mexican peso", "Mexican pesos", "", ""},
	"RUB": {"rouble", "roubles", "", ""},
	"KRW": {"won", "won", "", ""},
	"TRY": {"lira", "lira", "", ""},
}

// symbolAfter maps a currency symbol written after the amount ("50€").
var symbolAfter = map[string]currency{
	"€": {"euro", "euros", "cent", "cents"},
	"£": {"pound", "pounds", "penny", "pence"},
	"$": {"dollar", "dollars", "cent", "cents"},
	"¥": {"yen", "yen", "", ""},
}

// currencyOf splits a leading currency symbol off s.
func currencyOf(s string) (currency, string, bool) {
	if s == "" || s[0] >= 'a' && s[0] <= 'z' || s[0] >= '0' && s[0] <= '9' {
		return currency{}, "", false
	}
	for _, p := range currencyPrefixes {
		if strings.HasPrefix(s, p.sym) {
			return p.cur, s[len(p.sym):], true
		}
	}
	return currency{}, "", false
}

// moneyAt speaks "$4.2bn", "€240 million", "£18,000", "$ 90 billion",
// "$50-$100", "$20/mo".
func (st *state) moneyAt(i int) int {
	w := st.words[i]
	cur, rest, ok := currencyOf(w.core)
	if code, isCode := currencyCodes[w.core]; isCode && w.trail == "" && i+1 < len(st.words) && startsNumber(st.words[i+1].core) {
		cur, rest, ok = code, "", true
	}
	if !ok {
		return 0
	}
	used := 1

	if rest == "" {
		// "$ 90 billion": the amount is the next word.
		if w.trail != "" || i+1 >= len(st.words) || !startsNumber(st.words[i+1].core) || st.words[i+1].lead != "" {
			return 0
		}
		used = 2
		rest = st.words[i+1].core

	}
	if rest[0] == '-' {
		return 0
	}
	v, ok := parseNum(rest)
	if !ok {
		return 0
	}
	tail := rest[v.n:]
	last := st.words[i+used-1]
	scale := ""
	if sc, ok := scaleWords[tail]; ok {
		scale, tail = sc, ""
	}
	if k := strings.IndexAny(tail, "-–"); k > 0 {
		// "£2.5m-£3m": the first amount's scale comes before the dash.
		if sc, ok := scaleWords[tail[:k]]; ok {
			scale, tail = sc, tail[k:]
		}
	}
	var compound []string
	if scale == "" && tail == "" && last.trail == "" && i+used < len(st.words) {
		// "$5 million-a-year deal": the scale word opens a compound.
		nx := st.words[i+used]
		if k := strings.IndexByte(nx.core, '-'); k > 2 && nx.lead == "" && isAlphaWord(strings.ReplaceAll(nx.core[k:], "-", "")) {
			if sc, ok := scaleWords[nx.core[:k]]; ok && len(sc) > 2 {
				scale, compound = sc, strings.Split(nx.core[k+1:], "-")
				last = nx
				used++
			}
		}
	}
	if scale == "" && tail == "" && last.trail == "" && i+used < len(st.words) {
		if sc, ok := scaleWords[st.words[i+used].core]; ok && st.words[i+used].lead == "" && (len(st.words[i+used].core) > 2 || st.words[i+used].core == "bn" || st.words[i+used].core == "m") {
			scale = sc
			last = st.words[i+used]
			used++
		}
	}
	var per string
	if tail != "" {
		if tail[0] == '/' {
			p, ok := perUnits[tail[1:]]
			if !ok {
				return 0
			}
			per, tail = p, ""
		}
	}
	if tail != "" {
		if tail[0] != '-' && !strings.HasPrefix(tail, "–") {
			return 0
		}
		other := tail[len(firstRune(tail)):]
		if isAlphaWord(strings.ReplaceAll(other, "-", "")) {
			// "£30,000-a-year": the amount, then the words of the compound.
			st.buf = appendAmount(st.buf, v, cur, scale)
			st.buf = append(st.buf, strings.Split(other, "-")...)
			st.say(w.cs, last.ce())
			return used
		}
		// "$50.00-$100.00", "$5-10", "$10-15m": a range of amounts.
		cur2, r2, ok2 := currencyOf(other)
		if !ok2 {
			r2, cur2 = other, cur
		}
		v2, ok := parseNum(r2)
		if !ok {
			return 0
		}
		scale2, known := scaleWords[r2[v2.n:]]
		if r2[v2.n:] != "" && !known {
			return 0
		}
		if ok2 || scale != "" {
			// Each amount is complete: "two point five million pounds to ...".
			st.buf = appendAmount(st.buf, v, cur, scale)
		} else {
			// "$10-15m": "ten to fifteen million dollars".
			st.buf = appendNum(st.buf, v)
			if scale2 == "" {
				st.buf = st.buf[:len(st.buf)-len(appendNum(nil, v))]
				st.buf = appendAmount(st.buf, v, cur, "")
			}
		}
		st.buf = append(st.buf, "to")
		st.buf = appendAmount(st.buf, v2, cur2, scale2)
		st.say(w.cs, last.ce())
		return used
	}
	st.buf = appendAmount(st.buf, v, cur, scale)
	st.buf = append(st.buf, compound...)
	if per != "" {
		st.buf = append(st.buf, "per", per)
	}
	st.say(w.cs, last.ce())
	return used
}

func firstRune(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}

// appendAmount speaks an amount of money: "twenty dollars fifty cents",
// "four point two billion dollars", "two cents".
func appendAmount(dst []string, v num, c currency, scale string) []string {
	if v.neg {
		dst = append(dst, "minus")
		v.neg = false
	}
	if scale != "" {
		dst = appendNum(dst, v)
		return append(dst, scale, c.many)
	}
	if !v.dot {
		dst = appendCount(dst, v.intg, true)
		return append(dst, plural2(v.intg == "1", c.one, c.many))
	}
	frac := strings.TrimRight(v.frac, "0")
	if len(frac) > 2 || c.centOne == "" && frac != "" {
		dst = appendNum(dst, v)
		return append(dst, c.many)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	whole := strings.TrimLeft(v.intg, "0")
	if whole != "" || frac == "00" {
		if whole == "" {
			whole = "0"
		}
		dst = appendCardinal(dst, whole)
		dst = append(dst, plural2(whole == "1", c.one, c.many))
	}
	if frac != "00" {
		cents := strings.TrimLeft(frac, "0")
		dst = appendCardinal(dst, cents)
		dst = append(dst, plural2(cents == "1", c.centOne, c.centMany))
	}
	return dst
}

func plural2(one bool, a, b string) string {
	if one {
		return a
	}
	return b
}
