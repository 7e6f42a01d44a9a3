import DocPipeCore

/// Writes a ``Document`` as the annotated-document XML (namespace `urn:docpipe:document:1`,
/// DESIGN §5, `Schemas/docpipe-document-1.xsd`).
///
/// ```xml
/// <document xmlns="urn:docpipe:document:1" schema="docpipe.document/1" id="a/b" offsets="unicode-scalars">
///   <header><source path=… sha256=… bytes=… encoding=… mediaType=…/></header>
///   <body><heading level="1"><s>Title</s></heading>
/// <p><s>It <fix kind="mojibake" before="Ã©">é</fix>.</s></p></body>
///   <standoff><fixes>…</fixes><blocks>…</blocks><sentences>…</sentences><tokens/>…<diagnostics>…</diagnostics></standoff>
/// </document>
/// ```
///
/// - `<body>` holds the cleaned text, unindented, with inline markup for blocks (`<heading level>`,
///   `<p>`, `<item>`), sentences (`<s>`) and non-empty fixes (`<fix kind before>`). Inline markup must
///   nest (blocks contain sentences contain fixes): an annotation that would cross another, or sit in
///   one of the same or an inner kind, is left out of the body (never out of the stand-off). Empty
///   ranges are not marked inline.
/// - The string value of `<body>` is the text, with each character XML cannot carry replaced by
///   `<ctrl code="XX">U+FFFD</ctrl>` (one scalar for one), so stand-off offsets index it exactly.
/// - `<standoff>` carries every layer with `start`/`end` (Unicode scalars of the text) and raw
///   `line`/`column`, as in the JSON; attribute values replace characters XML cannot carry with U+FFFD.
/// - Same document → same bytes.
public enum XMLEmitter {
    /// The document XML, ending with a line break. `tokens: false` leaves the `<tokens>` layer out (the
    /// element is absent, not empty): one record per word is most of the output.
    /// `locations`: position tables built once for writing this document in several formats.
    public static func encode(_ doc: Document, tokens: Bool = true, locations: DocumentLocations? = nil) -> [UInt8] {
        var text = doc.text
        // A little above the usual size: untouched capacity costs only address space, a short estimate a copy.
        let estimate = doc.text.utf8.count * 5 / 4 + 1024 + 112 * (doc.fixes.count + doc.blocks.count + doc.sentences.count + (tokens ? doc.tokens.count : 0))
            + 320 * (doc.entities.count + doc.dates.count + doc.quantities.count + doc.acronyms.count + doc.claims.count)
            + 320 * doc.diagnostics.count
        return ByteSink.collect(estimate: estimate) { sink in
            text.withUTF8 { p in
                let (loc, locs) = DocumentLocations.locations(for: doc, locations)
                var x = XMLOut(out: sink, doc: doc, text: p, loc: loc, locs: locs)
                write(doc, tokens: tokens, &x)
                sink = x.out
            }
        }
    }

    private static func write(_ doc: Document, tokens: Bool, _ x: inout XMLOut) {
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"")
        x.text(DocumentFormat.xmlNamespace)
        x.raw("\"")
        x.attr(" schema", DocumentFormat.schemaID)
        x.attr(" id", doc.id)
        x.attr(" offsets", DocumentFormat.offsets)
        x.raw(">\n  <header>\n    <source")
        x.attr(" path", doc.source.path)
        x.attr(" sha256", doc.source.sha256)
        x.attr(" bytes", doc.source.bytes.count)
        if let e = doc.encoding { x.attr(" encoding", e) }
        x.attr(" mediaType", doc.mediaType)
        x.raw("/>\n  </header>\n  <body>")
        writeBody(doc, &x)
        x.raw("</body>\n  <standoff>\n")

