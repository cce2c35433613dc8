package normalize

import "strings"

// unit is how a unit symbol is read after one and after other amounts.
type unit struct{ one, many string }

// units are symbols read after a number, matched case-sensitively so
// that "m" (metre) and "M" stay apart.
var units = map[string]unit{
	"mm": {"millimeter", "millimeters"}, "cm": {"centimeter", "centimeters"},
	"m": {"meter", "meters"}, "km": {"kilometer", "kilometers"},
	"μm": {"micrometer", "micrometers"}, "µm": {"micrometer", "micrometers"},
	"nm": {"nanometer", "nanometers"},
	"ft": {"foot", "feet"}, "yd": {"yard", "yards"}, "yds": {"yard", "yards"},
	"mi": {"mile", "miles"}, "in.": {"inch", "inches"},
	"mph": {"mile per hour", "miles per hour"}, "MPH": {"mile per hour", "miles per hour"},
	"km/h": {"kilometer per hour", "kilometers per hour"}, "kmh": {"kilometer per hour", "kilometers per hour"},
	"kph": {"kilometer per hour", "kilometers per hour"}, "km/hr": {"kilometer per hour", "kilometers per hour"},
	"m/s": {"meter per second", "meters per second"},
	"mg":  {"milligram", "milligrams"}, "g": {"gram", "grams"}, "kg": {"kilogram", "kilograms"},
	"KG": {"kilogram", "kilograms"}, "Kg": {"kilogram", "kilograms"},
	"lb": {"pound", "pounds"}, "lbs": {"pound", "pounds"}, "oz": {"ounce", "ounces"},
	"t":  {"tonne", "tonnes"},
	"ml": {"milliliter", "milliliters"}, "mL": {"milliliter", "milliliters"},
	"ha": {"hectare", "hectares"}, "ac": {"acre", "acres"},
	"ms": {"millisecond", "milliseconds"}, "min": {"minute", "minutes"},
	"hr": {"hour", "hours"}, "hrs": {"hour", "hours"}, "sec": {"second", "seconds"},
	"Hz": {"hertz", "hertz"}, "kHz": {"kilohertz", "kilohertz"}, "MHz": {"megahertz", "megahertz"},
	"GHz": {"gigahertz", "gigahertz"},
	"kW":  {"kilowatt", "kilowatts"}, "MW": {"megawatt", "megawatts"}, "GW": {"gigawatt", "gigawatts"},
	"kWh": {"kilowatt hour", "kilowatt hours"}, "MWh": {"megawatt hour", "megawatt hours"},
	"GWh": {"gigawatt hour", "gigawatt hours"}, "TWh": {"terawatt hour", "terawatt hours"},
	"kV": {"kilovolt", "kilovolts"}, "mV": {"millivolt", "millivolts"}, "mA": {"milliampere", "milliamperes"},
	"mAh": {"milliampere hour", "milliampere hours"},
	"KB":  {"kilobyte", "kilobytes"}, "kB": {"kilobyte", "kilobytes"}, "MB": {"megabyte", "megabytes"},
	"GB": {"gigabyte", "gigabytes"}, "TB": {"terabyte", "terabytes"},
	"mbps": {"megabit per second", "megabits per second"}, "Mbps": {"megabit per second", "megabits per second"},
	"Gbps": {"gigabit per second", "gigabits per second"}, "kbps": {"kilobit per second", "kilobits per second"},
	"hp": {"horsepower", "horsepower"}, "bhp": {"brake horsepower", "brake horsepower"},
	"°C": {"degree Celsius", "degrees Celsius"}, "ºC": {"degree Celsius", "degrees Celsius"},
	"°F": {"degree Fahrenheit", "degrees Fahrenheit"}, "ºF": {"degree Fahrenheit", "degrees Fahrenheit"},
	"°": {"degree", "degrees"}, "º": {"degree", "degrees"}, "℃": {"degree Celsius", "degrees Celsius"},
	"km²": {"square kilometer", "square kilometers"}, "km2": {"square kilometer", "square kilometers"},
	"m²": {"square meter", "square meters"}, "mi²": {"square mile", "square miles"},
	"m2": {"square meter", "square meters"}, "cm2": {"square centimeter", "square centimeters"},
	"cm²": {"square centimeter", "square centimeters"}, "mm2": {"square millimeter", "square millimeters"},
	"mm²": {"square millimeter", "square millimeters"}, "ft2": {"square foot", "square feet"},
	"m3": {"cubic meter", "cubic meters"}, "ft³": {"cubic foot", "cubic feet"},
	"ft²": {"square foot", "square feet"}, "sq mi": {"square mile", "square miles"},
	"sq km": {"square kilometer", "square kilometers"}, "sq ft": {"square foot", "square feet"},
	"sq m": {"square meter", "square meters"},
	"km³":  {"cubic kilometer", "cubic kilometers"}, "m³": {"cubic meter", "cubic meters"},
	"cm³": {"cubic centimeter", "cubic centimeters"}, "cm3": {"cubic centimeter", "cubic centimeters"},
	"%": {"percent", "percent"}, "pc": {"percent", "percent"},
	"bn": {"billion", "billion"}, "tn": {"trillion", "trillion"},
}

