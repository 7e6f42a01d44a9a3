import DocPipeCore
@testable import DocPipeTestSupport
import DocPipeEmit
import Foundation
import Testing

/// Opt-in tooling: not part of the normal run.
///
/// - `DOCPIPE_EMIT_DUMP=DIR swift test --filter DocPipeEmitTests.dumpSamples` writes emitted samples
///   (for cross-checking the schema with another validator, e.g. Python's `jsonschema`).
/// - `DOCPIPE_EMIT_BENCH=1 swift test -c release --filter DocPipeEmitTests.emitSpeed` prints the
///   emitters' speed on a ~10 MB document with ~100k annotations.
@Suite struct EmitToolingTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DOCPIPE_EMIT_DUMP"] != nil))
    func dumpSamples() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DOCPIPE_EMIT_DUMP"]!)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var rng = SplitMix(seed: 99)
        let docs = [Fixtures.sample(), Fixtures.hostile(), Document(id: "empty", source: SourceFile(path: "e.txt", bytes: [])),
                    Fixtures.large(paragraphs: 5)] + (0..<20).map { _ in Fixtures.random(&rng) }
        for (i, d) in docs.enumerated() {
            try Data(JSONEmitter.encode(d)).write(to: dir.appendingPathComponent("doc\(i).json"))
            try Data(JSONEmitter.encodeLine(d) + [0x0A]).write(to: dir.appendingPathComponent("doc\(i).jsonl"))
            try Data(XMLEmitter.encode(d)).write(to: dir.appendingPathComponent("doc\(i).xml"))
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DOCPIPE_EMIT_BENCH"] != nil))
    func emitSpeed() {
        let doc = Fixtures.large(paragraphs: 37_000)
        let mb = Double(doc.text.utf8.count) / 1_000_000
        let annotations = doc.fixes.count + doc.blocks.count + doc.sentences.count + doc.diagnostics.count
        func time(_ name: String, _ body: () -> [UInt8]) {
            var best = Double.infinity
            var size = 0
            for _ in 0..<3 {
                let t0 = ContinuousClock.now
                size = body().count
                let d = ContinuousClock.now - t0
                best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            }
            print(String(format: "%@: %.1f MB text, %d annotations → %.1f MB out in %.3f s (%.0f MB/s of text)",
                         name, mb, annotations, Double(size) / 1e6, best, mb / best))
        }
        time("JSON pretty") { JSONEmitter.encode(doc) }
        time("JSON line  ") { JSONEmitter.encodeLine(doc) }
        time("XML        ") { XMLEmitter.encode(doc) }
    }
}
