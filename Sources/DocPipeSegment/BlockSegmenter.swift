import DocPipeCore

/// Finds headings, list items and paragraphs in plain text, on UTF-8 bytes, in linear time.
///
/// **Range convention.** A block covers its lines' content: from the first non-whitespace byte of its
/// first line to the last non-whitespace byte of its last line (end exclusive). Leading indentation,
/// trailing spaces and the line break are outside; a list item's marker (`• `, `- `, `3. `) is inside.
/// A paragraph of several lines includes the line breaks between them.
///
/// **Rules** (lines are separated by LF, CR LF or CR; a line of whitespace is blank):
/// - A *run* is a maximal sequence of non-blank lines.
/// - A line starting with a list marker (see ``Bytes/bulletLength``) is a list item; following lines of
///   the same run indented deeper than the marker line and not themselves marked continue it.
/// - After a line ending in `:` (later in the same run, or as the last line of the previous run), the
///   following lines are list items, one per line, when at least two consecutive lines qualify: short
///   (≤ 100 characters, ≤ 15 words), starting with an upper-case letter, digit or quote, not ending in
///   `:`, and one sentence each. When the colon ends a run, the list may also be a sequence of such
///   single lines separated by blank lines. A line right after a colon is never a heading.
/// - A run of one to three lines, each title-like, is a run of headings: title-like means ≤ 100
///   characters and ≤ 12 words, a letter in it, starting with an upper-case letter or digit, not ending in
///   `.` `:` `;` `,` (closing quotes and brackets ignored), not ending in a function word (`of`, `the`, …),
///   one sentence, not a list item. A run of two or three lines counts only when every line is also
///   title case (most words capitalised); a single line standing alone between blank lines needs not be.
///   The first heading of a document is level 1, every later one level 2.
/// - Everything else in a run is a paragraph (consecutive lines up to the next list item or blank line).
struct BlockSegmenter {
    var detectHeadings = true
    var detectLists = true
    var sentences: SentenceSplitter

    struct Line {
        var cs: Int // content start
        var ce: Int // content end (exclusive, trailing whitespace removed)
        var indent: Int
        var isBlank: Bool { cs >= ce }
    }

    /// Blocks of `region` (a part of the text not covered by existing blocks). `colonBefore` tells whether
    /// the text before the region ends with a `:`.
    func segment(_ p: UnsafeBufferPointer<UInt8>, region: Range<Int>, colonBefore: Bool, into out: inout [Block]) {
        let lines = splitLines(p, region)
        var k = 0
        var afterColon = colonBefore
        while k < lines.count {
            while k < lines.count && lines[k].isBlank { k += 1 }
            guard k < lines.count else { break }
            let r0 = k
            while k < lines.count && !lines[k].isBlank { k += 1 }
            let r1 = k

            if afterColon && detectLists && r1 - r0 == 1 && isListItemShaped(p, lines[r0]) {
                // A colon list whose items are separated by blank lines: single qualifying lines in a row.
                var runs: [Int] = [r0]
                var m = r1
                while true {
                    var n = m
                    while n < lines.count && lines[n].isBlank { n += 1 }
                    guard n < lines.count, !lines[n].isBlank else { break }
                    let single = n + 1 == lines.count || lines[n + 1].isBlank
                    guard single, isListItemShaped(p, lines[n]) else { break }
                    runs.append(n)
                    m = n + 1
                }
                if runs.count >= 2 {
                    for r in runs { out.append(Block(kind: .listItem, range: lines[r].cs..<lines[r].ce)) }
                    k = m
                    afterColon = endsWithColon(p, lines[m - 1])
                    continue
                }
            }
            classifyRun(p, lines, r0, r1, afterColon: afterColon, into: &out)
            afterColon = endsWithColon(p, lines[r1 - 1])
        }
    }