// perUnits are the denominators of rates ("$20/mo", "12/kg").
var perUnits = map[string]string{
	"mo": "month", "month": "month", "hr": "hour", "h": "hour", "hour": "hour",
	"d": "day", "day": "day", "wk": "week", "week": "week", "yr": "year",
	"year": "year", "min": "minute", "s": "second", "sec": "second",
	"kg": "kilogram", "g": "gram", "lb": "pound", "km": "kilometer",
	"m": "meter", "mi": "mile", "l": "liter", "L": "liter", "ml": "milliliter",
	"person": "person", "capita": "capita", "night": "night", "share": "share",
}

// scaleWords follow an amount: "4.2 billion", "$5bn".
var scaleWords = map[string]string{
	"thousand": "thousand", "million": "million", "billion": "billion",
	"trillion": "trillion", "bn": "billion", "b": "billion", "B": "billion",
	"m": "million", "M": "million", "mn": "million", "mln": "million",
	"k": "thousand", "K": "thousand", "tn": "trillion", "trn": "trillion",
	"T": "trillion", "Bn": "billion",
	"crore": "crore", "crores": "crore", "lakh": "lakh", "lakhs": "lakh",
}

// lookupUnit finds a unit symbol, including "x/y" rates.
func lookupUnit(s string) (unit, bool) {
	if u, ok := units[s]; ok {
		return u, true
	}
	if u, ok := newsUnits[s]; ok {
		return u, true
	}
	if a, b, ok := strings.Cut(s, "/"); ok && a != "" {
		ua, ok1 := units[a]
		pb, ok2 := perUnits[b]
		if !ok2 {
			if ub, ok3 := units[b]; ok3 {
				pb, ok2 = ub.one, true
			}
		}
		if ok1 && ok2 {
			return unit{ua.one + " per " + pb, ua.many + " per " + pb}, true
		}
	}
	return unit{}, false
}

// appendUnit appends the unit's words for amount v.
func appendUnit(dst []string, u unit, v num, adjective bool) []string {
	if v.one() || adjective {
		return append(dst, u.one)
	}
	return append(dst, u.many)
}

