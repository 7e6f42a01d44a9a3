import DocPipeCore

/// Decides whether a document is markup (to be parsed as HTML) or plain text with, at most, stray tags.
///
/// True for `text/html` (and `application/xhtml+xml`); for an `<html` or `<body` tag; or when at least
/// 3 known tags (`p`, `div`, `li`, `h1`–`h6`, `ul`, `ol`, `table`, `tr`, `td`, `br`, …, opening or closing;
/// well-formed, or malformed ones that ``MalformedTagRepair`` repairs) appear and at least 40 % of the non-blank lines carry one: an HTML fragment is markup
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
            // Tags are counted as the malformed-tag repair will leave them (`<h3<Title` is a tag), else
            // a document the repair gives enough tags would be markup to the next clean.
            var repairedEnd = -1
            while i < n {
                if let m = TagScanner.scan(p, at: i, afterTag: i == repairedEnd) {
                    if let fixed = m.repaired, fixed.utf8.last == 0x3E { repairedEnd = m.range.upperBound }
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
            // A CR ends a line too: the whitespace pass makes it an LF, and the next clean counts so.
            // Each found by memchr, searched again only once passed.
            var lf = -1, cr = -1
            while start < n {
                if lf < start { lf = UTF8Bytes.find(0x0A, in: p, from: start, to: n) }
                if cr < start { cr = UTF8Bytes.find(0x0D, in: p, from: start, to: n) }
                let end = min(lf, cr)
                var k = start
                while k < end, ByteScan.isSpace(p[k]) { k += 1 }
                if k < end {
                    nonBlank += 1
                    var q = UTF8Bytes.find(0x3C, in: p, from: k, to: end)
                    while q < end {
                        if let m = TagScanner.scan(p, at: q), blockTags.contains(m.name) { tagged += 1; break }
                        q = UTF8Bytes.find(0x3C, in: p, from: q + 1, to: end)
                    }
                }
                start = end + 1
            }
            return tagged * 10 >= nonBlank * 4
        }
    }
}
