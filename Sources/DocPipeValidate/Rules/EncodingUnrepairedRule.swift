import DocPipeCore

/// Damage the cleaner saw but could not repair: U+FFFD replacement characters and leftover mojibake.
struct EncodingUnrepairedRule: Rule {
    static let description = RuleDescription(
        id: "encoding-unrepaired",
        defaultSeverity: .warning,
        summary: "The text still contains replacement characters or mojibake the cleaner could not repair.",
        details: """
        Bytes that were not valid in the detected encoding became U+FFFD when decoding; the original \
        characters are lost and need a better source. Each run of replacement characters is reported \
        once, with the raw bytes that were lost when the decoder saw them. C1 control characters that \
        no encoding explains (U+0081 is undefined even in Windows-1252) are kept in the text and \
        reported too.
        """,
        triggering: [
            "The secretariat moved to Gen↓\u{FFFD}ve in 1998.\n",
            "Budget: ↓\u{FFFD}\u{FFFD} million.\n",
            "Trade grew by ↓\u{81}4 per cent in the second year.\n",
        ],
        nonTriggering: [
            "The secretariat moved to Genève in 1998.\n",
            "A question mark? Yes.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        withUTF8Bytes(document.text) { u in
            let n = u.count
            var i = 0
            while i + 2 < n {
                // Most text has no U+FFFD (EF BF BD): straight to the next 0xEF by memchr (many bytes
                // per instruction; the bytes passed over hold none, so none starts a U+FFFD).
                i = UTF8Bytes.find(0xEF, in: u, from: i, to: n)
                guard i + 2 < n else { break }
                if u[i] == 0xEF && u[i + 1] == 0xBF && u[i + 2] == 0xBD {
                    var j = i + 3
                    while j + 2 < n && u[j] == 0xEF && u[j + 1] == 0xBF && u[j + 2] == 0xBD { j += 3 }
                    let count = (j - i) / 3
                    let lost = document.fixes.filter { $0.kind == .encoding && $0.range.overlaps(i..<j) }.map(\.before).joined()
                    let what = lost.isEmpty ? "" : " (bytes \(lost) could not be decoded as \(document.encoding ?? "the detected encoding"))"
                    out.append(diagnostic("\(count == 1 ? "a replacement character" : "\(count) replacement characters") stand\(count == 1 ? "s" : "") for lost text\(what)", at: i..<j))
                    i = j
                } else {
                    i += 1
                }
            }
        }
        for r in document.residue where r.kind == .encoding {
            var d = diagnostic("\(r.note)", at: r.range)
            d.origin = r.origin
            out.append(d)
        }
        return out
    }
}
