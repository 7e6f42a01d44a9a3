import ArgumentParser
import DocPipe
import DocPipeEmit
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process documents and write annotated JSON and XML.",
        discussion: """
        For each input Input/a/b.txt, writes Output/a/b.json and Output/a/b.xml, and for the whole run \
        Output/diagnostics.sarif (atomically: an interrupted run never leaves a truncated file). Folders are searched recursively; hidden files \
        are skipped. A document that cannot be read is reported and the others are still processed (exit 2).
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to process.", valueName: "PATH"))
    var paths: [String] = ["Input"]

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the outputs.", valueName: "DIR"))
    var output: String = "Output"

    @Option(name: .long, help: ArgumentHelp("Documents processed in parallel; the default is the number of cores.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Never show the progress line (it is shown only when stderr is a terminal).")
    var noProgress = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs expects a whole number of at least 1, found \(jobs)") }
        guard !paths.isEmpty else { throw ValidationError("name at least one file or folder") }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let inputs: [InputDocument]
        do { inputs = try InputCollector.collect(paths) } catch {
            warn("docpipe: " + error.description)
            throw ExitCode(2)
        }
        guard !inputs.isEmpty else {
            warn("docpipe: error: no input documents found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        // Findings wait on disk for the SARIF log, so memory does not grow with the number of documents.
        let spill: SpillFile
        do { spill = try SpillFile(directory: output) } catch {
            warn("docpipe: " + error.description)
            throw ExitCode(2)
        }
        let runner = BatchRunner(pipeline: pipeline, outputDirectory: output, jobs: jobs, progress: !noProgress && stderrIsTerminal,
                                 sourceLines: false, spill: spill)
        let started = Date()
        var results = runner.run(inputs)
        CorpusCheck.apply(to: &results, pipeline: pipeline, sourceLines: false)
        var failed = 0
        for r in results {
            if let e = r.error {
                failed += 1
                warn("docpipe: " + e.description)
            }
        }
        // Every run also leaves its findings for CI: Output/diagnostics.sarif, each document's results
        // read back from the spill file, then the cross-document ones the corpus check added.
        let sarifPath = output + "/diagnostics.sarif"
        do {
            let file = try AtomicFile(path: sarifPath)
            var pending = results.filter { $0.error == nil }[...]
            var pieces: [[UInt8]] = []
            try Reports.sarif(rules: RuleInfo.all, toolVersion: DocPipeVersion.string, nextResults: { () throws(InputError) -> [UInt8]? in
                while pieces.isEmpty {
                    guard let r = pending.popFirst() else { return nil }
                    if let range = r.spilledResults { pieces.append(try spill.read(range)) }
                    if !r.findings.isEmpty { pieces.append(Reports.sarifResults(r.findings, rules: RuleInfo.all)) }
                }
                return pieces.removeFirst()
            }, write: { (piece) throws(InputError) in try file.write(piece) })
            try file.commit()
        } catch {
            warn("docpipe: " + error.description)
            failed += 1
        }
        let files = results.reduce(0) { $0 + $1.outputs.count } + 1
        let fixes = results.reduce(0) { $0 + $1.fixes }
        let seconds = Date().timeIntervalSince(started)
        warn("docpipe: \(results.count - failed) of \(results.count) documents processed, \(fixes) fixes, \(files) files written to \(output)/ in \(String(format: "%.2f", seconds)) s")
        if failed > 0 { throw ExitCode(2) }
    }
}
