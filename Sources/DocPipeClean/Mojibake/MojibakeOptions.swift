import Foundation

public struct MojibakeOptions: Sendable, Equatable {
    /// UTF-8 decoded with a single-byte code page (one or several layers).
    public var fixEncoding = true
    /// U+0080–U+009F that are Windows-1252 bytes read as Latin-1.
    public var fixC1Controls = true
    /// A space that was byte A0 of a UTF-8 sequence (e.g. "Ã " for "à").
    public var restoreByteA0 = true
    /// MojibakeLone "Â’"-style sequences: UTF-8 of a C1 control read as Windows-1252.
    public var fixLoneSequences = true
    public init() {}
}
