import DocPipeCore
import Testing
@testable import DocPipeExtract

/// Sentences written for these tests. Each case: the sentence, the expected expressions as
/// (covered text, kind, value, mod) in document order.
private func tag(_ text: String, reference: String? = nil) -> [TimeExpression] {
    var d = Document(id: "t", source: SourceFile(path: "t.txt", bytes: Array(text.utf8)))
    d.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
    return TimexTagger(referenceDate: reference).tag(d)
}

private func covered(_ text: String, _ e: TimeExpression) -> String {
    String(decoding: Array(text.utf8)[e.range], as: UTF8.self)
}

struct DateCase: CustomTestStringConvertible, Sendable {
    let text: String
    let expect: [(String, TimeExpression.Kind, String, String?)]
    init(_ text: String, _ expect: [(String, TimeExpression.Kind, String, String?)]) {
        self.text = text
        self.expect = expect
    }
    var testDescription: String { text }
}

private func check(_ c: DateCase, reference: String? = nil) {
    let got = tag(c.text, reference: reference)
    let shown = got.map { "\(covered(c.text, $0))=\($0.kind.rawValue):\($0.value):\($0.mod ?? "-")" }
    #expect(got.count == c.expect.count, "\(c.text) → \(shown)")
    for (e, x) in zip(got, c.expect) {
        #expect(covered(c.text, e) == x.0, "\(c.text) → \(shown)")
        #expect(e.kind == x.1, "\(c.text) → \(shown)")
        #expect(e.value == x.2, "\(c.text) → \(shown)")
        #expect(e.mod == x.3, "\(c.text) → \(shown)")
    }
}

@Suite struct DateTaggerTests {
    /// The list from the issue.
    static let issueCases: [DateCase] = [
        DateCase("The agency was set up in 1951 by nine countries.", [("1951", .date, "1951", nil)]),
        DateCase("Relief flights were common in the 1950s.", [("the 1950s", .date, "195", nil)]),
        DateCase("Its budget for the 21st century is larger.", [("the 21st century", .date, "20", nil)]),
        DateCase("The office opened in April 2003 with two staff.", [("April 2003", .date, "2003-04", nil)]),
        DateCase("In early 2006 the group grew.", [("early 2006", .date, "2006", "START")]),
        DateCase("The report was published in November 2007.", [("November 2007", .date, "2007-11", nil)]),
        DateCase("Its work has changed over half a century.", [("over half a century", .duration, "P50Y", "MORE_THAN")]),
        DateCase("It took a decade and a half to finish.", [("a decade and a half", .duration, "P15Y", nil)]),
    ]

