import Testing
import DocPipeCore
@testable import DocPipeExtract
import DocPipeTestSupport

/// Fast paths of the quantity extractor against the `String` code they replace, on random word runs.
@Suite struct QuantityFastPathTests {
    /// Words that reach every branch of the generic unit: time nouns, measure units, unit phrases (first,
    /// last and middle words), acronyms, capitals, singulars that pluralise, non-ASCII and hyphenated words.
    static let words = [
        "years", "year", "days", "Decades", "km", "KM", "tonnes", "Tonnes", "kilometres", "square", "kilometers", "degrees", "k",
        "member", "Member", "states", "States", "state", "members", "staff", "Staff", "employees", "personnel", "people",
        "persons", "organisations", "organizations", "observer", "countries", "country", "territories", "and", "ngos", "NGOs",
        "NGO", "UN", "non-governmental", "Non-Governmental", "nongovernmental", "office", "offices", "box", "church", "city",
        "day", "bus", "cafés", "États", "naïve", "Rhône", "İstanbul", "ÜNITED", "IOM’s", "boys", "PERSONNEL", "Staff’s",
    ]

    /// `genericUnit` as it was: every part and the key lower-cased, tables looked up by `String`.
    static func referenceGenericUnit(_ s: ScanText, _ ut: Range<Int>, value: Double) -> QuantityExtractor.GenericUnit {
        let t = s.tokens
        var parts: [String] = []
        for idx in ut {
            let tk = t[idx]
            var w = tk.acronym ? s.text(tk.start..<tk.end) : s.lower(idx)
            if idx == ut.upperBound - 1 && value == 1 && !QuantityExtractor.isPluralNoun(s, idx) { w = QuantityExtractor.pluralize(w) }
            parts.append(w)
        }
        let key = parts.joined(separator: " ")
        var canon = QuantityTables.unitPhrases[key.lowercased()] ?? key
        if QuantityTables.timeNouns.contains(parts.last!.lowercased()) { return .duration }
        if QuantityTables.measureUnits.contains(parts.last!.lowercased()) { return .measure(canon) }
        if let last = parts.last, let c = QuantityTables.unitPhrases[last.lowercased()], parts.count > 1, c != last.lowercased() {
            canon = (parts.dropLast() + [c]).joined(separator: " ")
        }
        return .count(canon)
    }

    @Test func genericUnitMatchesStringVersion() {
        var rng = SplitMix(seed: 91)
        var plainSeen = 0
        for _ in 0..<400 {
            let n = Int.random(in: 1...6, using: &rng)
            let text = (0..<n).map { _ in Self.words.randomElement(using: &rng)! }.joined(separator: " ")
            let s = ScanText(qcDocument(text))
            let t = s.tokens
            for a in t.indices where t[a].kind == .word {
                var b = a + 1
                while b <= t.count, b - a <= 4, t[b - 1].kind == .word {
                    for value in [1.0, 2.0] {
                        let got = QuantityExtractor.genericUnit(s, a..<b, value: value)
                        #expect(got == Self.referenceGenericUnit(s, a..<b, value: value), "\(text) \(a)..<\(b) \(value)")
                        if value == 2 && (a..<b).allSatisfy({ !t[$0].acronym && s.lower($0).utf8.allSatisfy { $0 < 0x80 } }) { plainSeen += 1 }
                    }
                    b += 1
                }
            }
        }
        // Both paths were taken.
        #expect(plainSeen > 100)
    }

