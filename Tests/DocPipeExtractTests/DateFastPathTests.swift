import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeExtract

/// The date tagger's fast paths against their simple versions: the lexicon's filtered lookup against
/// the plain dictionary, `parseAt`'s dispatch by first token against trying every pattern, and the
/// in-place value formatting against the string concatenation it replaced.
@Suite struct DateFastPathTests {

    static let words: [String] = DateLexicon.parsed().map { String(decoding: $0.word, as: UTF8.self) }

    private func fastLookup(_ w: String) -> DateLexicon.Entry? {
        let bytes = Array(w.utf8)
        return bytes.withUnsafeBufferPointer { DateLexicon.shared.lookup($0, 0, $0.count) }
    }

    private func same(_ a: DateLexicon.Entry?, _ b: DateLexicon.Entry?) -> Bool {
        a?.kind == b?.kind && a?.value == b?.value
    }

    @Test func lexiconLookupMatchesTheDictionary() {
        let entries = DateLexicon.entries
        func simple(_ w: String) -> DateLexicon.Entry? { DateLexicon.key(Array(w.utf8)).flatMap { entries[$0] } }
        var probes: [String] = []
        for w in Self.words {
            probes += [w, w.uppercased(), w.prefix(1).uppercased() + w.dropFirst(), w + "s", String(w.dropLast()), w + w]
        }
        var rng = SplitMix(state: 11)
        for _ in 0..<50_000 {
            let n = 1 + rng.below(16)
            // Letters biased towards the lexicon's, so near misses are common.
            probes.append(String((0..<n).map { _ in Character(Unicode.Scalar(UInt8(0x61 + rng.below(rng.below(2) == 0 ? 26 : 8)) ^ (rng.below(5) == 0 ? 0x20 : 0))) }))
        }
        var found = 0
        for w in probes where !w.isEmpty {   // the scanner asks only for runs of at least one letter
            let fast = fastLookup(w), slow = simple(w)
            #expect(same(fast, slow), "\(w)")
            if slow != nil { found += 1 }
        }
        #expect(found > Self.words.count)
        #expect(same(fastLookup("per"), DateLexicon.Entry(kind: .per, value: 0)))   // first entry wins
    }

