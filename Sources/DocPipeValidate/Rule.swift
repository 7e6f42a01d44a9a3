import DocPipeCore

/// A validation rule's declaration: what `docpipe rules`, SARIF `rules[]` and the example tests read.
public struct RuleDescription: Sendable {
    public let id: String
    public let defaultSeverity: Severity
    /// One line, for listings and SARIF `shortDescription`.
    public let summary: String
    /// A paragraph: what it catches, what it deliberately does not; SARIF `fullDescription` and help.
    public let details: String
    /// Texts on which the rule must report, each place marked with `↓` just before the reported character.
    public let triggering: [RuleExample]
    /// Texts on which the rule must stay silent.
    public let nonTriggering: [RuleExample]

    public init(id: String, defaultSeverity: Severity, summary: String, details: String,
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.details = details
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A raw document used as an example; `↓` marks where a diagnostic must start.
public struct RuleExample: Sendable, ExpressibleByStringLiteral {
    public let text: String
    /// Media type the example is read as (`text/plain` unless it is an HTML example).
    public let mediaType: String

    public init(_ text: String, mediaType: String = "text/plain") {
        self.text = text
        self.mediaType = mediaType
    }
    public init(stringLiteral value: String) { self.init(value) }

    /// The text without markers, and the raw (line, column) of each marker.
    public var unmarked: (text: String, marks: [(line: Int, column: Int)]) {
        var out = String.UnicodeScalarView()
        var marks: [(Int, Int)] = []
        var line = 1, column = 1
        for u in text.unicodeScalars {
            if u == "↓" { marks.append((line, column)); continue }
            out.append(u)
            if u == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (String(out), marks)
    }
}

/// One consistency check over a processed document.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Findings at the rule's default severity; the stage applies the pipeline's severity overrides.
    func check(_ document: Document) -> [Diagnostic]
}

extension Rule {
    /// A diagnostic of this rule at its default severity.
    func diagnostic(_ message: String, at range: Range<Int>?, related: [Diagnostic.Related] = []) -> Diagnostic {
        Diagnostic(rule: Self.description.id, severity: Self.description.defaultSeverity, message: message, range: range, related: related)
    }
}

/// Every rule this build has, in the order `docpipe rules` lists them.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        AcronymConflictRule(),
        AcronymUndefinedRule(),
        EmptySectionRule(),
        DuplicateSentenceRule(),
        EncodingUnrepairedRule(),
        MarkupResidueRule(),
        QuantityConflictRule(),
        ListCountMismatchRule(),
        TotalMismatchRule(),
        DateConflictRule(),
    ]

    public static var descriptions: [RuleDescription] { all.map { type(of: $0).description } }

    public static func rule(id: String) -> (any Rule)? { all.first { type(of: $0).description.id == id } }
}

/// Runs `body` on the UTF-8 bytes of `text` in place (native strings are contiguous), copying them
/// only for a string that is not.
func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}
