import ArgumentParser
import DocPipe
import DocPipeCore
import Foundation

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print the cleaned text of one document.",
        discussion: """
        Decodes and cleans PATH (or standard input for '-') with the decode and clean options of the \
        pipeline, and prints the text. With --explain, every fix is listed on standard error as \
        'path:line:column: kind: before → after (why)', with the line and column in the raw file.
        """
    )

    @Argument(help: ArgumentHelp("The document, or '-' for standard input.", valueName: "PATH"))
    var path: String = "-"

    @Flag(name: .long, help: "List each fix on standard error.")
    var explain = false

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            do { bytes = try FileIO.read(path) } catch {
                warn("docpipe: " + error.description)
                throw ExitCode(2)
            }
        }
        let name = path == "-" ? "<stdin>" : path
        let doc = pipeline.process(SourceFile(path: name, bytes: bytes), id: name, through: "clean")
        FileHandle.standardOutput.write(Data(doc.text.utf8))
        if explain {
            for f in doc.fixes {
                let p = doc.rawPosition(ofOriginal: f.origin.lowerBound)
                let why = f.note.map { " (\($0))" } ?? ""
                warn("\(name):\(p.line):\(p.column): \(f.kind.rawValue): \(Explain.quote(f.before)) → \(Explain.quote(f.after))\(why)")
            }
            warn("\(doc.fixes.count) fixes; encoding \(doc.encoding ?? "unknown")")
        }
    }
}

enum Explain {
    /// Shows invisible characters in a fix so a reader can see what changed.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{A0}": out += "\\u{A0}"
            case "\"": out += "\\\""
            default:
                if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) || u.value == 0xFEFF {
                    out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
