import DocPipeCore

/// A heading with nothing under it before the next heading of the same or higher rank.
struct EmptySectionRule: Rule {
    static let description = RuleDescription(
        id: "empty-section",
        defaultSeverity: .warning,
        summary: "A heading has no content before the next heading of the same or higher rank.",
        details: """
        Scraped pages often lose the list or table under a heading and keep the heading. When both \
        headings come from markup, ranks decide (an h2 followed by its h3 is not empty). When a level \
        was inferred from plain-text layout, a heading directly followed by another heading is empty, \
        except the document's title. A heading at the very end of the document is empty too.
        """,
        triggering: [
            "Harbour Authority\n\nMembers\n\nFour ports are members.\n\n↓Observers\n\nPartners\n\nThe authority works with two river boards.\n",
            "Harbour Authority\n\nThe authority manages four ports.\n\n↓Further Reading\n",
            "Harbour Authority\n\nThe authority manages four ports.\n\n↓Partners\n\nPartners\n\nTwo river boards.\n",
            RuleExample("<h1>Harbour Authority</h1><h2>Members</h2><p>Four ports.</p><h2>↓Observers</h2><h2>Partners</h2><p>Two.</p>", mediaType: "text/html"),
        ],
        nonTriggering: [
            "Harbour Authority\n\nHistory\n\nThe authority was founded in 1961.\n",
            "Harbour Authority\n\nFounding Members\n\nFour ports founded it.\n",
            RuleExample("<h1>Harbour Authority</h1><h2>History</h2><h3>Founding</h3><p>In 1961.</p>", mediaType: "text/html"),
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        let blocks = document.blocks
        var out: [Diagnostic] = []
        for (i, b) in blocks.enumerated() where b.kind == .heading {
            let isTitle = i == 0 && b.level <= 1
            if i + 1 == blocks.count {
                if !isTitle { out.append(report(b, document, "is followed by nothing")) }
                continue
            }
            let next = blocks[i + 1]
            guard next.kind == .heading else { continue }
            let empty: Bool
            if b.fromMarkup && next.fromMarkup {
                empty = next.level <= b.level
            } else {
                empty = !isTitle
            }
            if empty {
                let text = document.text.utf8Slice(b.range), nextText = document.text.utf8Slice(next.range)
                if text == nextText {
                    // A heading scraped twice: say so rather than name the same heading as the next one.
                    out.append(diagnostic("heading '\(text)' is repeated: the same heading follows it directly, with nothing between",
                                          at: b.range, related: [Diagnostic.Related(range: next.range, message: "repeated here")]))
                } else {
                    out.append(report(b, document, "is directly followed by the heading '\(nextText)'"))
                }
            }
        }
        return out
    }

    private func report(_ b: Block, _ document: Document, _ why: String) -> Diagnostic {
        diagnostic("section '\(document.text.utf8Slice(b.range))' is empty: the heading \(why)", at: b.range)
    }
}
