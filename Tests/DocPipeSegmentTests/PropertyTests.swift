import DocPipeCore
import Testing
@testable import DocPipeSegment

/// Fragments random documents are made of: words in several scripts, every terminator, abbreviation,
/// quote, bracket, marker and kind of whitespace the segmenter looks at.
private let fragments: [String] = [
    "port", "Council", "the", "of", "and", "Économie", "été", "東京", "😀", "x", "A", "I", "J.", "U.S.", "e.g.,",
    "etc.", "Dr.", "No.", "1.4", "3.5%", "9,000", "A/RES/47/4", "www.example.org", "a@b.io", "1951",
    ".", ". ", "! ", "? ", "?!", "…", "...", ", ", ": ", ":", ";", "\"", "'", "(", ")", "[", "]",
    "\u{201C}", "\u{201D}", "\u{2019}", "«", "»", " ", " ", " ", "  ", "\t", "\u{00A0}", "\u{2009}", "\u{3000}",
    "\n", "\n", "\n\n", "\n\n", "\r\n", "\r", "  • ", "- ", "* ", "1. ", "2) ", "– ", "·", "\u{FEFF}",
]

private func randomDocument(_ rng: inout SeededGenerator) -> String {
    var s = ""
    let n = Int.random(in: 0...400, using: &rng)
    for _ in 0..<n {
        s += fragments[Int.random(in: 0..<fragments.count, using: &rng)]
        if Bool.random(using: &rng) { s += " " }
    }
    return s
}

private func isBoundary(_ bytes: [UInt8], _ i: Int) -> Bool {
    i == bytes.count || (i >= 0 && i < bytes.count && !UTF8Bytes.isContinuation(bytes[i]))
}

private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

@Test(arguments: 0..<8)
func randomTextInvariants(_ batch: Int) throws {
    var rng = SeededGenerator(seed: 0x5E6_0000 + UInt64(batch))
    for _ in 0..<60 {
        let text = randomDocument(&rng)
        let bytes = Array(text.utf8)
        var d = makeDocument(text)
        let stage = SegmentStage()
        try stage.process(&d)

        // Blocks: sorted, non-overlapping, non-empty, on scalar boundaries, trimmed of ASCII space.
        var previousEnd = 0
        for b in d.blocks {
            #expect(b.range.lowerBound >= previousEnd, "blocks overlap or are unsorted in \(text.debugDescription)")
            #expect(!b.range.isEmpty && b.range.upperBound <= bytes.count)
            #expect(isBoundary(bytes, b.range.lowerBound) && isBoundary(bytes, b.range.upperBound))
            #expect(!isSpace(bytes[b.range.lowerBound]) && !isSpace(bytes[b.range.upperBound - 1]))
            #expect(b.kind == .heading ? b.level >= 1 : b.level == 0)
            previousEnd = b.range.upperBound
        }
        // No text is lost: every byte that is not ASCII whitespace lies in a block.
        var covered = [Bool](repeating: false, count: bytes.count)
        for b in d.blocks { for i in b.range { covered[i] = true } }
        for i in bytes.indices where !isSpace(bytes[i]) && !covered[i] {
            // Only Unicode spaces may stay outside.
            let scalarStart = (0...i).reversed().first { !UTF8Bytes.isContinuation(bytes[$0]) }!
            let (sc, _) = bytes.withUnsafeBufferPointer { UTF8Bytes.scalar($0, at: scalarStart) }
            #expect(sc.properties.isWhitespace || sc == "\u{FEFF}", "lost \(sc) in \(text.debugDescription)")
        }
        // Sentences: sorted, non-overlapping, non-empty, trimmed, each inside one block, on boundaries.
        previousEnd = 0
        var blockIndex = 0
        for s in d.sentences {
            #expect(s.range.lowerBound >= previousEnd && !s.range.isEmpty)
            #expect(isBoundary(bytes, s.range.lowerBound) && isBoundary(bytes, s.range.upperBound))
            #expect(!isSpace(bytes[s.range.lowerBound]) && !isSpace(bytes[s.range.upperBound - 1]))
            while blockIndex < d.blocks.count && d.blocks[blockIndex].range.upperBound < s.range.upperBound { blockIndex += 1 }
            #expect(blockIndex < d.blocks.count && d.blocks[blockIndex].range.contains(s.range.lowerBound)
                && s.range.upperBound <= d.blocks[blockIndex].range.upperBound, "sentence outside blocks in \(text.debugDescription)")
            previousEnd = s.range.upperBound
        }
        // Running the stage again changes nothing.
        let once = (d.blocks, d.sentences)
        try stage.process(&d)
        #expect(d.blocks == once.0 && d.sentences == once.1, "not idempotent on \(text.debugDescription)")
        // A fresh run on the same text gives the same result (determinism).
        var fresh = makeDocument(text)
        try stage.process(&fresh)
        #expect(fresh.blocks == once.0 && fresh.sentences == once.1)
    }
}

