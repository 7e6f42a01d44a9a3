import DocPipeCore

/// UTF-8 offset → Unicode-scalar offset, like ``ScalarIndex`` but counting eight bytes at a time:
/// a checkpoint every 64 bytes, then at most eight word loads per query. Owns a private copy of the
/// bytes (no bounds checks or closures on the query path).
final class FastScalarIndex {
    private let bytes: UnsafeMutableRawBufferPointer
    private let checkpoints: UnsafeMutableBufferPointer<Int32>
    let count: Int

    init(_ text: String) {
        var text = text
        count = text.utf8.count
        bytes = .allocate(byteCount: max(count, 1), alignment: 8)
        checkpoints = .allocate(capacity: count / 64 + 1)
        text.withUTF8 { src in
            if let base = src.baseAddress { bytes.baseAddress!.copyMemory(from: base, byteCount: src.count) }
        }
        var scalars = 0
        var i = 0
        var block = 0
        while i + 64 <= count {
            checkpoints[block] = Int32(truncatingIfNeeded: scalars)
            scalars += scalarsIn(i, i + 64)
            i += 64
            block += 1
        }
        checkpoints[block] = Int32(truncatingIfNeeded: scalars)
    }

    deinit {
        bytes.deallocate()
        checkpoints.deallocate()
    }

    /// Scalars starting in bytes `a..<b`: bytes that are not continuation bytes (10xxxxxx).
    @inline(__always)
    private func scalarsIn(_ a: Int, _ b: Int) -> Int {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        var i = a
        var continuation = 0
        while i + 8 <= b {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            continuation &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < b {
            if raw.load(fromByteOffset: i, as: UInt8.self) & 0xC0 == 0x80 { continuation &+= 1 }
            i += 1
        }
        return (b - a) - continuation
    }

    /// Number of scalars before UTF-8 offset `offset` (clamped to the text).
    func scalarOffset(_ offset: Int) -> Int {
        let o = min(max(offset, 0), count)
        let block = o >> 6
        let base = Int(checkpoints[block])
        let start = block << 6
        return start == o ? base : base + scalarsIn(start, o)
    }
}

/// 1-based line and column in the raw file of an offset of the decoded original text: the same
/// answer as `Document.rawPosition(ofOriginal:)` (line starts from the document's `LineIndex`),
/// with the faster scalar count.
struct RawPositions {
    private let lineStarts: [Int]
    private let scalars: FastScalarIndex

    init(_ doc: Document) {
        lineStarts = doc.originalLines.lineStarts
        scalars = FastScalarIndex(doc.original)
    }

    func position(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        let line = max(lo - 1, 0)
        return (line + 1, scalars.scalarOffset(offset) - scalars.scalarOffset(lineStarts[line]) + 1)
    }
}
