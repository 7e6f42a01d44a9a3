import DocPipeCore

/// Writes a ``Document`` as the annotated-document JSON (`docpipe.document/1`, DESIGN §4,
/// `Schemas/docpipe-document-1.schema.json`).
///
/// - Every key is present, in a fixed order, even when its layer is empty — except `tokens`, which is
///   left out altogether when the caller does not ask for it (`tokens: false`; pipelines write it only
///   with `output: {tokens: true}`): one record per word is most of the output.
/// - `start`/`end` count Unicode scalars of `text` (end exclusive), as Python string indices do.
/// - `line`/`column` (1-based, column in Unicode scalars) say where the annotation starts in the raw
///   source file; diagnostics also carry `endLine`/`endColumn`. A fix is located by the original text
///   it replaced.
/// - A diagnostic about the whole document (no range) spans the whole text: `start` 0, `end` the text
///   length, line 1 column 1 to the end of the file.
/// - Blocks always carry `level`: the heading rank (≥ 1) for headings, 0 for paragraphs and list items.
/// - `source.encoding` is null when the document was never decoded; `source.mediaType` is the media
///   type the pipeline treated the document as.
/// - Same document → same bytes.
public enum JSONEmitter {
    /// The document JSON, pretty-printed (two-space indent, one annotation per line), ending with a line break.
    /// `tokens: false` leaves the token layer out (the key is absent, not an empty list).
    /// `locations`: position tables built once for writing this document in several formats.
    public static func encode(_ doc: Document, tokens: Bool = true, locations: DocumentLocations? = nil) -> [UInt8] {
        emit(doc, pretty: true, tokens: tokens, locations: locations)
    }

    /// The document JSON on a single line with no whitespace and no line break (a JSON Lines record:
    /// the caller writes the `\n`). Control characters, U+2028 and U+2029 are escaped, so the record
    /// never contains a raw line break.
    public static func encodeLine(_ doc: Document, tokens: Bool = true) -> [UInt8] { emit(doc, pretty: false, tokens: tokens, locations: nil) }

    private static func emit(_ doc: Document, pretty: Bool, tokens: Bool, locations: DocumentLocations?) -> [UInt8] {
        var text = doc.text
        return ByteSink.collect(estimate: capacityHint(doc, tokens: tokens)) { sink in
            text.withUTF8 { p in
                let (loc, locs) = DocumentLocations.locations(for: doc, locations)
                var w = JSONDocumentWriter(out: sink, pretty: pretty, tokens: tokens, doc: doc, text: p, loc: loc, locs: locs)
                w.write()
                sink = w.out
            }
        }
    }

    /// A little above the usual size (pretty): untouched capacity costs only address space, a short
    /// estimate costs a copy.
    private static func capacityHint(_ doc: Document, tokens: Bool) -> Int {
        doc.text.utf8.count * 9 / 8 + 1024 + 96 * (doc.fixes.count + doc.blocks.count + doc.sentences.count + (tokens ? doc.tokens.count : 0))
            + 256 * (doc.entities.count + doc.dates.count + doc.quantities.count + doc.acronyms.count + doc.claims.count)
            + 320 * doc.diagnostics.count
    }
}

/// One document being written as JSON.
///
/// The layout is the one `JSONWriter` gives (the document and its layer arrays expanded, each
/// annotation on one line), written as literal runs: each piece below is a separator, a key and its
/// colon in one copy, with the spaces of the pretty form left out when compact.
private struct JSONDocumentWriter {
    var out: ByteSink
    let pretty: Bool
    /// Whether the token layer is written.
    let tokens: Bool
    let doc: Document
    /// The UTF-8 of `doc.text`, for `text` and the slices of it that annotations carry.
    let text: UnsafeBufferPointer<UInt8>
    var loc: Locator
    /// The location of each annotation.
    let locs: AnnotationLocations
    let tokenKinds: CaseStrings<Token.Kind>
    let entityKinds: CaseStrings<Entity.Kind>
    let dateKinds: CaseStrings<TimeExpression.Kind>
    let comparators: CaseStrings<Comparator>

