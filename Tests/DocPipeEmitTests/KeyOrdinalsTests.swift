import DocPipeCore
@testable import DocPipeEmit
@testable import DocPipeTestSupport
import Testing

/// The fingerprint ordinals table against a Dictionary of byte arrays, as `Finding.make` counted before.
@Suite struct KeyOrdinalsTests {
    @Test func ordinalsAgreeWithADictionary() {
        var rng = SplitMix(seed: 0x5EED_0806)
        for _ in 0..<50 {
            let n = 1 + rng.below(300)
            var table = KeyOrdinals(capacity: n)
            var reference: [[UInt8]: Int] = [:]
            for _ in 0..<n {
                // Few distinct keys of mixed lengths, so that keys repeat and hashes share slots.
                let key = (0..<rng.below(20)).map { _ in UInt8(truncatingIfNeeded: rng.below(3)) }
                let o = key.withUnsafeBufferPointer { table.add($0) }
                #expect(o == reference[key, default: 0])
                reference[key, default: 0] += 1
            }
        }
    }
}
