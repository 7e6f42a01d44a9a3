import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeClean

@Suite struct WhitespacePassTests {
    let pass = WhitespacePass()

    @Test(arguments: [
        ("Title\r\n\r\nBody line.\r\n", "Title\n\nBody line.\n"),
        ("a\rb\r", "a\nb\n"),
        ("Para one.   \nPara two.\t \n", "Para one.\nPara two.\n"),
        ("\n\n\nFirst line\n", "First line\n"),
        ("a\n\n\n\nb\n", "a\n\nb\n"),
        ("a\n  \n \t\nb\n", "a\n\nb\n"),
        ("end\n\n\n", "end\n"),
        ("two  spaces   here\n", "two spaces here\n"),
        ("See Also\n\n  • Item one\n  • Item two\n", "See Also\n\n• Item one\n• Item two\n"),
        ("the\u{A0}Organization\u{A0}works\n", "the Organization works\n"),
        ("10\u{A0}km and §\u{A0}5 and 45\u{A0}%\n", "10\u{A0}km and §\u{A0}5 and 45\u{A0}%\n"),
        ("  indented code stays\n", "  indented code stays\n"),
        ("no final newline", "no final newline"),
        ("", ""),
    ])
    func normalises(input: String, expected: String) {
        let r = pass.rewrite(input)
        #expect(r.text == expected)
        // Idempotent.
        #expect(pass.rewrite(r.text).text == r.text)
    }

    @Test func everyChangeIsAFixAtItsPlace() {
        let input = "Line one  \r\nLine\u{A0}two\r\n"
        let r = pass.rewrite(input)
        #expect(r.text == "Line one\nLine two\n")
        let notes = r.fixes.map { $0.note ?? "" }
        #expect(notes == ["trailing spaces", "CRLF line ending", "non-breaking space between words", "CRLF line ending"])
        let u = Array(input.utf8)
        for f in r.fixes { #expect(String(decoding: u[f.oldRange], as: UTF8.self) == f.before) }
    }

    @Test func optionsSwitchPartsOff() {
        var p = WhitespacePass()
        p.lineEndings = false
        p.nbsp = false
        #expect(p.rewrite("a\u{A0}b\r\n").text == "a\u{A0}b\r\n")
    }
}

@Suite struct ControlPassTests {
    @Test(arguments: [
        ("bell\u{7}here", "bellhere"),
        ("tab\tand\nnewline\r\n", "tab\tand\nnewline\r\n"),
        ("\u{1B}[31mred\u{1B}[0m text", "red text"),
        ("c1\u{81}kept", "c1\u{81}kept"),
        ("mid\u{FEFF}bom", "midbom"),
        ("del\u{7F}ete", "delete"),
        ("ÀÉÎõü ½ © ‰", "ÀÉÎõü ½ © ‰"),
    ])
    func removes(input: String, expected: String) {
        let r = ControlPass.rewrite(input)
        #expect(r.text == expected)
        #expect(r.fixes.allSatisfy { $0.kind == .control })
        #expect(ControlPass.rewrite(r.text).fixes.isEmpty)
    }

