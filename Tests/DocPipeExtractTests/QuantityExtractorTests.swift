import Testing
import DocPipeCore
@testable import DocPipeExtract

/// A document over `text` with hand-set layers.
func qcDocument(_ text: String) -> Document {
    var d = Document(id: "t", source: SourceFile(path: "t.txt", bytes: Array(text.utf8)))
    d.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
    return d
}

func qcRange(_ text: String, _ needle: String, occurrence: Int = 0) -> Range<Int> {
    let b = Array(text.utf8), n = Array(needle.utf8)
    var seen = 0
    for i in 0...(b.count - n.count) where Array(b[i..<(i + n.count)]) == n {
        if seen == occurrence { return i..<(i + n.count) }
        seen += 1
    }
    fatalError("not found: \(needle)")
}

struct QuantityCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var value: Double
    var unit: String
    var comparator: Comparator = .exactly
    var testDescription: String { sentence }
}

@Suite struct QuantityExtractorTests {
    static let cases: [QuantityCase] = [
        .init(sentence: "The league has 9,000 staff.", value: 9000, unit: "staff"),
        .init(sentence: "Its budget is $1.4 billion a year.", value: 1_400_000_000, unit: "USD"),
        .init(sentence: "They moved nearly a million refugees.", value: 1_000_000, unit: "refugees", comparator: .nearly),
        .init(sentence: "The board admitted a further four members.", value: 4, unit: "members"),
        .init(sentence: "It serves some 160 million people.", value: 160_000_000, unit: "people", comparator: .about),
        .init(sentence: "Five states signed the pact.", value: 5, unit: "states"),
        .init(sentence: "The council has ten non-permanent members.", value: 10, unit: "non-permanent members"),
        .init(sentence: "The union counts 165 Member States.", value: 165, unit: "member states"),
        .init(sentence: "It ran over 2,400 projects.", value: 2400, unit: "projects", comparator: .over),
        .init(sentence: "It works in 40 countries and territories.", value: 40, unit: "countries and territories"),
        .init(sentence: "There are 12 states holding observer status.", value: 12, unit: "observer states"),
        .init(sentence: "More than 70 NGOs attended.", value: 70, unit: "NGOs", comparator: .over),
        .init(sentence: "Almost 300 offices closed.", value: 300, unit: "offices", comparator: .nearly),
        .init(sentence: "About 20 agencies replied.", value: 20, unit: "agencies", comparator: .about),
        .init(sentence: "An estimated 3,500 volunteers helped.", value: 3500, unit: "volunteers", comparator: .about),
        .init(sentence: "At least 14 members voted.", value: 14, unit: "members", comparator: .atLeast),
        .init(sentence: "It can admit up to 30 members.", value: 30, unit: "members", comparator: .atMost),
        .init(sentence: "No more than 8 observers may attend.", value: 8, unit: "observers", comparator: .atMost),
        .init(sentence: "Fewer than 50 delegates came.", value: 50, unit: "delegates", comparator: .under),
        .init(sentence: "Two-thirds of the members agreed.", value: 2.0 / 3.0, unit: "fraction"),
        .init(sentence: "Fees rose by 12% last year.", value: 12, unit: "%"),
        .init(sentence: "Some 45 per cent came from grants.", value: 45, unit: "%", comparator: .about),
        .init(sentence: "A grant of €40 million was paid.", value: 40_000_000, unit: "EUR"),
        .init(sentence: "A fine of £12,500 was imposed.", value: 12500, unit: "GBP"),
        .init(sentence: "The fee is CHF 18,000 per member.", value: 18000, unit: "CHF"),
        .init(sentence: "A loan of US$3 million was signed.", value: 3_000_000, unit: "USD"),
        .init(sentence: "The fund has twenty-five trustees.", value: 25, unit: "trustees"),
        .init(sentence: "It employs one hundred and fifty engineers.", value: 150, unit: "engineers"),
        .init(sentence: "The body opened one office in Lima.", value: 1, unit: "offices"),
        .init(sentence: "The area is 155,000 km² in size.", value: 155000, unit: "km²"),
        .init(sentence: "In 1990 the group had 1,200 staff members.", value: 1200, unit: "staff"),
        .init(sentence: "Around 1850 settlers arrived.", value: 1850, unit: "settlers", comparator: .about),
        .init(sentence: "Winter nights fall to −40 °C.", value: -40, unit: "°C"),
        .init(sentence: "It ranges from -5 °C to 30 °C.", value: -5, unit: "°C"),
        // Speeds in knots are measures (not a bare number, not a count of knots).
        .init(sentence: "Gusts reached 35 kn near the cape.", value: 35, unit: "kn"),
        .init(sentence: "The ferry cruises at 18 knots.", value: 18, unit: "knots"),
        .init(sentence: "The ferry line runs 18 boats.", value: 18, unit: "boats"),
    ]

