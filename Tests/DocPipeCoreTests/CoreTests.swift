import Testing
@testable import DocPipeTestSupport
@testable import DocPipeCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, hex: String) {
        #expect(SHA256.hex(Array(input.utf8)) == hex)
    }

    @Test func millionA() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The hardware path (SHA-NI, when this CPU has it) and the portable one agree at every length
    /// around the block and padding boundaries, and on longer random inputs.
    @Test func hardwareAndPortableAgree() {
        var rng = SplitMix(seed: 7)
        var lengths = Array(0...200)
        lengths += [511, 512, 513, 4095, 4096, 4097, 100_003]
        for n in lengths {
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            #expect(SHA256.digest(bytes) == SHA256.digest(bytes, portable: true), "length \(n)")
        }
        // The portable path on its own also matches the published vector.
        #expect(SHA256.digest(Array("abc".utf8), portable: true).prefix(4) == [0xba, 0x78, 0x16, 0xbf])
    }
}

@Suite struct TextBuilderTests {
    @Test func replaceAndMapBack() {
        let old = "ab€cd"  // € is 3 bytes: offsets a0 b1 €2..5 c5 d6
        var b = TextBuilder(source: old)
        b.copy(0..<2)
        b.replace(2..<5, with: "EUR", fix: .encoding)
        let r = b.finish()
        #expect(r.text == "abEURcd")
        #expect(r.map.sourceStart(0) == 0)
        #expect(r.map.sourceStart(2) == 2)
        #expect(r.map.sourceStart(3) == 2)  // inside a replacement: its start
        #expect(r.map.sourceEnd(4) == 5)
        #expect(r.map.sourceStart(5) == 5)
        #expect(r.map.sourceRange(5..<7) == 5..<7)
        #expect(r.fixes == [.init(kind: .encoding, before: "€", after: "EUR", newRange: 2..<5, oldRange: 2..<5)])
    }

    @Test func gapsAreDeletions() {
        var b = TextBuilder(source: "a<b>c")
        b.copy(0..<1)
        b.copy(4..<5)
        let r = b.finish()
        #expect(r.text == "ac")
        #expect(r.map.sourceStart(1) == 4)
        #expect(r.map.sourceEnd(1) == 1)
        #expect(r.map.targetRange(ofSource: 1..<4) == 1..<1)
    }
}

@Suite struct OffsetMapTests {
    /// Two passes composed map straight to the original.
    @Test func composition() {
        let original = "xx&amp;yy  zz"
        var p1 = TextBuilder(source: original)
        p1.copy(0..<2)
        p1.replace(2..<7, with: "&", fix: .entity)
        let r1 = p1.finish()  // "xx&yy  zz"
        #expect(r1.text == "xx&yy  zz")
        var p2 = TextBuilder(source: r1.text)
        p2.copy(0..<5)
        p2.replace(5..<7, with: " ", fix: .whitespace)
        let r2 = p2.finish()  // "xx&yy zz"
        #expect(r2.text == "xx&yy zz")
        let m = r2.map.composed(with: r1.map)
        #expect(m.sourceRange(0..<2) == 0..<2)
        #expect(m.sourceRange(2..<3) == 2..<7)
        #expect(m.sourceRange(3..<5) == 7..<9)
        #expect(m.sourceRange(6..<8) == 11..<13)
        // Every copied byte maps to an equal byte of the original.
        let o = Array(original.utf8), t = Array(r2.text.utf8)
        for i in [0, 1, 3, 4, 6, 7] { #expect(o[m.sourceStart(i)] == t[i]) }
    }

    @Test func linearRatio() {
        // A run of 2-byte characters decoded from 1-byte raw characters.
        let m = OffsetMap(segments: [.init(targetStart: 0, targetEnd: 6, sourceStart: 10, sourceEnd: 13, linear: true)])
        #expect(m.sourceStart(2) == 11)
        #expect(m.sourceEnd(6) == 13)
        #expect(m.targetStart(ofSource: 12) == 4)
    }

    @Test func randomEditsComposeExactly() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            var text = String((0..<40).map { _ in "abcdé€ \n".randomElement(using: &rng)! })
            let original = text
            var map = OffsetMap(identity: text.utf8.count)
            for _ in 0..<4 {
                let u = Array(text.utf8)
                var b = TextBuilder(source: text)
                var i = 0
                while i < u.count {
                    var j = i + 1
                    while j < u.count, u[j] & 0xC0 == 0x80 { j += 1 }
                    switch rng.next() % 5 {
                    case 0: b.replace(i..<j, with: "XY")
                    case 1: b.replace(i..<j, with: "")
                    default: b.copy(i..<j)
                    }
                    i = j
                }
                let r = b.finish()
                map = r.map.composed(with: map)
                text = r.text
            }
            // Every surviving byte that is copied maps to the same byte in the original.
            let t = Array(text.utf8), o = Array(original.utf8)
            for seg in map.segments where seg.linear {
                for k in seg.targetStart..<seg.targetEnd { #expect(t[k] == o[seg.sourceStart + (k - seg.targetStart)]) }
            }
            #expect(map.targetLength == t.count)
        }
    }
}

