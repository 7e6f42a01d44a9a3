import DocPipeCore
@testable import DocPipeEmit
@testable import DocPipeTestSupport
import Testing

/// The SARIF results as `Reports.sarifResults` wrote them before it wrote literal runs: through
/// `JSONWriter`, with the URI made for every location.
enum RefSARIF {
    static func results(_ findings: [Finding], rules: [RuleMetadata]) -> [UInt8] {
        func level(_ s: Severity) -> String { s == .note ? "note" : s.rawValue }
        var w = JSONWriter(elementsOfArrayAt: 4, before: 0, capacity: 512 * findings.count)
        for f in findings {
            w.beginObject()
            w.field("ruleId", f.rule)
            if let i = rules.firstIndex(where: { $0.id == f.rule }) { w.field("ruleIndex", i) }
            w.field("level", level(f.severity))
            w.key("message"); w.beginObject(); w.field("text", f.message); w.endObject()
            w.key("locations")
            w.beginArray()
            location(&w, path: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, id: nil, message: nil)
            w.endArray()
            if !f.related.isEmpty {
                w.key("relatedLocations")
                w.beginArray()
                for (i, r) in f.related.enumerated() {
                    location(&w, path: r.path, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, id: i + 1, message: r.message)
                }
                w.endArray()
            }
            w.key("partialFingerprints"); w.beginObject(); w.field("docpipeFindingHash/v1", f.fingerprint); w.endObject()
            w.endObject()
        }
        return w.out
    }

    private static func location(_ w: inout JSONWriter, path: String, line: Int, column: Int, endLine: Int, endColumn: Int, id: Int?, message: String?) {
        w.beginObject()
        if let id { w.field("id", id) }
        w.key("physicalLocation")
        w.beginObject()
        w.key("artifactLocation"); w.beginObject(); w.field("uri", uri(path)); w.endObject()
        w.key("region")
        w.beginObject()
        w.field("startLine", line)
        w.field("startColumn", column)
        w.field("endLine", max(endLine, line))
        w.field("endColumn", endLine > line ? endColumn : max(endColumn, column + 1))
        w.endObject()
        w.endObject()
        if let message { w.key("message"); w.beginObject(); w.field("text", message); w.endObject() }
        w.endObject()
    }

    /// `./` dropped, every byte but the unreserved ones and `/` percent-encoded.
    static func uri(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        let keep = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in p.utf8 {
            if keep.contains(b) { out.append(b) } else { out += [0x25, hex[Int(b >> 4)], hex[Int(b & 15)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

@Suite struct ReportsFastPathTests {
    static let paths = ["a.txt", "./a b/ü%.txt", "././Input/x-y_z~1.txt", "", "./", "dir/\"q\"\\\u{1}.md", "./\u{301}x", "Input/été.html"]
    static let rules = ["duplicate-sentence", "empty-section", "no-such-rule", "", "r\"x"]

    static func randomFinding(_ rng: inout SplitMix) -> Finding {
        func int() -> Int { Int.random(in: -2...40, using: &rng) }
        func text() -> String { FastPathTests.randomString(&rng, maxPieces: 6) }
        let path = paths.randomElement(using: &rng)!
        let related = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            Finding.Place(path: Bool.random(using: &rng) ? path : paths.randomElement(using: &rng)!, line: int(), column: int(),
                          endLine: int(), endColumn: int(), message: text())
        }
        return Finding(rule: rules.randomElement(using: &rng)!, severity: Severity.allCases.randomElement(using: &rng)!, message: text(),
                       path: path, line: int(), column: int(), endLine: int(), endColumn: int(), sourceLine: "", related: related,
                       fingerprint: Bool.random(using: &rng) ? String(repeating: "0f", count: 16) : text())
    }

    @Test func sarifResultsMatchReference() {
        var rng = SplitMix(seed: 31)
        let rules = [RuleMetadata(id: "empty-section", defaultSeverity: .note, summary: "s", details: "d"),
                     RuleMetadata(id: "duplicate-sentence", defaultSeverity: .warning, summary: "s", details: "d"),
                     RuleMetadata(id: "", defaultSeverity: .error, summary: "s", details: "d")]
        #expect(Reports.sarifResults([], rules: rules).isEmpty)
        for _ in 0..<400 {
            let findings = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Self.randomFinding(&rng) }
            let fast = Reports.sarifResults(findings, rules: rules)
            #expect(fast == RefSARIF.results(findings, rules: rules), "\(String(decoding: fast, as: UTF8.self))")
        }
    }

    @Test func uriMatchesReference() {
        var rng = SplitMix(seed: 32)
        for p in Self.paths { #expect(Reports.uri(p) == RefSARIF.uri(p), "\(p)") }
        for _ in 0..<500 {
            let p = (0..<Int.random(in: 0...4, using: &rng)).map { _ in ["./", ".", "/", "a"].randomElement(using: &rng)! }.joined()
                + FastPathTests.randomString(&rng, maxPieces: 4)
            #expect(Reports.uri(p) == RefSARIF.uri(p), "\(Array(p.utf8))")
        }
    }
}
