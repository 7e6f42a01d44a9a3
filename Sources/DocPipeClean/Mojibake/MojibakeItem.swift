import Foundation

/// A character of the line being repaired, with the span of ORIGINAL scalars it stands for.
struct MojibakeItem {
    var s: UInt32
    var lo: Int32
    var hi: Int32
    var changed: Bool
    var layers: UInt8
    var page: UInt8
    var c1: Bool
    var lone: Bool
}
