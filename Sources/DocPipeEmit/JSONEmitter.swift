import DocPipeCore

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
public enum JSONEmitter {
    /// The document JSON, pretty-printed (two-space indent, one annotation per line), ending with a line break.
    public static func encode(_ doc: Document) -> [UInt8] {
        var w = JSONWriter(pretty: true, capacity: capacityHint(doc))
        write(doc, to: &w)
        w.finishLine()
        return w.out
    }

    /// The document JSON on a single line with no whitespace and no line break (a JSON Lines record:
    /// the caller writes the `\n`). Control characters, U+2028 and U+2029 are escaped, so the record
    /// never contains a raw line break.
    public static func encodeLine(_ doc: Document) -> [UInt8] {
        var w = JSONWriter(pretty: false, capacity: capacityHint(doc))
        write(doc, to: &w)
        return w.out
    }

    private static func capacityHint(_ doc: Document) -> Int {
        doc.text.utf8.count + 512 + 96 * (doc.fixes.count + doc.blocks.count + doc.sentences.count + doc.tokens.count)
            + 192 * (doc.entities.count + doc.dates.count + doc.quantities.count + doc.acronyms.count + doc.claims.count)
            + 256 * doc.diagnostics.count
    }

    /// Writes `start`, `end`, `line`, `column` of a range of the text.
    private static func span(_ r: Range<Int>, _ loc: Locator, _ w: inout JSONWriter) {
        let l = loc.locate(r)
        w.field("start", l.start)
        w.field("end", l.end)
        w.field("line", l.line)
        w.field("column", l.column)
    }

    /// The layers of the extract stage: tokens, entities, acronyms, dates, quantities, claims.
    static func writeExtraction(_ doc: Document, _ loc: Locator, to w: inout JSONWriter) {
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

    static func write(_ doc: Document, to w: inout JSONWriter) {
        let loc = Locator(doc)
        w.beginObject()
        w.field("schema", DocumentFormat.schemaID)
        w.field("id", doc.id)
        w.field("offsets", DocumentFormat.offsets)
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
            w.field("before", f.before)
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
