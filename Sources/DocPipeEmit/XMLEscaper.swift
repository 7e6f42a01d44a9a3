import DocPipeCore

/// Escaping that keeps any Swift string well-formed in XML 1.0.
///
/// XML 1.0 cannot carry U+0000–U+001F other than tab, LF and CR, nor U+FFFE/U+FFFF (surrogates cannot
/// occur in a Swift string). In character data each such character becomes
/// `<ctrl code="1B">�</ctrl>`: the code stays visible and the element holds exactly one scalar
/// (U+FFFD), so the string value of `<body>` has the same scalar offsets as the text. In attribute
/// values it becomes U+FFFD. CR is written `&#13;` (and tab/LF in attributes `&#9;`/`&#10;`) so that
/// parsers' line-end and attribute normalisation give the character back unchanged; `>` is always
/// escaped, so `]]>` cannot occur.
enum XMLEscaper {
    /// Character data: the UTF-8 bytes `range` of `p`.
    static func appendText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        out.append(contentsOf: ByteSink.collect(estimate: range.count + 64) { $0.xmlText(p, range) })
    }

    static func appendText(_ s: String, to out: inout [UInt8]) {
        out.append(contentsOf: ByteSink.collect(estimate: s.utf8.count + 64) { $0.xmlText(s) })
    }

    /// An attribute value (without the quotes), for a double-quoted attribute.
    static func appendAttribute(_ s: String, to out: inout [UInt8]) {
        out.append(contentsOf: ByteSink.collect(estimate: s.utf8.count + 64) { $0.xmlAttribute(s) })
    }

    /// Upper-case hex, at least two digits.
    static func appendHex(_ v: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: ByteSink.collect(estimate: 8) { $0.upperHex(v) })
    }
}

