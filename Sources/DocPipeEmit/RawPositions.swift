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

/// 1-based line and column in the raw file of an offset of the decoded original text: the same
/// answer as `Document.rawPosition(ofOriginal:)` (line starts from the document's `LineIndex`), in
/// O(1) per query instead of a binary search.
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
    /// The document's own index of the original text (built with its line index when it was decoded).
    private let scalars: ScalarIndex

    init(_ doc: Document) {
        let starts = doc.originalLines.lineStarts
        scalars = doc.originalLines.scalars
        let n = scalars.utf8Count
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
        let o = min(max(offset, 0), scalars.utf8Count)
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
