import DocPipeCore
@testable import DocPipeClean
@testable import DocPipeTestSupport
import Testing

/// The whitespace pass's line search (line ends, tabs and NBSP lead bytes by memchr, pairs of spaces
/// two words at a time; plain lines skip the inner loop) against the pass as it was
/// (``RefWhitespacePass``: a line-end scan, then every line's inside), on random texts made of the
/// pieces the pass acts on: same text, same map, same fixes.
@Suite struct WhitespaceFastPathTests {
    static let pieces = [
        "a", "word", "Sentence text ", " ", "  ", "   ", "\t", "\u{A0}", "\u{A0}\u{A0}", "\n", "\n\n", "\r\n", "\r", "\u{0B}",
        "• ", "- ", "* ", "1", "10", "%", "§", "€", "é", "ü", "“quoted”", "Â",
        "abcdefgh", "abcdefg ", " abcdefg", "0123456789abcdef",
    ]

    @Test func sameRewriteAsTheLineByLinePass() {
        var rng = SplitMix(seed: 8)
        for round in 0..<4000 {
            var text = ""
            for _ in 0..<rng.below(60) { text += Self.pieces[rng.below(Self.pieces.count)] }
            let options = round % 3 == 0
                ? (WhitespacePass(nbsp: false, bullets: false), RefWhitespacePass(nbsp: false, bullets: false))
                : (WhitespacePass(), RefWhitespacePass())
            let fast = options.0.rewrite(text), ref = options.1.rewrite(text)
            #expect(fast.text == ref.text, "\(Array(text.utf8))")
            #expect(fast.map == ref.map, "\(Array(text.utf8))")
            #expect(fast.fixes == ref.fixes, "\(Array(text.utf8))")
        }
    }

    /// The NFC pass's skip to the next byte ≥ 0xCC against a byte-by-byte search, from every offset.
    @Test func nfcSkipFindsTheFirstByteFromCC() {
        var rng = SplitMix(seed: 9)
        let bytes: [UInt8] = [0x20, 0x41, 0x7F, 0x80, 0xA9, 0xC3, 0xCB, 0xCC, 0xCD, 0xE2, 0xFF, 0x00, 0x4C, 0x4B]
        for _ in 0..<2000 {
            let b = (0..<rng.below(40)).map { _ in bytes[rng.below(bytes.count)] }
            b.withUnsafeBufferPointer { p in
                for i in 0...p.count {
                    var j = i
                    while j < p.count && p[j] < 0xCC { j += 1 }
                    #expect(NFCPass.nextByteFromCC(p, i) == j, "\(b) from \(i)")
                }
            }
        }
    }
}

/// The second control pass runs only when a pass since may have put a control back: whenever
/// ``ControlPass/mayReintroduce(_:)`` says no, the control pass indeed finds nothing in the new text.
@Suite struct ControlRecheckTests {
    @Test func skippedOnlyWhenItWouldFindNothing() {
        let pieces = ["text ", "&#1;", "&#x7F;", "&#65279;", "&#27;", "[31m", "&amp;", "&amp;#1;", "&lt;", "<p>", "</div>",
                      "<h2>Title", "\n", "Ã©", "â€™", "\u{1}", "\u{FEFF}", "\u{7F}", "\u{1B}[0m", "é", "&#x85;", "&#128;",
                      "\u{FFFD}", "x&#9;y", "&#13;", "<b>bold</b>", "&#xFEFF;"]
        var rng = SplitMix(seed: 10)
        var skipped = 0, rechecked = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<rng.below(12) { text += pieces[rng.below(pieces.count)] }
            let clean = ControlPass.rewrite(text).text
            let passes = [EntityDecoder.rewrite(clean), CleanStage.repairMojibake(clean), MalformedTagRepair.rewrite(clean),
                          PlainTextMarkup.process(clean).rewrite,
                          HTMLExtractor.extract(clean, options: HTMLOptions(decodeRemainingEntities: true)).rewrite]
            for r in passes {
                if ControlPass.mayReintroduce(r) { rechecked += 1; continue }
                let again = ControlPass.rewrite(r.text)
                #expect(again.fixes.isEmpty && again.text == r.text, "\(Array(text.utf8))")
                skipped += 1
            }
        }
        #expect(skipped > 1000 && rechecked > 100)
    }
}

/// The whitespace pass as it was before its one-scan line search (the reference of the test above).
struct RefWhitespacePass {
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

            while i < n {
                let lineStart = i
                var j = i
                while j + 8 <= n {
                    let word = UTF8Bytes.load(p, j)
                    if UTF8Bytes.bytesEqual(word, 0x0A) | UTF8Bytes.bytesEqual(word, 0x0D) != 0 { break }
                    j += 8
                }
                while j < n && p[j] != 0x0A && p[j] != 0x0D { j += 1 }
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
                // Inside the line: space runs and non-breaking spaces.
                var k = cs
                while k < ce {
                    // Eight bytes at a time while there is no tab, no NBSP lead byte and no two spaces in a row.
                    while k + 8 <= ce {
                        let word = UTF8Bytes.load(p, k)
                        let sp = UTF8Bytes.bytesEqual(word, 0x20)
                        if UTF8Bytes.bytesEqual(word, 0x09) | UTF8Bytes.bytesEqual(word, 0xC2) | (sp & (sp >> 8)) != 0 { break }
                        k += (sp >> 56) != 0 ? 7 : 8  // a space in the last byte may start a run
                    }
                    guard k < ce else { break }
                    guard let w = spaceWidth(p, k, ce) else { k += 1; continue }
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

    private func isBullet(_ p: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Bool {
        for lead in Self.bulletLeads where cs + lead.count < ce {
            if (0..<lead.count).allSatisfy({ p[cs + $0] == lead[$0] }) && p[cs + lead.count] == 0x20 { return true }
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
