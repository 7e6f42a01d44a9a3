import Testing
import DocPipeCore
@testable import DocPipeExtract

private func run(_ d: Document) -> [Claim] {
    var d = d
    d.quantities = QuantityExtractor.quantities(in: d)
    return ClaimExtractor.claims(in: d)
}

private func claims(_ text: String) -> [Claim] { run(qcDocument(text)) }

struct ClaimCase: CustomTestStringConvertible, Sendable {
    var text: String
    var subject: String
    var measure: String
    var value: Double
    var time: String?
    var comparator: Comparator = .exactly
    var testDescription: String { text }
}

@Suite struct ClaimExtractorTests {
    static let subjectCases: [ClaimCase] = [
        .init(text: "The Harbour Authority has 42 member states.", subject: "Harbour Authority", measure: "member states", value: 42, time: "PRESENT_REF"),
        .init(text: "ZRF’s 1,200 staff work in ten regions.", subject: "ZRF", measure: "staff", value: 1200, time: nil),
        .init(text: "The Lake Council is an alliance of 12 member states.", subject: "Lake Council", measure: "member states", value: 12, time: "PRESENT_REF"),
        .init(text: "The Delta Fund employs 300 engineers.", subject: "Delta Fund", measure: "engineers", value: 300, time: "PRESENT_REF"),
        .init(text: "The Delta Fund numbers 31 shareholders.", subject: "Delta Fund", measure: "shareholders", value: 31, time: "PRESENT_REF"),
        .init(text: "With 70 member states and 5 observer states, the Delta Fund leads the field.", subject: "Delta Fund", measure: "member states", value: 70, time: "PRESENT_REF"),
        .init(text: "Fourteen states belong to the Delta Fund.", subject: "Delta Fund", measure: "states", value: 14, time: nil),
        .init(text: "In 2014 the Delta Fund had 90 members.", subject: "Delta Fund", measure: "members", value: 90, time: "2014"),
        .init(text: "The Delta Fund was founded by 51 members.", subject: "Delta Fund", measure: "members", value: 51, time: "PAST_REF"),
        .init(text: "The Delta Fund had 64 members by 1960.", subject: "Delta Fund", measure: "members", value: 64, time: "1960"),
        .init(text: "The Delta Fund currently has over 80 members.", subject: "Delta Fund", measure: "members", value: 80, time: "PRESENT_REF", comparator: .over),
        // `has a X of N Ys`
        .init(text: "The Harbour Authority has a total of 54 member states.", subject: "Harbour Authority", measure: "member states", value: 54, time: "PRESENT_REF"),
        .init(text: "The Delta Fund counts a membership of 120 countries.", subject: "Delta Fund", measure: "countries", value: 120, time: "PRESENT_REF"),
        .init(text: "In 2010 the Delta Fund had a network of some 40 field offices.", subject: "Delta Fund", measure: "field offices", value: 40, time: "2010", comparator: .about),
        .init(text: "The Delta Fund has an annual budget of $3 million.", subject: "Delta Fund", measure: "budget (USD)", value: 3_000_000, time: "PRESENT_REF"),
    ]

    @Test func aNounOfNAfterOtherVerbsIsNoClaim() {
        // Not a count verb (`published`), or a partial one (`includes`): no claim.
        for text in ["The Delta Fund published a list of 40 projects.",
                     "The Delta Fund includes a group of 12 member states."] {
            #expect(claims(text).isEmpty, "\(text): \(claims(text))")
        }
    }

