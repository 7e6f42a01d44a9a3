import DocPipeCore
import DocPipeEmit
import Foundation

/// What one document's run produced, kept small so a batch of thousands stays in bounded memory.
public struct DocumentSummary: Sendable {
    public var input: InputDocument
    public var encoding: String?
    public var fixes: Int
    public var blocks: Int
    public var sentences: Int
    /// The diagnostics located in the raw file, for reports (empty when they went to `spill`).
    public var findings: [Finding] = []
    /// Where the runner's spill file holds this document's SARIF results (see `BatchRunner.spill`).
    public var spilledResults: Range<Int>?
    /// Count claims kept for the comparison across documents, their strings in `claimStrings`.
    public var claims: [ClaimRecord] = []
    var claimStrings: ClaimStrings?
    public var outputs: [String]
    /// Set when the document could not be read or written; the batch went on.
    public var error: InputError?
}

/// Runs a pipeline over many documents in parallel and writes their outputs. Output bytes do not
/// depend on the job count: each document is processed and written on its own.
public struct BatchRunner: Sendable {
    public var pipeline: Pipeline
    public var outputDirectory: String
    public var jobs: Int
    public var progress: Bool
    /// Whether to write each document's formats (`run`) or only report (`check`).
    public var writeOutputs: Bool
    /// Whether findings carry their source line (for the text report); a run's SARIF needs none.
    public var sourceLines: Bool
    /// When set, each document's findings are written there as SARIF results (`spilledResults`)
    /// instead of being kept: a run over many documents holds none of them in memory.
    public var spill: SpillFile?
    /// The rules, for the spilled results' rule indexes.
    public var rules: [RuleMetadata] = RuleInfo.all
    /// The strings of the claim records of every document this runner processes.
    let claimStrings = ClaimStrings()

    public init(pipeline: Pipeline, outputDirectory: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: Bool = false, writeOutputs: Bool = true, sourceLines: Bool = true, spill: SpillFile? = nil) {
        self.pipeline = pipeline
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
        self.progress = progress
        self.writeOutputs = writeOutputs
        self.sourceLines = sourceLines
        self.spill = spill
    }

    /// Processes one input: read, run the stages, write the formats. Never throws; errors go in the summary.
    public func runOne(_ input: InputDocument) -> DocumentSummary {
        var summary = DocumentSummary(input: input, encoding: nil, fixes: 0, blocks: 0, sentences: 0, outputs: [])
        let bytes: [UInt8]
        do { bytes = try FileIO.read(input.path) } catch {
            summary.error = error
            return summary
        }
        let doc = pipeline.process(SourceFile(path: input.path, bytes: bytes), id: input.id)
        summary.encoding = doc.encoding
        summary.fixes = doc.fixes.count
        summary.blocks = doc.blocks.count
        summary.sentences = doc.sentences.count
        // Built before the findings, which take their spans from it.
        let locations = writeOutputs ? DocumentLocations(doc) : nil
        summary.findings = Finding.make(from: doc, locations: locations, sourceLines: sourceLines)
        if let spill {
            do {
                summary.spilledResults = try spill.append(Reports.sarifResults(summary.findings, rules: rules))
                summary.findings = []
            } catch {
                summary.error = error
            }
        }
        summary.claims = ClaimRecord.records(of: doc, strings: claimStrings)
        summary.claimStrings = claimStrings
        guard let locations else { return summary }
        for format in pipeline.spec.formats {
            let path = outputDirectory + "/" + input.id + "." + format.rawValue
            let data: [UInt8] = switch format {
            case .json: JSONEmitter.encode(doc, tokens: pipeline.spec.tokens, locations: locations)
            case .xml: XMLEmitter.encode(doc, tokens: pipeline.spec.tokens, locations: locations)
            }
            do {
                try FileIO.writeAtomically(data, to: path)
                summary.outputs.append(path)
            } catch {
                summary.error = error
            }
        }
        return summary
    }

    /// Processes every input with up to `jobs` threads; summaries come back in input order.
    public func run(_ inputs: [InputDocument]) -> [DocumentSummary] {
        let results = ResultStore(count: inputs.count)
        let ticker = progress ? ProgressLine(total: inputs.count) : nil
        let workers = min(jobs, max(inputs.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = results.claim() {
                let s = runOne(inputs[i])
                results.store(s, at: i)
                ticker?.advance(inputs[i].path)
            }
        }
        ticker?.finish()
        return results.all()
    }
}

/// Work distribution and result slots shared by the worker threads.
private final class ResultStore: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [DocumentSummary?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ s: DocumentSummary, at i: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = s
    }

    func all() -> [DocumentSummary] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// A one-line progress display on stderr (only used when stderr is a terminal).
private final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0

    init(total: Int) { self.total = total }

    func advance(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let name = path.count > 40 ? "…" + path.suffix(39) : path
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(done)/\(total) \(name)".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
