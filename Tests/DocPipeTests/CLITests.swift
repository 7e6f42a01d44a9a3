import Foundation
import Testing
@testable import DocPipeTestSupport

/// End-to-end tests of the `docpipe` binary: golden outputs over `Input/`, schema validation of every
/// emitted file, identical bytes whatever the job count, exit codes and messages.
/// Set DOCPIPE_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
@Suite(.serialized) struct CLITests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("docpipe").path
        for candidate in [besideTests, repoRoot + "/.build/debug/docpipe"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return repoRoot + "/.build/debug/docpipe"
    }()

    static func run(_ args: [String], stdin: String? = nil, cwd: String = repoRoot) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "docpipe-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    static func files(under dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? [])
            .filter { !(FileIsDir(dir + "/" + $0)) }.sorted()
    }

    static func FileIsDir(_ p: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &isDir) && isDir.boolValue
    }

    @Test func runOverSamplesMatchesGoldenAndSchemas() throws {
        let out1 = Self.tempDir(), out2 = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out1); try? FileManager.default.removeItem(atPath: out2) }
        let r1 = try Self.run(["run", "Input", "--pipeline", "Pipelines/default.yml", "--output", out1, "--jobs", "1"])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(r1.stdout.isEmpty, "run writes files, not stdout")
        let r2 = try Self.run(["run", "Input", "--pipeline", "Pipelines/default.yml", "--output", out2, "--jobs", "4"])
        #expect(r2.status == 0)

        let produced = Self.files(under: out1)
        let inputs = Self.files(under: repoRoot + "/Input")
        #expect(produced.count == inputs.count * 2 + 1, "a JSON and an XML per input, and diagnostics.sarif")
        #expect(produced.contains("diagnostics.sarif"))
        #expect(Self.files(under: out2) == produced)

        let schema = try JSONSchemaValidator(schemaBytes: Array(try Data(contentsOf: URL(fileURLWithPath: repoRoot + "/Schemas/docpipe-document-1.schema.json"))))
        let xsd = try XSDValidator(path: repoRoot + "/Schemas/docpipe-document-1.xsd")
        let goldenDir = repoRoot + "/Tests/DocPipeTests/Golden"
        let update = ProcessInfo.processInfo.environment["DOCPIPE_UPDATE_GOLDEN"] == "1"
        for f in produced {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out1 + "/" + f))
            // Same bytes whatever the job count.
            #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: out2 + "/" + f))), "\(f) differs between --jobs 1 and --jobs 4")
            if f.hasSuffix(".sarif") {
                let issues = SARIFCheck.validate(try JSONValue.parse(Array(bytes)))
                #expect(issues.isEmpty, "\(f): \(issues.prefix(5))")
            } else if f.hasSuffix(".json") {
                let issues = schema.validate(try JSONValue.parse(Array(bytes)))
                #expect(issues.isEmpty, "\(f): \(issues.prefix(5))")
            } else {
                let issues = xsd.validate(Array(bytes))
                #expect(issues.isEmpty, "\(f): \(issues.prefix(5))")
            }
            let golden = goldenDir + "/" + f
            if update {
                try FileManager.default.createDirectory(atPath: (golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try bytes.write(to: URL(fileURLWithPath: golden))
            } else {
                let expected = FileManager.default.contents(atPath: golden)
                #expect(expected != nil, "no golden file \(golden); run with DOCPIPE_UPDATE_GOLDEN=1")
                if let expected, expected != bytes {
                    Issue.record("\(f) differs from its golden file; inspect with: diff \(golden) <(docpipe output)")
                }
            }
        }
    }

    /// `output: {tokens: true}` adds the token layer to both formats, valid against the schemas, and
    /// changes nothing else: without the layer the document is the default pipeline's, byte for byte.
    @Test func outputTokensAddsOnlyTheTokenLayer() throws {
        let base = Self.tempDir(), withTokens = Self.tempDir()
        defer { for d in [base, withTokens] { try? FileManager.default.removeItem(atPath: d) } }
        let yaml = try String(contentsOfFile: repoRoot + "/Pipelines/default.yml", encoding: .utf8)
        #expect(yaml.contains("tokens: false            #"))
        let pipeline = withTokens + ".yml"
        defer { try? FileManager.default.removeItem(atPath: pipeline) }
        try yaml.replacingOccurrences(of: "tokens: false            #", with: "tokens: true             #")
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let input = "Input/scraped"
        #expect(try Self.run(["run", input, "--output", base, "--jobs", "1"]).status == 0)
        let r = try Self.run(["run", input, "--pipeline", pipeline, "--output", withTokens, "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let schema = try JSONSchemaValidator(schemaBytes: Array(try Data(contentsOf: URL(fileURLWithPath: repoRoot + "/Schemas/docpipe-document-1.schema.json"))))
        let xsd = try XSDValidator(path: repoRoot + "/Schemas/docpipe-document-1.xsd")
        let produced = Self.files(under: withTokens).filter { !$0.hasSuffix(".sarif") }
        #expect(!produced.isEmpty)
        for f in produced {
            let full = Array(try Data(contentsOf: URL(fileURLWithPath: withTokens + "/" + f)))
            let plain = Array(try Data(contentsOf: URL(fileURLWithPath: base + "/" + f)))
            if f.hasSuffix(".json") {
                let doc = try JSONValue.parse(full)
                #expect(schema.validate(doc).isEmpty, "\(f)")
                guard case .array(let tokens)? = doc["tokens"] else { Issue.record("\(f): no token layer"); continue }
                #expect(!tokens.isEmpty && tokens.allSatisfy { $0["kind"] != nil && $0["line"] != nil }, "\(f)")
                guard case .object(let fields) = doc else { continue }
                let rest = JSONValue.object(fields.filter { $0.key != "tokens" })
                #expect(rest == (try JSONValue.parse(plain)), "\(f): only the token layer differs")
                #expect(try JSONValue.parse(plain)["tokens"] == nil, "\(f): the default pipeline leaves tokens out")
            } else {
                #expect(xsd.validate(full).isEmpty, "\(f)")
                let text = String(decoding: full, as: UTF8.self)
                #expect(text.contains("<tokens>") && text.contains("<token kind=\"word\""), "\(f)")
                #expect(!String(decoding: plain, as: UTF8.self).contains("<tokens"), "\(f)")
            }
        }
    }

    static let seedPath = repoRoot + "/../shared/seeds/000_e0a514ad2b943aba.txt"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPath), "the seed is not beside the repository"))
    func cleanOnSeedRepairsWhatTheIssueNames() throws {
        let seed = Self.seedPath
        let r = try Self.run(["clean", seed, "--explain"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("other’s activities"))
        #expect(r.stdout.contains("\nIntergovernmental Organizations\n"))
        #expect(!r.stdout.contains("<h3<"))
        #expect(!r.stdout.contains("Â"))
        // Nothing else changes but whitespace: compare with spaces and blank lines folded.
        let raw = try String(contentsOfFile: seed, encoding: .utf8)
        func fold(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        let expected = fold(raw).replacingOccurrences(of: "otherÂ’s", with: "other’s").replacingOccurrences(of: "<h3<", with: "")
        #expect(fold(r.stdout) == expected)
        #expect(r.stderr.contains("000_e0a514ad2b943aba.txt:59:1: markup:"))
    }

    @Test func cleanReadsStandardInput() throws {
        let r = try Self.run(["clean", "-", "--explain"], stdin: "Caf&eacute; cr\u{E8}me  \r\n")
        #expect(r.status == 0)
        #expect(r.stdout == "Café crème\n")
        #expect(r.stderr.contains("<stdin>:1:4: entity: \"&eacute;\" → \"é\""))
    }

    @Test func missingPathExitsTwo() throws {
        let r = try Self.run(["run", "no/such/folder", "--output", Self.tempDir()])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no/such/folder: error: no such file or folder"))
    }

    @Test func badPipelineReportsLineAndColumn() throws {
        let dir = Self.tempDir()
        let yml = dir + "/bad.yml"
        try "version: 1\nstages:\n  - decode\n  - clean:\n      mojibake: sometimes\n".write(toFile: yml, atomically: true, encoding: .utf8)
        let r = try Self.run(["run", "Input", "--pipeline", yml, "--output", dir + "/out"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(yml):5:17: error: option 'mojibake' of stage 'clean' expects true or false, found 'sometimes'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"), "nothing is written when the pipeline is invalid")
    }

    @Test func unknownStageAndBadYAML() throws {
        let dir = Self.tempDir()
        try "version: 1\nstages: [decode, tokenize]\n".write(toFile: dir + "/u.yml", atomically: true, encoding: .utf8)
        let r = try Self.run(["run", "Input", "--pipeline", dir + "/u.yml", "--output", dir])
        #expect(r.status == 2)
        #expect(r.stderr.contains("u.yml:2:18: error: unknown stage 'tokenize' (known stages: decode, clean, segment, extract, validate)"))
        try "version: 1\nstages: [decode\n".write(toFile: dir + "/y.yml", atomically: true, encoding: .utf8)
        let r2 = try Self.run(["clean", "-", "--pipeline", dir + "/y.yml"], stdin: "x")
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("y.yml:3:1: error: invalid YAML"))
    }

    @Test func usageErrorsExitTwo() throws {
        let r = try Self.run(["run", "--jobs", "0"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--jobs expects a whole number of at least 1"))
        let r2 = try Self.run(["frobnicate"])
        #expect(r2.status == 2)
    }

    @Test func unreadableDocumentDoesNotLoseTheOthers() throws {
        let dir = Self.tempDir()
        try "Title\n\nA fine paragraph.\n".write(toFile: dir + "/good.txt", atomically: true, encoding: .utf8)
        // /proc/self/mem exists but cannot be read from offset 0: a real read error, even as root.
        let r = try Self.run(["run", dir + "/good.txt", "/proc/self/mem", "--output", dir + "/out"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/proc/self/mem: error: cannot read"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/good.json"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/good.xml"))
    }

    @Test func helpIsClear() throws {
        let r = try Self.run(["--help"])
        #expect(r.status == 0)
        for word in ["run", "clean", "rules", "Exit codes"] { #expect(r.stdout.contains(word)) }
        let h = try Self.run(["help", "run"])
        #expect(h.stdout.contains("--jobs") && h.stdout.contains("--pipeline") && h.stdout.contains("--output"))
        let c = try Self.run(["clean", "--help"])
        #expect(c.stdout.contains("--explain"))
    }

    @Test func rulesListAndShow() throws {
        let r = try Self.run(["rules"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("empty-section") && r.stdout.contains("warning"))
        let one = try Self.run(["rules", "duplicate-sentence"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("Triggering examples") && one.stdout.contains("↓"))
        let bad = try Self.run(["rules", "no-such-rule"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown rule 'no-such-rule'"))
    }
}