    private func classifyRun(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line], _ r0: Int, _ r1: Int, afterColon: Bool, into out: inout [Block]) {
        let n = r1 - r0
        if detectHeadings && !afterColon && n <= 3 {
            var all = true
            for j in r0..<r1 where !isTitleLike(p, lines[j]) || (n > 1 && !isTitleCase(p, lines[j])) {
                all = false
                break
            }
            if all {
                for j in r0..<r1 { out.append(Block(kind: .heading, level: 2, range: lines[j].cs..<lines[j].ce)) }
                return
            }
        }
        var paragraph: Range<Int>? = nil
        func flush(_ out: inout [Block]) {
            if let r = paragraph { out.append(Block(kind: .paragraph, range: r)) }
            paragraph = nil
        }
        var listLeft = afterColon && detectLists ? colonListLength(p, lines, r0, r1) : 0
        var j = r0
        while j < r1 {
            let line = lines[j]
            if detectLists && Bytes.bulletLength(p, line.cs, line.ce) > 0 {
                flush(&out)
                var end = line.ce
                var m = j + 1
                while m < r1 && lines[m].indent > line.indent && Bytes.bulletLength(p, lines[m].cs, lines[m].ce) == 0 {
                    end = lines[m].ce
                    m += 1
                }
                out.append(Block(kind: .listItem, range: line.cs..<end))
                listLeft = max(0, listLeft - (m - j))
                j = m
                continue
            }
            if listLeft > 0 {
                flush(&out)
                out.append(Block(kind: .listItem, range: line.cs..<line.ce))
                listLeft -= 1
                j += 1
                continue
            }
            if let r = paragraph { paragraph = r.lowerBound..<line.ce } else { paragraph = line.cs..<line.ce }
            if detectLists && j + 1 < r1 && endsWithColon(p, line) {
                listLeft = colonListLength(p, lines, j + 1, r1)
                if listLeft > 0 { flush(&out) }
            }
            j += 1
        }
        flush(&out)
    }

    /// Number of list-item lines from `a` (0 unless at least two).
    private func colonListLength(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line], _ a: Int, _ b: Int) -> Int {
        var j = a
        while j < b && (isListItemShaped(p, lines[j]) || Bytes.bulletLength(p, lines[j].cs, lines[j].ce) > 0) { j += 1 }
        return j - a >= 2 ? j - a : 0
    }

    private func splitLines(_ p: UnsafeBufferPointer<UInt8>, _ region: Range<Int>) -> [Line] {
        var lines: [Line] = []
        // Lines average well over 64 bytes: one allocation instead of a dozen regrowths.
        lines.reserveCapacity(region.count / 64 + 4)
        var i = region.lowerBound
        let end = region.upperBound
        // The next CR (rare: most texts have none), searched again only once the cursor passes it.
        var cr = -1
        while i < end {
            // The first LF or CR from `i`, both by memchr.
            if cr < i { cr = UTF8Bytes.find(Bytes.cr, in: p, from: i, to: end) }
            let e = UTF8Bytes.find(Bytes.lf, in: p, from: i, to: cr)
            var cs = i
            while cs < e {
                let n = Bytes.whitespaceLength(p, cs, e)
                if n == 0 { break }
                cs += n
            }
            let ce = Bytes.trimEnd(p, cs, e)
            lines.append(Line(cs: cs, ce: ce, indent: cs - i))
            if e < end && p[e] == Bytes.cr && e + 1 < end && p[e + 1] == Bytes.lf { i = e + 2 } else { i = e + 1 }
        }
        return lines
    }

    // MARK: - Line shapes

    private func endsWithColon(_ p: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        !line.isBlank && p[line.ce - 1] == Bytes.colon
    }

    /// Words (runs separated by spaces), up to `limit + 1`.
    private func wordRanges(_ p: UnsafeBufferPointer<UInt8>, _ line: Line, limit: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = line.cs
        while i < line.ce && words.count <= limit {
            while i < line.ce, case let n = Bytes.inlineSpaceLength(p, i, line.ce), n > 0 { i += n }
            let w = i
            while i < line.ce && Bytes.inlineSpaceLength(p, i, line.ce) == 0 { i += 1 }
            if i > w { words.append(w..<i) }
        }
        return words
    }

    /// How many of `wordRanges(p, line, limit:)` there are and the last of them, without building the
    /// array (an allocation per line tested as a title or list item).
    private func wordCount(_ p: UnsafeBufferPointer<UInt8>, _ line: Line, limit: Int) -> (count: Int, last: Range<Int>?) {
        var count = 0
        var last: Range<Int>? = nil
        var i = line.cs
        while i < line.ce && count <= limit {
            while i < line.ce, case let n = Bytes.inlineSpaceLength(p, i, line.ce), n > 0 { i += n }
            let w = i
            while i < line.ce && Bytes.inlineSpaceLength(p, i, line.ce) == 0 { i += 1 }
            if i > w { count += 1; last = w..<i }
        }
        return (count, last)
    }

    private func scalarCount(_ p: UnsafeBufferPointer<UInt8>, _ line: Line, limit: Int) -> Int {
        if line.ce - line.cs > 4 * limit { return limit + 1 }
        var n = 0
        for i in line.cs..<line.ce where !UTF8Bytes.isContinuation(p[i]) { n += 1 }
        return n
    }

    private func startsUpperOrDigit(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        Bytes.isDigit(p[i]) || Bytes.isUppercaseLetter(p, i, end)
    }

    /// A short title-like line (see the type's documentation).
    func isTitleLike(_ p: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        guard !line.isBlank, line.ce - line.cs <= 400 else { return false }
        switch p[line.ce - 1] { // quick reject of most paragraph lines
        case Bytes.period, Bytes.colon, 0x3B, 0x2C: return false
        default: break
        }
        guard scalarCount(p, line, limit: 100) <= 100 else { return false }
        guard startsUpperOrDigit(p, line.cs, line.ce) else { return false }
        guard Bytes.bulletLength(p, line.cs, line.ce) == 0 else { return false }
        // Last character, closing quotes and brackets aside.
        var e = line.ce
        while e > line.cs {
            var back = 1
            while e - back > line.cs && UTF8Bytes.isContinuation(p[e - back]) { back += 1 }
            if Bytes.closerLength(p, e - back, e) == back { e -= back } else { break }
        }
        guard e > line.cs else { return false }
        switch p[e - 1] {
        case Bytes.period, Bytes.colon, 0x3B, 0x2C: return false
        default: break
        }
        let words = wordCount(p, line, limit: 12)
        guard words.count <= 12, let last = words.last else { return false }
        if isFunctionWord(p, last) { return false }
        var hasLetter = false
        for i in line.cs..<line.ce where Bytes.isASCIILetter(p[i]) || p[i] >= 0xC0 { hasLetter = true; break }
        guard hasLetter else { return false }
        return sentences.count(p, line.cs, line.ce) == 1
    }

    /// Most words (function words aside) start with an upper-case letter or a digit.
    func isTitleCase(_ p: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        var capitalised = 0, total = 0
        for w in wordRanges(p, line, limit: 12) where !isFunctionWord(p, w) {
            var i = w.lowerBound
            while i < w.upperBound, case let n = Bytes.openerLength(p, i, w.upperBound), n > 0 { i += n }
            guard i < w.upperBound else { continue }
            total += 1
            if startsUpperOrDigit(p, i, w.upperBound) { capitalised += 1 }
        }
        return total > 0 && capitalised * 5 >= total * 3
    }

    /// A line that can be an item of a list announced by a colon.
    func isListItemShaped(_ p: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        guard !line.isBlank, scalarCount(p, line, limit: 100) <= 100 else { return false }
        let first = p[line.cs]
        guard startsUpperOrDigit(p, line.cs, line.ce) || Bytes.openerLength(p, line.cs, line.ce) > 0 || first == 0x24 else {
            return Bytes.bulletLength(p, line.cs, line.ce) > 0
        }
        guard p[line.ce - 1] != Bytes.colon else { return false }
        guard wordCount(p, line, limit: 15).count <= 15 else { return false }
        return sentences.count(p, line.cs, line.ce) == 1
    }

    private static let functionWords: Set<[UInt8]> = Set([
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
        "as", "into", "onto", "upon", "via", "that", "which", "is", "are", "was", "were", "its", "their", "his",
        "her", "de", "la", "le", "du", "des", "von", "van", "der", "und",
    ].map { Array($0.utf8) })

    private func isFunctionWord(_ p: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> Bool {
        guard w.count <= 5, Bytes.isASCIILower(p[w.lowerBound]) else { return false }
        return Self.functionWords.contains(Array(UnsafeBufferPointer(rebasing: p[w])))
    }
}
