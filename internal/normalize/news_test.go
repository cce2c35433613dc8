package normalize

import "testing"

// News-style sentences, compared exactly: each line is a form that news
// copy uses and the way a presenter reads it.
func TestNormalizeNewsSentences(t *testing.T) {
	n := newEN(t)
	tests := []struct{ in, want string }{
		// The news forms in running text.
		{"The OSCE met on Nov. 30.", "The O S C E met on November thirtieth."},
		{"Shares rose 3.5% to $4.2bn.", "Shares rose three point five percent to four point two billion dollars."},
		{"At 4:45 p.m. EST on 5 November 2023, police arrived.", "At four forty five P.M E S T on the fifth of November twenty twenty three, police arrived."},
		{"King Charles III visited the troops.", "King Charles the third visited the troops."},
		{"World War II ended in 1945.", "World War two ended in nineteen forty five."},
		{"UNESCO and NATO spoke, as did the UN and UBS.", "UNESCO and NATO spoke, as did the U N and U B S."},
		{"Prices soared in the 1990s and the '90s.", "Prices soared in the nineteen nineties and the nineties."},
		{"It was founded in 1871 and had 1871 residents.", "It was founded in eighteen seventy one and had one thousand eight hundred seventy one residents."},
		{"The limit is 100 km/h.", "The limit is one hundred kilometers per hour."},
		{"It fell to −5 °C overnight.", "It fell to minus five degrees Celsius overnight."},
		{"He lives at No. 10 Downing Street.", "He lives at number ten Downing Street."},
		{"Revenue in Q1 beat forecasts.", "Revenue in Q one beat forecasts."},
		{"The vote is on Sept. 5.", "The vote is on September fifth."},
		{"It ended at 5 p.m. The talks resume at 9 a.m. on Friday.", "It ended at five P.M. The talks resume at nine A.M on Friday."},
		{"He moved to the U.S. It is big. The U.S. Senate agreed.", "He moved to the U S. It is big. The U S Senate agreed."},
		{"About 9:30 a.m., I was there.", "About nine thirty A.M, I was there."},

		// "m" after a number: a million or metres, by the words around.
		{"He is 1.85m tall.", "He is one point eight five meters tall."},
		{"The wall is 3m high.", "The wall is three meters high."},
		{"It reached a height of 2.5m last year.", "It reached a height of two point five meters last year."},
		{"She won the 1.5m hurdles.", "She won the one point five meters hurdles."},
		{"The show drew 5m viewers.", "The show drew five million viewers."},
		{"About 2m people fled.", "About two million people fled."},
		{"The plan costs 1.2m a year.", "The plan costs one point two million a year."},
		{"She ran the 100m in 10.49 seconds.", "She ran the one hundred meters in ten point four nine seconds."},
		{"Apple sold 50m iPhones as 10m EVs and 5m Americans waited.", "Apple sold fifty million iPhones as ten million E V's and five million Americans waited."},
		{"She won the 400m Hurdles.", "She won the four hundred meters Hurdles."},

		// Date ranges.
		{"The festival runs March 3-5.", "The festival runs March third to fifth."},
		{"The festival runs 3-5 March.", "The festival runs the third to the fifth of March."},
		{"The summit runs Nov. 30-Dec. 2 in Dubai.", "The summit runs November thirtieth to December second in Dubai."},
		{"The ship sank on 14-15 April 1912.", "The ship sank on the fourteenth to the fifteenth of April nineteen twelve."},
		{"Talks on Dec. 1-3, 2024, in Paris.", "Talks on December first to third twenty twenty four, in Paris."},
		{"The fair runs June 28–July 2.", "The fair runs June twenty eighth to July second."},
		{"Scores were 6-4, 7-5.", "Scores were six to four, seven to five."},
		{"The summit runs Nov. 30 - Dec. 2.", "The summit runs November thirtieth to December second."},

		// Pence, points, years, basis points.
		{"It cost 99p, and shares hit 480p.", "It cost ninety nine pence, and shares hit four hundred eighty pence."},
		{"A 1p coin.", "A one penny coin."},
		{"The 1080p screen.", "The ten eighty p screen."},
		{"They are 2 pts clear after 10 yrs.", "They are two points clear after ten years."},
		{"A cut of 25bp and then 50 bps.", "A cut of twenty five basis points and then fifty basis points."},

		// Heights in feet and inches.
		{`He is 6'2" tall.`, "He is six feet two inches tall."},
		{"She is 5′11″.", "She is five feet eleven inches."},

		// Datelines and wire times.
		{"Thu, 12 Oct 2023", "Thursday, the twelfth of October twenty twenty three"},
		{"Mon., Jan. 8", "Monday, January eighth"},
		{"Man Utd won on Sat. It was late.", "Man United won on Saturday. It was late."},
		{"On Tues. we met, and we meet again on Fri.", "On Tuesday we met, and we meet again on Friday."},
		{"The Sun, the Sat and Wed", "The Sun, the Sat and Wed"},
		{"The Sun, 12 May 2023", "The Sun, the twelfth of May twenty twenty three"},
		{"Markets opened at 0900 GMT and closed at 1630 GMT.", "Markets opened at o nine hundred G M T and closed at sixteen thirty G M T."},
		{"The meeting is at 1600 hrs and lasted 1600 hours.", "The meeting is at sixteen hundred hours and lasted one thousand six hundred hours."},
		{"Inflation was 3.7% in Aug. and fell in Sept., since Oct. It rose.", "Inflation was three point seven percent in August and fell in September, since October. It rose."},
		{"The Jan. figures are due.", "The January figures are due."},
		{"He ran 9.58s in 2009.", "He ran nine point five eight seconds in two thousand nine."},

		// Scores and votes with a shorter second part.
		{"The Lakers won 101-99.", "The Lakers won one hundred one to ninety nine."},
		{"The 100-1 outsider won.", "The one hundred to one outsider won."},
		{"The Senate voted 52-48.", "The Senate voted fifty two to forty eight."},

		// Seasons with a spaced dash, Indian scales, compounds after money.
		{"The 2003 - 04 season.", "The two thousand three to o four season."},
		{"The 2022-23 season ended.", "The twenty twenty two to twenty three season ended."},
		{"The budget is Rs 500 crore.", "The budget is five hundred crore rupees."},
		{"A $5 million-a-year deal.", "A five million dollars a year deal."},
		{"It covers 2.5 million sq km.", "It covers two point five million square kilometers."},

		// Model numbers in the plural, emergency numbers.
		{"B-52s and F-16s flew over.", "B fifty twos and F sixteens flew over."},
		{"Call 911 now.", "Call nine one one now."},
		{"She dialled 999.", "She dialled nine nine nine."},
		{"He paid 999 pounds.", "He paid nine hundred ninety nine pounds."},
		{"The card ending in 8876 was used.", "The card ending in eight eight seven six was used."},

		// Sizes, titles without periods, tokenized endings.
		{"A 10 x 12 room and a 3 × 4 m space.", "A ten by twelve room and a three by four meters space."},
		{"Sgt Jones and Capt Smith met Prof Brown.", "sergeant Jones and captain Smith met professor Brown."},
		{"Mt Everest and Ft. Worth.", "mount Everest and fort Worth."},
		{"Gen Z and the SEN pupils.", "Gen Z and the S E N pupils."},
		{"The 1950 's and Lead 21 's site.", "The nineteen fifties and Lead twenty one's site."},

		// Ratios, aircraft, acronyms.
		{"A 3:1 ratio and a 2:1 majority at 3:15 today.", "A three to one ratio and a two to one majority at three fifteen today."},
		{"A Boeing 737 Max and an Airbus A320.", "A Boeing seven three seven Max and an Airbus A three twenty."},
		{"The NYSE and NASA and the FBI.", "The N Y S E and NASA and the F B I."},
		{"MPs and CEOs met.", "M P's and C E O's met."},

		// Hour ranges, glued number signs, day pairs, currency codes.
		{"The event is 7-9pm.", "The event is seven P.M to nine P.M."},
		{"He is the world No.1 again.", "He is the world number one again."},
		{"From 1 to 3 June and on 5 and 6 May 2024.", "From the first to the third of June and on the fifth and the sixth of May twenty twenty four."},
		{"He scored 2 and 3 points.", "He scored two and three points."},
		{"It raised SEK 5bn and CHF 10m.", "It raised five billion Swedish kronor and ten million Swiss francs."},
		{"Savers moved cash into 401(k) plans and 501(c)(3) groups.", "Savers moved cash into four oh one k plans and five oh one c three groups."},

		// A lone X is a numeral only after a title or a name that had a
		// tenth ruler.
		{"Malcolm X spoke, as did Pope Pius X.", "Malcolm X spoke, as did Pope Pius the tenth."},
		{"The Xbox Series X and Chapter X.", "The Xbox Series X and Chapter ten."},
		{"Elizabeth II died on 8 September 2022 aged 96.", "Elizabeth the second died on the eighth of September twenty twenty two aged ninety six."},

		// Street abbreviations after a name, counties, doctorates.
		{"She lives on Abbey Rd. in London.", "She lives on Abbey Road in London."},
		{"We met on Fifth Ave. It rained.", "We met on Fifth Avenue. It rained."},
		{"Farms in Co. Durham and Smith & Co. grew.", "Farms in County Durham and Smith and Co. grew."},
		{"She has a Ph.D. from Yale.", "She has a P h D from Yale."},
		{"Prices incl. VAT, excl. fees, the govt said; avg. pay rose.", "Prices including V A T, excluding fees, the government said; average pay rose."},

		// Volumes and energy.
		{"A 1.5l bottle, 33cl cans and a 4.0 L engine.", "A one point five liters bottle, thirty three centiliters cans and a four point zero L engine."},
		{"A 2,000 kcal diet.", "A two thousand kilocalories diet."},
		{"The town is 20 KM away, 5 LBS, and 3 PC units.", "The town is twenty kilometers away, five pounds, and three P C units."},
		{"Highs of 20-25C and a margin of error of ±3 points.", "Highs of twenty to twenty five degrees Celsius and a margin of error of plus or minus three points."},
		{"Music from the ‘80s.", "Music from the eighties."},
		{"The 1990’s boom and 10 000 people.", "The nineteen nineties boom and ten thousand people."},
	}
	for _, tt := range tests {
		res := n.Normalize(tt.in)
		if res.Text != tt.want {
			t.Errorf("Normalize(%q)\n got: %q\nwant: %q", tt.in, res.Text, tt.want)
		}
		checkResult(t, tt.in, res)
	}
}
