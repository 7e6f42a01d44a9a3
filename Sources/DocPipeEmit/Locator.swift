import DocPipeCore

/// The identifiers of the published format, shared by the JSON and XML emitters.
public enum DocumentFormat {
    /// Schema id written in every document (`schema` key in JSON, `schema` attribute in XML).
    public static let schemaID = "docpipe.document/1"
    /// XML namespace of the document format.
    public static let xmlNamespace = "urn:docpipe:document:1"
    /// What `start`/`end` count.
    public static let offsets = "unicode-scalars"
}

/// Where an annotation stands: scalar offsets in the current text, and 1-based line/column in the raw file.
struct Location {
    let start: Int
    let end: Int
    let line: Int
    let column: Int
    let endLine: Int
    let endColumn: Int
    /// `start`, `end`, `line` and `column` in decimal (``ByteSink/decimalWord(_:)``), made once here for
    /// both formats, which write each of them (a count of 0: written from the number itself).
    let decimals: (start: ByteSink.Decimal, end: ByteSink.Decimal, line: ByteSink.Decimal, column: ByteSink.Decimal)

    /// Line and column where it starts and ends in the raw file (`Document.rawSpan(of:)`).
    var span: (line: Int, column: Int, endLine: Int, endColumn: Int) { (line, column, endLine, endColumn) }

    /// `fourDigits`: ``ByteSink/fourDigits``, read once by the caller. Transparent: with `@inline(__always)`
    /// it stayed a call in the specialised layer loops (about 100 K calls on the c2 corpus).
    @_transparent
    init(start: Int, end: Int, line: Int, column: Int, endLine: Int, endColumn: Int, _ fourDigits: UnsafePointer<UInt32>) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        decimals = (ByteSink.decimalWord(start, fourDigits), ByteSink.decimalWord(end, fourDigits),
                    ByteSink.decimalWord(line, fourDigits), ByteSink.decimalWord(column, fourDigits))
    }
}

/// The position tables of one document (scalar offsets, raw line/column), built once and shared by
/// the emitters that write it: building them is about a tenth of writing one format. The locations of
/// the annotations are computed here too, once for every format.
public struct DocumentLocations {
    let locator: Locator
    let annotations: AnnotationLocations
    let document: Document

    public init(_ doc: Document) {
        var locator = Locator(doc)
        annotations = AnnotationLocations(doc, &locator)
        self.locator = locator
        document = doc
    }

    /// The tables and annotation locations for `doc`: the shared ones when they were built for this very document.
    static func locations(for doc: Document, _ shared: DocumentLocations?) -> (Locator, AnnotationLocations) {
        if let shared, shared.describes(doc) { return (shared.locator, shared.annotations) }
        var locator = Locator(doc)
        let annotations = AnnotationLocations(doc, &locator)
        return (locator, annotations)
    }

    /// Whether these locations were built for `doc` (the same texts, map and layers).
    func describes(_ doc: Document) -> Bool {
        document.text == doc.text && document.original == doc.original && document.map == doc.map && hasLayers(of: doc)
    }

    /// Whether `doc` has the very layers located here. Arrays that share storage are equal (shared
    /// storage is never written in place), so this costs a few compares rather than a walk.
    func hasLayers(of doc: Document) -> Bool {
        let d = document
        return sameStorage(d.fixes, doc.fixes) && sameStorage(d.blocks, doc.blocks)
            && sameStorage(d.sentences, doc.sentences) && sameStorage(d.entities, doc.entities)
            && sameStorage(d.acronyms, doc.acronyms) && sameStorage(d.dates, doc.dates)
            && sameStorage(d.quantities, doc.quantities) && sameStorage(d.claims, doc.claims)
            && sameStorage(d.diagnostics, doc.diagnostics)
    }
}

