import DocPipe
import DocPipeCore
import Testing
@testable import DocPipeValidate

/// Runs every rule's declared examples through the real pipeline (the SwiftLint way): each
/// triggering example must produce diagnostics of that rule exactly at its `↓` marks, and each
/// non-triggering example none.
@Suite struct RuleExamplesTests {
    static let pipeline: Pipeline = {
        let spec = try! PipelineSpec.parse(yaml: "version: 1\nstages: [decode, clean, segment, extract]\n", file: "<test>")
        return try! Pipeline(spec: spec)
    }()

    static let ids = RuleCatalog.descriptions.map(\.id)

    func run(_ example: RuleExample, rule id: String) -> (diagnostics: [Diagnostic], doc: Document, marks: [(line: Int, column: Int)]) {
        let (text, marks) = example.unmarked
        var doc = Self.pipeline.process(SourceFile(path: "example", bytes: Array(text.utf8), mediaType: example.mediaType), id: "example")
        try? ValidateStage(only: [id]).process(&doc)
        return (doc.diagnostics.filter { $0.rule == id }, doc, marks)
    }

    @Test(arguments: ids)
    func triggeringExamplesReportAtTheirMarks(id: String) {
        let rule = RuleCatalog.rule(id: id)!
        let d = type(of: rule).description
        #expect(!d.triggering.isEmpty, "every rule needs triggering examples")
        for ex in d.triggering {
            let (found, doc, marks) = run(ex, rule: id)
            #expect(!marks.isEmpty, "example without ↓: \(ex.text)")
            let places = found.compactMap { doc.rawSpan(of: $0) }.map { "\($0.line):\($0.column)" }
            #expect(places == marks.map { "\($0.line):\($0.column)" }, "\(id) on \(ex.text.debugDescription): \(found.map(\.message))")
            #expect(found.allSatisfy { $0.severity == d.defaultSeverity })
        }
    }

    @Test func aRepeatedHeadingIsCalledRepeated() throws {
        let (found, doc, _) = run(RuleExample("Harbour Authority\n\nIt manages ports.\n\nPartners\n\nPartners\n\nTwo river boards.\n"), rule: "empty-section")
        let d = try #require(found.first)
        #expect(d.message == "heading 'Partners' is repeated: the same heading follows it directly, with nothing between")
        #expect(d.related.map { doc.rawSpan(of: $0.range).line } == [7])
        let (other, _, _) = run(RuleExample("Harbour Authority\n\nIt manages ports.\n\nMembers\n\nPartners\n\nTwo river boards.\n"), rule: "empty-section")
        #expect(other.first?.message == "section 'Members' is empty: the heading is directly followed by the heading 'Partners'")
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesStaySilent(id: String) {
        let d = type(of: RuleCatalog.rule(id: id)!).description
        #expect(!d.nonTriggering.isEmpty, "every rule needs non-triggering examples")
        for ex in d.nonTriggering {
            let (found, _, _) = run(ex, rule: id)
            #expect(found.isEmpty, "\(id) on \(ex.text.debugDescription): \(found.map(\.message))")
        }
    }

    @Test func declarationsAreComplete() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for d in RuleCatalog.descriptions {
            #expect(!d.summary.isEmpty && !d.details.isEmpty)
            #expect(d.id.allSatisfy { $0.isLowercase || $0 == "-" })
        }
    }

    @Test func pipelineOptionsSwitchRulesAndSeverities() throws {
        let spec = try PipelineSpec.parse(yaml: """
        version: 1
        stages:
          - segment
          - validate:
              rules:
                duplicate-sentence: off
                empty-section: error
        """, file: "p.yml")
        let p = try Pipeline(spec: spec)
        let doc = p.process(SourceFile(path: "x", bytes: Array("Title\n\nA\n\nB\n\nThe same four words. The same four words.\n".utf8)), id: "x")
        #expect(doc.diagnostics.contains { $0.rule == "empty-section" && $0.severity == .error })
        #expect(!doc.diagnostics.contains { $0.rule == "duplicate-sentence" })
    }

    @Test func unknownRuleIsALocatedError() {
        #expect(throws: ConfigError.self) {
            try Pipeline(spec: PipelineSpec.parse(yaml: "version: 1\nstages:\n  - validate:\n      rules: {no-such-rule: off}\n", file: "p.yml"))
        }
    }
}
