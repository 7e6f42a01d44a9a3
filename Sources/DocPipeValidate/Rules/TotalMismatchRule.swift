import DocPipeCore

/// A stated total that its parts do not add up to.
struct TotalMismatchRule: Rule {
    static let description = RuleDescription(
        id: "total-mismatch",
        defaultSeverity: .error,
        summary: "A stated total differs from the sum of its parts.",
        details: """
        Reads the total claims of the extractor ("bringing the total membership to 16", "26 shareholders: \
        14 …, 8 … and 3 …") with the ranges of their parts. Each part must be the range of another claim \
        (a founding count, an addition such as "a further four members", a count inside the breakdown); \
        their values are summed and compared with the total. The rule stays silent when fewer than two parts were found, when the measure is unknown, when a \
        part is followed by a colon (rows of a table such as "41 seasons: Szeged"), when a part cannot be \
        matched to exactly one value, when the total or a part is hedged ("about", "over"), or when the \
        sum is right. The total is reported, with every part as related location.
        """,
        triggering: [
            "The Bank has ↓26 shareholders: 14 borrowing members, 8 non-borrowing regional members and 3 non-regional members.\n",
            "In 2022 the Compliance Committee reported ↓40 infringements, of which 29 concerned mis-reporting of catches, 8 unauthorised gear and 4 fishing in closed areas.\n",
            "The Secretariat has ↓30 staff: 20 in Geneva, 6 in Nairobi and 3 in Bangkok.\n",
        ],
        nonTriggering: [
            "The Bank has 25 shareholders: 14 borrowing members, 8 non-borrowing regional members and 3 non-regional members.\n",
            "In 2022 the Compliance Committee reported 41 infringements, of which 29 concerned mis-reporting of catches, 8 unauthorised gear and 4 fishing in closed areas.\n",
            "The Union has 22 members. It was founded by 8 governments in 1979; Tonga and Tuvalu joined in 1983, Vanuatu in 1985 and six territories in 2002, bringing the total to 17.\n",
            "The Network has 126 member societies: 71 national relief societies, 48 non-governmental organisations and 7 municipal civil-protection services.\n",
            "Champions\n\n110 seasons: Ferencváros, 41 seasons: Szeged, 19 seasons: Vörös Meteor, 17 seasons: Budapest Honvéd.\n",
            "The Bank has about 26 shareholders: 14 borrowing members, 8 non-borrowing regional members and 3 non-regional members.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let claims = document.claims
        // Most documents state no total: no copy of their text or their claims (looked at by index:
        // iterating the claims copied each one).
        guard claims.indices.contains(where: { Self.isCheckedTotal(claims, $0) }) else { return out }
        let bytes = Array(document.text.utf8)
        for ti in claims.indices where Self.isCheckedTotal(claims, ti) {
            let t = claims[ti]
            var sum = 0.0
            var ok = true
            for item in t.items {
                // "110 seasons: Ferencváros, 41 seasons: Szeged": parallel table rows, not parts.
                var k = item.upperBound
                while k < bytes.count, bytes[k] == 0x20 { k += 1 }
                if k < bytes.count, bytes[k] == UInt8(ascii: ":") { ok = false; break }
                // The parts: claims other than totals and enumerations, lazily (a claim is large to copy).
                let values = Set(claims.lazy.filter { $0.kind != .total && $0.kind != .enumeration && $0.range == item }
                    .map { $0.comparator == .exactly ? $0.value : .nan })
                guard values.count == 1, let v = values.first, !v.isNaN else { ok = false; break }
                sum += v
            }
            guard ok, abs(sum - t.value) > 1e-9 else { continue }
            let at: Range<Int>
            if let q = t.quantity, document.quantities.indices.contains(q) { at = document.quantities[q].range } else { at = t.range }
            let related = t.items.map { Diagnostic.Related(range: $0, message: "part: \(document.text.utf8Slice($0))") }
            out.append(diagnostic("total of \(Self.number(t.value)) \(t.measure) stated here, but the parts add up to \(Self.number(sum))",
                                  at: at, related: related))
        }
        return out
    }

    /// A total this rule checks: two or more parts, an exact value, a known measure.
    static func isCheckedTotal(_ t: Claim) -> Bool {
        t.kind == .total && t.items.count >= 2 && t.comparator == .exactly && !t.measure.isEmpty
    }

    /// `isCheckedTotal(claims[i])`, reading the fields in place: passing the claim copied it.
    static func isCheckedTotal(_ claims: [Claim], _ i: Int) -> Bool {
        claims[i].kind == .total && claims[i].items.count >= 2 && claims[i].comparator == .exactly && !claims[i].measure.isEmpty
    }

    static func number(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
