import DocPipeCore

/// The same sentence stated twice in one document.
struct DuplicateSentenceRule: Rule {
    static let description = RuleDescription(
        id: "duplicate-sentence",
        defaultSeverity: .warning,
        summary: "The same sentence is repeated in the document.",
        details: """
        Scrapers and templated pages repeat boilerplate. Sentences are compared after folding case, \
        whitespace and quote styles; the later occurrence is reported with the first as related \
        location. Headings and short list items are not sentences for this rule, and sentences of \
        fewer than four words ("See below.") are ignored.
        """,
        triggering: [
            "Members\n\nSeveral hold observer status. Others are full members.\n\nPartners\n\n↓Several hold observer status.\n",
            "The fund opened in 1990. It grew quickly.\n↓The fund “opened” in 1990. ↓The  FUND opened in 1990.\n",
        ],
        nonTriggering: [
            "The fund opened in 1990. The bank opened in 1990.\n",
            "Members\n\nSee below.\n\nPartners\n\nSee below.\n",
            "Members\n\nMember States\n\nObservers\n\nMember States stay listed here in full.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        // Sentences that are whole headings or list items are labels, not statements.
        var labelRanges = Set<Range<Int>>()
        for b in document.blocks where b.kind != .paragraph { labelRanges.insert(b.range) }
        var first: [[UInt8]: Range<Int>] = [:]
        var out: [Diagnostic] = []
        let text = document.text
        text.utf8.withContiguousStorageIfAvailable { p in
            for s in document.sentences where !labelRanges.contains(s.range) {
                guard let key = Self.key(p, s.range) else { continue }
                if let earlier = first[key] {
                    let pos = document.rawSpan(of: earlier)
                    out.append(diagnostic("sentence repeated from line \(pos.line): '\(text.utf8Slice(s.range))'", at: s.range,
                                          related: [.init(range: earlier, message: "first stated here")]))
                } else {
                    first[key] = s.range
                }
            }
        }
        return out
    }

    /// The sentence folded for comparison: ASCII case folded, runs of white space as one space, straight
    /// and curly quotes dropped. Nil for sentences of fewer than four words, which repeat innocently.
    static func key(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var words = 0, inWord = false
        var i = r.lowerBound
        while i < r.upperBound {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                inWord = false
                i += 1
                continue
            }
            // Quotes: " ' “ ” ‘ ’ « »
            if b == 0x22 || b == 0x27 { i += 1; continue }
            if b == 0xE2, i + 2 < r.upperBound, p[i + 1] == 0x80, [0x98, 0x99, 0x9C, 0x9D].contains(p[i + 2]) { i += 3; continue }
            if b == 0xC2, i + 1 < r.upperBound, p[i + 1] == 0xAB || p[i + 1] == 0xBB { i += 2; continue }
            if b == 0xC2, i + 1 < r.upperBound, p[i + 1] == 0xA0 { inWord = false; i += 2; continue }
            if !inWord {
                words += 1
                if !out.isEmpty { out.append(0x20) }
                inWord = true
            }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            i += 1
        }
        return words >= 4 ? out : nil
    }
}
