import DocPipeCore
@testable import DocPipeTestSupport
import DocPipeEmit
import Foundation
import Testing

/// Opt-in tooling: not part of the normal run.
///
/// - `DOCPIPE_EMIT_DUMP=DIR swift test --filter DocPipeEmitTests.dumpSamples` writes emitted samples
///   (for cross-checking the schema with another validator, e.g. Python's `jsonschema`).
/// Speed is measured by `docpipe-bench emit` / `make bench-breakdown`, never by a test.
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
}
