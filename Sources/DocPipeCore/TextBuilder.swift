/// Builds a new text from an old one, left to right, recording where every piece came from.
///
/// Every cleaning pass is a `TextBuilder` run: copy what stays, replace what changes (optionally
/// recording a ``Fix``). Source ranges must be given in increasing order; a gap between two calls is a
/// deletion. The resulting ``OffsetMap`` maps the new text back to the old one.
public struct TextBuilder: Sendable {
    public let source: String
    /// Built as a String from slices of the (valid) source and whole replacement strings, so the
    /// result never needs UTF-8 validation again: that was a third of the clean stage's time.
    private var out = ""
    /// Until the first change, copies are only recorded: a pass that changes nothing costs no copy.
    private var materialized = false
    private var capacity: Int
    private var segments: [OffsetMap.Segment] = []
    private var cursor = 0
    /// Fixes recorded on this pass, with ranges in the *new* text and the replaced range of the old text.
    public private(set) var fixes: [PendingFix] = []

    /// A fix made by this builder, before the document knows where it stands in the raw file.
    public struct PendingFix: Sendable, Equatable {
        public var kind: Fix.Kind
        public var before: String
        public var after: String
        public var newRange: Range<Int>
        public var oldRange: Range<Int>
        public var note: String? = nil
    }

    public init(source: String, capacity: Int? = nil) {
        var s = source
        s.makeContiguousUTF8()
        self.source = s
        self.capacity = capacity ?? source.utf8.count
    }

    /// Length of the output so far: the copied prefix when nothing has changed yet.
    private var outCount: Int { materialized ? out.utf8.count : cursor }

    /// Appends a scalar-aligned UTF-8 range of the source (O(length), no validation).
    private mutating func appendSource(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let u = source.utf8
        let a = u.index(u.startIndex, offsetBy: range.lowerBound)
        let b = u.index(a, offsetBy: range.count)
        out.append(contentsOf: Substring(u[a..<b]))
    }

    /// Starts writing real output: the copies so far are exactly the source's first `cursor` bytes.
    private mutating func materialize() {
        guard !materialized else { return }
        materialized = true
        out.reserveCapacity(max(capacity, cursor))
        appendSource(0..<cursor)
    }

    /// The old-text offset up to which everything has been consumed.
    public var consumed: Int { cursor }
    /// Length in UTF-8 bytes of what has been built so far.
    public var builtLength: Int { outCount }
    /// The last byte built so far, if any.
    public var lastByte: UInt8? {
        if materialized { return out.utf8.last }
        return cursor == 0 ? nil : source.utf8.withContiguousStorageIfAvailable { $0[cursor - 1] } ?? nil
    }

    private mutating func skip(to offset: Int) {
        precondition(offset >= cursor, "TextBuilder ranges must be increasing")
        if offset > cursor {
            materialize()
            let t = out.utf8.count
            segments.append(.init(targetStart: t, targetEnd: t, sourceStart: cursor, sourceEnd: offset, linear: false))
            cursor = offset
        }
    }

    /// Copies `range` of the old text unchanged.
    public mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        skip(to: range.lowerBound)
        let start = outCount
        if materialized { appendSource(range) }
        segments.append(.init(targetStart: start, targetEnd: start + range.count, sourceStart: range.lowerBound, sourceEnd: range.upperBound, linear: true))
        cursor = range.upperBound
    }

    /// Copies everything up to `offset` that has not been consumed yet.
    public mutating func copy(upTo offset: Int) {
        if offset > cursor { copy(cursor..<offset) }
    }

    /// Replaces `range` of the old text (possibly empty: an insertion) with `replacement`.
    /// With a `fix` kind, the change is recorded as a ``Fix``.
    public mutating func replace(_ range: Range<Int>, with replacement: String, fix kind: Fix.Kind? = nil, note: String? = nil) {
        skip(to: range.lowerBound)
        materialize()
        let start = out.utf8.count
        out.append(replacement)
        segments.append(.init(targetStart: start, targetEnd: out.utf8.count, sourceStart: range.lowerBound, sourceEnd: range.upperBound, linear: false))
        cursor = range.upperBound
        if let kind {
            let before = source.utf8Slice(range)
            fixes.append(PendingFix(kind: kind, before: before, after: replacement, newRange: start..<out.utf8.count, oldRange: range, note: note))
        }
    }

    /// Appends text that has no counterpart in the old text (a separator), anchored at the cursor.
    public mutating func insert(_ text: String, fix kind: Fix.Kind? = nil) {
        replace(cursor..<cursor, with: text, fix: kind)
    }

    /// Finishes: the rest of the old text is copied unless `dropRest`.
    public consuming func finish(dropRest: Bool = false) -> Rewrite {
        let n = source.utf8.count
        if dropRest { skip(to: n) } else { copy(upTo: n) }
        let text = materialized ? out : source
        return Rewrite(text: text, map: OffsetMap(segments: segments), fixes: fixes)
    }
}

/// The result of one pass over a text: the new text, its map back to the old, and the fixes made.
public struct Rewrite: Sendable {
    public var text: String
    public var map: OffsetMap
    public var fixes: [TextBuilder.PendingFix]

    public init(text: String, map: OffsetMap, fixes: [TextBuilder.PendingFix]) {
        self.text = text
        self.map = map
        self.fixes = fixes
    }
}