    init(out: ByteSink, pretty: Bool, tokens: Bool, doc: Document, text: UnsafeBufferPointer<UInt8>, loc: Locator, locs: AnnotationLocations) {
        self.out = out
        self.pretty = pretty
        self.tokens = tokens
        self.doc = doc
        self.text = text
        self.loc = loc
        self.locs = locs
        tokenKinds = CaseStrings { $0.jsonString($1) }
        entityKinds = CaseStrings { $0.jsonString($1) }
        dateKinds = CaseStrings { $0.jsonString($1) }
        comparators = CaseStrings { $0.jsonString($1) }
    }

    /// `pretty` or `compact`, whichever this document is written in.
    @inline(__always)
    mutating func lit(_ pretty: StaticString, _ compact: StaticString) {
        out.raw(self.pretty ? pretty : compact)
    }

    @inline(__always)
    mutating func string(_ s: String) { out.jsonString(s) }

    @inline(__always)
    mutating func string(_ s: String?) {
        if let s { out.jsonString(s) } else { out.raw("null") }
    }

    @inline(__always)
    mutating func int(_ n: Int?) {
        if let n { out.int(n) } else { out.raw("null") }
    }

    /// The text of a range, as `doc.text.utf8Slice(loc.clamp(r))` would give it.
    mutating func slice(_ range: Range<Int>) {
        let r = loc.clamp(range)
        // On scalar boundaries the bytes are already what decoding them would give.
        if (r.lowerBound == text.count || !UTF8Bytes.isContinuation(text[r.lowerBound]))
            && (r.upperBound == text.count || !UTF8Bytes.isContinuation(text[r.upperBound])) {
            out.shortJSONString(UnsafeBufferPointer(rebasing: text[r]))
        } else {
            out.jsonString(doc.text.utf8Slice(r))
        }
    }

    /// `, "start": …, "end": …, "line": …, "column": …` of a location.
    @inline(__always)
    mutating func position(_ l: Location) {
        // Branching once on the layout keeps each piece's length a constant (copied as words).
        if pretty {
            fields(l, ", \"start\": ", ", \"end\": ", ", \"line\": ", ", \"column\": ")
        } else {
            fields(l, ",\"start\":", ",\"end\":", ",\"line\":", ",\"column\":")
        }
    }

    /// Room `uncheckedFields` needs (the pretty keys take 36 bytes).
    static var fieldsBytes: Int { 4 * ByteSink.maxIntBytes + 40 }

    /// The four integers of a location after their keys, with one capacity check for the record.
    @inline(__always)
    private mutating func fields(_ l: Location, _ start: StaticString, _ end: StaticString, _ line: StaticString, _ column: StaticString) {
        out.reserve(JSONDocumentWriter.fieldsBytes)
        uncheckedFields(l, start, end, line, column)
    }

    /// `fields` without the capacity check: the caller reserved `fieldsBytes` with the rest of the record.
    @inline(__always)
    private mutating func uncheckedFields(_ l: Location, _ start: StaticString, _ end: StaticString, _ line: StaticString, _ column: StaticString) {
        out.uncheckedRaw(start)
        out.uncheckedInt(l.start, l.decimals.start)
        out.uncheckedRaw(end)
        out.uncheckedInt(l.end, l.decimals.end)
        out.uncheckedRaw(line)
        out.uncheckedInt(l.line, l.decimals.line)
        out.uncheckedRaw(column)
        out.uncheckedInt(l.column, l.decimals.column)
    }

    /// A sentence's fields: its location alone. A function of its own, small enough for `fields` to be
    /// inlined with constant keys (in `write()`, too large, it is called with the keys as arguments).
    private mutating func sentenceFields(_ l: Location) {
        if pretty {
            fields(l, "\"start\": ", ", \"end\": ", ", \"line\": ", ", \"column\": ")
        } else {
            fields(l, "\"start\":", ",\"end\":", ",\"line\":", ",\"column\":")
        }
    }

    /// `"key": [` of a layer; then `item(_:)` before each element, `end(_:)` after the last.
    @inline(__always)
    mutating func layer(_ key: StaticString) {
        lit(",\n  ", ",")
        out.raw(key)
        lit(": [", ":[")
    }

    /// Before an element of a layer: its separator and indentation.
    @inline(__always)
    mutating func item(_ first: Bool) {
        // One literal per branch: each copy has a constant length.
        if pretty {
            if first { out.raw("\n    {") } else { out.raw(",\n    {") }
        } else {
            if first { out.raw("{") } else { out.raw(",{") }
        }
    }