        x.raw(doc.fixes.isEmpty ? "    <fixes/>\n" : "    <fixes>\n")
        forEachElement(of: doc.fixes) { i, f in
            let l = x.locs.fixes[i]
            x.raw("      <fix")
            x.attr(" kind", f.pointee.kind.rawValue)
            x.beforeAttr(f.pointee.before)
            x.attr(" after", f.pointee.after)
            x.location(l)
            if let note = f.pointee.note { x.attr(" note", note) }
            x.raw("/>\n")
        }
        if !doc.fixes.isEmpty { x.raw("    </fixes>\n") }

        x.raw(doc.blocks.isEmpty ? "    <blocks/>\n" : "    <blocks>\n")
        for (i, b) in doc.blocks.enumerated() {
            x.raw("      <block")
            x.attr(" kind", b.kind.rawValue)
            x.attr(" level", b.kind == .heading ? max(b.level, 1) : 0)
            x.location(x.locs.blocks[i])
            x.raw("/>\n")
        }
        if !doc.blocks.isEmpty { x.raw("    </blocks>\n") }

        x.raw(doc.sentences.isEmpty ? "    <sentences/>\n" : "    <sentences>\n")
        for i in doc.sentences.indices {
            x.raw("      <sentence")
            x.location(x.locs.sentences[i])
            x.raw("/>\n")
        }
        if !doc.sentences.isEmpty { x.raw("    </sentences>\n") }

        writeExtraction(doc, tokens: tokens, &x)