// measureAttached handles a unit glued to the number: "12kg", "25%",
// "1.2m", "100km/h", "$20/mo"-style rates "12/kg".
func (st *state) measureAttached(i int, v num, rest string) int {
	w := st.words[i]
	if rest[0] == '-' && len(rest) > 1 {
		// "7.2-millimeter", "9-inch": an adjective, read in the singular.
		word := rest[1:]
		if u, ok := lookupUnit(word); ok {
			st.buf = appendUnit(appendNum(st.buf, v), u, v, true)
			st.say(w.cs, w.ce())
			return 1
		}
		return 0
	}
	if rest[0] == '/' {
		p, ok := perUnits[rest[1:]]
		if u, isUnit := lookupUnit(rest[1:]); !ok && isUnit {
			p, ok = u.one, true
		}
		if ok {
			st.buf = append(appendNum(st.buf, v), "per", p)
			st.say(w.cs, w.ce())
			return 1
		}
		return 0
	}
	if c, ok := symbolAfter[rest]; ok {
		// "50€": the symbol after the amount, as written in Europe.
		st.buf = appendAmount(st.buf, v, c, "")
		st.say(w.cs, w.ce())
		return 1
	}
	switch rest {
	case "C", "F":
		// "40C", "1.5C": temperatures in news copy.
		if len(v.intg) <= 3 {
			st.buf = appendUnit(appendNum(st.buf, v), units["°"+rest], v, false)
			st.say(w.cs, w.ce())
			return 1
		}
	case "l", "L":
		// "1.5l": glued to a number it is the litre; apart ("4.0 L") it
		// stays a letter.
		st.buf = appendUnit(appendNum(st.buf, v), unit{"liter", "liters"}, v, false)
		st.say(w.cs, w.ce())
		return 1
	case "in":
		// "6ft 4in": glued to a number, "in" is the inch.
		st.buf = appendUnit(appendNum(st.buf, v), unit{"inch", "inches"}, v, false)
		st.say(w.cs, w.ce())
		return 1
	}
	if rest == "m" && !v.neg {
		// "1.2m" is a million and "100m" a distance, unless the words
		// around say otherwise: "1.85m tall", "5m people".
		million := v.dot && !st.lengthContext(i) || !v.dot && st.countAfter(i)
		if million {
			st.buf = append(appendNum(st.buf, v), "million")
		} else {
			st.buf = appendUnit(appendNum(st.buf, v), units["m"], v, false)
		}
		st.say(w.cs, w.ce())
		return 1
	}
	if sc, ok := scaleWords[rest]; ok && (v.dot || rest != "m") && rest != "K" && rest != "T" {
		st.buf = append(appendNum(st.buf, v), sc)
		st.say(w.cs, w.ce())
		return 1
	}
	if u, ok := lookupUnit(rest); ok {
		st.buf = appendUnit(appendNum(st.buf, v), u, v, false)
		st.say(w.cs, w.ce())
		return 1
	}
	if u, ok := lookupUnit(strings.ToLower(rest)); ok && len(rest) > 1 {
		st.buf = appendUnit(appendNum(st.buf, v), u, v, false)
		st.say(w.cs, w.ce())
		return 1
	}
	return 0
}

// measureNext handles a number followed by a unit or scale word:
// "96 mm", "−5 °C", "25 %", "4.2 billion", "3.4 sq mi".
func (st *state) measureNext(i int, v num) int {
	w := st.words[i]
	if w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	nx := st.words[i+1]
	if nx.lead != "" {
		return 0
	}
	if nx.core == "sq" && nx.trail == "" && i+2 < len(st.words) {
		if u, ok := units["sq "+st.words[i+2].core]; ok {
			st.buf = appendUnit(appendNum(st.buf, v), u, v, false)
			st.say(w.cs, st.words[i+2].ce())
			return 3
		}
	}
	if nx.core == "°" || nx.core == "º" {
		if i+2 < len(st.words) && nx.trail == "" {
			if c := st.words[i+2].core; c == "C" || c == "F" {
				u := units["°"+c]
				st.buf = appendUnit(appendNum(st.buf, v), u, v, false)
				st.say(w.cs, st.words[i+2].ce())
				return 3
			}
		}
	}
	if sc, ok := scaleWords[nx.core]; ok && len(nx.core) > 2 {
		st.buf = append(appendNum(st.buf, v), sc)
		// "100 million kg": a unit may follow the scale word.
		if nx.trail == "" && i+3 < len(st.words) && st.words[i+2].core == "sq" && st.words[i+2].trail == "" {
			if u, ok := units["sq "+st.words[i+3].core]; ok {
				st.buf = append(st.buf, u.many)
				st.say(w.cs, st.words[i+3].ce())
				return 4
			}
		}
		if nx.trail == "" && i+2 < len(st.words) {
			if u, ok := lookupUnit(st.words[i+2].core); ok && len(st.words[i+2].core) > 1 && st.words[i+2].core != "in." {
				st.buf = append(st.buf, u.many)
				st.say(w.cs, st.words[i+2].ce())
				return 3
			}
		}
		st.say(w.cs, nx.ce())
		return 2
	}
	if c, ok := symbolAfter[nx.core]; ok && nx.core != "$" {
		// "50 €"
		st.buf = appendAmount(st.buf, v, c, "")
		st.say(w.cs, nx.ce())
		return 2
	}
	u, ok := lookupUnit(nx.core)
	if !ok && shoutedUnits[nx.core] {
		// "20 KM": a unit written in capitals.
		u, ok = lookupUnit(strings.ToLower(nx.core))
	}
	if !ok || nx.core == "t" || nx.core == "ac" || nx.core == "in." {
		return 0
	}
	if nx.core == "m" && nx.trail == "" && i+2 < len(st.words) && isLowerWord(st.words[i+2].core) && len(st.words[i+2].core) <= 3 {
		return 0
	}
	st.buf = appendUnit(appendNum(st.buf, v), u, v, false)
	st.say(w.cs, nx.ce())
	return 2
}
