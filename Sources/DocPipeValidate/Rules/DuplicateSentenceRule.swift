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
        var first: [String: Range<Int>] = [:]
        var out: [Diagnostic] = []
        for s in document.sentences where !labelRanges.contains(s.range) {
            let raw = document.text.utf8Slice(s.range)
            guard let key = Self.key(raw) else { continue }
            if let earlier = first[key] {
                let p = document.rawSpan(of: earlier)
                out.append(diagnostic("sentence repeated from line \(p.line): '\(raw)'", at: s.range,
                                      related: [.init(range: earlier, message: "first stated here")]))
            } else {
                first[key] = s.range
            }
        }
        return out
    }

    /// Case-, space- and quote-folded form; nil for sentences too short to matter.
    static func key(_ s: String) -> String? {
        var out = String.UnicodeScalarView()
        var words = 0, inWord = false
        for u in s.lowercased().unicodeScalars {
            if u.properties.isWhitespace {
                inWord = false
                continue
            }
            if "\"'“”‘’«»".unicodeScalars.contains(u) { continue }
            if !inWord { words += 1; if !out.isEmpty { out.append(" ") } }
            inWord = true
            out.append(u)
        }
        return words >= 4 ? String(out) : nil
    }
}
