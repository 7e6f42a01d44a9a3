import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeDecode

@Suite struct DecoderTests {
    /// Every decoded scalar's raw range re-decodes to that scalar (the map points at the right bytes).
    func checkMap(_ d: Decoded, _ bytes: [UInt8]) {
        let text = Array(d.text.utf8)
        var i = 0
        while i < text.count {
            var j = i + 1
            while j < text.count, text[j] & 0xC0 == 0x80 { j += 1 }
            let raw = d.map.sourceRange(i..<j)
            #expect(!raw.isEmpty, "scalar at \(i) maps to no bytes")
            #expect(raw.upperBound <= bytes.count)
            i = j
        }
        #expect(d.map.targetLength == text.count)
    }

    @Test func plainUTF8() {
        let bytes = Array("Zürich – 10 km".utf8)
        let d = TextDecoder.decode(bytes)
        #expect(d.encoding == "utf-8")
        #expect(d.text == "Zürich – 10 km")
        #expect(d.replacements.isEmpty)
        #expect(d.map.sourceRange(9..<11) == 9..<11)
        checkMap(d, bytes)
    }

    @Test func utf8BOMIsStrippedAndMapped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Abc".utf8)
        let d = TextDecoder.decode(bytes)
        #expect(d.encoding == "utf-8-bom")
        #expect(d.text == "Abc")
        #expect(d.map.sourceStart(0) == 3)
        #expect(d.map.sourceRange(1..<2) == 4..<5)
    }

    @Test(arguments: [
        ("utf-16le", [0xFF, 0xFE] as [UInt8], false, false),
        ("utf-16be", [0xFE, 0xFF], true, false),
        ("utf-16le", [], false, true),
        ("utf-16be", [], true, true),
    ])
    func utf16(name: String, bom: [UInt8], bigEndian: Bool, withoutBOM: Bool) {
        let s = "Genève € 😀 Office"
        var bytes = bom
        for u in s.utf16 { bytes += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let d = TextDecoder.decode(bytes)
        #expect(d.encoding == name)
        #expect(d.text == s)
        #expect(d.replacements.isEmpty)
        // "€" is UTF-8 bytes 8..<11 ("Genève " is 8 bytes); in UTF-16 it is scalar 7, two bytes.
        #expect(d.map.sourceRange(8..<11) == (bom.count + 14)..<(bom.count + 16))
        checkMap(d, bytes)
    }

    @Test func utf32() {
        let s = "Aé😀"
        var le: [UInt8] = [0xFF, 0xFE, 0, 0]
        for u in s.unicodeScalars { let v = u.value; le += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), 0] }
        let d = TextDecoder.decode(le)
        #expect(d.encoding == "utf-32le")
        #expect(d.text == s)
    }

    @Test func windows1252Fallback() {
        // "Côte d’Ivoire – €5" in Windows-1252.
        let bytes: [UInt8] = [0x43, 0xF4, 0x74, 0x65, 0x20, 0x64, 0x92, 0x49, 0x76, 0x6F, 0x69, 0x72, 0x65, 0x20, 0x96, 0x20, 0x80, 0x35]
        let d = TextDecoder.decode(bytes)
        #expect(d.encoding == "windows-1252")
        #expect(d.text == "Côte d’Ivoire – €5")
        #expect(d.replacements.isEmpty)
        // "’" (3 UTF-8 bytes at 7..<10) came from raw byte 6.
        #expect(d.map.sourceRange(7..<10) == 6..<7)
        checkMap(d, bytes)
    }

    @Test func latin1Fallback() {
        let d = TextDecoder.decode([0x41, 0x92, 0xE9], fallback: .latin1)
        #expect(d.encoding == "iso-8859-1")
        #expect(d.text == "A\u{92}é")
    }

    @Test func undefinedWindows1252BytesBecomeReplacement() {
        let d = TextDecoder.decode([0x41, 0xE9, 0x81, 0x42, 0xE8])
        #expect(d.text == "Aé\u{FFFD}Bè")
        #expect(d.replacements.count == 1)
        #expect(d.replacements[0].bytes == [0x81])
    }

    @Test func mostlyUTF8WithOneBadByteStaysUTF8() {
        var bytes = Array("café crème brûlée déjà vu ".utf8)
        bytes.append(0xFF)
        bytes += Array(" naïve".utf8)
        let d = TextDecoder.decode(bytes)
        #expect(d.encoding == "utf-8")
        #expect(d.text == "café crème brûlée déjà vu \u{FFFD} naïve")
        #expect(d.replacements.map(\.bytes) == [[0xFF]])
        checkMap(d, bytes)
    }

    @Test func maximalSubpartsAsUnicodeRecommends() {
        // Truncated 3-byte sequence E2 80 then 'A': one U+FFFD for E2 80.
        let d = TextDecoder.decode([0xE2, 0x80, 0x41, 0xC3, 0xA9, 0xC3, 0xA9], fallback: .utf8)
        #expect(d.text == "\u{FFFD}Aéé")
        #expect(d.replacements.map(\.bytes) == [[0xE2, 0x80]])
    }

    @Test func unpairedSurrogateInUTF16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]
        let d = TextDecoder.decode(bytes)
        #expect(d.text == "A\u{FFFD}B")
        #expect(d.replacements.count == 1)
    }

    @Test func emptyAndTinyInputs() {
        #expect(TextDecoder.decode([]).text == "")
        #expect(TextDecoder.decode([0x41]).text == "A")
        #expect(TextDecoder.decode([0xFF]).text.unicodeScalars.count == 1)
    }

    @Test func randomBytesNeverCrashAndAlwaysMap() {
        var rng = SplitMix(seed: 99)
        for _ in 0..<300 {
            let bytes = (0..<rng.below(64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let d = TextDecoder.decode(bytes)
            checkMap(d, bytes)
            #expect(d.map.sourceLength <= bytes.count)
        }
    }

    @Test func stageRecordsEncodingFixes() throws {
        var doc = Document(id: "x", source: SourceFile(path: "x.txt", bytes: [0x61, 0x0A, 0x62, 0xC3, 0x28, 0x63] + Array(" déjà vu, café".utf8)))
        try DecodeStage().process(&doc)
        #expect(doc.encoding == "utf-8")
        #expect(doc.fixes.count == 1)
        let f = doc.fixes[0]
        #expect(f.kind == .encoding)
        #expect(f.before == "\\xC3")
        #expect(f.after == "\u{FFFD}")
        #expect(doc.rawPosition(ofOriginal: f.origin.lowerBound) == (2, 2))
    }

    @Test func unknownOptionIsALocatedError() {
        let node = ConfigNode(.mapping([(ConfigNode(.scalar("fallbak"), file: "p.yml", line: 4, column: 7),
                                         ConfigNode(.scalar("latin1"), file: "p.yml", line: 4, column: 16))]),
                              file: "p.yml", line: 4, column: 7)
        #expect(throws: ConfigError.self) { try DecodeStage(options: node) }
        do { _ = try DecodeStage(options: node) } catch {
            #expect(error.line == 4 && error.column == 7)
            #expect(error.message.contains("unknown option 'fallbak'"))
        }
    }
    /// The text built from pieces against the standard library's reading of the whole buffer, byte
    /// for byte, on long ASCII runs around multi-byte characters and around ill-formed bytes.
    @Test func piecewiseStringMatchesTheWholeBuffer() {
        let pieces: [[UInt8]] = [Array("é".utf8), Array("’".utf8), Array("😀".utf8), [0x80], [0xE2, 0x80], [0xF0, 0x9F], [0xFF], [0xC2],
                                 Array(" ".utf8), Array("a".utf8), Array(String(repeating: "ascii text ", count: 7).utf8),
                                 Array(String(repeating: "x", count: 63).utf8), Array(String(repeating: "y", count: 64).utf8)]
        var rng = SplitMix(seed: 12345)
        func below(_ n: Int) -> Int { rng.below(n) }
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<below(40) {
                let k = below(pieces.count)
                // Ill-formed pieces only in every other round, so that valid texts are tested alone too.
                if round % 2 == 0 && [3, 4, 5, 6, 7].contains(k) { continue }
                bytes += pieces[k]
            }
            let text = TextDecoder.string(bytes)
            #expect(Array(text.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
        }
    }

    /// Valid UTF-8 becomes its text without the standard library's validation (``TextDecoder/validString(_:ascii:)``):
    /// the same bytes as reading them, and a string that compares, hashes and lower-cases the same
    /// (its ASCII flag right), on ASCII texts and on texts with composed and decomposed characters.
    @Test func validTextIsTheBytesRead() {
        let pieces: [String] = ["a", " ", "Text, ", String(repeating: "ascii ", count: 12), "\n", "é", "e\u{301}", "’", "😀", "Ω", "\u{212B}", "İ", "ß"]
        var rng = SplitMix(seed: 1616)
        func below(_ n: Int) -> Int { rng.below(n) }
        for round in 0..<2000 {
            var bytes: [UInt8] = []
            // Every third text stays ASCII.
            let limit = round % 3 == 0 ? 5 : pieces.count
            for _ in 0..<below(60) { bytes += Array(pieces[below(limit)].utf8) }
            let reference = String(decoding: bytes, as: UTF8.self)
            let d = TextDecoder.decode(bytes)
            #expect(d.encoding == "utf-8" && d.replacements.isEmpty)
            #expect(Array(d.text.utf8) == bytes, "\(bytes)")
            #expect(d.text == reference && d.text.hashValue == reference.hashValue, "\(bytes)")
            #expect(d.text.lowercased() == reference.lowercased() && d.text.count == reference.count, "\(bytes)")
        }
    }
}
