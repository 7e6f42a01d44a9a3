import Foundation
import Testing
import DocPipeCore
@testable import DocPipeExtract

// Developer check: DOCPIPE_SEED=path swift test --filter QuantitySeedDev prints what is extracted.
@Test(.enabled(if: ProcessInfo.processInfo.environment["DOCPIPE_SEED"] != nil))
func quantitySeedDev() throws {
    let path = ProcessInfo.processInfo.environment["DOCPIPE_SEED"]!
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var d = Document(id: "seed", source: SourceFile(path: path, bytes: Array(text.utf8)))
    d.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
    let bytes = Array(text.utf8)
    func str(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
    let clock = ContinuousClock()
    let t0 = clock.now
    d.quantities = QuantityExtractor.quantities(in: d)
    d.claims = ClaimExtractor.claims(in: d)
    print("time", clock.now - t0)
    for (i, q) in d.quantities.enumerated() { print("Q\(i)", q.value, "[\(q.unit)]", q.comparator.rawValue, "«\(str(q.range))»") }
    for c in d.claims {
        print("C", c.kind.rawValue, c.subjectText.isEmpty ? "-" : c.subjectText, c.subject ?? "", "|", c.measure, c.value, c.comparator.rawValue, c.time ?? "nil", "q=\(c.quantity.map(String.init) ?? "-")", "«\(str(c.range).prefix(90))»")
        for it in c.items { print("     item «\(str(it).prefix(70))»") }
    }
}