        x.raw(doc.diagnostics.isEmpty ? "    <diagnostics/>\n" : "    <diagnostics>\n")
        var nextRelated = 0
        for (i, d) in doc.diagnostics.enumerated() {
            let l = x.locs.diagnostics[i]
            x.raw("      <diagnostic")
            x.attr(" rule", d.rule)
            x.attr(" severity", d.severity.rawValue)
            x.attr(" message", d.message)
            x.location(l)
            x.attr(" endLine", l.endLine)
            x.attr(" endColumn", l.endColumn)
            if d.related.isEmpty { x.raw("/>\n"); continue }
            x.raw(">\n")
            for r in d.related {
                x.raw("        <related")
                x.location(x.locs.related[nextRelated])
                nextRelated += 1
                x.attr(" message", r.message)
                x.raw("/>\n")
            }
            x.raw("      </diagnostic>\n")
        }
        if !doc.diagnostics.isEmpty { x.raw("    </diagnostics>\n") }
        x.raw("  </standoff>\n</document>\n")
    }

    /// The stand-off layers of the extract stage.
    private static func writeExtraction(_ doc: Document, tokens: Bool, _ x: inout XMLOut) {
        if tokens {
            x.raw(doc.tokens.isEmpty ? "    <tokens/>\n" : "    <tokens>\n")
            // One record per word: one capacity check each.
            let tokenKinds = x.tokenKinds  // a local: read through `x`, it is retained per use
            let recordBytes = 15 + tokenKinds.maxCount + XMLOut.locationBytes
            for t in doc.tokens {
                let l = x.loc.locate(t.range)
                x.out.reserve(recordBytes)
                x.out.uncheckedRaw("      <token")
                tokenKinds.uncheckedWrite(t.kind, to: &x.out)
                x.uncheckedLocation(l)
                x.out.uncheckedRaw("/>\n")
            }
            if !doc.tokens.isEmpty { x.raw("    </tokens>\n") }
        }

        // The kind tables are read through locals: read through `x`, which is being written, each
        // of their arrays is retained and released per use.
        let entityTypes = x.entityTypes, dateTypes = x.dateTypes, comparators = x.comparators
        x.raw(doc.entities.isEmpty ? "    <entities/>\n" : "    <entities>\n")
        // Attributes the body already wrote for an annotation are copied from there, not written again.
        let entityIDs = x.entityIDs, entityNames = x.entityNames, dateHeads = x.dateHeads, quantityHeads = x.quantityHeads
        forEachElement(of: doc.entities) { i, e in
            x.raw("      <entity")
            if !x.copy(entityIDs[i]) { x.attr(" id", e.pointee.id) }
            entityTypes.write(e.pointee.kind, to: &x.out)
            x.sliceAttr(" text", e.pointee.range)
            x.location(x.locs.entities[i])
            if !x.copy(entityNames[i]) {
                if let n = e.pointee.normalized { x.attr(" normalized", n) }
                if let r = e.pointee.refersTo { x.attr(" refersTo", r) }
            }
            x.raw("/>\n")
        }
        if !doc.entities.isEmpty { x.raw("    </entities>\n") }

        x.raw(doc.acronyms.isEmpty ? "    <acronyms/>\n" : "    <acronyms>\n")
        forEachElement(of: doc.acronyms) { i, a in
            x.raw("      <acronym")
            x.attr(" short", a.pointee.short)
            x.attr(" long", a.pointee.long)
            x.location(x.locs.acronyms[i])
            x.attr(" longStart", x.locs.acronymLongs[i].start)
            x.attr(" longEnd", x.locs.acronymLongs[i].end)
            x.raw("/>\n")
        }
        if !doc.acronyms.isEmpty { x.raw("    </acronyms>\n") }

        x.raw(doc.dates.isEmpty ? "    <dates/>\n" : "    <dates>\n")
        forEachElement(of: doc.dates) { i, d in
            x.raw("      <date")
            if !x.copy(dateHeads[i]) {
                dateTypes.write(d.pointee.kind, to: &x.out)
                x.attr(" value", d.pointee.value)
                if let m = d.pointee.mod { x.attr(" mod", m) }
            }
            if let f = d.pointee.from { x.attr(" from", f) }
            if let t = d.pointee.to { x.attr(" to", t) }
            if let q = d.pointee.quantity { x.attr(" quantity", q) }
            x.sliceAttr(" text", d.pointee.range)
            x.location(x.locs.dates[i])
            x.raw("/>\n")
        }
        if !doc.dates.isEmpty { x.raw("    </dates>\n") }

        x.raw(doc.quantities.isEmpty ? "    <quantities/>\n" : "    <quantities>\n")
        forEachElement(of: doc.quantities) { i, q in
            x.raw("      <quantity")
            if !x.copy(quantityHeads[i]) {
                x.attr(" value", number: q.pointee.value)
                x.attr(" unit", q.pointee.unit)
                comparators.write(q.pointee.comparator, to: &x.out)
            }
            x.sliceAttr(" text", q.pointee.range)
            x.location(x.locs.quantities[i])
            x.raw("/>\n")
        }
        if !doc.quantities.isEmpty { x.raw("    </quantities>\n") }

        x.raw(doc.claims.isEmpty ? "    <claims/>\n" : "    <claims>\n")
        var nextItem = 0
        for (i, c) in doc.claims.enumerated() {
            x.raw("      <claim")
            x.attr(" kind", c.kind.rawValue)
            if let s = c.subject { x.attr(" subject", s) }
            x.attr(" subjectText", c.subjectText)
            x.attr(" measure", c.measure)
            x.attr(" value", number: c.value)
            comparators.write(c.comparator, to: &x.out)
            if let t = c.time { x.attr(" time", t) }
            if let q = c.quantity { x.attr(" quantity", q) }
            x.location(x.locs.claims[i])
            if c.items.isEmpty { x.raw("/>\n"); continue }
            x.raw(">\n")
            for _ in c.items {
                x.raw("        <item")
                x.location(x.locs.claimItems[nextItem])
                nextItem += 1
                x.raw("/>\n")
            }
            x.raw("      </claim>\n")
        }
        if !doc.claims.isEmpty { x.raw("    </claims>\n") }
    }

    /// Ranks of inline annotations, outermost first: a span may only sit inside one of a lower rank.
    private enum Rank: Int {
        case block = 0, sentence, quantity, date, acronym, entity, fix
    }

    /// An inline annotation of the body: UTF-8 range, rank and index in its layer, packed in two words
    /// so that the body's order (by start, longer first, outer rank first, then layer order) is one
    /// comparison of `(order, tag)`. Offsets and indices must fit 32 bits: `usable` keeps larger offsets out.
    private struct Span: Comparable {
        /// Start (high half) and `UInt32.max - end` (low half).
        let order: UInt64
        /// Rank (high half) and index in its layer (low half).
        let tag: UInt64

        init(_ range: Range<Int>, _ rank: Rank, _ index: Int) {
            order = UInt64(UInt32(range.lowerBound)) << 32 | UInt64(UInt32.max - UInt32(range.upperBound))
            tag = UInt64(rank.rawValue) << 32 | UInt64(UInt32(index))
        }

        var start: Int { Int(order >> 32) }
        var end: Int { Int(UInt32.max - UInt32(truncatingIfNeeded: order)) }
        var rank: Rank { Rank(rawValue: Int(tag >> 32))! }
        var index: Int { Int(UInt32(truncatingIfNeeded: tag)) }

        static func < (a: Span, b: Span) -> Bool { a.order != b.order ? a.order < b.order : a.tag < b.tag }
    }

    private static func writeBody(_ doc: Document, _ x: inout XMLOut) {
        do {
            let p = x.textBytes
            let n = p.count
            // Only ranges that are non-empty and fall on scalar boundaries can be marked inline; and
            // only below 4 GiB, as `Span` packs offsets in 32 bits (the stand-off section keeps the rest).
            func usable(_ r: Range<Int>) -> Bool {
                r.lowerBound >= 0 && r.lowerBound < r.upperBound && r.upperBound <= n && r.upperBound < Int(UInt32.max)
                    && (r.lowerBound == n || !UTF8Bytes.isContinuation(p[r.lowerBound]))
                    && (r.upperBound == n || !UTF8Bytes.isContinuation(p[r.upperBound]))
            }
            let capacity = doc.blocks.count + doc.sentences.count + doc.quantities.count + doc.dates.count + doc.acronyms.count
                + doc.entities.count + doc.fixes.count
            // Written in place: an append per span would check uniqueness and capacity each time.
            var spans = [Span](unsafeUninitializedCapacity: capacity) { buffer, count in
                func add(_ r: Range<Int>, _ rank: Rank, _ i: Int) {
                    guard usable(r) else { return }
                    (buffer.baseAddress! + count).initialize(to: Span(r, rank, i))
                    count += 1
                }
                for (i, b) in doc.blocks.enumerated() { add(b.range, .block, i) }
                for (i, s) in doc.sentences.enumerated() { add(s.range, .sentence, i) }
                forEachElement(of: doc.quantities) { i, q in add(q.pointee.range, .quantity, i) }
                forEachElement(of: doc.dates) { i, d in add(d.pointee.range, .date, i) }
                forEachElement(of: doc.acronyms) { i, a in add(a.pointee.range, .acronym, i) }
                forEachElement(of: doc.entities) { i, e in add(e.pointee.range, .entity, i) }
                forEachElement(of: doc.fixes) { i, f in add(f.pointee.range, .fix, i) }
            }
            spans.sort()
            // The end tag of each open span is chosen when it opens (read once, not per use: a static is checked for its initialisation on every read).
            let endTags = XMLEmitter.endTags
            // The open spans, innermost last, with their end tags; never more than all of them.
            let stack = UnsafeMutablePointer<(span: Span, end: EndTag)>.allocate(capacity: max(spans.count, 1))
            defer { stack.deallocate() }
            var depth = 0
            var pos = 0
            var pieces = XMLTextPieces(p)
            // Read through locals: a table read through `x`, which is being written, is retained per use.
            let entityTags = x.entityTags, dateTypes = x.dateTypes, comparators = x.comparators
            func close(_ s: Span, _ tag: EndTag) {
                pieces.write(pos..<s.end, to: &x.out)
                pos = s.end
                tag.write(to: &x.out)
            }
            for s in spans {
                while depth > 0 && stack[depth - 1].span.end <= s.start {
                    close(stack[depth - 1].span, stack[depth - 1].end)
                    depth -= 1
                }
                if depth > 0 && (stack[depth - 1].span.end < s.end || stack[depth - 1].span.rank.rawValue >= s.rank.rawValue) { continue }
                pieces.write(pos..<s.start, to: &x.out)
                pos = s.start
                let end: EndTag
                switch s.rank {
                case .block:
                    let b = doc.blocks[s.index]
                    switch b.kind {
                    case .heading:
                        x.raw("<heading")
                        x.attr(" level", max(b.level, 1))
                        x.raw(">")
                        end = endTags.heading
                    case .paragraph:
                        x.raw("<p>")
                        end = endTags.paragraph
                    case .listItem:
                        x.raw("<item>")
                        end = endTags.item
                    }
                case .sentence:
                    x.raw("<s>")
                    end = endTags.sentence
                // Fields are read in place (`doc.dates[i].value`): a copy of the whole annotation would
                // retain and release each of its strings.
                case .quantity:
                    x.raw("<quantity")
                    let start = x.out.count
                    x.attr(" value", number: doc.quantities[s.index].value)
                    x.attr(" unit", doc.quantities[s.index].unit)
                    comparators.write(doc.quantities[s.index].comparator, to: &x.out)
                    x.quantityHeads[s.index] = Run(start: start, end: x.out.count)
                    x.raw(">")
                    end = endTags.quantity
                case .date:
                    x.raw("<date")
                    let start = x.out.count
                    dateTypes.write(doc.dates[s.index].kind, to: &x.out)
                    x.attr(" value", doc.dates[s.index].value)
                    if let m = doc.dates[s.index].mod { x.attr(" mod", m) }
                    x.dateHeads[s.index] = Run(start: start, end: x.out.count)
                    x.raw(">")
                    end = endTags.date
                case .acronym:
                    x.raw("<acronym")
                    x.attr(" long", doc.acronyms[s.index].long)
                    x.raw(">")
                    end = endTags.acronym
                case .entity:
                    x.raw("<")
                    entityTags.write(doc.entities[s.index].kind, to: &x.out)
                    let idStart = x.out.count
                    x.attr(" id", doc.entities[s.index].id)
                    let idEnd = x.out.count
                    if let n = doc.entities[s.index].normalized { x.attr(" normalized", n) }
                    if let r = doc.entities[s.index].refersTo { x.attr(" refersTo", r) }
                    x.entityIDs[s.index] = Run(start: idStart, end: idEnd)
                    x.entityNames[s.index] = Run(start: idEnd, end: x.out.count)
                    x.raw(">")
                    end = endTags.entity(doc.entities[s.index].kind)
                case .fix:
                    x.raw("<fix")
                    x.attr(" kind", doc.fixes[s.index].kind.rawValue)
                    x.beforeAttr(doc.fixes[s.index].before)
                    x.raw(">")
                    end = endTags.fix
                }
                (stack + depth).initialize(to: (s, end))
                depth += 1
            }
            while depth > 0 {
                depth -= 1
                close(stack[depth].span, stack[depth].end)
            }
            pieces.write(pos..<n, to: &x.out)
        }
    }

    private static let endTags = EndTags()

    /// An end tag in two words (at most 16 bytes; the bytes stored past `count` are scratch, written
    /// over next): closing a span is two stores, where choosing its tag by rank and kind read the
    /// annotation again and copied the tag piece by piece.
    private struct EndTag: Sendable {
        let low: UInt64
        let high: UInt64
        let count: Int

        init(_ tag: String) {
            var bytes = Array(tag.utf8)
            precondition(bytes.count <= 16)
            count = bytes.count
            bytes += [UInt8](repeating: 0, count: 16 - bytes.count)
            low = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
            high = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        }

        @inline(__always)
        func write(to out: inout ByteSink) {
            out.reserve(16)
            let o = UnsafeMutableRawPointer(out.base + out.count)
            o.storeBytes(of: low.littleEndian, as: UInt64.self)
            o.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt64.self)
            out.count &+= count
        }
    }

    /// The end tag of each kind of span.
    private struct EndTags: Sendable {
        let heading = EndTag("</heading>"), paragraph = EndTag("</p>"), item = EndTag("</item>")
        let sentence = EndTag("</s>"), quantity = EndTag("</quantity>"), date = EndTag("</date>")
        let acronym = EndTag("</acronym>"), fix = EndTag("</fix>")
        private let kinds = Array(Entity.Kind.allCases)
        /// `</name>` of each entity kind (of `kinds`), the name its raw value in lower case (as ``XMLOut/entityTags``).
        private let entities: [EndTag] = Entity.Kind.allCases.map { EndTag("</" + $0.rawValue.lowercased() + ">") }

        @inline(__always)
        func entity(_ k: Entity.Kind) -> EndTag {
            var i = 0
            // Ten kinds: a linear search beats hashing.
            while i < kinds.count && kinds[i] != k { i &+= 1 }
            return entities[i]
        }
    }
}

