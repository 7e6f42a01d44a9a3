import DocPipeCore

/// A light token over UTF-8 bytes, private to the quantity and claim extractors (they must not depend
/// on `Document.tokens`). Words keep internal hyphens and apostrophes (`non-permanent`, `IOM’s`);
/// numbers keep thousands separators and one decimal point (`9,000`, `1.4`).
struct ScanToken {
    enum Kind: UInt8 { case word, number, punct }
    var kind: Kind
    var start: Int
    var end: Int
    /// Lower-cased text for words and punctuation; the digits without separators for numbers.
    var lower: String
    /// First letter upper case.
    var capitalized: Bool
    /// Two or more upper-case letters and no lower case (an `s` plural allowed: `NGOs`).
    var acronym: Bool
    /// Whitespace (or nothing) precedes the token.
    var spaceBefore: Bool
    /// Word-class bits of `lower` (see `WordClass`), computed once per token.
    var flags: UInt64 = 0
    /// `lower` contains a hyphen.
    var hyphen: Bool = false

    @inline(__always) func has(_ f: UInt64) -> Bool { flags & f != 0 }
}

/// Word classes of the vocabulary of the quantity and claim tables, as bits: one dictionary lookup per
/// token instead of one set lookup per test.
enum WordClass {
    static let unit: UInt64 = 1 << 0
    static let numStart: UInt64 = 1 << 1
    static let adverb: UInt64 = 1 << 2
    static let presentWord: UInt64 = 1 << 3
    static let pastAux: UInt64 = 1 << 4
    static let presentAux: UInt64 = 1 << 5
    static let presentVerb: UInt64 = 1 << 6
    static let countVerb: UInt64 = 1 << 7
    static let pronoun: UInt64 = 1 << 8
    static let foundingVerb: UInt64 = 1 << 9
    static let phraseStop: UInt64 = 1 << 10
    static let month: UInt64 = 1 << 11
    static let yearContext: UInt64 = 1 << 12
    static let referenceWord: UInt64 = 1 << 13
    static let capBeforeNumber: UInt64 = 1 << 14
    static let comparatorKey: UInt64 = 1 << 15
    static let currencyCode: UInt64 = 1 << 16
    static let scale: UInt64 = 1 << 17
    static let partialVerb: UInt64 = 1 << 18
    static let joiningVerb: UInt64 = 1 << 19
    static let timeNoun: UInt64 = 1 << 20
    static let measureUnit: UInt64 = 1 << 21
    static let modal: UInt64 = 1 << 22
    /// Last word of a comparator phrase / of an addition marker; first word of a unit phrase.
    static let comparatorLast: UInt64 = 1 << 23
    static let additionLast: UInt64 = 1 << 24
    static let unitPhraseFirst: UInt64 = 1 << 25
    static let finiteVerb: UInt64 = pastAux | presentAux | presentVerb

    static let table: [String: UInt64] = {
        var d: [String: UInt64] = [:]
        func add<S: Sequence>(_ words: S, _ f: UInt64) where S.Element == String { for w in words { d[w, default: 0] |= f } }
        add(QuantityTables.units.keys, unit | numStart)
        add(["a", "an", "half"], numStart)
        add(ClaimTables.adverbs, adverb)
        add(ClaimTables.presentWords, presentWord)
        add(ClaimTables.pastAux, pastAux)
        add(ClaimTables.presentAux, presentAux)
        add(ClaimTables.presentVerbs, presentVerb)
        add(ClaimTables.countVerbs, countVerb)
        add(ClaimTables.pronouns, pronoun)
        add(ClaimTables.foundingVerbs, foundingVerb)
        add(ClaimTables.partialVerbs, partialVerb)
        add(ClaimTables.joiningVerbs, joiningVerb)
        add(QuantityTables.phraseStops, phraseStop)
        add(QuantityTables.months, month)
        add(QuantityTables.yearContext, yearContext)
        add(QuantityTables.referenceWords, referenceWord)
        add(QuantityTables.capitalizedBeforeNumber, capBeforeNumber)
        add(QuantityTables.comparators.keys, comparatorKey)
        add(QuantityTables.currencyCodes, currencyCode)
        add(QuantityTables.scales.keys, scale)
        add(QuantityTables.timeNouns, timeNoun)
        add(QuantityTables.measureUnits, measureUnit)
        add(["will", "can", "may", "shall", "must", "might", "could", "should", "would"], modal)
        add(QuantityTables.comparators.keys.map { String($0.split(separator: " ").last!) }, comparatorLast)
        add(QuantityTables.additionMarkers.map { String($0.split(separator: " ").last!) }, additionLast)
        add(QuantityTables.unitPhrases.keys.map { String($0.split(separator: " ").first!) }, unitPhraseFirst)
        return d
    }()

