/// Letter and case tests for Unicode scalars, answered from a table for the Latin blocks (U+0000–U+024F)
/// that hold nearly every non-ASCII letter of the documents docpipe reads (`Curaçao`, `Jovanović`).
///
/// `Unicode.Scalar.Properties` costs a few hundred instructions a question (a binary search in the
/// runtime's tables) and, inlined, fetches resilient metadata on every call; these answers are the same
/// (the table is built from those properties once) at the cost of one load.
public enum ScalarProperties {
    static let alphabetic: UInt8 = 1, uppercase: UInt8 = 2, titlecase: UInt8 = 4

    /// Scalars below this are answered from the table.
    public static let tableLimit: UInt32 = 0x250

    static let table: [UInt8] = (0..<tableLimit).map { v in
        let p = Unicode.Scalar(v)!.properties
        var bits: UInt8 = 0
        if p.isAlphabetic { bits |= alphabetic }
        if p.isUppercase { bits |= uppercase }
        if p.generalCategory == .titlecaseLetter { bits |= titlecase }
        return bits
    }

    @inline(__always) static func bits(_ s: Unicode.Scalar) -> UInt8? {
        s.value < tableLimit ? table.withUnsafeBufferPointer { $0[Int(s.value)] } : nil
    }

    /// `s.properties.isAlphabetic`.
    public static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        if let b = bits(s) { return b & alphabetic != 0 }
        return slowIsAlphabetic(s)
    }

    /// `s.properties.isUppercase`.
    public static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if let b = bits(s) { return b & uppercase != 0 }
        return slowIsUppercase(s)
    }

    /// An upper-case or title-case letter (`s.properties.isUppercase || generalCategory == .titlecaseLetter`).
    public static func isUpperOrTitlecase(_ s: Unicode.Scalar) -> Bool {
        if let b = bits(s) { return b & (uppercase | titlecase) != 0 }
        return slowIsUppercase(s) || slowIsTitlecase(s)
    }

    // Out of line: the property types are resilient (see above).
    @inline(never) static func slowIsAlphabetic(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @inline(never) static func slowIsUppercase(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    @inline(never) static func slowIsTitlecase(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .titlecaseLetter }
}