/// Output offsets of bytes written once (`start` -1: not written).
private struct Run {
    var start = -1
    var end = -1
}

/// One document being written as XML: the output, the locator, the text's UTF-8, and the escaped
/// forms of the enum values that occur once per annotation.
private struct XMLOut {
    var out: ByteSink
    var loc: Locator
    /// Attributes the body wrote for the annotations it marked, which the stand-off writes the same:
    /// an entity's ` id="…"` and its ` normalized="…" refersTo="…"`, a date's ` type="…" value="…" mod="…"`,
    /// a quantity's ` value="…" unit="…" comparator="…"`.
    /// One entry per element of its layer; raw memory (owned by `runMemory`), so that recording a run
    /// costs a store rather than a uniqueness check of an array held in this struct, which is being written.
    let entityIDs: UnsafeMutablePointer<Run>
    let entityNames: UnsafeMutablePointer<Run>
    let dateHeads: UnsafeMutablePointer<Run>
    let quantityHeads: UnsafeMutablePointer<Run>
    private let runMemory: TableMemory
    /// The location of each annotation.
    let locs: AnnotationLocations
    let doc: Document
    let textBytes: UnsafeBufferPointer<UInt8>
    /// ` kind="…"` of each token kind.
    let tokenKinds: CaseStrings<Token.Kind>
    /// ` type="…"` of each entity kind and each date kind, ` comparator="…"` of each comparator.
    let entityTypes: CaseStrings<Entity.Kind>
    let dateTypes: CaseStrings<TimeExpression.Kind>
    let comparators: CaseStrings<Comparator>
    /// Element name of each entity kind (its raw value in lower case).
    let entityTags: CaseStrings<Entity.Kind>

