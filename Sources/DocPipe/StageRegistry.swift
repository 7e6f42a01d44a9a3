import DocPipeClean
import DocPipeCore
import DocPipeDecode
import DocPipeExtract
import DocPipeSegment
import DocPipeValidate

/// Builds stages by name from pipeline files. The order of `order` is the order stages must run in.
public struct StageRegistry: Sendable {
    public let types: [any ConfigurableStage.Type]
    public var order: [String] { types.map { $0.name } }

    /// The stages this build of docpipe has.
    public static let standard = StageRegistry(types: [DecodeStage.self, CleanStage.self, SegmentStage.self, ExtractStage.self, ValidateStage.self])

    public init(types: [any ConfigurableStage.Type]) { self.types = types }

    /// Builds the stage named by `entry`, validating its options.
    public func make(_ entry: PipelineSpec.StageEntry) throws(ConfigError) -> any Stage {
        guard let t = types.first(where: { $0.name == entry.name }) else {
            throw entry.node.error("unknown stage '\(entry.name)' (known stages: \(order.joined(separator: ", ")))")
        }
        return try t.init(options: entry.options)
    }
}

/// A validated, built pipeline: the stages to run on each document.
public struct Pipeline: Sendable {
    public let spec: PipelineSpec
    public let stages: [any Stage]

    /// Builds every stage of `spec` (so that option errors surface before any document is read).
    /// The decode stage is added with its defaults when the file does not list it.
    public init(spec: PipelineSpec, registry: StageRegistry = .standard) throws(ConfigError) {
        self.spec = spec
        var built: [any Stage] = []
        if spec.stages.first?.name != "decode" {
            built.append(try registry.make(.init(name: "decode", options: nil, node: spec.stages.first?.node ?? ConfigNode(.null, file: spec.file, line: 1, column: 1))))
        }
        for e in spec.stages { built.append(try registry.make(e)) }
        stages = built
    }

    /// Runs every stage over one document. A stage that throws is reported as a diagnostic on the
    /// document; the stages after it still run on what there is.
    public func process(_ source: SourceFile, id: String, through last: String? = nil) -> Document {
        var doc = Document(id: id, source: source)
        for stage in stages {
            if let last, let a = StageRegistry.standard.order.firstIndex(of: type(of: stage).name),
               let b = StageRegistry.standard.order.firstIndex(of: last), a > b { break }
            do {
                try stage.process(&doc)
            } catch {
                doc.diagnostics.append(Diagnostic(rule: "internal-error", severity: .error,
                                                  message: "stage '\(type(of: stage).name)' failed: \(error)", range: nil))
            }
            doc.stagesRun.append(type(of: stage).name)
        }
        return doc
    }
}