    @Test(arguments: cases)
    func extracts(_ c: QuantityCase) throws {
        let qs = QuantityExtractor.quantities(in: qcDocument(c.sentence))
        let q = try #require(qs.first { $0.unit == c.unit }, "\(qs)")
        #expect(abs(q.value - c.value) < 1e-9)
        #expect(q.comparator == c.comparator)
    }

    /// Decimals times a scale word are exact: `4.1 billion` is 4100000000, not 4.1 × 10⁹ in binary
    /// floating point (4099999999.9999995), which the JSON would print.
    static let scaledDecimals: [(String, Double)] = [
        ("Its capital is $4.1 billion.", 4_100_000_000),
        ("It raised 4.1 million US dollars.", 4_100_000),
        ("A grant of €0.3 million was paid.", 300_000),
        ("Loans reached $12.75 billion.", 12_750_000_000),
        ("A fee of $2.5m was paid.", 2_500_000),
        ("It lent $1.2345678 thousand.", 1234.5678),
    ]

    @Test(arguments: scaledDecimals)
    func scaledDecimalsAreExact(_ c: (String, Double)) throws {
        let q = try #require(QuantityExtractor.quantities(in: qcDocument(c.0)).first)
        #expect(q.value == c.1)
    }

    /// The counted noun phrase ends before a verb: a finite verb in -s, a second plural before a
    /// determiner, `once`.
    static let unitEnds: [(String, Double, String)] = [
        ("A Scientific Council of seven members reviews the programmes.", 7, "members"),
        ("It listed more than 120 operations once grants are included.", 120, "operations"),
        ("The 12 delegates meets the board.", 12, "delegates"),
        ("The 40 member states elects a chair.", 40, "member states"),
        ("Its 14 regional offices send reports.", 14, "regional offices"),
        ("There are 14 regional offices the board funds.", 14, "regional offices"),
        // A plural noun's verb in the base form (`QuantityTables.pluralSubjectVerbs`).
        ("Since then 6 states hold observer seats.", 6, "states"),
        ("About 12 countries host regional offices.", 12, "countries"),
        ("Some 30 states send delegations each year.", 30, "states"),
        ("In all 9 member states share costs equally.", 9, "member states"),
        ("Today 15 agencies employ specialists in Rome.", 15, "agencies"),
        // Not after a plural, or not such a verb: the phrase runs on as before.
        ("It deployed 4 peace support missions.", 4, "peace support missions"),
        ("It links 40 news agencies.", 40, "news agencies"),
        ("It runs 5 arms control programmes.", 5, "arms control programmes"),
        ("It has 3 host countries.", 3, "host countries"),
    ]

    @Test(arguments: unitEnds)
    func unitEndsBeforeVerb(_ c: (String, Double, String)) throws {
        let qs = QuantityExtractor.quantities(in: qcDocument(c.0))
        let q = try #require(qs.first, "\(qs)")
        #expect(q.value == c.1)
        #expect(q.unit == c.2)
    }

    @Test func theNumberOfNamesTheUnitOfTheNumbersItReaches() {
        let qs = QuantityExtractor.quantities(in: qcDocument("Between 1980 and 1995 the number of member states grew from 12 to 30, and it stands at 47 today."))
        #expect(qs.map(\.value) == [12, 30, 47])
        #expect(qs.allSatisfy { $0.unit == "member states" })
        #expect(qs.map { $0.range.count } == [2, 2, 2])  // the mention is the number alone
        let reached = QuantityExtractor.quantities(in: qcDocument("By 2010 the number of participating institutions had reached 64."))
        #expect(reached.first?.unit == "participating institutions")
        // Not in the next sentence, nor a number with a noun of its own, nor one in another frame.
        let next = QuantityExtractor.quantities(in: qcDocument("The number of member states is large. It grew from 12 to 30."))
        #expect(next.allSatisfy { $0.unit.isEmpty })
        let own = QuantityExtractor.quantities(in: qcDocument("The number of member states was reported to 12 experts."))
        #expect(own.first?.unit == "experts")
        let frame = QuantityExtractor.quantities(in: qcDocument("The number of member states grew, with 12 in the first year."))
        #expect(frame.allSatisfy { $0.unit.isEmpty })
    }

    @Test func verbAfterNumberLeavesItBare() throws {
        // `a staff of 18` is the count; `includes hydrologists` is not its unit.
        let qs = QuantityExtractor.quantities(in: qcDocument("The Commission’s staff of 18 includes hydrologists and lawyers."))
        #expect(qs.count == 1)
        #expect(qs.first?.value == 18)
        #expect(qs.first?.unit == "")
    }

