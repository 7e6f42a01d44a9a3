import DocPipeCore

/// Byte-level character classes used by the block and sentence segmenters.
///
/// Everything works on a valid UTF-8 buffer (a Swift `String`'s storage) and returns byte lengths, so
/// callers can step over a class without decoding. Non-ASCII scalars are decoded only where a decision
/// needs them (the first letter of a word after a candidate sentence end, the first letter of a line).
enum Bytes {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    static let period: UInt8 = 0x2E, bang: UInt8 = 0x21, question: UInt8 = 0x3F, colon: UInt8 = 0x3A

    /// Length of the horizontal or vertical whitespace scalar at `i` (0 if none): ASCII space, tab, LF,
    /// CR, VT, FF, NBSP, the U+2000…U+200B spaces, narrow NBSP, medium math space, ideographic space, BOM.
    @inline(__always)
    static func whitespaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b < 0x80 { return (b == space || (b >= tab && b <= cr)) ? 1 : 0 }
        return unicodeSpaceLength(p, i, end)
    }

    /// Like ``whitespaceLength`` but line breaks (LF, CR) do not count.
    @inline(__always)
    static func inlineSpaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b < 0x80 { return (b == space || b == tab || b == 0x0B || b == 0x0C) ? 1 : 0 }
        return unicodeSpaceLength(p, i, end)
    }

    static func unicodeSpaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0xC2 { return i + 1 < end && p[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < end else { return 0 }
        let b1 = p[i + 1], b2 = p[i + 2]
        switch b {
        case 0xE2:
            if b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF) { return 3 }
            if b1 == 0x81 && b2 == 0x9F { return 3 }
            return 0
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
        case 0xEF: return b1 == 0xBB && b2 == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Length of the whitespace scalar that ends just before `j` (0 if none), not looking before `start`.
    @inline(__always)
    static func whitespaceLengthBefore(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ start: Int) -> Int {
        let b = p[j - 1]
        if b < 0x80 { return (b == space || (b >= tab && b <= cr)) ? 1 : 0 }
        if b == 0xA0 { return j - 2 >= start && p[j - 2] == 0xC2 ? 2 : 0 }
        guard j - 3 >= start else { return 0 }
        return unicodeSpaceLength(p, j - 3, j) == 3 ? 3 : 0
    }

    /// First offset in `a..<b` that is not whitespace (b if none).
    @inline(__always)
    static func skipWhitespace(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        var i = a
        while i < b {
            let n = whitespaceLength(p, i, b)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// End of `a..<b` with trailing whitespace removed.
    @inline(__always)
    static func trimEnd(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        var j = b
        while j > a {
            let n = whitespaceLengthBefore(p, j, a)
            if n == 0 { break }
            j -= n
        }
        return j
    }

    @inline(__always) static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isASCIILower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { isASCIIUpper(b) || isASCIILower(b) }

    /// Whether the scalar at `i` is an upper-case (or title-case) letter.
    static func isUppercaseLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return isASCIIUpper(b) }
        guard let s = scalar(p, i, end) else { return false }
        return ScalarProperties.isUpperOrTitlecase(s)
    }

    /// Whether the scalar at `i` is a letter (any case, any script).
    static func isLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return isASCIILetter(b) }
        guard let s = scalar(p, i, end) else { return false }
        return ScalarProperties.isAlphabetic(s)
    }

    /// The scalar at `i`, or nil when the sequence is cut off by `end`.
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Unicode.Scalar? {
        guard i + UTF8Bytes.sequenceLength(p[i]) <= end else { return nil }
        return UTF8Bytes.scalar(p, at: i).0
    }

    /// Length of a closing quote or bracket at `i` (0 if none): `"` `'` `)` `]` `}` `”` `’` `»` `›`.
    @inline(__always)
    static func closerLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xC2: return i + 1 < end && p[i + 1] == 0xBB ? 2 : 0
        case 0xE2:
            guard i + 2 < end, p[i + 1] == 0x80 else { return 0 }
            let b2 = p[i + 2]
            return b2 == 0x9D || b2 == 0x99 || b2 == 0xBA ? 3 : 0
        default: return 0
        }
    }

    /// Length of an opening quote or bracket at `i` (0 if none): `"` `'` `(` `[` `“` `‘` `„` `«` `‹` `¿` `¡`.
    @inline(__always)
    static func openerLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22, 0x27, 0x28, 0x5B: return 1
        case 0xC2:
            guard i + 1 < end else { return 0 }
            let b1 = p[i + 1]
            return b1 == 0xAB || b1 == 0xBF || b1 == 0xA1 ? 2 : 0
        case 0xE2:
            guard i + 2 < end, p[i + 1] == 0x80 else { return 0 }
            let b2 = p[i + 2]
            return b2 == 0x9C || b2 == 0x98 || b2 == 0x9E || b2 == 0xB9 ? 3 : 0
        default: return 0
        }
    }

    /// Whether `i` starts `…` (U+2026).
    @inline(__always)
    static func isEllipsis(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        p[i] == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && p[i + 2] == 0xA6
    }

    /// Length of a list marker at `i` including the whitespace after it (0 if none): a `ListMarker`
    /// symbol followed by whitespace and then by text.
    static func bulletLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let m = ListMarker.symbol(p, i, end).length
        guard m > 0, i + m < end else { return 0 }
        let w = inlineSpaceLength(p, i + m, end)
        guard w > 0 else { return 0 }
        let text = skipWhitespace(p, i + m, end)
        return text < end ? text - i : 0
    }
}

/// Word-at-a-time scanning (SWAR): skips 8 bytes at a time that contain none of the bytes sought.
enum Scan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func hasByte(_ w: UInt64, _ b: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs
    }

    /// First offset in `i..<e` holding `.`, `!`, `?` or the lead byte 0xE2 (of `…`), or `e`.
    @inline(__always)
    static func nextTerminatorCandidate(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int {
        var i = i
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= e {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let hits = hasByte(w, 0x2E) | hasByte(w, 0x21) | hasByte(w, 0x3F) | hasByte(w, 0xE2)
                // The lowest flag of each test is exact (a false one can only follow a true one), so the
                // lowest of all is the first candidate (little-endian: the first byte is the lowest).
                if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < e {
            let c = p[i]
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0xE2 { return i }
            i += 1
        }
        return e
    }
}
