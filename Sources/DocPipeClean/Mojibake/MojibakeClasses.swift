import Foundation
import DocPipeCore

/// Character classes of the scalars that show up in UTF-8 mojibake.
enum MojibakeClasses {
    nonisolated(unsafe) static let low: UnsafePointer<UInt32> = makeTable(MojibakeTables.lowMasks)
    nonisolated(unsafe) static let mid: UnsafePointer<UInt32> = makeTable(MojibakeTables.midMasks)

    static func makeTable(_ a: [UInt32]) -> UnsafePointer<UInt32> {
        let p = UnsafeMutablePointer<UInt32>.allocate(capacity: a.count)
        p.initialize(from: a, count: a.count)
        return UnsafePointer(p)
    }

    @inline(__always)
    static func mask(_ s: UInt32) -> UInt32 { mask(s, low, mid) }

    @inline(__always)
    static func mask(_ s: UInt32, _ low: UnsafePointer<UInt32>, _ mid: UnsafePointer<UInt32>) -> UInt32 {
        if s < 0x80 { return 0 }
        if s < 0x500 { return low[Int(s)] }
        let d = s &- 0x2000
        if d < 0x600 { return mid[Int(d)] }
        if s < 0xF000 { return 0 }
        return highMask(s)
    }

    static func highMask(_ s: UInt32) -> UInt32 {
        let keys = MojibakeTables.highKeys
        for k in 0..<keys.count where keys[k] == s { return MojibakeTables.highMasks[k] }
        return 0
    }

    /// An uppercase or titlecase letter.
    static func isUpper(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A }
        guard let u = Unicode.Scalar(s) else { return false }
        return ScalarProperties.isUpperOrTitlecase(u)
    }

    /// Python's `\s` for str.
    @inline(__always)
    static func isSpace(_ s: UInt32) -> Bool {
        switch s {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Python's `\w` for str (approximately: letters, numbers, underscore).
    static func isWord(_ s: UInt32) -> Bool {
        if s < 0x80 {
            return (s >= 0x30 && s <= 0x39) || (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A) || s == 0x5F
        }
        guard let u = Unicode.Scalar(s) else { return false }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