    static let nonQuantities: [String] = [
        "It was founded in 1951 in Geneva.",
        "See resolution 2758 and Article 4 of the treaty.",
        "The text is A/RES/47/4 of the assembly.",
        "This was its 21st session.",
        "Call +41 22 717 9111 for details.",
        "The meeting starts at 10:30 sharp.",
        "Between 2004/2005 and 2021–2025 little changed.",
        "Hungary 1956 and Chile 1973 were crises.",
        "Under Article 1(2) the body shall cooperate.",
        "He grew up in the 1950s.",
        "It turned into one with a larger budget.",
        "Teams were deployed within 72 hours.",
        "Exports grew from around 1990 onwards.",
        "COVID-19 spread; see items 2004-5.",
        "Around 1990 the town grew.",
        "Members may withdraw after giving one year’s notice.",
        "Staff receive two months' leave and a week's pay.",
    ]

    @Test(arguments: nonQuantities)
    func ignores(_ sentence: String) {
        #expect(QuantityExtractor.quantities(in: qcDocument(sentence)).isEmpty)
    }

    /// A number after `±` is a tolerance with its unit; the mention includes the sign, the comparator stays `exactly`.
    static let tolerances: [(String, String, Double, String)] = [
        ("Probes read to ±0.2 °C at depth.", "±0.2 °C", 0.2, "°C"),
        ("The error was ± 0.03 ‰ in each run.", "± 0.03 ‰", 0.03, "‰"),
        ("Sensors drift by ±0.004 K a day.", "±0.004 K", 0.004, "K"),
        ("Yields vary by ±3% a year.", "±3%", 3, "%"),
    ]

    @Test(arguments: tolerances)
    func toleranceIsAQuantityWithItsUnit(_ c: (String, String, Double, String)) throws {
        let qs = QuantityExtractor.quantities(in: qcDocument(c.0))
        let q = try #require(qs.first, "\(qs)")
        #expect(qs.count == 1)
        #expect(q.range == qcRange(c.0, c.1))
        #expect(q.value == c.2)
        #expect(q.unit == c.3)
        #expect(q.comparator == .exactly)
    }

    @Test func toleranceWithoutUnitIsNoQuantity() {
        #expect(QuantityExtractor.quantities(in: qcDocument("The score moved ±2 points in May, ±0.5 at most.")).map(\.value) == [2])
        #expect(QuantityExtractor.quantities(in: qcDocument("It changed by ±4.")).isEmpty)
    }

    /// A capitalised name before a number makes it part of the name (`Hungary 1956`), unless a percentage, a
    /// measure or a currency follows: then the figure belongs to the name (`Iceland 2.5%`).
    static let namedFigures: [(String, [Double], [String])] = [
        ("Shares were: Iceland 2.5%, Malta 0.8%.", [2.5, 0.8], ["%", "%"]),
        ("Rates: the United Kingdom 31 per cent.", [31], ["%"]),
        ("Budgets: Norway 4 million euros.", [4_000_000], ["EUR"]),
        ("Rainfall: Peru 120 mm.", [120], ["mm"]),
        ("Hungary 1956 and Chile 1973 were crises.", [], []),
        ("Windows 10 users grew.", [], []),
        ("Regional Association 5 met in Lima.", [], []),
        ("Kenya 5 years on was calm.", [], []),
    ]

    @Test(arguments: namedFigures)
    func nameBeforeAFigureWithAUnit(_ c: (String, [Double], [String])) {
        let qs = QuantityExtractor.quantities(in: qcDocument(c.0))
        #expect(qs.map(\.value) == c.1, "\(qs)")
        #expect(qs.map(\.unit) == c.2, "\(qs)")
    }

    /// A bracketed number glued to what precedes it is a footnote marker, not a quantity; with a space before the
    /// bracket the numbers inside stay quantities.
    static let footnotes: [(String, [Double])] = [
        ("The fund grew fast[3] after 2001.", []),
        ("Membership rose.[12] It has 40 staff.", [40]),
        ("Its budget doubled,[7] to 9 offices.", [9]),
        ("The tally [12 to 3] was read.", [12, 3]),
    ]

    @Test(arguments: footnotes)
    func footnoteMarkersAreNoQuantities(_ c: (String, [Double])) {
        #expect(QuantityExtractor.quantities(in: qcDocument(c.0)).map(\.value) == c.1)
    }

    @Test func possessiveNonTimeNounKeepsItsCount() {
        // Only time nouns make a possessive a duration: `three members’ votes` still counts members.
        let qs = QuantityExtractor.quantities(in: qcDocument("The motion needed three members’ votes."))
        #expect(qs.count == 1)
        #expect(qs.first?.value == 3)
    }

    @Test func skipsNumbersInsideTaggedDates() {
        let text = "On 4 October 1955 the club met."
        var d = qcDocument(text)
        d.dates = [TimeExpression(kind: .date, value: "1955-10-04", range: qcRange(text, "4 October 1955"))]
        #expect(QuantityExtractor.quantities(in: d).isEmpty)
    }

    @Test func rangeCoversHedgeNumberAndNoun() {
        let text = "The union runs over 2,400 projects in 2014."
        let q = QuantityExtractor.quantities(in: qcDocument(text))
        #expect(q.count == 1)
        #expect(q.first?.range == qcRange(text, "over 2,400 projects"))
    }
}