    init(out: ByteSink, doc: Document, text: UnsafeBufferPointer<UInt8>, loc: Locator, locs: AnnotationLocations) {
        self.out = out
        self.doc = doc
        textBytes = text
        self.loc = loc
        self.locs = locs
        func runs(_ count: Int) -> UnsafeMutablePointer<Run> {
            let p = TableMemory.allocate(Run.self, count)
            p.initialize(repeating: Run())
            return p.baseAddress!
        }
        entityIDs = runs(doc.entities.count)
        entityNames = runs(doc.entities.count)
        dateHeads = runs(doc.dates.count)
        quantityHeads = runs(doc.quantities.count)
        runMemory = TableMemory([entityIDs, entityNames, dateHeads, quantityHeads].map { UnsafeMutableRawPointer($0) })
        tokenKinds = XMLOut.attributes(" kind")
        entityTypes = XMLOut.attributes(" type")
        dateTypes = XMLOut.attributes(" type")
        comparators = XMLOut.attributes(" comparator")
        entityTags = CaseStrings { $0.utf8($1.lowercased()) }
    }

    /// ` name="…"` of each case of an enum; `name` includes its leading space.
    static func attributes<K>(_ name: StaticString) -> CaseStrings<K> where K: CaseIterable & RawRepresentable & Equatable, K.RawValue == String {
        CaseStrings { sink, value in
            sink.raw(name)
            sink.raw("=\"")
            sink.xmlAttribute(value)
            sink.byte(UInt8(ascii: "\""))
        }
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) { out.raw(s) }

