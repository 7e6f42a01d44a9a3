import Foundation

/// Scans text for lines that may hold mojibake and turns the fixes of those lines into repairs.
enum MojibakeEngine {
    // MARK: - Scanning (fast path)

    static func scan(_ buf: UnsafeBufferPointer<UInt8>, options: MojibakeOptions, into out: inout [MojibakeRepair]) {
        var doneUpTo = 0
        var scratch: [UInt32] = []
        scan(buf, from: 0, to: buf.count, doneUpTo: &doneUpTo, scratch: &scratch, options: options, into: &out)
    }

    /// Only the lines that hold a part of `ranges` (sorted by lower bound; an empty range names the
    /// line it is in).
    static func scan(_ buf: UnsafeBufferPointer<UInt8>, lines ranges: [Range<Int>], options: MojibakeOptions,
                     into out: inout [MojibakeRepair]) {
        let n = buf.count
        guard n > 0, let base = buf.baseAddress else { return }
        var doneUpTo = 0
        // End of the last line read (-1: none): ranges inside it are skipped before any walk, or a long line
        // with many changes would be walked to its end once per change (quadratic).
        var covered = -1
        var scratch: [UInt32] = []
        for r in ranges {
            if r.upperBound <= covered { continue }
            var ls = min(r.lowerBound, n)
            while ls > doneUpTo && base[ls - 1] != 0x0A && base[ls - 1] != 0x0D { ls -= 1 }
            var le = min(max(r.upperBound, ls), n)
            while le < n && base[le] != 0x0A && base[le] != 0x0D { le += 1 }
            guard le > doneUpTo else { continue }
            scan(buf, from: max(ls, doneUpTo), to: le, doneUpTo: &doneUpTo, scratch: &scratch, options: options, into: &out)
            doneUpTo = max(doneUpTo, le)
            covered = le
        }
    }