    /// The phrase tables, bucketed by first byte, against the space-joined lower-cased words looked up.
    @Test func phraseTablesMatchJoinedLookup() {
        var rng = SplitMix(seed: 92)
        let extra = ["no", "more", "than", "at", "least", "a", "further", "an", "additional", "up", "to", "in", "excess", "of",
                     "Over", "NEARLY", "well", "over", "estimated", "",
                     "$", "€", "£", "¥", "US$", "HK", "hundred", "Million", "billion", "3m", "bn", "K", "twenty", "Five", "thirds",
                     "half", "quarters", "tenth", "Ü", "ʼ", "$5"]
        let vocab = Self.words + extra + extra
        for _ in 0..<400 {
            let n = Int.random(in: 1...6, using: &rng)
            let text = (0..<n).map { _ in vocab.randomElement(using: &rng)! }.joined(separator: " ")
            let s = ScanText(qcDocument(text))
            let t = s.tokens
            for a in t.indices {
                for len in 1...5 where a + len <= t.count {
                    let key = (a..<a + len).map { s.lower($0) }.joined(separator: " ")
                    #expect(QuantityExtractor.unitPhraseTable.match(s, a, len) == QuantityTables.unitPhrases[key], "\(key)")
                    #expect(QuantityExtractor.comparatorPhrases.match(s, a, len) == QuantityTables.comparators[key], "\(key)")
                    #expect((QuantityExtractor.additionPhrases.match(s, a, len) != nil) == QuantityTables.additionMarkers.contains(key), "\(key)")
                    if len == 1 {
                        #expect(QuantityExtractor.scaleTable.match(s, a, 1) == QuantityTables.scales[key], "\(key)")
                        #expect(QuantityExtractor.attachedScaleTable.match(s, a, 1) == QuantityTables.attachedScales[key], "\(key)")
                        #expect(QuantityExtractor.unitTable.match(s, a, 1) == QuantityTables.units[key], "\(key)")
                        #expect(QuantityExtractor.fractionTable.match(s, a, 1) == QuantityTables.fractions[key], "\(key)")
                        #expect(QuantityExtractor.currencySymbolTable.match(s, a, 1) == QuantityTables.currencySymbols[key], "\(key)")
                        #expect(QuantityExtractor.currencyPrefixTable.match(s, a, 1) == QuantityTables.currencyPrefixWords[key], "\(key)")
                    }
                }
            }
        }
    }

    /// The time-frame candidates picked out in the matches' walk against every token tested in turn.
    @Test func timeCandidatesMatchEveryTokenTested() {
        var rng = SplitMix(seed: 93)
        let vocab = ["In", "2021", "1990s", "the", "IOM", "was", "founded", "established", "now", "currently", "today", "has",
                     "9,000", "1,990", "2004/2005", "12.5", "twenty-one", "two-thirds", "a", "dozen", "one", "hundred", "and", "five",
                     "over", "more", "than", "member", "states", "$", "3m", "2,000", "$1990", "1850", "–", "(", ")", ",", ".", "Now",
                     "per", "cent", "%", "staff", "years", "half", "million", "Founded"]
        for _ in 0..<600 {
            let n = Int.random(in: 1...30, using: &rng)
            var text = ""
            for _ in 0..<n {
                text += vocab.randomElement(using: &rng)!
                text += Int.random(in: 0..<5, using: &rng) == 0 ? "" : " "
            }
            let a = QuantityAnalysis(qcDocument(text))
            let expected = a.scan.tokens.indices.filter { QuantityExtractor.isTimeCandidate(a.scan.tokens[$0]) }
            #expect(a.timeCandidates == expected, "\(text)")
        }
    }

    /// A number token's value from its digits against `Double(String)`: up to 18 digits with or without a
    /// point (the division path and the `String` fallback past 15 digits), many of them not exact in binary.
    @Test func numberValueMatchesDoubleParse() {
        var rng = SplitMix(seed: 94)
        for _ in 0..<20_000 {
            let digits = 1 + rng.below(18)
            var text: [UInt8] = (0..<digits).map { _ in UInt8(0x30 + rng.below(10)) }
            if digits > 1, rng.below(3) > 0 { text.insert(0x2E, at: 1 + rng.below(digits - 1)) }
            let expected = Double(String(decoding: text, as: UTF8.self))
            let got = QuantityExtractor.numberValue(text[...])
            #expect(got == expected && got?.bitPattern == expected?.bitPattern, "\(String(decoding: text, as: UTF8.self))")
        }
    }
}
