import Testing
import DocPipeCore
@testable import DocPipeExtract

/// The extract stage scans once for quantities and claims: sharing the analysis must give exactly what
/// each extractor finds on its own.
@Suite struct QuantityAnalysisSharingTests {
    static let text = "The Harbour Authority has 42 member states. Today nearly 1,200 staff work in ten regions, and a further 8 states hold observer status."

    @Test func sharedAnalysisGivesTheSameLayers() throws {
        var alone = qcDocument(Self.text)
        alone.quantities = QuantityExtractor.quantities(in: alone)
        let aloneClaims = ClaimExtractor.claims(in: alone)

        var staged = qcDocument(Self.text)
        var stage = ExtractStage()
        stage.tokens = false
        stage.acronyms = false
        stage.entities = false
        stage.dates = false
        try stage.process(&staged)
        #expect(staged.quantities == alone.quantities)
        #expect(staged.claims == aloneClaims)
        #expect(!aloneClaims.isEmpty)
    }

    @Test func analysisFollowsTheDateLayer() {
        var c = qcDocument(Self.text)
        c.dates = [TimeExpression(kind: .date, value: "0042", range: qcRange(Self.text, "42"))]
        #expect(!QuantityExtractor.quantities(in: c).contains { $0.value == 42 })
    }
}
