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

/// Converts UTF-8 offsets of one text into Unicode-scalar offsets in O(1) per query.
///
/// One 64-bit entry per eight bytes of text: the scalars before those eight bytes (high 56 bits) and
/// which of them are continuation bytes (low 8 bits, bit k for byte k). A query is one load, a mask and
/// a popcount; the text itself is not kept. Built in one pass, eight bytes at a time. The emitters
/// convert every annotation's offsets with it, so queries, not the build, are what matters.
public struct ScalarIndex: Sendable {
    @usableFromInline let entries: [UInt64]
    /// UTF-8 length of the text.
    public let utf8Count: Int

    public init(_ text: String) {
        var text = text
        let n = text.utf8.count
        utf8Count = n
        entries = [UInt64](unsafeUninitializedCapacity: n / 8 + 1) { buffer, initialized in
            text.withUTF8 { ScalarIndex.fill(buffer, from: $0) }
            initialized = n / 8 + 1
        }
    }

    /// Writes the entries of the UTF-8 bytes `p` (`p.count / 8 + 1` of them).
    private static func fill(_ entries: UnsafeMutableBufferPointer<UInt64>, from p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        var scalars: UInt64 = 0
        var w = 0
        var i = 0
        // Wrapping arithmetic and raw pointers: no overflow or bounds checks in the loop (i + 8 <= n, w = i / 8).
        if let s = p.baseAddress, let e = entries.baseAddress {
            while i &+ 8 <= n {
                // Mostly ASCII text: a word with no high bit has no continuation byte. Two such words per test.
                while i &+ 16 <= n {
                    let x = UnsafeRawPointer(s + i).loadUnaligned(as: UInt64.self)
                    let y = UnsafeRawPointer(s + i).loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    if (x | y) & 0x8080_8080_8080_8080 != 0 { break }
                    e[w] = scalars << 8
                    e[w &+ 1] = (scalars &+ 8) << 8
                    scalars &+= 16
                    i &+= 16
                    w &+= 2
                }
                // Then one word, whatever it holds.
                guard i &+ 8 <= n else { break }
                let x = UInt64(littleEndian: UnsafeRawPointer(s + i).loadUnaligned(as: UInt64.self))
                let high = (x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7
                e[w] = scalars << 8 | gather(high)
                // The lanes of `high` are 0 or 1: one multiply sums them into the top byte (at most 8, no carry
                // out of a lane), which costs less than a popcount of the gathered bits.
                scalars &+= 8 &- (high &* 0x0101_0101_0101_0101) >> 56
                i &+= 8
                w &+= 1
            }
        }
        // The last, partial word (possibly empty), zero-padded: zero bytes are not continuation bytes.
        var x: UInt64 = 0
        for k in 0..<(n - i) { x |= UInt64(p[i + k]) << (8 * UInt64(k)) }
        entries[w] = scalars << 8 | continuationMask(x)
    }

    /// Bit k set when byte k of the little-endian word `x` is a continuation byte (10xxxxxx).
    @inline(__always)
    static func continuationMask(_ x: UInt64) -> UInt64 {
        // High bit of each byte that is 10xxxxxx, moved to the lane's low bit, then gathered.
        gather((x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7)
    }

    /// The low bits of the eight lanes of `ones` (each lane 0 or 1) as the eight bits of one byte, lane k at bit k.
    @inline(__always)
    private static func gather(_ ones: UInt64) -> UInt64 {
        // The multiply moves lane k's bit to bit 56+k, and no two partial products meet (so nothing carries).
        (ones &* 0x0102_0408_1020_4080) >> 56
    }

    /// Number of scalars before UTF-8 offset `offset` (clamped to the text).
    @inlinable @inline(__always)
    public func scalarOffset(_ offset: Int) -> Int {
        let o = min(max(offset, 0), utf8Count)
        // `o / 8` is at most `utf8Count / 8`, always an entry: read without the array's bounds check.
        let e = entries.withUnsafeBufferPointer { $0[o &>> 3] }
        let k = o & 7
        let before = Int(truncatingIfNeeded: e >> 8) &+ k
        // Most words of a text are ASCII: no continuation byte to count (a popcount is a dozen
        // instructions on the baseline x86-64 this is built for).
        let continuations = e & 0xFF
        if continuations == 0 { return before }
        return before &- (continuations & ((1 << UInt64(k)) &- 1)).nonzeroBitCount
    }
}

/// Line starts of a text, for 1-based line and column (in Unicode scalars) of any UTF-8 offset.
/// A line ends at LF, CR LF, or a lone CR, as editors count them.
public struct LineIndex: Sendable {
    public private(set) var lineStarts: [Int] = [0]
    /// Scalar offsets of the text, for the columns.
    public let scalars: ScalarIndex

    public init(_ text: String) {
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
        scalars = ScalarIndex(text)
    }

    /// 1-based line and column (in scalars) of UTF-8 offset `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let line = self.line(of: offset) - 1
        let col = scalars.scalarOffset(offset) - scalars.scalarOffset(lineStarts[line])
        return (line + 1, col + 1)
    }

    /// 1-based line of UTF-8 `offset`: `position(of:).line` without counting the column's scalars.
    public func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(lo - 1, 0) + 1
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
