import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeExtract

/// `DateScanner.withJointScan` (the token layer and the date scan in one pass) against the two scans run apart:
/// the same `Token`s as `Tokenizer.tokens(in:)`, and the same date tokens and indexes as `DateScanner.withScan`.
@Suite struct JointScanTests {

    /// Pieces that take every path of both scans: plain words (short, long, capitalised, lexicon words), words glued to
    /// digits, hyphens, apostrophes, periods, slashes and `$`, abbreviations, numbers of every shape, ASCII and non-ASCII
    /// punctuation, spaces and controls, non-ASCII letters.
    static let pieces: [String] = [
        "the", "in", "June", "May", "year", "years", "Council", "a", "of", "to", "and", "at", "last", "spring", "twenty",
        "international", "organisations", "Secretariat", "cooperation", "I", "x", "Zürich", "Montréal", "naïve", "Ωmega",
        "mid-1970s", "1950s", "21st", "don't", "IOM’s", "IOM's", "migrants’", "d’Ivoire", "O'Brien", "co-operation",
        "well‐being", "U.S.", "e.g.", "Dr.", "No.", "etc.", "Mrs.", "ibid.", "Messrs.", "approx.", "Arts.", "A/RES/47/4", "S/RES/1325", "HIV/AIDS", "and/or", "US$", "HK$",
        "1951", "12", "1,000", "3.5", "1,500,000", "2004/2005", "10:30", "4(3)", "2(a)", "15-year-old", "5km", "0031",
        "'89", "’50s", "$", "€", "£", "¥", "%", "#", "&", "(", ")", "[", "]", ",", ";", ":", ".", "!", "?", "\"", "-", "–", "—",
        "/", "'", "`", "“", "”", "‘", "’", "…", "•", "°", "§", "«", "»", "·", "\u{7F}", "\u{01}", "\u{0B}",
        "中文", "😀", "\u{200B}", "\u{2028}", "\u{FEFF}",
    ]
    static let glue: [String] = [" ", " ", " ", " ", "", "", "\n", "\n\n", "\t", "\r\n", "  ", "\u{00A0}", "\u{2009}", "\u{202F}", " - "]

    static func text(_ rng: inout SplitMix) -> String {
        var out = ""
        for _ in 0..<(1 + rng.below(40)) {
            if !out.isEmpty { out += glue[rng.below(glue.count)] }
            var piece = pieces[rng.below(pieces.count)]
            if rng.below(4) == 0 {
                // A random run of ASCII letters, of every length around the 8-byte loads.
                piece = String((0..<(1 + rng.below(18))).map { _ in
                    Character(Unicode.Scalar(UInt8(0x61 + rng.below(26)) ^ (rng.below(4) == 0 ? 0x20 : 0)))
                })
            }
            out += piece
        }
        return out
    }

    private func same(_ a: DateToken, _ b: DateToken) -> Bool {
        a.start == b.start && a.end == b.end && a.kind == b.kind && a.flags == b.flags && a.lex == b.lex
            && a.lexValue == b.lexValue && a.ch == b.ch && a.num == b.num && a.digits == b.digits && a.b0 == b.b0
    }

    private func check(_ text: String, firstCapacity: Int?) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            let tokens = firstCapacity.map { Tokenizer.tokens(in: p, firstCapacity: $0) } ?? Tokenizer.tokens(in: p)
            DateScanner.withScan(p) { apart in
                DateScanner.withJointScan(p, firstCapacity: firstCapacity) { jointTokens, joint in
                    #expect(jointTokens == tokens, "\(text.debugDescription)")
                    #expect(joint.tokens.count == apart.tokens.count, "\(text.debugDescription)")
                    for k in 0..<min(joint.tokens.count, apart.tokens.count) where !same(joint.tokens[k], apart.tokens[k]) {
                        Issue.record("date token \(k) differs in \(text.debugDescription)")
                        break
                    }
                    #expect(Array(joint.starts) == Array(apart.starts), "\(text.debugDescription)")
                    #expect(Array(joint.lines) == Array(apart.lines), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func jointScanMatchesTheScansApart() {
        var rng = SplitMix(state: 47)
        for round in 0..<20_000 {
            // Small first arrays now and then, so that the scans also finish apart.
            check(Self.text(&rng), firstCapacity: round % 5 == 0 ? rng.below(12) : nil)
        }
        for text in ["", " ", "\n", "a", "June", "abcdefg ", "abcdefgh", "abcdefg", "May 1945.", "in\n1990", "x\u{7F}y"] {
            check(text, firstCapacity: nil)
            check(text, firstCapacity: 0)
        }
    }

    /// What `ExtractStage` stores: `tokensAndTag` gives exactly the two layers computed apart.
    @Test func tokensAndTagMatchesTheLayersApart() {
        var rng = SplitMix(state: 53)
        for _ in 0..<3_000 {
            let text = Self.text(&rng)
            for tagger in [TimexTagger(), TimexTagger(referenceDate: "2004-06")] {
                let (tokens, dates) = tagger.tokensAndTag(text: text)
                #expect(tokens == Tokenizer.tokens(in: text))
                #expect(dates == tagger.tag(text: text), "\(text.debugDescription)")
            }
        }
    }
}
