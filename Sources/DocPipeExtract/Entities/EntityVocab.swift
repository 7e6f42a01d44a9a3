/// An interning table from byte strings to dense ids, looked up straight from document bytes without
/// building a `String`. Keys are normalised on the fly: U+2019 `’` reads as `'`, and lookups can fold
/// ASCII upper case. Open addressing, FNV-1a hashing.
struct EntityVocab: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
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

    /// FNV-1a over the normalised bytes; callers that already walk a token's bytes (the scanner) run
    /// these steps themselves and pass the result to `id(hash:length:_:_:fold:)`.
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { h ^ (h >> 29) }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool) -> (UInt64, Int) {
        var h = fnvOffset
        var n = 0
        _ = forEachNormalized(p, range, fold: fold) { b in
            h = (h ^ UInt64(b)) &* fnvPrime
            n += 1
            return true
        }
        return (finish(h), n)
    }

    /// The id of `p[range]`, or -1.
    @inline(__always)
    func id(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool = false) -> Int32 {
        let (h, n) = Self.hash(p, range, fold: fold)
        return id(hash: h, length: n, p, range, fold: fold)
    }

    /// The id of `p[range]` given its finished hash and normalised length (see `fnvOffset`), or -1.
    @inline(__always)
    func id(hash h: UInt64, length n: Int, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: Bool) -> Int32 {
        var s = Int(truncatingIfNeeded: h) & mask
        return keyBytes.withUnsafeBufferPointer { kb in
            while true {
                let id = slots[s]
                if id < 0 { return -1 }
                if Int(keyLength[Int(id)]) == n {
                    var k = Int(keyStart[Int(id)])
                    let same = Self.forEachNormalized(p, range, fold: fold) { b in
                        defer { k += 1 }
                        return kb[k] == b
                    }
                    if same { return id }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// The normalised text of `id`.
    func key(_ id: Int32) -> String {
        let a = Int(keyStart[Int(id)])
        return String(decoding: keyBytes[a..<(a + Int(keyLength[Int(id)]))], as: UTF8.self)
    }

    func id(of key: String, fold: Bool = false) -> Int32 {
        var key = key
        return key.withUTF8 { id($0, 0..<$0.count, fold: fold) }
    }

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
        insertSlot(newID, start)
        return newID
    }

    /// Puts `id`, whose normalised bytes start at `keyBytes[start]`, in its slot.
    private mutating func insertSlot(_ id: Int32, _ start: Int) {
        let h = keyBytes.withUnsafeBufferPointer { Self.hash($0, start..<(start + Int(keyLength[Int(id)])), fold: false).0 }
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = id
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<keyStart.count {
            insertSlot(Int32(id), Int(keyStart[id]))
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
