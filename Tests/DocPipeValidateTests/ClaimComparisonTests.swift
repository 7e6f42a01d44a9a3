import DocPipeCore
import Testing
@testable import DocPipeValidate

@Suite struct ClaimComparisonTests {
    @Test(arguments: [
        (157.0, Comparator.exactly, 165.0, Comparator.exactly, false),
        (165, .exactly, 165, .exactly, true),
        (100, .over, 150, .over, true),
        (37_000, .about, 35_000, .over, true),
        (9_000, .about, 9_200, .exactly, true),
        (9_000, .about, 12_000, .exactly, false),
        (100, .over, 100, .exactly, false),
        (100, .over, 90, .exactly, false),
        (1_000_000, .nearly, 990_000, .exactly, true),
        (5, .atLeast, 5, .exactly, true),
        (5, .under, 5, .exactly, false),
        (60, .over, 61, .exactly, true),
    ])
    func compatibility(a: Double, ca: Comparator, b: Double, cb: Comparator, expected: Bool) {
        #expect(ClaimComparison.compatible((a, ca), (b, cb)) == expected)
        #expect(ClaimComparison.compatible((b, cb), (a, ca)) == expected)
    }

    @Test func timeFrames() {
        #expect(ClaimComparison.sameTime("PRESENT_REF", "PRESENT_REF"))
        #expect(ClaimComparison.sameTime("2014", "2014"))
        #expect(!ClaimComparison.sameTime("PAST_REF", "PAST_REF"))
        #expect(!ClaimComparison.sameTime("1960", "PRESENT_REF"))
        #expect(!ClaimComparison.sameTime(nil, "PRESENT_REF"))
    }
}