    /// Closes a layer of `count` elements.
    @inline(__always)
    mutating func end(_ count: Int) {
        if pretty && count > 0 { out.raw("\n  ]") } else { out.byte(UInt8(ascii: "]")) }
    }

    mutating func write() {
        lit("{\n  \"schema\": ", "{\"schema\":")
        string(DocumentFormat.schemaID)
        lit(",\n  \"id\": ", ",\"id\":")
        string(doc.id)
        lit(",\n  \"offsets\": ", ",\"offsets\":")
        string(DocumentFormat.offsets)
        lit(",\n  \"source\": {\n    \"path\": ", ",\"source\":{\"path\":")
        string(doc.source.path)
        lit(",\n    \"sha256\": ", ",\"sha256\":")
        string(doc.source.sha256)
        lit(",\n    \"bytes\": ", ",\"bytes\":")
        out.int(doc.source.bytes.count)
        lit(",\n    \"encoding\": ", ",\"encoding\":")
        string(doc.encoding)
        lit(",\n    \"mediaType\": ", ",\"mediaType\":")
        string(doc.mediaType)
        lit("\n  },\n  \"text\": ", "},\"text\":")
        out.jsonString(text)

        layer("\"fixes\"")
        forEachElement(of: doc.fixes) { i, f in
            let l = locs.fixes[i]
            item(i == 0)
            lit("\"kind\": ", "\"kind\":")
            string(f.pointee.kind.rawValue)
            lit(", \"before\": ", ",\"before\":")
            out.jsonStringShowingC1(f.pointee.before)
            lit(", \"after\": ", ",\"after\":")
            string(f.pointee.after)
            position(l)
            if let note = f.pointee.note {
                lit(", \"note\": ", ",\"note\":")
                string(note)
            }
            out.byte(UInt8(ascii: "}"))
        }
        end(doc.fixes.count)

        layer("\"blocks\"")
        for (i, b) in doc.blocks.enumerated() {
            item(i == 0)
            lit("\"kind\": ", "\"kind\":")
            string(b.kind.rawValue)
            lit(", \"level\": ", ",\"level\":")
            out.int(b.kind == .heading ? max(b.level, 1) : 0)
            position(locs.blocks[i])
            out.byte(UInt8(ascii: "}"))
        }
        end(doc.blocks.count)

        layer("\"sentences\"")
        for i in doc.sentences.indices {
            item(i == 0)
            sentenceFields(locs.sentences[i])
            out.byte(UInt8(ascii: "}"))
        }
        end(doc.sentences.count)

        writeExtraction()

        layer("\"diagnostics\"")
        var nextRelated = 0
        for (i, d) in doc.diagnostics.enumerated() {
            let l = locs.diagnostics[i]
            item(i == 0)
            lit("\"rule\": ", "\"rule\":")
            string(d.rule)
            lit(", \"severity\": ", ",\"severity\":")
            string(d.severity.rawValue)
            lit(", \"message\": ", ",\"message\":")
            string(d.message)
            position(l)
            lit(", \"endLine\": ", ",\"endLine\":")
            out.int(l.endLine)
            lit(", \"endColumn\": ", ",\"endColumn\":")
            out.int(l.endColumn)
            lit(", \"related\": [", ",\"related\":[")
            for (j, r) in d.related.enumerated() {
                if j > 0 { lit(", ", ",") }
                let l = locs.related[nextRelated]
                nextRelated += 1
                lit("{\"start\": ", "{\"start\":")
                out.int(l.start)
                lit(", \"end\": ", ",\"end\":")
                out.int(l.end)
                lit(", \"line\": ", ",\"line\":")
                out.int(l.line)
                lit(", \"column\": ", ",\"column\":")
                out.int(l.column)
                lit(", \"message\": ", ",\"message\":")
                string(r.message)
                out.byte(UInt8(ascii: "}"))
            }
            out.raw("]}")
        }
        end(doc.diagnostics.count)
        lit("\n}\n", "}")
    }

