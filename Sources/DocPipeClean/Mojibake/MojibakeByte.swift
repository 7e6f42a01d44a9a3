import Foundation

/// A byte produced by re-encoding items with a code page.
struct MojibakeByte {
    var b: UInt8
    var lo: Int32
    var hi: Int32
    var asciiOrig: Bool   // an unchanged ASCII character of the original
    var layers: UInt8
    var c1: Bool
}
