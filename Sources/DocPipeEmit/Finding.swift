import DocPipeCore

/// A diagnostic made ready for reports: located in the raw file, with the source line for a caret,
/// and a fingerprint that survives edits elsewhere in the file.
public struct Finding: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var message: String
        public init(path: String, line: Int, column: Int, endLine: Int, endColumn: Int, message: String) {
            self.path = path
            self.line = line
            self.column = column
            self.endLine = endLine
            self.endColumn = endColumn
            self.message = message
        }
    }
    public var rule: String
    public var severity: Severity
    public var message: String
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The raw line the finding starts on (for the caret display), without its line break.
    public var sourceLine: String
    public var related: [Place]
    /// Stable identity: rule, file, the flagged text and the related texts, and an ordinal among
    /// equal keys. Line numbers are not part of it, so moving unrelated lines keeps it.
    public var fingerprint: String

    public init(rule: String, severity: Severity, message: String, path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                sourceLine: String, related: [Place], fingerprint: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.sourceLine = sourceLine
        self.related = related
        self.fingerprint = fingerprint
    }

    /// Findings of one document, in document order. Without `sourceLines` (reports that show no
    /// source, such as SARIF) `sourceLine` stays empty: a batch keeps its findings until the end.
    public static func make(from doc: Document, sourceLines: Bool = true) -> [Finding] {
        var seen: [String: Int] = [:]
        return doc.diagnostics.map { d in
            let span = doc.rawSpan(of: d) ?? (1, 1, 1, 1)
            let flagged = d.range.map { doc.text.utf8Slice($0) } ?? ""
            let related = d.related.map { r -> Place in
                let s = doc.rawSpan(of: r.range)
                return Place(path: doc.source.path, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn, message: r.message)
            }
            let relatedTexts = d.related.map { doc.text.utf8Slice($0.range) }.joined(separator: "\u{1F}")
            let key = [d.rule, doc.source.path, flagged, relatedTexts].joined(separator: "\u{1E}")
            let ordinal = seen[key, default: 0]
            seen[key] = ordinal + 1
            let fp = String(SHA256.hex(Array((key + "\u{1E}\(ordinal)").utf8)).prefix(32))
            return Finding(rule: d.rule, severity: d.severity, message: d.message, path: doc.source.path,
                           line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn,
                           sourceLine: sourceLines ? doc.original.utf8Slice(doc.originalLines.lineRange(span.line, in: doc.original)) : "", related: related, fingerprint: fp)
        }
    }
}
