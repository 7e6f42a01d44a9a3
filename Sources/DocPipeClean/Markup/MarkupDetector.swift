import DocPipeCore

/// Decides whether a document is markup (to be parsed as HTML) or plain text with, at most, stray tags.
///
/// True for `text/html` (and `application/xhtml+xml`); for an `<html` or `<body` tag; or when at least
/// 3 well-formed known tags (`p`, `div`, `li`, `h1`–`h6`, `ul`, `ol`, `table`, `tr`, `td`, `br`, …, opening
/// or closing) appear and at least 40 % of the non-blank lines carry one: an HTML fragment is markup
/// throughout, while a plain-text document with a handful of stray tags (a scraped page's leftovers)
/// keeps its line structure and only has those lines repaired.
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
            var i = UTF8Bytes.find(0x3C, in: p, from: 0, to: n)
            while i < n {
                if let m = TagScanner.scan(p, at: i), m.repaired == nil {
                    if !m.closing, m.name == "html" || m.name == "body" { return true }
                    if blockTags.contains(m.name) { tags += 1 }
                    i = UTF8Bytes.find(0x3C, in: p, from: m.range.upperBound, to: n)
                } else {
                    i = UTF8Bytes.find(0x3C, in: p, from: i + 1, to: n)
                }
            }
            if tags < 3 { return false }
            // Share of non-blank lines that carry a well-formed known tag.
            var nonBlank = 0, tagged = 0
            var start = 0
            while start < n {
                let end = UTF8Bytes.find(0x0A, in: p, from: start, to: n)
                var k = start
                while k < end, ByteScan.isSpace(p[k]) { k += 1 }
                if k < end {
                    nonBlank += 1
                    var q = UTF8Bytes.find(0x3C, in: p, from: k, to: end)
                    while q < end {
                        if let m = TagScanner.scan(p, at: q), m.repaired == nil, blockTags.contains(m.name) { tagged += 1; break }
                        q = UTF8Bytes.find(0x3C, in: p, from: q + 1, to: end)
                    }
                }
                start = end + 1
            }
            return tagged * 10 >= nonBlank * 4
        }
    }
}
