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
                     "Over", "NEARLY", "well", "over", "estimated", ""]
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
                }
            }
        }
    }
}
