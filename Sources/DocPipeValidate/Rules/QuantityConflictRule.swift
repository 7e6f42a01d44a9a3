import DocPipeCore

/// One subject, one measure, one time frame, two counts that cannot both be true.
struct QuantityConflictRule: Rule {
    static let description = RuleDescription(
        id: "quantity-conflict",
        defaultSeverity: .error,
        summary: "One subject is given incompatible counts of the same thing at the same time.",
        details: """
        Compares the count claims of the extractor ("the Organization has 157 member states") that share \
        a subject entity, a measure and a time frame: both about the present ("today", present tense), or \
        both tied to the same explicit year or date. Each value becomes an interval after its hedge \
        (exactly v; about v: 0.9v–1.1v; over/more than v: above v; under v: below v; nearly v: 0.85v–v; \
        at least / at most) and two claims conflict only when their intervals do not meet. History is \
        not a conflict: past-tense or dated claims ("founded by 51 states", "99 members by 1960") are \
        never compared with present ones, nor dates with other dates, nor decades. Claims without a \
        resolved subject entity and two claims of one sentence are never compared. The later claim is \
        reported, with the earlier one as related location; one report per pair of values.
        """,
        triggering: [
            "The International Organization for Migration has 157 member states and an annual budget of about $1.4 billion.\n\nMembership\n\nToday the International Organization for Migration has ↓165 member states.\n",
            "The Nordic Forestry Council has 12 member states.\n\nMembership\n\nThe Nordic Forestry Council has ↓15 member states and 3 observers.\n",
            "The Baltic Ports Association has over 40 member ports.\n\nThe Baltic Ports Association has ↓31 member ports.\n",
        ],
        nonTriggering: [
            "The Nordic Forestry Council was founded by 5 member states in 1949. The Nordic Forestry Council now has 12 member states.\n",
            "The Baltic Ports Association has over 40 member ports. The Baltic Ports Association has more than 45 member ports.\n",
            "The Nordic Forestry Council has about 37 member states. The Nordic Forestry Council has more than 35 member states.\n",
            "The Nordic Forestry Council has 12 member states.\n\nThe Nordic Forestry Council has 12 member states and 3 observers.\n",
            "The Nordic Forestry Council has 12 member states and 12 observers. The Baltic Ports Association has 40 member states.\n",
        ]
    )

    /// A hedged value as an interval; `lo`/`hi` excluded when the matching flag is set.
    struct Interval {
        var lo: Double, hi: Double, loOpen: Bool, hiOpen: Bool

        init(_ v: Double, _ c: Comparator) {
            switch c {
            case .exactly: (lo, hi, loOpen, hiOpen) = (v, v, false, false)
            case .about: (lo, hi, loOpen, hiOpen) = (0.9 * v, 1.1 * v, false, false)
            case .over: (lo, hi, loOpen, hiOpen) = (v, .infinity, true, false)
            case .under: (lo, hi, loOpen, hiOpen) = (0, v, false, true)
            case .nearly: (lo, hi, loOpen, hiOpen) = (0.85 * v, v, false, false)
            case .atLeast: (lo, hi, loOpen, hiOpen) = (v, .infinity, false, false)
            case .atMost: (lo, hi, loOpen, hiOpen) = (0, v, false, false)
            }
        }

        func intersects(_ o: Interval) -> Bool {
            let (lo, loOpen) = self.lo > o.lo ? (self.lo, self.loOpen) : self.lo < o.lo ? (o.lo, o.loOpen) : (self.lo, self.loOpen || o.loOpen)
            let (hi, hiOpen) = self.hi < o.hi ? (self.hi, self.hiOpen) : self.hi > o.hi ? (o.hi, o.hiOpen) : (self.hi, self.hiOpen || o.hiOpen)
            if lo < hi { return true }
            return lo == hi && !loOpen && !hiOpen
        }
    }

    /// Whether a claim with this time can be compared (with claims of the same time): the present, or an
    /// explicit date of year precision or finer (never a decade, century or the past).
    static func isComparable(_ time: String?) -> Bool {
        guard let t = time else { return false }
        if t == "PRESENT_REF" { return true }
        // Four ASCII digits followed by an ASCII byte or nothing are four Characters (no grapheme
        // joins two ASCII bytes other than CR LF), all numbers: the test below without Characters.
        let u = t.utf8
        if u.count >= 4, u.prefix(4).allSatisfy({ $0 &- 0x30 < 10 }), u.count == 4 || u[u.index(u.startIndex, offsetBy: 4)] < 0x80 {
            return true
        }
        let digits = t.prefix(4)
        return digits.count == 4 && digits.allSatisfy(\.isNumber)
    }

    /// Claims that can be compared share all three; the frame is the claim's time.
    struct Bucket: Hashable {
        var subject: String
        var measure: String
        var frame: String
    }