    /// The scanner keys words of up to 7 letters from its own load (`probeShort`) and the rest through `lookup`:
    /// every ASCII word token must carry the dictionary's entry, at any distance from the end of the text.
    @Test func scannedWordsCarryTheDictionaryEntry() {
        let entries = DateLexicon.entries
        var rng = SplitMix(state: 31)
        let glue = [" ", " ", ", ", "-", ".", "\n", "1", "'", "ü", "’", " \u{00A0}"]
        var found = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + rng.below(4)) {
                var w = Self.words[rng.below(Self.words.count)]
                switch rng.below(6) {
                case 0: w = w.uppercased()
                case 1: w = w.prefix(1).uppercased() + w.dropFirst()
                case 2: w += "s"
                case 3: w = String(w.dropLast())
                case 4: w = String((0..<(1 + rng.below(12))).map { _ in Character(Unicode.Scalar(UInt8(0x61 + rng.below(26)))) })
                default: break
                }
                text += (text.isEmpty ? "" : glue[rng.below(glue.count)]) + w
            }
            let bytes = Array(text.utf8)
            let toks = bytes.withUnsafeBufferPointer { DateScanner.scan($0) }
            for t in toks where t.kind == .word {
                let w = bytes[t.start..<t.end]
                guard w.allSatisfy({ $0 < 0x80 }) else { #expect(t.lex == nil, "\(text)"); continue }
                let slow = DateLexicon.key(w).flatMap { entries[$0] }
                #expect(t.lex == slow?.kind, "\(text)")
                if let slow { #expect(t.lexValue == Int(slow.value), "\(text)"); found += 1 }
                else { #expect(t.lexValue == -Int(w.last! | 0x20), "\(text)") }
            }
        }
        #expect(found > 20_000)
    }

    /// Token soup: lexicon words (some capitalised), numbers of every shape, punctuation, unknown words,
    /// glued or spaced, sometimes on a new line.
    private func soup(_ rng: inout SplitMix) -> String {
        let numbers = ["1951", "12", "1", "31", "1,000", "3.5", "05", "89", "2004", "490", "9", "1800", "2000", "10", "30", "45", "1990", "15", "7",
                       "12345", "1,500,000", "190", "1940", "0031"]
        let puncts = ["-", "–", "/", ":", ",", ".", "'", "’", "$", "%", "(", ")"]
        let others = ["s", "th", "st", "B", "C", "A", "D", "p", "m", "war", "Council", "states", "km", "Zürich", "members"]
        var out = ""
        for _ in 0..<(4 + rng.below(10)) {
            var piece: String
            switch rng.below(10) {
            case 0, 1, 2, 3:
                piece = Self.words[rng.below(Self.words.count)]
                if rng.below(3) == 0 { piece = piece.prefix(1).uppercased() + piece.dropFirst() }
            case 4, 5, 6: piece = numbers[rng.below(numbers.count)]
            case 7, 8: piece = puncts[rng.below(puncts.count)]
            default: piece = others[rng.below(others.count)]
            }
            if !out.isEmpty {
                switch rng.below(12) {
                case 0, 1, 2: break
                case 3: out += "\n"
                default: out += " "
                }
            }
            out += piece
        }
        return out
    }

    private func parse(_ text: String, reference: DatePoint?, all: Bool, memoise: Bool = true) -> [TimeExpression] {
        Array(text.utf8).withUnsafeBufferPointer { buf in
            DateScanner.withTokens(buf) { toks in
                var parser = TimexParser(tokens: toks, text: buf, reference: reference)
                parser.allPatterns = all
                parser.memoise = memoise
                parser.run()
                return parser.expressions()
            }
        }
    }

    /// As `TimexTagger` parses: only the tokens the scanner lists as possible starts, line ends from its list.
    private func parseIndexed(_ text: String, reference: DatePoint?) -> [TimeExpression] {
        Array(text.utf8).withUnsafeBufferPointer { buf in
            DateScanner.withScan(buf) { scanned in
                let parser = TimexParser(scanned: scanned, reference: reference)
                parser.run()
                return parser.expressions()
            }
        }
    }

    /// The scanner's indexes are exactly the tokens with `mayStart` and with `lineBefore`, and visiting only the
    /// listed tokens finds what visiting every token finds.
    @Test func visitingListedStartsMatchesVisitingEveryToken() {
        var rng = SplitMix(state: 41)
        var matched = 0
        for round in 0..<6000 {
            var text = (0..<(1 + rng.below(4))).map { _ in round % 2 == 0 ? soup(&rng) : countSoup(&rng) }.joined(separator: rng.below(3) == 0 ? "\n" : " ")
            if rng.below(4) == 0 { text = "\n\n" + text }
            if rng.below(4) == 0 { text += "\n" }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buf in
                DateScanner.withScan(buf) { s in
                    let starts = s.tokens.indices.filter { s.tokens[$0].mayStart }
                    #expect(s.starts.map(Int.init) == starts, "\(text)")
                    let lines = s.tokens.indices.filter { s.tokens[$0].lineBefore }
                    let listed = s.lines.map(Int.init)
                    #expect(listed == lines || listed == lines + [s.tokens.count], "\(text)")
                }
            }
            let reference: DatePoint? = round % 3 == 0 ? DatePoint(year: 1998, month: 5, day: 12) : round % 3 == 1 ? nil : DatePoint(year: -480)
            let every = parse(text, reference: reference, all: false)
            #expect(parseIndexed(text, reference: reference) == every, "\(text)")
            matched += every.count
        }
        #expect(matched > 5000)
    }

    @Test func dispatchMatchesTryingEveryPattern() {
        var rng = SplitMix(state: 5)
        var matched = 0
        for round in 0..<6000 {
            // Several sentences per text, so the narrative anchor carries over.
            let text = (0..<4).map { _ in soup(&rng) }.joined(separator: " ")
            let reference: DatePoint? = round % 3 == 0 ? DatePoint(year: 1998, month: 5, day: 12) : round % 3 == 1 ? nil : DatePoint(year: -480)
            let fast = parse(text, reference: reference, all: false)
            let full = parse(text, reference: reference, all: true)
            #expect(fast == full, "\(text)")
            matched += full.count
        }
        #expect(matched > 5000)
    }

