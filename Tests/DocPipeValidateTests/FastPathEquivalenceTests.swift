import DocPipe
import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeValidate

/// The byte-level fast paths of the rules against the straightforward versions they replaced (kept
/// here as references), on hand-picked edge cases and on seeded random texts made of tricky pieces.
@Suite struct FastPathEquivalenceTests {

    /// Pieces that exercise folding: case, every kind of white space and quote, non-ASCII letters,
    /// lone lead bytes of the quote sequences at the end of a sentence, event words glued to others.
    static let pieces = [
        "the", "The", "THE", "fund", "Fund", "opened", "in", "1990", ".", ",", " ", "  ", "\t", "\n", "\r\n",
        "\u{A0}", "\"", "'", "“", "”", "‘", "’", "«", "»", "é", "É", "ÉCOLE", "Genève", "—", "€", "\u{2019}s",
        "founded", "Founded", "FOUNDED", "refounded", "founders", "born", "Born", "died", "signed", "Established",
        "created", "formed", "cofounded", "UNEP", "NGOs", "MoU", "DATA", "CHARTER", "A/RES/47", "G77", "IV", "x",
    ]

    static func randomText(_ rng: inout SplitMix, pieces count: Int) -> String {
        var s = ""
        for _ in 0..<count {
            s += pieces.randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) > 0 { s += " " }
        }
        return s
    }

    // MARK: duplicate-sentence

    /// The folding key of the original rule.
    static func referenceKey(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var words = 0, inWord = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { inWord = false; i += 1; continue }
            if c == 0x22 || c == 0x27 { i += 1; continue }
            if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, [0x98, 0x99, 0x9C, 0x9D].contains(b[i + 2]) { i += 3; continue }
            if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xAB || b[i + 1] == 0xBB { i += 2; continue }
            if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { inWord = false; i += 2; continue }
            if !inWord {
                words += 1
                if !out.isEmpty { out.append(0x20) }
                inWord = true
            }
            out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            i += 1
        }
        return words >= 4 ? out : nil
    }

    static func fast(_ s: String) -> (hash: UInt64?, fold: [UInt8]) {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { p in
            var f: [UInt8] = []
            DuplicateSentenceRule.fold(p, 0..<b.count, into: &f)
            return (DuplicateSentenceRule.hash(p, 0..<b.count), f)
        }
    }

    @Test(arguments: [
        ("The fund opened in 1990.", "The  FUND opened in 1990."),
        ("The fund opened in 1990.", "The fund “opened” in 1990."),
        ("The fund opened in 1990.", "The\tfund\nopened\r\nin 1990."),
        ("The fund opened in 1990.", "The\u{A0}fund opened in 1990."),
        ("The fund opened in 1990.", " The fund opened in 1990. "),
        ("The fund's office opened in 1990.", "The funds office opened in 1990."),
        ("«The fund» opened in 1990.", "The fund opened in 1990."),
    ])
    func sentencesThatFoldTogetherHashTogether(a: String, b: String) {
        let (x, y) = (Self.fast(a), Self.fast(b))
        #expect(x.fold == y.fold)
        #expect(x.hash != nil && x.hash == y.hash)
    }

    @Test(arguments: [
        ("The fund opened in 1990.", "The bank opened in 1990."),
        ("Genève hosts the secretariat.", "GENÈVE hosts the secretariat."),  // only ASCII case folds
        ("The fund opened in 1990.", "The fundopened in 1990 ."),
        ("The fund opened in 1990.", "The fund opened in 1990"),
    ])
    func differentSentencesStayApart(a: String, b: String) {
        let (x, y) = (Self.fast(a), Self.fast(b))
        #expect(x.fold != y.fold)
        #expect(x.hash != y.hash)
    }

    @Test func shortSentencesHaveNoKey() {
        #expect(Self.fast("See below.").hash == nil)
        #expect(Self.fast("“One” ‘two’ three").hash == nil)
        #expect(Self.fast("One two three four").hash != nil)
        #expect(Self.fast("").hash == nil)
    }

    @Test func foldAndHashAgreeWithTheReferenceKey() {
        var rng = SplitMix(state: 1)
        var byKey: [[UInt8]: UInt64] = [:]
        var byHash: [UInt64: [UInt8]] = [:]
        for n in 0..<20_000 {
            let s = Self.randomText(&rng, pieces: n % 23)
            let bytes = Array(s.utf8)
            let reference = Self.referenceKey(bytes)
            let (hash, fold) = Self.fast(s)
            #expect((hash == nil) == (reference == nil), "\(s.debugDescription)")
            guard let reference, let hash else { continue }
            #expect(fold == reference, "\(s.debugDescription)")
            // Equal keys hash equal; distinct keys found here never collide.
            if let h = byKey[reference] { #expect(h == hash, "\(s.debugDescription)") } else { byKey[reference] = hash }
            if let k = byHash[hash] { #expect(k == reference, "\(s.debugDescription)") } else { byHash[hash] = reference }
        }
        #expect(byKey.count > 1000)
    }

    static func signature(_ s: String) -> UInt64 {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { DuplicateSentenceRule.signature($0, 0..<b.count) }
    }

    /// The signature is its definition (the count of the bytes 0x28...0x7F and the sum of those bytes
    /// with bit 5 set), computed a byte at a time, on random bytes and offsets (sentences up to
    /// 3,000 bytes, every byte value).
    @Test func signatureMatchesItsDefinition() {
        var rng = SplitMix(state: 11)
        for n in 0..<3_000 {
            let length = n < 2_000 ? rng.below(80) : rng.below(3_000)
            // Mostly text-like bytes, some 0xFF (never kept), in a third of the texts any byte.
            let bytes: [UInt8] = (0..<length).map { _ in
                n % 3 == 0 ? UInt8(truncatingIfNeeded: rng.below(256)) : (rng.below(4) == 0 ? 0xFF : UInt8(0x20 + rng.below(0x60)))
            }
            let lo = length == 0 ? 0 : rng.below(min(length, 9))
            var count = 0, sum = 0
            for b in bytes[lo...] where b >= 0x28 && b < 0x80 { count += 1; sum += Int(b | 0x20) }
            let expected = UInt64(count) << 32 | UInt64(sum) & 0xFFFF_FFFF
            let got = bytes.withUnsafeBufferPointer { DuplicateSentenceRule.signature($0, lo..<length) }
            #expect(got == expected, "length \(length) from \(lo)")
        }
    }

    /// Only sentences whose signatures agree are hashed: equal folds must give equal signatures,
    /// however the bytes fall into the eight-byte words.
    @Test func equalFoldsHaveEqualSignatures() {
        var rng = SplitMix(state: 3)
        var bySignature: [[UInt8]: UInt64] = [:]
        for n in 0..<20_000 {
            let s = Self.randomText(&rng, pieces: n % 31)
            let fold = Self.fast(s).fold
            let signature = Self.signature(s)
            if let earlier = bySignature[fold] { #expect(earlier == signature, "\(s.debugDescription)") } else { bySignature[fold] = signature }
            // The same fold written otherwise: capitals, more white space, quotes, a leading offset.
            var variant = String(repeating: " ", count: rng.below(9))
            for c in s {
                switch rng.below(6) {
                case 0: variant += c.uppercased()
                case 1: variant += c == " " ? "\t \u{A0}" : String(c)
                case 2: variant += "“" + String(c)
                default: variant += String(c)
                }
            }
            guard Self.fast(variant).fold == fold else { continue }
            #expect(Self.signature(variant) == signature, "\(s.debugDescription) / \(variant.debugDescription)")
        }
        #expect(Self.signature("The fund opened in 1990.") != Self.signature("The bank opened in 1990."))
    }

    /// The label lookup against `contains` on the array, for queries mostly in order, as sentences
    /// come, and some out of order.
    @Test func labelLookupAgreesWithAScan() {
        var rng = SplitMix(state: 9)
        for _ in 0..<300 {
            let ranges = (0..<rng.below(40)).map { _ -> Range<Int> in let a = rng.below(200); return a..<(a + rng.below(4)) }
            var labels = DuplicateSentenceRule.Labels(ranges.shuffled(using: &rng))
            var start = 0
            for _ in 0..<100 {
                start = rng.below(10) == 0 ? rng.below(200) : start + rng.below(6)
                let r = start..<(start + rng.below(4))
                #expect(labels.contains(r) == ranges.contains(r), "\(ranges) \(r)")
            }
        }
    }

    @Test func collidingHashesAreTellApartByTheirText() {
        // Every sentence gets the same hash: the table must still keep distinct texts apart.
        let texts = ["a b c d", "e f g h", "A B C D", "e  f g h", "i j k l"]
        var table = DuplicateSentenceRule.FirstOccurrences(capacity: 2)
        var found: [Range<Int>?] = []
        for i in texts.indices {
            found.append(table.insert(i..<i + 1, hash: 42) { a, b in
                Self.referenceKey(Array(texts[a.lowerBound].utf8)) == Self.referenceKey(Array(texts[b.lowerBound].utf8))
            })
        }
        #expect(found == [nil, nil, 0..<1, 1..<2, nil])
    }

    // MARK: date-conflict

    /// The event-word prefilter of the original rule.
    static func referenceMentionsEvent(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i] | 0x20
            if c == 0x62 || c == 0x63 || c == 0x64 || c == 0x65 || c == 0x66 || c == 0x73, i == 0 || !(b[i - 1] | 0x20 >= 0x61 && b[i - 1] | 0x20 <= 0x7A) {
                var j = i
                while j < b.count, b[j] | 0x20 >= 0x61 && b[j] | 0x20 <= 0x7A { j += 1 }
                if j - i >= 4 && j - i <= 11 {
                    let w = String(decoding: b[i..<j].map { $0 | 0x20 }, as: UTF8.self)
                    if DateConflictRule.eventWords[w] != nil { return true }
                }
                i = j
                continue
            }
            i += 1
        }
        return false
    }

    @Test func eventPrefilterAgreesWithTheReference() {
        var rng = SplitMix(state: 2)
        var hits = 0
        for n in 0..<20_000 {
            let b = Array(Self.randomText(&rng, pieces: n % 7).utf8)
            let fast = b.withUnsafeBufferPointer { DateConflictRule.mentionsEvent($0, 0..<b.count) }
            #expect(fast == Self.referenceMentionsEvent(b), "\(String(decoding: b, as: UTF8.self).debugDescription)")
            if fast { hits += 1 }
        }
        #expect(hits > 1000)
        for w in DateConflictRule.eventWords.keys {
            for form in [w, w.uppercased(), w.prefix(1).uppercased() + w.dropFirst(), "(" + w + ")", "é" + w] {
                let b = Array(form.utf8)
                #expect(b.withUnsafeBufferPointer { DateConflictRule.mentionsEvent($0, 0..<b.count) }, "\(form)")
            }
            for form in ["re" + w, w + "s", w + "x", "x" + w] {
                let b = Array(form.utf8)
                #expect(!b.withUnsafeBufferPointer { DateConflictRule.mentionsEvent($0, 0..<b.count) }, "\(form)")
            }
        }
    }

    // MARK: quantity-conflict

    @Test func sentenceLookupAgreesWithAScan() {
        var rng = SplitMix(state: 3)
        for round in 0..<300 {
            // Ordered layouts (with empty sentences and gaps) and, every fourth round, shuffled or overlapping ones.
            var sentences: [Sentence] = []
            var at = 0
            for _ in 0..<Int.random(in: 0..<12, using: &rng) {
                at += Int.random(in: 0..<3, using: &rng)
                let length = Int.random(in: 0..<6, using: &rng)
                sentences.append(Sentence(range: at..<at + length))
                at += length
            }
            if round % 4 == 3 {
                sentences.shuffle(using: &rng)
                sentences.append(Sentence(range: 0..<at + 1))
            }
            let lookup = QuantityConflictRule.SentenceLookup(sentences)
            for a in 0...at + 1 {
                for b in 0...at + 1 {
                    let scan = sentences.contains { $0.range.contains(a) && $0.range.contains(b) }
                    #expect(lookup.same(a, b) == scan, "\(sentences.map(\.range)) \(a) \(b)")
                    #expect(lookup.same(a, b, sentenceOfA: lookup.index(of: a)) == scan, "\(sentences.map(\.range)) \(a) \(b)")
                }
            }
        }
    }

    // MARK: acronym-undefined

    /// Where the capital-skipping scan must and must not find a word: at the very start and end of
    /// the text (the byte-at-a-time tail), after non-ASCII letters and digits (inside a word), and
    /// across the eight-byte steps.
    @Test(arguments: [
        ("UNEP funds two projects here.", ["UNEP"]),
        ("Two projects are funded by UNEP", ["UNEP"]),
        ("Funded by xUNEP and éUNEP and 7UNEP today.", []),
        ("A long lowercase stretch of text precedes the acronym WMO and then CARICOM.", ["WMO", "CARICOM"]),
        ("See IMO.", ["IMO"]),
    ])
    func acronymScanFindsWordStarts(text: String, expected: [String]) {
        var doc = RuleExamplesTests.pipeline.process(SourceFile(path: "t", bytes: Array((text + "\n").utf8)), id: "t")
        try? ValidateStage(only: ["acronym-undefined"]).process(&doc)
        let words = doc.diagnostics.compactMap { $0.range.map { doc.text.utf8Slice($0) } }
        #expect(words == expected)
    }
}

