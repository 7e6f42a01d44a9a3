import DocPipeCore

/// The result of decoding raw bytes: the text, the encoding found, the map back to the bytes, and the
/// places where bytes could not be decoded (each became U+FFFD).
public struct Decoded: Sendable {
    public var text: String
    public var encoding: String
    /// UTF-8 offsets of `text` → byte offsets of the input.
    public var map: OffsetMap
    /// UTF-8 ranges of `text` holding a U+FFFD that replaced `bytes`.
    public var replacements: [(range: Range<Int>, bytes: [UInt8])]
}

/// Which encoding to assume when the bytes are not UTF-8 (and carry no BOM and do not look like UTF-16).
public enum FallbackEncoding: String, Sendable, CaseIterable {
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"
    /// Decode as UTF-8 anyway, replacing every invalid byte.
    case utf8 = "utf-8"
}

/// Byte-level decoding: BOMs, strict UTF-8, UTF-16 without BOM, and a single-byte fallback.
public enum TextDecoder {
    /// Decodes `bytes`, never failing: undecodable bytes become U+FFFD.
    public static func decode(_ bytes: [UInt8], fallback: FallbackEncoding = .windows1252, detectUTF16: Bool = true) -> Decoded {
        bytes.withUnsafeBufferPointer { p in
            if p.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return decodeUTF32(p, from: 4, bigEndian: false, name: "utf-32le") }
            if p.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return decodeUTF32(p, from: 4, bigEndian: true, name: "utf-32be") }
            if p.starts(with: [0xEF, 0xBB, 0xBF]) { return decodeUTF8(p, from: 3, name: "utf-8-bom") }
            if p.starts(with: [0xFF, 0xFE]) { return decodeUTF16(p, from: 2, bigEndian: false, name: "utf-16le") }
            if p.starts(with: [0xFE, 0xFF]) { return decodeUTF16(p, from: 2, bigEndian: true, name: "utf-16be") }
            if detectUTF16, let bigEndian = looksLikeUTF16(p) {
                return decodeUTF16(p, from: 0, bigEndian: bigEndian, name: bigEndian ? "utf-16be" : "utf-16le")
            }
            let stats = utf8Stats(p)
            // Valid UTF-8 (the common case) is its own text: no second scan, no copy into an output buffer.
            if stats.invalid == 0 { return validUTF8(p, ascii: stats.validMultibyte == 0) }
            if fallback == .utf8 || stats.validMultibyte > stats.invalid * 2 {
                return decodeUTF8(p, from: 0, name: "utf-8")
            }
            return decodeSingleByte(p, table: fallback == .latin1 ? nil : windows1252High, name: fallback.rawValue)
        }
    }

    // MARK: detection

    /// UTF-16 without a BOM: text in Latin scripts has a zero byte in every other position.
    static func looksLikeUTF16(_ p: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = min(p.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in stride(from: 0, to: n, by: 2) {
            if p[i] == 0 { zeroEven += 1 }
            if p[i + 1] == 0 { zeroOdd += 1 }
        }
        let pairs = n / 2
        // Mostly zero in one position, rarely in the other (surrogates of emoji can put a few there).
        if zeroOdd * 10 >= pairs * 4 && zeroEven * 10 < pairs { return false }
        if zeroEven * 10 >= pairs * 4 && zeroOdd * 10 < pairs { return true }
        return nil
    }

    /// Counts well-formed multi-byte sequences and invalid bytes, to tell damaged UTF-8 from a legacy encoding.
    static func utf8Stats(_ p: UnsafeBufferPointer<UInt8>) -> (validMultibyte: Int, invalid: Int) {
        var i = 0, valid = 0, invalid = 0
        let n = p.count
        while i < n {
            // ASCII fast path, eight bytes at a time, then straight to the first byte that is not ASCII.
            i = nextNonASCII(p, i)
            guard i < n else { break }
            let len = validSequenceLength(p, at: i)
            if len > 0 { valid += 1; i += len } else { invalid += 1; i += max(1, maximalSubpart(p, at: i)) }
        }
        return (valid, invalid)
    }

    /// The first offset from `i` holding a byte ≥ 0x80, or `p.count`.
    @inline(__always) static func nextNonASCII(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        let n = p.count
        while i + 8 <= n {
            let high = UTF8Bytes.load(p, i) & 0x8080_8080_8080_8080
            // Little-endian: the lowest set bit is in the first byte that is not ASCII.
            if high != 0 { return i + high.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n && p[i] < 0x80 { i += 1 }
        return i
    }

    /// Length of the well-formed UTF-8 sequence at `i`, or 0 (Unicode Table 3-7).
    @inline(__always) static func validSequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = p[i], n = p.count
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { i + k < n && p[i + k] >= lo && p[i + k] <= hi }
        switch b0 {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// Bytes of the maximal subpart of an ill-formed sequence at `i` (replaced by one U+FFFD, as WHATWG and Unicode recommend).
    static func maximalSubpart(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = p[i], n = p.count
        let (len, lo, hi): (Int, UInt8, UInt8)
        switch b0 {
        case 0xC2...0xDF: (len, lo, hi) = (2, 0x80, 0xBF)
        case 0xE0: (len, lo, hi) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (len, lo, hi) = (3, 0x80, 0xBF)
        case 0xED: (len, lo, hi) = (3, 0x80, 0x9F)
        case 0xF0: (len, lo, hi) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (len, lo, hi) = (4, 0x80, 0xBF)
        case 0xF4: (len, lo, hi) = (4, 0x80, 0x8F)
        default: return 1
        }
        var k = 1
        while k < len, i + k < n {
            let b = p[i + k]
            let ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF)
            if !ok { break }
            k += 1
        }
        return k
    }

    // MARK: decoders

    private static let replacementUTF8: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Accumulates output bytes and map segments, merging runs of equal width ratios.
    private struct Output {
        var bytes: [UInt8] = []
        var segments: [OffsetMap.Segment] = []
        var replacements: [(range: Range<Int>, bytes: [UInt8])] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func linear(_ utf8: Int, raw: Range<Int>) {
            let t0 = bytes.count - utf8
            if let last = segments.last, last.linear, last.targetEnd == t0, last.sourceEnd == raw.lowerBound,
               (last.targetEnd - last.targetStart) * raw.count == utf8 * (last.sourceEnd - last.sourceStart) {
                segments[segments.count - 1].targetEnd = bytes.count
                segments[segments.count - 1].sourceEnd = raw.upperBound
            } else {
                segments.append(.init(targetStart: t0, targetEnd: bytes.count, sourceStart: raw.lowerBound, sourceEnd: raw.upperBound, linear: true))
            }
        }

        mutating func scalar(_ v: UInt32, raw: Range<Int>) {
            guard let s = Unicode.Scalar(v) else { replace(raw: raw, with: []); return }
            let before = bytes.count
            UTF8.encode(s) { bytes.append($0) }
            linear(bytes.count - before, raw: raw)
        }

        mutating func replace(raw: Range<Int>, with original: [UInt8]) {
            let t0 = bytes.count
            bytes.append(contentsOf: TextDecoder.replacementUTF8)
            segments.append(.init(targetStart: t0, targetEnd: bytes.count, sourceStart: raw.lowerBound, sourceEnd: raw.upperBound, linear: false))
            replacements.append((t0..<bytes.count, original))
        }

        func finish(encoding: String, rawCount: Int, skipped: Int) -> Decoded {
            var segs = segments
            if skipped > 0 {
                // The BOM maps to nothing in the text.
                segs.insert(.init(targetStart: 0, targetEnd: 0, sourceStart: 0, sourceEnd: skipped, linear: false), at: 0)
            }
            return Decoded(text: TextDecoder.string(bytes), encoding: encoding, map: OffsetMap(segments: segs), replacements: replacements)
        }
    }

    /// Bytes already known to be valid UTF-8 without a BOM: the text is the bytes and the map the
    /// identity, as ``decodeUTF8(_:from:name:)`` gives them, without its second scan and its copy.
    static func validUTF8(_ p: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Decoded {
        Decoded(text: validString(p, ascii: ascii), encoding: "utf-8", map: OffsetMap(identity: p.count), replacements: [])
    }

    /// The text of bytes `utf8Stats` found valid (`ascii`: no byte from 0x80 on), copied without the
    /// standard library validating them again (``string(_:)`` built it from pieces at about 1,000
    /// instructions a piece, 14 M on a 2 MB corpus). `ascii` sets the string's ASCII flag as reading
    /// the bytes would, so that later work on the text takes the same paths.
    static func validString(_ p: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        String(copying: UTF8Span(unchecked: p.span, isKnownASCII: ascii))
    }

    /// `String(decoding: bytes, as: UTF8.self)` for bytes that are valid UTF-8, built from pieces.
    /// The standard library checks a buffer eight bytes at a time only while it is all ASCII, and byte
    /// by byte once it is not, which cost ten instructions a byte of text: long ASCII runs become
    /// pieces of their own, so that only the short stretches around other characters go byte by byte.
    /// Pieces are cut before or after an ASCII byte, always a character boundary of UTF-8.
    static func string(_ p: UnsafeBufferPointer<UInt8>) -> String {
        let longRun = 64
        do {
            let n = p.count
            guard n >= 2 * longRun else { return String(decoding: p, as: UTF8.self) }
            var out = ""
            out.reserveCapacity(n)
            var pieceStart = 0  // start of the piece not yet appended
            var i = 0
            while i < n {
                // The next ASCII run: from `i`, eight bytes at a time to its end.
                let runStart = i
                while i + 8 <= n && UTF8Bytes.load(p, i) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                while i < n && p[i] < 0x80 { i += 1 }
                if i - runStart >= longRun {
                    if runStart > pieceStart { out += String(decoding: UnsafeBufferPointer(rebasing: p[pieceStart..<runStart]), as: UTF8.self) }
                    out += String(decoding: UnsafeBufferPointer(rebasing: p[runStart..<i]), as: UTF8.self)
                    pieceStart = i
                }
                // Past the other bytes up to the next ASCII byte.
                while i < n && p[i] >= 0x80 { i += 1 }
            }
            if n > pieceStart { out += String(decoding: UnsafeBufferPointer(rebasing: p[pieceStart..<n]), as: UTF8.self) }
            return out
        }
    }

    static func string(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { string($0) } }

    static func decodeUTF8(_ p: UnsafeBufferPointer<UInt8>, from start: Int, name: String) -> Decoded {
        var out = Output(capacity: p.count)
        var i = start
        let n = p.count
        var runStart = start
        func flush(_ end: Int) {
            if end > runStart {
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<end]))
                out.linear(end - runStart, raw: runStart..<end)
            }
        }
        while i < n {
            i = nextNonASCII(p, i)
            guard i < n else { break }
            let len = validSequenceLength(p, at: i)
            if len > 0 { i += len; continue }
            flush(i)
            let bad = max(1, maximalSubpart(p, at: i))
            out.replace(raw: i..<(i + bad), with: Array(p[i..<(i + bad)]))
            i += bad
            runStart = i
        }
        flush(n)
        return out.finish(encoding: name, rawCount: n, skipped: start)
    }

    static func decodeUTF16(_ p: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool, name: String) -> Decoded {
        var out = Output(capacity: p.count)
        var i = start
        let n = p.count
        func unit(_ k: Int) -> UInt32 { bigEndian ? UInt32(p[k]) << 8 | UInt32(p[k + 1]) : UInt32(p[k + 1]) << 8 | UInt32(p[k]) }
        while i + 1 < n {
            let u = unit(i)
            if u < 0xD800 || u > 0xDFFF {
                out.scalar(u, raw: i..<(i + 2))
                i += 2
            } else if u < 0xDC00, i + 3 < n, case let u2 = unit(i + 2), u2 >= 0xDC00 && u2 <= 0xDFFF {
                out.scalar(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00), raw: i..<(i + 4))
                i += 4
            } else {
                out.replace(raw: i..<(i + 2), with: Array(p[i..<(i + 2)]))
                i += 2
            }
        }
        if i < n { out.replace(raw: i..<n, with: Array(p[i..<n])) }
        return out.finish(encoding: name, rawCount: n, skipped: start)
    }

    static func decodeUTF32(_ p: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool, name: String) -> Decoded {
        var out = Output(capacity: p.count)
        var i = start
        let n = p.count
        while i + 3 < n {
            let v = bigEndian
                ? UInt32(p[i]) << 24 | UInt32(p[i + 1]) << 16 | UInt32(p[i + 2]) << 8 | UInt32(p[i + 3])
                : UInt32(p[i + 3]) << 24 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 1]) << 8 | UInt32(p[i])
            if Unicode.Scalar(v) != nil { out.scalar(v, raw: i..<(i + 4)) } else { out.replace(raw: i..<(i + 4), with: Array(p[i..<(i + 4)])) }
            i += 4
        }
        if i < n { out.replace(raw: i..<n, with: Array(p[i..<n])) }
        return out.finish(encoding: name, rawCount: n, skipped: start)
    }

    /// Windows-1252 (or Latin-1 when `table` is nil). The five bytes Windows-1252 leaves undefined become U+FFFD.
    static func decodeSingleByte(_ p: UnsafeBufferPointer<UInt8>, table: [UInt32]?, name: String) -> Decoded {
        var out = Output(capacity: p.count + p.count / 8)
        for i in 0..<p.count {
            let b = p[i]
            if b < 0x80 {
                out.bytes.append(b)
                out.linear(1, raw: i..<(i + 1))
            } else if b < 0xA0, let table {
                let v = table[Int(b - 0x80)]
                if v == 0 { out.replace(raw: i..<(i + 1), with: [b]) } else { out.scalar(v, raw: i..<(i + 1)) }
            } else {
                out.scalar(UInt32(b), raw: i..<(i + 1))
            }
        }
        return out.finish(encoding: name, rawCount: p.count, skipped: 0)
    }

    /// Windows-1252 bytes 0x80–0x9F; 0 where the code page defines nothing.
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
