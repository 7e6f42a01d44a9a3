@testable import DocPipe
import DocPipeCore
import DocPipeEmit
import DocPipeTestSupport
import Foundation
import Testing

/// The pieces a run writes its SARIF log with: a scratch file for results, an atomic output file,
/// and the log streamed in chunks.
@Suite struct StreamedOutputTests {
    static func finding(_ k: Int, path: String) -> Finding {
        Finding(rule: k % 2 == 0 ? "duplicate-sentence" : "empty-section", severity: k % 2 == 0 ? .warning : .note,
                message: "finding \(k) \u{2014} \"quoted\"", path: path, line: k + 1, column: 1, endLine: k + 1, endColumn: 9,
                sourceLine: "", related: k % 3 == 0 ? [.init(path: path, line: 1, column: 2, endLine: 1, endColumn: 3, message: "here")] : [],
                fingerprint: String(repeating: "ab", count: 16))
    }

    @Test func sarifInSmallChunksIsTheWholeLog() throws {
        let docs = [CheckedDocument(path: "a.txt", findings: (0..<5).map { Self.finding($0, path: "a.txt") }),
                    CheckedDocument(path: "empty.txt", findings: []),
                    CheckedDocument(path: "b c.txt", findings: (5..<7).map { Self.finding($0, path: "b c.txt") })]
        let whole = Reports.sarif(docs, rules: RuleInfo.all, toolVersion: "9.9")
        for chunk in [1, 100, 1 << 20] {
            var pieces: [[UInt8]] = []
            var pending = docs[...]
            Reports.sarif(rules: RuleInfo.all, toolVersion: "9.9", chunk: chunk, nextResults: {
                pending.popFirst().map { Reports.sarifResults($0.findings, rules: RuleInfo.all) }
            }, write: { pieces.append($0) })
            #expect(pieces.joined().elementsEqual(whole))
            if chunk == 1 { #expect(pieces.count > 3) }
        }
        // A log without results is still a valid log.
        let none = String(decoding: Reports.sarif([], rules: RuleInfo.all, toolVersion: "9.9"), as: UTF8.self)
        #expect(none.contains("\"results\": []"))
        #expect(try JSONSerialization.jsonObject(with: Data(whole)) is [String: Any])
    }

    @Test func spillFileKeepsWhatEachThreadWrote() async throws {
        let dir = NSTemporaryDirectory() + "/docpipe-spill-\(UUID().uuidString)"
        let spill = try SpillFile(directory: dir)
        // Nothing is visible in the folder: the file was unlinked when created.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        let pieces: [[UInt8]] = (0..<64).map { k in (0..<(k * 37 % 500)).map { UInt8(truncatingIfNeeded: $0 &* k) } }
        let ranges = try await withThrowingTaskGroup(of: (Int, Range<Int>).self) { group in
            for (k, p) in pieces.enumerated() { group.addTask { (k, try spill.append(p)) } }
            var out = [Range<Int>?](repeating: nil, count: pieces.count)
            for try await (k, r) in group { out[k] = r }
            return out.map { $0! }
        }
        for (k, r) in ranges.enumerated() { #expect(try spill.read(r) == pieces[k]) }
        #expect(ranges.reduce(0) { $0 + $1.count } == pieces.reduce(0) { $0 + $1.count })
    }

    @Test func atomicFileAppearsOnlyWhenCommitted() throws {
        let dir = NSTemporaryDirectory() + "/docpipe-atomic-\(UUID().uuidString)"
        let path = dir + "/sub/log.sarif"
        do {
            let f = try AtomicFile(path: path)
            try f.write(Array("abandoned".utf8))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/sub").isEmpty, "no temporary file left")
        let f = try AtomicFile(path: path)
        try f.write(Array("first ".utf8))
        try f.write(Array("second".utf8))
        #expect(!FileManager.default.fileExists(atPath: path))
        try f.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first second")
        #expect(throws: InputError.self) { try f.write([1]) }
    }

    /// Whole files back, at the sizes around the read's edges (empty, one byte, the old 64 KiB chunk).
    @Test(arguments: [0, 1, 4095, 65535, 65536, 65537, 300_001])
    func readGivesTheWholeFile(size: Int) throws {
        let dir = NSTemporaryDirectory() + "/docpipe-read-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = SplitMix(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        try FileIO.writeAtomically(bytes, to: dir + "/f.bin")
        #expect(try FileIO.read(dir + "/f.bin") == bytes)
        #expect(throws: InputError.self) { try FileIO.read(dir) }
        #expect(throws: InputError.self) { try FileIO.read(dir + "/missing") }
    }

    /// A file that reports no size (Linux's /proc) is read to its end all the same.
    @Test func readFileWithoutSize() throws {
        let path = "/proc/version"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let bytes = try FileIO.read(path)
        #expect(!bytes.isEmpty)
        #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test(arguments: [("out/a/b.json", "out/a"), ("b.json", ""), ("/b.json", "/"), ("/tmp/x/y", "/tmp/x"), ("./b", "."), ("a//b", "a/")])
    func folderOfPath(path: String, folder: String) {
        #expect(FileIO.folder(of: path) == folder)
    }
}