extension FastPathEquivalenceTests {
    /// Prose-like sentences (long ASCII runs with single and double spaces at every alignment of the
    /// eight-byte steps, quotes and line breaks now and then): the runs that fold across spaces must
    /// give the fold and word count of the reference.
    @Test func proseRunsAgreeWithTheReferenceKey() {
        var rng = SplitMix(state: 4)
        let words = ["a", "of", "the", "Fund", "OPENED", "intergovernmental", "1990", "(MBWM)", "A/RES/46/146", "members’", "it's", "x.", "—", "é"]
        let gaps = [" ", " ", " ", " ", "  ", "\n", " \u{A0}", " \"", "\" ", "\t", "“", "”"]
        var byKey: [[UInt8]: UInt64] = [:]
        for n in 0..<20_000 {
            var s = Bool.random(using: &rng) ? "" : gaps.randomElement(using: &rng)!
            for k in 0..<(n % 13) {
                if k > 0 { s += gaps.randomElement(using: &rng)! }
                s += words.randomElement(using: &rng)!
            }
            if Int.random(in: 0..<4, using: &rng) == 0 { s += gaps.randomElement(using: &rng)! }
            let reference = Self.referenceKey(Array(s.utf8))
            // Padded on both sides, as sentences sit inside a text: loads may run past the sentence.
            let padded = Array(("Xx " + s + " Yy zz tail").utf8)
            let r = 3..<3 + s.utf8.count
            let (hash, fold) = padded.withUnsafeBufferPointer { p in
                var f: [UInt8] = []
                DuplicateSentenceRule.fold(p, r, into: &f)
                return (DuplicateSentenceRule.hash(p, r), f)
            }
            #expect((hash == nil) == (reference == nil), "\(s.debugDescription)")
            guard let reference, let hash else { continue }
            #expect(fold == reference, "\(s.debugDescription)")
            if let h = byKey[reference] { #expect(h == hash, "\(s.debugDescription)") } else { byKey[reference] = hash }
        }
        #expect(byKey.count > 1000)
    }
}

extension FastPathEquivalenceTests {
    /// The eight-byte word-end masks of acronym-undefined against `isWordByte`, for every byte value
    /// at every position, next to neighbours that could carry into it.
    @Test func acronymWordMasksAgreeWithTheByteTest() {
        for b in 0...255 {
            for position in 0..<8 {
                for fill: UInt64 in [0x00, 0x41, 0x7F, 0x80, 0xFF, 0x2F, 0x3A] {
                    var w = fill &* 0x0101_0101_0101_0101
                    w &= ~(0xFF << UInt64(position * 8))
                    w |= UInt64(b) << UInt64(position * 8)
                    let stop = (AcronymUndefinedRule.nonWordBytes(w) >> UInt64(position * 8 + 7)) & 1 == 1
                    let capital = (AcronymUndefinedRule.capitalBytes(w) >> UInt64(position * 8 + 7)) & 1 == 1
                    #expect(stop == !AcronymUndefinedRule.isWordByte(UInt8(b)), "\(b) at \(position)")
                    #expect(capital == (b >= 0x41 && b <= 0x5A), "\(b) at \(position)")
                }
            }
        }
    }

