import Foundation

/// One repair: replace the UTF-8 byte range `range` of the input string with `replacement`.
public struct MojibakeRepair: Sendable, Equatable {
    /// UTF-8 byte offsets into the input String's utf8 view, on scalar boundaries.
    public var range: Range<Int>
    public var replacement: String
    /// Short human text, e.g. "UTF-8 read as Windows-1252".
    public var reason: String

    public init(range: Range<Int>, replacement: String, reason: String) {
        self.range = range
        self.replacement = replacement
        self.reason = reason
    }
}
