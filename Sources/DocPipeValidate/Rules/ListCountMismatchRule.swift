import DocPipeCore

/// An announced count ("the following three priorities:") that the items after it do not match.
struct ListCountMismatchRule: Rule {
    static let description = RuleDescription(
        id: "list-count-mismatch",
        defaultSeverity: .error,
        summary: "An announced number of items differs from the items that follow.",
        details: """
        Reads the enumeration claims of the extractor: a count that announces a list ("three strategic \
        objectives:", "the four broad areas", "the first … the second …") together with the items the \
        extractor attached to it (bullets, short lines after a colon, an inline enumeration). When there \
        are items and their number differs from the announced count, the announcement is reported, with \
        the first and last items as related locations. A single recognised item is not a list, and an \
        inline enumeration whose items are not all short phrases (at most eight words) is not trusted, \
        as its commas may belong to the sentence. Announcements without recognised items, additions \
        ("a further four members") and totals are left to other rules.
        """,
        triggering: [
            "Programme\n\nThe Organization works in the following ↓three priorities:\n\n• Monitoring soil health\n• Preventing erosion\n• Restoring degraded land\n• Training national soil services\n",
            "Activities\n\nThe Council's work is organised in ↓four areas: customs transit, risk analysis and training.\n",
        ],
        nonTriggering: [
            "Programme\n\nThe Organization works in the following three priorities:\n\n• Monitoring soil health\n• Preventing erosion\n• Restoring degraded land\n",
            "Activities\n\nThe Council's work is organised in three areas: customs transit, risk analysis and training.\n",
            "Membership\n\nIn 2007 a further four members joined the Group. It now has 16 members.\n",
            "Structure\n\nThe Federation has five technical committees, which meet every two years in Geneva.\n",
            "History\n\nThe bemin were divided into three categories: those governed by the nobility, those governed by the court through bureaus such as the sea bureau and the textile bureau, and those descended from local leaders.\n",
            "History\n\nDuring the conclave the College of Cardinals was divided into three parties: French party – the adherents of the king. Habsburg party – cardinals aligned with the Emperor. Italian party – a group of Italian cardinals.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let text = document.text
        // By index: iterating the claims copied each one, and few are enumerations.
        let claims = document.claims
        for i in claims.indices where claims[i].kind == .enumeration && claims[i].items.count >= 2 && !claims[i].measure.isEmpty {
            let c = claims[i]
            guard c.value.rounded() == c.value, Double(c.items.count) != c.value else { continue }
            let at: Range<Int>
            if let q = c.quantity, document.quantities.indices.contains(q) { at = document.quantities[q].range } else { at = c.range }
            // Items inline in running text are only trusted when each is a short phrase: a long item
            // means the commas of a sentence were taken for item separators.
            let inline = !text.utf8Slice(at.lowerBound..<c.items[c.items.count - 1].lowerBound).contains("\n")
            if inline, c.items.contains(where: { text.utf8Slice($0).split(separator: " ").count > 8 }) { continue }
            let announced = document.text.utf8Slice(at)
            var related: [Diagnostic.Related] = [.init(range: c.items[0], message: "first item")]
            if c.items.count > 1 { related.append(.init(range: c.items[c.items.count - 1], message: "item \(c.items.count), the last")) }
            out.append(diagnostic("'\(announced)' announces \(Self.number(c.value)) items but \(c.items.count) follow", at: at, related: related))
        }
        return out
    }

    static func number(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