    @Test(arguments: [
        // A second capital in the first, in a later or in no eight-byte step after the first capital;
        // too many lower-case letters or too long a word after it.
        ("The WHO, the UNEPx and ABCDEFGHIJ funds.", ["UNEPx", "ABCDEFGHIJ"]),
        ("Abcdefgh Ijklmnop QRSTUVWXyz Aa1B2c3D4e ABCDEFGHIJKLM: done", []),
        ("Partners include Abcdefghijk and the ABCDEFGHIJKL today", ["ABCDEFGHIJKL"]),
        ("Short WMo", ["WMo"]),
        ("Aé tail Bcdefghijklmnop Cde Fghijklmno", []),
    ])
    func acronymWordEndsAcrossSteps(text: String, expected: [String]) {
        acronymScanFindsWordStarts(text: text, expected: expected)
    }
}

extension FastPathEquivalenceTests {
    /// acronym-undefined passes over a word that starts with a capital and two lower-case letters:
    /// no such word has the acronym shape, whatever follows.
    @Test func capitalAndTwoLowerCaseNeverLookLikeAnAcronym() {
        let tail: [UInt8] = Array("abyzsAMZ09s\u{E9}".utf8)
        var rng = SplitMix(seed: 23)
        for _ in 0..<20_000 {
            var w: [UInt8] = [UInt8(0x41 + rng.next() % 26), UInt8(0x61 + rng.next() % 26), UInt8(0x61 + rng.next() % 26)]
            for _ in 0..<Int(rng.next() % 12) { w.append(tail[Int(rng.next() % UInt64(tail.count))]) }
            #expect(!AcronymUndefinedRule.looksLikeAcronym(w), "\(w)")
        }
    }