/// A document shaped like the encyclopedia seeds (own text): title, headings, one paragraph per line,
/// an announced list, bullets, an empty section.
@Test func encyclopediaLayout() throws {
    let text = """
    Harbour Authority of the North

    Harbour Authority of the North (HAN)


    Founded in 1962, the Harbour Authority of the North is a regional body. With 41 member ports, e.g., Tromsø and Oulu, it spends $1.4 billion a year.

    The Authority works in the three broad areas of port management:

    Safety at sea
    Customs cooperation
    Environmental protection.

    Members and Observers

    The Authority counts 41 member ports. A further 9 ports hold observer status.
    The first is the observer status in the U.N. General Assembly (resolution A/RES/52/7).
    The second is a cooperation agreement signed in 1996.

    Member Ports

    Observer Ports
    Partner Agencies

    Several have observer status.

    See Also

      • Maritime Law
      • Port State Control

    """
    let d = try segmented(text)
    #expect(blockSummary(d) == [
        "h1:Harbour Authority of the North",
        "h2:Harbour Authority of the North (HAN)",
        "p:Founded in 1962, the Harbour Authority of the North is a regional body. With 41 member ports, e.g., Tromsø and Oulu, it spends $1.4 billion a year.",
        "p:The Authority works in the three broad areas of port management:",
        "li:Safety at sea", "li:Customs cooperation", "li:Environmental protection.",
        "h2:Members and Observers",
        "p:The Authority counts 41 member ports. A further 9 ports hold observer status.\nThe first is the observer status in the U.N. General Assembly (resolution A/RES/52/7).\nThe second is a cooperation agreement signed in 1996.",
        "h2:Member Ports", "h2:Observer Ports", "h2:Partner Agencies",
        "p:Several have observer status.",
        "h2:See Also", "li:• Maritime Law", "li:• Port State Control",
    ])
    #expect(sentenceTexts(d).count == 20)
    #expect(sentenceTexts(d).contains("The first is the observer status in the U.N. General Assembly (resolution A/RES/52/7)."))
    #expect(sentenceTexts(d).contains("With 41 member ports, e.g., Tromsø and Oulu, it spends $1.4 billion a year."))
}

/// The sorted-key lookups of the abbreviation table against its dictionary and set.
@Suite struct AbbreviationLookupTests {
    @Test func lookupsAgreeWithTheDictionary() {
        let table = AbbreviationTable.standard.adding(["Ave.", "Dept", "Establishment."])
        var words = Array(table.entries.keys) + Array(table.sentenceStarters)
        var state: UInt64 = 99
        func below(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = Array("aAeEnNoOsStT.MrDpvx".utf8)
        for w in words { words.append(Array(w.dropFirst())); words.append(w + [0x2E]) }
        for _ in 0..<5000 { words.append((0..<(1 + below(18))).map { _ in alphabet[below(alphabet.count)] }) }
        for w in words {
            w.withUnsafeBufferPointer { p in
                #expect(table.kind(p, 0..<p.count) == table.entries[w], "\(w)")
                #expect(table.isSentenceStarter(p, 0..<p.count) == table.sentenceStarters.contains(w), "\(w)")
            }
        }
    }
}