    /// The layers of the extract stage: tokens, entities, acronyms, dates, quantities, claims.
    mutating func writeExtraction() {
        if tokens {
            layer("\"tokens\"")
            // One record per word: one capacity check each, and the layout branched on once per record
            // so that every literal piece has a constant length.
            let tokenKinds = self.tokenKinds  // a local: read through `self`, it is retained per use
            let recordBytes = 16 + tokenKinds.maxCount + JSONDocumentWriter.fieldsBytes
            for (i, t) in doc.tokens.enumerated() {
                let l = loc.locate(t.range)
                out.reserve(recordBytes)
                if i > 0 { out.uncheckedByte(UInt8(ascii: ",")) }
                if pretty {
                    out.uncheckedRaw("\n    {\"kind\": ")
                    tokenKinds.uncheckedWrite(t.kind, to: &out)
                    uncheckedFields(l, ", \"start\": ", ", \"end\": ", ", \"line\": ", ", \"column\": ")
                } else {
                    out.uncheckedRaw("{\"kind\":")
                    tokenKinds.uncheckedWrite(t.kind, to: &out)
                    uncheckedFields(l, ",\"start\":", ",\"end\":", ",\"line\":", ",\"column\":")
                }
                out.uncheckedByte(UInt8(ascii: "}"))
            }
            end(doc.tokens.count)
        }

        // The kind tables are read through locals: read through `self`, which is being written, each
        // of their arrays is retained and released per use.
        let entityKinds = self.entityKinds, dateKinds = self.dateKinds, comparators = self.comparators
        layer("\"entities\"")
        forEachElement(of: doc.entities) { i, e in
            item(i == 0)
            lit("\"id\": ", "\"id\":")
            string(e.pointee.id)
            lit(", \"type\": ", ",\"type\":")
            entityKinds.write(e.pointee.kind, to: &out)
            lit(", \"text\": ", ",\"text\":")
            slice(e.pointee.range)
            position(locs.entities[i])
            lit(", \"normalized\": ", ",\"normalized\":")
            string(e.pointee.normalized)
            if let r = e.pointee.refersTo {
                lit(", \"refersTo\": ", ",\"refersTo\":")
                string(r)
                out.byte(UInt8(ascii: "}"))
            } else {
                lit(", \"refersTo\": null}", ",\"refersTo\":null}")
            }
        }
        end(doc.entities.count)

        layer("\"acronyms\"")
        forEachElement(of: doc.acronyms) { i, a in
            item(i == 0)
            lit("\"short\": ", "\"short\":")
            string(a.pointee.short)
            lit(", \"long\": ", ",\"long\":")
            string(a.pointee.long)
            position(locs.acronyms[i])
            lit(", \"longStart\": ", ",\"longStart\":")
            out.int(locs.acronymLongs[i].start)
            lit(", \"longEnd\": ", ",\"longEnd\":")
            out.int(locs.acronymLongs[i].end)
            out.byte(UInt8(ascii: "}"))
        }
        end(doc.acronyms.count)

        layer("\"dates\"")
        forEachElement(of: doc.dates) { i, d in
            item(i == 0)
            lit("\"type\": ", "\"type\":")
            dateKinds.write(d.pointee.kind, to: &out)
            lit(", \"value\": ", ",\"value\":")
            string(d.pointee.value)
            if d.pointee.mod == nil && d.pointee.from == nil && d.pointee.to == nil && d.pointee.quantity == nil {
                // Most dates: the four nulls in one literal.
                lit(", \"mod\": null, \"from\": null, \"to\": null, \"quantity\": null", ",\"mod\":null,\"from\":null,\"to\":null,\"quantity\":null")
            } else {
                lit(", \"mod\": ", ",\"mod\":")
                string(d.pointee.mod)
                lit(", \"from\": ", ",\"from\":")
                string(d.pointee.from)
                lit(", \"to\": ", ",\"to\":")
                string(d.pointee.to)
                lit(", \"quantity\": ", ",\"quantity\":")
                string(d.pointee.quantity)
            }
            lit(", \"text\": ", ",\"text\":")
            slice(d.pointee.range)
            position(locs.dates[i])
            out.byte(UInt8(ascii: "}"))
        }
        end(doc.dates.count)

        layer("\"quantities\"")
        forEachElement(of: doc.quantities) { i, q in
            item(i == 0)
            lit("\"value\": ", "\"value\":")
            out.number(q.pointee.value)
            lit(", \"unit\": ", ",\"unit\":")
            string(q.pointee.unit)
            lit(", \"comparator\": ", ",\"comparator\":")
            comparators.write(q.pointee.comparator, to: &out)
            lit(", \"text\": ", ",\"text\":")
            slice(q.pointee.range)
            position(locs.quantities[i])
            out.byte(UInt8(ascii: "}"))
        }
        end(doc.quantities.count)

        layer("\"claims\"")
        var nextItem = 0
        forEachElement(of: doc.claims) { i, c in
            item(i == 0)
            lit("\"kind\": ", "\"kind\":")
            string(c.pointee.kind.rawValue)
            lit(", \"subject\": ", ",\"subject\":")
            string(c.pointee.subject)
            lit(", \"subjectText\": ", ",\"subjectText\":")
            string(c.pointee.subjectText)
            lit(", \"measure\": ", ",\"measure\":")
            string(c.pointee.measure)
            lit(", \"value\": ", ",\"value\":")
            out.number(c.pointee.value)
            lit(", \"comparator\": ", ",\"comparator\":")
            comparators.write(c.pointee.comparator, to: &out)
            lit(", \"time\": ", ",\"time\":")
            string(c.pointee.time)
            lit(", \"quantity\": ", ",\"quantity\":")
            int(c.pointee.quantity)
            position(locs.claims[i])
            lit(", \"items\": [", ",\"items\":[")
            for j in c.pointee.items.indices {
                if j > 0 { lit(", ", ",") }
                let l = locs.claimItems[nextItem]
                nextItem += 1
                lit("{\"start\": ", "{\"start\":")
                out.int(l.start)
                lit(", \"end\": ", ",\"end\":")
                out.int(l.end)
                lit(", \"line\": ", ",\"line\":")
                out.int(l.line)
                lit(", \"column\": ", ",\"column\":")
                out.int(l.column)
                out.byte(UInt8(ascii: "}"))
            }
            out.raw("]}")
        }
        end(doc.claims.count)
    }
}

