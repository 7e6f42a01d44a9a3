/// Growable storage for plain values appended one at a time on a hot path: no per-append uniqueness
/// check as `Array.append` has, which costs more than scanning a short word; one copy into an `Array`
/// at the end. Call `take()` exactly once: it moves the elements out and frees the storage.
struct AppendBuffer<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ e: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: e)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// The elements as an array (moved, not copied); the storage is freed and the buffer must not be used again.
    mutating func take() -> [Element] {
        let n = count
        let a = [Element](unsafeUninitializedCapacity: n) { out, initialized in
            out.baseAddress?.moveInitialize(from: base, count: n)
            initialized = n
        }
        base.deallocate()
        count = 0
        capacity = 0
        return a
    }
}
