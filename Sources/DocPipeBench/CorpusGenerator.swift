// Deterministic benchmark corpus for docpipe (`make bench`).
//
// Pure Swift, no global mutable state: a seeded SplitMix64 drives every choice, vocabularies and
// templates are immutable `static let`s (see CorpusVocabulary.swift), and no Dictionary/Set is
// iterated, so the same arguments give the same bytes on every run and platform.
//
// Each document is an encyclopedia-style profile of a fictional intergovernmental organisation in
// the layout of the seed documents (title line, blank lines, short heading lines, one paragraph
// per line, announced lists, "  • " bullet lines). About `damagedLineFraction` of the non-blank
// lines carry one kind of damage: mojibake (UTF-8 read as Windows-1252, the lone `Â’` kind, two
// layers, lost A0 byte), C1 controls (Windows-1252 read as Latin-1), HTML entities, malformed or
// stray tags, repeated sentences and non-breaking spaces where a space belongs; plus, at the same
// rate per section, empty sections (a heading directly followed by another heading).

public struct BenchDocument: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

public enum CorpusGenerator {
    /// Deterministic corpus of `documentCount` documents totalling about `megabytes` MB (MiB, 2^20 bytes)
    /// of realistic encyclopedia-style prose (UTF-8), where about `damagedLineFraction` of the non-blank lines
    /// carry damage. Same arguments → same bytes.
    public static func generate(megabytes: Int, documentCount: Int, damagedLineFraction: Double = 0.01, seed: UInt64 = 42) -> [BenchDocument] {
        let count = max(1, documentCount)
        let totalBytes = max(0, megabytes) * 1_048_576
        var master = SplitMix64(seed: seed)
        // Uneven document sizes (weights 0.4 … 1.6), scaled so they add up to the requested total.
        var weights: [Double] = []
        weights.reserveCapacity(count)
        for _ in 0..<count { weights.append(0.4 + 1.2 * master.unit()) }
        let weightSum = weights.reduce(0, +)
        let fraction = damagedLineFraction.isFinite ? min(1, max(0, damagedLineFraction)) : 0
        var documents: [BenchDocument] = []
        documents.reserveCapacity(count)
        for index in 0..<count {
            let target = Int(Double(totalBytes) * weights[index] / weightSum)
            var writer = DocumentWriter(seed: master.next(), damage: fraction)
            let bytes = writer.document(targetBytes: target)
            let slug = writer.profile.slug
            let number = String(index + 1)
            let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
            documents.append(BenchDocument(name: "bench/\(padded)-\(slug).txt", bytes: bytes))
        }
        return documents
    }
}