/// The published location of each annotation of a document (tokens aside: they are written only
/// on request), element i of a layer at index i. Nested ranges (claim items, related ranges of
/// diagnostics) are listed flat, in the order the layer holds them.
struct AnnotationLocations {
    var fixes: [Location] = []
    var blocks: [Location] = []
    var sentences: [Location] = []
    var entities: [Location] = []
    var acronyms: [Location] = []
    /// Scalar offsets of each acronym's long form (`longStart`, `longEnd`).
    var acronymLongs: [(start: Int, end: Int)] = []
    var dates: [Location] = []
    var quantities: [Location] = []
    var claims: [Location] = []
    var claimItems: [Location] = []
    var diagnostics: [Location] = []
    /// With their end positions (which the formats do not write), for ``Finding/make(from:locations:sourceLines:)``.
    var related: [Location] = []

    init(_ doc: Document, _ loc: inout Locator) {
        fixes = located(doc.fixes) { loc.locate($0.pointee) }
        blocks = loc.locateRanges(of: doc.blocks) { $0.pointee.range }
        sentences = loc.locateRanges(of: doc.sentences) { $0.pointee.range }
        entities = loc.locateRanges(of: doc.entities) { $0.pointee.range }
        acronyms.reserveCapacity(doc.acronyms.count)
        acronymLongs.reserveCapacity(doc.acronyms.count)
        forEachElement(of: doc.acronyms) { _, a in
            acronyms.append(loc.locate(a.pointee.range))
            let r = loc.clamp(a.pointee.longRange)
            acronymLongs.append((loc.scalarOffset(r.lowerBound), loc.scalarOffset(r.upperBound)))
        }
        dates = loc.locateRanges(of: doc.dates) { $0.pointee.range }
        quantities = loc.locateRanges(of: doc.quantities) { $0.pointee.range }
        claims.reserveCapacity(doc.claims.count)
        forEachElement(of: doc.claims) { _, c in
            claims.append(loc.locate(c.pointee.range))
            for r in c.pointee.items { claimItems.append(loc.locate(r)) }
        }
        diagnostics.reserveCapacity(doc.diagnostics.count)
        for d in doc.diagnostics {
            diagnostics.append(loc.locate(d))
            for r in d.related { related.append(loc.locate(r.range, withEnd: true)) }
        }
    }
}

/// The location of each element of a layer, written in place: an append per element would check
/// uniqueness and capacity each time.
@inline(__always)
private func located<T>(_ layer: [T], _ locate: (UnsafePointer<T>) -> Location) -> [Location] {
    layer.withUnsafeBufferPointer { b in
        [Location](unsafeUninitializedCapacity: b.count) { buffer, count in
            guard let p = b.baseAddress, let q = buffer.baseAddress else { return }
            for i in 0..<b.count { (q + i).initialize(to: locate(p + i)) }
            count = b.count
        }
    }
}

extension Locator {
    /// `located(layer) { locate(range($0)) }` with the location built in its slot: through a closure
    /// that returns it, each layer's locate was a call of its own, and the 80-byte result a copy.
    @inline(__always)
    fileprivate mutating func locateRanges<T>(of layer: [T], _ range: (UnsafePointer<T>) -> Range<Int>) -> [Location] {
        layer.withUnsafeBufferPointer { b in
            [Location](unsafeUninitializedCapacity: b.count) { buffer, count in
                guard let p = b.baseAddress, let q = buffer.baseAddress else { return }
                for i in 0..<b.count { (q + i).initialize(to: locate(range(p + i))) }
                count = b.count
            }
        }
    }
}

/// Whether two arrays are empty or share their storage (and so are equal).
private func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
    a.count == b.count && (a.isEmpty || a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { p.baseAddress == $0.baseAddress } })
}