    static let dateCases: [DateCase] = [
        DateCase("The treaty was signed on 12 June 2004 in Rome.", [("12 June 2004", .date, "2004-06-12", nil)]),
        DateCase("The treaty was signed on June 12, 2004 in Rome.", [("June 12, 2004", .date, "2004-06-12", nil)]),
        DateCase("The file is dated 2004-06-12 in the archive.", [("2004-06-12", .date, "2004-06-12", nil)]),
        DateCase("Stamped 25/06/2004 at the border.", [("25/06/2004", .date, "2004-06-25", nil)]),
        DateCase("Ships sailed in the mid-1970s.", [("the mid-1970s", .date, "197", "MID")]),
        DateCase("Trade grew in the early 2000s and in the 1800s.", [("the early 2000s", .date, "200", "START"), ("the 1800s", .date, "18", nil)]),
        DateCase("Cities grew in the late 19th century.", [("the late 19th century", .date, "18", "END")]),
        DateCase("Cities grew in the nineteenth century.", [("the nineteenth century", .date, "18", nil)]),
        DateCase("The port was built in the 5th century BC.", [("the 5th century BC", .date, "BC04", nil)]),
        DateCase("The siege ended in 480 BC.", [("480 BC", .date, "BC0480", nil)]),
        DateCase("Talks resumed in the summer of 1943.", [("the summer of 1943", .date, "1943-SU", nil)]),
        DateCase("Profits rose in the third quarter of 2005.", [("the third quarter of 2005", .date, "2005-Q3", nil)]),
        // A verb in `s` after a year is no counted noun.
        DateCase("The budget for 2023 was 4.1 million dollars.", [("2023", .date, "2023", nil)]),
        DateCase("The target for 2030 is ambitious.", [("2030", .date, "2030", nil)]),
        // Fractions of a unit: a quarter is no `a century`.
        DateCase("The reform took a quarter of a century.", [("a quarter of a century", .duration, "P25Y", nil)]),
        DateCase("The survey ran for three quarters of a year.", [("three quarters of a year", .duration, "P9M", nil)]),
        DateCase("After a quarter-century of talks the two merged.", [("a quarter-century", .duration, "P25Y", nil)]),
        DateCase("It lasted three-quarters of a decade.", [("three-quarters of a decade", .duration, "P90M", nil)]),
        DateCase("Sales fell in late 1942 and recovered by the end of 1943.",
                 [("late 1942", .date, "1942", "END"), ("the end of 1943", .date, "1943", "END")]),
        DateCase("The fleet arrived in mid-September 1942.", [("mid-September 1942", .date, "1942-09", "MID")]),
        DateCase("About 1950 the town was rebuilt.", [("About 1950", .date, "1950", "APPROX")]),
        DateCase("Report for 2003: main findings", [("2003", .date, "2003", nil)]),
        DateCase("Carthage fell in 146 B.C. after a siege.", [("146 B.C.", .date, "BC0146", nil)]),
        DateCase("The revolt ran from 499 to 493 BC.", [("499", .date, "BC0499", nil), ("493 BC", .date, "BC0493", nil)]),
        DateCase("Prices peaked around March 1981.", [("around March 1981", .date, "1981-03", "APPROX")]),
        DateCase("The library opened in the year 1950.", [("the year 1950", .date, "1950", nil)]),
        DateCase("Imports doubled in the first half of 1941.", [("the first half of 1941", .date, "1941-H1", nil)]),
        DateCase("The talks of 1788 failed; the '89 revolt followed.", [("1788", .date, "1788", nil), ("'89", .date, "1789", nil)]),
        DateCase("In May 1940 the front broke; by the end of the month it was over.",
                 [("May 1940", .date, "1940-05", nil), ("the end of the month", .date, "1940-05", "END")]),
    ]

    static let durationCases: [DateCase] = [
        DateCase("Members serve two-year terms.", [("two-year", .duration, "P2Y", nil)]),
        DateCase("The course lasts six months.", [("six months", .duration, "P6M", nil)]),
        DateCase("Repairs took three weeks.", [("three weeks", .duration, "P3W", nil)]),
        DateCase("The dispute lasted over a decade.", [("over a decade", .duration, "P10Y", "MORE_THAN")]),
        DateCase("Ties deepened over the past decade and a half.", [("the past decade and a half", .duration, "P15Y", nil)]),
        DateCase("The siege lasted a year and a half.", [("a year and a half", .duration, "P18M", nil)]),
        DateCase("They waited for about twenty-five years.", [("about twenty-five years", .duration, "P25Y", "APPROX")]),
        DateCase("It took several years to rebuild.", [("several years", .duration, "PXY", nil)]),
        DateCase("The march lasted 12 days.", [("12 days", .duration, "P12D", nil)]),
        DateCase("The fort held for years and fell in the coming months.", [("years", .duration, "PXY", nil), ("the coming months", .duration, "PXM", nil)]),
        DateCase("The dam has stood for the past half century.", [("the past half century", .duration, "P50Y", nil)]),
        DateCase("It ended the Seven Years' War and the Six-Day War.", []),
    ]

