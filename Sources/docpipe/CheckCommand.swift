import ArgumentParser
import DocPipe
import DocPipeCore
import DocPipeEmit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check documents for inconsistent content and print the findings.",
        discussion: """
        Runs the pipeline without writing outputs and prints its diagnostics. Formats: text (for people: \
        path:line:col: severity: message [rule], the source line, a caret, related notes; colour only on \
        a terminal), json (also the --baseline format), sarif (2.1.0, for GitHub code scanning), github \
        (workflow annotations), junit (one test case per document and rule).

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, pipeline or input errors.
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "PATH"))
    var paths: [String] = ["Input"]

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(name: .long, help: ArgumentHelp("Output format: text, json, sarif, github or junit.", valueName: "FORMAT"))
    var format: String = "text"

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that fails the check: error, warning, note or never.", valueName: "SEVERITY"))
    var failOn: String = "error"

    @Option(name: .long, help: ArgumentHelp("Suppress findings listed in FILE (written by --format json) by fingerprint.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Documents processed in parallel; the default is the number of cores.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("--format expects one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), found '\(format)'")
        }
        guard failOn == "never" || Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on expects error, warning, note or never, found '\(failOn)'")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs expects a whole number of at least 1, found \(jobs)") }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let known = try baseline.map(Baseline.load) ?? []
        let inputs: [InputDocument]
        do { inputs = try InputCollector.collect(paths) } catch {
            warn("docpipe: " + error.description)
            throw ExitCode(2)
        }
        guard !inputs.isEmpty else {
            warn("docpipe: error: no input documents found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        // Only the text format shows source lines.
        let sourceLines = format == "text"
        var results = BatchRunner(pipeline: pipeline, outputDirectory: "", jobs: jobs, writeOutputs: false, sourceLines: sourceLines).run(inputs)
        CorpusCheck.apply(to: &results, pipeline: pipeline, sourceLines: sourceLines)
        var failed = false
        var documents: [CheckedDocument] = []
        for r in results {
            if let e = r.error { warn("docpipe: " + e.description); failed = true; continue }
            documents.append(CheckedDocument(path: r.input.path, findings: r.findings.filter { !known.contains($0.fingerprint) }))
        }
        let color = format == "text" && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let out = Reports.render(ReportFormat(rawValue: format)!, documents: documents, rules: RuleInfo.all,
                                 toolVersion: DocPipeVersion.string, color: color)
        FileHandle.standardOutput.write(Data(out))
        if failed { throw ExitCode(2) }
        if let threshold = Severity(rawValue: failOn),
           documents.contains(where: { $0.findings.contains { $0.severity >= threshold } }) {
            throw ExitCode(1)
        }
    }
}

/// Fingerprints of known findings, from a file written by `check --format json`.
enum Baseline {
    static func load(_ path: String) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            warn("docpipe: \(path): error: cannot read the baseline file")
            throw ExitCode(2)
        }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = obj["findings"] as? [[String: Any]] else {
            warn("docpipe: \(path): error: not a baseline (expected the JSON written by 'docpipe check --format json')")
            throw ExitCode(2)
        }
        return Set(findings.compactMap { $0["fingerprint"] as? String })
    }
}
