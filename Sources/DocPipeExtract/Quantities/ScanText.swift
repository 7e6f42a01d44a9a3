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
                var upper = 0, lowerCount = 0, first = true, cap = false
                while i < n {
                    if isLetter(at: i) {
                        let b = bytes[i]
                        if b < 0x80 {
                            let isUp = b >= 0x41 && b <= 0x5A
                            if isUp { upper += 1 } else { lowerCount += 1 }
                            if first { cap = isUp }
                            i += 1
                        } else {
                            let (s, l) = scalar(at: i)
                            if s.properties.isUppercase { upper += 1 } else { lowerCount += 1 }
                            if first { cap = s.properties.isUppercase }
                            i += l
                        }
                        first = false
                        continue
                    }
                    if bytes[i] == 0x2D, isLetter(at: i + 1) { i += 1; continue }
                    let a = apostrophe(at: i)
                    if a > 0, isLetter(at: i + a) { i += a; continue }
                    break
                }
                let s = text(start..<i)
                let lower = s.lowercased()
                let acr = upper >= 2 && (lowerCount == 0 || (lowerCount == 1 && lower.hasSuffix("s") && s.last == "s"))
                tokens.append(ScanToken(kind: .word, start: start, end: i, lower: lower, capitalized: cap, acronym: acr, spaceBefore: space))
            } else {
                let (s, l) = scalar(at: i)
                i += l
                tokens.append(ScanToken(kind: .punct, start: start, end: i, lower: String(Character(s)), capitalized: false, acronym: false, spaceBefore: space))
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
