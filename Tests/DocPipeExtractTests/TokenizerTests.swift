import Testing
import DocPipeCore
import DocPipeTestSupport
@testable import DocPipeExtract

/// `word|number|punctuation|symbol` shorthands: w, n, p, s.
private func tok(_ text: String) -> [String] {
    Tokenizer.tokens(in: text).map { t in
        let k: String
        switch t.kind {
        case .word: k = "w"
        case .number: k = "n"
        case .punctuation: k = "p"
        case .symbol: k = "s"
        }
        return k + ":" + text.utf8Slice(t.range)
    }
}

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("some 9,000 staff", ["w:some", "n:9,000", "w:staff"]),
        ("an estimated $1.4 billion.", ["w:an", "w:estimated", "s:$", "n:1.4", "w:billion", "p:."]),
        ("in 2004/2005 –", ["w:in", "n:2004/2005", "p:–"]),
        ("(GA resolution A/RES/47/4).", ["p:(", "w:GA", "w:resolution", "w:A/RES/47/4", "p:)", "p:."]),
        ("Article 1(2) of", ["w:Article", "n:1(2)", "w:of"]),
        ("Article 4(3).", ["w:Article", "n:4(3)", "p:."]),
        ("the 21st century", ["w:the", "n:21st", "w:century"]),
        ("in the mid-1970s and 1950s", ["w:in", "w:the", "w:mid-1970s", "w:and", "n:1950s"]),
        ("e.g., the U.S. and", ["w:e.g.", "p:,", "w:the", "w:U.S.", "w:and"]),
        ("Dr. Roe met Mr Smith.", ["w:Dr.", "w:Roe", "w:met", "w:Mr", "w:Smith", "p:."]),
        ("IOM’s policy", ["w:IOM", "w:’s", "w:policy"]),
        ("the Fund's work", ["w:the", "w:Fund", "w:'s", "w:work"]),
        ("migrants’ rights", ["w:migrants", "p:’", "w:rights"]),
        ("Côte d'Ivoire and Côte d’Ivoire", ["w:Côte", "w:d'Ivoire", "w:and", "w:Côte", "w:d’Ivoire"]),
        ("don't", ["w:do", "w:n't"]),
        ("well-being, co-ordination", ["w:well-being", "p:,", "w:co-ordination"]),
        ("“The Agency” — said", ["p:“", "w:The", "w:Agency", "p:”", "p:—", "w:said"]),
        ("HIV/AIDS and/or", ["w:HIV", "p:/", "w:AIDS", "w:and", "p:/", "w:or"]),
        ("US$ 3 million", ["s:US$", "n:3", "w:million"]),
        ("€25 and £40 at 60%", ["s:€", "n:25", "w:and", "s:£", "n:40", "w:at", "n:60", "s:%"]),
        ("CHF 18,000", ["w:CHF", "n:18,000"]),
        ("1,2345 and 10:30", ["n:1", "p:,", "n:2345", "w:and", "n:10:30"]),
        ("ends 1951.", ["w:ends", "n:1951", "p:."]),
        ("Türkiye\u{00A0}and", ["w:Türkiye", "w:and"]),
        ("Secretary-General …", ["w:Secretary-General", "p:…"]),
    ] as [(String, [String])])
    func tokens(_ text: String, _ expected: [String]) {
        #expect(tok(text) == expected)
    }

    @Test func rangesCoverTextWithoutOverlap() {
        let text = "The Organization’s 157 member states (A/RES/47/4) — “quoted” $1.4bn, e.g. U.S.\nNew line\u{2028}x"
        let ts = Tokenizer.tokens(in: text)
        var last = 0
        for t in ts {
            #expect(t.range.lowerBound >= last)
            #expect(!t.range.isEmpty)
            last = t.range.upperBound
        }
        #expect(last <= text.utf8.count)
        // Every non-space byte is inside a token.
        let covered = ts.reduce(0) { $0 + $1.range.count }
        let nonSpace = text.unicodeScalars.filter { !$0.properties.isWhitespace }.reduce(0) { $0 + String($1).utf8.count }
        #expect(covered == nonSpace)
    }

    @Test func emptyAndSpaceOnly() {
        #expect(Tokenizer.tokens(in: "").isEmpty)
        #expect(Tokenizer.tokens(in: " \n\t\u{00A0}").isEmpty)
    }
}

@Test func asciiClassFunctionMatchesTable() {
    for b in 0..<128 {
        #expect(Tokenizer.asciiClassOf(UInt8(b)) == Tokenizer.asciiClass[b], "byte \(b)")
    }
}

