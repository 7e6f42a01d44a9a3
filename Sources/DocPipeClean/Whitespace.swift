import DocPipeCore

/// Normalises whitespace, line by line: line endings to LF, no trailing spaces, single spaces inside
/// lines, at most one blank line in a row, no blank lines at the start or end, bullet lines without
/// indentation, and non-breaking spaces turned into spaces where they are damage.
///
/// A non-breaking space is kept where typography wants one: next to a digit (`10 km`, `1 000`), after
/// `§`, `¶` or `№`, and before `%`, `‰` or a currency sign. Anywhere else, between ordinary words, it is
/// an artefact of scraping (`&nbsp;` runs) and becomes a space.
struct WhitespacePass {
    var lineEndings = true
    var trailing = true
    var innerRuns = true
    var blankLines = true
    var nbsp = true
    var bullets = true

    private static let bulletLeads: [[UInt8]] = ["•", "·", "▪", "‣", "◦", "–", "-", "*", "○", "■"].map { Array($0.utf8) }

    func rewrite(_ text: String) -> Rewrite {
        var b = TextBuilder(source: text)
        let u = b.source.utf8
        u.withContiguousStorageIfAvailable { p in
            let n = p.count
            var i = 0
            var blankStart: Int? = nil   // start of a run of blank lines not yet emitted
            var blankBreaks = 0
            var sawContent = false
            // The next LF, CR, tab, NBSP lead byte (0xC2) and pair of spaces: each search runs again
            // only once the line cursor has passed what it found, so a rare one costs one scan.
            var lf = Next(0x0A), cr = Next(0x0D), tab = Next(0x09), c2 = Next(0xC2), pair = -1

            while i < n {
                let lineStart = i
                // The line's end, and whether it is plain: no tab, no NBSP lead byte and no two spaces
                // in a row, so that nothing inside it can need a change.
                let j = min(lf.from(i, p), cr.from(i, p))
                if pair < i { pair = Self.nextSpacePair(p, from: i) }
                let plain = min(tab.from(i, p), c2.from(i, p), pair) >= j
                let lineEnd = j
                var brEnd = j
                if j < n { brEnd = (p[j] == 0x0D && j + 1 < n && p[j + 1] == 0x0A) ? j + 2 : j + 1 }
                // Content bounds, trimming spaces, tabs and NBSPs.
                var cs = lineStart
                while cs < lineEnd, let w = spaceWidth(p, cs, lineEnd) { cs += w }
                var ce = lineEnd
                while ce > cs, let w = spaceWidthBefore(p, ce, cs) { ce -= w }

                if cs == ce {
                    if blankStart == nil { blankStart = lineStart; blankBreaks = 0 }
                    if brEnd > lineEnd { blankBreaks += 1 }
                    i = brEnd
                    continue
                }
                // Emit the pending blank lines: none at the start, one blank line elsewhere.
                if let bs = blankStart {
                    let region = bs..<lineStart
                    if blankLines && !sawContent {
                        b.copy(upTo: bs)
                        b.replace(region, with: "", fix: .whitespace, note: "blank lines at the start")
                    } else if blankLines && !(region.count == 1 && p[bs] == 0x0A) {
                        b.copy(upTo: bs)
                        b.replace(region, with: "\n", fix: .whitespace, note: blankBreaks > 1 ? "repeated blank lines" : "blank line")
                    }
                    blankStart = nil
                }
                sawContent = true
                // Copies are made only before a replacement: the builder copies the rest at the end,
                // and a copy per line cost more than the scan.
                // Leading indentation before a bullet.
                if bullets && cs > lineStart && isBullet(p, cs, ce) {
                    b.copy(upTo: lineStart)
                    b.replace(lineStart..<cs, with: "", fix: .whitespace, note: "indentation before a bullet")
                }
                // Inside the line: space runs and non-breaking spaces (none in a plain line: its only
                // spaces are single ones). Only a run of two units or more, or a lone NBSP, can change,
                // and such a run holds a tab, an NBSP lead byte or two spaces in a row: straight to the
                // next of these (the searches above, which only move forward), then back to the start
                // of its run. That is at most one space before it: before that space another space
                // would be an earlier pair, a tab or NBSP an earlier find.
                var k = plain ? ce : cs
                while k < ce {
                    if pair < k { pair = Self.nextSpacePair(p, from: k) }
                    let t = min(tab.from(k, p), c2.from(k, p), pair)
                    guard t < ce else { break }
                    let start = t > k && p[t - 1] == 0x20 ? t - 1 : t
                    // An NBSP lead byte may lead another character (`²`): not a space, passed over.
                    guard let w = spaceWidth(p, start, ce) else { k = start + 1; continue }
                    k = start
                    var e = k + w, count = 1
                    while e < ce, let w2 = spaceWidth(p, e, ce) { e += w2; count += 1 }
                    if count == 1 {
                        if p[k] == 0xC2 && nbsp && !nbspWanted(p, k, k + 2, ce, lineStart) {
                            b.copy(upTo: k)
                            b.replace(k..<e, with: " ", fix: .whitespace, note: "non-breaking space between words")
                        }
                    } else if innerRuns {
                        b.copy(upTo: k)
                        b.replace(k..<e, with: " ", fix: .whitespace, note: "run of spaces")
                    }
                    k = e
                }
                if trailing && lineEnd > ce {
                    b.copy(upTo: ce)
                    b.replace(ce..<lineEnd, with: "", fix: .whitespace, note: "trailing spaces")
                }
                if lineEndings && brEnd > lineEnd && !(brEnd - lineEnd == 1 && p[lineEnd] == 0x0A) {
                    b.copy(upTo: lineEnd)
                    b.replace(lineEnd..<brEnd, with: "\n", fix: .whitespace, note: brEnd - lineEnd == 2 ? "CRLF line ending" : "CR line ending")
                }
                i = brEnd
            }
            if let bs = blankStart, blankLines {
                b.copy(upTo: bs)
                if bs < n { b.replace(bs..<n, with: "", fix: .whitespace, note: "blank lines at the end") }
            }
        }
        return b.finish()
    }

