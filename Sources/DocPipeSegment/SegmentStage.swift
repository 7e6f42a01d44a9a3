import DocPipeCore

/// The segment stage: sets `document.blocks` (headings, paragraphs, list items) and
/// `document.sentences` on the cleaned text.
///
/// - HTML (`mediaType == "text/html"`) with blocks from the clean stage: the blocks are kept as they are.
/// - Otherwise blocks already present (the clean stage adds one for a repaired `<h3<Title` line) are kept
///   and the text around them is segmented by the plain-text rules of ``BlockSegmenter``.
/// - Sentences are found inside every block (a list item's marker is not part of its sentence).
///
/// Block ranges: a block covers its lines' content, without leading indentation, trailing whitespace or
/// the final line break; a list item includes its marker. All ranges are UTF-8 offsets of `document.text`.
/// Running the stage twice gives the same result.
public struct SegmentStage: ConfigurableStage {
    public static let name = "segment"

    public let options: SegmentOptions
    let blocks: BlockSegmenter
    let splitter: SentenceSplitter

    public static let optionHelp: [(key: String, values: String, defaultValue: String)] = [
        ("headings", "true|false", "true"),
        ("lists", "true|false", "true"),
        ("sentences", "true|false", "true"),
        ("abbreviations", "list of extra abbreviations that never end a sentence, e.g. [Ave., Dept.]", "[]"),
    ]

    public init(options: ConfigNode?) throws(ConfigError) {
        self.init(try SegmentOptions(options))
    }

    public init(_ options: SegmentOptions = SegmentOptions()) {
        self.options = options
        let table = AbbreviationTable.standard.adding(options.abbreviations)
        splitter = SentenceSplitter(table: table)
        blocks = BlockSegmenter(detectHeadings: options.headings, detectLists: options.lists, sentences: splitter)
    }

    public func process(_ document: inout Document) throws {
        let text = document.text
        let existing = document.blocks
        let keepAsIs = document.mediaType == "text/html" && !existing.isEmpty
        let run = { (p: UnsafeBufferPointer<UInt8>) -> ([Block], [Sentence]) in
            let b = keepAsIs ? existing : self.plainTextBlocks(p, existing: existing)
            let s = self.options.sentences ? self.sentences(p, blocks: b) : []
            return (b, s)
        }
        let result = text.utf8.withContiguousStorageIfAvailable(run) ?? Array(text.utf8).withUnsafeBufferPointer(run)
        document.blocks = result.0
        document.sentences = result.1
    }

    /// Existing blocks kept, the gaps between them segmented; the first heading of the document is
    /// level 1 when this stage found it.
    func plainTextBlocks(_ p: UnsafeBufferPointer<UInt8>, existing: [Block]) -> [Block] {
        let n = p.count
        let kept = existing
            .map { b -> Block in
                var b = b
                let lo = min(max(b.range.lowerBound, 0), n)
                b.range = lo..<min(max(b.range.upperBound, lo), n)
                return b
            }
            .enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
            .map(\.element)
        var out: [Block] = []
        out.reserveCapacity(n / 200 + kept.count + 4)
        var fresh: [Bool] = []
        var cursor = 0
        var colonBefore = false
        for b in kept {
            if b.range.lowerBound > cursor {
                let before = out.count
                blocks.segment(p, region: cursor..<b.range.lowerBound, colonBefore: colonBefore, into: &out)
                fresh.append(contentsOf: repeatElement(true, count: out.count - before))
            }
            out.append(b)
            fresh.append(false)
            if b.range.upperBound > cursor {
                cursor = b.range.upperBound
                let e = Bytes.trimEnd(p, b.range.lowerBound, b.range.upperBound)
                colonBefore = e > b.range.lowerBound && p[e - 1] == Bytes.colon && b.kind != .heading
            }
        }
        if cursor < n {
            let before = out.count
            blocks.segment(p, region: cursor..<n, colonBefore: colonBefore, into: &out)
            fresh.append(contentsOf: repeatElement(true, count: out.count - before))
        }
        if let first = out.firstIndex(where: { $0.kind == .heading }), fresh[first] {
            out[first].level = 1
        }
        return out
    }

    /// Sentences of every block, in text order, never overlapping.
    func sentences(_ p: UnsafeBufferPointer<UInt8>, blocks: [Block]) -> [Sentence] {
        var out: [Sentence] = []
        out.reserveCapacity(p.count / 120 + 4)
        var sorted = true
        for i in blocks.indices.dropFirst() where blocks[i].range.lowerBound < blocks[i - 1].range.lowerBound {
            sorted = false
            break
        }
        let order = sorted ? blocks : blocks.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var floor = 0
        for b in order {
            var a = max(b.range.lowerBound, floor)
            let e = min(b.range.upperBound, p.count)
            guard a < e else { continue }
            if b.kind == .listItem && a == b.range.lowerBound { a += Bytes.bulletLength(p, a, e) }
            let before = out.count
            splitter.split(p, a, e, into: &out)
            if out.count > before { floor = out[out.count - 1].range.upperBound }
        }
        return out
    }
}
