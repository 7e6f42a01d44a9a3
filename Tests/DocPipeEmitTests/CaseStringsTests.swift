import DocPipeCore
@testable import DocPipeEmit
import Testing

/// The kind tables' index lookup (`CaseStrings` reading a case's stored index) against the escaped raw value.
@Suite struct CaseStringsTests {
    /// Each case's bytes, looked up by the stored index, are its escaped raw value; and the kinds the
    /// emitters write do use the stored index (else this would test only the search).
    @Test func caseTablesWriteEachCase() {
        func check<K: CaseIterable & RawRepresentable & Equatable>(_: K.Type) where K.RawValue == String {
            let table = CaseStrings<K> { $0.jsonString($1) }
            #expect(table.storedIndex, "\(K.self)")
            for k in K.allCases {
                let out = ByteSink.collect(estimate: 64) { table.write(k, to: &$0) }
                #expect(out == ByteSink.collect(estimate: 64) { $0.jsonString(k.rawValue) }, "\(k)")
            }
        }
        check(Token.Kind.self)
        check(Entity.Kind.self)
        check(TimeExpression.Kind.self)
        check(Comparator.self)
        check(Fix.Kind.self)
    }

    /// A payload-free enum whose `allCases` is not in declaration order falls back to the search.
    enum Shuffled: String, CaseIterable {
        case a, b, c
        static var allCases: [Shuffled] { [.c, .a, .b] }
    }

    @Test func caseTableOutOfDeclarationOrder() {
        let table = CaseStrings<Shuffled> { $0.jsonString($1) }
        #expect(!table.storedIndex)
        for k in Shuffled.allCases {
            #expect(ByteSink.collect(estimate: 64) { table.write(k, to: &$0) } == Array("\"\(k.rawValue)\"".utf8))
        }
    }
}
