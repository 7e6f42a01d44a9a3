import DocPipeCore

/// A diagnostic made ready for reports: located in the raw file, with the source line for a caret,
/// and a fingerprint that survives edits elsewhere in the file.
public struct Finding: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var message: String
        public init(path: String, line: Int, column: Int, endLine: Int, endColumn: Int, message: String) {
            self.path = path
            self.line = line
            self.column = column
            self.endLine = endLine
            self.endColumn = endColumn
            self.message = message
        }
    }
    public var rule: String
    public var severity: Severity
    public var message: String
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The raw line the finding starts on (for the caret display), without its line break.
    public var sourceLine: String
    public var related: [Place]
    /// Stable identity: rule, file, the flagged text and the related texts, and an ordinal among
    /// equal keys. Line numbers are not part of it, so moving unrelated lines keeps it.
    public var fingerprint: String

    public init(rule: String, severity: Severity, message: String, path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                sourceLine: String, related: [Place], fingerprint: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.sourceLine = sourceLine
        self.related = related
        self.fingerprint = fingerprint
    }

    /// Findings of one document, in document order. Without `sourceLines` (reports that show no
    /// source, such as SARIF) `sourceLine` stays empty: a batch keeps its findings until the end.
    /// `locations`, when built for this document (to write its formats), already hold the spans.
    public static func make(from doc: Document, locations: DocumentLocations? = nil, sourceLines: Bool = true) -> [Finding] {
        var ordinals = KeyOrdinals(capacity: doc.diagnostics.count)
        // One key buffer for all findings: the table keeps its own copy of each distinct key.
        var key: [UInt8] = []
        var text = doc.text
        let path = doc.source.path
        let located = locations.flatMap { $0.describes(doc) ? $0.annotations : nil }
        var nextRelated = 0
        return text.withUTF8 { t in
            doc.diagnostics.enumerated().map { i, d in
                // The located span is `rawSpan`'s unless the diagnostic has no range: the formats span
                // the whole text then, a finding points at 1:1 (or at its origin).
                let span = if let located, d.range != nil {
                    located.diagnostics[i].span
                } else {
                    doc.rawSpan(of: d) ?? (1, 1, 1, 1)
                }
                let related = d.related.map { r -> Place in
                    let s: (line: Int, column: Int, endLine: Int, endColumn: Int)
                    if let located {
                        s = located.related[nextRelated].span
                        nextRelated += 1
                    } else {
                        s = doc.rawSpan(of: r.range)
                    }
                    return Place(path: path, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn, message: r.message)
                }
                // The key: rule, path, flagged text and the related texts, joined by U+1E (U+1F between related texts).
                key.removeAll(keepingCapacity: true)
                key.append(contentsOf: d.rule.utf8)
                key.append(0x1E)
                key.append(contentsOf: path.utf8)
                key.append(0x1E)
                if let r = d.range { appendSlice(r, of: doc, t, to: &key) }
                key.append(0x1E)
                for (i, r) in d.related.enumerated() {
                    if i > 0 { key.append(0x1F) }
                    appendSlice(r.range, of: doc, t, to: &key)
                }
                // The ordinal among equal keys, then SHA-256 of key, U+1E and the ordinal in decimal.
                let ordinal = key.withUnsafeBufferPointer { ordinals.add($0) }
                key.append(0x1E)
                // Almost always 0: a single digit needs no String.
                if ordinal < 10 { key.append(0x30 + UInt8(ordinal)) } else { key.append(contentsOf: String(ordinal).utf8) }
                return Finding(rule: d.rule, severity: d.severity, message: d.message, path: path,
                               line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn,
                               sourceLine: sourceLines ? doc.original.utf8Slice(doc.originalLines.lineRange(span.line, in: doc.original)) : "",
                               related: related, fingerprint: SHA256.hexDigits(SHA256.digest(key), count: 16))
            }
        }
    }

    /// The UTF-8 of `doc.text.utf8Slice(r)`: the bytes themselves when `r` lies on scalar boundaries.
    private static func appendSlice(_ r: Range<Int>, of doc: Document, _ t: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        if r.lowerBound >= 0 && r.upperBound <= t.count
            && (r.lowerBound == t.count || !UTF8Bytes.isContinuation(t[r.lowerBound]))
            && (r.upperBound == t.count || !UTF8Bytes.isContinuation(t[r.upperBound])) {
            key.append(contentsOf: UnsafeBufferPointer(rebasing: t[r]))
        } else {
            key.append(contentsOf: doc.text.utf8Slice(r).utf8)
        }
    }
}

/// How many earlier findings of a document had each fingerprint key. A Dictionary keyed by byte
/// arrays cost an array and two hashed lookups per finding; here the distinct keys sit end to end in
/// one array, found by open addressing on a hash of their bytes (equal hashes compare the bytes).
struct KeyOrdinals {
    private var arena: [UInt8] = []
    private var hashes: [UInt64]
    private var starts: [Int]
    private var ends: [Int]
    /// Findings so far with the slot's key; 0 marks an empty slot.
    private var counts: [Int]
    private let mask: Int

    /// A table for at most `capacity` keys (at most half full, so a probe always ends).
    init(capacity: Int) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        hashes = [UInt64](repeating: 0, count: n)
        starts = [Int](repeating: 0, count: n)
        ends = [Int](repeating: 0, count: n)
        counts = [Int](repeating: 0, count: n)
        mask = n - 1
    }

    /// How many times `key` was added before this call, which adds it once more.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h >> 32) & mask
        while counts[slot] > 0 {
            if hashes[slot] == h && same(slot, key) {
                counts[slot] += 1
                return counts[slot] - 1
            }
            slot = (slot + 1) & mask
        }
        hashes[slot] = h
        starts[slot] = arena.count
        arena.append(contentsOf: key)
        ends[slot] = arena.count
        counts[slot] = 1
        return 0
    }

    private func same(_ slot: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard ends[slot] - starts[slot] == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            // Equal hashes are mostly equal keys, compared whole: eight bytes at a time.
            let n = key.count, start = starts[slot]
            var i = 0
            while i + 8 <= n {
                if UnsafeRawPointer(a.baseAddress! + start + i).loadUnaligned(as: UInt64.self)
                    != UnsafeRawPointer(key.baseAddress! + i).loadUnaligned(as: UInt64.self) { return false }
                i += 8
            }
            while i < n { if a[start + i] != key[i] { return false }; i += 1 }
            return true
        }
    }

    /// Eight bytes at a time into one word, then mixed so that its high half spreads over the slots.
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = p.count
        var x = UInt64(n)
        var i = 0
        while i + 8 <= n {
            x = (x ^ UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            x ^= x >> 32
            i += 8
        }
        while i < n {
            x = (x ^ UInt64(p[i])) &* 0x9E37_79B9_7F4A_7C15
            i += 1
        }
        return (x ^ x >> 29) &* 0xBF58_476D_1CE4_E5B9
    }
}
