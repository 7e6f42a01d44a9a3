import DocPipeCore
import DocPipeEmit
import DocPipeValidate
import Foundation

/// The strings of a run's claim records, each kept once: subjects, measures, times and stated texts
/// repeat across documents, and a run keeps every record until its documents are compared.
public final class ClaimStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var strings: [String] = []

    public init() {}

    /// The id of `s`, added on first use. Safe from any thread.
    func id(_ s: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let k = ids[s] { return k }
        let k = Int32(strings.count)
        strings.append(s)
        ids[s] = k
        return k
    }

    subscript(id id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return strings[Int(id)]
    }
}

/// A count claim as the corpus check needs it, kept after its document is gone: strings as ids in the
/// run's `ClaimStrings`, positions in 32 bits (about 48 bytes a record).
public struct ClaimRecord: Sendable {
    /// Subject (lower case), measure and time: claims compare only within one such group.
    var key: Int32
    var subjectText: Int32
    var time: Int32
    /// The stated quantity as written, and where.
    var text: Int32
    var value: Double
    var comparator: DocPipeCore.Comparator
    var line: Int32
    var column: Int32
    var endLine: Int32
    var endColumn: Int32

    /// The count claims of a document that have a resolved subject and a comparable time frame.
    static func records(of doc: Document, strings: ClaimStrings) -> [ClaimRecord] {
        // A document states a subject, measure and time in several claims: their ids are found once
        // (building the key and interning three strings cost more than the rest of a record).
        struct Group: Hashable { var subjectText: String; var measure: String; var time: String }
        var ids: [Group: (key: Int32, subjectText: Int32, time: Int32)] = [:]
        ids.reserveCapacity(doc.claims.count)
        return doc.claims.compactMap { c -> ClaimRecord? in
            guard c.kind == .count, c.subject != nil, !c.subjectText.isEmpty, !c.measure.isEmpty,
                  let time = c.time, time != "PAST_REF" else { return nil }
            let range = c.quantity.flatMap { $0 < doc.quantities.count ? doc.quantities[$0].range : nil } ?? c.range
            let span = doc.rawSpan(of: range)
            let group = Group(subjectText: c.subjectText, measure: c.measure, time: time)
            let known = ids[group] ?? {
                let new = (key: strings.id(c.subjectText.lowercased() + "\u{1F}" + c.measure + "\u{1F}" + time),
                           subjectText: strings.id(c.subjectText), time: strings.id(time))
                ids[group] = new
                return new
            }()
            return ClaimRecord(key: known.key, subjectText: known.subjectText, time: known.time, text: strings.id(slice(doc.text, range)),
                               value: c.value, comparator: c.comparator,
                               line: Int32(clamping: span.line), column: Int32(clamping: span.column),
                               endLine: Int32(clamping: span.endLine), endColumn: Int32(clamping: span.endColumn))
        }
    }
}

extension ClaimRecord {
    /// `text.utf8Slice(r)`: the same bytes decoded the same way, but from the buffer in place rather
    /// than through a `Substring` of the UTF-8 view.
    static func slice(_ text: String, _ r: Range<Int>) -> String {
        let direct = text.utf8.withContiguousStorageIfAvailable { t -> String? in
            guard r.lowerBound >= 0, r.upperBound <= t.count else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: t[r]), as: UTF8.self)
        }
        return (direct ?? nil) ?? text.utf8Slice(r)
    }
}

/// Compares claims about the same subject and measure across the documents of one run: a number in
/// one file that cannot be true together with the number in another is a `quantity-conflict`
/// reported in the later file, with the other file as related location.
public enum CorpusCheck {
    public static func findings(_ summaries: [DocumentSummary], severity: Severity) -> [String: [Finding]] {
        // Whether a claim conflicts with an earlier one depends on the earlier one's value and hedge
        // only, so a group keeps, per distinct value and hedge, its first record and the first one from
        // another file: the earliest conflicting record of another file is always among them, and the
        // comparison costs what the distinct values cost, not what all the earlier claims cost.
        struct Seen { var order: Int; var path: String; var record: ClaimRecord }
        struct Values { var value: Double; var comparator: DocPipeCore.Comparator; var first: Seen; var otherFile: Seen? }
        var groups: [Int32: [Values]] = [:]
        var out: [String: [Finding]] = [:]
        var order = 0
        for s in summaries where s.error == nil {
            guard let strings = s.claimStrings else { continue }
            var reported = Set<Int64>()
            for r in s.claims {
                var other: Seen? = nil
                for v in groups[r.key] ?? [] where !ClaimComparison.compatible((v.value, v.comparator), (r.value, r.comparator)) {
                    guard let candidate = v.first.path != s.input.path ? v.first : v.otherFile else { continue }
                    if other == nil || candidate.order < other!.order { other = candidate }
                }
                if let other, reported.insert(Int64(r.key) << 32 | Int64(r.text)).inserted {
                    let key = strings[id: r.key], time = strings[id: r.time], text = strings[id: r.text]
                    let otherText = strings[id: other.record.text]
                    let when = time == "PRESENT_REF" ? "today" : "in \(time)"
                    let message = "\(strings[id: r.subjectText]) has \(text) \(when) here, but \(otherText) in \(other.path):\(other.record.line) [across documents]"
                    // Unique within the run: `reported` keeps one finding per group and stated text.
                    let fp = String(SHA256.hex(Array(["quantity-conflict", s.input.path, key, text, other.path, otherText].joined(separator: "\u{1E}").utf8)).prefix(32))
                    out[s.input.path, default: []].append(Finding(
                        rule: "quantity-conflict", severity: severity, message: message, path: s.input.path,
                        line: Int(r.line), column: Int(r.column), endLine: Int(r.endLine), endColumn: Int(r.endColumn), sourceLine: "",
                        related: [.init(path: other.path, line: Int(other.record.line), column: Int(other.record.column),
                                        endLine: Int(other.record.endLine), endColumn: Int(other.record.endColumn),
                                        message: "\(otherText) stated here")],
                        fingerprint: fp))
                }
                let seen = Seen(order: order, path: s.input.path, record: r)
                order += 1
                if let i = groups[r.key]?.firstIndex(where: { $0.value == r.value && $0.comparator == r.comparator }) {
                    if groups[r.key]![i].otherFile == nil, groups[r.key]![i].first.path != s.input.path { groups[r.key]![i].otherFile = seen }
                } else {
                    groups[r.key, default: []].append(Values(value: r.value, comparator: r.comparator, first: seen, otherFile: nil))
                }
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
