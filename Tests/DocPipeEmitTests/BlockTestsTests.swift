@testable import DocPipeEmit
@testable import DocPipeTestSupport
import Testing

/// The sixteen-byte tests that let the escapers cross clean runs and values (`JSONBlockTest`,
/// `XMLTextBlockTest`, `XMLAttributeBlockTest`) say what the two word tests they stand for say, so that the escapers
/// stop at the same byte: on random blocks, and on blocks of bytes at and around every boundary tested.
@Suite struct BlockTestsTests {
    @Test func blockTestsAgreeWithWordTests() {
        var rng = SplitMix(seed: 37)
        let near: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x3B, 0x3C,
                             0x3D, 0x3E, 0x3F, 0x5B, 0x5C, 0x5D, 0x61, 0x7E, 0x7F, 0x80, 0x81, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xFF]
        let letters = Array("abcdefghijklmnopqrstuvwxyz ABC,.".utf8)
        var mismatches: [[UInt8]] = []
        for round in 0..<200_000 {
            var bytes = [UInt8](repeating: 0, count: 16)
            for k in 0..<16 {
                switch round % 3 {
                case 0: bytes[k] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes[k] = near.randomElement(using: &rng)!
                // Mostly clean text with at most one byte from the boundaries.
                default: bytes[k] = letters.randomElement(using: &rng)!
                }
            }
            if round % 3 == 2 && rng.below(2) == 0 { bytes[rng.below(16)] = near.randomElement(using: &rng)! }
            let (a, b, v) = bytes.withUnsafeBytes { p in
                (UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)), UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                 p.loadUnaligned(as: SIMD16<UInt8>.self))
            }
            let json = ByteSink.jsonCandidates(a) | ByteSink.jsonCandidates(b) != 0
            let xml = XMLTextPieces.candidatesOrBreaks(a) | XMLTextPieces.candidatesOrBreaks(b) != 0
            let attribute = ByteSink.attributeCandidates(a) | ByteSink.attributeCandidates(b) != 0
            if JSONBlockTest().marks(v) != json || XMLTextBlockTest().marks(v) != xml || XMLAttributeBlockTest().marks(v) != attribute {
                mismatches.append(bytes)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
