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

/// A diagnostic message built as UTF-8 bytes and made a String once: interpolation and `String`
/// appends cost hundreds of instructions a piece, and a rule with many diagnostics builds many.
struct MessageBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func append(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// `String(n)`'s digits.
    mutating func append(_ n: Int) {
        if n >= 0 && n < 10 { bytes.append(0x30 + UInt8(n)) } else { bytes.append(contentsOf: String(n).utf8) }
    }

    /// What `text.utf8Slice(r)` spells: the bytes themselves when `r` lies inside the text on scalar
    /// boundaries (the slice is then valid UTF-8 as it is), else the slice as a String.
    mutating func append(slice r: Range<Int>, of text: String, _ t: UnsafeBufferPointer<UInt8>) {
        if r.lowerBound >= 0 && r.upperBound <= t.count
            && (r.lowerBound == t.count || !UTF8Bytes.isContinuation(t[r.lowerBound]))
            && (r.upperBound == t.count || !UTF8Bytes.isContinuation(t[r.upperBound])) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: t[r]))
        } else {
            bytes.append(contentsOf: text.utf8Slice(r).utf8)
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// `document.rawSpan(of: range).line`, without the two columns (each counts scalars) and the end's line that a
/// message naming the line does not need.
func rawLine(_ document: Document, of range: Range<Int>) -> Int {
    document.originalLines.line(of: document.origin(of: range).lowerBound)
}

/// Whether `p[a]` and `p[b]` are the same bytes, eight at a time.
func sameBytes(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
    guard a.count == b.count else { return false }
    let n = a.count
    var k = 0
    while k + 8 <= n {
        if UTF8Bytes.load(p, a.lowerBound + k) != UTF8Bytes.load(p, b.lowerBound + k) { return false }
        k += 8
    }
    while k < n {
        if p[a.lowerBound + k] != p[b.lowerBound + k] { return false }
        k += 1
    }
    return true
}
