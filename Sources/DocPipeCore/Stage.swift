/// One processing step. A stage reads the document and adds one layer (or rewrites the text with a
/// recorded map); it never reaches into another stage.
public protocol Stage: Sendable {
    /// The name used in pipeline files (`decode`, `clean`, …).
    static var name: String { get }
    /// Processes one document. Problems with the document become diagnostics; a thrown error is a
    /// bug-level failure that the runner reports for this document alone.
    func process(_ document: inout Document) throws
}

/// A stage that can be built from its section of a pipeline file.
public protocol ConfigurableStage: Stage {
    /// Builds the stage from its options (nil when the pipeline names it without options).
    /// Unknown keys and bad values are errors with the file, line and column.
    init(options: ConfigNode?) throws(ConfigError)
    /// The options this stage accepts, for `docpipe --help` and documentation: name, values, default.
    static var optionHelp: [(key: String, values: String, defaultValue: String)] { get }
}

/// A node of a configuration file with its position, independent of the YAML library.
public struct ConfigNode: Sendable {
    public enum Value: Sendable {
        case scalar(String)
        case sequence([ConfigNode])
        case mapping([(key: ConfigNode, value: ConfigNode)])
        case null
    }
    public var value: Value
    public var file: String
    public var line: Int
    public var column: Int

    public init(_ value: Value, file: String, line: Int, column: Int) {
        self.value = value
        self.file = file
        self.line = line
        self.column = column
    }

    public var scalar: String? { if case .scalar(let s) = value { s } else { nil } }

    /// An error located at this node.
    public func error(_ message: String) -> ConfigError { ConfigError(file: file, line: line, column: column, message: message) }
}

/// A configuration error a user can act on: where, and what was expected.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Reads a stage's options mapping strictly: every key must be read, every value must be valid.
public struct OptionsReader {
    private let node: ConfigNode?
    private let entries: [(key: ConfigNode, value: ConfigNode)]
    private var known: [String] = []
    private let stage: String

    public init(_ node: ConfigNode?, stage: String) throws(ConfigError) {
        self.node = node
        self.stage = stage
        switch node?.value {
        case nil, .null?: entries = []
        case .mapping(let m)?: entries = m
        default: throw node!.error("options of stage '\(stage)' must be a mapping of key: value")
        }
    }

    private func entry(_ key: String) -> ConfigNode? { entries.first { $0.key.scalar == key }?.value }

    /// A boolean option (`true`/`false`, also yes/no/on/off).
    public mutating func bool(_ key: String, default value: Bool) throws(ConfigError) -> Bool {
        known.append(key)
        guard let n = entry(key) else { return value }
        switch n.scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw n.error("option '\(key)' of stage '\(stage)' expects true or false, found \(n.describe)")
        }
    }

    /// A string option restricted to `allowed` values.
    public mutating func choice(_ key: String, _ allowed: [String], default value: String) throws(ConfigError) -> String {
        known.append(key)
        guard let n = entry(key) else { return value }
        guard let s = n.scalar, allowed.contains(s) else {
            throw n.error("option '\(key)' of stage '\(stage)' expects one of \(allowed.joined(separator: ", ")), found \(n.describe)")
        }
        return s
    }

    /// A free-text option.
    public mutating func string(_ key: String, default value: String) throws(ConfigError) -> String {
        known.append(key)
        guard let n = entry(key) else { return value }
        guard let s = n.scalar else { throw n.error("option '\(key)' of stage '\(stage)' expects text, found \(n.describe)") }
        return s
    }

    /// A list of strings (`[a, b]`), or one comma-separated string.
    public mutating func strings(_ key: String, default value: [String]) throws(ConfigError) -> [String] {
        known.append(key)
        guard let n = entry(key) else { return value }
        switch n.value {
        case .null: return []
        case .scalar(let s):
            return s.split(separator: ",").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }.filter { !$0.isEmpty }
        case .sequence(let items):
            var out: [String] = []
            for it in items {
                guard let s = it.scalar else { throw it.error("option '\(key)' of stage '\(stage)' expects a list of text, found \(it.describe)") }
                out.append(s)
            }
            return out
        case .mapping: throw n.error("option '\(key)' of stage '\(stage)' expects a list of text, found a mapping")
        }
    }

    /// An integer option within `range`.
    public mutating func int(_ key: String, in range: ClosedRange<Int>, default value: Int) throws(ConfigError) -> Int {
        known.append(key)
        guard let n = entry(key) else { return value }
        guard let s = n.scalar, let v = Int(s), range.contains(v) else {
            throw n.error("option '\(key)' of stage '\(stage)' expects a whole number from \(range.lowerBound) to \(range.upperBound), found \(n.describe)")
        }
        return v
    }

    /// Fails on any key that was not read.
    public func finish() throws(ConfigError) {
        for (k, _) in entries {
            let name = k.scalar ?? "?"
            if !known.contains(name) {
                let list = known.isEmpty ? "none" : known.joined(separator: ", ")
                throw k.error("unknown option '\(name)' for stage '\(stage)' (known options: \(list))")
            }
        }
    }
}

extension ConfigNode {
    /// A short rendering of the node for messages.
    public var describe: String {
        switch value {
        case .scalar(let s): "'\(s)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .null: "nothing"
        }
    }
}