    /// Scans `start..<end` for a trigger; the lines holding one are processed whole (bytes before
    /// `doneUpTo` were already handled as part of a line).
    static func scan(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, doneUpTo: inout Int,
                     scratch: inout [UInt32], options: MojibakeOptions, into out: inout [MojibakeRepair]) {
        let n = buf.count
        guard n > 0, let base = buf.baseAddress else { return }
        var i = start
        while i < end {
            // ASCII fast path: 16 bytes a step (half the loop's overhead), then 8.
            while i &+ 16 <= end {
                let raw = UnsafeRawPointer(base + i)
                if (raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & 0x8080_8080_8080_8080 != 0 { break }
                i &+= 16
            }
            while i &+ 8 <= end {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i &+= 8
            }
            while i < end && base[i] < 0x80 { i &+= 1 }
            if i >= end { break }
            let b0 = base[i]
            let len = b0 >= 0xF0 ? 4 : (b0 >= 0xE0 ? 3 : 2)
            let next = i &+ len
            var trigger = false
            if next < n && base[next] >= 0x80 {
                // Two non-ASCII scalars in a row: only interesting when one of them is a
                // character that mojibake is made of (not plain Greek/Cyrillic/CJK/... letters).
                let nb = base[next]
                let nlen = nb >= 0xF0 ? 4 : (nb >= 0xE0 ? 3 : 2)
                if next &+ nlen <= n {
                    let m1 = primaryMask(base, i, len)
                    let m2 = primaryMask(base, next, nlen)
                    trigger = m1 != 0 || m2 != 0
                } else {
                    trigger = true
                }
            } else if b0 == 0xC2 && base[i + 1] < 0xA0 {
                trigger = true                       // C1 control
            } else if b0 == 0xC3 && (base[i + 1] == 0x82 || base[i + 1] == 0x83) && next < n && base[next] == 0x20 {
                trigger = true                       // "Ã " / "Â " (byte A0 read as a space)
            }
            if !trigger { i = next; continue }
            // Find the enclosing line. A CR ends a line too: the whitespace pass makes it an LF, and the
            // line must read the same before and after.
            var ls = i
            while ls > doneUpTo && base[ls - 1] != 0x0A && base[ls - 1] != 0x0D { ls -= 1 }
            var le = next
            while le < n && base[le] != 0x0A && base[le] != 0x0D { le += 1 }
            processLine(base, ls, le, scratch: &scratch, options: options, into: &out)
            doneUpTo = le
            i = le
        }
    }

    /// Classes that can take part in a "bad" juxtaposition (plus U+0402 for "вЂ").
    static let primaryBits: UInt32 = MojibakeCharClass.c1 | MojibakeCharClass.bad | MojibakeCharClass.law
        | MojibakeCharClass.cur | MojibakeCharClass.start | MojibakeCharClass.end | MojibakeCharClass.num
        | MojibakeCharClass.kao | MojibakeCharClass.upacc | MojibakeCharClass.lowacc | MojibakeCharClass.box

    @inline(__always)
    static func primaryMask(_ base: UnsafePointer<UInt8>, _ i: Int, _ len: Int) -> UInt32 {
        let b0 = UInt32(base[i])
        let s: UInt32
        switch len {
        case 2: s = (b0 & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
        case 3: s = (b0 & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
        default: return 0
        }
        if s == 0x402 { return 1 }
        return MojibakeClasses.mask(s) & primaryBits
    }

    // MARK: - Line processing

    static func processLine(_ base: UnsafePointer<UInt8>, _ ls: Int, _ le: Int, scratch: inout [UInt32],
                            options: MojibakeOptions, into out: inout [MojibakeRepair]) {
        // Decode the line into scalars (reusing one buffer for all lines).
        scratch.removeAll(keepingCapacity: true)
        var p = ls
        while p < le {
            let b0 = UInt32(base[p])
            if b0 < 0x80 { scratch.append(b0); p += 1 }
            else if b0 < 0xE0 { scratch.append((b0 & 0x1F) << 6 | UInt32(base[p + 1] & 0x3F)); p += 2 }
            else if b0 < 0xF0 {
                scratch.append((b0 & 0x0F) << 12 | UInt32(base[p + 1] & 0x3F) << 6 | UInt32(base[p + 2] & 0x3F)); p += 3
            } else {
                scratch.append((b0 & 0x07) << 18 | UInt32(base[p + 1] & 0x3F) << 12 | UInt32(base[p + 2] & 0x3F) << 6 | UInt32(base[p + 3] & 0x3F)); p += 4
            }
        }
        let bad = scratch.withUnsafeBufferPointer { MojibakeBadness.isBad($0) }
        let loneCandidate = options.fixLoneSequences && MojibakeLone.hasCandidate(scratch)
        if !bad && !loneCandidate { return }
        let scalars = scratch
        var offs: [Int] = []
        offs.reserveCapacity(scalars.count + 1)
        p = ls
        while p < le {
            offs.append(p)
            let b0 = base[p]
            p += b0 < 0x80 ? 1 : (b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4))
        }
        offs.append(le)

        var items: [MojibakeItem] = []
        items.reserveCapacity(scalars.count)
        for (k, s) in scalars.enumerated() {
            items.append(MojibakeItem(s: s, lo: Int32(k), hi: Int32(k + 1), changed: false, layers: 0, page: 255, c1: false, lone: false))
        }
        var fixedItems = items
        if bad && (options.fixEncoding || options.fixC1Controls) {
            var fixer = MojibakeFixer(options: options)
            fixedItems = fixer.fixLoop(items)
        }
        if options.fixLoneSequences {
            // A repair can complete a lone sequence ("Ââ€™" → "Â’"), and the lone repair can leave
            // a line that looks bad again: the line is repaired until it stops changing, as a second
            // clean would find it. A round runs on only when the lone repair merged items (the line got
            // shorter); the bound keeps a pathological line from costing more than a few passes.
            for _ in 0..<4 {
                let lone = MojibakeLone.apply(fixedItems)
                if lone.count == fixedItems.count { break }
                fixedItems = lone
                guard options.fixEncoding || options.fixC1Controls else { break }
                let line = fixedItems.map(\.s)
                guard line.withUnsafeBufferPointer({ MojibakeBadness.isBad($0) }) else { break }
                var fixer = MojibakeFixer(options: options)
                fixedItems = fixer.fixLoop(fixedItems)
            }
        }
        emit(fixedItems, scalars: scalars, offs: offs, into: &out)
    }

    /// Turns the fixed items into repairs: runs of changed items (and deleted original
    /// characters) become one repair each, with the span of original characters they replace.
    static func emit(_ items: [MojibakeItem], scalars: [UInt32], offs: [Int], into out: inout [MojibakeRepair]) {
        let count = scalars.count
        var cursor: Int32 = 0
        var k = 0
        while k < items.count || Int(cursor) < count {
            if k < items.count && !items[k].changed && items[k].lo == cursor {
                cursor = items[k].hi
                k += 1
                continue
            }
            let rlo = cursor
            var rhi = cursor
            var repl: [UInt32] = []
            var layers: UInt8 = 0
            var page: UInt8 = 255
            var c1 = false
            var lone = false
            while k < items.count {
                let it = items[k]
                if it.changed || it.lo < rhi {
                    repl.append(it.s)
                    if it.hi > rhi { rhi = it.hi }
                    if it.layers > layers { layers = it.layers }
                    if page == 255 && it.page != 255 { page = it.page }
                    c1 = c1 || it.c1
                    lone = lone || it.lone
                    k += 1
                } else {
                    if it.lo > rhi { rhi = it.lo }   // deleted characters before an unchanged one
                    break
                }
            }
            if k >= items.count && Int(rhi) < count { rhi = Int32(count) }
            cursor = rhi
            // Skip no-op repairs.
            if scalars[Int(rlo)..<Int(rhi)].elementsEqual(repl) { continue }
            var str = String.UnicodeScalarView()
            for s in repl { if let u = Unicode.Scalar(s) { str.append(u) } }
            let why = reason(layers: layers, page: page, c1: c1, lone: lone)
            out.append(MojibakeRepair(range: offs[Int(rlo)]..<offs[Int(rhi)], replacement: String(str), reason: why))
        }
    }

    static func reason(layers: UInt8, page: UInt8, c1: Bool, lone: Bool) -> String {
        let name = MojibakeCodePage(rawValue: Int(page))?.displayName ?? "Windows-1252"
        var text: String
        if layers == 0 {
            if lone { return "UTF-8 of a C1 control read as Windows-1252" }
            return c1 ? "C1 control read as Latin-1" : "mojibake"
        } else if layers == 1 {
            text = "UTF-8 read as \(name)"
        } else {
            text = "\(layers) layers of UTF-8 read as \(name)"
        }
        if c1 { text += ", then C1 control read as Latin-1" }
        if lone { text += ", then UTF-8 of a C1 control read as Windows-1252" }
        return text
    }
}
