import DocPipeCore
import Testing
@testable import DocPipe

@Suite struct PipelineSpecTests {
    func error(_ yaml: String) -> ConfigError? {
        do {
            let spec = try PipelineSpec.parse(yaml: yaml, file: "p.yml")
            _ = try Pipeline(spec: spec)
            return nil
        } catch { return error }
    }

    @Test func shippedPipelinesLoad() throws {
        for name in ["default", "clean-only"] {
            let spec = try PipelineSpec.load(path: repoRoot + "/Pipelines/\(name).yml")
            let p = try Pipeline(spec: spec)
            #expect(type(of: p.stages[0]).name == "decode")
        }
    }

    @Test func minimal() throws {
        let spec = try PipelineSpec.parse(yaml: "version: 1\nstages: [clean, segment]\n", file: "p.yml")
        #expect(spec.stages.map(\.name) == ["clean", "segment"])
        #expect(spec.formats == [.json, .xml])
        #expect(spec.tokens == false)  // the token layer is written only when asked for
        // decode is added when not listed
        #expect(try Pipeline(spec: spec).stages.count == 3)
    }

    @Test func outputTokens() throws {
        let on = try PipelineSpec.parse(yaml: "version: 1\nstages: [extract]\noutput:\n  formats: [json]\n  tokens: true\n", file: "p.yml")
        #expect(on.tokens && on.formats == [.json])
        let off = try PipelineSpec.parse(yaml: "version: 1\nstages: [extract]\noutput: {tokens: off}\n", file: "p.yml")
        #expect(!off.tokens && off.formats == [.json, .xml])
    }

    @Test(arguments: [
        ("version: 1\nstages:\n  - decode\n  - polish\n", 4, 5, "unknown stage 'polish'"),
        ("version: 1\nstages:\n  - clean:\n      mojibak: true\n", 4, 7, "unknown option 'mojibak' for stage 'clean'"),
        ("version: 1\nstages:\n  - clean:\n      mojibake: maybe\n", 4, 17, "expects true or false, found 'maybe'"),
        ("version: 1\nstages:\n  - clean:\n      markup: xml\n", 4, 15, "expects one of auto, html, text, off"),
        ("version: 1\nstages: [segment, clean]\n", 2, 19, "stage 'clean' must come before 'segment'"),
        ("version: 1\nstages: [clean, clean]\n", 2, 17, "listed twice"),
        ("version: 2\nstages: [clean]\n", 1, 10, "unsupported pipeline version"),
        ("version: 1\nstages: [clean]\ncolour: red\n", 3, 1, "unknown key 'colour'"),
        ("version: 1\nstages: [clean]\noutput:\n  formats: [json, pdf]\n", 4, 19, "unknown output format 'pdf'"),
        ("version: 1\nstages: [clean]\noutput:\n  tokens: all\n", 4, 11, "'tokens' in 'output' expects true or false, found 'all'"),
        ("version: 1\nstages: [clean]\noutput:\n  layers: [tokens]\n", 4, 3, "unknown key 'layers' in 'output' (known keys: formats, tokens)"),
        ("version: 1\nstages: [clean\n", 3, 1, "invalid YAML"),
        ("version: 1\nversion: 1\nstages: [clean]\n", 2, 1, "duplicate key 'version'"),
        ("stages: [clean]\n", 1, 1, "missing 'version: 1'"),
        ("version: 1\n", 1, 1, "missing 'stages'"),
    ])
    func strictErrors(yaml: String, line: Int, column: Int, message: String) {
        let e = error(yaml)
        #expect(e != nil)
        #expect(e?.file == "p.yml")
        #expect(e?.line == line, "\(e?.description ?? "")")
        #expect(e?.column == column, "\(e?.description ?? "")")
        #expect(e?.message.contains(message) == true, "\(e?.description ?? "")")
    }
}

@Suite struct InputCollectorTests {
    @Test func idsStripExtensionsAndKeepThemOnCollision() {
        #expect(InputCollector.stripExtension("a/b.txt") == "a/b")
        #expect(InputCollector.stripExtension("a/.hidden") == "a/.hidden")
        #expect(InputCollector.stripExtension("a.b/c") == "a.b/c")
    }

    @Test func collectsSamplesRecursivelyInOrder() throws {
        let docs = try InputCollector.collect([repoRoot + "/Input"])
        #expect(docs.count >= 6)
        #expect(docs.map(\.path) == docs.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(docs.allSatisfy { !$0.id.hasSuffix(".txt") })
    }

    @Test func missingPathIsAnError() {
        #expect(throws: InputError.self) { try InputCollector.collect(["/no/such/place"]) }
    }
}

/// The repository root, found from this file's path.
let repoRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

@Suite struct DefaultPipelineTests {
    /// Pipelines/default.yml promises to spell out every option of every stage: each declared option
    /// (the stages' `optionHelp`) appears there, and the file loads with all of them.
    @Test func defaultPipelineSpellsOutEveryOption() throws {
        let spec = try PipelineSpec.load(path: repoRoot + "/Pipelines/default.yml")
        #expect(spec.stages.map(\.name) == StageRegistry.standard.order)
        for (entry, type) in zip(spec.stages, StageRegistry.standard.types) {
            var keys: [String] = []
            if case .mapping(let m)? = entry.options?.value { keys = m.compactMap { $0.key.scalar } }
            for option in type.optionHelp {
                #expect(keys.contains(option.key), "default.yml does not show option '\(option.key)' of stage '\(type.name)'")
            }
        }
    }
}
