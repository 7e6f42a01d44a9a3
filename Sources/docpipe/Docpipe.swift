import ArgumentParser
import DocPipe
import Foundation

@main
struct Docpipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docpipe",
        abstract: "Repair, segment and annotate damaged reference documents.",
        discussion: """
        docpipe decodes each document whatever its encoding, repairs mojibake, malformed markup, \
        entities and whitespace (recording every fix with its line and column in the raw file), \
        segments it into headings, paragraphs, list items and sentences, extracts entities, acronyms, \
        dates, quantities and claims, checks them for contradictions, and writes annotated JSON and XML \
        (run) or reports the findings for people and CI systems (check).

        Exit codes: 0 success; 1 findings at or above --fail-on; 2 usage, pipeline-file or input errors.
        """,
        version: DocPipeVersion.string,
        subcommands: [RunCommand.self, CheckCommand.self, CleanCommand.self, RulesCommand.self]
    )

    /// Parses and runs, mapping argument errors to exit code 2 (the contract) instead of 64.
    static func main() {
        AllocatorTuning.keepFreedMemory(environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes a line to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether standard error is a terminal (for progress and colour).
var stderrIsTerminal: Bool { isatty(2) == 1 }