    /// Writes the bytes of `run` again; false when it was never written.
    @inline(__always)
    mutating func copy(_ run: Run) -> Bool {
        guard run.start >= 0 else { return false }
        out.copyWritten(run.start..<run.end)
        return true
    }

    mutating func text(_ s: String) { out.xmlText(s) }

    /// ` name="value"`; `name` includes its leading space.
    @inline(__always)
    mutating func attr(_ name: StaticString, _ value: String) {
        out.reserve(name.utf8CodeUnitCount + 2)
        out.uncheckedRaw(name)
        out.uncheckedRaw("=\"")
        out.xmlAttribute(value)
        out.byte(UInt8(ascii: "\""))
    }

    /// ` before="…"` of a fix: C1 controls as character references (see ``ByteSink/xmlAttributeShowingC1(_:)``).
    mutating func beforeAttr(_ value: String) {
        out.raw(" before=\"")
        out.xmlAttributeShowingC1(value)
        out.byte(UInt8(ascii: "\""))
    }

    @inline(__always)
    mutating func attr(_ name: StaticString, _ value: Int) {
        out.raw(name)
        out.raw("=\"")
        out.int(value)
        out.byte(UInt8(ascii: "\""))
    }

    /// A number as ``JSONWriter/numberText(_:)`` writes it (never anything to escape).
    mutating func attr(_ name: StaticString, number value: Double) {
        out.raw(name)
        out.raw("=\"")
        out.number(value)
        out.byte(UInt8(ascii: "\""))
    }

