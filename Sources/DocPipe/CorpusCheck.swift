import DocPipeCore
import DocPipeEmit
import DocPipeValidate

/// A count claim as the corpus check needs it, kept after its document is gone.
public struct ClaimRecord: Sendable {
    public var subjectText: String
    public var measure: String
    public var time: String
    public var value: Double
    public var comparator: Comparator
    /// The stated quantity as written, and where.
    public var text: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    /// The count claims of a document that have a resolved subject and a comparable time frame.
    static func records(of doc: Document) -> [ClaimRecord] {
        doc.claims.compactMap { c in
            guard c.kind == .count, c.subject != nil, !c.subjectText.isEmpty, !c.measure.isEmpty,
                  let time = c.time, time != "PAST_REF" else { return nil }
            let range = c.quantity.flatMap { $0 < doc.quantities.count ? doc.quantities[$0].range : nil } ?? c.range
            let span = doc.rawSpan(of: range)
            return ClaimRecord(subjectText: c.subjectText, measure: c.measure, time: time, value: c.value, comparator: c.comparator,
                               text: doc.text.utf8Slice(range), line: span.line, column: span.column, endLine: span.endLine,
                               endColumn: span.endColumn)
        }
    }
}

/// Compares claims about the same subject and measure across the documents of one run: a number in
/// one file that cannot be true together with the number in another is a `quantity-conflict`
/// reported in the later file, with the other file as related location.
public enum CorpusCheck {
    public static func findings(_ summaries: [DocumentSummary], severity: Severity) -> [String: [Finding]] {
        struct Seen { var path: String; var record: ClaimRecord }
        var groups: [String: [Seen]] = [:]
        var out: [String: [Finding]] = [:]
        for s in summaries where s.error == nil {
            var reported = Set<String>()
            for r in s.claims {
                let key = r.subjectText.lowercased() + "\u{1F}" + r.measure + "\u{1F}" + r.time
                let earlier = groups[key, default: []]
                if let other = earlier.first(where: { $0.path != s.input.path && !ClaimComparison.compatible(($0.record.value, $0.record.comparator), (r.value, r.comparator)) }),
                   reported.insert(key + r.text).inserted {
                    let when = r.time == "PRESENT_REF" ? "today" : "in \(r.time)"
                    let message = "\(r.subjectText) has \(r.text) \(when) here, but \(other.record.text) in \(other.path):\(other.record.line) [across documents]"
                    // Unique within the run: `reported` keeps one finding per group and stated text.
                    let fp = String(SHA256.hex(Array(["quantity-conflict", s.input.path, key, r.text, other.path, other.record.text].joined(separator: "\u{1E}").utf8)).prefix(32))
                    out[s.input.path, default: []].append(Finding(
                        rule: "quantity-conflict", severity: severity, message: message, path: s.input.path,
                        line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, sourceLine: "",
                        related: [.init(path: other.path, line: other.record.line, column: other.record.column, endLine: other.record.endLine,
                                        endColumn: other.record.endColumn, message: "\(other.record.text) stated here")],
                        fingerprint: fp))
                }
                groups[key, default: []].append(Seen(path: s.input.path, record: r))
            }
        }
        return out
    }

    /// Adds the cross-document findings to the summaries when the pipeline asks for them. With
    /// `sourceLines`, each gets its source line for display: claim records do not keep them (a run
    /// would hold most of its input), so the few files with such findings are read and decoded again.
    public static func apply(to summaries: inout [DocumentSummary], pipeline: Pipeline, sourceLines: Bool = true) {
        guard let v = pipeline.stages.lazy.compactMap({ $0 as? ValidateStage }).first, v.corpus,
              let severity = v.severity(of: "quantity-conflict") else { return }
        let extra = findings(summaries, severity: severity)
        for i in summaries.indices {
            guard var added = extra[summaries[i].input.path] else { continue }
            if sourceLines { fillSourceLines(&added, input: summaries[i].input, pipeline: pipeline) }
            summaries[i].findings += added
        }
    }

    /// Sets `sourceLine` from the raw file as the decode stage reads it; left empty if the file
    /// cannot be read any more.
    static func fillSourceLines(_ findings: inout [Finding], input: InputDocument, pipeline: Pipeline) {
        guard let bytes = try? FileIO.read(input.path) else { return }
        let doc = pipeline.process(SourceFile(path: input.path, bytes: bytes), id: input.id, through: "decode")
        for k in findings.indices {
            findings[k].sourceLine = doc.original.utf8Slice(doc.originalLines.lineRange(findings[k].line, in: doc.original))
        }
    }
}
