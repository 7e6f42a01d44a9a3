// Benchmarks on a generated, deterministic corpus. Measures throughput in MB/s (10^6 bytes of input
// per second of wall time) and peak memory; see `make bench-clean` and `make bench`.
import DocPipe
import DocPipeBench
import DocPipeClean
import DocPipeCore
import DocPipeDecode
import DocPipeEmit
import DocPipeExtract
import DocPipeValidate
import Foundation

struct Args {
    var mode = "clean"
    var directory = "/tmp/docpipe-bench-corpus"
    var megabytes = 24
    var repeats = 3
    /// `breakdown --only a,b`: time only these extractors / rules / emitters (default: all).
    var only: Set<String> = []
    init() {
        var it = CommandLine.arguments.dropFirst().makeIterator()
        while let a = it.next() {
            switch a {
            case "--megabytes": megabytes = Int(it.next() ?? "") ?? megabytes
            case "--repeats": repeats = Int(it.next() ?? "") ?? repeats
            case "--dir": directory = it.next() ?? directory
            case "--only": only = Set((it.next() ?? "").split(separator: ",").map(String.init))
            default: mode = a
            }
        }
    }
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

// As the docpipe command does, so that the figures are the command's.
AllocatorTuning.keepFreedMemory(environment: ProcessInfo.processInfo.environment)
let args = Args()
let genStart = now()
let corpus = CorpusGenerator.generate(megabytes: args.megabytes, documentCount: max(20, args.megabytes * 6))
let totalBytes = corpus.reduce(0) { $0 + $1.bytes.count }
let mb = Double(totalBytes) / 1e6
print(String(format: "corpus: %d documents, %.1f MB, generated in %.2f s", corpus.count, mb, now() - genStart))

/// Best-of-N wall time of `body` over the corpus on one thread.
func measure(_ label: String, _ body: (BenchDocument) -> Int) {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<args.repeats {
        let t0 = now()
        checksum = 0
        for d in corpus { checksum &+= body(d) }
        best = min(best, now() - t0)
    }
    print(String(format: "%-28@ %8.1f MB/s  (%.3f s, 1 thread, best of %d; checksum %d)", label as NSString, mb / best, best, args.repeats, checksum))
}

/// Best-of-N time of each emitter over `docs`, in MB of input per second.
func timeEmitters(_ docs: [Document], only: Set<String> = []) {
    let formats: [(String, (Document) -> [UInt8])] = [
        ("json", { JSONEmitter.encode($0) }), ("json (no tokens)", { JSONEmitter.encode($0, tokens: false) }),
        ("xml", { XMLEmitter.encode($0) }), ("xml (no tokens)", { XMLEmitter.encode($0, tokens: false) }),
    ]
    for (name, encode) in formats where only.isEmpty || only.contains(String(name.prefix { $0 != " " })) {
        var best = Double.infinity
        var bytes = 0
        for _ in 0..<args.repeats {
            let t0 = now()
            bytes = 0
            for d in docs { bytes += encode(d).count }
            best = min(best, now() - t0)
        }
        print(String(format: "%@ %8.1f MB/s  (%.3f s, %.0f MB out)", ("emit." + name).padding(toLength: 30, withPad: " ", startingAt: 0) as NSString, mb / best, best, Double(bytes) / 1e6))
    }
}

let decode = DecodeStage()
let clean = CleanStage()

switch args.mode {
case "clean":
    // Decode once, then time the clean stage alone.
    var decoded: [Document] = []
    for d in corpus {
        var doc = Document(id: d.name, source: SourceFile(path: d.name, bytes: d.bytes))
        try decode.process(&doc)
        decoded.append(doc)
    }
    var best = Double.infinity
    var fixes = 0
    for _ in 0..<args.repeats {
        var docs = decoded
        let t0 = now()
        fixes = 0
        for i in docs.indices {
            try clean.process(&docs[i])
            fixes += docs[i].fixes.count
        }
        best = min(best, now() - t0)
    }
    print(String(format: "clean: %.1f MB/s per core (%.1f MB in %.3f s, 1 thread, best of %d), %d fixes, peak memory %.0f MB",
                 mb / best, mb, best, args.repeats, fixes, peakMemoryMB()))
case "corpus":
    // Write the corpus to a folder, to time `docpipe run` on it end to end.
    for d in corpus { try FileIO.writeAtomically(d.bytes, to: args.directory + "/" + d.name) }
    print("wrote \(corpus.count) documents to \(args.directory)")
case "decode":
    measure("decode") { d in
        var doc = Document(id: d.name, source: SourceFile(path: d.name, bytes: d.bytes))
        try? decode.process(&doc)
        return doc.text.utf8.count
    }
case "sha256":
    // The per-file checksum: hardware (SHA-NI) when present, and the portable code.
    for portable in [false, true] {
        measure(portable ? "sha256 (portable)" : (SHA256.usesHardware ? "sha256 (SHA-NI)" : "sha256")) { d in
            Int(SHA256.digest(d.bytes, portable: portable)[0])
        }
    }
case "stages":
    // Time each stage separately over the whole corpus (one thread), to see where the time goes.
    let pipeline = try Pipeline(spec: .builtin)
    var perStage = [Double](repeating: 0, count: pipeline.stages.count)
    for d in corpus {
        var doc = Document(id: d.name, source: SourceFile(path: d.name, bytes: d.bytes))
        for (i, stage) in pipeline.stages.enumerated() {
            let t0 = now()
            try stage.process(&doc)
            perStage[i] += now() - t0
        }
    }
    for (i, stage) in pipeline.stages.enumerated() {
        print(String(format: "%-10@ %8.1f MB/s  (%.3f s)", type(of: stage).name as NSString, mb / perStage[i], perStage[i]))
    }
case "entities":
    // Entity recognition alone (tokens and acronyms prepared untimed), for profiling that stage.
    let pipeline = try Pipeline(spec: .builtin)
    var prep = ExtractStage()
    prep.entities = false; prep.dates = false; prep.quantities = false; prep.claims = false
    var timed = ExtractStage()
    timed.tokens = false; timed.acronyms = false; timed.dates = false; timed.quantities = false; timed.claims = false
    let docs = try corpus.map { c -> Document in
        var d = pipeline.process(SourceFile(path: c.name, bytes: c.bytes), id: c.name, through: "segment")
        try prep.process(&d)
        return d
    }
    var best = Double.infinity
    var count = 0
    for _ in 0..<args.repeats {
        var work = docs
        let t0 = now()
        for i in work.indices { try timed.process(&work[i]) }
        best = min(best, now() - t0)
        count = work.reduce(0) { $0 + $1.entities.count }
    }
    print(String(format: "extract.entities %8.1f MB/s  (%.3f s, %d entities)", mb / best, best, count))
case "breakdown":
    // Time each extractor and each validation rule alone, on documents already decoded, cleaned and
    // segmented (and extracted, for the rules). Extractors that read earlier layers get them first,
    // untimed: acronyms before entities, everything before claims.
    let pipeline = try Pipeline(spec: .builtin)
    let segmented = corpus.map { pipeline.process(SourceFile(path: $0.name, bytes: $0.bytes), id: $0.name, through: "segment") }
    func stage(_ enabled: Set<String>) -> ExtractStage {
        var s = ExtractStage()
        s.tokens = enabled.contains("tokens"); s.acronyms = enabled.contains("acronyms")
        s.entities = enabled.contains("entities"); s.dates = enabled.contains("dates")
        s.quantities = enabled.contains("quantities"); s.claims = enabled.contains("claims")
        return s
    }
    // The layers each extractor reads (claims time the quantity analysis again, as quantities do).
    let before: [String: Set<String>] = ["entities": ["tokens", "acronyms"], "quantities": ["tokens", "dates"],
                                         "claims": ["tokens", "acronyms", "entities", "dates", "quantities"]]
    func wanted(_ name: String) -> Bool { args.only.isEmpty || args.only.contains(name) }
    for name in ["tokens", "acronyms", "entities", "dates", "quantities", "claims"] where wanted(name) {
        let prep = stage(before[name] ?? [])
        let timed = stage([name])
        let docs = try segmented.map { d -> Document in var d = d; try prep.process(&d); return d }
        var best = Double.infinity
        for _ in 0..<args.repeats {
            var work = docs
            let t0 = now()
            for i in work.indices { try timed.process(&work[i]) }
            best = min(best, now() - t0)
        }
        print(String(format: "%@ %8.1f MB/s  (%.3f s)", ("extract." + name).padding(toLength: 30, withPad: " ", startingAt: 0) as NSString, mb / best, best))
    }
    let needsExtracted = args.only.isEmpty || !args.only.isDisjoint(with: Set(RuleCatalog.descriptions.map(\.id)).union(["json", "xml"]))
    let extracted = !needsExtracted ? [] : try segmented.map { d -> Document in var d = d; try ExtractStage().process(&d); return d }
    for description in RuleCatalog.descriptions where wanted(description.id) {
        let rule = ValidateStage(only: [description.id])
        var best = Double.infinity
        for _ in 0..<args.repeats {
            var work = extracted
            let t0 = now()
            for i in work.indices { try rule.process(&work[i]) }
            best = min(best, now() - t0)
        }
        print(String(format: "%@ %8.1f MB/s  (%.3f s)", ("validate." + description.id).padding(toLength: 30, withPad: " ", startingAt: 0) as NSString, mb / best, best))
    }
    if wanted("json") || wanted("xml") {
        timeEmitters(try extracted.map { d -> Document in var d = d; try ValidateStage().process(&d); return d }, only: args.only)
    }
case "validate":
    // Time each validation rule alone and then the whole stage, on fully extracted documents: the
    // narrow version of `breakdown` for working on DocPipeValidate (and small enough for callgrind).
    let pipeline = try Pipeline(spec: .builtin)
    let extracted = try corpus.map { d -> Document in
        var doc = pipeline.process(SourceFile(path: d.name, bytes: d.bytes), id: d.name, through: "segment")
        try ExtractStage().process(&doc)
        return doc
    }
    let only = ProcessInfo.processInfo.environment["DOCPIPE_BENCH_RULE"]
    let stages = RuleCatalog.descriptions.map { ($0.id, ValidateStage(only: [$0.id])) } + [("(stage)", ValidateStage())]
    for (id, stage) in stages where only == nil || only == id {
        var best = Double.infinity
        var found = 0
        for _ in 0..<args.repeats {
            var work = extracted
            let t0 = now()
            found = 0
            for i in work.indices { try stage.process(&work[i]); found += work[i].diagnostics.count }
            best = min(best, now() - t0)
        }
        print(String(format: "validate.%-20@ %8.1f MB/s  (%.3f s, %d diagnostics)", id as NSString, mb / best, best, found))
    }
case "qc":
    // Quantities and claims alone, on documents extracted up to dates (untimed), the way the extract
    // stage runs them: one shared analysis. `qcTimed` is a separate function so callgrind can collect
    // only it (`--collect-atstart=no --toggle-collect='*qcTimed*'`).
    let pipeline = try Pipeline(spec: .builtin)
    var prep = ExtractStage()
    prep.quantities = false; prep.claims = false
    let docs = try corpus.map { d -> Document in
        var doc = pipeline.process(SourceFile(path: d.name, bytes: d.bytes), id: d.name, through: "segment")
        try prep.process(&doc)
        return doc
    }
    var timed = ExtractStage()
    timed.tokens = false; timed.acronyms = false; timed.entities = false; timed.dates = false
    @inline(never) func qcTimed(_ docs: [Document], _ stage: ExtractStage) throws -> (Double, Int) {
        var work = docs
        let t0 = now()
        var n = 0
        for i in work.indices {
            try stage.process(&work[i])
            n &+= work[i].quantities.count &* 1000 &+ work[i].claims.count
        }
        return (now() - t0, n)
    }
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<args.repeats {
        let (dt, n) = try qcTimed(docs, timed)
        best = min(best, dt)
        checksum = n
    }
    print(String(format: "extract.quantities+claims %8.1f MB/s  (%.3f s, best of %d; checksum %d)", mb / best, best, args.repeats, checksum))
case "emit":
    // The emitters alone, on documents through validate (prepared untimed).
    let pipeline = try Pipeline(spec: .builtin)
    timeEmitters(corpus.map { pipeline.process(SourceFile(path: $0.name, bytes: $0.bytes), id: $0.name) })
default:
    // The whole pipeline as `docpipe run` does it, file I/O aside: every stage, then the JSON and XML
    // encodings of each document. One thread, then all cores; then the same on a tenth of the corpus,
    // to show the cost is linear in the input.
    let pipeline = try Pipeline(spec: .builtin)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let runner = WholePipeline(pipeline: pipeline)
    func whole(_ d: BenchDocument) -> Int { runner.run(d) }
    func timeOneThread(_ docs: ArraySlice<BenchDocument>) -> (seconds: Double, output: Int) {
        var best = Double.infinity
        var output = 0
        for _ in 0..<args.repeats {
            let t0 = now()
            output = docs.reduce(0) { $0 + whole($1) }
            best = min(best, now() - t0)
        }
        return (best, output)
    }
    let (one, output) = timeOneThread(corpus[...])
    print(String(format: "whole pipeline, 1 thread:    %6.1f MB/s  (%.2f s, best of %d; %.0f MB of %@ written)", mb / one, one,
                 args.repeats, Double(output) / 1e6, pipeline.spec.formats.map(\.rawValue).joined(separator: "+") as NSString))
    // All cores: documents handed out in order from a shared counter, as BatchRunner does. Best of N like
    // the one-thread figure: on a shared machine a single run measures the neighbours as much as the code.
    let docs = corpus
    var all = Double.infinity
    for _ in 0..<args.repeats {
        let next = Counter()
        let t0 = now()
        DispatchQueue.concurrentPerform(iterations: cores) { _ in
            while let i = next.take(below: docs.count) { _ = runner.run(docs[i]) }
        }
        all = min(all, now() - t0)
    }
    print(String(format: "whole pipeline, %d threads:   %6.1f MB/s  (%.2f s, best of %d; %.1f MB/s per core)", cores, mb / all, all, args.repeats, mb / all / Double(cores)))
    let tenth = corpus.prefix(max(1, corpus.count / 10))
    let tenthMB = Double(tenth.reduce(0) { $0 + $1.bytes.count }) / 1e6
    let (small, _) = timeOneThread(tenth)
    print(String(format: "scaling: %.1f MB in %.3f s, %.1f MB in %.3f s: %.1fx the input costs %.1fx the time",
                 tenthMB, small, mb, one, mb / tenthMB, one / small))
    print(String(format: "peak memory %.0f MB (largest document %.1f MB)", peakMemoryMB(),
                 Double(corpus.map(\.bytes.count).max() ?? 0) / 1e6))
}

/// Every stage, then each output format encoded in memory.
struct WholePipeline: Sendable {
    let pipeline: Pipeline
    func run(_ d: BenchDocument) -> Int {
        let doc = pipeline.process(SourceFile(path: d.name, bytes: d.bytes), id: d.name)
        var out = 0
        let locations = DocumentLocations(doc)  // as BatchRunner does
        for format in pipeline.spec.formats {
            switch format {
            case .json: out += JSONEmitter.encode(doc, tokens: pipeline.spec.tokens, locations: locations).count
            case .xml: out += XMLEmitter.encode(doc, tokens: pipeline.spec.tokens, locations: locations).count
            }
        }
        return out
    }
}

/// A shared index for worker threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
