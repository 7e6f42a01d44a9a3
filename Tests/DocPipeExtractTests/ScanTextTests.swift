import Testing
import DocPipeCore
@testable import DocPipeExtract
import DocPipeTestSupport

/// The scan keeps each token's lower-cased text as bytes in one buffer and answers word tests on those
/// bytes; these must agree with the `String` definitions they replace.
@Suite struct ScanTextTests {
    static let samples = [
        "The IOM’s 9,000 Member-States met in 2021; ÜNITED Nations' staff rose 1.5 km² (approx.) — nearly “Forty-two” NGOs.",
        "A further EIGHT states hold observer status; the Rhône Commission’s 3,400,000 people; İstanbul had 12 offices.",
        "no more than 10% of 7 k; $3m for the Sixty staff; STATES’ OBSERVERS; 4½ hours",
        "Médecins Sans Frontières’ ÉTATS-MEMBRES, ÜNs and ÀÉs; straße ÿ Ÿ àÀ×÷Þþ Genève’s Ångström Øresund-façades ÉTATs Ωmegaé café\u{301}s x²é",
    ]

    /// What the scan stored as a `String` before: `lowercased()` for words, digits without separators
    /// for numbers, the scalar itself for punctuation.
    static func oldLower(_ s: ScanText, _ k: Int) -> String {
        let tk = s.tokens[k]
        let text = s.text(tk.start..<tk.end)
        switch tk.kind {
        case .word: return text.lowercased()
        case .number: return String(text.filter { $0 != "," })
        case .punct: return text
        }
    }

    @Test(arguments: samples) func lowerBytesMatchStringLowercasing(_ text: String) {
        let s = ScanText(qcDocument(text))
        #expect(!s.tokens.isEmpty)
        for k in s.tokens.indices {
            let old = Self.oldLower(s, k)
            #expect(s.lower(k) == old)
            // Word-class bits from the byte table equal the `String` dictionary's.
            #expect(s.tokens[k].kind == .number || s.tokens[k].flags == WordClass.of(old))
            #expect(s.charCount(k) == old.count)
            for suffix: StaticString in ["s", "’s", "'s", "ed", "ing", "es"] {
                #expect(s.hasSuffix(k, suffix) == old.hasSuffix(suffix.description))
            }
            #expect(s.isPossessive(k) == QuantityExtractor.isPossessive(old))
        }
    }

