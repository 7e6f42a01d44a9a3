import DocPipeCore
import Foundation
import Yams

/// A pipeline file (`Pipelines/*.yml`), validated strictly: an unknown stage, key or value is an
/// error naming the file, line and column.
///
/// ```yaml
/// version: 1
/// description: what this pipeline is for
/// stages:
///   - decode: { fallback: windows-1252 }
///   - clean
///   - segment
/// output:
///   formats: [json, xml]
///   tokens: false       # the token layer is most of the output; written only when asked for
/// ```
public struct PipelineSpec: Sendable {
    /// One stage as named in the file, with its options node.
    public struct StageEntry: Sendable {
        public var name: String
        public var options: ConfigNode?
        public var node: ConfigNode
    }

    public enum OutputFormat: String, Sendable, CaseIterable { case json, xml }

    public var file: String
    public var description: String?
    public var stages: [StageEntry]
    public var formats: [OutputFormat]
    /// Whether the written documents carry the token layer. Off by default: one record per word is
    /// about 60 % of the JSON and XML and the slowest part to write; other layers never need it.
    public var tokens: Bool

    /// The built-in pipeline used when no file is given: every stage with its defaults.
    public static var builtin: PipelineSpec {
        let here = ConfigNode(.null, file: "<builtin>", line: 1, column: 1)
        return PipelineSpec(file: "<builtin>", description: "every stage with its defaults",
                            stages: StageRegistry.standard.order.map { StageEntry(name: $0, options: nil, node: here) },
                            formats: [.json, .xml])
    }

    public init(file: String, description: String?, stages: [StageEntry], formats: [OutputFormat], tokens: Bool = false) {
        self.file = file
        self.description = description
        self.stages = stages
        self.formats = formats
        self.tokens = tokens
    }

