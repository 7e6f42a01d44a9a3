import DocPipeTestSupport
import Testing
@testable import DocPipe

/// `ClaimStrings` interns by the exact bytes first and compares as `String` only once a scalar from U+0300
/// on was seen: it must give the ids, stored strings and group keys a plain `[String: Int32]` gives.
@Suite struct ClaimStringsTests {
    /// The plain version: a dictionary keyed by `String` (canonical equivalence).
    struct Reference {
        var ids: [String: Int32] = [:]
        var strings: [String] = []
        mutating func id(_ s: String) -> Int32 {
            if let k = ids[s] { return k }
            strings.append(s)
            ids[s] = Int32(strings.count - 1)
            return Int32(strings.count - 1)
        }
    }

    /// Pieces that are equal as strings with other bytes (é, Å, K and the Kelvin sign, Å and the
    /// ångström sign, Greek tonos), upper-case letters for the keys, and plain ASCII.
    static let pieces = ["a", "B", "e", "K", "k", "A", " ", "1", "\u{1F}", "members", "Paris",
                         "\u{E9}", "e\u{301}", "\u{212A}", "\u{C5}", "A\u{30A}", "\u{212B}", "\u{3AC}", "\u{3B1}\u{301}",
                         "\u{C4}", "\u{130}", "\u{2FF}", "\u{300}", "\u{FFFD}"]

    func randomString(_ rng: inout SplitMix, asciiOnly: Bool) -> String {
        let limit = asciiOnly ? 11 : Self.pieces.count
        return (0..<(1 + rng.below(4))).map { _ in Self.pieces[rng.below(limit)] }.joined()
    }

    func randomBytes(_ rng: inout SplitMix, asciiOnly: Bool) -> [UInt8] {
        if asciiOnly || rng.below(3) > 0 { return Array(randomString(&rng, asciiOnly: asciiOnly).utf8) }
        // Invalid sequences and stray continuation bytes become U+FFFD.
        return (0..<rng.below(6)).map { _ in [0x41, 0x80, 0xC3, 0xA9, 0xCC, 0x81, 0xFF, 0xE2, 0x84, 0xAA][rng.below(10)] }
    }

    @Test func sameIdsAndStringsAsAStringDictionary() {
        var rng = SplitMix(seed: 1616)
        var canonicalRounds = 0
        for round in 0..<300 {
            let strings = ClaimStrings()
            var ref = Reference()
            // Some rounds stay below U+0300 for a while (byte equality alone), then the rest follows.
            let asciiFor = rng.below(3) == 0 ? 1000 : rng.below(40)
            var sawEquivalent = false
            for step in 0..<(20 + rng.below(80)) {
                let ascii = step < asciiFor
                switch rng.below(3) {
                case 0:
                    let s = randomString(&rng, asciiOnly: ascii)
                    let before = ref.strings.count, k = ref.id(s)
                    if k < before && Array(ref.strings[Int(k)].utf8) != Array(s.utf8) { sawEquivalent = true }
                    #expect(strings.id(s) == k, "round \(round): \(s.unicodeScalars.map(\.value))")
                case 1:
                    let b = randomBytes(&rng, asciiOnly: ascii)
                    let k = ref.id(String(decoding: b, as: UTF8.self))
                    #expect(b.withUnsafeBufferPointer { strings.id(decoding: $0) } == k, "round \(round): \(b)")
                default:
                    let s = randomString(&rng, asciiOnly: ascii), m = randomString(&rng, asciiOnly: ascii)
                    let t = ["2014", "PRESENT_REF", "2014-03"][rng.below(3)]
                    let expected = (key: ref.id(s.lowercased() + "\u{1F}" + m + "\u{1F}" + t), subjectText: ref.id(s), time: ref.id(t))
                    let got = strings.group(subject: s, measure: m, time: t)
                    #expect(got.key == expected.key && got.subjectText == expected.subjectText && got.time == expected.time,
                            "round \(round): \(s) \(m) \(t)")
                }
            }
            for (k, s) in ref.strings.enumerated() {
                #expect(Array(strings[id: Int32(k)].utf8) == Array(s.utf8), "round \(round): string \(k)")
            }
            if sawEquivalent { canonicalRounds += 1 }
        }
        #expect(canonicalRounds > 20, "the random runs must meet equal strings with different bytes")
    }
}