@Suite struct LineIndexTests {
    @Test func linesAndColumns() {
        let s = "ab\r\ncé\rx\ny"
        let li = LineIndex(s)
        #expect(li.position(of: 0) == (1, 1))
        #expect(li.position(of: 4) == (2, 1))
        #expect(li.position(of: 6) == (2, 2 + 1 - 1 + 1))  // after "cé": column 3
        #expect(li.position(of: 8) == (3, 1))
        #expect(li.position(of: 10) == (4, 1))
        #expect(li.lineRange(1, in: s) == 0..<2)
        #expect(li.lineRange(2, in: s) == 4..<7)
    }

    @Test func scalarIndexAcrossWords() {
        let s = String(repeating: "é", count: 100) + "a"
        let si = ScalarIndex(s)
        #expect(si.utf8Count == 201)
        #expect(si.scalarOffset(200) == 100)
        #expect(si.scalarOffset(201) == 101)
        #expect(si.scalarOffset(64) == 32)
        #expect(si.scalarOffset(63) == 32)  // inside the 32nd "é"
        #expect(ScalarIndex("").scalarOffset(0) == 0)
    }

    /// The word table against the plain count: scalars are the bytes that are not continuation bytes.
    @Test func scalarOffsetsMatchNaiveCount() {
        var rng = SplitMix(seed: 13)
        for _ in 0..<300 {
            let s = rng.offsetText()
            let bytes = Array(s.utf8)
            let index = ScalarIndex(s)
            var expected = 0
            for o in 0...bytes.count {
                #expect(index.scalarOffset(o) == expected, "\(o) in \(bytes)")
                if o < bytes.count, bytes[o] & 0xC0 != 0x80 { expected += 1 }
            }
            #expect(index.scalarOffset(-3) == 0)
            #expect(index.scalarOffset(bytes.count + 5) == s.unicodeScalars.count)
        }
    }

    @Test func continuationMaskGathersEveryByte() {
        var rng = SplitMix(seed: 14)
        for _ in 0..<5000 {
            let x = rng.next()
            var expected: UInt64 = 0
            for k in 0..<8 where (x >> (8 * UInt64(k))) & 0xC0 == 0x80 { expected |= 1 << UInt64(k) }
            #expect(ScalarIndex.continuationMask(x) == expected)
        }
    }