    /// ` name="…"` with the text of a range, as `doc.text.utf8Slice(loc.clamp(range))` would give it.
    mutating func sliceAttr(_ name: StaticString, _ range: Range<Int>) {
        let r = loc.clamp(range)
        let p = textBytes
        out.raw(name)
        out.raw("=\"")
        // On scalar boundaries the bytes are already what decoding them would give.
        if (r.lowerBound == p.count || !UTF8Bytes.isContinuation(p[r.lowerBound]))
            && (r.upperBound == p.count || !UTF8Bytes.isContinuation(p[r.upperBound])) {
            out.shortAttribute(UnsafeBufferPointer(rebasing: p[r]))
        } else {
            out.xmlAttribute(doc.text.utf8Slice(r))
        }
        out.byte(UInt8(ascii: "\""))
    }

    @inline(__always)
    mutating func location(_ l: Location) {
        out.reserve(XMLOut.locationBytes)
        uncheckedLocation(l)
    }

    /// Room `uncheckedLocation` needs: four integers and 34 bytes of markup.
    static var locationBytes: Int { 4 * ByteSink.maxIntBytes + 34 }

    /// `location(_:)` without the capacity check: the caller reserved `locationBytes` (with the rest of its record).
    @inline(__always)
    mutating func uncheckedLocation(_ l: Location) {
        out.uncheckedRaw(" start=\"")
        out.uncheckedInt(l.start, l.decimals.start)
        out.uncheckedRaw("\" end=\"")
        out.uncheckedInt(l.end, l.decimals.end)
        out.uncheckedRaw("\" line=\"")
        out.uncheckedInt(l.line, l.decimals.line)
        out.uncheckedRaw("\" column=\"")
        out.uncheckedInt(l.column, l.decimals.column)
        out.uncheckedByte(UInt8(ascii: "\""))
    }
}
