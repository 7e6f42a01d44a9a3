import Testing
@testable import DocPipeTestSupport
@testable import DocPipeCore

/// `LineIndex` (word-at-a-time line scan, lane-summed scalar counts) against a byte-by-byte reading
/// of the same rules: a line ends at LF, CR LF or a lone CR; columns count Unicode scalars.
@Suite struct LineIndexFastPathTests {
    /// Pieces that make runs of line breaks, tabs and multi-byte scalars across word boundaries.
    static let pieces = ["a", "bc", "\n", "\r", "\r\n", "\t", "é", "€", "𝄞", "\u{0B}", "\u{0C}", "xxxxxxx", " ", "\n\n", "\u{301}"]

    static let asciiPieces = ["xxxxxxx", "a", " ", "\n", "words and words ", "\r\n"]

    static func naiveStarts(_ b: [UInt8]) -> [Int] {
        var starts = [0], i = 0
        while i < b.count {
            if b[i] == 0x0A { starts.append(i + 1) } else if b[i] == 0x0D {
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    static func naiveScalars(_ b: [UInt8], before o: Int) -> Int { b[..<o].filter { $0 & 0xC0 != 0x80 }.count }

    @Test func matchesByteByByteReading() {
        var rng = SplitMix(seed: 41)
        for round in 0..<400 {
            var s = ""
            let count = Int(rng.next() % UInt64(round < 200 ? 40 : 400))
            for _ in 0..<count {
                // Every other round mostly ASCII, so that whole 64-byte blocks of ASCII occur too.
                let asciiOnly = round % 2 == 1 && rng.next() % 16 != 0
                s += asciiOnly ? Self.asciiPieces[Int(rng.next() % UInt64(Self.asciiPieces.count))]
                    : Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
            }
            let b = Array(s.utf8)
            let index = LineIndex(s)
            let starts = Self.naiveStarts(b)
            #expect(index.lineStarts == starts, "\(b)")
            for o in 0...b.count where o == b.count || b[o] & 0xC0 != 0x80 {
                let line = starts.lastIndex(where: { $0 <= o })!
                let column = Self.naiveScalars(b, before: o) - Self.naiveScalars(b, before: starts[line])
                let p = index.position(of: o)
                #expect(p.line == line + 1 && p.column == column + 1, "\(o) in \(b)")
            }
        }
    }
}