    /// Counts (`two`, `25`, `a few`, `one and a half`) followed by units and the words after durations, sets
    /// and relative expressions, so the memoised count is what most candidates start with.
    private func countSoup(_ rng: inout SplitMix) -> String {
        let counts = ["two", "25", "a", "a few", "several", "one and a half", "a couple of", "twenty-five", "twenty five", "a hundred",
                      "1,000", "3", "12", "1990", "once", "three", "$5", "10:30", "5/", "the past", "the next", "for", "every", "each"]
        let after = ["years", "year", "months", "days", "decades", "century", "times", "hours", "-year", "-", "later", "earlier",
                     "ago", "a year", "per month", "each week", "after", "and a half", "and", "Years'", "War", ".", ",", "states"]
        var out = ""
        for _ in 0..<(3 + rng.below(6)) {
            var piece = counts[rng.below(counts.count)]
            if rng.below(4) == 0 { piece = piece.prefix(1).uppercased() + piece.dropFirst() }
            out += (out.isEmpty ? "" : rng.below(8) == 0 ? "\n" : " ") + piece
            for _ in 0..<(1 + rng.below(3)) { out += (rng.below(6) == 0 ? "" : " ") + after[rng.below(after.count)] }
        }
        return out
    }

    @Test func memoisedCountMatchesParsingItAgain() {
        var rng = SplitMix(state: 17)
        var matched = 0
        for round in 0..<6000 {
            let text = round % 2 == 0 ? countSoup(&rng) : (0..<3).map { _ in soup(&rng) }.joined(separator: " ")
            let reference: DatePoint? = round % 3 == 0 ? DatePoint(year: 1998, month: 5, day: 12) : round % 3 == 1 ? nil : DatePoint(year: -480)
            let memoised = parse(text, reference: reference, all: false)
            let fresh = parse(text, reference: reference, all: false, memoise: false)
            #expect(memoised == fresh, "\(text)")
            #expect(parse(text, reference: reference, all: true, memoise: false) == fresh, "\(text)")
            matched += fresh.filter { $0.kind == .duration || $0.kind == .set || $0.value.hasSuffix("_REF") }.count
        }
        #expect(matched > 3000)
    }

    /// Every pattern of `parser` with its bit in the dispatch table.
    static func patternChecks(_ parser: TimexParser) -> [(UInt16, (Int) -> TimexMatch?)] {
        [
            (TimexParser.Pat.refs, parser.refs), (TimexParser.Pat.modded, parser.modded), (TimexParser.Pat.approx, parser.approx),
            (TimexParser.Pat.absDate, parser.absDate), (TimexParser.Pat.decade, parser.decadeOrCentury),
            (TimexParser.Pat.season, parser.season), (TimexParser.Pat.relative, parser.relative),
            (TimexParser.Pat.partOfDay, parser.partOfDay), (TimexParser.Pat.clockTime, parser.clockTime),
            (TimexParser.Pat.duration, parser.duration), (TimexParser.Pat.setExpr, parser.setExpr),
            (TimexParser.Pat.dayRangeHead, parser.dayRangeHead),
        ]
    }

    @Test func patternTableAgreesWithEachPattern() {
        // Each pattern on its own: wherever it matches, the table must list it for that first token.
        var rng = SplitMix(state: 9)
        var seen = 0
        for _ in 0..<3000 {
            let text = soup(&rng)
            Array(text.utf8).withUnsafeBufferPointer { buf in
                DateScanner.withTokens(buf) { toks in
                    let parser = TimexParser(tokens: toks, text: buf, reference: DatePoint(year: 1950, month: 3, day: 1))
                    parser.limit = toks.count
                    let checks = Self.patternChecks(parser)
                    for i in 0..<toks.count {
                        for (bit, pattern) in checks where pattern(i) != nil {
                            seen += 1
                            #expect(parser.patterns(i) & bit != 0, "\(text) at token \(i)")
                        }
                    }
                }
            }
        }
        #expect(seen > 1000)
    }

