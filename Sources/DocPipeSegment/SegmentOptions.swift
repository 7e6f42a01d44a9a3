import DocPipeCore

/// Options of the segment stage (pipeline file section `segment:`).
///
/// ```yaml
/// - segment:
///     headings: true        # find headings in plain text
///     lists: true           # find list items (bullets, lines after a colon)
///     sentences: true       # split blocks into sentences
///     abbreviations: [Ave., Dept.]   # extra abbreviations that never end a sentence
/// ```
public struct SegmentOptions: Sendable, Equatable {
    public var headings = true
    public var lists = true
    public var sentences = true
    public var abbreviations: [String] = []

    public init(headings: Bool = true, lists: Bool = true, sentences: Bool = true, abbreviations: [String] = []) {
        self.headings = headings
        self.lists = lists
        self.sentences = sentences
        self.abbreviations = abbreviations
    }

    /// Reads the options strictly: unknown keys and bad values are errors at their file, line and column.
    /// `abbreviations` takes a list of strings (or one string of comma-separated abbreviations).
    public init(_ node: ConfigNode?) throws(ConfigError) {
        // OptionsReader reads scalars only; the list option is taken out and read here.
        var rest = node
        var list: ConfigNode? = nil
        if let n = node, case .mapping(let m) = n.value {
            list = m.first { $0.key.scalar == "abbreviations" }?.value
            rest = ConfigNode(.mapping(m.filter { $0.key.scalar != "abbreviations" }), file: n.file, line: n.line, column: n.column)
        }
        var r = try OptionsReader(rest, stage: SegmentStage.name)
        headings = try r.bool("headings", default: true)
        lists = try r.bool("lists", default: true)
        sentences = try r.bool("sentences", default: true)
        do {
            try r.finish()
        } catch {
            throw ConfigError(file: error.file, line: error.line, column: error.column,
                              message: error.message.replacingKnownList())
        }
        if let l = list { abbreviations = try Self.readList(l) }
    }

    private static func readList(_ n: ConfigNode) throws(ConfigError) -> [String] {
        switch n.value {
        case .null: return []
        case .scalar(let s):
            return s.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        case .sequence(let items):
            var out: [String] = []
            for item in items {
                guard let s = item.scalar, !s.trimmingWhitespace.isEmpty, !s.contains(" ") else {
                    throw item.error("option 'abbreviations' of stage 'segment' expects abbreviations such as 'Dept.', found \(item.describe)")
                }
                out.append(s.trimmingWhitespace)
            }
            return out
        case .mapping:
            throw n.error("option 'abbreviations' of stage 'segment' expects a list of abbreviations, found \(n.describe)")
        }
    }
}

private extension String {
    /// Adds `abbreviations` to the "known options" list at the end of OptionsReader's message.
    func replacingKnownList() -> String {
        let marker = "(known options: "
        guard hasSuffix(")"), let r = ranges(of: marker).last else { return self }
        return String(self[..<r.upperBound]) + String(self[r.upperBound...].dropLast()) + ", abbreviations)"
    }
}
