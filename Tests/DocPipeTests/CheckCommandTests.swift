import Foundation
import Testing
@testable import DocPipeTestSupport

/// `docpipe check`: formats, exit codes, --fail-on, --baseline and fingerprints.
@Suite(.serialized) struct CheckCommandTests {
    static let doc = """
    Harbour Authority

    The authority runs four ports. It was founded in 1961 by three cities.

    Members

    Observers

    The authority runs four ports.
    """

    static func write(_ text: String, name: String = "harbour.txt") throws -> (dir: String, path: String) {
        let dir = CLITests.tempDir()
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func textFormatAndExitCodes() throws {
        let (dir, path) = try Self.write(Self.doc)
        let r = try CLITests.run(["check", path], cwd: dir)
        #expect(r.status == 0, "warnings do not fail with the default --fail-on error")
        #expect(r.stdout.contains("\(path):5:1: warning: section 'Members' is empty"))
        #expect(r.stdout.contains("[empty-section]"))
        #expect(r.stdout.contains("    Members\n    ^~~~~~~\n"))
        #expect(r.stdout.contains("\(path):9:1: warning: sentence repeated from line 3"))
        #expect(r.stdout.contains("\(path):3:1: note: first stated here"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(r.stdout.hasSuffix("0 errors, 2 warnings, 0 notes in 1 document\n"))
        let w = try CLITests.run(["check", path, "--fail-on", "warning"], cwd: dir)
        #expect(w.status == 1)
        let never = try CLITests.run(["check", path, "--fail-on", "never", "--format", "json"], cwd: dir)
        #expect(never.status == 0)
        let bad = try CLITests.run(["check", path, "--format", "pdf"], cwd: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--format expects one of text, json, sarif, github, junit"))
    }

    @Test func sarifIsWhatGitHubReads() throws {
        let (dir, path) = try Self.write(Self.doc)
        let r = try CLITests.run(["check", "harbour.txt", "--format", "sarif"], cwd: dir)
        let log = try JSONValue.parse(Array(r.stdout.utf8))
        #expect(SARIFCheck.validate(log).isEmpty, "\(SARIFCheck.validate(log))")
        let results = log["runs"]?.array?[0]["results"]?.array ?? []
        #expect(results.count == 2)
        let dup = results.first { $0["ruleId"] == .string("duplicate-sentence") }
        #expect(dup?["locations"]?.array?[0]["physicalLocation"]?["artifactLocation"]?["uri"] == .string("harbour.txt"))
        #expect(dup?["relatedLocations"]?.array?[0]["physicalLocation"]?["region"]?["startLine"] == .number(3))
        _ = path
    }

    @Test func sarifCheckCatchesBrokenLogs() throws {
        let broken = try JSONValue.parse(#"{"version":"2.1.0","$schema":"sarif-2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[]}},"columnKind":"utf16CodeUnits","results":[{"ruleId":"r","level":"fatal","message":{"text":""},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"/abs/path"},"region":{"startLine":0}}}]}]}]}"#)
        let issues = SARIFCheck.validate(broken)
        #expect(issues.count >= 5, "\(issues)")
    }

    /// Moving unrelated lines changes line numbers, not fingerprints; a baseline then hides the known findings.
    @Test func baselineSurvivesUnrelatedEdits() throws {
        let (dir, path) = try Self.write(Self.doc)
        let first = try CLITests.run(["check", path, "--format", "json"], cwd: dir)
        let baseline = dir + "/baseline.json"
        try first.stdout.write(toFile: baseline, atomically: true, encoding: .utf8)
        let fps1 = (try JSONValue.parse(Array(first.stdout.utf8)))["findings"]?.array?.compactMap { $0["fingerprint"]?.string } ?? []
        #expect(fps1.count == 2)

        let moved = "Harbour Authority\n\nA new opening paragraph.\n\nAnother one.\n" + Self.doc.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        try moved.write(toFile: path, atomically: true, encoding: .utf8)
        let second = try CLITests.run(["check", path, "--format", "json"], cwd: dir)
        let fps2 = (try JSONValue.parse(Array(second.stdout.utf8)))["findings"]?.array?.compactMap { $0["fingerprint"]?.string } ?? []
        #expect(Set(fps2) == Set(fps1))

        let suppressed = try CLITests.run(["check", path, "--baseline", baseline, "--fail-on", "warning"], cwd: dir)
        #expect(suppressed.status == 0)
        #expect(suppressed.stdout.hasSuffix("0 errors, 0 warnings, 0 notes in 1 document\n"))
        let badBaseline = try CLITests.run(["check", path, "--baseline", path], cwd: dir)
        #expect(badBaseline.status == 2)
        #expect(badBaseline.stderr.contains("not a baseline"))
    }

    @Test func githubAnnotationsAreEscaped() throws {
        let (dir, _) = try Self.write(Self.doc, name: "a,b:c%.txt")
        let r = try CLITests.run(["check", "a,b:c%.txt", "--format", "github"], cwd: dir)
        #expect(r.stdout.contains("::warning file=a%2Cb%3Ac%25.txt,line=5,col=1,endLine=5,endColumn=8,title=docpipe empty-section::section 'Members' is empty"))
        // The related note rides in the message, its line break escaped.
        #expect(r.stdout.contains("%0Aa,b:c%25.txt:3:1: first stated here"))
        #expect(!r.stdout.split(separator: "\n").contains { !$0.hasPrefix("::") })
    }

    @Test func junitHasACasePerDocumentAndRule() throws {
        let (dir, _) = try Self.write(Self.doc)
        let r = try CLITests.run(["check", "harbour.txt", "--format", "junit"], cwd: dir)
        let xml = Array(r.stdout.utf8)
        #expect(XMLCheck.wellFormednessErrors(xml).isEmpty)
        let rules = try CLITests.run(["rules"]).stdout.split(separator: "\n").count
        #expect(r.stdout.components(separatedBy: "<testcase ").count - 1 == rules)
        #expect(r.stdout.contains("failures=\"2\""))
        #expect(r.stdout.contains("<testcase classname=\"harbour.txt\" name=\"markup-residue\"/>"))
    }
}

/// Corpus scope: the same subject and measure stated differently in two documents.
@Suite(.serialized) struct CorpusScopeTests {
    static let first = "Harbour Authority\n\nThe Baltic Harbour Authority (BHA) is an intergovernmental body. The Baltic Harbour Authority currently has 12 member ports.\n"
    static let second = "Harbour Authority Profile\n\nThe Baltic Harbour Authority (BHA) coordinates pilotage. The Baltic Harbour Authority currently has 14 member ports.\n"

    @Test func conflictAcrossDocumentsIsReportedInTheLaterOne() throws {
        let dir = CLITests.tempDir()
        try Self.first.write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Self.second.write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        let r = try CLITests.run(["check", "a.txt", "b.txt", "--pipeline", repoRoot + "/Pipelines/default.yml"], cwd: dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("b.txt:3:"), "\(r.stdout)")
        #expect(r.stdout.contains("across documents"), "\(r.stdout)")
        #expect(r.stdout.contains("a.txt:3:"), "related location in the other file: \(r.stdout)")
        // Each file alone is consistent.
        let alone = try CLITests.run(["check", "b.txt", "--pipeline", repoRoot + "/Pipelines/default.yml"], cwd: dir)
        #expect(alone.status == 0, "\(alone.stdout)")
    }

    @Test func crossDocumentFindingShowsItsSourceLine() throws {
        let dir = CLITests.tempDir()
        try Self.first.write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        // Windows-1252 with CRLFs: the line is shown as the decoder reads the file again.
        let second = Self.second.replacingOccurrences(of: "pilotage.", with: "pilotage\u{2019}s rules.").replacingOccurrences(of: "\n", with: "\r\n")
        try Data(second.data(using: .windowsCP1252)!).write(to: URL(fileURLWithPath: dir + "/b.txt"))
        let r = try CLITests.run(["check", "a.txt", "b.txt", "--pipeline", repoRoot + "/Pipelines/default.yml"], cwd: dir)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("b.txt:3:") && $0.contains("across documents") }, "\(r.stdout)")
        #expect(lines[at + 1].hasSuffix("coordinates pilotage\u{2019}s rules. The Baltic Harbour Authority currently has 14 member ports."), "\(r.stdout)")
        #expect(lines[at + 2].contains("^"), "\(r.stdout)")
    }

    @Test func crossDocumentFingerprintsAreDistinct() throws {
        // Two subjects with the same stated numbers: two findings, two identities.
        let dir = CLITests.tempDir()
        let a = "Ports\n\nThe Baltic Harbour Authority currently has 12 member ports. The Nordic Pilotage Authority currently has 12 member ports.\n"
        let b = "Ports Again\n\nThe Baltic Harbour Authority currently has 14 member ports. The Nordic Pilotage Authority currently has 14 member ports.\n"
        try a.write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try b.write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        let r = try CLITests.run(["check", "a.txt", "b.txt", "--format", "json", "--pipeline", repoRoot + "/Pipelines/default.yml"], cwd: dir)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(obj["findings"] as? [[String: Any]])
        let across = findings.filter { ($0["message"] as? String ?? "").contains("across documents") }
        #expect(across.count == 2, "\(r.stdout)")
        #expect(Set(across.compactMap { $0["fingerprint"] as? String }).count == across.count)
    }

    @Test func runWritesTheSameSARIFAsCheck() throws {
        // `run` renders each document's results as it finishes and keeps them on disk until the end;
        // the log must be the one `check` renders from memory, cross-document finding included.
        let dir = CLITests.tempDir()
        try Self.first.write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try (Self.second + "\nMembers\n\nObservers\n").write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/c.txt", atomically: true, encoding: .utf8)
        let pipeline = repoRoot + "/Pipelines/default.yml"
        let check = try CLITests.run(["check", "a.txt", "b.txt", "c.txt", "--format", "sarif", "--pipeline", pipeline], cwd: dir)
        #expect(check.stdout.contains("across documents") && check.stdout.contains("empty-section"))
        for jobs in ["1", "3"] {
            let run = try CLITests.run(["run", "a.txt", "b.txt", "c.txt", "--output", "out" + jobs, "--jobs", jobs, "--pipeline", pipeline], cwd: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let log = try String(contentsOfFile: dir + "/out\(jobs)/diagnostics.sarif", encoding: .utf8)
            #expect(log == check.stdout)
            // The scratch file is gone.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out" + jobs).sorted() == ["a.json", "a.xml", "b.json", "b.xml", "c.json", "c.xml", "diagnostics.sarif"])
        }
    }

    @Test func corpusScopeCanBeSwitchedOff() throws {
        let dir = CLITests.tempDir()
        try Self.first.write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Self.second.write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        try "version: 1\nstages:\n  - segment\n  - extract\n  - validate:\n      corpus: false\n".write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let r = try CLITests.run(["check", "a.txt", "b.txt", "--pipeline", "p.yml"], cwd: dir)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(!r.stdout.contains("across documents"))
    }
}