    @Test(arguments: subjectCases)
    func subjectPatterns(_ c: ClaimCase) throws {
        let cs = claims(c.text)
        let claim = try #require(cs.first { $0.measure == c.measure && $0.value == c.value }, "\(cs)")
        #expect(claim.subjectText == c.subject)
        #expect(claim.kind == .count)
        #expect(claim.comparator == c.comparator)
        if let tm = c.time { #expect(claim.time == tm) }
    }

    @Test func coordinatedCountsShareTheSubject() {
        let cs = claims("The Delta Fund currently has 120 member states and a further 6 states holding observer status.")
        #expect(cs.count == 2)
        #expect(cs.map(\.measure) == ["member states", "observer states"])
        #expect(Set(cs.map(\.subjectText)) == ["Delta Fund"])
        #expect(cs.allSatisfy { $0.time == "PRESENT_REF" })
    }

    @Test func amountsAndCountsAfterWithBelongToTheHolder() {
        // `into one with …`: the organisation the text is about, here from the sentence before.
        let cs = claims("The Delta Fund was set up in 1990. The wider mandate was matched by growth from a small office into one with an annual operating budget of an estimated $40 million and some 300 staff working in over 20 countries.")
        #expect(cs.map(\.measure) == ["budget (USD)", "staff"], "\(cs)")
        #expect(cs.allSatisfy { $0.subjectText == "Delta Fund" && $0.kind == .count && $0.comparator == .about })
        #expect(cs.map(\.value) == [40_000_000, 300])
        // A name right before `with`; the sentence's own subject for `an agency with`.
        let named = claims("The Lake Council, with 31 member states, meets in Geneva.")
        #expect(named.map { "\($0.subjectText)|\($0.measure)|\(Int($0.value))" } == ["Lake Council|member states|31"])
        let own = claims("The Delta Fund is an agency with a total budget of \u{20AC}25 million.")
        #expect(own.map { "\($0.subjectText)|\($0.measure)" } == ["Delta Fund|budget (EUR)"])
    }

    @Test func withWithoutAHolderIsNoClaim() {
        for text in ["The Delta Fund works in cooperation with 40 partners.",
                     "The report, with 12 annexes, was published by the Delta Fund.",
                     "Meetings with 12 ministers took place in 2010.",
                     "The Delta Fund received $40 million in 2010.",
                     "The Delta Fund signed a loan with a value of $40 million."] {
            #expect(claims(text).isEmpty, "\(text): \(claims(text))")
        }
    }

    /// The counted people are the subject and their organisation follows a verb of work or service.
    static let affiliationCases: [ClaimCase] = [
        .init(text: "Some 400 staff work at the Delta Fund secretariat in Geneva.", subject: "Delta Fund", measure: "staff", value: 400, time: "PRESENT_REF", comparator: .about),
        .init(text: "About 120 people are employed by the Delta Fund.", subject: "Delta Fund", measure: "people", value: 120, time: "PRESENT_REF", comparator: .about),
        .init(text: "Twelve experts serve on the Audit Board.", subject: "Audit Board", measure: "experts", value: 12, time: "PRESENT_REF"),
        .init(text: "Some 300 volunteers work for the Delta Fund.", subject: "Delta Fund", measure: "volunteers", value: 300, time: "PRESENT_REF", comparator: .about),
        .init(text: "Some 300 volunteers worked for the Delta Fund.", subject: "Delta Fund", measure: "volunteers", value: 300, time: "PAST_REF", comparator: .about),
        .init(text: "Over 90 engineers currently work for the Delta Fund.", subject: "Delta Fund", measure: "engineers", value: 90, time: "PRESENT_REF", comparator: .over),
        .init(text: "Forty analysts were hired by the Harbour Authority.", subject: "Harbour Authority", measure: "analysts", value: 40, time: "PAST_REF"),
    ]

    @Test(arguments: affiliationCases)
    func countedPeopleWorkForTheirOrganisation(_ c: ClaimCase) throws {
        try subjectPatterns(c)
    }

    /// A count opening its sentence after a leading time phrase or short adverbial: the subject follows the count
    /// as at the sentence start, and the phrase gives the time frame (the date as TIMEX, `at its founding` the
    /// founding date, else the tense).
    static let leadingPhraseCases: [ClaimCase] = [
        .init(text: "In 2010 some 300 staff worked for the Lake Council.", subject: "Lake Council", measure: "staff", value: 300, time: "2010", comparator: .about),
        .init(text: "By 2015, 58 states had joined the Lake Council.", subject: "Lake Council", measure: "states", value: 58, time: "2015"),
        .init(text: "In 2012, 45 countries were members of the Lake Council.", subject: "Lake Council", measure: "countries", value: 45, time: "2012"),
        .init(text: "The Lake Council was founded in 1990. At its founding, 12 states belonged to the Lake Council.", subject: "Lake Council", measure: "states", value: 12, time: "1990"),
        .init(text: "Today, 61 states belong to the Lake Council.", subject: "Lake Council", measure: "states", value: 61, time: "PRESENT_REF"),
        .init(text: "Currently, 61 states belong to the Lake Council.", subject: "Lake Council", measure: "states", value: 61, time: "PRESENT_REF"),
        .init(text: "As of 2020, 70 states belong to the Lake Council.", subject: "Lake Council", measure: "states", value: 70, time: "2020"),
        .init(text: "In the 1990s 20 states belonged to the Lake Council.", subject: "Lake Council", measure: "states", value: 20, time: "199"),
        .init(text: "In March 2012, 46 countries were members of the Lake Council.", subject: "Lake Council", measure: "countries", value: 46, time: "2012"),
        .init(text: "At the end of 2015, 60 states belonged to the Lake Council.", subject: "Lake Council", measure: "states", value: 60, time: "2015"),
        .init(text: "By then, 30 states belonged to the Lake Council.", subject: "Lake Council", measure: "states", value: 30, time: nil),
        .init(text: "At that time 25 experts served on the Audit Board.", subject: "Audit Board", measure: "experts", value: 25, time: nil),
        .init(text: "At present, some 80 engineers work for the Lake Council.", subject: "Lake Council", measure: "engineers", value: 80, time: "PRESENT_REF", comparator: .about),
        // Unchanged: the subject before its verb after the same phrase.
        .init(text: "In 2010 the Lake Council had 300 staff.", subject: "Lake Council", measure: "staff", value: 300, time: "2010"),
    ]

    @Test(arguments: leadingPhraseCases)
    func countsAfterALeadingTimePhrase(_ c: ClaimCase) throws {
        try subjectPatterns(c)
        // One claim: the date in the phrase is no quantity of its own.
        #expect(claims(c.text).count == 1, "\(claims(c.text))")
    }

    @Test func leadingPhrasesThatAreNoTimeOrCountsThatAreNoTotalGiveNoClaim() {
        for text in [
            // Not a time phrase: the count is not at the start of its clause.
            "The Lake Council met in Oslo. In the report, 12 states are named.",
            "In Geneva, 12 states belonged to the Lake Council.",
            // A part of the staff, not its total.
            "In 2010 300 of the staff left the Lake Council.",
            // No verb that ties the count to an organisation.
            "In 2010, 45 countries signed the treaty.",
            // Joining in a year is an addition; only `By <time> … had joined` states the total then.
            "In 2010, 58 states had joined the Lake Council.",
            "In 2010, 5 states joined the Lake Council.",
            "By 2015, a further 5 states had joined the Lake Council.",
            // A time phrase far from the count: the count is inside the clause, not opening it.
            "In 2010 the report said that 12 states belonged to the Lake Council.",
        ] {
            let cs = claims(text).filter { $0.kind == .count }
            #expect(cs.isEmpty, "\(text): \(cs)")
        }
    }

    /// A count opening a second clause (after `, and`, `, but`, `, while`, `;`, `:`), with or without a time phrase,
    /// is read as at the sentence start; `it` is the subject of the first clause (or of the sentence before, when
    /// that subject is itself `it`), and the time is that clause's own, not the first clause's date.
    static let secondClauseCases: [ClaimCase] = [
        .init(text: "The Lake Council was founded in 1990 with 12 members, and in 2010 some 300 staff worked for it.", subject: "Lake Council", measure: "staff", value: 300, time: "2010", comparator: .about),
        .init(text: "The Council moved to Apia in 1994; by 2015, 58 states had joined the Lake Council.", subject: "Lake Council", measure: "states", value: 58, time: "2015"),
        .init(text: "The Lake Council grew quickly: in 2012, 45 countries were members of the Lake Council.", subject: "Lake Council", measure: "countries", value: 45, time: "2012"),
        .init(text: "The Lake Council was founded in 1990, and 300 staff work for it.", subject: "Lake Council", measure: "staff", value: 300, time: "PRESENT_REF"),
        .init(text: "The Lake Council was founded in 1990, but today 61 states belong to it.", subject: "Lake Council", measure: "states", value: 61, time: "PRESENT_REF"),
        .init(text: "The Lake Council met in Oslo in 1994, while 20 experts served on the Audit Board.", subject: "Audit Board", measure: "experts", value: 20, time: "PAST_REF"),
        .init(text: "Membership grew in the 1990s; at present, some 80 engineers work for the Lake Council.", subject: "Lake Council", measure: "engineers", value: 80, time: "PRESENT_REF", comparator: .about),
        .init(text: "The Lake Council is a regional body. It was founded in 1990, and in 2010 some 300 staff worked for it.", subject: "Lake Council", measure: "staff", value: 300, time: "2010", comparator: .about),
        // `it` at the sentence start: the sentence before, as for any pronoun.
        .init(text: "The Lake Council is a regional body. In 2010 some 300 staff worked for it.", subject: "Lake Council", measure: "staff", value: 300, time: "2010", comparator: .about),
        // Unchanged: counts coordinated inside one clause.
        .init(text: "The Lake Council has 26 members and 4 observers.", subject: "Lake Council", measure: "observers", value: 4, time: "PRESENT_REF"),
        .init(text: "The Lake Council has 26 member states, and 4 observer states hold observer status with it.", subject: "Lake Council", measure: "observer states", value: 4, time: "PRESENT_REF"),
    ]

    @Test(arguments: secondClauseCases)
    func countsOpeningASecondClause(_ c: ClaimCase) throws {
        try subjectPatterns(c)
    }

    @Test func countsInsideTheirClauseKeepTheirReading() {
        // Coordinated counts, an addition coordinated with a count, an enumeration, a total: as before (the join in
        // a second clause is new: an addition).
        let cases: [(String, [String])] = [
            ("The Lake Council has 26 members and 4 observers.", ["count|Lake Council|members|26", "count|Lake Council|observers|4"]),
            ("The Lake Council currently has 120 member states, and a further 6 states hold observer status.",
             ["count|Lake Council|member states|120", "count|Lake Council|observer states|6"]),
            ("The Lake Council has 26 member states, and 4 observer states.", ["count|Lake Council|member states|26", "count|Lake Council|observer states|4"]),
            ("The Lake Council has three bodies: the Board, the Assembly and the Secretariat.",
             ["enumeration|Lake Council|bodies|3", "count|Lake Council|bodies|3"]),
            ("The Lake Council has 26 member states: 20 full members and 6 associate members.",
             ["total|Lake Council|member states|26", "count|Lake Council|full members|20", "count|Lake Council|associate members|6"]),
            // The total after a second clause's join is still the total; the join is an addition.
            ("The Lake Council was founded in 1990; 3 states joined it in 1995, bringing the total membership to 16 states.",
             ["addition|Lake Council|states|3", "total|Lake Council|states|16"]),
        ]
        for (text, expected) in cases {
            let cs = claims(text).map { "\($0.kind)|\($0.subjectText)|\($0.measure)|\(Int($0.value))" }
            #expect(cs == expected, "\(text)")
        }
    }

    @Test func secondClausesThatOpenWithNoCountGiveNoClaim() {
        for text in [
            // No named subject before the second clause for `it`.
            "The report was late, and in 2010 some 300 staff worked for it.",
            // Not a time phrase between the break and the count.
            "The Lake Council met in Oslo; in the report, 12 states are named.",
            // A part of the staff, no verb that ties the count to an organisation, no organisation.
            "The Lake Council met in 2010, and 300 of the staff left.",
            "The Lake Council was founded in 1990; in 2010, 45 countries signed the treaty.",
            "The Lake Council has offices in Oslo and Apia, and 12 states belong to many other bodies.",
            // `in it` says where, not for whom.
            "The Lake Council was founded in 1990, and 300 staff work in it.",
            // Only `By <time>` makes `had joined` a total.
            "The Lake Council was founded in 1990, and in 2010, 58 states had joined it.",
            // The count is inside the clause, far from its start.
            "The Lake Council was founded in 1990, and the report said that 12 states belonged to it.",
            // A comma alone, or `and` alone, opens no clause of its own.
            "The Lake Council was founded in 1990, 300 staff work for it.",
            "The Lake Council was founded in 1990 and 300 staff work for it.",
        ] {
            let cs = claims(text).filter { $0.kind == .count }
            #expect(cs.isEmpty, "\(text): \(cs)")
        }
    }

    /// Joins are additions to a membership, not its total: `N Ys (have) joined X` after a time phrase or at a clause
    /// start is an addition with that phrase's date (`since 1995`: the period's start); a count `since` a date stated
    /// in the present holds now.
    static let sinceCases: [(text: String, kind: Claim.Kind, subject: String, measure: String, value: Double, time: String)] = [
        ("Since 1995, 40 states have joined the Lake Council.", .addition, "Lake Council", "states", 40, "1995"),
        ("The Lake Council was founded in 1990, and since 1995, 40 states have joined it.", .addition, "Lake Council", "states", 40, "1995"),
        ("The Lake Council was founded in 1990. Since 1995, 40 member states have joined.", .addition, "Lake Council", "member states", 40, "1995"),
        ("In 2010, 5 states joined the Lake Council.", .addition, "Lake Council", "states", 5, "2010"),
        ("Since 2001 the Lake Council has had 12 staff.", .count, "Lake Council", "staff", 12, "PRESENT_REF"),
        ("The Lake Council has had 14 staff since 2003.", .count, "Lake Council", "staff", 14, "PRESENT_REF"),
        ("The Lake Council has 40 staff and has been a partner since 1995.", .count, "Lake Council", "staff", 40, "PRESENT_REF"),
        // Past: the date stays the time frame.
        ("Since 2001 the Lake Council had 12 staff.", .count, "Lake Council", "staff", 12, "2001"),
        ("In 2001 the Lake Council had 12 staff.", .count, "Lake Council", "staff", 12, "2001"),
    ]

    @Test(arguments: sinceCases)
    func joinsAreAdditionsAndCountsSinceADateHoldNow(_ c: (text: String, kind: Claim.Kind, subject: String, measure: String, value: Double, time: String)) throws {
        let cs = claims(c.text)
        #expect(cs.count == 1, "\(cs)")
        let claim = try #require(cs.first)
        #expect(claim.kind == c.kind)
        #expect(claim.subjectText == c.subject)
        #expect(claim.measure == c.measure)
        #expect(claim.value == c.value)
        #expect(claim.time == c.time)
    }

    /// `N Ys hold / have / enjoy observer status` coordinated after a count is measured as the participle form
    /// (`N states holding observer status` → `observer states`); other verbs and objects keep the plain measure.
    static let observerStatusCases: [(text: String, measure: String, value: Double)] = [
        ("The Lake Council has 120 member states, and a further 6 states hold observer status.", "observer states", 6),
        ("The Lake Council has 120 member states and 7 states have observer status.", "observer states", 7),
        ("The Lake Council has 120 member states, and 9 NGOs enjoy observer status.", "observer NGOs", 9),
        ("The Lake Council has 120 member states, and 6 states holding observer status.", "observer states", 6),
        // Negative: no observer status.
        ("The Lake Council has 120 member states, and a further 6 states have observer seats.", "states", 6),
        ("The Lake Council has 120 member states, and 8 states have status reports.", "states", 8),
    ]

    @Test(arguments: observerStatusCases)
    func finiteObserverStatusGivesTheObserverMeasure(_ c: (text: String, measure: String, value: Double)) throws {
        let cs = claims(c.text)
        let claim = try #require(cs.first { $0.value == c.value }, "\(cs)")
        #expect(claim.measure == c.measure)
        #expect(claim.subjectText == "Lake Council")
    }

    /// The sentence subject is found past a comma-bounded appositive (a noun phrase opening with `a`, `an`, `the`,
    /// `one of`, or a participle phrase) between the name and its verb.
    static let appositiveCases: [ClaimCase] = [
        .init(text: "The Lake Council, a partner since 1995, has 40 staff.", subject: "Lake Council", measure: "staff", value: 40, time: "PRESENT_REF"),
        .init(text: "The Lake Council, one of the oldest regional bodies, has 40 staff.", subject: "Lake Council", measure: "staff", value: 40, time: "PRESENT_REF"),
        .init(text: "The Lake Council, an alliance of lakeside towns, employs 40 engineers.", subject: "Lake Council", measure: "engineers", value: 40, time: "PRESENT_REF"),
        .init(text: "The Lake Council, based in Apia, has 40 staff.", subject: "Lake Council", measure: "staff", value: 40, time: "PRESENT_REF"),
        // Negative: the comma phrase is no appositive of the name; the subject is the name before the verb.
        .init(text: "Besides the Lake Council, the Delta Fund has 40 staff.", subject: "Delta Fund", measure: "staff", value: 40, time: "PRESENT_REF"),
        .init(text: "For the Lake Council, a partner since 1995, the Delta Fund has 40 staff.", subject: "Delta Fund", measure: "staff", value: 40, time: "PRESENT_REF"),
    ]

    @Test(arguments: appositiveCases)
    func theSubjectIsFoundPastAnAppositive(_ c: ClaimCase) throws {
        try subjectPatterns(c)
    }

    @Test func aCommaPhraseWithAFiniteVerbIsNoAppositive() {
        // `that has …` is a clause of its own: its comma does not close an appositive, and no subject is guessed.
        let cs = claims("The Lake Council, a body that has grown, has 40 staff.")
        #expect(cs.count == 1 && cs.allSatisfy { $0.subjectText != "Lake Council" }, "\(cs)")
    }

    /// Irregular past tenses (`grew`, `became`, `held`) are verbs after the sentence subject, so `it` in a second
    /// clause finds it.
    static let irregularPastCases: [ClaimCase] = [
        .init(text: "The Lake Council grew fast, and 300 staff work for it.", subject: "Lake Council", measure: "staff", value: 300, time: "PRESENT_REF"),
        .init(text: "The Lake Council became a treaty body in 2001, and today 61 states belong to it.", subject: "Lake Council", measure: "states", value: 61, time: "PRESENT_REF"),
        .init(text: "The Lake Council held talks in Oslo, while 20 experts served on it.", subject: "Lake Council", measure: "experts", value: 20, time: "PAST_REF"),
    ]

    @Test(arguments: irregularPastCases)
    func irregularPastTensesAreVerbsOfTheSubject(_ c: ClaimCase) throws {
        try subjectPatterns(c)
    }

    @Test func anIrregularPastAfterANounThatIsNoNameGivesNoSubject() {
        for text in ["The Lake Council report grew long, and 300 staff work for it.",
                     "The report grew long, and 300 staff work for it."] {
            let cs = claims(text).filter { $0.kind == .count }
            #expect(cs.isEmpty, "\(text): \(cs)")
        }
    }

    /// `it` in a second clause stands for the first clause's one organisation object when that clause has no
    /// organisation subject.
    static let objectAntecedentCases: [ClaimCase] = [
        .init(text: "Since 2008, 5 states have joined the Lake Council, and today 24 states belong to it.", subject: "Lake Council", measure: "states", value: 24, time: "PRESENT_REF"),
        .init(text: "In 2010, 45 countries were members of the Lake Council; by 2015, 58 states had joined it.", subject: "Lake Council", measure: "states", value: 58, time: "2015"),
    ]

    @Test(arguments: objectAntecedentCases)
    func itStandsForTheFirstClausesOnlyOrganisation(_ c: ClaimCase) throws {
        try subjectPatterns(c)
    }

    @Test func itWithNoneOrTwoOrganisationsInTheFirstClauseGivesNoClaim() {
        for text in ["Since 2008, 5 states have joined the Lake Council and the Delta Fund, and today 24 states belong to it.",
                     "Since 2008, 5 states have signed the treaty, and today 24 states belong to it."] {
            let cs = claims(text).filter { $0.value == 24 }
            #expect(cs.isEmpty, "\(text): \(cs)")
        }
    }

    @Test func laterClausesOfOneSentenceReadOnFromTheEarlierOnes() {
        // The walk for `it`'s organisation goes on from one clause to the next: the third clause still sees the
        // Lake Council alone, the fifth sees two organisations and gets no subject.
        let text = "Since 2008, 5 states have joined the Lake Council; by 2012, 9 states had joined it; by 2015, 12 states had joined it; "
            + "3 states joined the Delta Fund; by 2020, 16 states had joined it."
        let cs = claims(text)
        #expect(cs.filter { [9, 12].contains($0.value) }.map(\.subjectText) == ["Lake Council", "Lake Council"], "\(cs)")
        #expect(cs.filter { $0.value == 16 }.isEmpty, "\(cs)")
    }

    /// The present perfect (and past perfect) of the affiliation verbs: `12 experts have served on X`.
    static let perfectAffiliationCases: [ClaimCase] = [
        .init(text: "Since 2001, 12 experts have served on the Lake Council.", subject: "Lake Council", measure: "experts", value: 12, time: "PRESENT_REF"),
        .init(text: "Some 300 volunteers have worked for the Delta Fund.", subject: "Delta Fund", measure: "volunteers", value: 300, time: "PRESENT_REF", comparator: .about),
        .init(text: "By 2010, 40 engineers had worked for the Delta Fund.", subject: "Delta Fund", measure: "engineers", value: 40, time: "2010"),
    ]

    @Test(arguments: perfectAffiliationCases)
    func thePerfectOfWorkAndServeTiesCountsToTheirOrganisation(_ c: ClaimCase) throws {
        try subjectPatterns(c)
    }

    @Test func thePerfectOfWorkAndServeWithoutAnOrganisationGivesNoClaim() {
        for text in ["Since 2001, 12 experts have served in Geneva.",
                     "Since 2001, 12 experts have served drinks at the Lake Council.",
                     "Since 2001, 12 experts have worked hard.",
                     "Since 2001, 12 experts have seen the Lake Council."] {
            let cs = claims(text).filter { $0.kind == .count }
            #expect(cs.isEmpty, "\(text): \(cs)")
        }
    }

    @Test func theNounWorkIsNoPresentTense() {
        // `work` right after a count noun and before its preposition is the verb; the noun elsewhere says no time.
        let cs = claims("The Lake Council, with 40 experts, led the work on the treaty.")
        #expect(cs.map(\.value) == [40], "\(cs)")
        #expect(cs.allSatisfy { $0.time != "PRESENT_REF" }, "\(cs)")
        let verb = claims("Some 40 experts work on the Lake Council.")
        #expect(verb.map(\.time) == ["PRESENT_REF"], "\(verb)")
    }

    @Test func workingSomewhereIsNoClaim() {
        // Not an organisation after the preposition, or no verb of work: no claim.
        for text in ["400 staff work at home.", "400 staff work in shifts.", "Two delegates travelled to Geneva.",
                     "400 staff work in Geneva.", "Some 30 staff work closely with the Delta Fund."] {
            #expect(claims(text).isEmpty, "\(text): \(claims(text))")
        }
    }

    @Test func theOrganisationIsFoundThroughEntityLinksAndIsNoPlace() {
        let text = "The Lake Council was set up in 1990. Some 400 staff work at the Council secretariat in Geneva. 50 staff work in Geneva. 20 staff work at the Geneva office."
        var d = qcDocument(text)
        d.entities = [
            Entity(id: "e1", kind: .org, range: qcRange(text, "Lake Council"), normalized: "Lake Council"),
            Entity(id: "e2", kind: .org, range: qcRange(text, "Council", occurrence: 1), refersTo: "e1"),
            Entity(id: "e3", kind: .gpe, range: qcRange(text, "Geneva"), normalized: "Geneva"),
            Entity(id: "e4", kind: .gpe, range: qcRange(text, "Geneva", occurrence: 1), refersTo: "e3"),
            Entity(id: "e5", kind: .gpe, range: qcRange(text, "Geneva", occurrence: 2), refersTo: "e3"),
        ]
        let cs = run(d)
        // A place says where the staff work, not whose they are (as with `have` a place may own a count, but not staff).
        #expect(cs.map { "\($0.subject ?? "-")|\($0.subjectText)|\($0.measure)|\(Int($0.value))" } == ["e1|Lake Council|staff|400"], "\(cs)")
    }

    @Test func prepositionalNumbersAreNotClaims() {
        let cs = claims("The Delta Fund has offices in over 100 countries.")
        #expect(cs.isEmpty)
    }

    @Test func unclearSubjectStaysNil() {
        let cs = claims("Membership includes 40 states from Africa.")
        #expect(cs.allSatisfy { $0.subject == nil })
    }

    @Test func acronymAndEntityLinksGiveOneSubject() {
        let text = "The Harbour Authority (HA) was set up in 1970. HA has 40 member states. The Authority counts 44 member states."
        var d = qcDocument(text)
        d.acronyms = [Acronym(short: "HA", long: "Harbour Authority", range: qcRange(text, "HA"), longRange: qcRange(text, "Harbour Authority"))]
        d.entities = [
            Entity(id: "e1", kind: .org, range: qcRange(text, "Harbour Authority"), normalized: "Harbour Authority"),
            Entity(id: "e2", kind: .org, range: qcRange(text, "HA", occurrence: 1), normalized: "Harbour Authority", refersTo: "e1"),
            Entity(id: "e4", kind: .org, range: qcRange(text, "Authority", occurrence: 1), refersTo: "e1"),
        ]
        let cs = run(d)
        #expect(cs.count == 2)
        #expect(cs.allSatisfy { $0.subject == "e1" && $0.subjectText == "Harbour Authority" && $0.measure == "member states" })
        #expect(cs.map(\.value) == [40, 44])
    }

    @Test func acronymWithoutEntitiesUsesLongForm() {
        let text = "The Harbour Authority (HA) is old. HA has 40 member states."
        var d = qcDocument(text)
        d.acronyms = [Acronym(short: "HA", long: "Harbour Authority", range: qcRange(text, "HA"), longRange: qcRange(text, "Harbour Authority"))]
        #expect(run(d).first?.subjectText == "Harbour Authority")
    }

    @Test func timeFramesFromDatesLayerAndTense() {
        let text = "In the spring of 1999 the Delta Fund had 20 members. Today the Delta Fund has 30 members."
        var d = qcDocument(text)
        d.dates = [TimeExpression(kind: .date, value: "1999-SP", range: qcRange(text, "the spring of 1999"))]
        let cs = run(d)
        #expect(cs.map(\.time) == ["1999-SP", "PRESENT_REF"])
    }

    @Test func presentPerfectIsPresent() {
        // `has established` states what is so now; `had established` and `established` what was.
        func time(_ verb: String) -> String? {
            let d = listDocument(announce: "The Delta Fund \(verb) three standing committees:", first: ["Audit", "Budget", "Ethics"], gap: "", marker: "", more: [])
            return run(d).first { $0.kind == .enumeration }?.time
        }
        #expect(time("has established") == "PRESENT_REF")
        #expect(time("covers") == "PRESENT_REF")
        #expect(time("serves") == "PRESENT_REF")
        #expect(time("had established") == "PAST_REF")
        #expect(time("established") == "PAST_REF")
    }

    @Test func foundingTime() {
        let cs = claims("The Delta Fund was established in 1961. At its founding the Delta Fund had 9 members.")
        #expect(cs.first?.time == "1961")
    }

    @Test func enumerationWithListItems() throws {
        let text = "The Delta Fund works in the following three areas:\nWater\nRoads\nSchools\nHealth\n\nMore text follows here, in a longer paragraph of prose."
        var d = qcDocument(text)
        d.blocks = [Block(kind: .paragraph, range: qcRange(text, "The Delta Fund works in the following three areas:"))]
            + ["Water", "Roads", "Schools", "Health"].map { Block(kind: .listItem, range: qcRange(text, $0)) }
            + [Block(kind: .paragraph, range: qcRange(text, "More text follows here, in a longer paragraph of prose."))]
        let e = try #require(run(d).first { $0.kind == .enumeration })
        #expect(e.value == 3)
        #expect(e.items.count == 4)
        #expect(e.measure == "areas")
    }

    /// `announce`, a blank line, the `first` items one per line (each after `firstMarker`), `gap`, then the `more` items each after `marker`:
    /// every item a list-item block.
    private func listDocument(announce: String, firstMarker: String = "", first: [String], gap: String, marker: String, more: [String]) -> Document {
        let text = announce + "\n\n" + first.map { firstMarker + $0 }.joined(separator: "\n") + gap + more.map { marker + $0 }.joined(separator: "\n")
        let bytes = Array(text.utf8)
        var blocks = [Block(kind: .paragraph, range: qcRange(text, announce))]
        var cursor = announce.utf8.count
        for item in first + more {
            let n = Array(item.utf8)
            var i = cursor
            while Array(bytes[i..<(i + n.count)]) != n { i += 1 }
            blocks.append(Block(kind: .listItem, range: i..<(i + n.count)))
            cursor = i + n.count
        }
        var d = qcDocument(text)
        d.blocks = blocks
        return d
    }

    @Test func aListEndsWhereTheBulletChanges() throws {
        // Plain lines, a blank line, then `•` items of another list: the announced three are the plain lines.
        let d = listDocument(announce: "The Delta Fund works in the following three areas:", first: ["Water", "Roads", "Schools"],
                             gap: "\n\n", marker: "  • ", more: ["About a tenth of the budget is spent on audits", "Critics argued the Fund moved too slowly"])
        let e = try #require(run(d).first { $0.kind == .enumeration })
        #expect(e.items.count == 3)
        // The same bullet throughout (after a blank line too) is one list.
        let same = listDocument(announce: "The Delta Fund works in the following three areas:", firstMarker: "• ", first: ["Water", "Roads"],
                                gap: "\n\n", marker: "• ", more: ["Schools"])
        let e2 = try #require(run(same).first { $0.kind == .enumeration })
        #expect(e2.items.count == 3)
        // Bullets inside the items' ranges (as plain-text bullet lines are segmented) count the same.
        let inside = listDocument(announce: "The Delta Fund works in the following three areas:", first: ["Water", "Roads", "Schools"],
                                  gap: "\n\n", marker: "  ", more: ["• About a tenth of the budget is spent on audits", "• Critics argued the Fund moved too slowly"])
        let e3 = try #require(run(inside).first { $0.kind == .enumeration })
        #expect(e3.items.count == 3)
        // Stray markup at a line start is no bullet: the list goes on.
        let residue = listDocument(announce: "The Delta Fund works in the following three areas:", first: ["Water", "Roads"],
                                   gap: "\n", marker: "", more: ["<div class=\"body\">Schools"])
        let e5 = try #require(run(residue).first { $0.kind == .enumeration })
        #expect(e5.items.count == 3)
        // A numbered list stays one list.
        let numbered = listDocument(announce: "The Delta Fund works in the following three areas:", first: ["1. Water", "2. Roads"],
                                    gap: "\n", marker: "", more: ["3. Schools"])
        let e4 = try #require(run(numbered).first { $0.kind == .enumeration })
        #expect(e4.items.count == 3)
    }

    @Test func listItemsLoseTheListsClosingPoint() throws {
        let d = listDocument(announce: "The Delta Fund serves four groups:", first: ["Farmers;", "Small and medium-sized enterprises,", "Cooperatives etc.", "Smith & Co."],
                             gap: "", marker: "", more: [])
        let e = try #require(run(d).first { $0.kind == .enumeration })
        let text = d.text.utf8
        let items = e.items.map { String(decoding: Array(text)[$0], as: UTF8.self) }
        #expect(items == ["Farmers", "Small and medium-sized enterprises", "Cooperatives etc.", "Smith & Co."])
    }

    @Test func aFrontedFoundingDateIsNotTheTimeOfAPresentCount() {
        // `Established in 1967, … is … with 49 member states`: a present count.
        let present = claims("Established in 1967, the Delta Fund is an intergovernmental body with 49 member states.")
        #expect(present.first { $0.value == 49 }?.time == "PRESENT_REF")
        // A past count after the same phrase keeps the year, and so does a date in the count's own segment.
        let past = claims("Founded in 1951, the Delta Fund had 9 member states.")
        #expect(past.first { $0.value == 9 }?.time == "1951")
        let own = claims("Established in 1967, the Delta Fund had 49 member states in 1990.")
        #expect(own.first { $0.value == 49 }?.time == "1990")
        // `has had N … since 1990` holds now (`joinsAreAdditionsAndCountsSinceADateHoldNow`).
        let since = claims("Established in 1967, the Delta Fund has had 49 member states since 1990.")
        #expect(since.first { $0.value == 49 }?.time == "PRESENT_REF")
        let asOf = claims("As of 2014, the Delta Fund has 157 member states.")
        #expect(asOf.first { $0.value == 157 }?.time == "2014")
    }

    @Test func theNumberOfGivesCountsAtEachEndOfARange() throws {
        let text = "Between 1989 and 1991 the number of member states grew from 6 to 18, and it stands at 43 today."
        var d = qcDocument(text)
        d.dates = [TimeExpression(kind: .date, value: "1989", range: qcRange(text, "1989")),
                   TimeExpression(kind: .date, value: "1991", range: qcRange(text, "1991")),
                   TimeExpression(kind: .date, value: "PRESENT_REF", range: qcRange(text, "today"))]
        let cs = run(d)
        #expect(cs.map(\.value) == [6, 18, 43])
        #expect(cs.allSatisfy { $0.measure == "member states" && $0.kind == .count })
        #expect(cs.map(\.time) == ["1989", "1991", "PRESENT_REF"])
        #expect(cs.allSatisfy { $0.subject == nil })
        // A subject in the phrase is the claims' subject.
        let withSubject = claims("By 2010 the number of Delta Fund member states had reached 64.")
        #expect(withSubject.first { $0.value == 64 }?.subjectText == "Delta Fund")
    }

    /// `the number of …` is read once, by `QuantityExtractor.numberOfPhrase`: each bare number that states the phrase's
    /// value gets its unit in the quantity layer, and its claim (if any) has that unit as its measure and a name inside
    /// the phrase as its subject. Each case: the text, the units of the quantities in order ("" for a bare number),
    /// and the claims as `subject|measure|value` (subject "-" for none).
    static let numberOfCases: [(String, [String], [String])] = [
        // The nearest phrase before each number (both readings used to take the first for all).
        ("The number of member states grew from 12 to 30, and the number of observers grew from 3 to 9.",
         ["member states", "member states", "observers", "observers"],
         ["-|member states|12", "-|member states|30", "-|observers|3", "-|observers|9"]),
        // A name in the phrase is the subject, not part of the unit.
        ("By 2010 the number of Delta Fund member states had reached 64.", ["member states"], ["Delta Fund|member states|64"]),
        ("The total number of active IOM projects was over 2,400.", ["projects"], ["IOM|projects|2400"]),
        // `was`, `stood at`, `totalled`: the quantity has the unit the claim has (it used to stay bare).
        ("The number of delegates was 120.", ["delegates"], ["-|delegates|120"]),
        ("In 2005 the number of projects stood at 40.", ["projects"], ["-|projects|40"]),
        ("The total number of field offices totalled 75.", ["field offices"], ["-|field offices|75"]),
        // `a number of` says `several`: the later `the number of` is the phrase.
        ("A number of offices were opened, and the number of field staff reached 300.", ["field staff"], ["-|field staff|300"]),
        // No phrase, `a number of` alone, or no word that states its value: the number stays bare, no claim.
        ("A number of delegates rose to 40.", [""], []),
        ("The number of delegates rose by 40.", [""], []),
        ("The number of offices grew, with staff at 12.", [""], []),
        ("Member states rose to 40.", [""], []),
    ]

    @Test(arguments: numberOfCases)
    func theNumberOfIsReadOnceForQuantityAndClaim(_ c: (String, [String], [String])) {
        var d = qcDocument(c.0)
        d.quantities = QuantityExtractor.quantities(in: d)
        #expect(d.quantities.map(\.unit) == c.1, "\(d.quantities)")
        let cs = ClaimExtractor.claims(in: d)
        #expect(cs.map { "\($0.subjectText.isEmpty ? "-" : $0.subjectText)|\($0.measure)|\(Int($0.value))" } == c.2, "\(cs)")
        // A claim's measure is its quantity's unit.
        for claim in cs { #expect(claim.quantity.map { d.quantities[$0].unit } == claim.measure) }
    }

    @Test func enumerationWithOrdinalSentences() throws {
        let text = "There are three pillars of the Delta Fund. The first is water. The second is energy. The third pillar is trade. Other work continues."
        let e = try #require(claims(text).first { $0.kind == .enumeration })
        #expect(e.value == 3)
        #expect(e.items.count == 3)
    }

    @Test func enumerationInline() throws {
        let text = "The Delta Fund was founded by five states: Chad, Mali, Niger, Benin and Togo."
        let e = try #require(claims(text).first { $0.kind == .enumeration })
        #expect(e.value == 5)
        #expect(e.items.count == 5)
        #expect(e.subjectText == "Delta Fund")
    }

    @Test func totalWithParts() throws {
        let text = "The Lake Council has 88 states: 54 full members, 7 associate members and 27 observers."
        let cs = claims(text)
        let total = try #require(cs.first { $0.kind == .total })
        #expect(total.value == 88)
        #expect(total.items.count == 3)
        let parts = cs.filter { $0.kind == .count }
        #expect(parts.map(\.value) == [54, 7, 27])
        #expect(parts.allSatisfy { $0.subjectText == "Lake Council" })
    }

    @Test func additionWithNamedItems() throws {
        let text = "In 2001 the Lake Council admitted a further three members – the Bay Trust, the River Board (RB) and the Coast Guild."
        let a = try #require(claims(text).first { $0.kind == .addition })
        #expect(a.value == 3)
        #expect(a.items.count == 3)
        #expect(a.time == "2001")
    }

    @Test func totalWithMembershipHistory() throws {
        let text = "The Lake Council was established in 1990 by the heads of Alpha Corp, the Beta Bank and the Gamma Fund. In 1995 it was expanded to include Delta Group and Echo Ltd. In 2000 the Lake Council admitted a further two members – the Foxtrot Union and the Golf Board. In 2005, Hotel Trust was admitted as a member, bringing the total membership to 8 agencies."
        let cs = claims(text)
        let total = try #require(cs.first { $0.kind == .total })
        #expect(total.value == 8)
        #expect(total.items.count == 4)
        let parts = cs.filter { c in total.items.contains(c.range) && c.kind != .total }
        #expect(parts.map(\.value).reduce(0, +) == 8)
    }

    @Test func aMemberThatJoinedIsNotTheSubjectOfTheTotal() throws {
        let text = "The Lake Council was founded in 1972 by 6 states. Monaco joined in 1980, Slovenia in 1995 and Andorra in 2004, bringing the total membership to 9."
        var d = qcDocument(text)
        d.entities = [Entity(id: "e1", kind: .org, range: qcRange(text, "Lake Council"), normalized: "Lake Council")]
            + ["Monaco", "Slovenia", "Andorra"].enumerated().map { Entity(id: "e\($0.offset + 2)", kind: .gpe, range: qcRange(text, $0.element), normalized: $0.element) }
        let cs = run(d)
        let total = try #require(cs.first { $0.kind == .total })
        #expect(total.subjectText == "Lake Council")
        let additions = cs.filter { $0.kind == .addition }
        #expect(additions.count == 3)
        #expect(additions.allSatisfy { $0.subjectText == "Lake Council" })
    }

    @Test func additionsWithoutFoundingLeaveTotalUnchecked() throws {
        let cs = claims("Monaco joined in 1980 and Andorra in 2004, bringing the total membership to 9.")
        let total = try #require(cs.first { $0.kind == .total })
        #expect(total.items.isEmpty)
    }
}

/// The id table that replaced a `[String: Entity]` filled in order (the last entity with an id wins).
@Suite struct EntityIDTableTests {
    @Test func findsWhatTheDictionaryFound() {
        var ents: [Entity] = []
        for k in 0..<300 { ents.append(Entity(id: "e\(k % 250)", kind: .org, range: k..<(k + 1))) }
        ents.append(Entity(id: "", kind: .org, range: 0..<1))
        var m: [String: Int] = [:]
        for (k, e) in ents.enumerated() { m[e.id] = k }
        let table = EntityIDTable(ents)
        for key in ["e0", "e49", "e50", "e249", "e250", "", "E1", "e1 ", "\u{212A}1", "é"] {
            #expect(table.index(of: key, in: ents) == m[key], "\(key)")
        }
    }

    /// Ids `e1` … `eN` in order (what the linker assigns) are looked up by their number, without a table.
    @Test func sequentialIDsFindWhatTheDictionaryFound() {
        var ents: [Entity] = []
        for k in 1...300 { ents.append(Entity(id: "e\(k)", kind: .org, range: k..<(k + 1))) }
        var m: [String: Int] = [:]
        for (k, e) in ents.enumerated() { m[e.id] = k }
        let table = EntityIDTable(ents)
        for key in ["e0", "e1", "e9", "e10", "e99", "e300", "e301", "e01", "e", "", "E1", "e1 ", " e1", "e-1", "\u{212A}1", "é", "e1\u{301}",
                    "e99999999999999999999"] {
            #expect(table.index(of: key, in: ents) == m[key], "\(key)")
        }
        #expect(EntityIDTable.idNumber("e42") == 42 && EntityIDTable.idNumber("e042") == -1 && EntityIDTable.idNumber("é") == nil)
    }

    /// Non-ASCII ids fall back to `String` equality (canonical equivalence: KELVIN SIGN equals `K`).
    @Test func nonASCIIKeysUseStringEquality() {
        let ents = [Entity(id: "K1", kind: .org, range: 0..<1), Entity(id: "é", kind: .org, range: 1..<2),
                    Entity(id: "K1", kind: .gpe, range: 2..<3)]
        var m: [String: Int] = [:]
        for (k, e) in ents.enumerated() { m[e.id] = k }
        let table = EntityIDTable(ents)
        for key in ["K1", "\u{212A}1", "é", "e\u{301}", "x"] {
            #expect(table.index(of: key, in: ents) == m[key], "\(key)")
        }
    }
}
