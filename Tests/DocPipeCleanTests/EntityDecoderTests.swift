import DocPipeCore
import Testing
@testable import DocPipeClean
import DocPipeTestSupport

@Suite struct EntityDecoderTests {
    @Test(arguments: [
        ("caf&eacute;", "café"),
        ("it&#8217;s", "it’s"),
        ("a&#x2014;b", "a—b"),
        ("a&#X2014;b", "a—b"),
        ("&EACUTE;t&Eacute;", "ÉtÉ"),
        ("x&NBSP;y", "x\u{A0}y"),
        ("&Nbsp;", "\u{A0}"),
        ("it&#146;s", "it’s"),
        ("&#128;5", "€5"),
        ("&#0;", "\u{FFFD}"),
        ("&#xD800;", "\u{FFFD}"),
        ("&#x110000;", "\u{FFFD}"),
        ("&#99999999999999;", "\u{FFFD}"),
        ("&amp;eacute;", "é"),
        ("&amp;amp;", "&"),
        ("&amp;amp;lt;", "<"),
        ("&#38;#233;", "é"),
        ("AT&amp;T", "AT&T"),
        ("&NotEqualTilde;", "≂̸"),
        ("&fjlig;", "fj"),
        ("&lt;p&gt;", "<p>"),
    ])
    func decodes(_ input: String, _ expected: String) {
        let rw = EntityDecoder.rewrite(input)
        #expect(rw.text == expected)
        #expect(!rw.fixes.isEmpty)
        #expect(rw.fixes.allSatisfy { $0.kind == .entity })
        checkRewrite(rw, of: input)
    }

    @Test(arguments: [
        "AT&T", "R&D", "Q&A;", "a & b", "&", "&;", "&#;", "&#x;", "&copy", "&#8217", "&nosuchentity;", "&EaCuTe;",
        "&&#101;acute;", "&amp&#59;", "x&eacute&#59;", "tom&jerry;", "plain text",
    ])
    func leavesAlone(_ input: String) {
        let rw = EntityDecoder.rewrite(input)
        if input == "&&#101;acute;" || input == "&amp&#59;" || input == "x&eacute&#59;" {
            // Decoding would create a new reference: left as is.
            #expect(rw.text == input)
        } else {
            #expect(rw.text == input)
            #expect(rw.fixes.isEmpty)
        }
    }

    @Test func fixRecordsReference() {
        let rw = EntityDecoder.rewrite("a &eacute; b")
        #expect(rw.fixes.count == 1)
        #expect(rw.fixes[0].before == "&eacute;")
        #expect(rw.fixes[0].after == "é")
        #expect(rw.fixes[0].oldRange == 2..<10)
        #expect(rw.map.sourceRange(2..<4) == 2..<10)
        #expect(rw.map.sourceRange(5..<6) == 11..<12)
    }

    @Test func idempotentOnRandomInputs() {
        var rng = SeededRandom(seed: 42)
        let pieces = ["&", "amp;", "#", "38;", "x26;", "eacute", ";", "e", "acute;", "&#101;", "&amp;", "lt;", "a", " ", "#59;",
                      "&#38;", "EACUTE;", "nbsp;", "x", "1", "é", "&#x", "65;"]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 1...10, using: &rng) { s += pieces.randomElement(using: &rng)! }
            let once = EntityDecoder.rewrite(s)
            checkRewrite(once, of: s)
            let twice = EntityDecoder.rewrite(once.text)
            #expect(twice.text == once.text, "not idempotent: \(s) → \(once.text) → \(twice.text)")
            #expect(twice.fixes.isEmpty)
        }
    }

    @Test func tableIsComplete() {
        #expect(EntityDecoder.table.count == EntityTable.count)
        #expect(EntityDecoder.table["amp"] == "&")
        #expect(EntityDecoder.table["NewLine"] == "\n")
    }
    /// The dictionary lookup `lookup` made before it searched the packed table in place.
    static func dictionaryLookup(_ name: [UInt8]) -> String? {
        if let v = EntityDecoder.table[String(decoding: name, as: UTF8.self)] { return v }
        let allUpper = name.allSatisfy { !ByteScan.isAlpha($0) || ByteScan.isUpper($0) }
        let restLower = name.dropFirst().allSatisfy { !ByteScan.isUpper($0) }
        let lower = String(decoding: name.map(ByteScan.lower), as: UTF8.self)
        if allUpper && name.count > 1 {
            if let v = EntityDecoder.table[lower.prefix(1).uppercased() + lower.dropFirst()] { return v }
            return EntityDecoder.table[lower]
        }
        if restLower && ByteScan.isUpper(name[0]) { return EntityDecoder.table[lower] }
        return nil
    }

    @Test func packedLookupMatchesTheDictionary() {
        #expect(EntityDecoder.entryStarts.count == EntityTable.count)
        var names = EntityDecoder.table.keys.map { Array($0.utf8) }
        // Near misses: every name truncated, extended, and with its case changed.
        var rng = SplitMix(seed: 11)
        for name in names {
            names.append(Array(name.dropLast()))
            names.append(name + [0x61 + UInt8(rng.below(26))])
            names.append(name.map { ByteScan.isAlpha($0) ? $0 & ~0x20 : $0 })
            names.append(name.map(ByteScan.lower))
            var flipped = name
            let k = rng.below(name.count)
            if ByteScan.isAlpha(flipped[k]) { flipped[k] ^= 0x20 }
            names.append(flipped)
        }
        let alphabet = Array("aAbBeEzZ019lgtmpqx".utf8)
        for _ in 0..<5000 { names.append((0..<(1 + rng.below(6))).map { _ in alphabet[rng.below(alphabet.count)] }) }
        for name in names where !name.isEmpty {
            let fast = name.withUnsafeBufferPointer { EntityDecoder.lookup($0) }
            #expect(fast == Self.dictionaryLookup(name), "\(String(decoding: name, as: UTF8.self))")
        }
    }
}