    /// Loads and validates a pipeline file.
    public static func load(path: String) throws(ConfigError) -> PipelineSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: 0, column: 0, message: "cannot read the pipeline file (does it exist?)")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 0, column: 0, message: "the pipeline file is not UTF-8 text")
        }
        return try parse(yaml: yaml, file: path)
    }

    /// Parses and validates pipeline YAML; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws(ConfigError) -> PipelineSpec {
        let root = try YAMLConfig.compose(yaml, file: file)
        guard case .mapping(let top) = root.value else {
            throw root.error("a pipeline file must be a mapping with 'version' and 'stages', found \(root.describe)")
        }
        var description: String?
        var stages: [StageEntry]?
        var formats: [OutputFormat] = [.json, .xml]
        var tokens = false
        var sawVersion = false
        for (k, v) in top {
            switch k.scalar {
            case "version":
                guard v.scalar == "1" else { throw v.error("unsupported pipeline version \(v.describe); this docpipe reads version 1") }
                sawVersion = true
            case "description", "name":
                guard let s = v.scalar else { throw v.error("'\(k.scalar!)' expects text, found \(v.describe)") }
                description = s
            case "stages":
                stages = try parseStages(v)
            case "output":
                (formats, tokens) = try parseOutput(v)
            default:
                throw k.error("unknown key '\(k.scalar ?? "?")' (known keys: version, description, stages, output)")
            }
        }
        guard sawVersion else { throw root.error("missing 'version: 1'") }
        guard let stages else { throw root.error("missing 'stages' (a list such as [decode, clean, segment])") }
        return PipelineSpec(file: file, description: description, stages: stages, formats: formats, tokens: tokens)
    }

    private static func parseStages(_ v: ConfigNode) throws(ConfigError) -> [StageEntry] {
        guard case .sequence(let items) = v.value else { throw v.error("'stages' expects a list of stage names, found \(v.describe)") }
        let order = StageRegistry.standard.order
        var out: [StageEntry] = []
        for item in items {
            let name: String, options: ConfigNode?, at: ConfigNode
            switch item.value {
            case .scalar(let s): (name, options, at) = (s, nil, item)
            case .mapping(let m) where m.count == 1:
                guard let s = m[0].key.scalar else { throw m[0].key.error("a stage name must be text") }
                (name, options, at) = (s, m[0].value, m[0].key)
            default:
                throw item.error("a stage is a name ('clean') or a name with options ('clean: {mojibake: true}'), found \(item.describe)")
            }
            guard let rank = order.firstIndex(of: name) else {
                throw at.error("unknown stage '\(name)' (known stages: \(order.joined(separator: ", ")))")
            }
            if let prev = out.last, let prevRank = order.firstIndex(of: prev.name), prevRank >= rank {
                throw at.error(prevRank == rank ? "stage '\(name)' is listed twice"
                               : "stage '\(name)' must come before '\(prev.name)' (the order is \(order.joined(separator: " → ")))")
            }
            out.append(StageEntry(name: name, options: options, node: at))
        }
        if out.isEmpty { throw v.error("'stages' is empty; list at least one stage") }
        return out
    }

    private static func parseOutput(_ v: ConfigNode) throws(ConfigError) -> (formats: [OutputFormat], tokens: Bool) {
        guard case .mapping(let m) = v.value else { throw v.error("'output' expects a mapping such as {formats: [json, xml]}, found \(v.describe)") }
        var formats: [OutputFormat] = [.json, .xml]
        var tokens = false
        for (k, fv) in m {
            switch k.scalar {
            case "formats":
                guard case .sequence(let items) = fv.value else { throw fv.error("'formats' expects a list such as [json, xml], found \(fv.describe)") }
                formats = []
                for it in items {
                    guard let s = it.scalar, let f = OutputFormat(rawValue: s) else {
                        throw it.error("unknown output format \(it.describe) (known formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    formats.append(f)
                }
            case "tokens":
                switch fv.scalar?.lowercased() {
                case "true", "yes", "on": tokens = true
                case "false", "no", "off": tokens = false
                default: throw fv.error("'tokens' in 'output' expects true or false, found \(fv.describe)")
                }
            default:
                throw k.error("unknown key '\(k.scalar ?? "?")' in 'output' (known keys: formats, tokens)")
            }
        }
        return (formats, tokens)
    }
}

/// YAML → ``ConfigNode`` with positions, rejecting duplicate keys.
enum YAMLConfig {
    static func compose(_ yaml: String, file: String) throws(ConfigError) -> ConfigNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let e as YamlError {
            throw convert(e, file: file)
        } catch {
            throw ConfigError(file: file, line: 0, column: 0, message: "cannot parse YAML: \(error)")
        }
        guard let node else { throw ConfigError(file: file, line: 1, column: 1, message: "the pipeline file is empty") }
        return try convert(node, file: file)
    }

    private static func convert(_ e: YamlError, file: String) -> ConfigError {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { " \($0.text)" } ?? ""
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)\(ctx)")
        default:
            return ConfigError(file: file, line: 0, column: 0, message: "invalid YAML: \(e)")
        }
    }

    private static func convert(_ node: Node, file: String) throws(ConfigError) -> ConfigNode {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        switch node {
        case .scalar(let s):
            if s.tag.description == Tag.Name.null.rawValue || (s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)) {
                return ConfigNode(.null, file: file, line: line, column: column)
            }
            return ConfigNode(.scalar(s.string), file: file, line: line, column: column)
        case .sequence(let seq):
            var items: [ConfigNode] = []
            for n in seq { items.append(try convert(n, file: file)) }
            return ConfigNode(.sequence(items), file: file, line: line, column: column)
        case .mapping(let map):
            var pairs: [(key: ConfigNode, value: ConfigNode)] = []
            var seen = Set<String>()
            for (k, v) in map {
                let key = try convert(k, file: file)
                if let s = key.scalar, !seen.insert(s).inserted { throw key.error("duplicate key '\(s)'") }
                pairs.append((key, try convert(v, file: file)))
            }
            return ConfigNode(.mapping(pairs), file: file, line: line, column: column)
        }
    }
}
