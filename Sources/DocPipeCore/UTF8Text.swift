#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// 0x80 in each byte of `w` that is zero, 0 elsewhere (exact, no false positives).
    @inlinable @inline(__always)
    public static func zeroBytes(_ w: UInt64) -> UInt64 {
        ~(((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | w | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// 0x80 in each byte of `w` equal to `b`.
    @inlinable @inline(__always)
    public static func bytesEqual(_ w: UInt64, _ b: UInt8) -> UInt64 { zeroBytes(w ^ (UInt64(b) &* 0x0101_0101_0101_0101)) }

    /// 0x80 in each byte of `w` below `n` (n ≤ 0x80).
    @inlinable @inline(__always)
    public static func bytesBelow(_ w: UInt64, _ n: UInt8) -> UInt64 {
        // A byte is below n when it is ASCII and adding (0x80 - n) leaves its top bit clear.
        let ascii = ~w & 0x8080_8080_8080_8080
        return ascii & ~((w & 0x7F7F_7F7F_7F7F_7F7F) &+ (UInt64(0x80 - n) &* 0x0101_0101_0101_0101))
    }

    /// The first offset in `from..<to` holding `byte`, or `to` (memchr: many bytes per instruction).
    @inlinable
    public static func find(_ byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = p.baseAddress else { return to }
        guard let r = memchr(base + from, Int32(byte), to - from) else { return to }
        return UnsafeRawPointer(r).assumingMemoryBound(to: UInt8.self) - base
    }

    /// Loads eight bytes at `i` (unaligned).
    @inlinable @inline(__always)
    public static func load(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Continuation bytes (10xxxxxx) in whole words of `p` from `i` while a word fits before `end`
    /// (at most 64 bytes); leaves `i` after the last word counted. Each lane of the sum counts up to
    /// eight bytes, so one multiply adds the lanes without a popcount per word.
    @inlinable @inline(__always)
    public static func continuationCount(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> Int {
        var lanes: UInt64 = 0
        while i + 8 <= end {
            let w = load(p, i)
            lanes &+= ((w & ~(w << 1)) >> 7) & 0x0101_0101_0101_0101
            i += 8
        }
        return Int((lanes &* 0x0101_0101_0101_0101) >> 56)
    }

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
    /// A copy of the text's bytes. (Keeping the `String` itself and reading it through
    /// `withContiguousStorageIfAvailable` made debug test builds crash in `swift_retain` when a
    /// `Document` was copied: reproduced by CleanPropertyTests, gone with the copy.)
    private let bytes: [UInt8]

    /// `utf8`, when given, must be the bytes of `text`: kept instead of a copy (the decoder has them).
    public init(_ text: String, utf8: [UInt8]? = nil) {
        bytes = utf8 ?? Array(text.utf8)
        let n = bytes.count
        var cps = [Int32](repeating: 0, count: n / 64 + 1)
        bytes.withUnsafeBufferPointer { p in
            var count: Int32 = 0
            var block = 0
            while block * 64 < n {
                cps[block] = count
                let start = block * 64, end = min(start + 64, n)
                // A block of ASCII (most of them) holds as many scalars as bytes.
                if end - start == 64 && Self.isASCII64(p, start) {
                    count += 64
                    block += 1
                    continue
                }
                var i = start
                // Scalars = bytes that are not continuation bytes (10xxxxxx), eight at a time.
                let cont = UTF8Bytes.continuationCount(p, &i, end)
                count += Int32((i - start) - cont)
                while i < end { if p[i] & 0xC0 != 0x80 { count += 1 }; i += 1 }
                block += 1
            }
            if n % 64 == 0 { cps[n / 64] = count }
        }
        checkpoints = cps
    }

    @inline(__always)
    private static func isASCII64(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var any: UInt64 = 0
        for k in stride(from: i, to: i + 64, by: 8) { any |= UTF8Bytes.load(p, k) }
        return any & 0x8080_8080_8080_8080 == 0
    }

    /// Number of scalars before UTF-8 offset `offset`.
    public func scalarOffset(_ offset: Int) -> Int {
        let o = min(max(offset, 0), bytes.count)
        let block = o >> 6
        return bytes.withUnsafeBufferPointer { p in
            var i = block << 6
            let start = i
            let cont = UTF8Bytes.continuationCount(p, &i, o)
            var n = Int(checkpoints[block]) + (i - start) - cont
            while i < o {
                if p[i] & 0xC0 != 0x80 { n += 1 }
                i += 1
            }
            return n
        }
    }
}

/// Line starts of a text, for 1-based line and column (in Unicode scalars) of any UTF-8 offset.
/// A line ends at LF, CR LF, or a lone CR, as editors count them.
public struct LineIndex: Sendable {
    public private(set) var lineStarts: [Int] = [0]
    private let scalars: ScalarIndex

    /// `utf8`, when given, must be the bytes of `text` (see ``ScalarIndex/init(_:utf8:)``).
    public init(_ text: String, utf8: [UInt8]? = nil) {
        var starts = [0]
        text.utf8.withContiguousStorageIfAvailable { p in
            let n = p.count
            var i = 0
            // The next CR (rare: most texts have none), searched again only once the cursor passes it.
            var cr = -1
            while i < n {
                // The first LF or CR from `i`, both by memchr.
                if cr < i { cr = UTF8Bytes.find(0x0D, in: p, from: i, to: n) }
                i = UTF8Bytes.find(0x0A, in: p, from: i, to: cr)
                guard i < n else { break }
                let b = p[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
        scalars = ScalarIndex(text, utf8: utf8)
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
