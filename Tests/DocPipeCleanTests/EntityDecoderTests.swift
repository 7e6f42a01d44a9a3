import DocPipeCore
import Testing
@testable import DocPipeClean

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
}