/// Converts the UTF-8 ranges of a document's layers into the locations the formats publish.
///
/// Tables over the current and the original text are built once per document (``ScalarIndex``,
/// ``RawPositions``): scalar offsets and line/column are then O(1) per query. The source map is
/// walked with a cursor (``SourceCursor``), so the annotations of a layer, which come in text order,
/// cost O(1) each and any order stays logarithmic.
struct Locator {
    private let scalars: ScalarIndex
    private var raw: RawPositions
    private var map: SourceCursor
    let textBytes: Int
    let originalBytes: Int
    let scalarCount: Int
    /// ``ByteSink/fourDigits``, for the locations' decimals.
    private let fourDigits = ByteSink.fourDigits

    init(_ doc: Document) {
        scalars = ScalarIndex(doc.text)
        raw = RawPositions(doc)
        map = SourceCursor(doc.map)
        textBytes = scalars.utf8Count
        originalBytes = doc.original.utf8.count
        scalarCount = scalars.scalarOffset(textBytes)
    }

    /// A range clamped to the text (ranges are never out of bounds in a sound pipeline; the output stays valid if one is).
    @inline(__always)
    func clamp(_ r: Range<Int>) -> Range<Int> {
        let a = min(max(r.lowerBound, 0), textBytes)
        let b = min(max(r.upperBound, a), textBytes)
        return a..<b
    }

    /// Scalar offset of a UTF-8 offset of the text (clamped).
    @inline(__always)
    func scalarOffset(_ offset: Int) -> Int { scalars.scalarOffset(offset) }

    /// Location of a range of the current text; line/column through the document's source map
    /// (the same as `Document.rawSpan(of:)`). The end position is computed only when `withEnd`.
    @inline(__always)
    mutating func locate(_ range: Range<Int>, withEnd: Bool = false) -> Location {
        let r = clamp(range)
        // `Document.origin(of:)`: the start maps alone; an empty range ends where it starts.
        let o0 = map.sourceStart(r.lowerBound)
        let a = raw.position(o0)
        var b = a
        if withEnd {
            let o1 = r.isEmpty ? o0 : max(o0, map.sourceEnd(r.upperBound))
            b = raw.position(o1)
        }
        return Location(start: scalars.scalarOffset(r.lowerBound), end: scalars.scalarOffset(r.upperBound),
                        line: a.line, column: a.column, endLine: b.line, endColumn: b.column, fourDigits)
    }

    /// Location of a fix: offsets in the current text, line/column where the replaced original text started.
    mutating func locate(_ fix: Fix) -> Location {
        let r = clamp(fix.range)
        let a = min(max(fix.origin.lowerBound, 0), originalBytes)
        let p = raw.position(a)
        return Location(start: scalars.scalarOffset(r.lowerBound), end: scalars.scalarOffset(r.upperBound),
                        line: p.line, column: p.column, endLine: p.line, endColumn: p.column, fourDigits)
    }

    /// Location of a diagnostic; a finding about the whole document (nil range) spans the whole text:
    /// start 0, end = length, line 1 column 1 to the end of the raw file.
    mutating func locate(_ diagnostic: Diagnostic) -> Location {
        if let r = diagnostic.range, let o = diagnostic.origin {
            // About text the cleaner removed: offsets where it was, line/column where it stood in the raw file.
            let c = clamp(r)
            let a = raw.position(min(o.lowerBound, originalBytes)), b = raw.position(min(o.upperBound, originalBytes))
            return Location(start: scalars.scalarOffset(c.lowerBound), end: scalars.scalarOffset(c.upperBound),
                            line: a.line, column: a.column, endLine: b.line, endColumn: b.column, fourDigits)
        }
        if let r = diagnostic.range { return locate(r, withEnd: true) }
        let end = raw.position(originalBytes)
        return Location(start: 0, end: scalarCount, line: 1, column: 1, endLine: end.line, endColumn: end.column, fourDigits)
    }
}

