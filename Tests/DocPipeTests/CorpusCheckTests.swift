import DocPipeCore
import DocPipeTestSupport
import DocPipeValidate
import Testing
@testable import DocPipe

/// The corpus check keeps, per group, only the records that can be the earliest conflicting one; it
/// must report what comparing with every earlier record reports.
@Suite struct CorpusCheckTests {
    /// The plain version: every earlier record of the group, in order (what the check did before).
    /// Findings per file, each as `line → other file:line`.
    func reference(_ summaries: [DocumentSummary], strings: ClaimStrings) -> [String: [String]] {
        var groups: [Int32: [(path: String, record: ClaimRecord)]] = [:]
        var out: [String: [String]] = [:]
        for s in summaries where s.error == nil {
            var reported = Set<String>()
            for r in s.claims {
                if let other = groups[r.key, default: []].first(where: { $0.path != s.input.path && !ClaimComparison.compatible(($0.record.value, $0.record.comparator), (r.value, r.comparator)) }),
                   reported.insert(strings[id: r.key] + "\u{1E}" + strings[id: r.text]).inserted {
                    out[s.input.path, default: []].append("\(r.line) → \(other.path):\(other.record.line)")
                }
                groups[r.key, default: []].append((s.input.path, r))
            }
        }
        return out
    }

    @Test func keepsOnlyWhatCanConflictAndFindsTheSame() {
        var rng = SplitMix(seed: 42)
        let comparators: [Comparator] = [.exactly, .about, .over, .under, .nearly, .atLeast]
        var total = 0
        for round in 0..<80 {
            let strings = ClaimStrings()
            let keys = (0..<(1 + rng.below(4))).map { strings.id("subject \($0)\u{1F}members\u{1F}PRESENT_REF") }
            let paths = (0..<(2 + rng.below(5))).map { "doc\($0).txt" }
            var summaries: [DocumentSummary] = []
            for d in 0..<(3 + rng.below(8)) {
                // Some paths come twice (a file named twice).
                let path = paths[(d + round) % paths.count]
                var s = DocumentSummary(input: InputDocument(path: path, id: path), encoding: nil, fixes: 0, blocks: 0, sentences: 0, outputs: [])
                s.claimStrings = strings
                for line in 0..<rng.below(12) {
                    let value = Double([10, 11, 12, 20, 100, 105][rng.below(6)])
                    let text = strings.id("\(Int(value)) members (\(rng.below(3)))")
                    s.claims.append(ClaimRecord(key: keys[rng.below(keys.count)], subjectText: keys[0], time: keys[0], text: text,
                                                value: value, comparator: comparators[rng.below(comparators.count)],
                                                line: Int32(d * 100 + line + 1), column: 1, endLine: Int32(d * 100 + line + 1), endColumn: 5))
                }
                if rng.below(9) == 0 { s.error = InputError(path: path, message: "unreadable") }
                summaries.append(s)
            }
            let found = CorpusCheck.findings(summaries, severity: .error).mapValues { list in
                list.map { "\($0.line) → \($0.related[0].path):\($0.related[0].line)" }
            }
            let expected = reference(summaries, strings: strings)
            #expect(found == expected, "round \(round)")
            total += expected.values.reduce(0) { $0 + $1.count }
        }
        #expect(total > 100, "the random runs must produce conflicts to compare")
    }
}