    /// The eight-byte test against the byte test: every byte value in every position, among
    /// neighbours of every kind. Every byte below 0x20 is marked, and the lowest mark is one.
    @Test func belowSpaceMarksAgreeWithTheByteTest() {
        var rng = SeededRandom(seed: 17)
        for round in 0..<24 {
            // Random neighbours, and neighbours that borrow: spaces and controls.
            let filler = (0..<8).map { _ in round % 3 == 0 ? UInt8([0x20, 0x00, 0x1F, 0x21][rng.below(4)]) : UInt8(truncatingIfNeeded: rng.next()) }
            for position in 0..<8 {
                for v in 0...255 {
                    var bytes = filler
                    bytes[position] = UInt8(v)
                    let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let mask = ControlPass.belowSpace(w)
                    for k in 0..<8 where bytes[k] < 0x20 { #expect((mask >> (8 * k + 7)) & 1 == 1, "\(bytes)") }
                    if mask != 0 { #expect(bytes[mask.trailingZeroBitCount >> 3] < 0x20, "\(bytes)") }
                    #expect(mask & ~0x8080_8080_8080_8080 == 0)
                }
            }
        }
    }

    /// The pass against a byte-at-a-time version of it, on random texts with long plain stretches (so
    /// that the sixteen- and eight-byte steps run) and controls, DEL, BOMs and 0xEF at every alignment.
    @Test func sameRewriteAsTheByteAtATimePass() {
        let pieces = ["plain text that goes on for a while", "abc", " ", "é", "’", "\u{FEFF}", "\u{FFFD}", "\u{7F}", "\u{0}",
                      "\u{1B}[31m", "\u{1B}", "\t", "\n", "\r\n", "\u{85}", "\u{1}", "  ", "x"]
        var rng = SeededRandom(seed: 29)
        for _ in 0..<3000 {
            let s = rng.concatenation(of: pieces, maxPieces: 24)
            let fast = ControlPass.rewrite(s)
            let slow = Self.referenceControlRewrite(s)
            #expect(fast.text == slow.text && fast.fixes == slow.fixes, "\(s.debugDescription)")
        }
    }

    /// What `ControlPass.rewrite` does, looking at every byte.
    static func referenceControlRewrite(_ text: String) -> Rewrite {
        var b = TextBuilder(source: text)
        let p = Array(b.source.utf8)
        let n = p.count
        var i = 0
        while i < n {
            let c = p[i]
            if c == 0x1B {
                var j = i + 1
                if j < n && p[j] == 0x5B {
                    j += 1
                    while j < n && (p[j] >= 0x30 && p[j] <= 0x3F || p[j] >= 0x20 && p[j] <= 0x2F) { j += 1 }
                    if j < n && p[j] >= 0x40 && p[j] <= 0x7E { j += 1 } else { j = i + 1 }
                }
                b.copy(upTo: i)
                b.replace(i..<j, with: "", fix: .control, note: j > i + 1 ? "terminal escape sequence" : "control character")
                i = j
            } else if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0x7F {
                b.copy(upTo: i)
                b.replace(i..<(i + 1), with: "", fix: .control, note: "control character")
                i += 1
            } else if c == 0xEF, i + 2 < n, p[i + 1] == 0xBB, p[i + 2] == 0xBF {
                b.copy(upTo: i)
                b.replace(i..<(i + 3), with: "", fix: .control, note: "byte-order mark inside the text")
                i += 3
            } else {
                i += 1
            }
        }
        return b.finish()
    }

    /// The clean stage runs the pass a second time only when a pass since changed the text: on its
    /// own output it must change nothing, whatever controls, escapes and BOMs were mixed in.
    @Test func leavesNothingForItselfOnRandomInputs() {
        let pieces = ["a", "b c", "é", "’", "\u{1B}", "[", "31", ";", "m", "\u{1B}[0m", "\u{0}", "\u{7}", "\u{7F}", "\u{FEFF}",
                      "\u{EF}", "\u{85}", "\t", "\n", "\r\n", "\u{1B}[", "\u{1}[2J", "@", "~"]
        var rng = SeededRandom(seed: 5)
        for _ in 0..<5000 {
            let s = rng.concatenation(of: pieces, maxPieces: 12)
            let once = ControlPass.rewrite(s)
            let twice = ControlPass.rewrite(once.text)
            #expect(twice.fixes.isEmpty && twice.map.isIdentity && twice.text == once.text, "\(s.debugDescription)")
        }
    }
}

@Suite struct NFCPassTests {
    @Test(arguments: [
        ("Cafe\u{301} au lait", "Café au lait"),
        ("A\u{30A}ngstro\u{308}m", "Ångström"),
        ("\u{212B}", "Å"),           // the Angstrom sign is a singleton
        ("\u{1100}\u{1161}", "가"),   // Hangul jamo compose
        ("already NFC: é ü ñ Ω 東京", "already NFC: é ü ñ Ω 東京"),
        ("ASCII only", "ASCII only"),
    ])
    func composes(input: String, expected: String) {
        let r = NFCPass.rewrite(input)
        #expect(r.text == expected)
        #expect(Array(r.text.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(NFCPass.rewrite(r.text).fixes.isEmpty)
    }

    @Test func fixNamesOnlyTheChangedCharacters() {
        let r = NFCPass.rewrite("the Cafe\u{301} is open")
        #expect(r.fixes.count == 1)
        #expect(r.fixes[0].before == "e\u{301}")
        #expect(r.fixes[0].after == "é")
        #expect(r.fixes[0].kind == .normalization)
    }

    @Test func sensitiveTableCoversCombiningMarks() {
        #expect(NFCPass.isSensitive(0x301))
        #expect(!NFCPass.isSensitive(0xE9))
        #expect(!NFCPass.isSensitive(0x4E2D))
    }
}