    /// Case flags of word tokens as the scalar-property loop defined them (Latin-1 letters now take a
    /// byte path): first letter upper case; acronym = two or more upper-case letters, no lower case but
    /// an `s` plural.
    @Test(arguments: samples) func caseFlagsMatchScalarProperties(_ text: String) {
        let s = ScanText(qcDocument(text))
        for k in s.tokens.indices where s.tokens[k].kind == .word {
            let tk = s.tokens[k]
            let word = s.text(tk.start..<tk.end)
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "²" || $0 == "³" }
            let upper = letters.filter(\.properties.isUppercase).count
            let lowerCount = letters.count - upper
            let acr = upper >= 2 && (lowerCount == 0 || (lowerCount == 1 && word.lowercased().hasSuffix("s") && word.last == "s"))
            #expect(tk.capitalized == (letters.first?.properties.isUppercase ?? false), "\(word)")
            #expect(tk.acronym == acr, "\(word)")
            #expect(tk.simple == word.unicodeScalars.allSatisfy { $0.isASCII || $0 == "’" }, "\(word)")
        }
    }

    /// `tokenize` fills a first array of a guessed size and resumes into a second past it: every guess
    /// gives the tokens and bytes of one uninterrupted scan (a large guess), wherever the cut falls.
    @Test(arguments: samples + ["  12 ,a\n\n b–3.5  ", "x"]) func tokenizeResumesPastTheFirstCapacity(_ text: String) {
        let bytes = Array(text.utf8)
        let (whole, wholeLow) = ScanText.tokenize(bytes, firstCapacity: bytes.count + 1)
        #expect(!whole.isEmpty)
        for cap in Set([0, 1, 2, 3, 5, 8, whole.count / 2, whole.count - 1, whole.count, whole.count + 1]) {
            let (toks, low) = ScanText.tokenize(bytes, firstCapacity: cap)
            #expect(low == wholeLow, "cap \(cap)")
            #expect(toks.count == whole.count, "cap \(cap)")
            for (a, b) in zip(toks, whole) {
                #expect(a.kind == b.kind && a.capitalized == b.capitalized && a.acronym == b.acronym && a.spaceBefore == b.spaceBefore
                        && a.hyphen == b.hyphen && a.simple == b.simple && a.start == b.start && a.end == b.end
                        && a.lo == b.lo && a.len == b.len && a.flags == b.flags, "cap \(cap) at \(b.start)")
            }
        }
    }

    /// The stops the scan lists as it writes its tokens are the tokens `isQuantityStop` says, in order, on
    /// random texts (numbers, hyphenated and vocabulary words, punctuation), with the word cache and
    /// without, in one pass and resumed past a small first guess.
    @Test func stopsAreTheQuantityStopTokens() {
        var rng = SplitMix(seed: 58)
        let words = ["the", "The", "one", "Two", "thirty", "a", "An", "half", "now", "Today", "currently", "founded", "Established",
                     "created", "member", "states", "km", "million", "x", "IOM", "twenty-one", "non-permanent", "two-thirds", "abcdefghijklmnopq"]
        let glue = [" ", " ", "  ", "\n", "-", "'", "’s", "—", "–", "\u{A0}", "é", "Ω", ".", ",", ";", "(", ")", "9", "12,000", "1.5",
                    "2021", "$", "%", "", ":", "/", ". ", ", "]
        let flags = ScanText.quantityStopFlags
        for round in 0..<300 {
            let text = rng.text(words: words, glue: glue, maxPieces: 60)
            let bytes = Array(text.utf8)
            for (cap, cache) in [(bytes.count + 1, true), (bytes.count + 1, false), (rng.below(8), true)] {
                let r = ScanText.tokenizeWithStops(bytes, firstCapacity: cap, wordCache: cache)
                let expected = r.tokens.indices.filter { ScanText.isQuantityStop(r.tokens[$0], flags) }
                #expect(r.stops == expected, "round \(round) cap \(cap): \(text)")
            }
        }
    }

    /// The word cache (a repeated ASCII word takes its flags and lower-cased text from its first
    /// occurrence) against the full word loop for every word, on random texts: vocabulary words in mixed
    /// case, acronyms and plurals, words glued to hyphens, apostrophes, `’`, Latin-1 and other letters,
    /// dashes and quotes (E2 80 xx), NBSP, `ª`, letter-like symbols (E2 84 xx); small caches force evictions.
    @Test func wordCacheMatchesFullWordLoop() {
        var rng = SplitMix(seed: 57)
        let words = ["the", "The", "THE", "states", "States", "NGOs", "NGOS", "IOM", "iom", "million", "Million", "a", "A", "s", "S",
                     "member", "Member", "members", "observer", "km", "half", "thirty", "UNs", "USs", "Us", "uS", "x", "Ab", "aB",
                     "percent", "billion", "more", "than", "over", "of", "comprises", "is", "was", "zz", "Zz", "abcdefghijklmnopq",
                     "ABCDEFGHIJKLMNOPQRs", "staff", "offices",
                     // Lower-cased through `String` and remembered per scan (`ForeignMemo`): Greek, Cyrillic,
                     // a title-case letter, a final sigma, an `s` after other letters.
                     "Κυπριακή", "ΔΗΜΟΚΡΑΤΊΑ", "Δημοκρατία", "Москва", "МОСКВАs", "ΣΣ", "ΟΔΟΣ", "ǅemal", "αs", "ȱ"]
        let glue = [" ", " ", " ", "  ", "\n", "-", "'", "’", "’s", "'s", "—", "–", "“", "”", "\u{A0}", "ª", "é", "É", "ß", "Ω", "ℓ",
                    "²", ".", ",", ";", "(", ")", "9", "12,000", "1.5", "$", "%", "\u{2028}", "\u{2000}", "\u{203F}", "\u{2040}", "", "İ",
                    ":", "!", "?", "\"", "/", "#", "+", "&", "*", "\u{0B}", "\u{7F}", "` ", ". ", ", ", ") ", " (", "'",
                    // Scalars sharing a `ForeignMemo` slot (low byte B1) with `α` and `ȱ`.
                    "±", "α", "\u{20B1}"]
        for round in 0..<300 {
            let text = rng.text(words: words, glue: glue, maxPieces: 60)
            let bytes = Array(text.utf8)
            let (ref, refLow) = ScanText.tokenize(bytes, firstCapacity: bytes.count + 1, wordCache: false)
            for cap in [bytes.count + 1, Int.random(in: 0...max(1, ref.count), using: &rng)] {
                let (toks, low) = ScanText.tokenize(bytes, firstCapacity: cap)
                #expect(toks.count == ref.count, "round \(round): \(text)")
                for (a, b) in zip(toks, ref) {
                    #expect(a.kind == b.kind && a.capitalized == b.capitalized && a.acronym == b.acronym && a.spaceBefore == b.spaceBefore
                            && a.hyphen == b.hyphen && a.simple == b.simple && a.start == b.start && a.end == b.end
                            && a.len == b.len && a.flags == b.flags
                            && low[Int(a.lo)..<Int(a.lo + a.len)] == refLow[Int(b.lo)..<Int(b.lo + b.len)], "round \(round) at \(b.start): \(text)")
                }
            }
        }
    }

    /// The scan's memo of scalar classes (direct-mapped, so scalars evict each other) against the scalar
    /// properties asked afresh, over the Latin, Greek, Cyrillic and punctuation blocks in random order, each
    /// scalar asked several times.
    @Test func foreignMemoLetterBitsMatchScalarProperties() {
        var rng = SplitMix(seed: 59)
        let ranges: [ClosedRange<UInt32>] = [0x80...0x6FF, 0x1E00...0x1FFF, 0x2000...0x218F, 0x3040...0x30FF, 0x1F600...0x1F64F]
        var scalars: [Unicode.Scalar] = []
        for r in ranges { for v in r { if let u = Unicode.Scalar(v) { scalars.append(u); scalars.append(u) } } }
        scalars.shuffle(using: &rng)
        var memo = ScanText.ForeignMemo(enabled: true)
        for u in scalars {
            let bytes = Array(String(u).utf8)
            let bits = bytes.withUnsafeBufferPointer { memo.letterBits($0, 0) }
            let letter = bytes.withUnsafeBufferPointer { ScanText.isLetterSlow($0, 0) }
            #expect((bits & ScanText.ForeignMemo.letter != 0) == letter, "U+\(String(u.value, radix: 16))")
            #expect((bits & ScanText.ForeignMemo.upper != 0) == (letter && u.properties.isUppercase), "U+\(String(u.value, radix: 16))")
        }
    }

    /// Evictions: more distinct words than slots, each repeated, in the smallest cache.
    @Test func wordCacheSurvivesEvictions() {
        #expect(ScanText.WordCacheEntry.slots(forBytes: 10) == 256)
        var rng = SplitMix(seed: 58)
        var text = ""
        for _ in 0..<3000 {
            var w = ""
            for _ in 0..<Int.random(in: 1...4, using: &rng) { w.append(Character(Unicode.Scalar(UInt8.random(in: 0x61...0x66, using: &rng)))) }
            text += (Bool.random(using: &rng) ? w.uppercased() : w) + " "
        }
        let bytes = Array(text.utf8)
        let (ref, refLow) = ScanText.tokenize(bytes, firstCapacity: bytes.count, wordCache: false)
        let (toks, low) = ScanText.tokenize(bytes, firstCapacity: bytes.count)
        #expect(toks.count == ref.count)
        #expect(low.count < refLow.count)   // repeated words share their lower-cased text
        for (a, b) in zip(toks, ref) {
            #expect(a.capitalized == b.capitalized && a.acronym == b.acronym && a.flags == b.flags && a.start == b.start && a.end == b.end
                    && low[Int(a.lo)..<Int(a.lo + a.len)] == refLow[Int(b.lo)..<Int(b.lo + b.len)])
        }
    }

    @Test func lowerRunCopiesAndHashesLowerCaseLetters() {
        let src = Array("abcz{Q`xyz".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        let (end, h) = src.withUnsafeBufferPointer { p in out.withUnsafeMutableBufferPointer { ScanText.lowerRun(p, $0, 1, 3, 7) } }
        #expect(end == 4)                                   // stops at `{`
        #expect(Array(out[3..<6]) == Array("bcz".utf8))
        var want: UInt64 = 7
        for c in "bcz".utf8 { want = (want ^ UInt64(c)) &* 0x100000001b3 }
        #expect(h == want)
        let (end2, _) = src.withUnsafeBufferPointer { p in out.withUnsafeMutableBufferPointer { ScanText.lowerRun(p, $0, 7, 0, 0) } }
        #expect(end2 == 10)                                 // runs to the end of the text
    }

    @Test func fourDigitValueIsIntOfLowerText() {
        let s = ScanText(qcDocument("in 2021, 1.25 and 0999 or 12,345 then 7 and 20.5 or 1950s"))
        var seen = 0
        for k in s.tokens.indices where s.tokens[k].kind == .number {
            #expect(s.fourDigitValue(k) == Int(s.lower(k)), "\(s.lower(k))")
            seen += 1
        }
        #expect(seen == 7)
    }

    @Test func wordTestsOnBytes() throws {
        let s = ScanText(qcDocument("The IOM’s Thousand members"))
        #expect(s.tokens.count == 4)
        #expect(s.eq(0, "the") && !s.eq(0, "The") && !s.eq(0, "them"))
        #expect(s.eq(1, "iom’s") && s.isPossessive(1) && s.tokens[1].simple)
        #expect(s.charCount(1) == 5)
        #expect(s.tokens[2].has(WordClass.scale))
        #expect(s.eq(3, Array("members".utf8)))
        #expect(QuantityExtractor.isPluralNoun(s, 3))
    }

    @Test func byteVocabFindsEveryKeyAndNothingElse() {
        let vocab = WordClass.byteTable
        for (key, flags) in WordClass.table {
            let b = Array(key.uppercased().utf8)
            // Upper-case ASCII folds; other letters are looked up as given.
            let folded = Array(key.utf8).allSatisfy { $0 < 0x80 } ? b : Array(key.utf8)
            #expect(folded.withUnsafeBufferPointer { vocab.lookupFolding($0, 0, $0.count) } == flags)
        }
        let miss = Array("notaword".utf8)
        #expect(miss.withUnsafeBufferPointer { vocab.lookupFolding($0, 0, $0.count) } == 0)
    }

    @Test func phraseTableMatchesWholePhrasesOnly() {
        let s = ScanText(qcDocument("no more than ten, more ten"))
        #expect(QuantityExtractor.comparatorPhrases.match(s, 0, 3) == .atMost)   // no more than
        #expect(QuantityExtractor.comparatorPhrases.match(s, 1, 2) == .over)     // more than
        #expect(QuantityExtractor.comparatorPhrases.match(s, 5, 2) == nil)       // more ten
        #expect(QuantityExtractor.unitPhraseTable.match(qcScan("member states"), 0, 2) == "member states")
    }

    /// Sentence and block token ranges (found from the previous span when spans come in order, their
    /// ends by doubling and halving) against `tokenRange(of:)` by halving and walking, on random spans: in
    /// order, touching, overlapping, empty, out of order, long, past the text; and each token's sentence
    /// (the first that holds it).
    @Test func spanTokenRangesMatchHalving() {
        var rng = SplitMix(seed: 60)
        let text = "The IOM has 173 member states, 9,000 staff; about 12 offices.\nIt grew by 4 in 2021 — see p. 5.  Ends here"
        let n = text.utf8.count
        for _ in 0..<300 {
            var d = qcDocument(text)
            var spans: [Range<Int>] = []
            var at = Int.random(in: 0...6, using: &rng)
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                if Int.random(in: 0..<6, using: &rng) == 0 { at = Int.random(in: 0...n, using: &rng) }   // out of order
                let lo = min(at, n + 2), hi = lo + Int.random(in: 0...(Int.random(in: 0..<4, using: &rng) == 0 ? 120 : 25), using: &rng)
                spans.append(lo..<hi)
                at = Int.random(in: 0...2, using: &rng) == 0 ? max(0, hi - 3) : hi + Int.random(in: 0...3, using: &rng)
            }
            d.sentences = spans.map { Sentence(range: $0) }
            d.blocks = spans.map { Block(kind: .paragraph, range: $0) }
            let s = ScanText(d)
            let nonEmpty = spans.map { s.tokenRange(of: $0) }.filter { !$0.isEmpty }
            #expect(s.sentences == nonEmpty, "\(spans)")
            #expect(s.blocks.map(\.tokens) == spans.map { s.tokenRange(of: $0) }, "\(spans)")
            #expect(s.sentenceOf == s.tokens.indices.map { t in nonEmpty.firstIndex { $0.contains(t) } ?? -1 }, "\(spans)")
        }
    }

    /// A text without tokens has no sentence entries (the fill writes nothing, whatever the spans).
    @Test func noTokensNoSentenceEntries() {
        for text in ["", "   ", "\n\n"] {
            var d = qcDocument(text)
            d.sentences = [Sentence(range: 0..<text.utf8.count), Sentence(range: 0..<0)]
            let s = ScanText(d)
            #expect(s.tokens.isEmpty && s.sentenceOf.isEmpty && s.sentences.isEmpty, "\(text)")
        }
    }

    /// Sentence subjects are computed lazily; a pronoun takes the previous sentence's, through a chain.
    @Test func pronounChainResolvesThroughLazySubjects() {
        var d = qcDocument("The Harbour Authority has 42 member states. It was founded in 1950. It employs 300 staff.")
        d.quantities = QuantityExtractor.quantities(in: d)
        let claims = ClaimExtractor.claims(in: d)
        #expect(claims.contains { $0.value == 300 && $0.subjectText == "Harbour Authority" && $0.measure == "staff" })
    }
}

private func qcScan(_ text: String) -> ScanText { ScanText(qcDocument(text)) }
