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

/// `Finding.make` as it was: keys joined as strings, a dictionary of strings, `SHA256.hex`.
enum RefFinding {
    static func make(from doc: Document, sourceLines: Bool = true) -> [Finding] {
        var seen: [String: Int] = [:]
        return doc.diagnostics.map { d in
            let span = doc.rawSpan(of: d) ?? (1, 1, 1, 1)
            let flagged = d.range.map { doc.text.utf8Slice($0) } ?? ""
            let related = d.related.map { r -> Finding.Place in
                let s = doc.rawSpan(of: r.range)
                return .init(path: doc.source.path, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn, message: r.message)
            }
            let relatedTexts = d.related.map { doc.text.utf8Slice($0.range) }.joined(separator: "\u{1F}")
            let key = [d.rule, doc.source.path, flagged, relatedTexts].joined(separator: "\u{1E}")
            let ordinal = seen[key, default: 0]
            seen[key] = ordinal + 1
            let fp = String(SHA256.hex(Array((key + "\u{1E}\(ordinal)").utf8)).prefix(32))
            return Finding(rule: d.rule, severity: d.severity, message: d.message, path: doc.source.path,
                           line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn,
                           sourceLine: sourceLines ? doc.original.utf8Slice(doc.originalLines.lineRange(span.line, in: doc.original)) : "",
                           related: related, fingerprint: fp)
        }
    }
}

extension ReportsFastPathTests {
    /// Diagnostics with ranges inside the text, on scalar boundaries or (one in five) not, many of
    /// them repeated so that ordinals count up.
    static func withDiagnostics(_ doc: Document, _ rng: inout SplitMix) -> Document {
        var doc = doc
        let n = doc.text.utf8.count
        let bounds = Support.scalarBounds(doc.text)
        func range() -> Range<Int> {
            let cut = Int.random(in: 0..<5, using: &rng) == 0
            let a = cut ? Int.random(in: 0...n, using: &rng) : bounds.randomElement(using: &rng)!
            let b = cut ? Int.random(in: 0...n, using: &rng) : bounds.randomElement(using: &rng)!
            return min(a, b)..<max(a, b)
        }
        let origins = doc.original.utf8.count
        var made: [Diagnostic] = []
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            if let d = made.randomElement(using: &rng), Bool.random(using: &rng) {
                made.append(d)
                continue
            }
            let a = Int.random(in: 0...origins, using: &rng), b = Int.random(in: 0...origins, using: &rng)
            made.append(Diagnostic(rule: rules.randomElement(using: &rng)!, severity: Severity.allCases.randomElement(using: &rng)!,
                                   message: FastPathTests.randomString(&rng, maxPieces: 3),
                                   range: Int.random(in: 0..<4, using: &rng) == 0 ? nil : range(),
                                   origin: Int.random(in: 0..<4, using: &rng) == 0 ? min(a, b)..<max(a, b) : nil,
                                   related: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                                       .init(range: range(), message: FastPathTests.randomString(&rng, maxPieces: 2))
                                   }))
        }
        doc.diagnostics = made
        return doc
    }

    @Test func findingsMatchReference() {
        var rng = SplitMix(seed: 33)
        for k in 0..<300 {
            let base = k % 2 == 0 ? FastPathTests.editedDocument(&rng) : Fixtures.random(&rng)
            let doc = Self.withDiagnostics(base, &rng)
            for lines in [true, false] {
                let reference = RefFinding.make(from: doc, sourceLines: lines)
                #expect(Finding.make(from: doc, sourceLines: lines) == reference, "\(Array(doc.text.utf8))")
                // Spans taken from the emitters' locations.
                #expect(Finding.make(from: doc, locations: DocumentLocations(doc), sourceLines: lines) == reference, "\(Array(doc.text.utf8))")
                // Locations of another document (here: without these diagnostics) are not used.
                #expect(Finding.make(from: doc, locations: DocumentLocations(base), sourceLines: lines) == reference, "\(Array(doc.text.utf8))")
            }
        }
    }
}

extension ReportsFastPathTests {
    @Test func tailGathersTheLastBytes() {
        let bytes: [UInt8] = (0..<16).map { UInt8(0xF0 - $0 * 7) }
        bytes.withUnsafeBufferPointer { p in
            for start in 0..<8 {
                for r in 1...7 {
                    var expected: UInt64 = 0
                    for k in 0..<r { expected |= UInt64(p[start + k]) << (8 * UInt64(k)) }
                    #expect(ByteSink.tail(p.baseAddress! + start, r) == expected, "\(start) \(r)")
                }
            }
        }
    }
}

extension ReportsFastPathTests {
    /// The paired byte tests of the XML escapers against plain comparisons, every byte in every lane.
    @Test func pairedByteTestsAreExact() {
        for b in 0...255 {
            for lane in 0..<8 {
                var w: UInt64 = 0x6161_6161_6161_6161  // "aaaaaaaa"
                w &= ~(0xFF << (8 * UInt64(lane)))
                w |= UInt64(b) << (8 * UInt64(lane))
                let bit: UInt64 = 0x80 << (8 * UInt64(lane))
                #expect(ByteSink.angleBrackets(w) == (b == 0x3C || b == 0x3E ? bit : 0), "\(b) in lane \(lane)")
                #expect(ByteSink.quoteOrAmpersand(w) == (b == 0x22 || b == 0x26 ? bit : 0), "\(b) in lane \(lane)")
            }
        }
    }
}
