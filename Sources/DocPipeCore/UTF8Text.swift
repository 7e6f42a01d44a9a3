extension String {
    /// The text between two UTF-8 offsets (which must fall on scalar boundaries). O(length) on native strings.
    public func utf8Slice(_ range: Range<Int>) -> String {
        let u = utf8
        let a = u.index(u.startIndex, offsetBy: range.lowerBound)
        let b = u.index(a, offsetBy: range.count)
        return String(decoding: u[a..<b], as: UTF8.self)
    }
}

/// Byte-level helpers shared by the stages.
public enum UTF8Bytes {
    /// Whether `b` is a UTF-8 continuation byte (10xxxxxx).
    @inlinable public static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Length of the UTF-8 sequence that starts with lead byte `b` (1 for ASCII and for stray bytes).
    @inlinable public static func sequenceLength(_ b: UInt8) -> Int {
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the scalar starting at `i` of a valid UTF-8 buffer.
    @inlinable public static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar(UInt32(b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F))!, 2)
        }
        if b0 < 0xF0 {
            let v = UInt32(b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = UInt32(b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }
}

/// Converts UTF-8 offsets of one text into Unicode-scalar offsets in O(1) amortised per query.
///
/// Checkpoints every 64 bytes keep memory at 1/16 of the text and each query under 64 byte reads,
/// so converting every annotation of a large document stays linear.
public struct ScalarIndex: Sendable {
    private var checkpoints: [Int32] = []
    private let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        checkpoints.reserveCapacity(bytes.count / 64 + 1)
        var count: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if i & 63 == 0 { checkpoints.append(count) }
            if b & 0xC0 != 0x80 { count += 1 }
        }
        if bytes.count & 63 == 0 { checkpoints.append(count) }
    }

    /// Number of scalars before UTF-8 offset `offset`.
    public func scalarOffset(_ offset: Int) -> Int {
        let o = min(max(offset, 0), bytes.count)
        let block = o >> 6
        var n = Int(checkpoints[block])
        var i = block << 6
        while i < o {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }
}

/// Line starts of a text, for 1-based line and column (in Unicode scalars) of any UTF-8 offset.
/// A line ends at LF, CR LF, or a lone CR, as editors count them.
public struct LineIndex: Sendable {
    public private(set) var lineStarts: [Int] = [0]
    private let scalars: ScalarIndex

    public init(_ text: String) {
        var starts = [0]
        var prevCR = false
        var i = 0
        for b in text.utf8 {
            if b == 0x0A {
                starts.append(i + 1)
                prevCR = false
            } else {
                if prevCR { starts.append(i) }
                prevCR = b == 0x0D
            }
            i += 1
        }
        if prevCR { starts.append(i) }
        lineStarts = starts
        scalars = ScalarIndex(text)
    }

    /// 1-based line and column (in scalars) of UTF-8 offset `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        let line = max(lo - 1, 0)
        let col = scalars.scalarOffset(offset) - scalars.scalarOffset(lineStarts[line])
        return (line + 1, col + 1)
    }

    /// UTF-8 range of 1-based line `line`, without its line break.
    public func lineRange(_ line: Int, in text: String) -> Range<Int> {
        let idx = min(max(line - 1, 0), lineStarts.count - 1)
        let start = lineStarts[idx]
        var end = idx + 1 < lineStarts.count ? lineStarts[idx + 1] : text.utf8.count
        let u = text.utf8
        while end > start {
            let b = u[u.index(u.startIndex, offsetBy: end - 1)]
            if b == 0x0A || b == 0x0D { end -= 1 } else { break }
        }
        return start..<end
    }
}
