import Testing
import DocPipeCore

@Suite struct ListMarkerTests {
    @Test(arguments: [
        ("• Water", 3, false), ("– Roads", 3, false), ("◦ x", 3, false), ("· x", 2, false), ("- x", 1, false), ("* x", 1, false),
        ("12. Schools", 3, true), ("a) Health", 2, true), ("1) Ports", 2, true),
        ("Water", 0, false), ("1234. Year", 0, false), ("ab) x", 0, false), ("<div>", 0, false), ("2023 was", 0, false),
    ] as [(String, Int, Bool)])
    func symbols(_ line: String, _ length: Int, _ numbered: Bool) {
        let bytes = Array(line.utf8)
        let r = bytes.withUnsafeBufferPointer { ListMarker.symbol($0, 0, $0.count) }
        #expect(r.length == length)
        #expect(r.numbered == numbered)
    }
}