    /// Line and column against a walk over the text's scalars, at every offset that starts a scalar.
    @Test func positionsMatchScalarWalk() {
        var rng = SplitMix(seed: 16)
        for _ in 0..<200 {
            let s = rng.offsetText()
            let li = LineIndex(s)
            let scalars = Array(s.unicodeScalars)
            var line = 1, column = 1, offset = 0
            for (i, u) in scalars.enumerated() {
                #expect(li.position(of: offset) == (line, column), "\(offset) in \(Array(s.utf8))")
                offset += UTF8.width(u)
                // A line ends after LF, and after a CR that no LF follows.
                if u == "\n" || (u == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            #expect(li.position(of: offset) == (line, column))
        }
    }
}


@Suite struct ByteTrickTests {
    /// The word-at-a-time helpers agree with the obvious byte loop for every byte value in every lane.
    @Test func exhaustiveLanes() {
        for lane in 0..<8 {
            for v in 0...255 {
                let filler: UInt8 = v == 0x41 ? 0x42 : 0x41
                var bytes = [UInt8](repeating: filler, count: 8)
                bytes[lane] = UInt8(v)
                let w = bytes.withUnsafeBufferPointer { UTF8Bytes.load($0, 0) }
                let bit = UInt64(0x80) << (8 * UInt64(lane))
                #expect((UTF8Bytes.bytesEqual(w, 0x20) & bit != 0) == (v == 0x20))
                #expect((UTF8Bytes.bytesEqual(w, 0xC2) & bit != 0) == (v == 0xC2))
                #expect((UTF8Bytes.bytesBelow(w, 0x20) & bit != 0) == (v < 0x20))
                #expect((UTF8Bytes.zeroBytes(w) & bit != 0) == (v == 0))
                // No false positives in the other lanes.
                #expect(UTF8Bytes.bytesEqual(w, 0x20) & ~bit == (filler == 0x20 ? ~bit & 0x8080_8080_8080_8080 : 0))
            }
        }
    }
}

@Suite struct DocumentTests {
    func decoded(_ text: String) -> Document {
        var d = Document(id: "t", source: SourceFile(path: "t.txt", bytes: Array(text.utf8)))
        d.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
        return d
    }

    /// A pass that rewrites exactly what an earlier fix produced continues that fix.
    @Test func chainedFixesMerge() {
        var doc = decoded("ab<h3<Title\n")
        var p1 = TextBuilder(source: doc.text)
        p1.copy(upTo: 2)
        p1.replace(2..<6, with: "<h3>", fix: .markup, note: "repaired")
        doc.apply(p1.finish())
        var p2 = TextBuilder(source: doc.text)
        p2.copy(upTo: 2)
        p2.replace(2..<6, with: "", fix: .markup, note: "removed")
        doc.apply(p2.finish())
        #expect(doc.text == "abTitle\n")
        #expect(doc.fixes.count == 1)
        #expect(doc.fixes[0].before == "<h3<" && doc.fixes[0].after == "")
        #expect(doc.fixes[0].note == "repaired; removed")
        #expect(doc.fixes[0].origin == 2..<6)
        #expect(doc.rawPosition(ofOriginal: doc.fixes[0].origin.lowerBound) == (1, 3))
    }

    /// Layers added before a rewrite are carried to the new text.
    @Test func layersFollowRewrites() {
        var doc = decoded("x  Heading\n")
        doc.blocks = [Block(kind: .heading, level: 1, range: 3..<10)]
        var b = TextBuilder(source: doc.text)
        b.copy(upTo: 1)
        b.replace(1..<3, with: " ", fix: .whitespace)
        doc.apply(b.finish())
        #expect(doc.text == "x Heading\n")
        #expect(doc.blocks[0].range == 2..<9)
        #expect(doc.rawSpan(of: doc.blocks[0].range).column == 4)
    }

    /// `apply` tells whether the pass changed anything: a pass that only copied leaves the document
    /// as it was (the clean stage skips its second control pass on that answer).
    @Test func applyTellsWhetherThePassChangedTheText() {
        var doc = decoded("a  b\n")
        var copy = TextBuilder(source: doc.text)
        copy.copy(upTo: doc.text.utf8.count)
        let map = doc.map
        #expect(doc.apply(copy.finish()) == false)
        #expect(doc.map == map && doc.fixes.isEmpty)
        var squeeze = TextBuilder(source: doc.text)
        squeeze.copy(upTo: 1)
        squeeze.replace(1..<3, with: " ", fix: .whitespace)
        squeeze.copy(upTo: doc.text.utf8.count)
        #expect(doc.apply(squeeze.finish()) == true)
        #expect(doc.text == "a b\n" && doc.fixes.count == 1)
    }
}

/// The table answers exactly what `Unicode.Scalar.Properties` answers, for every scalar.
@Suite struct ScalarPropertiesTests {
    @Test func agreesWithUnicodePropertiesEverywhere() {
        var checked = 0
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let p = s.properties
            // Beyond the table the answer comes from the properties themselves: sample it.
            if v >= ScalarProperties.tableLimit && v % 97 != 0 { continue }
            #expect(ScalarProperties.isAlphabetic(s) == p.isAlphabetic, "U+\(String(v, radix: 16))")
            #expect(ScalarProperties.isUppercase(s) == p.isUppercase, "U+\(String(v, radix: 16))")
            #expect(ScalarProperties.isUpperOrTitlecase(s) == (p.isUppercase || p.generalCategory == .titlecaseLetter))
            checked += 1
        }
        #expect(checked > 11_000)
        // The table covers the letters it was made for.
        #expect(ScalarProperties.isUppercase("Ž") && !ScalarProperties.isUppercase("ç") && !ScalarProperties.isAlphabetic("×"))
        #expect(ScalarProperties.isUpperOrTitlecase("ǅ") && !ScalarProperties.isUppercase("ǅ"))
    }
}

@Suite struct FilledArrayTests {
    /// `filledArray` gives what `Array(repeating:count:)` gives for the byte patterns the stages use.
    @Test func filledArraysMatchRepeatedValues() {
        for n in [0, 1, 7, 8, 9, 100, 4096] {
            #expect(filledArray(n, byte: 0, of: Bool.self) == [Bool](repeating: false, count: n))
            #expect(filledArray(n, byte: 0, of: UInt8.self) == [UInt8](repeating: 0, count: n))
            #expect(filledArray(n, byte: 0, of: UInt64.self) == [UInt64](repeating: 0, count: n))
            #expect(filledArray(n, byte: 0xFF, of: Int32.self) == [Int32](repeating: -1, count: n))
            #expect(filledArray(n, byte: 0xFF, of: UInt64.self) == [UInt64](repeating: .max, count: n))
        }
    }
}
