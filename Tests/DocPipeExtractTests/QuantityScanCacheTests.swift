import Testing
import DocPipeCore
@testable import DocPipeExtract

/// The claim extractor reuses the scan the quantity extractor just made: results must not depend on
/// whether the cache was filled, and a changed document must not hit a stale entry.
@Suite struct QuantityScanCacheTests {
    static let text = "The Harbour Authority has 42 member states. Today nearly 1,200 staff work in ten regions, and a further 8 states hold observer status."

    @Test func claimsSameWithAndWithoutPriorQuantities() {
        var d = qcDocument(Self.text)
        let cold = ClaimExtractor.claims(in: d)            // no cache entry: scans itself
        d.quantities = QuantityExtractor.quantities(in: d)  // fills the cache
        let warmQ = QuantityExtractor.quantities(in: d)     // served from the cache
        #expect(warmQ == d.quantities)
        let warm = ClaimExtractor.claims(in: d)             // takes the cached entry
        let again = ClaimExtractor.claims(in: d)            // entry consumed: scans again
        #expect(warm == again)
        #expect(!warm.isEmpty)
        // Same claims as the cold run, apart from the quantity indices only known once quantities are stored.
        #expect(cold.map(\.value) == warm.map(\.value))
        #expect(cold.map(\.measure) == warm.map(\.measure))
    }

    @Test func changedDocumentDoesNotHitStaleEntry() {
        var a = qcDocument(Self.text)
        a.quantities = QuantityExtractor.quantities(in: a)
        var b = qcDocument("The Delta Fund employs 300 engineers.")
        b.quantities = QuantityExtractor.quantities(in: b)
        #expect(b.quantities.map(\.value) == [300])
        // Same text with a date layer covering the number: the cached matches must not be reused.
        var c = qcDocument(Self.text)
        let r = qcRange(Self.text, "42")
        c.dates = [TimeExpression(kind: .date, value: "0042", range: r)]
        let qs = QuantityExtractor.quantities(in: c)
        #expect(!qs.contains { $0.value == 42 })
    }
}
