// The emitters as they were before they were rewritten for speed (commit 0e617b1), kept as the
// reference the fast ones must match byte for byte. Positions come straight from DocPipeCore
// (`ScalarIndex`, `Document.origin(of:)`, `Document.rawPosition(ofOriginal:)`).
import DocPipeCore

/// `Document.rawPosition(ofOriginal:)`, under the name the reference locator uses.
struct RefRawPositions {
    let doc: Document
    init(_ doc: Document) { self.doc = doc }
    func position(_ offset: Int) -> (line: Int, column: Int) { doc.rawPosition(ofOriginal: offset) }
}

/// A small, fast JSON writer with a fixed key order (the caller's) and deterministic bytes.
///
/// Pretty mode indents by two spaces and writes containers opened at depth ≥ 2 on one line, so the
/// document and its layer arrays are expanded and every annotation takes exactly one line. Compact
/// mode writes no whitespace at all (for JSON Lines).
struct RefJSONWriter {
    private(set) var out: [UInt8] = []
    private let pretty: Bool
    /// One entry per open container: number of members written so far, and whether it is inline.
    private var stack: [(count: Int, inline: Bool)] = []
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 1024) {
        self.pretty = pretty
        out.reserveCapacity(capacity)
    }

    private mutating func newline(indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    /// Separator and indentation before a value or a key.
    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        guard let top = stack.last else { return }
        if top.count > 0 { out.append(UInt8(ascii: ",")) }
        if pretty {
            if top.inline { if top.count > 0 { out.append(0x20) } } else { newline(indent: stack.count) }
        }
        stack[stack.count - 1].count += 1
    }

    private mutating func open(_ bracket: UInt8) {
        prefix()
        let inline = pretty && (stack.count >= 2 || (stack.last?.inline ?? false))
        out.append(bracket)
        stack.append((0, inline))
    }

    private mutating func close(_ bracket: UInt8) {
        let top = stack.removeLast()
        if pretty, !top.inline, top.count > 0 { newline(indent: stack.count) }
        out.append(bracket)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key; keys are ASCII identifiers chosen by the emitter and need no escaping.
    mutating func key(_ k: StaticString) {
        prefix()
        out.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(0x20) }
        afterKey = true
    }

    mutating func value(_ s: String) {
        prefix()
        RefJSONWriter.appendString(s, to: &out)
    }

    /// A fix's `before`: C1 controls (U+0080–U+009F) as `\u00..`, one scalar at a time.
    mutating func beforeValue(_ s: String) {
        prefix()
        out.append(UInt8(ascii: "\""))
        for sc in s.unicodeScalars {
            if (0x80...0x9F).contains(sc.value) {
                out.append(contentsOf: Array("\\u00\(String(sc.value, radix: 16))".utf8))
            } else {
                var piece: [UInt8] = []
                RefJSONWriter.appendString(String(sc), to: &piece)
                out.append(contentsOf: piece.dropFirst().dropLast())
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func value(_ n: Int) {
        prefix()
        RefJSONWriter.appendInt(n, to: &out)
    }

    mutating func null() {
        prefix()
        out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// A number: integral values without a fraction (exact up to 2^53), others in Swift's shortest round-trip form.
    mutating func value(_ d: Double) {
        prefix()
        out.append(contentsOf: RefJSONWriter.numberText(d).utf8)
    }

    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9.007199254740992e15 { return String(Int64(d)) }
        return "\(d)"
    }

    mutating func field(_ k: StaticString, _ s: String) { key(k); value(s) }
    mutating func field(_ k: StaticString, _ n: Int) { key(k); value(n) }
    mutating func field(_ k: StaticString, _ d: Double) { key(k); value(d) }
    /// A string or null.
    mutating func field(_ k: StaticString, _ s: String?) { key(k); if let s { value(s) } else { null() } }
    /// An integer or null.
    mutating func field(_ k: StaticString, _ n: Int?) { key(k); if let n { value(n) } else { null() } }

    /// Adds a final line break (pretty files end with one).
    mutating func finishLine() { out.append(0x0A) }

    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n >= 0 && n < 10 { out.append(0x30 &+ UInt8(truncatingIfNeeded: n)); return }
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits = 1
        var p: UInt = 10
        while digits < 19 && v >= p { digits += 1; p &*= 10 }
        if v >= p { digits += 1 }
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: digits))
        out.withUnsafeMutableBufferPointer { buf in
            var i = start + digits - 1
            repeat {
                buf[i] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
                i -= 1
            } while v > 0
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters (and DEL) as `\n`, `\t`, …
    /// or `\u00XX`, U+2028 and U+2029 as `\u2028`/`\u2029` (so the output is also valid JavaScript);
    /// everything else as raw UTF-8.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { p in
            let n = p.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = p[i]
                var esc: (UInt8, UInt8)? = nil  // (kind, payload): kind 0 = short escape, 1 = \u00XX, 2 = \u202X
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xE2 {
                    i += 1
                    continue
                }
                switch b {
                case 0x22: esc = (0, 0x22)
                case 0x5C: esc = (0, 0x5C)
                case 0x0A: esc = (0, UInt8(ascii: "n"))
                case 0x0D: esc = (0, UInt8(ascii: "r"))
                case 0x09: esc = (0, UInt8(ascii: "t"))
                case 0x08: esc = (0, UInt8(ascii: "b"))
                case 0x0C: esc = (0, UInt8(ascii: "f"))
                case 0xE2:
                    if i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 { esc = (2, p[i + 2] == 0xA8 ? 8 : 9) }
                default: esc = (1, b)  // other C0 controls and DEL
                }
                guard let (kind, payload) = esc else { i += 1; continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                out.append(0x5C)
                switch kind {
                case 0:
                    out.append(payload)
                    i += 1
                case 1:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(payload >> 4)], hex[Int(payload & 15)]])
                    i += 1
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x32, 0x30, 0x32, 0x30 + payload])
                    i += 3
                }
                runStart = i
            }
            if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Writes a ``Document`` as the annotated-document JSON (`docpipe.document/1`, DESIGN §4,
/// `Schemas/docpipe-document-1.schema.json`).
///
/// - Every key is present, in a fixed order, even when its layer is empty.
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
enum RefJSONEmitter {
    /// The document JSON, pretty-printed (two-space indent, one annotation per line), ending with a line break.
    static func encode(_ doc: Document) -> [UInt8] {
        var w = RefJSONWriter(pretty: true, capacity: capacityHint(doc))
        write(doc, to: &w)
        w.finishLine()
        return w.out
    }

    /// The document JSON on a single line with no whitespace and no line break (a JSON Lines record:
    /// the caller writes the `\n`). Control characters, U+2028 and U+2029 are escaped, so the record
    /// never contains a raw line break.
    static func encodeLine(_ doc: Document) -> [UInt8] {
        var w = RefJSONWriter(pretty: false, capacity: capacityHint(doc))
        write(doc, to: &w)
        return w.out
    }

    private static func capacityHint(_ doc: Document) -> Int {
        doc.text.utf8.count + 512 + 96 * (doc.fixes.count + doc.blocks.count + doc.sentences.count + doc.tokens.count)
            + 192 * (doc.entities.count + doc.dates.count + doc.quantities.count + doc.acronyms.count + doc.claims.count)
            + 256 * doc.diagnostics.count
    }

    /// Writes `start`, `end`, `line`, `column` of a range of the text.
    private static func span(_ r: Range<Int>, _ loc: RefLocator, _ w: inout RefJSONWriter) {
        let l = loc.locate(r)
        w.field("start", l.start)
        w.field("end", l.end)
        w.field("line", l.line)
        w.field("column", l.column)
    }

    /// The layers of the extract stage: tokens, entities, acronyms, dates, quantities, claims.
    static func writeExtraction(_ doc: Document, _ loc: RefLocator, to w: inout RefJSONWriter) {
        w.key("tokens")
        w.beginArray()
        for t in doc.tokens {
            w.beginObject()
            w.field("kind", t.kind.rawValue)
            span(t.range, loc, &w)
            w.endObject()
        }
        w.endArray()

        w.key("entities")
        w.beginArray()
        for e in doc.entities {
            w.beginObject()
            w.field("id", e.id)
            w.field("type", e.kind.rawValue)
            w.field("text", doc.text.utf8Slice(loc.clamp(e.range)))
            span(e.range, loc, &w)
            w.field("normalized", e.normalized)
            w.field("refersTo", e.refersTo)
            w.endObject()
        }
        w.endArray()

        w.key("acronyms")
        w.beginArray()
        for a in doc.acronyms {
            w.beginObject()
            w.field("short", a.short)
            w.field("long", a.long)
            span(a.range, loc, &w)
            let l = loc.locate(a.longRange)
            w.field("longStart", l.start)
            w.field("longEnd", l.end)
            w.endObject()
        }
        w.endArray()

        w.key("dates")
        w.beginArray()
        for d in doc.dates {
            w.beginObject()
            w.field("type", d.kind.rawValue)
            w.field("value", d.value)
            w.field("mod", d.mod)
            w.field("from", d.from)
            w.field("to", d.to)
            w.field("quantity", d.quantity)
            w.field("text", doc.text.utf8Slice(loc.clamp(d.range)))
            span(d.range, loc, &w)
            w.endObject()
        }
        w.endArray()

        w.key("quantities")
        w.beginArray()
        for q in doc.quantities {
            w.beginObject()
            w.field("value", q.value)
            w.field("unit", q.unit)
            w.field("comparator", q.comparator.rawValue)
            w.field("text", doc.text.utf8Slice(loc.clamp(q.range)))
            span(q.range, loc, &w)
            w.endObject()
        }
        w.endArray()

        w.key("claims")
        w.beginArray()
        for c in doc.claims {
            w.beginObject()
            w.field("kind", c.kind.rawValue)
            w.field("subject", c.subject)
            w.field("subjectText", c.subjectText)
            w.field("measure", c.measure)
            w.field("value", c.value)
            w.field("comparator", c.comparator.rawValue)
            w.field("time", c.time)
            w.field("quantity", c.quantity)
            span(c.range, loc, &w)
            w.key("items")
            w.beginArray()
            for r in c.items {
                w.beginObject()
                span(r, loc, &w)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    static func write(_ doc: Document, to w: inout RefJSONWriter) {
        let loc = RefLocator(doc)
        w.beginObject()
        w.field("schema", RefDocumentFormat.schemaID)
        w.field("id", doc.id)
        w.field("offsets", RefDocumentFormat.offsets)
        w.key("source")
        w.beginObject()
        w.field("path", doc.source.path)
        w.field("sha256", doc.source.sha256)
        w.field("bytes", doc.source.bytes.count)
        w.key("encoding")
        if let e = doc.encoding { w.value(e) } else { w.null() }
        w.field("mediaType", doc.mediaType)
        w.endObject()
        w.field("text", doc.text)

        w.key("fixes")
        w.beginArray()
        for f in doc.fixes {
            let l = loc.locate(f)
            w.beginObject()
            w.field("kind", f.kind.rawValue)
            w.key("before")
            w.beforeValue(f.before)
            w.field("after", f.after)
            w.field("start", l.start)
            w.field("end", l.end)
            w.field("line", l.line)
            w.field("column", l.column)
            if let note = f.note { w.field("note", note) }
            w.endObject()
        }
        w.endArray()

        w.key("blocks")
        w.beginArray()
        for b in doc.blocks {
            let l = loc.locate(b.range)
            w.beginObject()
            w.field("kind", b.kind.rawValue)
            w.field("level", b.kind == .heading ? max(b.level, 1) : 0)
            w.field("start", l.start)
            w.field("end", l.end)
            w.field("line", l.line)
            w.field("column", l.column)
            w.endObject()
        }
        w.endArray()

        w.key("sentences")
        w.beginArray()
        for s in doc.sentences {
            w.beginObject()
            span(s.range, loc, &w)
            w.endObject()
        }
        w.endArray()

        writeExtraction(doc, loc, to: &w)

        w.key("diagnostics")
        w.beginArray()
        for d in doc.diagnostics {
            let l = loc.locate(d)
            w.beginObject()
            w.field("rule", d.rule)
            w.field("severity", d.severity.rawValue)
            w.field("message", d.message)
            w.field("start", l.start)
            w.field("end", l.end)
            w.field("line", l.line)
            w.field("column", l.column)
            w.field("endLine", l.endLine)
            w.field("endColumn", l.endColumn)
            w.key("related")
            w.beginArray()
            for r in d.related {
                w.beginObject()
                span(r.range, loc, &w)
                w.field("message", r.message)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
/// Escaping that keeps any Swift string well-formed in XML 1.0.
///
/// XML 1.0 cannot carry U+0000–U+001F other than tab, LF and CR, nor U+FFFE/U+FFFF (surrogates cannot
/// occur in a Swift string). In character data each such character becomes
/// `<ctrl code="1B">�</ctrl>`: the code stays visible and the element holds exactly one scalar
/// (U+FFFD), so the string value of `<body>` has the same scalar offsets as the text. In attribute
/// values it becomes U+FFFD. CR is written `&#13;` (and tab/LF in attributes `&#9;`/`&#10;`) so that
/// parsers' line-end and attribute normalisation give the character back unchanged; `>` is always
/// escaped, so `]]>` cannot occur.
enum RefXMLEscaper {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Character data: the UTF-8 bytes `range` of `p`.
    static func appendText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var runStart = range.lowerBound
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            let b = p[i]
            if b >= 0x20 && b != 0x26 && b != 0x3C && b != 0x3E && b != 0xEF { i += 1; continue }
            var width = 1
            var code: UInt32? = nil
            var entity: StaticString? = nil
            switch b {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x0D: entity = "&#13;"
            case 0x09, 0x0A: i += 1; continue
            case 0xEF:
                if i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                    code = p[i + 2] == 0xBE ? 0xFFFE : 0xFFFF
                    width = 3
                } else { i += 1; continue }
            default: code = UInt32(b)
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
            if let entity { entity.withUTF8Buffer { out.append(contentsOf: $0) } }
            if let code {
                out.append(contentsOf: Array("<ctrl code=\"".utf8))
                appendHex(code, to: &out)
                out.append(contentsOf: Array("\">".utf8))
                out.append(contentsOf: replacement)
                out.append(contentsOf: Array("</ctrl>".utf8))
            }
            i += width
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
    }

    static func appendText(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendText($0, 0..<$0.count, to: &out) }
    }

    /// An attribute value (without the quotes), for a double-quoted attribute.
    static func appendAttribute(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { p in
            let n = p.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = p[i]
                if b >= 0x20 && b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0xEF { i += 1; continue }
                var width = 1
                var rep: StaticString
                switch b {
                case 0x26: rep = "&amp;"
                case 0x3C: rep = "&lt;"
                case 0x3E: rep = "&gt;"
                case 0x22: rep = "&quot;"
                case 0x09: rep = "&#9;"
                case 0x0A: rep = "&#10;"
                case 0x0D: rep = "&#13;"
                case 0xEF:
                    if i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                        rep = "\u{FFFD}"
                        width = 3
                    } else { i += 1; continue }
                default: rep = "\u{FFFD}"
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                rep.withUTF8Buffer { out.append(contentsOf: $0) }
                i += width
                runStart = i
            }
            if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        }
    }

    /// Upper-case hex, at least two digits.
    static func appendHex(_ v: UInt32, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var x = v
        repeat { digits.append(hex[Int(x & 15)]); x >>= 4 } while x > 0
        if digits.count < 2 { digits.append(0x30) }
        out.append(contentsOf: digits.reversed())
    }
}

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
enum RefXMLEmitter {
    static func encode(_ doc: Document) -> [UInt8] {
        var x = RefXMLOut(capacity: doc.text.utf8.count * 2 + 1024 + 160 * (doc.fixes.count + doc.blocks.count + doc.sentences.count))
        let loc = RefLocator(doc)
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"")
        x.text(RefDocumentFormat.xmlNamespace)
        x.raw("\"")
        x.attr(" schema", RefDocumentFormat.schemaID)
        x.attr(" id", doc.id)
        x.attr(" offsets", RefDocumentFormat.offsets)
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
            x.beforeAttr(f.before)
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

        writeExtraction(doc, loc, &x)

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

    /// The stand-off layers of the extract stage.
    private static func writeExtraction(_ doc: Document, _ loc: RefLocator, _ x: inout RefXMLOut) {
        x.raw(doc.tokens.isEmpty ? "    <tokens/>\n" : "    <tokens>\n")
        for t in doc.tokens {
            x.raw("      <token")
            x.attr(" kind", t.kind.rawValue)
            x.location(loc.locate(t.range))
            x.raw("/>\n")
        }
        if !doc.tokens.isEmpty { x.raw("    </tokens>\n") }

        x.raw(doc.entities.isEmpty ? "    <entities/>\n" : "    <entities>\n")
        for e in doc.entities {
            x.raw("      <entity")
            x.attr(" id", e.id)
            x.attr(" type", e.kind.rawValue)
            x.attr(" text", doc.text.utf8Slice(loc.clamp(e.range)))
            x.location(loc.locate(e.range))
            if let n = e.normalized { x.attr(" normalized", n) }
            if let r = e.refersTo { x.attr(" refersTo", r) }
            x.raw("/>\n")
        }
        if !doc.entities.isEmpty { x.raw("    </entities>\n") }

        x.raw(doc.acronyms.isEmpty ? "    <acronyms/>\n" : "    <acronyms>\n")
        for a in doc.acronyms {
            x.raw("      <acronym")
            x.attr(" short", a.short)
            x.attr(" long", a.long)
            x.location(loc.locate(a.range))
            let l = loc.locate(a.longRange)
            x.attr(" longStart", l.start)
            x.attr(" longEnd", l.end)
            x.raw("/>\n")
        }
        if !doc.acronyms.isEmpty { x.raw("    </acronyms>\n") }

        x.raw(doc.dates.isEmpty ? "    <dates/>\n" : "    <dates>\n")
        for d in doc.dates {
            x.raw("      <date")
            x.attr(" type", d.kind.rawValue)
            x.attr(" value", d.value)
            if let m = d.mod { x.attr(" mod", m) }
            if let f = d.from { x.attr(" from", f) }
            if let t = d.to { x.attr(" to", t) }
            if let q = d.quantity { x.attr(" quantity", q) }
            x.attr(" text", doc.text.utf8Slice(loc.clamp(d.range)))
            x.location(loc.locate(d.range))
            x.raw("/>\n")
        }
        if !doc.dates.isEmpty { x.raw("    </dates>\n") }

        x.raw(doc.quantities.isEmpty ? "    <quantities/>\n" : "    <quantities>\n")
        for q in doc.quantities {
            x.raw("      <quantity")
            x.attr(" value", RefJSONWriter.numberText(q.value))
            x.attr(" unit", q.unit)
            x.attr(" comparator", q.comparator.rawValue)
            x.attr(" text", doc.text.utf8Slice(loc.clamp(q.range)))
            x.location(loc.locate(q.range))
            x.raw("/>\n")
        }
        if !doc.quantities.isEmpty { x.raw("    </quantities>\n") }

        x.raw(doc.claims.isEmpty ? "    <claims/>\n" : "    <claims>\n")
        for c in doc.claims {
            x.raw("      <claim")
            x.attr(" kind", c.kind.rawValue)
            if let s = c.subject { x.attr(" subject", s) }
            x.attr(" subjectText", c.subjectText)
            x.attr(" measure", c.measure)
            x.attr(" value", RefJSONWriter.numberText(c.value))
            x.attr(" comparator", c.comparator.rawValue)
            if let t = c.time { x.attr(" time", t) }
            if let q = c.quantity { x.attr(" quantity", q) }
            x.location(loc.locate(c.range))
            if c.items.isEmpty { x.raw("/>\n"); continue }
            x.raw(">\n")
            for r in c.items {
                x.raw("        <item")
                x.location(loc.locate(r))
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

    /// An inline annotation of the body: UTF-8 range, rank and index in its layer.
    private struct Span {
        var start: Int
        var end: Int
        var rank: Int
        var index: Int
    }

    private static func writeBody(_ doc: Document, _ loc: RefLocator, _ x: inout RefXMLOut) {
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
            spans.reserveCapacity(doc.blocks.count + doc.sentences.count + doc.fixes.count + doc.entities.count + doc.dates.count + doc.quantities.count)
            func add(_ r: Range<Int>, _ rank: Rank, _ i: Int) {
                if usable(r) { spans.append(Span(start: r.lowerBound, end: r.upperBound, rank: rank.rawValue, index: i)) }
            }
            for (i, b) in doc.blocks.enumerated() { add(b.range, .block, i) }
            for (i, s) in doc.sentences.enumerated() { add(s.range, .sentence, i) }
            for (i, q) in doc.quantities.enumerated() { add(q.range, .quantity, i) }
            for (i, d) in doc.dates.enumerated() { add(d.range, .date, i) }
            for (i, a) in doc.acronyms.enumerated() { add(a.range, .acronym, i) }
            for (i, e) in doc.entities.enumerated() { add(e.range, .entity, i) }
            for (i, f) in doc.fixes.enumerated() { add(f.range, .fix, i) }
            spans.sort { a, b in
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end > b.end }
                if a.rank != b.rank { return a.rank < b.rank }
                return a.index < b.index
            }
            var stack: [Span] = []
            var pos = 0
            func close(_ s: Span) {
                RefXMLEscaper.appendText(p, pos..<s.end, to: &x.out)
                pos = s.end
                switch Rank(rawValue: s.rank)! {
                case .block:
                    switch doc.blocks[s.index].kind {
                    case .heading: x.raw("</heading>")
                    case .paragraph: x.raw("</p>")
                    case .listItem: x.raw("</item>")
                    }
                case .sentence: x.raw("</s>")
                case .quantity: x.raw("</quantity>")
                case .date: x.raw("</date>")
                case .acronym: x.raw("</acronym>")
                case .entity:
                    x.raw("</")
                    x.out.append(contentsOf: doc.entities[s.index].kind.rawValue.lowercased().utf8)
                    x.raw(">")
                case .fix: x.raw("</fix>")
                }
            }
            for s in spans {
                while let top = stack.last, top.end <= s.start { close(top); stack.removeLast() }
                if let top = stack.last, top.end < s.end || top.rank >= s.rank { continue }
                RefXMLEscaper.appendText(p, pos..<s.start, to: &x.out)
                pos = s.start
                switch Rank(rawValue: s.rank)! {
                case .block:
                    let b = doc.blocks[s.index]
                    switch b.kind {
                    case .heading:
                        x.raw("<heading")
                        x.attr(" level", max(b.level, 1))
                        x.raw(">")
                    case .paragraph: x.raw("<p>")
                    case .listItem: x.raw("<item>")
                    }
                case .sentence: x.raw("<s>")
                case .quantity:
                    let q = doc.quantities[s.index]
                    x.raw("<quantity")
                    x.attr(" value", RefJSONWriter.numberText(q.value))
                    x.attr(" unit", q.unit)
                    x.attr(" comparator", q.comparator.rawValue)
                    x.raw(">")
                case .date:
                    let d = doc.dates[s.index]
                    x.raw("<date")
                    x.attr(" type", d.kind.rawValue)
                    x.attr(" value", d.value)
                    if let m = d.mod { x.attr(" mod", m) }
                    x.raw(">")
                case .acronym:
                    x.raw("<acronym")
                    x.attr(" long", doc.acronyms[s.index].long)
                    x.raw(">")
                case .entity:
                    let e = doc.entities[s.index]
                    x.raw("<")
                    x.out.append(contentsOf: e.kind.rawValue.lowercased().utf8)
                    x.attr(" id", e.id)
                    if let n = e.normalized { x.attr(" normalized", n) }
                    if let r = e.refersTo { x.attr(" refersTo", r) }
                    x.raw(">")
                case .fix:
                    let f = doc.fixes[s.index]
                    x.raw("<fix")
                    x.attr(" kind", f.kind.rawValue)
                    x.beforeAttr(f.before)
                    x.raw(">")
                }
                stack.append(s)
            }
            while let top = stack.popLast() { close(top) }
            RefXMLEscaper.appendText(p, pos..<n, to: &x.out)
        }
    }
}

/// Output buffer of the XML emitter.
struct RefXMLOut {
    var out: [UInt8] = []

    init(capacity: Int) { out.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }
    mutating func text(_ s: String) { RefXMLEscaper.appendText(s, to: &out) }

    /// ` name="value"`; `name` includes its leading space.
    mutating func attr(_ name: StaticString, _ value: String) {
        raw(name)
        out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        RefXMLEscaper.appendAttribute(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// A fix's ` before="…"`: C1 controls (U+0080–U+009F) as `&#x..;`, one scalar at a time.
    mutating func beforeAttr(_ value: String) {
        raw(" before=\"")
        for sc in value.unicodeScalars {
            if (0x80...0x9F).contains(sc.value) {
                out.append(contentsOf: Array("&#x\(String(sc.value, radix: 16));".utf8))
            } else {
                RefXMLEscaper.appendAttribute(String(sc), to: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func attr(_ name: StaticString, _ value: Int) {
        raw(name)
        out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        RefJSONWriter.appendInt(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    mutating func location(_ l: RefLocation) {
        attr(" start", l.start)
        attr(" end", l.end)
        attr(" line", l.line)
        attr(" column", l.column)
    }
}

/// The identifiers of the published format, as the emitters had them.
enum RefDocumentFormat {
    /// Schema id written in every document (`schema` key in JSON, `schema` attribute in XML).
    static let schemaID = "docpipe.document/1"
    /// XML namespace of the document format.
    static let xmlNamespace = "urn:docpipe:document:1"
    /// What `start`/`end` count.
    static let offsets = "unicode-scalars"
}

/// Where an annotation stands: scalar offsets in the current text, and 1-based line/column in the raw file.
struct RefLocation {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
}

/// Converts the UTF-8 ranges of a document's layers into the locations the formats publish.
///
/// One ``ScalarIndex`` over the current text is built once per document; each conversion is then a
/// bounded scan plus two binary searches, so locating every annotation stays linear overall.
struct RefLocator {
    let doc: Document
    private let scalars: ScalarIndex
    private let raw: RefRawPositions
    let textBytes: Int
    let originalBytes: Int
    let scalarCount: Int

    init(_ doc: Document) {
        self.doc = doc
        scalars = ScalarIndex(doc.text)
        raw = RefRawPositions(doc)
        textBytes = doc.text.utf8.count
        originalBytes = doc.original.utf8.count
        scalarCount = scalars.scalarOffset(textBytes)
    }

    /// A range clamped to the text (ranges are never out of bounds in a sound pipeline; the output stays valid if one is).
    func clamp(_ r: Range<Int>) -> Range<Int> {
        let a = min(max(r.lowerBound, 0), textBytes)
        let b = min(max(r.upperBound, a), textBytes)
        return a..<b
    }

    /// RefLocation of a range of the current text; line/column through the document's source map
    /// (the same as `Document.rawSpan(of:)`). The end position is computed only when `withEnd`.
    func locate(_ range: Range<Int>, withEnd: Bool = false) -> RefLocation {
        let r = clamp(range)
        let o = doc.origin(of: r)
        let a = raw.position(o.lowerBound)
        let b = withEnd ? raw.position(o.upperBound) : a
        return RefLocation(start: scalars.scalarOffset(r.lowerBound), end: scalars.scalarOffset(r.upperBound),
                        line: a.line, column: a.column, endLine: b.line, endColumn: b.column)
    }

    /// RefLocation of a fix: offsets in the current text, line/column where the replaced original text started.
    func locate(_ fix: Fix) -> RefLocation {
        let r = clamp(fix.range)
        let a = min(max(fix.origin.lowerBound, 0), originalBytes)
        let p = raw.position(a)
        return RefLocation(start: scalars.scalarOffset(r.lowerBound), end: scalars.scalarOffset(r.upperBound),
                        line: p.line, column: p.column, endLine: p.line, endColumn: p.column)
    }

    /// RefLocation of a diagnostic; a finding about the whole document (nil range) spans the whole text:
    /// start 0, end = length, line 1 column 1 to the end of the raw file.
    func locate(_ diagnostic: Diagnostic) -> RefLocation {
        if let r = diagnostic.range, let o = diagnostic.origin {
            // About text the cleaner removed: offsets where it was, line/column where it stood in the raw file.
            let c = clamp(r)
            let a = raw.position(min(o.lowerBound, originalBytes)), b = raw.position(min(o.upperBound, originalBytes))
            return RefLocation(start: scalars.scalarOffset(c.lowerBound), end: scalars.scalarOffset(c.upperBound),
                            line: a.line, column: a.column, endLine: b.line, endColumn: b.column)
        }
        if let r = diagnostic.range { return locate(r, withEnd: true) }
        let end = raw.position(originalBytes)
        return RefLocation(start: 0, end: scalarCount, line: 1, column: 1, endLine: end.line, endColumn: end.column)
    }
}