/// `OffsetMap.sourceStart(_:)` and `sourceEnd(_:)` with the segment search started from the previous
/// answer (galloping, so a far jump stays logarithmic) instead of from scratch.
///
/// It relies on the segments' target ends never decreasing, which holds for every map `OffsetMap`
/// builds; a map that broke it would be answered by `OffsetMap` itself.
struct SourceCursor {
    private let memory: TableMemory
    private let segments: UnsafeMutablePointer<OffsetMap.Segment>
    private let count: Int
    private let targetLength: Int
    private let sourceLength: Int
    /// Whether target ends never decrease; if not, `map` answers.
    private let monotone: Bool
    private let map: OffsetMap
    private var hint = 0

    init(_ map: OffsetMap) {
        self.map = map
        // Only the non-empty segments are kept: `OffsetMap` skips the empty ones (deletions) after its
        // search, and with target ends that never decrease, the first kept segment past `t` is the
        // one it lands on. Dropping them here saves that skip on every query.
        let segs = TableMemory.allocate(OffsetMap.Segment.self, map.segments.count)
        var kept = 0
        var ok = true
        var last = Int.min
        for s in map.segments {
            if s.targetEnd < last { ok = false }
            last = s.targetEnd
            if s.targetStart != s.targetEnd {
                (segs.baseAddress! + kept).initialize(to: s)
                kept += 1
            }
        }
        segments = segs.baseAddress!
        count = kept
        memory = TableMemory([UnsafeMutableRawPointer(segs.baseAddress!)])
        targetLength = map.targetLength
        sourceLength = map.sourceLength
        monotone = ok
    }

    /// Index of the first segment with `targetEnd > t` (`>= t` when `inclusive`), searched from `hint`.
    @inline(__always)
    private mutating func lowerBound(_ t: Int, inclusive: Bool) -> Int {
        let segs = segments
        let n = count
        // `before(i)`: the answer lies after segment i.
        @inline(__always) func before(_ i: Int) -> Bool { inclusive ? segs[i].targetEnd < t : segs[i].targetEnd <= t }
        let h = hint
        var lo: Int, hi: Int
        if h < n && before(h) {
            lo = h &+ 1
            var step = 1
            while lo &+ step &- 1 < n && before(lo &+ step &- 1) {
                lo &+= step
                step &*= 2
            }
            hi = min(lo &+ step &- 1, n)
        } else if h > 0 && !before(h &- 1) {
            hi = h &- 1
            var step = 1
            lo = 0
            while hi &- step >= 0 {
                if before(hi &- step) {
                    lo = hi &- step &+ 1
                    break
                }
                hi &-= step
                step &*= 2
            }
        } else {
            return h
        }
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if before(mid) { lo = mid &+ 1 } else { hi = mid }
        }
        hint = lo
        return lo
    }

    @inline(__always)
    private static func project(_ s: OffsetMap.Segment, _ t: Int) -> Int {
        let tl = s.targetEnd - s.targetStart, sl = s.sourceEnd - s.sourceStart
        if tl == sl { return s.sourceStart + (t - s.targetStart) }
        return s.sourceStart + (t - s.targetStart) * sl / tl
    }

    /// `OffsetMap.sourceStart(_:)`.
    @inline(__always)
    mutating func sourceStart(_ t: Int) -> Int {
        guard monotone else { return map.sourceStart(t) }
        if t >= targetLength { return sourceLength }
        let i = lowerBound(t, inclusive: false)
        guard i < count else { return sourceLength }
        let s = segments[i]
        if t < s.targetStart { return s.sourceStart }
        return s.linear ? SourceCursor.project(s, t) : s.sourceStart
    }

    /// `OffsetMap.sourceEnd(_:)`.
    @inline(__always)
    mutating func sourceEnd(_ t: Int) -> Int {
        guard monotone else { return map.sourceEnd(t) }
        if t <= 0 { return 0 }
        let i = lowerBound(t, inclusive: true)
        guard i < count else { return sourceLength }
        let s = segments[i]
        if t <= s.targetStart { return s.sourceStart }
        return s.linear ? SourceCursor.project(s, t) : (t == s.targetStart ? s.sourceStart : s.sourceEnd)
    }
}