    /// `the` and digits followed by every lexicon word (and each other token shape), then soup: the dispatch by
    /// the token after them (`patternsAfterThe`, `countFollows`) must list every pattern that matches there.
    @Test func dispatchByNextTokenAgreesWithEachPattern() {
        let heads = ["the", "The", "1951", "12", "1", "31", "1,000", "2000", "190", "12345", "5"]
        let seconds = Self.words + Self.words.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            + ["1951", "12", "3", "1,000", "1950s", "'", "'50s", "-", "–", ",", ".", "/", ":", "s", "th", "war", "Council", "states"]
        // What completes a count (`3 times a year`, `5 and a half years`) or a phrase after `the`, else soup alone.
        let thirds = ["a year", "per month", "a half years", "years", "century", "1950", ""]
        var rng = SplitMix(state: 23)
        var seen = 0
        for head in heads {
            for second in seconds {
                for glue in ["", " "] where !(glue.isEmpty && head.last!.isLetter && second.first!.isLetter) {
                    let text = head + glue + second + " " + thirds[rng.below(thirds.count)] + " " + soup(&rng)
                    for reference in [DatePoint(year: 1950, month: 3, day: 1), nil] {
                        Array(text.utf8).withUnsafeBufferPointer { buf in
                            DateScanner.withTokens(buf) { toks in
                                let parser = TimexParser(tokens: toks, text: buf, reference: reference)
                                parser.limit = toks.count
                                for (bit, pattern) in Self.patternChecks(parser) where pattern(0) != nil {
                                    seen += 1
                                    #expect(parser.patterns(0) & bit != 0, "\(text)")
                                }
                            }
                        }
                        #expect(parse(text, reference: reference, all: false) == parse(text, reference: reference, all: true), "\(text)")
                    }
                }
            }
        }
        #expect(seen > 2000)
    }

    // MARK: value formatting

    private static func refPad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }
    private static func refYear(_ y: Int) -> String { y <= 0 ? "BC" + refPad(1 - y, 4) : refPad(y, 4) }
    private static func refValue(_ p: DatePoint) -> String {
        var s = refYear(p.year)
        if p.month > 0 { s += "-" + refPad(p.month, 2) }
        if p.month > 0 && p.day > 0 { s += "-" + refPad(p.day, 2) }
        return s
    }

    @Test func formattingMatchesConcatenation() {
        var ints = Array(-1100...12_100) + [99_999, 100_000, 123_456_789, Int.max, Int.min + 2, -99_999]
        var rng = SplitMix(state: 3)
        for _ in 0..<2000 { ints.append(Int(truncatingIfNeeded: rng.next()) >> rng.below(63)) }
        for v in ints {
            for w in [0, 1, 2, 3, 4, 6] { #expect(DatePoint.pad(v, w) == Self.refPad(v, w), "\(v) \(w)") }
            if v > Int.min + 2 { #expect(DatePoint.yearString(v) == Self.refYear(v), "\(v)") }
        }
        for y in [-2000, -480, -1, 0, 1, 9, 99, 476, 1066, 1951, 2004, 9999, 10_000, 123_456] {
            for m in [-1, 0, 1, 9, 10, 12, 13, 100] {
                for d in [-3, 0, 1, 9, 10, 31, 123] {
                    let p = DatePoint(year: y, month: m, day: d)
                    #expect(p.value == Self.refValue(p), "\(y) \(m) \(d)")
                }
            }
        }
    }

    @Test func tableParsedOnBytesMatchesSplittingIt() {
        let simple = DateLexicon.table.split(separator: "\n").map { line in
            let f = line.split(separator: " ").map(String.init)
            return (f[0], f[1], Int16(f[2])!)
        }
        let parsed = DateLexicon.parsed()
        #expect(parsed.count == simple.count)
        #expect(parsed.count > 300)
        for ((word, entry), (w, k, v)) in zip(parsed, simple) {
            #expect(String(decoding: word, as: UTF8.self) == w)
            #expect("\(entry.kind)" == k, "\(w)")
            #expect(entry.value == v, "\(w)")
        }
    }

    @Test func kindNamesFollowTheCases() {
        #expect(DateLexicon.kindNames.split(separator: " ").map(String.init) == DateLexicon.Kind.allCases.map { "\($0)" })
    }

    @Test func tokenStaysSmall() {
        // One is written per token; the layout was 64 bytes before it was packed.
        #expect(MemoryLayout<DateToken>.stride == 24)
    }
}
