/// A change the cleaner made, with where it stands in the raw file.
public struct Fix: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case mojibake, markup, entity, control, whitespace, encoding, normalization
    }
    public var kind: Kind
    public var before: String
    public var after: String
    /// UTF-8 range in the current text (kept current by ``Document``).
    public var range: Range<Int>
    /// UTF-8 range in the decoded original text.
    public var origin: Range<Int>
    /// Why, in a few words ("UTF-8 read as Windows-1252").
    public var note: String?

    public init(kind: Kind, before: String, after: String, range: Range<Int>, origin: Range<Int>, note: String? = nil) {
        self.kind = kind
        self.before = before
        self.after = after
        self.range = range
        self.origin = origin
        self.note = note
    }
}

/// A structural unit of the text.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case heading
        case paragraph
        case listItem = "list-item"
    }
    public var kind: Kind
    /// Heading rank (1 = highest); 0 for other blocks.
    public var level: Int
    /// UTF-8 range in the current text.
    public var range: Range<Int>
    /// Whether the block (and its level) comes from markup, rather than being inferred from plain-text layout.
    public var fromMarkup: Bool

    public init(kind: Kind, level: Int = 0, range: Range<Int>, fromMarkup: Bool = false) {
        self.kind = kind
        self.level = level
        self.range = range
        self.fromMarkup = fromMarkup
    }
}

/// A sentence: a UTF-8 range of the current text.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    public init(range: Range<Int>) { self.range = range }
}

/// How serious a diagnostic is; ordered from least to most.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A finding about the document, located in the current text.
public struct Diagnostic: Sendable, Equatable {
    public struct Related: Sendable, Equatable {
        public var range: Range<Int>
        public var message: String
        public init(range: Range<Int>, message: String) {
            self.range = range
            self.message = message
        }
    }
    public var rule: String
    public var severity: Severity
    public var message: String
    /// UTF-8 range in the current text, or nil for a finding about the whole document.
    public var range: Range<Int>?
    /// UTF-8 range of the original text, when the finding is about text the cleaner removed (a tag
    /// it could not place): line and column come from here rather than from `range`.
    public var origin: Range<Int>?
    public var related: [Related]

    public init(rule: String, severity: Severity, message: String, range: Range<Int>?, origin: Range<Int>? = nil, related: [Related] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.origin = origin
        self.related = related
    }
}

/// Damage the cleaner found but could not repair, for the validation rules to report.
public struct Residue: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// U+FFFD or mojibake left in the text.
        case encoding
        /// Markup that could not be turned into structure.
        case markup
    }
    public var kind: Kind
    /// UTF-8 range in the current text.
    public var range: Range<Int>
    /// UTF-8 range of the original text where the damage stood (it may be gone from the text).
    public var origin: Range<Int>
    public var note: String

    public init(kind: Kind, range: Range<Int>, origin: Range<Int>, note: String) {
        self.kind = kind
        self.range = range
        self.origin = origin
        self.note = note
    }
}

/// What reports need to know of a validation rule (SARIF `rules[]`, JUnit test names).
public struct RuleMetadata: Sendable, Equatable {
    public var id: String
    public var defaultSeverity: Severity
    public var summary: String
    public var details: String
    public init(id: String, defaultSeverity: Severity, summary: String, details: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.details = details
    }
}
