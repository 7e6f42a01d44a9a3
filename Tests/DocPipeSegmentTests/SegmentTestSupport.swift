import DocPipeCore
@testable import DocPipeTestSupport
@testable import DocPipeSegment

/// A decoded document with `text` as its current text.
func makeDocument(_ text: String, mediaType: String = "text/plain", blocks: [Block] = []) -> Document {
    var d = Document(id: "t", source: SourceFile(path: "t.txt", bytes: Array(text.utf8), mediaType: mediaType))
    d.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
    d.blocks = blocks
    return d
}

func segmented(_ text: String, _ options: SegmentOptions = SegmentOptions(), mediaType: String = "text/plain", blocks: [Block] = []) throws -> Document {
    var d = makeDocument(text, mediaType: mediaType, blocks: blocks)
    try SegmentStage(options).process(&d)
    return d
}

/// Blocks rendered as `h1:Title`, `p:Text`, `li:• Item` for readable expectations.
func blockSummary(_ d: Document) -> [String] {
    d.blocks.map { b in
        let tag: String
        switch b.kind {
        case .heading: tag = "h\(b.level)"
        case .paragraph: tag = "p"
        case .listItem: tag = "li"
        }
        return tag + ":" + d.text.utf8Slice(b.range)
    }
}

func sentenceTexts(_ d: Document) -> [String] { d.sentences.map { d.text.utf8Slice($0.range) } }

/// Sentences of a one-paragraph text.
func sentencesOf(_ text: String, _ options: SegmentOptions = SegmentOptions()) throws -> [String] {
    try sentenceTexts(segmented(text, options))
}

/// The UTF-8 range of the first occurrence of `needle` in `text`.
func utf8Range(of needle: String, in text: String) -> Range<Int> {
    let h = Array(text.utf8), n = Array(needle.utf8)
    for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i..<(i + n.count) }
    fatalError("not found: \(needle)")
}

typealias SeededGenerator = SplitMix