extension ByteSink {
    /// Character data (see ``XMLEscaper``): the UTF-8 bytes `range` of `p`.
    mutating func xmlText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let s = p.baseAddress, !range.isEmpty else { return }
        var runStart = range.lowerBound
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            // Candidates: controls other than tab and LF, `&`, `<`, `>`, and 0xEF (lead byte of U+FFFE/U+FFFF).
            i = ByteSink.skipClean(s, from: i, to: n, ByteSink.textCandidates)
            guard i < n else { break }
            let b = s[i]
            var width = 1
            var code: UInt32 = 0
            var entity: StaticString? = nil
            switch b {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x0D: entity = "&#13;"
            case 0x09, 0x0A: i &+= 1; continue
            case 0xEF:
                guard i &+ 2 < n, s[i &+ 1] == 0xBF, s[i &+ 2] == 0xBE || s[i &+ 2] == 0xBF else { i &+= 1; continue }
                code = s[i &+ 2] == 0xBE ? 0xFFFE : 0xFFFF
                width = 3
            case 0x00..<0x20: code = UInt32(b)
            default: i &+= 1; continue
            }
            bytes(s + runStart, i &- runStart)
            if let entity {
                raw(entity)
            } else {
                raw("<ctrl code=\"")
                upperHex(code)
                raw("\">\u{FFFD}</ctrl>")
            }
            i &+= width
            runStart = i
        }
        bytes(s + runStart, n &- runStart)
    }

    /// 0x80 in each byte of `w` that character data may not carry as is: controls other than tab
    /// and LF, `&`, `<`, `>`, and 0xEF (lead byte of U+FFFE/U+FFFF). Each lane is judged alone.
    @inline(__always)
    static func textCandidates(_ w: UInt64) -> UInt64 {
        let controls = UTF8Bytes.bytesBelow(w, 0x20) & ~(UTF8Bytes.bytesEqual(w, 0x0A) | UTF8Bytes.bytesEqual(w, 0x09))
        return controls | UTF8Bytes.bytesEqual(w, 0x26) | ByteSink.angleBrackets(w) | UTF8Bytes.bytesEqual(w, 0xEF)
    }

    mutating func xmlText(_ s: String) {
        var s = s
        s.withUTF8 { xmlText($0, 0..<$0.count) }
    }

    /// An attribute value (without the quotes), for a double-quoted attribute (see ``XMLEscaper``).
    mutating func xmlAttribute(_ s: String) {
        // Read in place: `withUTF8` needs a copy of the string (a retain and a release per call).
        if s.utf8.withContiguousStorageIfAvailable({ shortAttribute($0) }) != nil { return }
        var s = s
        s.withUTF8 { shortAttribute($0) }
    }

    /// `xmlAttribute(p)`, with short clean values (ids, names, numbers) copied here rather than in that
    /// larger function (no call, and fewer registers saved).
    @inline(__always)
    mutating func shortAttribute(_ p: UnsafeBufferPointer<UInt8>) {
        if p.count <= 16, let s = p.baseAddress, shortClean(s, p.count, quote: 0, any: ByteSink.anyAttributeCandidate) { return }
        xmlAttribute(p)
    }

    /// The UTF-8 bytes `p` as an attribute value (without the quotes).
    mutating func xmlAttribute(_ p: UnsafeBufferPointer<UInt8>) {
        guard let s = p.baseAddress else { return }
        let n = p.count
        // Most values are short (ids, kinds, names, numbers, slices of a sentence): when none of their
        // bytes is a candidate, one test per word and one copy.
        if n <= ByteSink.maxCleanRun && ByteSink.isCleanValue(s, n, any: ByteSink.anyAttributeCandidate, block: XMLAttributeBlockTest.self) {
            bytes(s, n)
            return
        }
        var runStart = 0
        var i = 0
        while i < n {
            i = ByteSink.skipClean(s, from: i, to: n, ByteSink.attributeCandidates)
            guard i < n else { break }
            let b = s[i]
            var width = 1
            let rep: StaticString
            switch b {
            case 0x26: rep = "&amp;"
            case 0x3C: rep = "&lt;"
            case 0x3E: rep = "&gt;"
            case 0x22: rep = "&quot;"
            case 0x09: rep = "&#9;"
            case 0x0A: rep = "&#10;"
            case 0x0D: rep = "&#13;"
            case 0xEF:
                guard i &+ 2 < n, s[i &+ 1] == 0xBF, s[i &+ 2] == 0xBE || s[i &+ 2] == 0xBF else { i &+= 1; continue }
                rep = "\u{FFFD}"
                width = 3
            case 0x00..<0x20: rep = "\u{FFFD}"
            default: i &+= 1; continue
            }
            bytes(s + runStart, i &- runStart)
            raw(rep)
            i &+= width
            runStart = i
        }
        bytes(s + runStart, n &- runStart)
    }

    /// 0x80 in each byte of `w` that an attribute value cannot carry as is: controls, `&`, `<`, `>`,
    /// `"`, and 0xEF (lead byte of U+FFFE/U+FFFF). Each lane is judged alone.
    @inline(__always)
    static func attributeCandidates(_ w: UInt64) -> UInt64 {
        UTF8Bytes.bytesBelow(w, 0x20) | ByteSink.quoteOrAmpersand(w) | ByteSink.angleBrackets(w) | UTF8Bytes.bytesEqual(w, 0xEF)
    }

    /// Nonzero exactly when `attributeCandidates(w)` is, in fewer operations (see ``ByteSink/anyBelow(_:_:)``).
    @inline(__always)
    static func anyAttributeCandidate(_ w: UInt64) -> UInt64 {
        (anyBelow(w, 0x20) | anyEqual(w | 0x0404_0404_0404_0404, 0x26) | anyEqual(w | 0x0202_0202_0202_0202, 0x3E) | anyEqual(w, 0xEF))
            & 0x8080_8080_8080_8080
    }

    /// 0x80 in each byte of `w` that is `<` or `>` (0x3C, 0x3E): the two differ in bit 1 only, so
    /// one test with that bit set finds both.
    @inline(__always)
    static func angleBrackets(_ w: UInt64) -> UInt64 { UTF8Bytes.bytesEqual(w | 0x0202_0202_0202_0202, 0x3E) }

    /// 0x80 in each byte of `w` that is `"` or `&` (0x22, 0x26): they differ in bit 2 only.
    @inline(__always)
    static func quoteOrAmpersand(_ w: UInt64) -> UInt64 { UTF8Bytes.bytesEqual(w | 0x0404_0404_0404_0404, 0x26) }

    /// Upper-case hex, at least two digits.
    mutating func upperHex(_ v: UInt32) {
        let hex = ByteSink.upperHexDigits.utf8Start
        var digits = 2
        while digits < 8 && v >> (4 * UInt32(digits)) != 0 { digits &+= 1 }
        reserve(digits)
        for k in 0..<digits {
            base[count &+ k] = hex[Int((v >> (4 * UInt32(digits &- 1 &- k))) & 15)]
        }
        count &+= digits
    }

    private static let upperHexDigits: StaticString = "0123456789ABCDEF"
}

