/// An array of `count` elements whose bytes are all `byte` (`false`, 0 or -1 for 0xFF): scratch tables of
/// the stages. Filled as raw memory, which the compiler makes one memset: `Array(repeating:count:)` stores
/// element by element, and for these tables that cost as much as the work done on them.
@inlinable
public func filledArray<T: BitwiseCopyable>(_ count: Int, byte: UInt8, of _: T.Type = T.self) -> [T] {
    [T](unsafeUninitializedCapacity: count) { b, n in
        UnsafeMutableRawBufferPointer(b).initializeMemory(as: UInt8.self, repeating: byte)
        n = count
    }
}