    /// quantity-conflict's ASCII test for a dated frame against the Character test it short-cuts.
    @Test func frameFastPathAgreesWithCharacters() {
        let pieces = ["1", "9", "0", "-", "X", "٣", "\u{301}", "\r", "\n", "a", "é", "PRESENT_REF", " "]
        var rng = SplitMix(seed: 31)
        for n in 0..<5_000 {
            var t = ""
            for _ in 0..<(n % 9) { t += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let digits = t.prefix(4)
            let expected = t == "PRESENT_REF" || (digits.count == 4 && digits.allSatisfy(\.isNumber))
            #expect(QuantityConflictRule.isComparable(t) == expected, "\(t.debugDescription)")
        }
        #expect(!QuantityConflictRule.isComparable(nil))
    }

    // MARK: acronym-undefined

    /// Capitals headings: the byte test answers as `uppercased() == text` does for ASCII, and defers
    /// (nil) on anything else.
    @Test func capsHeadingByteTestAgreesWithUppercasing() {
        var rng = SplitMix(state: 41)
        var ascii = 0, caps = 0
        for _ in 0..<3000 {
            let t = Self.randomText(&rng, pieces: Int.random(in: 0..<5, using: &rng))
            let b = Array(t.utf8)
            let answer = b.withUnsafeBufferPointer { AcronymUndefinedRule.asciiWithoutLowercase($0, 0..<b.count) }
            if b.allSatisfy({ $0 < 0x80 }) {
                ascii += 1
                #expect(answer == (t.uppercased() == t), "\(t.debugDescription)")
                if answer == true { caps += 1 }
            } else {
                #expect(answer == nil, "\(t.debugDescription)")
            }
        }
        #expect(ascii > 500 && caps > 100)
    }
}

extension FastPathEquivalenceTests {
    /// A heading that is not ASCII but has an ASCII lower-case letter is never its own `uppercased()`:
    /// on random headings of ASCII and of letters whose upper case is special (ß, ŉ, ǅ, ı, ſ, the
    /// Kelvin and Ångström signs, the ﬁ ligature, decomposed accents).
    @Test func asciiLowercaseMeansNotCapitals() {
        let pieces = ["a", "z", "A", "Z", "DATA", "Data", " ", "1", "ß", "ŉ", "ǅ", "ı", "ſ", "\u{212A}", "\u{212B}", "ﬁ", "e\u{301}",
                      "E\u{301}", "É", "é", "İ", "Σ", "σ", "ς", "Ω", "\u{2126}", "ǰ", "ΐ"]
        var rng = SplitMix(state: 43)
        var lower = 0
        for _ in 0..<20_000 {
            var t = ""
            for _ in 0..<(1 + rng.below(6)) { t += pieces[rng.below(pieces.count)] }
            let b = Array(t.utf8)
            guard !b.allSatisfy({ $0 < 0x80 }), b.withUnsafeBufferPointer({ AcronymUndefinedRule.hasASCIILowercase($0, 0..<b.count) }) else { continue }
            lower += 1
            #expect(t.uppercased() != t, "\(t.debugDescription)")
        }
        #expect(lower > 1000)
    }
}

extension FastPathEquivalenceTests {
    /// acronym-undefined against a scan that looks at every word starting with a capital, a byte at a
    /// time (the rule jumps eight bytes at a time and passes over a capital followed by two lower-case
    /// letters first), on random texts of capitals, acronyms, glued words and non-ASCII letters.
    @Test func acronymScanAgreesWithAByteScan() {
        let pieces = ["UNEP", "The", "the", "WHO", "MoU", "NGOs", "IV", "A", "I", "Ab", "AbC", "ABs", "Abc1D", "ÉCOLE", "é",
                      "7UNEP", "xUNEP", "A/RES/47", "DATA", "CHARTER", "Geneva", "McDonald", "McDO", "CO2", "G77", "Zz", "Zzz",
                      "ABCDEFGHIJKLM", "ABCDEFGHIJKL", "1990", ",", ".", "-", "/", "Ma", "MAb", "OECS", "CARICOM", "UN", "xAbcD"]
        var rng = SplitMix(state: 17)
        var reported = 0
        for n in 0..<400 {
            var s = "Members say that"
            for _ in 0..<(20 + n % 40) {
                s += rng.below(5) == 0 ? "" : (rng.below(9) == 0 ? "  " : " ")
                s += pieces[rng.below(pieces.count)]
            }
            s += " and more.\n"
            var doc = RuleExamplesTests.pipeline.process(SourceFile(path: "t", bytes: Array(s.utf8)), id: "t")
            try? ValidateStage(only: ["acronym-undefined"]).process(&doc)
            let found = doc.diagnostics.compactMap { $0.range.map { doc.text.utf8Slice($0) } }
            #expect(found == Self.referenceUndefinedAcronyms(doc), "\(s.debugDescription)")
            reported += found.count
        }
        #expect(reported > 400)
    }