    static let setCases: [DateCase] = [
        DateCase("The council meets annually in Geneva.", [("annually", .set, "P1Y", nil)]),
        DateCase("An annual budget of $1.4 billion is set.", [("annual", .set, "P1Y", nil)]),
        DateCase("Elections are held every two years.", [("every two years", .set, "P2Y", nil)]),
        DateCase("Staff report monthly and the board meets weekly.", [("monthly", .set, "P1M", nil), ("weekly", .set, "P1W", nil)]),
        DateCase("The bulletin appears yearly.", [("yearly", .set, "P1Y", nil)]),
        DateCase("The working group meets every spring in Copenhagen.", [("every spring", .set, "XXXX-SP", nil)]),
        DateCase("Reports are due each January and the board sits every Monday.", [("each January", .set, "XXXX-01", nil), ("every Monday", .set, "XXXX-WXX-1", nil)]),
    ]

    static let refCases: [DateCase] = [
        DateCase("The body currently has 165 members.", [("currently", .date, "PRESENT_REF", nil)]),
        DateCase("Today it has offices everywhere.", [("Today", .date, "PRESENT_REF", nil)]),
        DateCase("At present the office is closed; it is now open online.", [("At present", .date, "PRESENT_REF", nil), ("now", .date, "PRESENT_REF", nil)]),
        DateCase("Nowadays few remember it.", [("Nowadays", .date, "PRESENT_REF", nil)]),
        DateCase("The site was formerly a school.", [("formerly", .date, "PAST_REF", nil)]),
        DateCase("Such claims were common in the past, but not now.", [("the past", .date, "PAST_REF", nil), ("now", .date, "PRESENT_REF", nil)]),
    ]

    /// A hedged year stays a year before a word that only looks plural.
    @Test func hedgedYearBeforeOnwards() {
        check(DateCase("Exports grew from around 1990 onwards.", [("around 1990", .date, "1990", "APPROX")]))
    }

    /// Numbers that are not dates.
    static let negativeCases: [DateCase] = [
        DateCase("The organization has some 9,000 staff.", []),
        DateCase("The archive holds 1,250 records.", []),
        DateCase("There were over 2,400 projects in 90 countries.", [] ),
        DateCase("The assembly adopted resolution 2758 without a vote.", []),
        DateCase("Observer status came with resolution A/RES/47/4 of the assembly.", []),
        DateCase("The meeting starts at 19:45 in room 1204.", [("19:45", .time, "XXXX-XX-XXT19:45", nil)]),
        DateCase("The fee is $1999 per person.", []),
        DateCase("See page 1987 of the report.", []),
        DateCase("About 1500 soldiers and 2000 horses crossed.", []),
        // A hedge and a plural noun make a count, not an approximate year.
        DateCase("The congress drew about 1500 delegates.", []),
        DateCase("Some 1800 families and around 1900 farmers moved.", []),
        DateCase("It came third and fourth in the vote.", []),
        DateCase("You may go; the troops march on.", []),
        DateCase("Stamped 05/06/2004 at the border.", []),
        DateCase("The road is 1200 km long.", []),
        DateCase("The fall of Rome was slow.", []),
        DateCase("Call 555-1234 or see item 12/7.", []),
    ]

