/// One input document: where it is and the id its outputs are named by.
public struct InputDocument: Sendable, Equatable {
    /// The path to read, as the user would type it (`Input/a/b.txt`).
    public var path: String
    /// The id: path below the input root without extension (`a/b`), or with it when two inputs would collide.
    public var id: String
}

/// Turns the PATH arguments into the list of documents, in a deterministic order.
public enum InputCollector {
    /// Files named directly keep their name; folders are recursed. Missing paths are errors.
    public static func collect(_ paths: [String]) throws(InputError) -> [InputDocument] {
        var found: [(path: String, rel: String)] = []
        for raw in paths {
            let p = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            switch FileIO.isDirectory(p) {
            case nil:
                throw InputError(path: raw, message: "no such file or folder")
            case true?:
                for rel in try FileIO.listFiles(under: p) { found.append((p == "." ? rel : p + "/" + rel, rel)) }
            case false?:
                found.append((p, String(p.split(separator: "/").last ?? Substring(p))))
            }
        }
        var seenPaths = Set<String>()
        found = found.filter { seenPaths.insert($0.path).inserted }
        // Ids without extension, unless two documents would share one.
        let stems = found.map { stripExtension($0.rel) }
        var counts: [String: Int] = [:]
        for s in stems { counts[s, default: 0] += 1 }
        return zip(found, stems).map { f, stem in InputDocument(path: f.path, id: counts[stem]! > 1 ? f.rel : stem) }
    }

    static func stripExtension(_ rel: String) -> String {
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.last, let dot = last.lastIndex(of: "."), dot != last.startIndex else { return rel }
        return (parts.dropLast().map(String.init) + [String(last[..<dot])]).joined(separator: "/")
    }
}
