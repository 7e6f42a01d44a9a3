import DocPipeCore
import DocPipeTestSupport
import Testing
@testable import DocPipeValidate

/// Byte-level helpers of the rules' messages and keys against the String code they replaced.
@Suite struct MessageAndKeyFastPathTests {
    static func randomText(_ rng: inout SplitMix, pieces count: Int) -> String {
        FastPathEquivalenceTests.randomText(&rng, pieces: count)
    }

    @Test func messageBytesSpellWhatInterpolationSpells() {
        var rng = SplitMix(seed: 0x5EED_0801)
        for _ in 0..<400 {
            let text = Self.randomText(&rng, pieces: 1 + rng.below(30))
            let bytes = Array(text.utf8)
            // Any range, on scalar boundaries or not.
            let a = rng.below(bytes.count + 1), b = a + rng.below(bytes.count - a + 1)
            let n = rng.below(3) == 0 ? -rng.below(1000) : rng.below(100_000)
            var m = MessageBytes()
            bytes.withUnsafeBufferPointer { t in
                m.append("x ")
                m.append(n)
                m.append(": '")
                m.append(slice: a..<b, of: text, t)
                m.append("' ")
                m.append(text)
            }
            #expect(m.string == "x \(n): '\(text.utf8Slice(a..<b))' \(text)", "\(text.debugDescription) \(a)..<\(b)")
            #expect(Array(m.string.utf8) == Array("x \(n): '\(text.utf8Slice(a..<b))' \(text)".utf8))
        }
    }

    @Test func sameBytesAgreesWithElementsEqual() {
        var rng = SplitMix(seed: 0x5EED_0802)
        for _ in 0..<2000 {
            let bytes = (0..<(1 + rng.below(80))).map { _ in UInt8(truncatingIfNeeded: 0x61 + rng.below(3)) }
            let a = rng.below(bytes.count), b = rng.below(bytes.count)
            let la = rng.below(bytes.count - a + 1), lb = rng.below(3) == 0 ? la : rng.below(bytes.count - b + 1)
            let x = a..<(a + min(la, bytes.count - a)), y = b..<(b + min(lb, bytes.count - b))
            bytes.withUnsafeBufferPointer { p in
                #expect(sameBytes(p, x, y) == p[x].elementsEqual(p[y]))
            }
        }
    }

    @Test func romanNumeralsOnBytesAgreeWithCharacters() {
        var rng = SplitMix(seed: 0x5EED_0804)
        let letters = Array("IVXLCDMAZivx0".utf8)
        for _ in 0..<2000 {
            let w = (0..<(1 + rng.below(6))).map { _ in letters[rng.below(letters.count)] }
            let s = String(decoding: w, as: UTF8.self)
            #expect(w.withUnsafeBufferPointer { AcronymUndefinedRule.isRoman($0) } == AcronymUndefinedRule.isRoman(s), "\(s)")
        }
    }

    @Test func packedWordsAreEqualExactlyWhenTheWordsAre() {
        var rng = SplitMix(seed: 0x5EED_0805)
        let letters = Array("ABCNOsU0\u{0}".utf8)
        var byPacking: [AcronymUndefinedRule.PackedWord: String] = [:]
        var table = AcronymUndefinedRule.PackedWords([])
        var inserted = Set<AcronymUndefinedRule.PackedWord>()
        for _ in 0..<5000 {
            let w = (0..<(rng.below(14))).map { _ in letters[rng.below(letters.count)] }
            let s = String(decoding: w, as: UTF8.self)
            guard let p = w.withUnsafeBufferPointer({ AcronymUndefinedRule.packed($0) }) else {
                #expect(w.count > 12)
                continue
            }
            if let earlier = byPacking[p] { #expect(earlier == s) } else { byPacking[p] = s }
            // The table against a Set, inserting every other word (it grows past 128 words).
            #expect(table.contains(p) == inserted.contains(p))
            if p.low & 1 == 0 { table.insert(p); inserted.insert(p) }
            #expect(table.contains(p) == inserted.contains(p))
            #expect(table.count == inserted.count)
        }
        #expect(Array("É".utf8).withUnsafeBufferPointer { AcronymUndefinedRule.packed($0) } == nil)
        #expect(AcronymUndefinedRule.wellKnownPacked.count == AcronymUndefinedRule.wellKnown.count)
    }

    /// The token pass tests a token's length and first letter before spelling event words: every
    /// event word, in any case, must pass both tests; the tests still turn most lengths and letters away.
    @Test func eventWordsPassTheLengthAndInitialTests() {
        for w in DateConflictRule.eventWords.keys {
            for v in [w, w.uppercased(), w.prefix(1).uppercased() + w.dropFirst()] {
                let b = Array(v.utf8)
                #expect([4, 6, 7, 11].contains(b.count), "\(v)")
                #expect(DateConflictRule.eventLengthBits &>> UInt64(b.count) & 1 != 0, "\(v)")
                #expect(DateConflictRule.eventInitialBits &>> UInt64(b[0] | 0x20) & 1 != 0, "\(v)")
                #expect(b.withUnsafeBufferPointer { DateConflictRule.eventKind($0, 0..<b.count) } != nil, "\(v)")
            }
        }
        let lengths = (0..<64).filter { DateConflictRule.eventLengthBits &>> UInt64($0) & 1 != 0 }
        #expect(lengths == [4, 6, 7, 11])
        let initials = (0..<256).filter { DateConflictRule.eventInitialBits &>> UInt64(UInt8($0) | 0x20) & 1 != 0 }
        #expect(initials.count == 48)   // b c d e f s, with and without bit 5, in each of four 64-byte rows
        #expect(initials.contains(0x42) && initials.contains(0x73) && !initials.contains(0x61) && !initials.contains(0x67))
    }
}
