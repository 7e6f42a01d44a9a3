import DocPipeCore
@testable import DocPipeEmit
@testable import DocPipeTestSupport
import Testing

/// The fast paths of the emitters against naive references: integer formatting, escaping, scalar
/// offsets, raw line/column, the source-map cursor, and whole documents against the emitters as
/// they were before (``RefJSONEmitter``, ``RefXMLEmitter``), byte for byte.
@Suite struct FastPathTests {
    // MARK: output buffer and integers

    @Test func integersAsSwiftPrintsThem() {
        var values = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 9999, 10000, 65535, 1_000_000, 999_999_999, 1_000_000_000,
                      Int.max, Int.max - 1, Int.min, Int.min + 1, -1, -9, -10, -99, -100, -101]
        for p in 0..<19 {
            var x = 1
            for _ in 0..<p { x *= 10 }
            values += [x - 1, x, x + 1, -x, -(x - 1)]
        }
        values += Array(0...120_000) + Array(99_990_000...100_010_000)
        var rng = SplitMix(seed: 7)
        for _ in 0..<2000 { values.append(Int(truncatingIfNeeded: rng.next()) >> Int.random(in: 0...63, using: &rng)) }
        for v in values {
            // A one-byte estimate: every integer also exercises the move to an own buffer.
            #expect(ByteSink.collect(estimate: 1) { $0.int(v) } == Array(String(v).utf8), "\(v)")
        }
    }

    /// The digits a `Location` keeps (`decimalWord`) write the same bytes as the number, inside and outside 1..<10^8.
    @Test func decimalWordsAsSwiftPrintsThem() {
        var values = [0, 1, 9, 10, 99_999_999, 100_000_000, -1, Int.max, Int.min] + Array(0...120_000) + Array(990_000...1_010_000)
            + Array(99_990_000...100_010_000)
        var rng = SplitMix(seed: 16)
        for _ in 0..<2000 { values.append(Int(truncatingIfNeeded: rng.next()) >> Int.random(in: 0...63, using: &rng)) }
        for v in values {
            let d = ByteSink.decimalWord(v)
            let out = ByteSink.collect(estimate: 64) { sink in
                sink.reserve(ByteSink.maxIntBytes)
                sink.uncheckedInt(v, d)
            }
            #expect(out == Array(String(v).utf8), "\(v)")
        }
    }

    @Test func numbersAsJSONWriterPrintsThem() {
        let values: [Double] = [0, -0.0, 1, -1, 1.5, 0.1, 1e-7, 1.4e9, 9.007199254740991e15, 9.007199254740992e15, 1e300, -1e300,
                                .nan, .infinity, -.infinity, 123456789.125, .leastNonzeroMagnitude, Double(Int64.max), -2.5]
        for d in values {
            #expect(ByteSink.collect(estimate: 1) { $0.number(d) } == Array(RefJSONWriter.numberText(d).utf8), "\(d)")
        }
    }

    @Test func sinkGrowsPastItsEstimate() {
        var expected: [UInt8] = []
        let out = ByteSink.collect(estimate: 3) { sink in
            for i in 0..<20_000 {
                sink.raw("ab")
                sink.int(i)
                sink.byte(0x0A)
                expected += Array("ab\(i)\n".utf8)
            }
        }
        #expect(out == expected)
        // Within the estimate nothing moves.
        #expect(ByteSink.collect(estimate: 100) { $0.raw("xyz") } == Array("xyz".utf8))
        #expect(ByteSink.collect(estimate: 0) { _ in }.isEmpty)
    }

    // MARK: escaping

    /// Pieces that trip escapers: controls, quotes, DEL, C1, U+2028/9 and their neighbours (E2 80 xx),
    /// U+FFFE/F and their neighbours (EF BF xx), `]]>`, multi-byte scalars, CRLF, long clean runs.
    static let pieces: [String] = ["a", "bc", "the quick brown fox ", " ", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}",
                                   "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "\"", "'", "\\", "<", ">", "&", "]]>", "é", "€", "’", "…",
                                   "\u{2027}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FFFC}",
                                   "😀", "e\u{301}", "&amp;", "<![CDATA[x]]>"]

    static func randomString(_ rng: inout SplitMix, maxPieces: Int = 40) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) { s += pieces.randomElement(using: &rng)! }
        return s
    }

    /// Random bytes, valid UTF-8 or not (truncated E2/EF sequences at the end, lone continuation
    /// bytes, an encoded surrogate): the buffer escapers pass what they do not escape through unchanged.
    static func randomBytes(_ rng: inout SplitMix) -> [UInt8] {
        let odd: [[UInt8]] = [[0xE2], [0xE2, 0x80], [0xE2, 0x80, 0xA8], [0xEF], [0xEF, 0xBF], [0xEF, 0xBF, 0xBE], [0x80], [0xBF],
                              [0xED, 0xA0, 0x80], [0xC3], [0xFF], [0x00], [0x22], [0x7F]]
        var b: [UInt8] = []
        for _ in 0..<Int.random(in: 0...30, using: &rng) {
            if Bool.random(using: &rng) { b += odd.randomElement(using: &rng)! } else { b += Array(pieces.randomElement(using: &rng)!.utf8) }
        }
        return b
    }

    /// The JSON escaping of the bytes, one byte at a time (the rules of `JSONWriter` before it was rewritten).
    static func naiveJSON(_ p: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        var i = 0
        while i < p.count {
            let b = p[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0x00..<0x20, 0x7F: out += Array(("\\u00" + (b < 16 ? "0" : "") + String(b, radix: 16)).utf8)
            case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9):
                out += Array((p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return out + [0x22]
    }

    /// Values up to `maxCleanRun` bytes and a little beyond are tested whole and copied at once when
    /// clean: every length, clean or with one byte to escape (or a multi-byte scalar) anywhere.
    @Test func mediumValuesMatchReference() {
        var rng = SplitMix(seed: 29)
        let letters = Array("abcdefghijklmnopqrstuvwxyz ABCXYZ-.,0123456789".utf8)
        for n in 0...(ByteSink.maxCleanRun + 12) {
            for variant in 0..<40 {
                var b = (0..<n).map { _ in letters.randomElement(using: &rng)! }
                if variant > 0 && n > 0 {
                    let piece = Array(Self.pieces.randomElement(using: &rng)!.utf8)
                    let at = Int.random(in: 0..<n, using: &rng)
                    b.replaceSubrange(at..<min(at + piece.count, n), with: piece)
                }
                let s = String(decoding: b, as: UTF8.self)
                #expect(ByteSink.collect(estimate: 1) { $0.jsonString(s) } == Self.naiveJSON(Array(s.utf8)), "\(b)")
                var attribute: [UInt8] = []
                RefXMLEscaper.appendAttribute(s, to: &attribute)
                #expect(ByteSink.collect(estimate: 1) { $0.xmlAttribute(s) } == attribute, "\(b)")
            }
        }
    }

    /// The word tests that only say whether a word holds a byte to escape agree with the lane masks
    /// that say which: on random words, and on words of bytes at and around every boundary they test.
    @Test func anyWordTestsAgreeWithLaneMasks() {
        var rng = SplitMix(seed: 31)
        let near: [UInt8] = [0x00, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A,
                             0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x5B, 0x5C, 0x5D, 0x61, 0x7E, 0x7F, 0x80, 0x81, 0x9F, 0xA0, 0xA2,
                             0xBC, 0xBE, 0xDC, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xFE, 0xFF]
        var mismatches: [UInt64] = []
        for round in 0..<300_000 {
            var w: UInt64 = 0
            for k in 0..<8 {
                let b = round % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : near.randomElement(using: &rng)!
                w |= UInt64(b) << UInt64(8 * k)
            }
            let agree = (ByteSink.anyJSONCandidate(w) != 0) == (ByteSink.jsonCandidates(w) != 0)
                && (ByteSink.anyAttributeCandidate(w) != 0) == (ByteSink.attributeCandidates(w) != 0)
                && (XMLTextPieces.anyCandidateOrBreak(w) != 0) == (XMLTextPieces.candidatesOrBreaks(w) != 0)
                && [UInt8(1), 0x20, 0x80].allSatisfy { n in
                    (ByteSink.anyBelow(w, n) & 0x8080_8080_8080_8080 != 0) == (UTF8Bytes.bytesBelow(w, n) != 0)
                }
            // The low lanes of a word zero-padded above (a value's tail, `isClean`) are judged exactly as a whole.
            let r = Int.random(in: 1...7, using: &rng)
            let low = UInt64(1) << UInt64(8 * r) - 1
            let tail = w & low
            let tailsAgree = (ByteSink.anyJSONCandidate(tail) & low != 0) == (ByteSink.jsonCandidates(tail) & low != 0)
                && (ByteSink.anyAttributeCandidate(tail) & low != 0) == (ByteSink.attributeCandidates(tail) & low != 0)
            if !agree || !tailsAgree { mismatches.append(w) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { String($0, radix: 16) })")
    }

    @Test func jsonEscapingMatchesReference() {
        var rng = SplitMix(seed: 11)
        for _ in 0..<3000 {
            let s = Self.randomString(&rng)
            var reference: [UInt8] = []
            RefJSONWriter.appendString(s, to: &reference)
            #expect(ByteSink.collect(estimate: 1) { $0.jsonString(s) } == reference, "\(Array(s.utf8))")
            #expect(reference == Self.naiveJSON(Array(s.utf8)))
            let b = Self.randomBytes(&rng)
            #expect(ByteSink.collect(estimate: 1) { sink in b.withUnsafeBufferPointer { sink.jsonString($0) } } == Self.naiveJSON(b), "\(b)")
        }
        // Values of two words or less take a path of their own.
        for _ in 0..<3000 {
            let s = Self.randomString(&rng, maxPieces: 3)
            var reference: [UInt8] = []
            RefJSONWriter.appendString(s, to: &reference)
            #expect(ByteSink.collect(estimate: 1) { $0.jsonString(s) } == reference, "\(Array(s.utf8))")
        }
        // What a Swift string makes of a lone surrogate: U+FFFD, written as is.
        let lone = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62], as: UTF8.self)
        #expect(ByteSink.collect(estimate: 1) { $0.jsonString(lone) } == Array("\"a\u{FFFD}\u{FFFD}\u{FFFD}b\"".utf8))
        #expect(ByteSink.collect(estimate: 1) { $0.jsonString("\u{1}\u{2028}x\"") } == Array(#""\u0001\u2028x\"""#.utf8))
    }

    @Test func xmlEscapingMatchesReference() {
        var rng = SplitMix(seed: 12)
        for _ in 0..<3000 {
            let s = Self.randomString(&rng)
            var text: [UInt8] = [], attribute: [UInt8] = []
            RefXMLEscaper.appendText(s, to: &text)
            RefXMLEscaper.appendAttribute(s, to: &attribute)
            #expect(ByteSink.collect(estimate: 1) { $0.xmlText(s) } == text, "\(Array(s.utf8))")
            #expect(ByteSink.collect(estimate: 1) { $0.xmlAttribute(s) } == attribute, "\(Array(s.utf8))")
            // Any sub-range of a buffer, as the body writes it (sequences cut by the range end are not escaped).
            let b = Self.randomBytes(&rng)
            let lo = Int.random(in: 0...b.count, using: &rng), hi = Int.random(in: lo...b.count, using: &rng)
            var expected: [UInt8] = []
            b.withUnsafeBufferPointer { RefXMLEscaper.appendText($0, lo..<hi, to: &expected) }
            #expect(ByteSink.collect(estimate: 1) { sink in b.withUnsafeBufferPointer { sink.xmlText($0, lo..<hi) } } == expected, "\(b) \(lo)..<\(hi)")
        }
        // Values of two words or less take a path of their own.
        for _ in 0..<3000 {
            let s = Self.randomString(&rng, maxPieces: 3)
            var attribute: [UInt8] = []
            RefXMLEscaper.appendAttribute(s, to: &attribute)
            #expect(ByteSink.collect(estimate: 1) { $0.xmlAttribute(s) } == attribute, "\(Array(s.utf8))")
        }
        // The body's text written in pieces (in text order, and not), as each piece alone would be.
        for _ in 0..<3000 {
            let b = Self.randomBytes(&rng) + Self.randomBytes(&rng)
            var cuts = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Int.random(in: 0...b.count, using: &rng) } + [0, b.count]
            cuts.sort()
            var ranges = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
            if Int.random(in: 0..<4, using: &rng) == 0 { ranges.shuffle(using: &rng) }
            var expected: [UInt8] = []
            b.withUnsafeBufferPointer { p in for r in ranges { RefXMLEscaper.appendText(p, r, to: &expected) } }
            let written = ByteSink.collect(estimate: 1) { sink in
                b.withUnsafeBufferPointer { p in
                    var pieces = XMLTextPieces(p)
                    for r in ranges { pieces.write(r, to: &sink) }
                }
            }
            #expect(written == expected, "\(b) \(ranges)")
        }
        #expect(ByteSink.collect(estimate: 1) { $0.xmlAttribute("e12<") } == Array("e12&lt;".utf8))
        #expect(ByteSink.collect(estimate: 1) { $0.xmlAttribute("\u{FFFF}a") } == Array("\u{FFFD}a".utf8))
        #expect(ByteSink.collect(estimate: 1) { $0.xmlText("a]]>\u{1B}\r\u{FFFF}") } == Array("a]]&gt;<ctrl code=\"1B\">\u{FFFD}</ctrl>&#13;<ctrl code=\"FFFF\">\u{FFFD}</ctrl>".utf8))
        #expect(ByteSink.collect(estimate: 1) { $0.xmlAttribute("\"\t\n\u{0}\u{FFFE}") } == Array("&quot;&#9;&#10;\u{FFFD}\u{FFFD}".utf8))
        for v: UInt32 in [0, 1, 0x1B, 0x7F, 0xFF, 0x100, 0xFFFE, 0x10FFFF] {
            var reference: [UInt8] = []
            RefXMLEscaper.appendHex(v, to: &reference)
            #expect(ByteSink.collect(estimate: 1) { $0.upperHex(v) } == reference)
        }
    }

    // MARK: positions

    @Test func rawPositionsMatchLineIndex() {
        var rng = SplitMix(seed: 15)
        for _ in 0..<300 {
            let s = rng.offsetText()
            let doc = Fixtures.decoded(s)
            var raw = RawPositions(doc)
            var queries = Array(-2...(s.utf8.count + 2))
            // In order, then shuffled: the line hint must not depend on the order of queries.
            for order in 0..<2 {
                if order == 1 { queries.shuffle(using: &rng) }
                for o in queries {
                    let p = raw.position(o), q = doc.rawPosition(ofOriginal: o)
                    #expect(p.line == q.line && p.column == q.column, "\(o) in \(Array(s.utf8))")
                }
            }
        }
    }

    /// A document rewritten twice with random replacements, insertions and deletions.
    static func editedDocument(_ rng: inout SplitMix) -> Document {
        var doc = Fixtures.decoded(rng.offsetText())
        for _ in 0..<2 {
            let t = doc.text
            var bounds = [0]
            var o = 0
            for u in t.unicodeScalars { o += String(u).utf8.count; bounds.append(o) }
            let cuts = (0..<Int.random(in: 0...12, using: &rng)).map { _ in bounds.randomElement(using: &rng)! }.sorted()
            var b = TextBuilder(source: t)
            var i = 0
            while i + 1 < cuts.count {
                let r = cuts[i]..<cuts[i + 1]
                b.copy(upTo: r.lowerBound)
                switch Int.random(in: 0...3, using: &rng) {
                case 0: b.replace(r, with: "", fix: .markup)  // a deletion that is a fix
                case 1: b.copy(upTo: r.lowerBound); b.replace(r.lowerBound..<r.lowerBound, with: "«ins»", fix: .whitespace)
                case 2: b.replace(r, with: ["x", "é😀", "\r\n", "  "].randomElement(using: &rng)!, fix: .mojibake)
                default: b.copy(upTo: r.upperBound)  // untouched; the next cut may then skip (delete) silently
                }
                i += 2
            }
            doc.apply(b.finish(dropRest: Bool.random(using: &rng)))
        }
        return doc
    }

    @Test func sourceCursorMatchesOffsetMap() {
        var rng = SplitMix(seed: 16)
        var maps = (0..<300).map { _ in Self.editedDocument(&rng).map }
        // Hand-made maps with deletions (empty targets) at the start, middle and end.
        maps.append(OffsetMap(segments: [.init(targetStart: 0, targetEnd: 0, sourceStart: 0, sourceEnd: 3, linear: false),
                                         .init(targetStart: 0, targetEnd: 4, sourceStart: 3, sourceEnd: 7, linear: true),
                                         .init(targetStart: 4, targetEnd: 4, sourceStart: 7, sourceEnd: 9, linear: false),
                                         .init(targetStart: 4, targetEnd: 4, sourceStart: 9, sourceEnd: 10, linear: false),
                                         .init(targetStart: 4, targetEnd: 6, sourceStart: 10, sourceEnd: 11, linear: true),
                                         .init(targetStart: 6, targetEnd: 9, sourceStart: 11, sourceEnd: 12, linear: false),
                                         .init(targetStart: 9, targetEnd: 9, sourceStart: 12, sourceEnd: 20, linear: false)]))
        maps.append(OffsetMap(identity: 0))
        maps.append(OffsetMap(identity: 17))
        for map in maps {
            let n = map.targetLength
            var queries = Array(-1...(n + 1))
            // In order, reversed, and shuffled: the cursor must not depend on the order of queries.
            for order in 0..<3 {
                if order == 1 { queries.reverse() }
                if order == 2 { queries.shuffle(using: &rng) }
                var cursor = SourceCursor(map)
                for t in queries {
                    #expect(cursor.sourceStart(t) == map.sourceStart(t), "start \(t) of \(map.segments)")
                    #expect(cursor.sourceEnd(t) == map.sourceEnd(t), "end \(t) of \(map.segments)")
                }
            }
        }
    }

    // MARK: whole documents against the emitters as they were

    /// Random extraction layers on a document, ranges on scalar boundaries or (sometimes) not, and
    /// values that stress number formatting.
    static func withLayers(_ doc: Document, _ rng: inout SplitMix) -> Document {
        var doc = doc
        let n = doc.text.utf8.count
        let bounds = Support.scalarBounds(doc.text)
        func range() -> Range<Int> {
            // One range in ten may cut a scalar or leave the text: the emitters must clamp and repair as before.
            if Int.random(in: 0..<10, using: &rng) == 0 {
                let a = Int.random(in: -2...(n + 2), using: &rng), b = Int.random(in: -2...(n + 2), using: &rng)
                return min(a, b)..<max(a, b)
            }
            let a = bounds.randomElement(using: &rng)!, b = bounds.randomElement(using: &rng)!
            return min(a, b)..<max(a, b)
        }
        func text() -> String { randomString(&rng, maxPieces: 3) }
        func maybe() -> String? { Bool.random(using: &rng) ? text() : nil }
        let numbers: [Double] = [0, -0.0, 3, 1.4e9, 0.25, 1e-7, 1e300, .nan, .infinity, 9000, -12]
        var ranges = (0..<Int.random(in: 0...40, using: &rng)).map { _ in range() }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        doc.tokens = ranges.map { Token(kind: Token.Kind.allCases.randomElement(using: &rng)!, range: $0) }
        doc.entities = (0..<Int.random(in: 0...6, using: &rng)).map { i in
            Entity(id: "e\(i)\(text())", kind: Entity.Kind.allCases.randomElement(using: &rng)!, range: range(), normalized: maybe(), refersTo: maybe())
        }
        doc.acronyms = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Acronym(short: text(), long: text(), range: range(), longRange: range()) }
        doc.dates = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            TimeExpression(kind: TimeExpression.Kind.allCases.randomElement(using: &rng)!, value: text(), mod: maybe(), from: maybe(), to: maybe(),
                           quantity: maybe(), range: range())
        }
        doc.quantities = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            Quantity(value: numbers.randomElement(using: &rng)!, unit: text(), comparator: Comparator.allCases.randomElement(using: &rng)!, range: range())
        }
        doc.claims = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            Claim(kind: Claim.Kind.allCases.randomElement(using: &rng)!, subject: maybe(), subjectText: text(), measure: text(),
                  value: numbers.randomElement(using: &rng)!, comparator: Comparator.allCases.randomElement(using: &rng)!, time: maybe(),
                  quantity: Bool.random(using: &rng) ? Int.random(in: -1...20, using: &rng) : nil, range: range(),
                  items: (0..<Int.random(in: 0...3, using: &rng)).map { _ in range() })
        }
        doc.diagnostics += (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            Diagnostic(rule: "r", severity: .warning, message: text(), range: Bool.random(using: &rng) ? range() : nil,
                       origin: Bool.random(using: &rng) ? range() : nil, related: [.init(range: range(), message: text())])
        }
        return doc
    }

    static func expectSameBytes(_ doc: Document) {
        #expect(JSONEmitter.encode(doc) == RefJSONEmitter.encode(doc), "JSON of \(doc.id): \(Array(doc.text.utf8))")
        #expect(JSONEmitter.encodeLine(doc) == RefJSONEmitter.encodeLine(doc), "JSON line of \(doc.id)")
        #expect(XMLEmitter.encode(doc) == RefXMLEmitter.encode(doc), "XML of \(doc.id): \(Array(doc.text.utf8))")
    }

    @Test func fixturesMatchReference() {
        Self.expectSameBytes(Fixtures.sample())
        Self.expectSameBytes(Fixtures.hostile())
        Self.expectSameBytes(Fixtures.large(paragraphs: 12))
        Self.expectSameBytes(Document(id: "empty", source: SourceFile(path: "e.txt", bytes: [])))
        Self.expectSameBytes(ExtractionLayersEmitTests.document())
    }

    @Test func randomDocumentsMatchReference() {
        var rng = SplitMix(seed: 17)
        for _ in 0..<150 {
            Self.expectSameBytes(Fixtures.random(&rng))
            Self.expectSameBytes(Self.withLayers(Fixtures.random(&rng), &rng))
            Self.expectSameBytes(Self.withLayers(Self.editedDocument(&rng), &rng))
        }
    }
}

/// SARIF artifact URIs: `./` dropped, everything but unreserved bytes and `/` percent-encoded (upper-case hex).
@Test func sarifURIEncoding() {
    #expect(Reports.uri("./a b/ü%.txt") == "a%20b/%C3%BC%25.txt")
    #expect(Reports.uri("././Input/x-y_z~1.txt") == "Input/x-y_z~1.txt")
    #expect(Reports.uri("") == "")
    for b in UInt8(0)...UInt8(255) where b != 0x2F {
        let s = String(decoding: [b], as: UTF8.self)
        let expected = s.utf8.map { c -> String in
            let keep = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || "-._~".utf8.contains(c)
            return keep ? String(UnicodeScalar(c)) : "%" + (c < 16 ? "0" : "") + String(c, radix: 16, uppercase: true)
        }.joined()
        #expect(Reports.uri(s) == expected, "byte \(b)")
    }
}
