import DocPipeCore
@testable import DocPipeSegment
@testable import DocPipeTestSupport
import Testing

/// The abbreviation lookup's quick no (no entry of that length and first byte) against the plain
/// dictionary lookup, on the entries themselves, on near misses and on random words, with and without
/// extra abbreviations (some longer than 16 bytes, beyond the packed keys).
@Suite struct AbbreviationShapeTests {
    @Test func sameKindAsTheDictionary() {
        let tables = [AbbreviationTable.standard, AbbreviationTable.standard.adding(["Ave", "Dept.", "Intergovernmental.", "x", "Éd."])]
        var rng = SplitMix(seed: 11)
        let alphabet = Array("aAbBcCeEiIjJmMnNpPsSuUvVxX.éÉ-1".utf8)
        for table in tables {
            var words = table.entries.keys.map { $0 }
            for k in table.entries.keys {
                words.append(Array(k.dropFirst()))
                words.append(Array(k.dropLast()) + [0x2E, 0x2E])
                words.append([k[0] ^ 0x20] + k.dropFirst())
                words.append(k + k)
            }
            for _ in 0..<5000 {
                var w = (0..<rng.below(20)).map { _ in alphabet[rng.below(alphabet.count)] }
                if rng.below(2) == 0 { w.append(0x2E) }
                words.append(w)
            }
            for w in words where !w.isEmpty {
                // Inside a larger buffer, so that ranges do not start at 0.
                let buffer: [UInt8] = [0x20, 0x28] + w + [0x20]
                buffer.withUnsafeBufferPointer { p in
                    #expect(table.kind(p, 2..<(2 + w.count)) == table.entries[w], "\(w)")
                }
            }
        }
    }
}
