import DocPipeCore

/// Markup the cleaner could not turn into structure.
struct MarkupResidueRule: Rule {
    static let description = RuleDescription(
        id: "markup-residue",
        defaultSeverity: .warning,
        summary: "Markup remains that the cleaner could not turn into structure.",
        details: """
        In plain text, a heading tag on its own line becomes a heading, and stray closing tags, block \
        wrappers and inline formatting (<div class=…>, <span style=…>, <b>) are removed as fixes; other \
        tags (an <img>, a <table>, a comment) are left in the text and reported here, so that nothing is \
        silently dropped. In HTML, stretches that libxml2 could not place are reported.
        """,
        triggering: [
            "The council met in Lyon. ↓<img src=\"seal.png\"> It adopted two resolutions.\n",
            "Members\n\n↓<!-- list missing --> The list follows.\n",
            RuleExample("<h1>Harbour Authority</h1>\n<p>Members meet ↓<blink>twice↓</blink> a year.</p>\n<p>Observers attend.</p>\n", mediaType: "text/html"),
        ],
        nonTriggering: [
            "Members\n\n<h3<Observer States\n\nTwo states observe.\n",
            "Prices rose where a < b and c > d.\n",
            // Inline formatting carries no text: it is removed (a fix), not left.
            "The council met in Lyon. <span class=\"x\">It adopted</span> two resolutions.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        document.residue.filter { $0.kind == .markup }.map { r in
            let text = document.text.utf8Slice(r.range)
            let shown = text.isEmpty ? "" : ": '\(text.count > 60 ? String(text.prefix(60)) + "…" : text)'"
            var d = diagnostic("\(r.note)\(shown)", at: r.range)
            d.origin = r.origin
            return d
        }
    }
}
