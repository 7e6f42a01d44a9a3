/// An interning table from byte strings to dense ids, looked up straight from document bytes without
/// building a `String`. Keys are normalised on the fly: U+2019 `’` reads as `'`, and lookups can fold
/// ASCII upper case. Open addressing over a word-at-a-time hash (see `mix`).
struct EntityVocab: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    /// Per key: its first two normalised bytes words (`word(_:_:_:)`, zero-padded), so that a key of at
    /// most 16 bytes is compared with two word compares.
    private var keyWords: [(UInt64, UInt64)] = []
    /// Per slot 0 (empty) or the hash's upper 32 bits with `id + 1` below: most probes of a wrong key
    /// are rejected by the tag without touching the key.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { keyStart.count }

    /// Iterates the normalised bytes of `p[range]` (`’` → `'`, optional ASCII folding).
    @inline(__always)
    private static func forEachNormalized(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool, _ body: (UInt8) -> Bool) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            var b = p[i]
            if b == 0xE2, i + 2 < end, p[i + 1] == 0x80, p[i + 2] == 0x99 {
                b = 0x27
                i += 3
            } else {
                if fold, b &- 0x41 < 26 { b |= 0x20 }
                i += 1
            }
            if !body(b) { return false }
        }
        return true
    }

    // MARK: Hash

    /// The hash reads the normalised bytes as little-endian 8-byte words, the last one zero-padded, and
    /// mixes in each with a multiply, then the length: the scanner hashes a typical token with one or
    /// two multiplies on words it loads anyway. `Hasher` is the byte-at-a-time form of the same function.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 32)
    }
    @inline(__always) static func finish(_ h: UInt64, length: Int) -> UInt64 {
        let x = (h ^ UInt64(truncatingIfNeeded: length)) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 31)
    }

    /// Byte-at-a-time hashing (`mix` per full word of bytes).
    struct Hasher {
        var h = EntityVocab.seed
        var word: UInt64 = 0
        var count = 0
        /// The first two words, as `keyWords` keeps them.
        var w0: UInt64 = 0, w1: UInt64 = 0

        @inline(__always) mutating func add(_ b: UInt8) {
            word |= UInt64(b) << (8 * UInt64(count & 7))
            count += 1
            if count & 7 == 0 { flush() }
        }

        @inline(__always) private mutating func flush() {
            if count <= 8 { w0 = word } else if count <= 16 { w1 = word }
            h = EntityVocab.mix(h, word)
            word = 0
        }

        @inline(__always) mutating func finish() -> UInt64 {
            if count & 7 != 0 { flush() }
            return EntityVocab.finish(h, length: count)
        }
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool) -> (UInt64, Int) {
        var hasher = Hasher()
        _ = forEachNormalized(p, range, fold: fold) { b in
            hasher.add(b)
            return true
        }
        return (hasher.finish(), hasher.count)
    }

    // MARK: Lookup

    /// The id of `p[range]`, or -1.
    @inline(__always)
    func id(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool = false) -> Int32 {
        let (h, n) = Self.hash(p, range, fold: fold)
        return id(hash: h, length: n, p, range, fold: fold)
    }

    /// The id of `p[range]` given its finished hash and normalised length, or -1.
    @inline(__always)
    func id(hash h: UInt64, length n: Int, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool) -> Int32 {
        find(hash: h, length: n) { id in
            keyBytes.withUnsafeBufferPointer { kb in
                var k = Int(keyStart[id])
                return Self.forEachNormalized(p, range, fold: fold) { b in
                    defer { k += 1 }
                    return kb[k] == b
                }
            }
        }
    }

    /// The id of a key of `n` ≤ 16 bytes whose words (as `Hasher.w0`, `w1`) are `w0`, `w1`, or -1.
    @inline(__always)
    func id(hash h: UInt64, length n: Int, w0: UInt64, w1: UInt64) -> Int32 {
        keyWords.withUnsafeBufferPointer { kw in
            find(hash: h, length: n) { id in kw[id].0 == w0 && kw[id].1 == w1 }
        }
    }

    @inline(__always)
    private func find(hash h: UInt64, length n: Int, _ same: (Int) -> Bool) -> Int32 {
        let tag = h & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { sl in
            keyLength.withUnsafeBufferPointer { kl in
                var s = Int(truncatingIfNeeded: h) & mask
                while true {
                    let e = sl[s]
                    if e == 0 { return -1 }
                    if e & 0xFFFF_FFFF_0000_0000 == tag {
                        let id = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
                        if Int(kl[id]) == n && same(id) { return Int32(id) }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    /// The normalised text of `id`.
    func key(_ id: Int32) -> String {
        let a = Int(keyStart[Int(id)])
        return String(decoding: keyBytes[a..<(a + Int(keyLength[Int(id)]))], as: UTF8.self)
    }

    /// The id of key `id` with its ASCII capitals folded, or -1.
    func foldedID(of id: Int32) -> Int32 {
        let a = Int(keyStart[Int(id)])
        let r = a..<(a + Int(keyLength[Int(id)]))
        return keyBytes.withUnsafeBufferPointer { kb in
            r.contains { kb[$0] &- 0x41 < 26 } ? self.id(kb, r, fold: true) : id
        }
    }

    func id(of key: String, fold: Bool = false) -> Int32 {
        var key = key
        return key.withUTF8 { id($0, 0..<$0.count, fold: fold) }
    }

    // MARK: Building

    /// Interns `key` (already normalised as wanted) and returns its id.
    @discardableResult
    mutating func intern(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { intern($0, 0..<$0.count) }
    }

    /// Interns the (normalised) bytes `p[range]` and returns their id.
    @discardableResult
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        let existing = id(p, range)
        if existing >= 0 { return existing }
        if (keyStart.count + 1) * 2 > slots.count { grow() }
        let newID = Int32(keyStart.count)
        let start = keyBytes.count
        _ = Self.forEachNormalized(p, range, fold: false) { keyBytes.append($0); return true }
        keyStart.append(Int32(start))
        keyLength.append(Int32(keyBytes.count - start))
        var hasher = Hasher()
        for b in keyBytes[start...] { hasher.add(b) }
        _ = hasher.finish()
        keyWords.append((hasher.w0, hasher.w1))
        insertSlot(newID)
        return newID
    }

    /// Puts `id` in its slot.
    private mutating func insertSlot(_ id: Int32) {
        let start = Int(keyStart[Int(id)])
        let h = keyBytes.withUnsafeBufferPointer { Self.hash($0, start..<(start + Int(keyLength[Int(id)])), fold: false).0 }
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = h & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for id in 0..<keyStart.count {
            insertSlot(Int32(id))
        }
    }
}

/// A trie over token ids, stored as one hash map from (node, token id) to child node. Each trie has
/// its own root, so many word lists (gazetteer names, titles, currency words) share one map.
struct EntityTokenTrie: Sendable {
    /// Open-addressing table from (node, token id) keys to child nodes; `-1` keys mark empty slots.
    private var keys: [Int64] = [Int64](repeating: -1, count: 1 << 12)
    private var values: [Int32] = [Int32](repeating: -1, count: 1 << 12)
    private var mask = (1 << 12) - 1
    private var used = 0
    /// Payload of each node (an index into the owner's table), or -1.
    private(set) var payload: [Int32] = []

    /// Makes a new root and returns it.
    mutating func makeRoot() -> Int32 {
        payload.append(-1)
        return Int32(payload.count - 1)
    }

    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int {
        let h = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    @inline(__always)
    func child(_ node: Int32, _ token: Int32) -> Int32? {
        let key = Int64(node) << 32 | Int64(UInt32(bitPattern: token))
        return keys.withUnsafeBufferPointer { kb in
            var s = Self.slot(key, mask)
            while true {
                let k = kb[s]
                if k == key { return values[s] }
                if k == -1 { return nil }
                s = (s + 1) & mask
            }
        }
    }

    private mutating func put(_ key: Int64, _ value: Int32) {
        if (used + 1) * 2 > keys.count {
            let oldKeys = keys, oldValues = values
            let size = keys.count * 2
            keys = [Int64](repeating: -1, count: size)
            values = [Int32](repeating: -1, count: size)
            mask = size - 1
            used = 0
            for (k, v) in zip(oldKeys, oldValues) where k != -1 { put(k, v) }
        }
        var s = Self.slot(key, mask)
        while keys[s] != -1 && keys[s] != key { s = (s + 1) & mask }
        if keys[s] == -1 { used += 1 }
        keys[s] = key
        values[s] = value
    }

    /// Inserts a path; returns false (and leaves the payload) when the path already had one.
    @discardableResult
    mutating func insert(root: Int32, _ path: [Int32], payload value: Int32, replace: Bool) -> Bool {
        var node = root
        for t in path {
            if let c = child(node, t) {
                node = c
            } else {
                payload.append(-1)
                let c = Int32(payload.count - 1)
                put(Int64(node) << 32 | Int64(UInt32(bitPattern: t)), c)
                node = c
            }
        }
        if payload[Int(node)] >= 0 && !replace { return false }
        payload[Int(node)] = value
        return true
    }
}