/// Character data of one text written in pieces (the body, between its tags), each as
/// `ByteSink.xmlText(text, piece)` would write it.
///
/// Bytes to escape are rare in a text, pieces short and many: the first candidate byte past a piece
/// is found once, by one scan over the clean run, and every piece that ends before it is copied
/// whole instead of being scanned again. Pieces in text order scan each byte once at most.
struct XMLTextPieces {
    let text: UnsafeBufferPointer<UInt8>
    /// `text[cleanFrom..<candidate]` holds no candidate byte (`candidate` is one, or the text's end).
    private var cleanFrom = 0
    private var candidate = 0

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    /// Inlined: called twice per span (before its start tag and before its end tag), and mostly a copy.
    @inline(__always)
    mutating func write(_ range: Range<Int>, to out: inout ByteSink) {
        guard let s = text.baseAddress, !range.isEmpty else { return }
        if range.lowerBound < cleanFrom || range.lowerBound > candidate {
            cleanFrom = range.lowerBound
            candidate = XMLTextPieces.firstCandidate(s, from: cleanFrom, to: text.count)
        }
        if range.upperBound <= candidate {
            out.bytes(s + range.lowerBound, range.count)
        } else {
            out.xmlText(text, range)
        }
    }

    /// The first index from `i` whose byte `textCandidates` marks, or `n`. The words are tested
    /// without the exceptions for tab and LF (two tests fewer per word); the few line breaks found
    /// are stepped over.
    private static func firstCandidate(_ s: UnsafePointer<UInt8>, from i: Int, to n: Int) -> Int {
        var i = i
        while true {
            i = ByteSink.skipCleanToEnd(s, from: i, to: n, any: XMLTextPieces.anyCandidateOrBreak, block: XMLTextBlockTest.self,
                                        XMLTextPieces.candidatesOrBreaks)
            guard i < n, s[i] == 0x0A || s[i] == 0x09 else { return i }
            i &+= 1
        }
    }

    /// `textCandidates` with tab and LF marked too.
    @inline(__always)
    static func candidatesOrBreaks(_ w: UInt64) -> UInt64 {
        UTF8Bytes.bytesBelow(w, 0x20) | UTF8Bytes.bytesEqual(w, 0x26) | ByteSink.angleBrackets(w) | UTF8Bytes.bytesEqual(w, 0xEF)
    }

    /// Nonzero exactly when `candidatesOrBreaks(w)` is, in fewer operations (see ``ByteSink/anyBelow(_:_:)``).
    @inline(__always)
    static func anyCandidateOrBreak(_ w: UInt64) -> UInt64 {
        (ByteSink.anyBelow(w, 0x20) | ByteSink.anyEqual(w, 0x26) | ByteSink.anyEqual(w | 0x0202_0202_0202_0202, 0x3E) | ByteSink.anyEqual(w, 0xEF))
            & 0x8080_8080_8080_8080
    }
}

/// Whether one of sixteen bytes is one ``XMLTextPieces/candidatesOrBreaks(_:)`` marks (`<` and `>`
/// differ in bit 1 only: one compare with that bit set finds both).
struct XMLTextBlockTest: ByteBlockTest {
    private let controls = SIMD16<UInt8>(repeating: 0x20), ampersand = SIMD16<UInt8>(repeating: 0x26)
    private let bit1 = SIMD16<UInt8>(repeating: 0x02), angle = SIMD16<UInt8>(repeating: 0x3E), ef = SIMD16<UInt8>(repeating: 0xEF)

    @inline(__always)
    func marks(_ v: SIMD16<UInt8>) -> Bool {
        Self.anyLane((v .< controls) .| (v .== ampersand) .| ((v | bit1) .== angle) .| (v .== ef))
    }
}

/// Whether one of sixteen bytes is one ``ByteSink/attributeCandidates(_:)`` marks (`"` and `&` differ
/// in bit 2 only, `<` and `>` in bit 1 only).
struct XMLAttributeBlockTest: ByteBlockTest {
    private let controls = SIMD16<UInt8>(repeating: 0x20), bit2 = SIMD16<UInt8>(repeating: 0x04), ampersand = SIMD16<UInt8>(repeating: 0x26)
    private let bit1 = SIMD16<UInt8>(repeating: 0x02), angle = SIMD16<UInt8>(repeating: 0x3E), ef = SIMD16<UInt8>(repeating: 0xEF)

    @inline(__always)
    func marks(_ v: SIMD16<UInt8>) -> Bool {
        Self.anyLane((v .< controls) .| ((v | bit2) .== ampersand) .| ((v | bit1) .== angle) .| (v .== ef))
    }
}