    @inline(__always) static func of(_ lower: String) -> UInt64 { table[lower] ?? 0 }

    /// The same table over lower-case ASCII bytes: open addressing on an FNV-1a hash, no `String` needed.
    static let byteTable: ByteVocab = ByteVocab(table)
}

struct ByteVocab: Sendable {
    private var keys: [[UInt8]] = []
    private var values: [UInt64] = []
    private var slots: [Int32]
    private let mask: Int

    init(_ d: [String: UInt64]) {
        var size = 64
        while size < d.count * 4 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (k, v) in d.sorted(by: { $0.key < $1.key }) {
            let b = Array(k.utf8)
            var h = Int(truncatingIfNeeded: Self.hash(b)) & mask
            while slots[h] >= 0 { h = (h + 1) & mask }
            slots[h] = Int32(keys.count)
            keys.append(b)
            values.append(v)
        }
    }

    @inline(__always) static func hash(_ b: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }

    /// Flags of the ASCII word `bytes[lo..<hi]` lower-cased (letters A–Z folded).
    @inline(__always) func lookupFolding(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in lo..<hi {
            let b = bytes[k]
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        let n = hi - lo
        while true {
            let idx = Int(slots[slot])
            if idx < 0 { return 0 }
            let key = keys[idx]
            if key.count == n {
                var same = true
                for k in 0..<n {
                    let b = bytes[lo + k]
                    let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    if key[k] != c { same = false; break }
                }
                if same { return values[idx] }
            }
            slot = (slot + 1) & mask
        }
    }
}

/// The document text as bytes, its scan tokens, and sentence / block spans over the tokens.
struct ScanText {
    let bytes: [UInt8]
    var tokens: [ScanToken] = []
    /// Token index ranges of the sentences, in order.
    var sentences: [Range<Int>] = []
    /// Sentence index of each token (-1 when outside every sentence).
    var sentenceOf: [Int] = []
    /// Blocks: kind and token range.
    var blocks: [(kind: Block.Kind, tokens: Range<Int>, range: Range<Int>)] = []

    init(_ document: Document) {
        bytes = Array(document.text.utf8)
        tokenize()
        buildSentences(document)
        buildBlocks(document)
    }

    func text(_ r: Range<Int>) -> String {
        let lo = max(0, min(r.lowerBound, bytes.count)), hi = max(lo, min(r.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    func text(tokens r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return text(tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end)
    }

    /// Decodes the scalar at `i`; returns it and its byte length.
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 1, v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; v = UInt32(b0 & 0x1F) } else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) } else if b0 & 0xF8 == 0xF0 { len = 4; v = UInt32(b0 & 0x07) } else { return ("\u{FFFD}", 1) }
        guard i + len <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in 1..<len {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = (v << 6) | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    func isLetter(at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        let (s, _) = scalar(at: i)
        if s == "²" || s == "³" { return true }
        return s.properties.isAlphabetic
    }

    func isDigit(at i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }

    func isSpace(at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { return true }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return true }
        return false
    }

