import CSHA256

/// SHA-256 (FIPS 180-4), so that the core needs no crypto dependency for one checksum per file.
///
/// The block compression is C (`CSHA256`): the CPU's SHA extensions where present (over 1 GB/s), portable
/// code elsewhere. Hashing every input is on the pipeline's hot path, so this matters.
public enum SHA256 {
    /// Whether this machine uses the SHA extensions.
    public static var usesHardware: Bool { docpipe_sha256_hardware() != 0 }

    /// The digest of `bytes`. Full blocks are hashed in place; only the padded tail is copied.
    /// `portable` forces the portable compression (tests check both agree).
    public static func digest(_ bytes: [UInt8], portable: Bool = false) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let full = bytes.count / 64 * 64
        let rest = bytes.count - full
        // The padded tail, made whole at once (short keys are hashed by the thousand, so a byte-by-byte
        // append was most of their cost): the rest, 0x80, zeros, the bit length big-endian; one block,
        // or two when the rest leaves no room for 0x80 and the length.
        let tailCount = rest < 56 ? 64 : 128
        var tail = [UInt8](repeating: 0, count: tailCount)
        let bitLength = UInt64(bytes.count) &* 8
        tail.withUnsafeMutableBufferPointer { t in
            for i in 0..<rest { t[i] = bytes[full + i] }
            t[rest] = 0x80
            for i in 0..<8 { t[tailCount - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
        }
        h.withUnsafeMutableBufferPointer { state in
            bytes.withUnsafeBufferPointer { p in
                if full > 0 { docpipe_sha256_blocks(state.baseAddress!, p.baseAddress!, full / 64, portable ? 1 : 0) }
            }
            tail.withUnsafeBufferPointer { p in
                docpipe_sha256_blocks(state.baseAddress!, p.baseAddress!, p.count / 64, portable ? 1 : 0)
            }
        }
        // The state words big-endian, written in place (a `flatMap` made an array per word).
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            for (k, v) in h.enumerated() {
                for j in 0..<4 { out[4 * k + j] = UInt8(truncatingIfNeeded: v >> (24 - 8 * UInt32(j))) }
            }
            count = 32
        }
    }

    /// The digest as lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String { hexDigits(digest(bytes)) }

    /// The first `count` bytes of `digest` (all by default) as lower-case hex digits.
    public static func hexDigits(_ digest: [UInt8], count: Int? = nil) -> String {
        let n = min(count ?? digest.count, digest.count)
        return String(unsafeUninitializedCapacity: 2 * n, initializingUTF8With: { out in
            let hex: StaticString = "0123456789abcdef"
            for k in 0..<n {
                out[2 * k] = hex.utf8Start[Int(digest[k] >> 4)]
                out[2 * k + 1] = hex.utf8Start[Int(digest[k] & 15)]
            }
            return 2 * n
        })
    }
}
