/// What a period after a known abbreviation means for sentence splitting.
public enum AbbreviationKind: String, Sendable, Equatable {
    /// Never ends a sentence when text follows (`Dr.`, `e.g.`, `Art.`, `Jan.`).
    case always
    /// Does not end a sentence before a number (`No. 5`, `p. 12`); before a word it is an ordinary word.
    case beforeNumber
    /// Usually inside a sentence (`U.S. Army`, `Acme Inc. Ltd`) but ends one before a typical sentence
    /// opener (`… moved to the U.S. The next year …`).
    case unlessSentenceStarter
    /// An ordinary word: ends a sentence before an upper-case word, stays inside before a lower-case one
    /// (`etc. The` splits, `etc. and` does not).
    case ordinaryWord
}

/// The abbreviation data the sentence splitter consults: a table from the abbreviation as written
/// (with its periods, case-sensitive) to its ``AbbreviationKind``, and the words that typically open a
/// sentence. Lookups are by byte array; they happen only at candidate sentence ends.
public struct AbbreviationTable: Sendable {
    public private(set) var entries: [[UInt8]: AbbreviationKind]
    let sentenceStarters: Set<[UInt8]>

    /// The built-in list. Kept short on purpose: single-letter initials (`J. R. Smith`) and dotted
    /// letter groups (`U.S.A.`, `Ph.D.`, `a.m.`) are recognised by shape, not listed.
    public static let builtIn: [(String, AbbreviationKind)] = [
        // Titles and ranks.
        ("Mr.", .always), ("Mrs.", .always), ("Ms.", .always), ("Dr.", .always), ("Prof.", .always),
        ("St.", .always), ("Mt.", .always), ("Gen.", .always), ("Sen.", .always), ("Gov.", .always),
        ("Rev.", .always), ("Hon.", .always), ("Capt.", .always), ("Lt.", .always), ("Col.", .always),
        ("Sgt.", .always), ("Messrs.", .always),
        // Latin and scholarly.
        ("e.g.", .always), ("i.e.", .always), ("cf.", .always), ("vs.", .always), ("viz.", .always),
        ("approx.", .always), ("est.", .always), ("ca.", .always), ("Art.", .always), ("Arts.", .always),
        ("Vol.", .always), ("Vols.", .always), ("vol.", .always), ("pp.", .always), ("Fig.", .always),
        ("Eq.", .always), ("Ch.", .always), ("Sec.", .always), ("Para.", .always),
        // Months.
        ("Jan.", .always), ("Feb.", .always), ("Mar.", .always), ("Apr.", .always), ("Jun.", .always),
        ("Jul.", .always), ("Aug.", .always), ("Sep.", .always), ("Sept.", .always), ("Oct.", .always),
        ("Nov.", .always), ("Dec.", .always),
        // Before a number only.
        ("No.", .beforeNumber), ("Nos.", .beforeNumber), ("no.", .beforeNumber), ("nos.", .beforeNumber),
        ("p.", .beforeNumber), ("ch.", .beforeNumber), ("sec.", .beforeNumber),
        // Names of countries and companies: may end a sentence.
        ("U.S.", .unlessSentenceStarter), ("U.N.", .unlessSentenceStarter), ("U.K.", .unlessSentenceStarter),
        ("E.U.", .unlessSentenceStarter), ("Inc.", .unlessSentenceStarter), ("Ltd.", .unlessSentenceStarter),
        ("Co.", .unlessSentenceStarter), ("Corp.", .unlessSentenceStarter), ("Bros.", .unlessSentenceStarter),
        ("Jr.", .unlessSentenceStarter), ("Sr.", .unlessSentenceStarter),
        // Ordinary words that happen to end in a period.
        ("etc.", .ordinaryWord),
    ]

    /// Words that typically open an English sentence; after an ``AbbreviationKind/unlessSentenceStarter``
    /// abbreviation or an initial they mean the sentence ended there.
    public static let builtInSentenceStarters: [String] = [
        "The", "This", "These", "That", "Those", "There", "Then", "Thus", "It", "Its", "He", "She", "His",
        "Her", "They", "Their", "We", "Our", "You", "In", "On", "At", "By", "For", "From", "With",
        "Without", "But", "However", "Although", "Though", "After", "Before", "During", "Since", "Until",
        "When", "While", "Where", "As", "Also", "Today", "Many", "Most", "Some", "Several", "Such", "Both",
        "Each", "Every", "Other", "Another", "Under", "Between", "Following", "Despite", "Nevertheless",
        "Moreover", "Furthermore", "Meanwhile", "Yet", "So", "If", "Once", "Because", "All",
    ]

    public init(_ list: [(String, AbbreviationKind)] = AbbreviationTable.builtIn,
                sentenceStarters: [String] = AbbreviationTable.builtInSentenceStarters) {
        var e: [[UInt8]: AbbreviationKind] = [:]
        for (s, k) in list { e[Array(s.utf8)] = k }
        entries = e
        self.sentenceStarters = Set(sentenceStarters.map { Array($0.utf8) })
    }

    public static let standard = AbbreviationTable()

    /// The table with `extra` abbreviations added as ``AbbreviationKind/always`` (a missing final
    /// period is added: `Ave` and `Ave.` both mean `Ave.`).
    public func adding(_ extra: [String]) -> AbbreviationTable {
        var t = self
        for s in extra {
            let trimmed = s.trimmingWhitespace
            guard !trimmed.isEmpty else { continue }
            let w = trimmed.hasSuffix(".") ? trimmed : trimmed + "."
            t.entries[Array(w.utf8)] = .always
        }
        return t
    }

    @inline(__always)
    func kind(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> AbbreviationKind? {
        entries[Array(UnsafeBufferPointer(rebasing: p[range]))]
    }

    @inline(__always)
    func isSentenceStarter(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        sentenceStarters.contains(Array(UnsafeBufferPointer(rebasing: p[range])))
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
