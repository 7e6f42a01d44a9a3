import DocPipeTestSupport
import Testing
@testable import DocPipeSegment

/// The word-at-a-time scans against a byte-by-byte search, on random bytes dense and sparse in the bytes
/// they look for, from every start to every end of short buffers.
@Suite struct ScanTests {
    @Test func terminatorCandidateIsTheFirstOne() {
        var rng = SplitMix(seed: 2016)
        // Neighbours of the searched bytes (a borrow in the word test must not be taken for a hit).
        let alphabet: [UInt8] = [0x2E, 0x21, 0x3F, 0xE2, 0x2D, 0x2F, 0x20, 0x22, 0x3E, 0x40, 0xE1, 0xE3, 0x61, 0x00, 0xFF, 0x80, 0x01]
        for round in 0..<3000 {
            let dense = round % 2 == 0
            let bytes = (0..<rng.below(40)).map { _ in dense ? alphabet[rng.below(alphabet.count)] : (rng.below(12) == 0 ? alphabet[rng.below(4)] : alphabet[4 + rng.below(alphabet.count - 4)]) }
            bytes.withUnsafeBufferPointer { p in
                for a in 0...p.count {
                    for e in a...p.count {
                        var naive = a
                        while naive < e && ![0x2E, 0x21, 0x3F, 0xE2].contains(p[naive]) { naive += 1 }
                        #expect(Scan.nextTerminatorCandidate(p, a, e) == naive, "\(bytes) \(a)..<\(e)")
                    }
                }
            }
        }
    }
}
