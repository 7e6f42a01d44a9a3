import DocPipeCore

/// Stage 5: runs the validation rules and adds their diagnostics, in document order.
///
/// ```yaml
/// - validate:
///     rules:
///       duplicate-sentence: off      # off | note | warning | error
///       empty-section: error
/// ```
public struct ValidateStage: ConfigurableStage {
    public static let name = "validate"
    public static let optionHelp: [(key: String, values: String, defaultValue: String)] = [
        ("rules", "mapping of rule id to off|note|warning|error", "every rule at its default severity"),
        ("corpus", "true|false: also compare claims across the documents of one run", "true"),
    ]

    /// Whether `run` and `check` compare claims across documents (quantity-conflict between files).
    public var corpus = true

    /// Severity per rule id; a missing id is off.
    public private(set) var severities: [String: Severity]

    /// The severity a rule runs at in this pipeline, nil when it is off.
    public func severity(of rule: String) -> Severity? { severities[rule] }

    public init() {
        severities = Dictionary(uniqueKeysWithValues: RuleCatalog.descriptions.map { ($0.id, $0.defaultSeverity) })
    }

    public init(options: ConfigNode?) throws(ConfigError) {
        self.init()
        guard let options else { return }
        guard case .mapping(let entries) = options.value else {
            if case .null = options.value { return }
            throw options.error("options of stage 'validate' must be a mapping such as {rules: {duplicate-sentence: off}}")
        }
        for (k, v) in entries {
            if k.scalar == "corpus" {
                switch v.scalar?.lowercased() {
                case "true", "yes", "on": corpus = true
                case "false", "no", "off": corpus = false
                default: throw v.error("option 'corpus' of stage 'validate' expects true or false, found \(v.describe)")
                }
                continue
            }
            guard k.scalar == "rules" else { throw k.error("unknown option '\(k.scalar ?? "?")' for stage 'validate' (known options: rules, corpus)") }
            if case .null = v.value { continue }
            guard case .mapping(let rules) = v.value else { throw v.error("'rules' expects a mapping of rule id to off|note|warning|error, found \(v.describe)") }
            for (rk, rv) in rules {
                guard let id = rk.scalar, severities[id] != nil else {
                    let known = RuleCatalog.descriptions.map(\.id).joined(separator: ", ")
                    throw rk.error("unknown rule '\(rk.scalar ?? "?")' (known rules: \(known))")
                }
                switch rv.scalar {
                case "off", "false": severities[id] = nil
                case let s? where Severity(rawValue: s) != nil: severities[id] = Severity(rawValue: s)
                default: throw rv.error("rule '\(id)' expects off, note, warning or error, found \(rv.describe)")
                }
            }
        }
    }

    /// A stage running only `ids` (for tests and `docpipe rules`).
    public init(only ids: [String]) {
        severities = Dictionary(uniqueKeysWithValues: RuleCatalog.descriptions.filter { ids.contains($0.id) }.map { ($0.id, $0.defaultSeverity) })
    }

    public func process(_ document: inout Document) throws {
        var found: [Diagnostic] = []
        for rule in RuleCatalog.all {
            guard let severity = severities[type(of: rule).description.id] else { continue }
            // In place: copying each diagnostic out and back cost more than setting its severity.
            var ds = rule.check(document)
            for i in ds.indices { ds[i].severity = severity }
            // Into an empty list the array itself, not a copy of each diagnostic (and its strings).
            if found.isEmpty { found = ds } else { found.append(contentsOf: ds) }
        }
        found.sort { ($0.range?.lowerBound ?? -1, $0.rule) < ($1.range?.lowerBound ?? -1, $1.rule) }
        if document.diagnostics.isEmpty { document.diagnostics = found } else { document.diagnostics.append(contentsOf: found) }
    }
}