    /// The words acronym-undefined reports, found by looking at every word that starts with a capital.
    static func referenceUndefinedAcronyms(_ doc: Document) -> [String] {
        let u = Array(doc.text.utf8)
        var skipped = AcronymUndefinedRule.wellKnown
        for a in doc.acronyms {
            skipped.insert(a.short)
            skipped.insert(AcronymConflictRule.singular(a.short))
            skipped.insert(a.short + "s")
            for part in a.short.split(separator: " ") { skipped.insert(String(part)) }
        }
        let capsHeadings = doc.blocks.filter { $0.kind == .heading }.map(\.range).filter {
            let t = doc.text.utf8Slice($0)
            return t.uppercased() == t
        }
        var out: [String] = []
        var i = 0
        while i < u.count {
            guard u[i] >= 0x41 && u[i] <= 0x5A, i == 0 || !AcronymUndefinedRule.isWordByte(u[i - 1]) else { i += 1; continue }
            var j = i + 1
            while j < u.count && AcronymUndefinedRule.isWordByte(u[j]) { j += 1 }
            let range = i..<j
            i = j
            let word = String(decoding: u[range], as: UTF8.self)
            guard AcronymUndefinedRule.looksLikeAcronym(u[range]), !skipped.contains(word), !AcronymUndefinedRule.isRoman(word),
                  !capsHeadings.contains(where: { $0.contains(range.lowerBound) }),
                  !(range.lowerBound > 0 && u[range.lowerBound - 1] == 0x2F), !(range.upperBound < u.count && u[range.upperBound] == 0x2F),
                  !u.withUnsafeBufferPointer({ AcronymUndefinedRule.inCapitalPhrase($0, range) }) else { continue }
            skipped.insert(word)
            out.append(word)
        }
        return out
    }
}