/// The escaped raw values of an enum's cases, made once per document so that writing a layer's kinds
/// is a copy rather than an escape.
struct CaseStrings<K: CaseIterable & RawRepresentable & Equatable> where K.RawValue == String {
    private let cases: [K]
    /// Bytes of case i: `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private let bytes: [UInt8]
    private let ends: [Int]
    /// Length of the longest case's bytes: the room `uncheckedWrite` needs.
    let maxCount: Int
    /// Whether a case's one byte of storage is its index in `allCases` (checked for every case in `init`),
    /// so that `uncheckedWrite` reads the index instead of searching for it.
    let storedIndex: Bool

    /// `encode` writes one raw value (escaped and quoted as the format wants).
    init(_ encode: (inout ByteSink, String) -> Void) {
        cases = Array(K.allCases)
        var ends: [Int] = []
        var maxCount = 0
        bytes = ByteSink.collect(estimate: 256) { sink in
            for k in K.allCases {
                let start = sink.count
                encode(&sink, k.rawValue)
                ends.append(sink.count)
                maxCount = max(maxCount, sink.count - start)
            }
        }
        self.ends = ends
        self.maxCount = maxCount
        var stored = MemoryLayout<K>.size == 1
        for (i, k) in cases.enumerated() where stored { stored = CaseStrings.storage(k) == i }
        storedIndex = stored
    }

    /// The one byte a case is stored in (a payload-free enum of 2...256 cases: its declaration index).
    @inline(__always)
    private static func storage(_ k: K) -> Int { withUnsafeBytes(of: k) { Int($0[0]) } }

    @inline(__always)
    func write(_ k: K, to out: inout ByteSink) {
        out.reserve(maxCount)
        uncheckedWrite(k, to: &out)
    }

    /// `write` without the capacity check: the caller reserved `maxCount` (with the rest of its record).
    @inline(__always)
    func uncheckedWrite(_ k: K, to out: inout ByteSink) {
        var i = 0
        if storedIndex {
            i = CaseStrings.storage(k)
        } else {
            // Kinds have a handful of cases: a linear search beats hashing.
            while i < cases.count && cases[i] != k { i &+= 1 }
            guard i < cases.count else { return }
        }
        let start = i == 0 ? 0 : ends[i &- 1]
        bytes.withUnsafeBufferPointer { out.uncheckedBytes($0.baseAddress! + start, ends[i] &- start) }
    }
}
