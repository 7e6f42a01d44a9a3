/// Decides whether a document is markup (to be parsed as HTML) or plain text with, at most, stray tags.
///
/// True for `text/html` (and `application/xhtml+xml`); for an `<html` or `<body` tag; or when at least
/// 3 well-formed block tags (`p`, `div`, `li`, `h1`–`h6`, `ul`, `ol`, `table`, `tr`, `td`, `br`, …, opening
/// or closing) appear, and at least one per 20 lines. One stray tag in a long text never qualifies.
public enum MarkupDetector {
    static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "br",
        "section", "article", "blockquote", "pre", "dl", "dt", "dd", "head", "title", "span", "a", "b", "i", "em", "strong",
    ]

    public static func isMarkup(_ text: String, mediaType: String) -> Bool {
        let mt = mediaType.lowercased()
        if mt.hasPrefix("text/html") || mt.hasPrefix("application/xhtml") { return true }
        return text.withBytes { p in
            let n = p.count
            var tags = 0
            var i = ByteScan.find(0x3C, in: p, from: 0, to: n)
            while i < n {
                if let m = TagScanner.scan(p, at: i), m.repaired == nil {
                    if !m.closing, m.name == "html" || m.name == "body" { return true }
                    if blockTags.contains(m.name) { tags += 1 }
                    i = ByteScan.find(0x3C, in: p, from: m.range.upperBound, to: n)
                } else {
                    i = ByteScan.find(0x3C, in: p, from: i + 1, to: n)
                }
            }
            if tags < 3 { return false }
            var lines = 1
            var j = ByteScan.find(0x0A, in: p, from: 0, to: n)
            while j < n { lines += 1; j = ByteScan.find(0x0A, in: p, from: j + 1, to: n) }
            return tags * 20 >= lines
        }
    }
}
