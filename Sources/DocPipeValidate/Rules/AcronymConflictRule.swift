import DocPipeCore

/// One acronym defined with two different expansions.
struct AcronymConflictRule: Rule {
    static let description = RuleDescription(
        id: "acronym-conflict",
        defaultSeverity: .error,
        summary: "An acronym is defined with two different expansions.",
        details: """
        Each parenthesised definition ("Special Operations Fund (SOF)") fixes what an acronym stands \
        for. A second definition with a different long form is reported at the later one, with the \
        first as related location. Expansions are compared ignoring case, hyphens, "&"/"and" and a \
        plural ending, so "Memorandum of Understanding (MoU)" and "Memoranda of Understanding (MoUs)" \
        do not conflict.
        """,
        triggering: [
            "The Special Operations Fund (SOF) pays for relief.\n\nLater the Sovereign Oversight Framework (↓SOF) was set up.\n",
        ],
        nonTriggering: [
            "The Special Operations Fund (SOF) pays for relief. The Special Operations Fund (SOF) grew.\n",
            "A Memorandum of Understanding (MoU) was signed; two Memoranda of Understanding (MoUs) followed.\n",
            "The Inter-Agency Standing Committee (IASC) met. The Inter Agency Standing Committee (IASC) agreed.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        var first: [String: Acronym] = [:]
        var out: [Diagnostic] = []
        for a in document.acronyms {
            let key = Self.singular(a.short)
            guard let earlier = first[key] else { first[key] = a; continue }
            if Self.fold(earlier.long) != Self.fold(a.long) {
                out.append(diagnostic("\(a.short) is defined as '\(a.long)' here but as '\(earlier.long)' on line \(rawLine(document, of: earlier.range))", at: a.range,
                                      related: [.init(range: earlier.longRange, message: "\(earlier.short) defined as '\(earlier.long)' here")]))
            }
        }
        return out
    }

    static func singular(_ s: String) -> String { s.count > 2 && s.hasSuffix("s") ? String(s.dropLast()) : s }

    /// Case, hyphens, "&" and plural endings folded away.
    static func fold(_ s: String) -> String {
        let words = s.lowercased().replacingAllChars("-", " ").replacingAllChars("&", " and ").split(separator: " ")
        return words.map { w -> String in
            if w == "memoranda" { return "memorandum" }
            return w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") ? String(w.dropLast()) : String(w)
        }.joined(separator: " ")
    }
}

extension String {
    /// Replaces each occurrence of character `c` with `r`.
    func replacingAllChars(_ c: Character, _ r: String) -> String {
        var out = ""
        for ch in self { if ch == c { out += r } else { out.append(ch) } }
        return out
    }
}