// MARK: - PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for corpus generation.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0), by multiply-shift.
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(n).multipliedFullWidth(by: next())).high)
    }

    mutating func range(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

// MARK: - Templates

enum Slot: String, Sendable {
    case open, org, acr, year, year2, yearNext, city, city2, city3, members, observers, n, nsmall, nsmallword
    case body, res, resun, verb, activity, activity2, activity3, money, pct, pct2, decade, mid, person, role
    case committee, art, instrument, obligation, season, partner, partnerShort, hedge, staff, freq, report
    case report2, adj, duration, country, country2, country3, day, month, ordinal, iso, big, century, symbol
    case count, hq, memberCount, memberPast, observerCount, hduration, measure
}

enum Piece: Sendable {
    case literal([UInt8])
    case slot(Slot)
}

enum Templates {
    static let sentences: [[Piece]] = CorpusVocabulary.sentenceTemplates.map(parse)
    static let listIntros: [[Piece]] = CorpusVocabulary.listIntros.map(parse)
    static let lowerableStarts: [[UInt8]] = CorpusVocabulary.lowerableStarts.map { Array($0.utf8) }

    static func parse(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        let bytes = Array(template.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")),
               let slot = Slot(rawValue: String(decoding: bytes[(i + 1)..<close], as: UTF8.self)) {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
                pieces.append(.slot(slot))
                i = close + 1
            } else {
                literal.append(bytes[i])
                i += 1
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}

// MARK: - Per-document facts

struct Profile: Sendable {
    var kind: OrganisationKind
    var name: String
    var acronym: String
    var slug: String
    var founded: Int
    var memberCount: Int
    var observerCount: Int
    var hq: String
    var committees: [(long: String, short: String)]

    init(rng: inout SplitMix64) {
        kind = rng.pick(CorpusVocabulary.kinds)
        let qualifier = rng.pick(CorpusVocabulary.qualifiers)
        name = qualifier + " " + rng.pick(kind.cores)
        acronym = Profile.acronym(of: name)
        slug = Profile.slug(of: name)
        founded = rng.range(1919...1995)
        memberCount = rng.range(9...190)
        observerCount = rng.range(2...14)
        hq = rng.pick(CorpusVocabulary.cities)
        let committeeNames = [
            "Standing Committee on Finance", "Technical Committee on Statistics", "Advisory Committee on Science",
            "Committee on Programme and Budget", "Joint Committee on Compliance", "Working Group on Data Exchange",
            "Expert Panel on Risk Assessment", "Committee on Legal Affairs",
        ]
        let first = rng.below(committeeNames.count)
        let second = (first + 1 + rng.below(committeeNames.count - 1)) % committeeNames.count
        committees = [first, second].map { (committeeNames[$0], Profile.acronym(of: committeeNames[$0])) }
    }

    static func acronym(of name: String) -> String {
        var out = ""
        for word in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            if let first = word.first, first.isUppercase { out.append(first) }
        }
        return out
    }

    static func slug(of name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.unicodeScalars {
            if scalar.isASCII, Character(scalar).isLetter || Character(scalar).isNumber {
                if dash && !out.isEmpty { out.append("-") }
                out.append(Character(scalar).lowercased())
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }
}

// MARK: - Writer

struct DocumentWriter {
    var rng: SplitMix64
    let damage: Double
    var profile: Profile
    var out: [UInt8] = []
    var line: [UInt8] = []
    var usedPartners: [Bool]
    var usedCommittees: [Bool] = [false, false]
    var lastParagraph: [UInt8] = []

    init(seed: UInt64, damage: Double) {
        rng = SplitMix64(seed: seed)
        self.damage = damage
        profile = Profile(rng: &rng)
        usedPartners = Array(repeating: false, count: CorpusVocabulary.partners.count)
    }

    // MARK: document layout

    mutating func document(targetBytes: Int) -> [UInt8] {
        out.reserveCapacity(targetBytes + 4096)
        emit(profile.name, damageable: false)
        blank()
        emit(profile.name + " (" + profile.acronym + ")", damageable: false)
        blank(); blank()
        line.removeAll(keepingCapacity: true)
        appendText("Established in \(profile.founded), the \(profile.name) is an intergovernmental body with ")
        appendText("\(profile.memberCount) \(profile.kind.memberNoun) and its seat in \(profile.hq).")
        for _ in 0..<rng.range(2...4) { space(); sentence() }
        finishParagraph()
        var headings = profile.kind.headings + ["History", "Membership", "Funding", "Partnerships", "Publications"]
        shuffle(&headings)
        var headingIndex = 0
        while out.count < targetBytes - 600 {
            var heading: String
            if headingIndex < headings.count {
                heading = headings[headingIndex]
            } else {
                switch rng.below(4) {
                case 0: heading = "Operations in " + rng.pick(CorpusVocabulary.countries)
                case 1: heading = "The \(rng.range(1950...2023)) Session"
                case 2: heading = profile.committees[rng.below(2)].long
                default: heading = capitalised(rng.pick(profile.kind.activities))
                }
            }
            headingIndex += 1
            section(heading: heading)
        }
        emit("See Also", damageable: false)
        blank()
        var see = CorpusVocabulary.seeAlso
        shuffle(&see)
        for item in see.prefix(rng.range(3...5)) { emit("  • " + item, damageable: true) }
        blank(); blank()
        emit("Further Reading", damageable: false)
        blank()
        emit("  • \(rng.pick(CorpusVocabulary.people)), “The \(profile.name) at \(rng.range(20...75))”, Journal of International Organizations, \(rng.range(1990...2023)).", damageable: true)
        return out
    }

    mutating func section(heading: String) {
        emitHeading(heading)
        blank()
        if rng.chance(damage) {
            // Empty section: this heading is followed directly by another one.
            emitHeading(heading == "Member States" ? "Observer States" : heading + " (continued)")
            blank()
        }
        let paragraphs = rng.range(1...5)
        for p in 0..<paragraphs {
            line.removeAll(keepingCapacity: true)
            for s in 0..<rng.range(2...7) {
                if s > 0 { space() }
                sentence()
            }
            finishParagraph()
            if p == 0 && rng.chance(0.18) { announcedList() }
        }
        if rng.chance(0.12) { bullets() }
        if rng.chance(0.5) { blank() }
    }

    mutating func announcedList() {
        let count = rng.range(3...6)
        line.removeAll(keepingCapacity: true)
        fill(rng.pick(Templates.listIntros), listCount: count)
        finishLine(damageable: true)
        blank()
        var items = profile.kind.activities
        shuffle(&items)
        for i in 0..<count {
            var item = capitalised(items[i % items.count])
            if i == count - 1 && rng.chance(0.5) { item += "." }
            emit(item, damageable: true)
        }
        blank()
    }

    mutating func bullets() {
        for _ in 0..<rng.range(2...6) {
            line.removeAll(keepingCapacity: true)
            appendText("  • ")
            let start = line.count
            fill(rng.pick(Templates.sentences), listCount: 0)
            capitaliseAt(start)
            finishLine(damageable: true)
        }
        blank()
    }

    // MARK: lines

    mutating func blank() { out.append(0x0A) }

    mutating func emit(_ text: String, damageable: Bool) {
        line.removeAll(keepingCapacity: true)
        appendText(text)
        finishLine(damageable: damageable)
    }

    mutating func emitHeading(_ text: String) {
        line.removeAll(keepingCapacity: true)
        if rng.chance(damage) {
            switch rng.below(3) {
            case 0: appendText("<h3<")
            case 1: appendText("<h2>")
            default: appendText("<p<")
            }
        }
        appendText(text)
        out.append(contentsOf: line)
        out.append(0x0A)
    }

    mutating func finishParagraph() {
        finishLine(damageable: true)
        lastParagraph = line
        blank()
    }

    mutating func finishLine(damageable: Bool) {
        if damageable && rng.chance(damage) { damageLine() }
        out.append(contentsOf: line)
        out.append(0x0A)
    }

    mutating func appendText(_ s: String) { line.append(contentsOf: s.utf8) }
    mutating func space() { line.append(0x20) }

    // MARK: sentences

    mutating func sentence() {
        let template = rng.pick(Templates.sentences)
        if rng.chance(0.3), case .literal(let first)? = template.first,
           Templates.lowerableStarts.contains(where: { first.starts(with: $0) }) {
            appendText(rng.pick(CorpusVocabulary.openers))
            let start = line.count
            fill(template, listCount: 0)
            line[start] |= 0x20  // "The" → "the": the first byte is an ASCII capital
            return
        }
        let start = line.count
        fill(template, listCount: 0)
        capitaliseAt(start)
    }

    mutating func capitaliseAt(_ index: Int) {
        if index < line.count, line[index] >= 0x61, line[index] <= 0x7A { line[index] -= 0x20 }
    }

    mutating func fill(_ pieces: [Piece], listCount: Int) {
        let year = rng.range(max(profile.founded, 1950)...2023)
        for piece in pieces {
            switch piece {
            case .literal(let bytes): line.append(contentsOf: bytes)
            case .slot(let slot): fillSlot(slot, year: year, listCount: listCount)
            }
        }
    }

    mutating func fillSlot(_ slot: Slot, year: Int, listCount: Int) {
        let v = CorpusVocabulary.self
        switch slot {
        case .open: appendText(rng.pick(v.openers))
        case .org: appendText(rng.chance(0.5) ? profile.name : "Organization")
        case .acr: appendText(profile.acronym)
        case .year: appendInt(year)
        case .year2: appendInt(min(2024, year + rng.range(1...12)))
        case .yearNext: appendInt(year + 1)
        case .city: appendText(rng.chance(0.3) ? profile.hq : rng.pick(v.cities))
        case .city2, .city3: appendText(rng.pick(v.cities))
        case .members: appendText(profile.kind.memberNoun)
        case .observers: appendText(profile.kind.observerNoun)
        case .n: appendInt(rng.range(12...240))
        case .nsmall: appendInt(rng.range(2...11))
        case .nsmallword: appendText(v.numberWords[rng.range(2...6)])
        case .count: appendText(v.numberWords[listCount])
        case .body: appendText(rng.pick(profile.kind.governingBodies))
        case .res: appendInt(rng.range(1...3500))
        case .resun: appendText("A/RES/\(rng.range(40...78))/\(rng.range(1...320))")
        case .verb: appendText(rng.pick(v.verbsPast))
        case .activity, .activity2, .activity3: appendText(rng.pick(profile.kind.activities))
        case .money: appendMoney()
        case .pct, .pct2: appendPercent()
        case .decade: appendText("the \(rng.range(195...201))0s")
        case .mid: appendText("the \(rng.pick(["early ", "mid-", "late "]))\(rng.range(195...201))0s")
        case .person: appendText(rng.pick(v.people))
        case .role: appendText(rng.pick(v.roles))
        case .committee:
            let i = rng.below(2)
            let c = profile.committees[i]
            if usedCommittees[i] { appendText(c.short) } else { appendText("\(c.long) (\(c.short))"); usedCommittees[i] = true }
        case .art: appendText("\(rng.range(1...40))(\(rng.range(1...6)))")
        case .instrument: appendText(rng.pick(v.instruments))
        case .obligation: appendText(rng.pick(v.obligations))
        case .season: appendText(rng.pick(["early", "late", "mid-", "the spring of", "the autumn of"]))
        case .partner:
            let i = rng.below(v.partners.count)
            let p = v.partners[i]
            if usedPartners[i] { appendText(p.short) } else { appendText("\(p.long) (\(p.short))"); usedPartners[i] = true }
        case .partnerShort: appendText(rng.pick(v.partners).short)
        case .hedge: appendText(rng.pick(v.hedges))
        case .staff: appendGrouped(rng.range(3...180) * 50)
        case .freq: appendText(rng.pick(v.frequencies))
        case .report: appendText(rng.pick(v.reportWords))
        case .report2: appendText(rng.pick(profile.kind.outputs))
        case .adj: appendText(rng.pick(v.adjectives))
        case .duration: appendText(rng.pick(v.durations))
        case .country, .country2, .country3: appendText(rng.pick(v.countries))
        case .day: appendInt(rng.range(1...28))
        case .month: appendText(rng.pick(v.months))
        case .ordinal: appendText(rng.pick(["fifth", "seventh", "tenth", "twelfth", "fifteenth", "twentieth", "thirtieth"]))
        case .iso: appendText("\(year)-\(twoDigits(rng.range(1...12)))-\(twoDigits(rng.range(1...28)))")
        case .big: appendGrouped(rng.range(2...900) * 1000)
        case .century: appendText(rng.pick(["the late 19th century", "the early 20th century", "the 1890s", "the interwar years"]))
        case .symbol: appendText(rng.pick(v.symbolsPhrases))
        case .hq: appendText(profile.hq)
        case .memberCount: appendInt(profile.memberCount)
        case .memberPast: appendInt(rng.range(min(12, profile.memberCount)...profile.memberCount))
        case .observerCount: appendInt(profile.observerCount)
        case .hduration: appendText(rng.pick(v.hedgedDurations))
        case .measure: appendText(rng.pick(v.measurements))
        }
    }

    mutating func appendInt(_ n: Int) { line.append(contentsOf: String(n).utf8) }

    mutating func appendGrouped(_ n: Int) {
        let digits = Array(String(n).utf8)
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { line.append(UInt8(ascii: ",")) }
            line.append(d)
        }
    }

    mutating func appendMoney() {
        let whole = rng.range(1...9), tenth = rng.range(0...9)
        switch rng.below(6) {
        case 0: appendText("$\(whole).\(tenth) billion")
        case 1: appendText("US$\(rng.range(2...95) * 10) million")
        case 2: appendText("€\(rng.range(1...99)) million")
        case 3: appendText("£"); appendGrouped(rng.range(10...999) * 250)
        case 4: appendText("CHF \(rng.range(5...400)) million")
        default: appendText("an estimated $\(whole).\(tenth) billion")
        }
    }

    mutating func appendPercent() {
        switch rng.below(3) {
        case 0: appendText("\(rng.range(2...95)) per cent")
        case 1: appendText("\(rng.range(2...95))%")
        default: appendText("\(rng.range(1...30)).\(rng.range(1...9)) per cent")
        }
    }

    func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, rng.below(i + 1)) }
    }

    // MARK: damage

    mutating func damageLine() {
        let kinds = 11
        var attempt = rng.below(kinds)
        for _ in 0..<kinds {
            if applyDamage(attempt) { return }
            attempt = (attempt + 1) % kinds
        }
    }

    /// Applies one kind of damage to `line`; returns false when the line offers nothing to damage.
    mutating func applyDamage(_ kind: Int) -> Bool {
        switch kind {
        case 0: return transformNonASCII(all: true) { Mojibake.windows1252($0) }
        case 1: return transformNonASCII(all: false) { Mojibake.windows1252($0) }  // mixed line
        case 2: return transformNonASCII(all: false) { Mojibake.windows1252(Mojibake.windows1252($0)) }
        case 3: return transformNonASCII(all: false, only: Mojibake.isCP1252Special) { [0xC3, 0x82] + $0 }  // lone Â’
        case 4: return transformNonASCII(all: true, only: Mojibake.isCP1252Special) { Mojibake.c1Control($0) }
        case 5: return transformNonASCII(all: false, only: { $0 == [0xC3, 0xA0] }) { _ in [0xC3, 0x83, 0x20] }  // à → "Ã "
        case 6: return transformNonASCII(all: false, only: { Mojibake.entity($0) != nil }) { Mojibake.entity($0) ?? $0 }
        case 7:
            let tags: [[UInt8]] = [Array("<p<".utf8), Array("<div class=\"mw-content\">".utf8), Array("<br>".utf8)]
            line.insert(contentsOf: rng.pick(tags), at: line.starts(with: Array("  • ".utf8)) ? 6 : 0)
            return true
        case 8:
            let tails: [[UInt8]] = [Array("</div".utf8), Array("</p>".utf8), Array(" <span style=\"color:#333\">".utf8), Array("</b></i>".utf8)]
            line.append(contentsOf: rng.pick(tails))
            return true
        case 9:
            // Repeated sentence: the line's first sentence again at its end, or the previous paragraph again.
            if let end = firstSentenceEnd(), end < line.count - 1 {
                line.append(0x20)
                line.append(contentsOf: line[0..<end])
                return true
            }
            if !lastParagraph.isEmpty && line.count > 40 {
                line = lastParagraph
                return true
            }
            return false
        default:
            // Non-breaking space where an ordinary space belongs.
            var spaces: [Int] = []
            for (i, b) in line.enumerated() where b == 0x20 && i > 4 { spaces.append(i) }
            guard !spaces.isEmpty else { return false }
            let at = rng.pick(spaces)
            line.replaceSubrange(at...at, with: [0xC2, 0xA0])
            return true
        }
    }

    func firstSentenceEnd() -> Int? {
        var i = 0
        while i + 1 < line.count {
            if line[i] == UInt8(ascii: "."), line[i + 1] == 0x20, i > 20 { return i + 1 }
            i += 1
        }
        return nil
    }

    /// Replaces every (or one random) non-ASCII character of `line` accepted by `only` with `transform(bytes)`.
    mutating func transformNonASCII(all: Bool, only: ([UInt8]) -> Bool = { _ in true }, _ transform: ([UInt8]) -> [UInt8]) -> Bool {
        var starts: [Range<Int>] = []
        var i = 0
        while i < line.count {
            let b = line[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if length > 1, i + length <= line.count, only(Array(line[i..<(i + length)])) { starts.append(i..<(i + length)) }
            i += length
        }
        guard !starts.isEmpty else { return false }
        let chosen = all ? starts : [rng.pick(starts)]
        for r in chosen.reversed() { line.replaceSubrange(r, with: transform(Array(line[r]))) }
        return true
    }
}

// MARK: - Damage tables

enum Mojibake {
    /// Windows-1252 bytes 0x80–0x9F as Unicode scalars; undefined bytes map to the C1 control of the
    /// same value (what browsers and ftfy's "sloppy-windows-1252" do).
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// UTF-8 encoding of the character each byte stands for in Windows-1252.
    static let byteAsCP1252: [[UInt8]] = (0..<256).map { b -> [UInt8] in
        let scalar: UInt32 = (0x80..<0xA0).contains(b) ? cp1252High[b - 0x80] : UInt32(b)
        return Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    /// UTF-8 bytes read as Windows-1252 and written back as UTF-8.
    static func windows1252(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 2)
        for b in utf8 { out.append(contentsOf: byteAsCP1252[Int(b)]) }
        return out
    }

    /// The Windows-1252 byte of a character (if it lies in 0x80–0x9F), read as Latin-1: a C1 control.
    static func c1Control(_ utf8: [UInt8]) -> [UInt8] {
        guard let byte = cp1252Byte(utf8) else { return utf8 }
        return [0xC2, byte]
    }

    static func cp1252Byte(_ utf8: [UInt8]) -> UInt8? {
        let scalar = String(decoding: utf8, as: UTF8.self).unicodeScalars.first.map { $0.value } ?? 0
        guard let i = cp1252High.firstIndex(of: scalar), scalar > 0xFF else { return nil }
        return UInt8(0x80 + i)
    }

    static func isCP1252Special(_ utf8: [UInt8]) -> Bool { cp1252Byte(utf8) != nil }

    static func entity(_ utf8: [UInt8]) -> [UInt8]? {
        switch utf8 {
        case [0xE2, 0x80, 0x99]: return Array("&#8217;".utf8)
        case [0xE2, 0x80, 0x9C]: return Array("&ldquo;".utf8)
        case [0xE2, 0x80, 0x9D]: return Array("&#x201D;".utf8)
        case [0xE2, 0x80, 0x93]: return Array("&ndash;".utf8)
        case [0xC3, 0xA9]: return Array("&eacute;".utf8)
        case [0xC3, 0xBC]: return Array("&uuml;".utf8)
        case [0xC3, 0xA3]: return Array("&#227;".utf8)
        case [0xC2, 0xB0]: return Array("&deg;".utf8)
        case [0xE2, 0x82, 0xAC]: return Array("&euro;".utf8)
        case [0xC2, 0xA3]: return Array("&pound;".utf8)
        default: return nil
        }
    }
}
