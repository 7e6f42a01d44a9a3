import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem with an input or output path, with a message a user can act on.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): error: \(message)" }
}

/// File-system edges: reading inputs, listing folders, atomic writes.
public enum FileIO {
    private static func errnoMessage(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Reads a whole file.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, message: "cannot read: \(errnoMessage(errno))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError(path: path, message: "cannot read: \(errnoMessage(errno))") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, message: "is a folder, expected a file") }
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size))
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, message: "cannot read: \(errnoMessage(errno))")
            }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }

    /// Writes `bytes` to `path` atomically (a temporary file in the same folder, then rename), creating folders.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw InputError(path: dir, message: "cannot create the output folder: \(error.localizedDescription)")
            }
        }
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw InputError(path: path, message: "cannot write: \(errnoMessage(errno))") }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                off += n
            }
        }
        let err = errno
        fchmod(fd, 0o644)
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw InputError(path: path, message: "cannot write: \(errnoMessage(ok ? errno : err))")
        }
    }

    /// Whether `path` is a folder (following links); nil when it does not exist.
    public static func isDirectory(_ path: String) -> Bool? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Regular files below `dir`, recursively, skipping hidden entries; paths relative to `dir`, sorted bytewise.
    public static func listFiles(under dir: String) throws(InputError) -> [String] {
        var out: [String] = []
        var stack: [String] = [""]
        while let rel = stack.popLast() {
            let full = rel.isEmpty ? dir : dir + "/" + rel
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: full) } catch {
                throw InputError(path: full, message: "cannot list the folder: \(error.localizedDescription)")
            }
            for name in names where !name.hasPrefix(".") {
                let r = rel.isEmpty ? name : rel + "/" + name
                switch isDirectory(dir + "/" + r) {
                case true?: stack.append(r)
                case false?: out.append(r)
                case nil: continue  // a dangling link
                }
            }
        }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