    func check(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported = Set<String>()
        // The claims compared, by index: filtering the claims themselves copied each one.
        let all = document.claims
        let claims = all.indices.filter { all[$0].kind == .count && all[$0].subject != nil && Self.isComparable(all[$0].time) }
        guard claims.count >= 2 else { return out }
        let ranges = claims.map { Self.quantityRange(all[$0], in: document) }
        let sentences = SentenceLookup(document.sentences)
        let sentenceOf = ranges.map { sentences.index(of: $0.lowerBound) }
        // An earlier claim is compared by its value and hedge only: these, not a copy of the claim.
        let hedges = claims.map { (value: all[$0].value, comparator: all[$0].comparator) }
        // Only claims of one subject, measure and frame are compared: bucket them instead of trying
        // every pair. Each bucket lists its claims in document-claim order, as the pair loop met them.
        var buckets: [Bucket: [Int]] = [:]
        buckets.reserveCapacity(claims.count)
        for (j, c) in claims.enumerated() {
            // Read in place: the claim is used only in the rare report below.
            // The claim passed `isComparable`, so it has a time.
            let bucket = Bucket(subject: all[c].subject!, measure: all[c].measure, frame: all[c].time!)
            let laterRange = ranges[j]
            // Compares with the bucket's claims, then joins it: one access, so the key is hashed once.
            func compareAndJoin(_ bucketClaims: inout [Int]) {
                defer { bucketClaims.append(j) }
                for e in bucketClaims {
                    let earlier = hedges[e], earlierRange = ranges[e]
                    guard earlierRange.lowerBound < laterRange.lowerBound,
                          !sentences.same(earlierRange.lowerBound, laterRange.lowerBound, sentenceOfA: sentenceOf[e]) else { continue }
                    if Interval(earlier.value, earlier.comparator).intersects(Interval(all[c].value, all[c].comparator)) { continue }
                    let later = all[c]
                    // The strings are built as bytes: interpolation costs an append per piece.
                    // Sized for the whole key: growing it on the way cost a copy.
                    var key = MessageBytes(capacity: 64 + later.subject!.utf8.count + later.measure.utf8.count)
                    key.append(later.subject!)
                    key.append("|")
                    key.append(later.measure)
                    key.append("|")
                    key.append(String(earlier.value))
                    key.append("|")
                    key.append(earlier.comparator.rawValue)
                    key.append("|")
                    key.append(String(later.value))
                    key.append("|")
                    key.append(later.comparator.rawValue)
                    guard reported.insert(key.string).inserted else { return }
                    let line = rawLine(document, of: earlierRange)
                    let (message, relatedMessage) = withUTF8Bytes(document.text) { t in
                        var m = MessageBytes(capacity: 96 + laterRange.count + earlierRange.count)
                        m.append(slice: laterRange, of: document.text, t)
                        m.append(" stated here, ")
                        m.append(slice: earlierRange, of: document.text, t)
                        m.append(" on line ")
                        m.append(line)
                        m.append(" (")
                        m.append(later.subjectText)
                        m.append(", ")
                        if later.time == "PRESENT_REF" { m.append("present") } else { m.append("in "); m.append(later.time ?? "?") }
                        m.append(")")
                        var r = MessageBytes(capacity: 16 + earlierRange.count)
                        r.append(slice: earlierRange, of: document.text, t)
                        r.append(" stated here")
                        return (m.string, r.string)
                    }
                    out.append(diagnostic(message, at: laterRange, related: [.init(range: earlierRange, message: relatedMessage)]))
                    return
                }
            }
            compareAndJoin(&buckets[bucket, default: []])
        }
        return out
    }

    static func frameText(_ t: String?) -> String { t == "PRESENT_REF" ? "present" : "in \(t ?? "?")" }

    static func quantityRange(_ c: Claim, in document: Document) -> Range<Int> {
        if let q = c.quantity, document.quantities.indices.contains(q) { return document.quantities[q].range }
        return c.range
    }

    /// Whether some sentence contains both offsets. Segmented sentences are sorted and disjoint, so
    /// the one sentence that can contain `a` is found by binary search; other layouts are scanned.
    struct SentenceLookup {
        let sentences: [Sentence]
        let ordered: Bool

        init(_ sentences: [Sentence]) {
            self.sentences = sentences
            // In place, by index: zipping the array with its own slice cost several times as much.
            ordered = sentences.withUnsafeBufferPointer { s in
                s.isEmpty || (1..<s.count).allSatisfy { s[$0 - 1].range.upperBound <= s[$0].range.lowerBound }
            }
        }

        func same(_ a: Int, _ b: Int) -> Bool {
            guard ordered else { return sentences.contains { $0.range.contains(a) && $0.range.contains(b) } }
            return same(a, b, sentenceOfA: index(of: a))
        }

        /// `same(a, b)` with `index(of: a)` found beforehand: a claim is compared with many others,
        /// and its sentence is searched for once.
        func same(_ a: Int, _ b: Int, sentenceOfA k: Int?) -> Bool {
            guard ordered else { return same(a, b) }
            guard let k else { return false }
            return sentences[k].range.contains(b)
        }

        /// With the sentences in order, the index of the one containing `a` (nil when none does);
        /// nil when they are not in order.
        func index(of a: Int) -> Int? {
            guard ordered else { return nil }
            // The last sentence starting at or before `a`.
            var lo = 0, hi = sentences.count
            while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].range.lowerBound <= a { lo = mid + 1 } else { hi = mid } }
            guard lo > 0, sentences[lo - 1].range.contains(a) else { return nil }
            return lo - 1
        }
    }
}
