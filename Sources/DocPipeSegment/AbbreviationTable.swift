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
    public private(set) var entries: [[UInt8]: AbbreviationKind] {
        didSet { packed = Self.pack(entries); shapes = Self.shapes(entries) }
    }
    /// Which (length, first byte) pairs some entry has: most words before a period have none, and
    /// are told so without a search (lengths over 16 share one row).
    private var shapes: [UInt64]
    let sentenceStarters: Set<[UInt8]>
    /// The same tables keyed by ``PackedKey``: lookups at every sentence end then allocate nothing and
    /// hash three words instead of each byte. Entries over 16 bytes stay in `entries` only.
    /// `entries` of at most 16 bytes, sorted, with their kinds: found by binary search, as hashing
    /// every word before a period (a dictionary lookup) cost more than the rest of the decision.
    private var packed: (keys: [PackedKey], kinds: [AbbreviationKind])
    /// `sentenceStarters` of at most 16 bytes, sorted.
    private let packedStarters: [PackedKey]

    /// Up to 16 bytes, zero-padded into two words, with the length.
    struct PackedKey: Hashable, Comparable {
        var a: UInt64 = 0
        var b: UInt64 = 0
        var count: Int

        @inline(__always)
        init?(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            guard range.count <= 16 else { return nil }
            count = range.count
            for (k, i) in range.enumerated() {
                if k < 8 { a |= UInt64(p[i]) << (8 * k) } else { b |= UInt64(p[i]) << (8 * (k - 8)) }
            }
        }

        init?(_ bytes: [UInt8]) {
            guard let key = bytes.withUnsafeBufferPointer({ PackedKey($0, 0..<$0.count) }) else { return nil }
            self = key
        }

        static func < (x: PackedKey, y: PackedKey) -> Bool { (x.count, x.a, x.b) < (y.count, y.a, y.b) }

        /// The index of `key` in sorted `keys`, if it is there.
        static func index(of key: PackedKey, in keys: [PackedKey]) -> Int? {
            var lo = 0, hi = keys.count
            while lo < hi { let mid = (lo + hi) / 2; if keys[mid] < key { lo = mid + 1 } else { hi = mid } }
            return lo < keys.count && keys[lo] == key ? lo : nil
        }
    }

    private static func shapes(_ entries: [[UInt8]: AbbreviationKind]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 18 * 4)
        for k in entries.keys where !k.isEmpty { bits[shapeWord(k.count, k[0])] |= shapeBit(k[0]) }
        return bits
    }

    @inline(__always) private static func shapeWord(_ count: Int, _ first: UInt8) -> Int { min(count, 17) * 4 + Int(first >> 6) }
    @inline(__always) private static func shapeBit(_ first: UInt8) -> UInt64 { 1 << UInt64(first & 63) }

    private static func pack(_ entries: [[UInt8]: AbbreviationKind]) -> (keys: [PackedKey], kinds: [AbbreviationKind]) {
        let sorted = entries.compactMap { k, v in PackedKey(k).map { ($0, v) } }.sorted { $0.0 < $1.0 }
        return (sorted.map(\.0), sorted.map(\.1))
    }

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
        ("ed.", .beforeNumber), ("eds.", .beforeNumber), ("para.", .beforeNumber), ("art.", .beforeNumber),
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
        packed = Self.pack(e)
        shapes = Self.shapes(e)
        self.sentenceStarters = Set(sentenceStarters.map { Array($0.utf8) })
        packedStarters = self.sentenceStarters.compactMap { PackedKey($0) }.sorted()
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
        guard !range.isEmpty else { return entries[[]] }
        let first = p[range.lowerBound]
        guard shapes[Self.shapeWord(range.count, first)] & Self.shapeBit(first) != 0 else { return nil }
        if let key = PackedKey(p, range) { return PackedKey.index(of: key, in: packed.keys).map { packed.kinds[$0] } }
        return entries[Array(UnsafeBufferPointer(rebasing: p[range]))]
    }

    @inline(__always)
    func isSentenceStarter(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if let key = PackedKey(p, range) { return PackedKey.index(of: key, in: packedStarters) != nil }
        return sentenceStarters.contains(Array(UnsafeBufferPointer(rebasing: p[range])))
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
