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
        // Read straight into the result (no copy, no zero fill), sized from `fstat` with a byte to spare
        // for the read that finds the end; files that grow or do not know their size (Linux's /proc)
        // are read on in chunks of doubling size.
        var out: [UInt8] = []
        var room = max(Int(st.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                if let n = read(fd, into: buffer) { count = n } else { count = 0; failure = errno }
            }
            if failure != 0 { throw InputError(path: path, message: "cannot read: \(errnoMessage(failure))") }
            if out.isEmpty { out = chunk } else { out += chunk }
            if chunk.count < room { return out }  // the file ended inside the chunk
            room = max(out.count, 1 << 16)
        }
    }

    /// Reads `fd` into `buffer` until it is full or the file ends: the number of bytes read, or nil
    /// with `errno` set.
    private static func read(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var filled = 0
        while filled < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// The folder part of `path`, for creating it: everything before the last `/` (`/` for a file at
    /// the root, empty for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes `bytes` to `path` atomically (a temporary file in the same folder, then rename), creating folders.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Creates `dir` and the folders above it.
    static func createFolder(_ dir: String) throws(InputError) {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw InputError(path: dir, message: "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    /// A new file named `prefix` and six random characters (`mkstemp`): its descriptor and path; nil
    /// with `errno` set when it cannot be created.
    static func makeTemporary(_ prefix: String) -> (fd: Int32, path: String)? {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        return (fd, String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
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

/// A file written in pieces and published whole: the bytes go to a temporary file in the same folder,
/// renamed to `path` by `commit()`. Dropped without a commit, the temporary file is removed, so an
/// interrupted or failed write never leaves a truncated file behind. (Large reports are streamed
/// through one of these instead of being held in memory.)
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32

    /// Creates the folders up to `path` and the temporary file.
    public init(path: String) throws(InputError) {
        self.path = path
        let dir = FileIO.folder(of: path)
        if !dir.isEmpty { try FileIO.createFolder(dir) }
        guard let (fd, temporaryPath) = FileIO.makeTemporary(path + ".tmp-") else {
            throw InputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.temporaryPath = temporaryPath
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(InputError) {
        guard fd >= 0 else { throw InputError(path: path, message: "cannot write: the file was already closed") }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                off += n
            }
        }
        if failure != 0 { throw InputError(path: path, message: "cannot write: \(String(cString: strerror(failure)))") }
    }

    /// Closes the file and renames it to `path`.
    public func commit() throws(InputError) {
        guard fd >= 0 else { throw InputError(path: path, message: "cannot write: the file was already closed") }
        fchmod(fd, 0o644)
        let closed = close(fd) == 0
        fd = -1
        guard closed, rename(temporaryPath, path) == 0 else {
            let err = errno
            unlink(temporaryPath)
            throw InputError(path: path, message: "cannot write: \(String(cString: strerror(err)))")
        }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }
}

/// An anonymous scratch file that threads append to and read back from: results kept out of memory
/// until the end of a run. It is unlinked as soon as it is created, so nothing is left behind, even
/// after a crash.
public final class SpillFile: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var end = 0
    /// Where the bytes are (for messages).
    public let directory: String

    /// Creates the file in `directory` (on the disk the outputs go to; a temporary folder may be in memory).
    public init(directory: String) throws(InputError) {
        self.directory = directory
        try FileIO.createFolder(directory)
        guard let (fd, path) = FileIO.makeTemporary(directory + "/.docpipe-spill-") else {
            throw InputError(path: directory, message: "cannot write a scratch file: \(String(cString: strerror(errno)))")
        }
        unlink(path)
        self.fd = fd
    }

    /// Appends `bytes`; returns where they are.
    public func append(_ bytes: [UInt8]) throws(InputError) -> Range<Int> {
        lock.lock()
        defer { lock.unlock() }
        let start = end
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = pwrite(fd, raw.baseAddress! + off, raw.count - off, off_t(start + off))
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                off += n
            }
        }
        if failure != 0 { throw InputError(path: directory, message: "cannot write a scratch file: \(String(cString: strerror(failure)))") }
        end += bytes.count
        return start..<end
    }

    /// The bytes at `range`, as appended.
    public func read(_ range: Range<Int>) throws(InputError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buf, count in
            var off = 0
            while off < range.count {
                let n = pread(fd, buf.baseAddress! + off, range.count - off, off_t(range.lowerBound + off))
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                if n == 0 { failure = EIO; break }
                off += n
            }
            count = off
        }
        if failure != 0 { throw InputError(path: directory, message: "cannot read a scratch file: \(String(cString: strerror(failure)))") }
        return bytes
    }

    deinit { close(fd) }
}

/// `write(2)`, under a name the methods called `write` do not shadow.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
