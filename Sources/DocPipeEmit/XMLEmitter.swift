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
    public static func encode(_ doc: Document) -> [UInt8] {
        var x = XMLOut(capacity: doc.text.utf8.count * 2 + 1024 + 160 * (doc.fixes.count + doc.blocks.count + doc.sentences.count))
        let loc = Locator(doc)
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
        writeBody(doc, loc, &x)
        x.raw("</body>\n  <standoff>\n")

        x.raw(doc.fixes.isEmpty ? "    <fixes/>\n" : "    <fixes>\n")
        for f in doc.fixes {
            let l = loc.locate(f)
            x.raw("      <fix")
            x.attr(" kind", f.kind.rawValue)
            x.attr(" before", f.before)
            x.attr(" after", f.after)
            x.location(l)
            if let note = f.note { x.attr(" note", note) }
            x.raw("/>\n")
        }
        if !doc.fixes.isEmpty { x.raw("    </fixes>\n") }

        x.raw(doc.blocks.isEmpty ? "    <blocks/>\n" : "    <blocks>\n")
        for b in doc.blocks {
            x.raw("      <block")
            x.attr(" kind", b.kind.rawValue)
            x.attr(" level", b.kind == .heading ? max(b.level, 1) : 0)
            x.location(loc.locate(b.range))
            x.raw("/>\n")
        }
        if !doc.blocks.isEmpty { x.raw("    </blocks>\n") }

        x.raw(doc.sentences.isEmpty ? "    <sentences/>\n" : "    <sentences>\n")
        for s in doc.sentences {
            x.raw("      <sentence")
            x.location(loc.locate(s.range))
            x.raw("/>\n")
        }
        if !doc.sentences.isEmpty { x.raw("    </sentences>\n") }

        // Layers of the extract stage; filled by a later issue.
        x.raw("    <tokens/>\n    <entities/>\n    <acronyms/>\n    <dates/>\n    <quantities/>\n    <claims/>\n")

        x.raw(doc.diagnostics.isEmpty ? "    <diagnostics/>\n" : "    <diagnostics>\n")
        for d in doc.diagnostics {
            let l = loc.locate(d)
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
                x.location(loc.locate(r.range))
                x.attr(" message", r.message)
                x.raw("/>\n")
            }
            x.raw("      </diagnostic>\n")
        }
        if !doc.diagnostics.isEmpty { x.raw("    </diagnostics>\n") }
        x.raw("  </standoff>\n</document>\n")
        return x.out
    }

    /// An inline annotation of the body: UTF-8 range, rank (0 block, 1 sentence, 2 fix) and index in its layer.
    private struct Span {
        var start: Int
        var end: Int
        var rank: Int
        var index: Int
    }

    private static func writeBody(_ doc: Document, _ loc: Locator, _ x: inout XMLOut) {
        var text = doc.text
        text.withUTF8 { p in
            let n = p.count
            // Only ranges that are non-empty and fall on scalar boundaries can be marked inline.
            func usable(_ r: Range<Int>) -> Bool {
                r.lowerBound >= 0 && r.lowerBound < r.upperBound && r.upperBound <= n
                    && (r.lowerBound == n || !UTF8Bytes.isContinuation(p[r.lowerBound]))
                    && (r.upperBound == n || !UTF8Bytes.isContinuation(p[r.upperBound]))
            }
            var spans: [Span] = []
            spans.reserveCapacity(doc.blocks.count + doc.sentences.count + doc.fixes.count)
            for (i, b) in doc.blocks.enumerated() where usable(b.range) { spans.append(Span(start: b.range.lowerBound, end: b.range.upperBound, rank: 0, index: i)) }
            for (i, s) in doc.sentences.enumerated() where usable(s.range) { spans.append(Span(start: s.range.lowerBound, end: s.range.upperBound, rank: 1, index: i)) }
            for (i, f) in doc.fixes.enumerated() where usable(f.range) { spans.append(Span(start: f.range.lowerBound, end: f.range.upperBound, rank: 2, index: i)) }
            spans.sort { a, b in
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end > b.end }
                if a.rank != b.rank { return a.rank < b.rank }
                return a.index < b.index
            }
            var stack: [Span] = []
            var pos = 0
            func close(_ s: Span) {
                XMLEscaper.appendText(p, pos..<s.end, to: &x.out)
                pos = s.end
                switch s.rank {
                case 0:
                    switch doc.blocks[s.index].kind {
                    case .heading: x.raw("</heading>")
                    case .paragraph: x.raw("</p>")
                    case .listItem: x.raw("</item>")
                    }
                case 1: x.raw("</s>")
                default: x.raw("</fix>")
                }
            }
            for s in spans {
                while let top = stack.last, top.end <= s.start { close(top); stack.removeLast() }
                if let top = stack.last, top.end < s.end || top.rank >= s.rank { continue }
                XMLEscaper.appendText(p, pos..<s.start, to: &x.out)
                pos = s.start
                switch s.rank {
                case 0:
                    let b = doc.blocks[s.index]
                    switch b.kind {
                    case .heading:
                        x.raw("<heading")
                        x.attr(" level", max(b.level, 1))
                        x.raw(">")
                    case .paragraph: x.raw("<p>")
                    case .listItem: x.raw("<item>")
                    }
                case 1: x.raw("<s>")
                default:
                    let f = doc.fixes[s.index]
                    x.raw("<fix")
                    x.attr(" kind", f.kind.rawValue)
                    x.attr(" before", f.before)
                    x.raw(">")
                }
                stack.append(s)
            }
            while let top = stack.popLast() { close(top) }
            XMLEscaper.appendText(p, pos..<n, to: &x.out)
        }
    }
}

/// Output buffer of the XML emitter.
struct XMLOut {
    var out: [UInt8] = []

    init(capacity: Int) { out.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }
    mutating func text(_ s: String) { XMLEscaper.appendText(s, to: &out) }

    /// ` name="value"`; `name` includes its leading space.
    mutating func attr(_ name: StaticString, _ value: String) {
        raw(name)
        out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        XMLEscaper.appendAttribute(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    mutating func attr(_ name: StaticString, _ value: Int) {
        raw(name)
        out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        JSONWriter.appendInt(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    mutating func location(_ l: Location) {
        attr(" start", l.start)
        attr(" end", l.end)
        attr(" line", l.line)
        attr(" column", l.column)
    }
}
