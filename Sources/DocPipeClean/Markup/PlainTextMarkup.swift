import DocPipeCore

/// Stray tags in a plain-text document (never treated as HTML as a whole).
///
/// - A line that is a heading tag (well-formed or malformed: `<h3<Title`, `<h3>Title`, `<h3>Title</h3>`,
///   `<h2 Title`) plus text becomes just the text, with a heading block of that level over it; the removed
///   tags are `.markup` fixes. Stray tags (below) before, inside or after the title go with it
///   (`<p><h3>Title</p>`), and a `<br>` between text ends the title.
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
            // Where the last `<br>` that became a line break ends: a line starts there (`a<br><h3>T`
            // is a heading line once the `<br>` is a line break, as the next clean would find).
            var lineFrom = 0
            // The end of the line last found: after a `<br>` the next `<` is often on the same line, and walking to
            // its end again for each would be quadratic in a long line with many `<br>`s.
            var le = -1
            while i < n {
                // The line holding this `<`.
                var ls = i
                while ls > lineFrom, p[ls - 1] != 0x0A, p[ls - 1] != 0x0D { ls -= 1 }
                if i >= le { le = ByteScan.lineEnd(p, from: i) }
                if builder == nil { builder = TextBuilder(source: text, capacity: n) }
                var resume: Int?
                if let h = headingLine(p, lineStart: ls, lineEnd: le, firstTag: i) {
                    for r in h.lead {
                        builder!.copy(upTo: r.lowerBound)
                        builder!.replace(r, with: "", fix: .markup, note: "stray tag in plain text")
                    }
                    builder!.copy(upTo: h.open.lowerBound)
                    builder!.replace(h.open, with: "", fix: .markup, note: "heading tag in plain text: the line is a heading")
                    let start = builder!.builtLength
                    for r in h.inner {
                        builder!.copy(upTo: r.lowerBound)
                        builder!.replace(r, with: "", fix: .markup, note: "stray tag in plain text")
                    }
                    builder!.copy(upTo: h.titleEnd)
                    blocks.append(Block(kind: .heading, level: h.level, range: start..<builder!.builtLength, fromMarkup: true))
                    if let c = h.close { builder!.replace(c, with: "", fix: .markup, note: "closing heading tag") }
                    for r in h.trail {
                        builder!.copy(upTo: r.lowerBound)
                        builder!.replace(r, with: "", fix: .markup, note: "stray tag in plain text")
                    }
                    if let rest = h.rest {
                        resume = strayTags(p, from: rest, lineStart: ls, lineEnd: le, builder: &builder!, residue: &residue)
                    }
                } else {
                    resume = strayTags(p, from: i, lineStart: ls, lineEnd: le, builder: &builder!, residue: &residue)
                }
                if let r = resume {
                    lineFrom = r
                    i = UTF8Bytes.find(0x3C, in: p, from: r, to: n)
                } else {
                    i = UTF8Bytes.find(0x3C, in: p, from: max(le, i + 1), to: n)
                }
            }
        }
        guard let b = builder else { return Result(rewrite: .identity(text), blocks: [], residue: []) }
        return Result(rewrite: b.finish(), blocks: blocks, residue: residue)
    }

    struct HeadingLine {
        var level: Int
        /// Stray tags before the heading tag (`<p><h3>Title`), removed.
        var lead: [Range<Int>] = []
        /// The opening tag plus the spaces after it.
        var open: Range<Int>
        /// Stray tags inside the title (`<h3>Title</p>`, `<h3><b>Title</b>`), removed.
        var inner: [Range<Int>] = []
        var titleEnd: Int
        /// The closing tag plus the spaces before it, if any.
        var close: Range<Int>?
        /// Stray tags after the closing tag (`</h3></div>`), removed.
        var trail: [Range<Int>] = []
        /// A `<br>` that ends the title with text after it: the rest of the line is stray-tag text.
        var rest: Int?
    }

    /// Whether `m` is a tag that ``strayTags`` removes: a heading line is judged as it reads without
    /// them, or a second clean would find the heading the first one left (`<h3>Title</p>` → `<h3>Title`).
    static func isStray(_ p: UnsafeBufferPointer<UInt8>, _ m: TagScanner.Match, lineStart: Int) -> Bool {
        (m.closing || wrappers.contains(m.name) || (!m.hasAttributes && m.name == "br"))
            && !insideOpenBracket(p, lineStart, m.range.lowerBound)
    }

    /// Whether `m` is a `<br>` between text on both sides, which becomes a line break.
    static func breaksLine(_ p: UnsafeBufferPointer<UInt8>, _ m: TagScanner.Match, lineStart: Int, lineEnd: Int) -> Bool {
        guard m.name == "br" && !m.closing else { return false }
        let textBefore = m.range.lowerBound > lineStart && !ByteScan.isSpace(p[m.range.lowerBound - 1])
        let textAfter = m.range.upperBound < lineEnd && !ByteScan.isSpace(p[m.range.upperBound])
        return textBefore && textAfter
    }

    /// Spaces, tabs and no-break spaces (the whitespace pass trims them all at a line's ends).
    @inline(__always) static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> Int {
        var k = k
        while k < end, case let w = TagScanner.spaceWidth(p, k), w > 0 { k += w }
        return min(k, end)
    }

    static func headingLine(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int, firstTag: Int) -> HeadingLine? {
        var s = skipSpaces(p, lineStart, lineEnd)
        guard s == firstTag else { return nil }
        var lead: [Range<Int>] = []
        var open: TagScanner.Match?
        while s < lineEnd, p[s] == 0x3C, let m = TagScanner.scan(p, at: s), m.range.upperBound <= lineEnd {
            if !m.closing, TagScanner.headingLevel(m.name) > 0 { open = m; break }
            guard isStray(p, m, lineStart: lineStart), !breaksLine(p, m, lineStart: lineStart, lineEnd: lineEnd) else { return nil }
            lead.append(m.range)
            s = skipSpaces(p, m.range.upperBound, lineEnd)
        }
        guard let m = open, !m.hasAttributes else { return nil }
        let level = TagScanner.headingLevel(m.name)
        let t = skipSpaces(p, m.range.upperBound, lineEnd)
        // The title runs to the line end or to a closing heading tag followed only by spaces and stray
        // tags; stray tags inside it are removed, and a `<br>` between text ends it.
        var e = lineEnd
        var close: Range<Int>?
        var inner: [Range<Int>] = [], trail: [Range<Int>] = []
        var rest: Int?
        var k = UTF8Bytes.find(0x3C, in: p, from: t, to: lineEnd)
        while k < lineEnd {
            guard let c = TagScanner.scan(p, at: k) else {
                k = UTF8Bytes.find(0x3C, in: p, from: k + 1, to: lineEnd)
                continue
            }
            if c.closing, TagScanner.headingLevel(c.name) > 0 {
                var after = skipSpaces(p, c.range.upperBound, lineEnd)
                while after < lineEnd, p[after] == 0x3C, let x = TagScanner.scan(p, at: after),
                      x.range.upperBound <= lineEnd, isStray(p, x, lineStart: lineStart) {
                    trail.append(x.range)
                    after = skipSpaces(p, x.range.upperBound, lineEnd)
                }
                guard after == lineEnd else { return nil }
                e = k
                close = k..<c.range.upperBound
                break
            }
            guard isStray(p, c, lineStart: lineStart), c.range.upperBound <= lineEnd else { return nil }
            if breaksLine(p, c, lineStart: lineStart, lineEnd: lineEnd) { e = k; rest = k; break }
            inner.append(c.range)
            k = UTF8Bytes.find(0x3C, in: p, from: c.range.upperBound, to: lineEnd)
        }
        var te = e
        while te > t, p[te - 1] == 0x20 || p[te - 1] == 0x09 { te -= 1 }
        // Inner tags at the end of the title are not part of it.
        var cut = inner.count
        while cut > 0, inner[cut - 1].upperBound >= te {
            cut -= 1
            te = inner[cut].lowerBound
            while te > t, p[te - 1] == 0x20 || p[te - 1] == 0x09 { te -= 1 }
        }
        if cut < inner.count {
            if let c = close { close = inner[cut].lowerBound..<c.upperBound } else { trail = Array(inner[cut...]) + trail }
            inner.removeSubrange(cut...)
        }
        // The title must hold text besides the stray tags.
        var hasText = false, q = t
        for r in inner + [te..<te] {
            if skipSpaces(p, q, r.lowerBound) < r.lowerBound { hasText = true; break }
            q = r.upperBound
        }
        guard hasText, te > t else { return nil }
        if let c = close { close = te..<c.upperBound }
        return HeadingLine(level: level, lead: lead, open: s..<t, inner: inner, titleEnd: te, close: close, trail: trail, rest: rest)
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

    /// The stray tags of a line from `first`. Stops after a `<br>` that becomes a line break, and
    /// returns where it ends: the rest is a line of its own.
    static func strayTags(_ p: UnsafeBufferPointer<UInt8>, from first: Int, lineStart: Int, lineEnd: Int,
                          builder b: inout TextBuilder, residue: inout [Range<Int>]) -> Int? {
        var i = first
        while i < lineEnd {
            var next = i + 1
            if let m = TagScanner.scan(p, at: i) {
                // Block wrappers (`<p>`, `<div class="mw-content">`) and inline formatting (`<span style=…>`,
                // `<b>`) carry no text, whatever their attributes: left in place they split the paragraph or
                // list they open, or make a heading of the line.
                // Not inside an unclosed `<` (`<<b>/p>`): removing the tag would join a new tag, and a second
                // clean would remove that one (clean must be idempotent).
                if isStray(p, m, lineStart: lineStart) {
                    b.copy(upTo: m.range.lowerBound)
                    let breaks = breaksLine(p, m, lineStart: lineStart, lineEnd: lineEnd)
                    b.replace(m.range, with: breaks ? "\n" : "", fix: .markup, note: "stray tag in plain text")
                    if breaks { return m.range.upperBound }
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
        return nil
    }
}