    /// `over` before a duration: `during` after a noun, an amount, punctuation or at the start of a sentence (the
    /// duration alone, no mod); `more than` after a preposition, a verb or an adverb.
    static let overCases: [DateCase] = [
        DateCase("Over forty years the fund has doubled.", [("forty years", .duration, "P40Y", nil)]),
        DateCase("The plan sets aside €25 million over eight years.", [("eight years", .duration, "P8Y", nil)]),
        DateCase("The survey logged 300 sightings over twelve months.", [("twelve months", .duration, "P12M", nil)]),
        DateCase("Prices fell, over five years, in the south.", [("five years", .duration, "P5Y", nil)]),
        DateCase("The mission ran for over twelve years.", [("over twelve years", .duration, "P12Y", "MORE_THAN")]),
        DateCase("After over a decade of talks the pact held.", [("over a decade", .duration, "P10Y", "MORE_THAN")]),
        DateCase("She came with over 20 years of field work.", [("over 20 years", .duration, "P20Y", "MORE_THAN")]),
        DateCase("The crossing took over a month.", [("over a month", .duration, "P1M", "MORE_THAN")]),
        DateCase("The strike lasted over six weeks.", [("over six weeks", .duration, "P6W", "MORE_THAN")]),
        DateCase("A reply came over a month later.", [("over a month", .duration, "P1M", "MORE_THAN")]),
        DateCase("Talks went on over the past decade.", [("the past decade", .duration, "P10Y", nil)]),
    ]

    @Test(arguments: overCases) func overHedgesOnlyAfterPrepositionsAndVerbs(_ c: DateCase) { check(c) }

    /// A capitalised day word inside a sentence (in a quoted title too) is part of a title, not a date; at the start of
    /// a sentence (after a stop, a bullet, a closing quote, in quoted speech) and in lower case it stays one.
    static let titleDayWordCases: [DateCase] = [
        DateCase("On 3 May 2010 the board launched Seas of Tomorrow.", [("3 May 2010", .date, "2010-05-03", nil)]),
        DateCase("The bulletin “Europe Today” closed in 1999.", [("1999", .date, "1999", nil)]),
        DateCase("The magazine Africa Today sold well.", []),
        DateCase("Sales rose 4 Today and Tomorrow.", []),
        DateCase("Today the council has 40 members.", [("Today", .date, "PRESENT_REF", nil)]),
        DateCase("The vote was close. Today it is law.", [("Today", .date, "PRESENT_REF", nil)]),
        DateCase("• Today the office is shut.", [("Today", .date, "PRESENT_REF", nil)]),
        DateCase("It said: “We meet again.” Today it met.", [("Today", .date, "PRESENT_REF", nil)]),
        DateCase("He wrote, “Today we start.”", [("Today", .date, "PRESENT_REF", nil)]),
        DateCase("Its bulletin “Today” closed.", []),
        DateCase("On 3 May 2010 the ship sailed; it docks tomorrow.", [("3 May 2010", .date, "2010-05-03", nil), ("tomorrow", .date, "2010-05-04", nil)]),
    ]

    @Test(arguments: titleDayWordCases) func capitalisedDayWordsInTitles(_ c: DateCase) { check(c) }

    /// A range whose end month comes before its start month, in a year written once: the end is in the next year (the
    /// start in the year before, when the year is written with the end or the range ends by the anchor's month).
    /// Lists and ranges in order keep one year.
    static let monthRangeCases: [DateCase] = [
        DateCase("The camp was open in 2002, from November to April.",
                 [("2002", .date, "2002", nil), ("November", .date, "2002-11", nil), ("April", .date, "2003-04", nil)]),
        DateCase("In 2002 the rains lasted from 20 November to 3 April.",
                 [("2002", .date, "2002", nil), ("20 November", .date, "2002-11-20", nil), ("3 April", .date, "2003-04-03", nil)]),
        DateCase("Talks ran from December 1941 to March.", [("December 1941", .date, "1941-12", nil), ("March", .date, "1942-03", nil)]),
        DateCase("Manila fell in March 1945; in Burma the fighting ran from October to March.",
                 [("March 1945", .date, "1945-03", nil), ("October", .date, "1944-10", nil), ("March", .date, "1945-03", nil)]),
        DateCase("Fighting went on between November and April 1918.", [("November", .date, "1917-11", nil), ("April 1918", .date, "1918-04", nil)]),
        DateCase("In 2002 the fair ran from April to November.",
                 [("2002", .date, "2002", nil), ("April", .date, "2002-04", nil), ("November", .date, "2002-11", nil)]),
        DateCase("In 2002 it rained in November and April.",
                 [("2002", .date, "2002", nil), ("November", .date, "2002-11", nil), ("April", .date, "2002-04", nil)]),
        DateCase("Fighting went on between April and November 1918.", [("April", .date, "1918-04", nil), ("November 1918", .date, "1918-11", nil)]),
    ]