    /// Apostrophe (' or ’) at i: its byte length, else 0.
    func apostrophe(at i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    private mutating func tokenize() {
        let n = bytes.count
        var i = 0
        var space = true
        tokens.reserveCapacity(n / 5)
        while i < n {
            if isSpace(at: i) { i += bytes[i] == 0xC2 ? 2 : 1; space = true; continue }
            let start = i
            if isDigit(at: i) {
                var digits: [UInt8] = []
                while i < n {
                    if isDigit(at: i) { digits.append(bytes[i]); i += 1; continue }
                    // thousands separator: exactly three digits follow
                    if bytes[i] == 0x2C, isDigit(at: i + 1), isDigit(at: i + 2), isDigit(at: i + 3), !isDigit(at: i + 4) { i += 1; continue }
                    if bytes[i] == 0x2E, isDigit(at: i + 1), !digits.contains(0x2E) { digits.append(0x2E); i += 1; continue }
                    break
                }
                tokens.append(ScanToken(kind: .number, start: start, end: i, lower: String(decoding: digits, as: UTF8.self),
                                        capitalized: false, acronym: false, spaceBefore: space))
            } else if isLetter(at: i) {
                var upper = 0, lowerCount = 0, first = true, cap = false, ascii = true, hyphen = false
                while i < n {
                    if isLetter(at: i) {
                        let b = bytes[i]
                        if b < 0x80 {
                            let isUp = b >= 0x41 && b <= 0x5A
                            if isUp { upper += 1 } else { lowerCount += 1 }
                            if first { cap = isUp }
                            i += 1
                        } else {
                            ascii = false
                            let (s, l) = scalar(at: i)
                            if s.properties.isUppercase { upper += 1 } else { lowerCount += 1 }
                            if first { cap = s.properties.isUppercase }
                            i += l
                        }
                        first = false
                        continue
                    }
                    if bytes[i] == 0x2D, isLetter(at: i + 1) { i += 1; hyphen = true; continue }
                    let a = apostrophe(at: i)
                    if a > 0, isLetter(at: i + a) { if a > 1 { ascii = false }; i += a; continue }
                    break
                }
                let lower: String
                var lastIsLowerS = false
                var flags: UInt64 = 0
                if ascii {
                    flags = bytes.withUnsafeBufferPointer { WordClass.byteTable.lookupFolding($0, start, i) }
                    lower = bytes.withUnsafeBufferPointer { bp in
                        String(unsafeUninitializedCapacity: i - start) { out in
                            for k in start..<i { let b = bp[k]; out[k - start] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
                            return i - start
                        }
                    }
                    lastIsLowerS = bytes[i - 1] == 0x73
                } else {
                    let s = text(start..<i)
                    lower = s.lowercased()
                    lastIsLowerS = s.last == "s"
                    flags = WordClass.of(lower)
                }
                let acr = upper >= 2 && (lowerCount == 0 || (lowerCount == 1 && lower.hasSuffix("s") && lastIsLowerS))
                var tk = ScanToken(kind: .word, start: start, end: i, lower: lower, capitalized: cap, acronym: acr, spaceBefore: space)
                tk.flags = flags
                tk.hyphen = hyphen
                tokens.append(tk)
            } else {
                let (s, l) = scalar(at: i)
                i += l
                let lower = String(Character(s))
                var tk = ScanToken(kind: .punct, start: start, end: i, lower: lower, capitalized: false, acronym: false, spaceBefore: space)
                tk.flags = WordClass.of(lower)
                tokens.append(tk)
            }
            space = false
        }
    }

    /// First token index whose start is >= offset.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let m = (lo + hi) / 2; if tokens[m].start < offset { lo = m + 1 } else { hi = m } }
        return lo
    }

    func tokenRange(of r: Range<Int>) -> Range<Int> {
        let a = tokenIndex(atOrAfter: r.lowerBound)
        var b = a
        while b < tokens.count && tokens[b].end <= r.upperBound { b += 1 }
        return a..<b
    }

    private mutating func buildSentences(_ document: Document) {
        sentenceOf = Array(repeating: -1, count: tokens.count)
        var spans: [Range<Int>] = document.sentences.map(\.range)
        if spans.isEmpty { spans = Self.fallbackSentences(bytes) }
        for r in spans {
            let tr = tokenRange(of: r)
            guard !tr.isEmpty else { continue }
            let idx = sentences.count
            sentences.append(tr)
            for t in tr where sentenceOf[t] == -1 { sentenceOf[t] = idx }
        }
    }

    private mutating func buildBlocks(_ document: Document) {
        var spans: [(Block.Kind, Range<Int>)] = document.blocks.map { ($0.kind, $0.range) }
        if spans.isEmpty {
            // One block per non-empty line.
            var s = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if i > s { spans.append((.paragraph, s..<i)) }
                s = i + 1
            }
        }
        for (k, r) in spans {
            blocks.append((k, tokenRange(of: r), r))
        }
    }

    /// Sentences when the segmenter has not run: lines, split after `.`, `!` or `?` followed by a space
    /// and an upper-case letter or a digit.
    static func fallbackSentences(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = 0
        var i = 0
        func push(_ e: Int) {
            var a = s, z = e
            while a < z, b[a] == 0x20 || b[a] == 0x0A || b[a] == 0x0D || b[a] == 0x09 { a += 1 }
            while z > a, b[z - 1] == 0x20 || b[z - 1] == 0x0A || b[z - 1] == 0x0D || b[z - 1] == 0x09 { z -= 1 }
            if z > a { out.append(a..<z) }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x0A { push(i); s = i + 1 } else if (c == 0x2E || c == 0x21 || c == 0x3F), i + 2 < b.count, b[i + 1] == 0x20,
                      (b[i + 2] >= 0x41 && b[i + 2] <= 0x5A) || b[i + 2] == 0xE2 {
                push(i + 1); s = i + 1
            }
            i += 1
        }
        push(b.count)
        return out
    }
}
