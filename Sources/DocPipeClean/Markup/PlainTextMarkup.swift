import DocPipeCore

/// Stray tags in a plain-text document (never treated as HTML as a whole).
///
/// - A line that is a heading tag (well-formed or malformed: `<h3<Title`, `<h3>Title`, `<h3>Title</h3>`,
///   `<h2 Title`) plus text becomes just the text, with a heading block of that level over it; the removed
///   tags are `.markup` fixes.
/// - Closing tags of known elements, opening block wrappers and inline formatting (`<p>`, `<div>`, `<span>`,
///   `<a>`, `<b>` …, with or without attributes) and a lone `<br>` are removed with a `.markup` fix; a
///   `<br>` between text on both sides becomes a line break.
/// - Any other known tag, comment or doctype is left and reported in `residue` (input ranges).
/// Only heading blocks are returned: paragraphs of plain text are the segmenter's job.
public enum PlainTextMarkup {
    public struct Result: Sendable {
        public var rewrite: Rewrite
        public var blocks: [Block]
        /// Ranges of the input text of markup left in place.
        public var residue: [Range<Int>]
    }

    public static func rewrite(_ text: String) -> (Rewrite, [Block]) {
        let r = process(text)
        return (r.rewrite, r.blocks)
    }

    public static func process(_ text: String) -> Result {
        var text = text
        text.makeContiguousUTF8()
        let n = text.utf8.count
        var builder: TextBuilder?
        var blocks: [Block] = []
        var residue: [Range<Int>] = []
        text.withBytes { p in
            var i = UTF8Bytes.find(0x3C, in: p, from: 0, to: n)
            while i < n {
                // The line holding this `<`.
                var ls = i
                while ls > 0, p[ls - 1] != 0x0A, p[ls - 1] != 0x0D { ls -= 1 }
                let le = ByteScan.lineEnd(p, from: i)
                if builder == nil { builder = TextBuilder(source: text, capacity: n) }
                if let h = headingLine(p, lineStart: ls, lineEnd: le, firstTag: i) {
                    builder!.copy(upTo: h.open.lowerBound)
                    builder!.replace(h.open, with: "", fix: .markup, note: "heading tag in plain text: the line is a heading")
                    let start = builder!.builtLength
                    builder!.copy(h.open.upperBound..<h.titleEnd)
                    blocks.append(Block(kind: .heading, level: h.level, range: start..<builder!.builtLength, fromMarkup: true))
                    if let c = h.close { builder!.replace(c, with: "", fix: .markup, note: "closing heading tag") }
                } else {
                    strayTags(p, from: i, lineStart: ls, lineEnd: le, builder: &builder!, residue: &residue)
                }
                i = UTF8Bytes.find(0x3C, in: p, from: max(le, i + 1), to: n)
            }
        }
        guard let b = builder else { return Result(rewrite: .identity(text), blocks: [], residue: []) }
        return Result(rewrite: b.finish(), blocks: blocks, residue: residue)
    }

    struct HeadingLine {
        var level: Int
        /// The opening tag plus the spaces after it.
        var open: Range<Int>
        var titleEnd: Int
        /// The closing tag plus the spaces before it, if any.
        var close: Range<Int>?
    }

    static func headingLine(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int, firstTag: Int) -> HeadingLine? {
        var s = lineStart
        while s < lineEnd, p[s] == 0x20 || p[s] == 0x09 { s += 1 }
        guard s == firstTag, let m = TagScanner.scan(p, at: s), !m.closing, !m.hasAttributes,
              m.range.upperBound <= lineEnd else { return nil }
        let level = TagScanner.headingLevel(m.name)
        guard level > 0 else { return nil }
        var t = m.range.upperBound
        while t < lineEnd, p[t] == 0x20 || p[t] == 0x09 { t += 1 }
        // The title runs to the line end or to a closing heading tag followed only by spaces.
        var e = lineEnd
        var close: Range<Int>?
        var k = UTF8Bytes.find(0x3C, in: p, from: t, to: lineEnd)
        while k < lineEnd {
            if let c = TagScanner.scan(p, at: k) {
                guard c.closing, TagScanner.headingLevel(c.name) > 0 else { return nil }
                var after = c.range.upperBound
                while after < lineEnd, p[after] == 0x20 || p[after] == 0x09 { after += 1 }
                guard after == lineEnd else { return nil }
                e = k
                close = k..<c.range.upperBound
                break
            }
            k = UTF8Bytes.find(0x3C, in: p, from: k + 1, to: lineEnd)
        }
        var te = e
        while te > t, p[te - 1] == 0x20 || p[te - 1] == 0x09 { te -= 1 }
        guard te > t else { return nil }
        if let c = close { close = te..<c.upperBound }
        return HeadingLine(level: level, open: s..<t, titleEnd: te, close: close)
    }

    /// Opening tags removed from plain text whatever their attributes.
    static let wrappers: Set<String> = ["p", "div", "span", "font", "a", "b", "i", "u", "em", "strong", "sup", "sub", "small", "big"]

    /// A `<` between `lineStart` and `end` with no `>` after it.
    static func insideOpenBracket(_ p: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ end: Int) -> Bool {
        var k = end
        while k > lineStart {
            k -= 1
            if p[k] == 0x3E { return false }
            if p[k] == 0x3C { return true }
        }
        return false
    }

    static func strayTags(_ p: UnsafeBufferPointer<UInt8>, from first: Int, lineStart: Int, lineEnd: Int,
                          builder b: inout TextBuilder, residue: inout [Range<Int>]) {
        var i = first
        while i < lineEnd {
            var next = i + 1
            if let m = TagScanner.scan(p, at: i) {
                // Block wrappers (`<p>`, `<div class="mw-content">`) and inline formatting (`<span style=…>`,
                // `<b>`) carry no text, whatever their attributes: left in place they split the paragraph or
                // list they open, or make a heading of the line.
                // Not inside an unclosed `<` (`<<b>/p>`): removing the tag would join a new tag, and a second
                // clean would remove that one (clean must be idempotent).
                let removable = (m.closing || Self.wrappers.contains(m.name) || (!m.hasAttributes && m.name == "br"))
                    && !insideOpenBracket(p, lineStart, m.range.lowerBound)
                if removable {
                    b.copy(upTo: m.range.lowerBound)
                    var replacement = ""
                    if m.name == "br" && !m.closing {
                        let textBefore = m.range.lowerBound > lineStart && !ByteScan.isSpace(p[m.range.lowerBound - 1])
                        let textAfter = m.range.upperBound < lineEnd && !ByteScan.isSpace(p[m.range.upperBound])
                        if textBefore && textAfter { replacement = "\n" }
                    }
                    b.replace(m.range, with: replacement, fix: .markup, note: "stray tag in plain text")
                } else {
                    residue.append(m.range)
                }
                next = max(m.range.upperBound, i + 1)
            } else if i + 1 < lineEnd, p[i + 1] == 0x21, i + 2 < lineEnd, p[i + 2] == 0x2D || ByteScan.isAlpha(p[i + 2]) {
                let gt = UTF8Bytes.find(0x3E, in: p, from: i, to: lineEnd)
                residue.append(i..<min(gt + 1, lineEnd))
                next = gt + 1
            }
            i = UTF8Bytes.find(0x3C, in: p, from: next, to: lineEnd)
        }
    }
}
