import Foundation

public enum MojibakeRepairer {
    /// Sorted, non-overlapping repairs, each relative to the ORIGINAL input
    /// (several layers are composed into one repair).
    public static func repairs(in text: String, options: MojibakeOptions = .init()) -> [MojibakeRepair] {
        var out: [MojibakeRepair] = []
        if !options.fixEncoding && !options.fixC1Controls && !options.fixLoneSequences { return out }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { buf in
            MojibakeEngine.scan(buf, options: options, into: &out)
        }
        if done == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { MojibakeEngine.scan($0, options: options, into: &out) }
        }
        return out
    }

    /// The repairs on the lines that hold a part of `ranges` (sorted by lower bound; an empty range
    /// names the line it is in); other lines are not read.
    public static func repairs(in text: String, lines ranges: [Range<Int>], options: MojibakeOptions = .init()) -> [MojibakeRepair] {
        var out: [MojibakeRepair] = []
        if !options.fixEncoding && !options.fixC1Controls && !options.fixLoneSequences { return out }
        var text = text
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { MojibakeEngine.scan($0, lines: ranges, options: options, into: &out) }
        return out
    }

    /// Convenience: the input with all repairs applied.
    static func fixed(_ text: String, options: MojibakeOptions = .init()) -> String {
        let reps = repairs(in: text, options: options)
        if reps.isEmpty { return text }
        return apply(reps, to: text)
    }

    /// Applies sorted, non-overlapping repairs to `text`.
    static func apply(_ repairs: [MojibakeRepair], to text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pos = 0
        for r in repairs {
            result.append(contentsOf: bytes[pos..<r.range.lowerBound])
            result.append(contentsOf: r.replacement.utf8)
            pos = r.range.upperBound
        }
        result.append(contentsOf: bytes[pos...])
        return String(decoding: result, as: UTF8.self)
    }
}