    @Test(arguments: monthRangeCases) func monthRangesEndAfterTheyStart(_ c: DateCase) { check(c) }

    /// A bare month or season in a clause that states a habit in the simple present names no year (`XXXX`); in a past
    /// clause, a present perfect (a past event: decided so), under a modal or with a year, `next`, `this` it keeps the
    /// narrative anchor. Each case opens with a past sentence that sets the anchor to 1998.
    static let habitCases: [DateCase] = [
        // Present habits.
        DateCase("The fund was set up in 1998. In winter the depot closes.", [("1998", .date, "1998", nil), ("winter", .date, "XXXX-WI", nil)]),
        DateCase("The fund was set up in 1998. The yearbook is printed in May.", [("1998", .date, "1998", nil), ("May", .date, "XXXX-05", nil)]),
        DateCase("The fund was set up in 1998. The fair takes place in the autumn.", [("1998", .date, "1998", nil), ("the autumn", .date, "XXXX-FA", nil)]),
        DateCase("The fund was set up in 1998. In July the trustees meet in Oslo.", [("1998", .date, "1998", nil), ("July", .date, "XXXX-07", nil)]),
        DateCase("The fund was set up in 1998. Its accounts are audited in June and December.",
                 [("1998", .date, "1998", nil), ("June", .date, "XXXX-06", nil), ("December", .date, "XXXX-12", nil)]),
        DateCase("The fund was set up in 1998. In early summer the depot usually shuts.", [("1998", .date, "1998", nil), ("early summer", .date, "XXXX-SU", "START")]),
        DateCase("The fund was set up in 1998. The depot, which closes in winter, was rebuilt.", [("1998", .date, "1998", nil), ("winter", .date, "XXXX-WI", nil)]),
        DateCase("The depot, which was set up in 1998, closes in winter.", [("1998", .date, "1998", nil), ("winter", .date, "XXXX-WI", nil)]),
        // Past narrative keeps the anchor.
        DateCase("The fund was set up in 1998. In July it moved to Oslo.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
        DateCase("The fund was set up in 1998. In winter the depot was closed.", [("1998", .date, "1998", nil), ("winter", .date, "1998-WI", nil)]),
        DateCase("The fund was set up in 1998. In July the trustees met in Oslo.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
        DateCase("The fund was set up in 1998. In July the reports were printed.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
        // The present perfect reports a past event: anchored.
        DateCase("The fund was set up in 1998. The board has met in July.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
        DateCase("The fund was set up in 1998. The fair has been held in the autumn.", [("1998", .date, "1998", nil), ("the autumn", .date, "1998-FA", nil)]),
        // Modals and infinitives are no statement of habit.
        DateCase("The fund was set up in 1998. The board will meet in July.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
        DateCase("The fund was set up in 1998. The board plans to meet in July.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
        // A year, `next`, `this`, a day: unchanged.
        DateCase("The fund was set up in 1998. In March 2010 the depot closes.", [("1998", .date, "1998", nil), ("March 2010", .date, "2010-03", nil)]),
        DateCase("The fund was set up in 1998. Next winter the depot closes.", [("1998", .date, "1998", nil), ("Next winter", .date, "1999-WI", nil)]),
        DateCase("The fund was set up in 1998. This winter the depot closes.", [("1998", .date, "1998", nil), ("This winter", .date, "1998-WI", nil)]),
        DateCase("The fund was set up in 1998. On 3 July the depot closes.", [("1998", .date, "1998", nil), ("3 July", .date, "1998-07-03", nil)]),
        // An adverb between the auxiliary and the participle (`is usually printed`) keeps the present passive.
        DateCase("The fund was set up in 1998. The yearbook is usually printed in May.", [("1998", .date, "1998", nil), ("May", .date, "XXXX-05", nil)]),
        // A participle right after a comma opens a phrase (`, located in Oslo,`): no past tense of the clause.
        DateCase("The fund was set up in 1998. The depot, located in Oslo, closes in winter.", [("1998", .date, "1998", nil), ("winter", .date, "XXXX-WI", nil)]),
        // The claims' irregular past tenses are past tenses here too (`shrank`): the clause is narrative.
        DateCase("The fund was set up in 1998. In winter the lake shrank and the depot closes.", [("1998", .date, "1998", nil), ("winter", .date, "1998-WI", nil)]),
        // `its reports`: a noun, not a verb of habit.
        DateCase("The fund was set up in 1998. In July its reports.", [("1998", .date, "1998", nil), ("July", .date, "1998-07", nil)]),
    ]

    @Test(arguments: habitCases) func habitsInThePresentNameNoYear(_ c: DateCase) { check(c) }

    @Test func habitsInNewsModeKeepTheReferenceYear() {
        // With a reference date a present tense often announces the coming month: the reference decides.
        let got = tag("In winter the depot closes.", reference: "2014-06-15")
        #expect(got.map(\.value) == ["2014-WI"])
    }

    @Test func aClauseIsReadWithinAFewDozenTokensOfTheDate() {
        // A line of bare months with no sentence stop: each month reads the words near it, not the whole line (which
        // would be quadratic), and the verb of habit near each still decides.
        let line = "The council was founded in 2005. " + String(repeating: "The depot closes in March and the office shuts in winter and ", count: 300)
        let got = tag(line)
        #expect(got.count == 601)
        #expect(got.dropFirst().allSatisfy { $0.value == "XXXX-03" || $0.value == "XXXX-WI" })
        // The limit: a past verb in the same sentence but more than `DateTense.reach` tokens away is not seen.
        let near = "In 2005 the council met and " + String(repeating: "the office ", count: 20) + "closes in March."
        #expect(tag(near).map(\.value) == ["2005", "2005-03"])
        let far = "In 2005 the council met and " + String(repeating: "the office ", count: 45) + "closes in March."
        #expect(tag(far).map(\.value) == ["2005", "XXXX-03"])
    }

    @Test func monthRangeIntoTheNextYearKeepsItsLink() {
        let text = "In 2002 the camp was open from November to April."
        let got = tag(text)
        #expect(got.map(\.value) == ["2002", "2002-11", "2003-04"])
        #expect(got.dropFirst().allSatisfy { $0.from == "2002-11" && $0.to == "2003-04" })
    }

    /// After an amount, `a year` / `a month` / `an hour` is a rate (a set, as `per year` is); elsewhere a duration.
    static let rateCases: [DateCase] = [
        DateCase("Grants of £8,200 a year were paid.", [("a year", .set, "P1Y", nil)]),
        DateCase("It costs $3.5 million a year to run.", [("a year", .set, "P1Y", nil)]),
        DateCase("Fees rose 4% a year.", [("a year", .set, "P1Y", nil)]),
        DateCase("Output grew by 2 per cent a month.", [("a month", .set, "P1M", nil)]),
        DateCase("Guards earn €30 an hour.", [("an hour", .set, "PT1H", nil)]),
        DateCase("The park draws 300 visitors a day.", [("a day", .set, "P1D", nil)]),
        DateCase("After the 1990 elections a year passed.", [("1990", .date, "1990", nil), ("a year", .duration, "P1Y", nil)]),
        DateCase("The fee is $40 per year.", [("per year", .set, "P1Y", nil)]),
        DateCase("The repairs took a year.", [("a year", .duration, "P1Y", nil)]),
        DateCase("It shut in 1990 a year after the war.", [("1990", .date, "1990", nil), ("a year", .duration, "P1Y", nil)]),
    ]

    @Test(arguments: rateCases) func aYearAfterAnAmountIsARate(_ c: DateCase) { check(c) }

    /// A full date before a noun modifies it: the `the` before the date is the noun's, not the date's. Elsewhere the
    /// date keeps its `the`.
    static let premodifierCases: [DateCase] = [
        DateCase("Rescuers reached the 17 March 2004 landslide quickly.", [("17 March 2004", .date, "2004-03-17", nil)]),
        DateCase("Many recalled the 2nd of May 1998 floods.", [("2nd of May 1998", .date, "1998-05-02", nil)]),
        DateCase("The pact was signed on the 11 July, 1920, in Riga.", [("the 11 July, 1920", .date, "1920-07-11", nil)]),
        DateCase("On the 4 March 1921 the army left.", [("the 4 March 1921", .date, "1921-03-04", nil)]),
        DateCase("It was ratified on the 9 June 1950 with no vote.", [("the 9 June 1950", .date, "1950-06-09", nil)]),
        DateCase("Talks ended on the 3 May 1940.", [("the 3 May 1940", .date, "1940-05-03", nil)]),
        DateCase("Talks met the 3 May 1940 deadline.", [("3 May 1940", .date, "1940-05-03", nil)]),
    ]

    @Test(arguments: premodifierCases) func fullDateBeforeANounLeavesTheOut(_ c: DateCase) { check(c) }

    @Test(arguments: issueCases) func issueList(_ c: DateCase) { check(c) }
    @Test(arguments: dateCases) func dates(_ c: DateCase) { check(c) }
    @Test(arguments: durationCases) func durations(_ c: DateCase) { check(c) }
    @Test(arguments: setCases) func sets(_ c: DateCase) { check(c) }
    @Test(arguments: refCases) func references(_ c: DateCase) { check(c) }
    @Test(arguments: negativeCases) func nonDates(_ c: DateCase) { check(c) }

    @Test func yearSlashRangeIsOneExpression() {
        let text = "The plan for 2004/2005 was approved."
        let got = tag(text)
        #expect(got.count == 1)
        guard got.count == 1 else { return }
        #expect(covered(text, got[0]) == "2004/2005")
        #expect(got[0].value == "2004")
        #expect(got[0].from == "2004")
        #expect(got[0].to == "2005")
    }

    @Test func dashAndFromToRangesAreTwoLinkedExpressions() {
        for text in ["The war lasted from 1990 to 1995.", "The war lasted between 1990 and 1995.", "The war (1990–1995) was long."] {
            let got = tag(text)
            #expect(got.count == 2, "\(text)")
            guard got.count == 2 else { continue }
            #expect(got.map { covered(text, $0) } == ["1990", "1995"])
            #expect(got.allSatisfy { $0.from == "1990" && $0.to == "1995" }, "\(text)")
        }
        let text = "The siege (1915-16) and the battle of 6–7 January 1916."
        let got = tag(text)
        #expect(got.map { covered(text, $0) } == ["1915", "16", "6", "7 January 1916"])
        #expect(got.map(\.value) == ["1915", "1916", "1916-01-06", "1916-01-07"])
    }

    @Test func relativeNarrativeResolution() {
        let text = "The port opened on 3 March 1920. The following year it grew. Two years later it closed. In that year a fire broke out. The next decade was calm. A year earlier, in the same month, talks had failed."
        let got = tag(text)
        let pairs = got.map { "\(covered(text, $0))=\($0.value)" }
        #expect(pairs == [
            "3 March 1920=1920-03-03", "The following year=1921", "Two years later=1922", "that year=1920",
            "The next decade=193", "A year earlier=1919", "the same month=1920-03",
        ])
    }

    @Test func underspecifiedDatesTakeTheLastYear() {
        let text = "Fighting began in May 1940. On June 10 Italy joined, and in August the raids started. The next day was quiet."
        let got = tag(text)
        #expect(got.map(\.value) == ["1940-05", "1940-06-10", "1940-08", "1940-08"] || got.map(\.value) == ["1940-05", "1940-06-10", "1940-08"])
        #expect(got.first.map { covered(text, $0) } == "May 1940")
    }

    @Test func dayMonthRangesAndTimes() {
        let text = "The city fell on 12 May 1940. Fighting went on May 14–15, and at 19:30 that night the line broke. The next morning was calm."
        let got = tag(text)
        #expect(got.map { "\(covered(text, $0))=\($0.value)" } == [
            "12 May 1940=1940-05-12", "May 14=1940-05-14", "15=1940-05-15", "19:30=1940-05-15T19:30",
            "that night=1940-05-15TNI", "The next morning=1940-05-16TMO",
        ])
    }

    @Test func newsModeUsesTheReferenceDate() {
        let text = "In 1990 the plant opened. Last year it closed, and the following month it was sold."
        let got = tag(text, reference: "2014-06-15")
        #expect(got.map(\.value) == ["1990", "2013", "2014-07"])
    }

    @Test func setsWithFrequency() {
        let text = "The board meets three times a year and the panel twice a month."
        let got = tag(text)
        #expect(got.count == 2)
        #expect(got.map { covered(text, $0) } == ["three times a year", "twice a month"])
        #expect(got.map(\.value) == ["P1Y", "P1M"])
        #expect(got.map(\.quantity) == ["3", "2"])
        #expect(got.allSatisfy { $0.kind == .set })
    }

    @Test func offsetsAreUTF8BytesOfTheText() {
        let text = "Zürich — “founded” in 1951; the café’s 1960s décor."
        let got = tag(text)
        #expect(got.map { covered(text, $0) } == ["1951", "1960s"])
        let start = text.utf8.count - " décor.".utf8.count - "1960s".utf8.count
        #expect(got.last?.range == start..<(start + 5))
    }

    /// Every pattern looks ahead and behind; token soup ending anywhere must never trap, and ranges
    /// must stay inside the text, in order, without overlap.
    @Test func tokenSoupNeverTraps() {
        let vocab = ["the", "The", "of", "in", "a", "an", "early", "mid", "-", "–", "/", ":", ".", ",", "'", "s", "st", "th",
                     "1951", "2004", "05", "12", "31", "480", "BC", "B", "C", "AD", "May", "June", "Sept", "summer", "fall",
                     "year", "years", "decade", "century", "half", "and", "to", "from", "between", "later", "earlier", "ago",
                     "next", "following", "same", "that", "this", "night", "every", "times", "twice", "per", "over", "more",
                     "than", "at", "present", "past", "now", "twenty", "first", "quarter", "end", "beginning", "$", "9,000",
                     "1.5", "p", "m", "am", "few", "several", "\n", "Zürich", "—", "€"]
        var seed: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<3000 {
            var words: [String] = []
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let len = Int(seed >> 59) + 1
            for _ in 0..<len {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                words.append(vocab[Int(seed >> 33) % vocab.count])
            }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let text = words.joined(separator: seed & 1 == 0 ? " " : "")
            let got = tag(text, reference: seed & 2 == 0 ? nil : "1999-12-31")
            var last = 0
            for e in got {
                #expect(e.range.lowerBound >= last && e.range.upperBound <= text.utf8.count && !e.range.isEmpty, "\(text)")
                last = e.range.upperBound
            }
        }
    }

    @Test func emptyAndOddInputs() {
        #expect(tag("").isEmpty)
        #expect(tag("2004").map(\.value) == ["2004"])
        #expect(tag("the").isEmpty)
        #expect(tag("'").isEmpty)
        #expect(tag("- 1 -").isEmpty)
    }
}