/// The eight-bytes-at-a-time letter test agrees with the byte test for every byte value in every lane.
@Test func asciiLetterBytesMatchesByteTest() {
    for b in 0..<256 {
        for lane in 0..<8 {
            // Neighbours that are letters and non-letters, so no carry between lanes can hide a mistake.
            for fill: UInt8 in [0x41, 0x7A, 0x20, 0xFF, 0x60, 0x7B] {
                var w = UInt64(fill) &* 0x0101_0101_0101_0101
                w &= ~(UInt64(0xFF) << (8 * lane))
                w |= UInt64(b) << (8 * lane)
                let mask = Tokenizer.asciiLetterBytes(w)
                for k in 0..<8 {
                    let byte = UInt8(truncatingIfNeeded: w >> (8 * k))
                    #expect((mask >> (8 * k + 7)) & 1 == (Tokenizer.isASCIILetter(byte) ? 1 : 0), "byte \(byte) in lane \(k)")
                }
            }
        }
    }
}

/// Words longer than the eight-byte step, and words ending at every offset inside it, end where they should.
@Test func longWordsEndExactly() {
    for len in 1...20 {
        for tail in [" x", ".", "’s", "-y", "", "5", "é"] {
            let word = String(repeating: "a", count: len)
            let toks = Tokenizer.tokens(in: word + tail)
            #expect(toks.first?.range.upperBound ?? 0 >= len, "\(word)\(tail)")
            if tail == " x" || tail == "." || tail == "’s" || tail == "" {
                #expect(toks.first?.range == 0..<len, "\(word)\(tail)")
            }
        }
    }
}

/// The inline plain-word path says a word ends where `scanWord` ends it, and only where `emitWord` would
/// append it as a plain word (checked at every ASCII letter of random texts).
@Test func plainWordEndAgreesWithScanWord() {
    var rng = SplitMix(seed: 0x70CE)
    let words = ["the", "The", "IOM", "a", "US", "e", "g", "abcdefghij", "Secretary", "no", "Dr", "don", "n", "s", "HK", "A", "RES", "x1"]
    let glue = [" ", "  ", "\n", "-", "'", "’", "’s", "'s", ".", ". ", ",", ";", ":", "(", ")", "/", "$", "%", "9", "12", "–", "‐",
                "é", "\u{A0}", "@", "[", "_", "`", "~", "\u{7F}", "\u{01}", "\"", "", "#", "&", "!", "?"]
    var checked = 0
    for _ in 0..<400 {
        let text = rng.text(words: words, glue: glue, maxPieces: 40)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            for i in p.indices where Tokenizer.isASCIILetter(p[i]) {
                guard let e = Tokenizer.plainWordEnd(p, i) else { continue }
                checked += 1
                #expect(e == Tokenizer.scanWord(p, i), "\(text) at \(i)")
                #expect(e < p.count && p[e] != 0x24 && p[e] != 0x27 && p[e] != 0xE2, "\(text) at \(i)")
            }
        }
    }
    #expect(checked > 1000)
}

/// Tokens written past a too-small first guess (the scan resumes into a second array) are the tokens of
/// one pass with room for all, on random texts and every small guess.
@Test func tokensResumePastTheFirstCapacity() {
    var rng = SplitMix(seed: 0x70C5)
    let words = ["the", "IOM", "don", "US", "e", "g", "Secretary", "No", "A", "RES", "1950s", "9", "12", "x1", "é", "Ωmega"]
    let glue = [" ", "  ", "\n", "-", "'", "’", "’s", "'s", "n't", ".", ". ", ",", ";", "(", ")", "/", "$", "%", "9", ",000", "–", "\u{A0}", "", "!"]
    for _ in 0..<300 {
        let text = rng.text(words: words, glue: glue, maxPieces: 30)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            let whole = Tokenizer.tokens(in: p, firstCapacity: p.count + 2)
            #expect(whole == Tokenizer.tokens(in: p))
            for cap in 0...min(12, whole.count + 2) {
                #expect(Tokenizer.tokens(in: p, firstCapacity: cap) == whole, "\(text) cap \(cap)")
            }
        }
    }
}

/// The sorted abbreviation keys answer as a set of the words would: every listed word, and random short
/// words of the letters they use.
@Test func packedAbbreviationsAgreeWithTheWordList() {
    let listed = Set(Tokenizer.abbreviationList)
    func pack(_ w: String) -> UInt64 { w.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    for w in listed { #expect(Tokenizer.isPackedAbbreviation(pack(w)), "\(w)") }
    var rng = SplitMix(seed: 0xABB)
    let letters = Array("abcdefghilmnoprstvx")
    for _ in 0..<5000 {
        let w = String((0..<(1 + rng.below(7))).map { _ in letters[rng.below(letters.count)] })
        #expect(Tokenizer.isPackedAbbreviation(pack(w)) == listed.contains(w), "\(w)")
    }
}
