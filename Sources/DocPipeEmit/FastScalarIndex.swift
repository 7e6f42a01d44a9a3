import DocPipeCore

/// Frees the memory of a table when the last copy of the table goes away. The tables keep their
/// pointers themselves, so a query reads plain pointers and touches no reference count.
final class TableMemory {
    private let blocks: [UnsafeMutableRawPointer]

    init(_ blocks: [UnsafeMutableRawPointer]) { self.blocks = blocks }

    deinit { for b in blocks { b.deallocate() } }

    /// Uninitialised room for `count` values (at least one, so the pointer is never nil).
    static func allocate<T>(_: T.Type, _ count: Int) -> UnsafeMutableBufferPointer<T> {
        UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
    }
}

/// UTF-8 offset → Unicode-scalar offset in O(1), like ``ScalarIndex`` without the scan.
///
/// One 64-bit entry per eight bytes of text: the scalars before those eight bytes (high 56 bits) and
/// which of them are continuation bytes (low 8 bits, bit k for byte k). A query is one load, a mask and
/// a popcount; the text itself is not kept. Built in one pass, eight bytes at a time.
struct FastScalarIndex {
    private let memory: TableMemory
    private let entries: UnsafeMutablePointer<UInt64>
    /// UTF-8 length of the text.
    let count: Int

    init(_ text: String) {
        var text = text
        count = text.utf8.count
        let entries = TableMemory.allocate(UInt64.self, count / 8 + 1)
        text.withUTF8 { FastScalarIndex.fill(entries, from: $0) }
        self.entries = entries.baseAddress!
        memory = TableMemory([UnsafeMutableRawPointer(entries.baseAddress!)])
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
    @inline(__always)
    func scalarOffset(_ offset: Int) -> Int {
        let o = min(max(offset, 0), count)
        let e = entries[o &>> 3]
        let k = o & 7
        let before = Int(truncatingIfNeeded: e >> 8) &+ k
        // Most words of a text are ASCII: no continuation byte to count (a popcount is a dozen
        // instructions on the baseline x86-64 this is built for).
        let continuations = e & 0xFF
        if continuations == 0 { return before }
        return before &- (continuations & ((1 << UInt64(k)) &- 1)).nonzeroBitCount
    }
}

/// 1-based line and column in the raw file of an offset of the decoded original text: the same
/// answer as `Document.rawPosition(ofOriginal:)` (line starts from the document's `LineIndex`), in
/// O(1) per query instead of a binary search and a scalar scan.
///
/// Besides the line starts it keeps, for each 64-byte block of the original text, the index of the
/// last line starting at or before the block's first byte: a query starts there and steps over the
/// line starts inside its block (at most 64).
struct RawPositions {
    private let memory: TableMemory
    private let lineStarts: UnsafeMutablePointer<Int>
    private let lineCount: Int
    private let blockLine: UnsafeMutablePointer<Int32>
    /// Scalar offset of each line start (`scalars.scalarOffset(lineStarts[i])`), for the column.
    private let lineScalars: UnsafeMutablePointer<Int>
    private let scalars: FastScalarIndex

    init(_ doc: Document) {
        let starts = doc.originalLines.lineStarts
        scalars = FastScalarIndex(doc.original)
        let n = scalars.count
        let lines = TableMemory.allocate(Int.self, starts.count)
        _ = lines.initialize(from: starts)
        let lineScalars = TableMemory.allocate(Int.self, starts.count)
        for i in starts.indices { lineScalars[i] = scalars.scalarOffset(starts[i]) }
        let blocks = TableMemory.allocate(Int32.self, n / 64 + 1)
        var line = 0
        for b in 0...(n / 64) {
            while line + 1 < starts.count && starts[line + 1] <= b * 64 { line += 1 }
            blocks[b] = Int32(truncatingIfNeeded: line)
        }
        lineStarts = lines.baseAddress!
        lineCount = starts.count
        blockLine = blocks.baseAddress!
        self.lineScalars = lineScalars.baseAddress!
        memory = TableMemory([UnsafeMutableRawPointer(lines.baseAddress!), UnsafeMutableRawPointer(blocks.baseAddress!),
                              UnsafeMutableRawPointer(lineScalars.baseAddress!)])
    }

    /// Index of the line of the previous answer (0 at first).
    private var hint = 0

    /// Line and column of UTF-8 offset `offset` of the original text; offsets outside the text give
    /// the first or the last line, as `LineIndex.position(of:)` does.
    @inline(__always)
    mutating func position(_ offset: Int) -> (line: Int, column: Int) {
        let o = min(max(offset, 0), scalars.count)
        // Annotations mostly come in text order, several to a line: the previous answer's line is
        // tried first (line starts increase strictly, so a line that holds `o` is the answer).
        var line = hint
        if !(lineStarts[line] <= o && (line &+ 1 == lineCount || o < lineStarts[line &+ 1])) {
            line = Int(blockLine[o &>> 6])
            while line &+ 1 < lineCount && lineStarts[line &+ 1] <= o { line &+= 1 }
            hint = line
        }
        return (line &+ 1, scalars.scalarOffset(o) &- lineScalars[line] &+ 1)
    }
}