    /// Where the next `byte` is from a cursor that only moves forward (memchr, searched again only
    /// once the cursor has passed it).
    private struct Next {
        let byte: UInt8
        var at = -1
        init(_ byte: UInt8) { self.byte = byte }

        @inline(__always)
        mutating func from(_ i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int {
            if at < i { at = UTF8Bytes.find(byte, in: p, from: i, to: p.count) }
            return at
        }
    }

    /// The first offset from `i` where two spaces in a row start, or `p.count`: two words at a time
    /// (a space in the first word's last byte is paired with the second word's first).
    /// Not inlined: it runs rarely (once per pair found), and inlined into the line loop it made
    /// the loop's code worse.
    @inline(never)
    static func nextSpacePair(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        let n = p.count
        // The base address unwrapped once, not at every load; a buffer without one is empty.
        guard let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        while i + 16 <= n {
            let s0 = UTF8Bytes.bytesEqual(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), 0x20)
            let s1 = UTF8Bytes.bytesEqual(raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self), 0x20)
            // Bytes k with a space at k and k + 1 (exact per byte; the lowest bit marks the first).
            let m0 = s0 & ((s0 >> 8) | (s1 << 56))
            let m1 = s1 & (s1 >> 8)
            if m0 | m1 != 0 { return i + (m0 != 0 ? m0.trailingZeroBitCount >> 3 : 8 + m1.trailingZeroBitCount >> 3) }
            i += (s1 >> 56) != 0 ? 15 : 16  // a space in the last byte may start a pair
        }
        while i + 1 < n {
            if p[i] == 0x20 && p[i + 1] == 0x20 { return i }
            i += 1
        }
        return n
    }

    /// Width of a space, tab or NBSP at `i`, else nil.
    @inline(__always) private func spaceWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        let c = p[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xC2 && i + 1 < end && p[i + 1] == 0xA0 { return 2 }
        return nil
    }

    @inline(__always) private func spaceWidthBefore(_ p: UnsafeBufferPointer<UInt8>, _ e: Int, _ start: Int) -> Int? {
        let c = p[e - 1]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xA0 && e - 2 >= start && p[e - 2] == 0xC2 { return 2 }
        return nil
    }

    /// A bullet and a space; a no-break space counts too, as this pass may turn it into a space (and
    /// then the next clean would find the bullet).
    private func isBullet(_ p: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Bool {
        for lead in Self.bulletLeads where cs + lead.count < ce {
            let e = cs + lead.count
            let space = p[e] == 0x20 || (p[e] == 0xC2 && e + 1 < ce && p[e + 1] == 0xA0)
            if space && (0..<lead.count).allSatisfy({ p[cs + $0] == lead[$0] }) { return true }
        }
        return false
    }

    /// Whether the NBSP at `s..<e` is typographic (kept) rather than damage.
    private func nbspWanted(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ ce: Int, _ lineStart: Int) -> Bool {
        var prevStart = s - 1
        while prevStart > lineStart && p[prevStart] & 0xC0 == 0x80 { prevStart -= 1 }
        let prev = s > lineStart ? UTF8Bytes.scalar(p, at: prevStart).0 : " "
        let next = e < ce ? UTF8Bytes.scalar(p, at: e).0 : " "
        if prev.properties.numericType != nil || next.properties.numericType != nil { return true }
        if "§¶№".unicodeScalars.contains(prev) { return true }
        if "%‰€£$¥".unicodeScalars.contains(next) || next.properties.generalCategory == .currencySymbol { return true }
        return false
    }
}
