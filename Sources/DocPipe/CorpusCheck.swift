import DocPipeCore
import DocPipeEmit
import DocPipeValidate
import Foundation

/// The strings of a run's claim records, each kept once: subjects, measures, times and stated texts
/// repeat across documents, and a run keeps every record until its documents are compared.
///
/// Strings are equal as Swift compares them (canonical equivalence). A `[String: Int32]` hashed every
/// lookup with SipHash over the scalars (about 650 instructions, 2,000 for a new string): lookups go
/// first through a table keyed by the exact bytes (``ByteInterner``). The ids, and which of several equal
/// strings is kept, are those the dictionary gave: strings are added in the same order.
public final class ClaimStrings: @unchecked Sendable {
    private let lock = NSLock()
    /// All mutable state in one value: one exclusivity check per call instead of one per field.
    private var state = State()

    public init() {}

    /// The id of `s`, added on first use. Safe from any thread.
    func id(_ s: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return state.strings.id(s)
    }

    /// The id of the string the UTF-8 `bytes` decode to (`String(decoding:as:)`), added on first use;
    /// the string is built only when the bytes are new.
    func id(decoding bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return state.strings.id(bytes: bytes) { String(decoding: bytes, as: UTF8.self) }
    }

    /// The ids of a claim's group key (lower-cased subject, measure and time joined by U+001F), its subject
    /// and its time, added in that order on first use, under one lock. The key is built only for a
    /// combination of subject, measure and time not seen before.
    func group(subject: String, measure: String, time: String) -> (key: Int32, subjectText: Int32, time: Int32) {
        lock.lock()
        defer { lock.unlock() }
        return state.group(subject: subject, measure: measure, time: time)
    }

    /// `group(subject:measure:time:)` and then the id of the text `text` decodes to, under one lock.
    func record(subject: String, measure: String, time: String, text: UnsafeBufferPointer<UInt8>)
        -> (key: Int32, subjectText: Int32, time: Int32, text: Int32) {
        lock.lock()
        defer { lock.unlock() }
        let g = state.group(subject: subject, measure: measure, time: time)
        return (g.key, g.subjectText, g.time, state.strings.id(bytes: text) { String(decoding: text, as: UTF8.self) })
    }

    subscript(id id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return state.strings.strings[Int(id)]
    }

    private struct State {
        /// The records' strings.
        var strings = ByteInterner()
        /// Subjects, measures and times, only to tell combinations apart (ids of their own).
        var parts = ByteInterner()
        /// The ids of a combination of parts in `strings` (key, subject, time), by the parts' ids.
        var groups = GroupTable()
        /// Reusable buffer for a group key's bytes.
        var scratch: [UInt8] = []

        mutating func group(subject: String, measure: String, time: String) -> (key: Int32, subjectText: Int32, time: Int32) {
            let triple = (parts.id(subject), parts.id(measure), parts.id(time))
            if let known = groups[triple] { return known }
            // The key's bytes, interned without building the `String` unless new.
            var key = scratch
            scratch = []
            key.removeAll(keepingCapacity: true)
            var lower = subject
            lower.withUTF8 { p in
                // ASCII lower-cases byte by byte exactly as `lowercased()` does; anything else goes through it.
                if p.allSatisfy({ $0 < 0x80 }) {
                    for b in p { key.append(b &+ (b &- 0x41 < 26 ? 0x20 : 0)) }
                } else {
                    key.append(contentsOf: subject.lowercased().utf8)
                }
            }
            key.append(0x1F)
            key.append(contentsOf: measure.utf8)
            key.append(0x1F)
            key.append(contentsOf: time.utf8)
            let k = key.withUnsafeBufferPointer { p in strings.id(bytes: p) { String(decoding: p, as: UTF8.self) } }
            scratch = key
            let ids = (key: k, subjectText: strings.id(subject), time: strings.id(time))
            groups.insert(triple, ids)
            return ids
        }
    }

    /// Open addressing from three ids to three ids (a `Dictionary` with a tuple struct key hashed with
    /// SipHash and grew at several times the cost).
    struct GroupTable {
        typealias Ids = (Int32, Int32, Int32)
        private var slots = [Int32](repeating: 0, count: 64)
        private var keys: [Ids] = []
        private var values: [(key: Int32, subjectText: Int32, time: Int32)] = []

        private static func slot(_ k: Ids, _ mask: Int) -> Int {
            var h = UInt64(UInt32(bitPattern: k.0)) | UInt64(UInt32(bitPattern: k.1)) << 32
            h = (h ^ UInt64(UInt32(bitPattern: k.2)) << 16) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h >> 32) & mask
        }

        subscript(k: Ids) -> (key: Int32, subjectText: Int32, time: Int32)? {
            let mask = slots.count - 1
            var i = Self.slot(k, mask)
            while slots[i] != 0 {
                let e = Int(slots[i]) - 1
                if keys[e] == k { return values[e] }
                i = (i + 1) & mask
            }
            return nil
        }

        /// Adds `k`, not present.
        mutating func insert(_ k: Ids, _ v: (key: Int32, subjectText: Int32, time: Int32)) {
            keys.append(k)
            values.append(v)
            if keys.count * 2 > slots.count {
                slots = [Int32](repeating: 0, count: slots.count * 2)
                for e in keys.indices { place(keys[e], e) }
            } else {
                place(k, keys.count - 1)
            }
        }

        private mutating func place(_ k: Ids, _ e: Int) {
            let mask = slots.count - 1
            var i = Self.slot(k, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(e + 1)
        }
    }
}

/// Interns strings as a `[String: Int32]` does (ids in order of first use, equal strings one id, the
/// first of them kept), but looked up by their exact bytes: equal bytes are equal strings. Different
/// bytes may still be equal strings (canonical equivalence: `é` and `e` + U+0301, `K` and the Kelvin
/// sign), but not while every scalar is below U+0300 (everything there is its own NFC and composes with
/// nothing below U+0300). So the `String` dictionary is only built, from the strings so far, once a string
/// with a scalar from U+0300 on comes, and from then on answers for every new byte sequence.
struct ByteInterner {
    private(set) var strings: [String] = []
    /// Open addressing over `entries` (index + 1; 0 is empty), at most half full.
    private var slots = [Int32](repeating: 0, count: 64)
    private var entries: [Entry] = []
    /// The bytes of every entry, one after the other.
    private var arena: [UInt8] = []
    /// Ids by string, for `strings[..<covered]`, once `canonical`.
    private var ids: [String: Int32] = [:]
    private var covered = 0
    private var canonical = false

    private struct Entry { var hash: UInt64; var start: Int; var count: Int; var id: Int32 }

    mutating func id(_ s: String) -> Int32 {
        // A native string lends its bytes without a copy; `withUTF8` on a copy would retain and release it.
        if let k = s.utf8.withContiguousStorageIfAvailable({ p in id(bytes: p) { s } }) { return k }
        var bytes = s
        return bytes.withUTF8 { p in id(bytes: p) { s } }
    }

    /// The id of `make()`, the string `p` stands for (the same bytes always stand for the same string).
    mutating func id(bytes p: UnsafeBufferPointer<UInt8>, make: () -> String) -> Int32 {
        let h = Self.hash(p)
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: h) & mask
        while slots[k] != 0 {
            let e = entries[Int(slots[k]) - 1]
            if e.hash == h && e.count == p.count && arena.withUnsafeBufferPointer({ a in
                p.count == 0 || memcmp(a.baseAddress! + e.start, p.baseAddress!, p.count) == 0
            }) { return e.id }
            k = (k + 1) & mask
        }
        // New bytes: a new string, unless equal to a stored one with other bytes.
        var s = make()
        if !canonical && !s.withUTF8(Self.belowU0300) { canonical = true }
        let id: Int32
        if canonical {
            while covered < strings.count { ids[strings[covered]] = Int32(covered); covered += 1 }
            if let known = ids[s] {
                id = known
            } else {
                strings.append(s)
                id = Int32(strings.count - 1)
                ids[s] = id
                covered += 1
            }
        } else {
            strings.append(s)
            id = Int32(strings.count - 1)
        }
        entries.append(Entry(hash: h, start: arena.count, count: p.count, id: id))
        arena.append(contentsOf: p)
        slots[k] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        var new = [Int32](repeating: 0, count: slots.count * 2)
        let mask = new.count - 1
        for (i, e) in entries.enumerated() {
            var k = Int(truncatingIfNeeded: e.hash) & mask
            while new[k] != 0 { k = (k + 1) & mask }
            new[k] = Int32(i + 1)
        }
        slots = new
    }

    /// Eight bytes at a time (the tail zero-padded, the length mixed in), then mixed so that the low
    /// bits (the slot) depend on every byte.
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = p.count
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
        guard let base = p.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            if n >= 8 {
                // The last eight bytes, shifted down to the ones not yet hashed.
                w = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (8 - (n - i)))
            } else {
                for k in i..<n { w |= UInt64(base[k]) << (8 * UInt64(k - i)) }
            }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }

    /// Every scalar below U+0300: no byte from 0xCC on (U+0300 is CC 80; continuation bytes are below 0xC0).
    static func belowU0300(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in p where b >= 0xCC { return false }
        return true
    }
}

/// A count claim as the corpus check needs it, kept after its document is gone: strings as ids in the
/// run's `ClaimStrings`, positions in 32 bits (about 48 bytes a record).
public struct ClaimRecord: Sendable {
    /// Subject (lower case), measure and time: claims compare only within one such group.
    var key: Int32
    var subjectText: Int32
    var time: Int32
    /// The stated quantity as written, and where.
    var text: Int32
    var value: Double
    var comparator: DocPipeCore.Comparator
    var line: Int32
    var column: Int32
    var endLine: Int32
    var endColumn: Int32

    /// The count claims of a document that have a resolved subject and a comparable time frame.
    static func records(of doc: Document, strings: ClaimStrings) -> [ClaimRecord] {
        // Fields are read in place (a `Claim` copied out cost as much as its record), and a record's
        // strings are interned under one lock, the stated text from the bytes of the text (no `String`
        // unless new).
        var out: [ClaimRecord] = []
        var text = doc.text
        text.withUTF8 { bytes in
            let claims = doc.claims
            for i in claims.indices {
                guard claims[i].kind == .count, claims[i].subject != nil, !claims[i].subjectText.isEmpty, !claims[i].measure.isEmpty,
                      let time = claims[i].time, time != "PAST_REF" else { continue }
                let range = claims[i].quantity.flatMap { $0 < doc.quantities.count ? doc.quantities[$0].range : nil } ?? claims[i].range
                let span = doc.rawSpan(of: range)
                let k = strings.record(subject: claims[i].subjectText, measure: claims[i].measure, time: time,
                                       text: UnsafeBufferPointer(rebasing: bytes[range.clamped(to: 0..<bytes.count)]))
                out.append(ClaimRecord(key: k.key, subjectText: k.subjectText, time: k.time, text: k.text,
                                       value: claims[i].value, comparator: claims[i].comparator,
                                       line: Int32(clamping: span.line), column: Int32(clamping: span.column),
                                       endLine: Int32(clamping: span.endLine), endColumn: Int32(clamping: span.endColumn)))
            }
        }
        return out
    }
}

/// Compares claims about the same subject and measure across the documents of one run: a number in
/// one file that cannot be true together with the number in another is a `quantity-conflict`
/// reported in the later file, with the other file as related location.
public enum CorpusCheck {
    public static func findings(_ summaries: [DocumentSummary], severity: Severity) -> [String: [Finding]] {
        // Whether a claim conflicts with an earlier one depends on the earlier one's value and hedge
        // only, so a group keeps, per distinct value and hedge, its first record and the first one from
        // another file: the earliest conflicting record of another file is always among them, and the
        // comparison costs what the distinct values cost, not what all the earlier claims cost.
        struct Seen { var order: Int; var path: String; var record: ClaimRecord }
        struct Values { var value: Double; var comparator: DocPipeCore.Comparator; var first: Seen; var otherFile: Seen? }
        var groups: [Int32: [Values]] = [:]
        var out: [String: [Finding]] = [:]
        var order = 0
        for s in summaries where s.error == nil {
            guard let strings = s.claimStrings else { continue }
            var reported = Set<Int64>()
            for r in s.claims {
                var other: Seen? = nil
                for v in groups[r.key] ?? [] where !ClaimComparison.compatible((v.value, v.comparator), (r.value, r.comparator)) {
                    guard let candidate = v.first.path != s.input.path ? v.first : v.otherFile else { continue }
                    if other == nil || candidate.order < other!.order { other = candidate }
                }
                if let other, reported.insert(Int64(r.key) << 32 | Int64(r.text)).inserted {
                    let key = strings[id: r.key], time = strings[id: r.time], text = strings[id: r.text]
                    let otherText = strings[id: other.record.text]
                    let when = time == "PRESENT_REF" ? "today" : "in \(time)"
                    let message = "\(strings[id: r.subjectText]) has \(text) \(when) here, but \(otherText) in \(other.path):\(other.record.line) [across documents]"
                    // Unique within the run: `reported` keeps one finding per group and stated text.
                    let fp = String(SHA256.hex(Array(["quantity-conflict", s.input.path, key, text, other.path, otherText].joined(separator: "\u{1E}").utf8)).prefix(32))
                    out[s.input.path, default: []].append(Finding(
                        rule: "quantity-conflict", severity: severity, message: message, path: s.input.path,
                        line: Int(r.line), column: Int(r.column), endLine: Int(r.endLine), endColumn: Int(r.endColumn), sourceLine: "",
                        related: [.init(path: other.path, line: Int(other.record.line), column: Int(other.record.column),
                                        endLine: Int(other.record.endLine), endColumn: Int(other.record.endColumn),
                                        message: "\(otherText) stated here")],
                        fingerprint: fp))
                }
                let seen = Seen(order: order, path: s.input.path, record: r)
                order += 1
                if let i = groups[r.key]?.firstIndex(where: { $0.value == r.value && $0.comparator == r.comparator }) {
                    if groups[r.key]![i].otherFile == nil, groups[r.key]![i].first.path != s.input.path { groups[r.key]![i].otherFile = seen }
                } else {
                    groups[r.key, default: []].append(Values(value: r.value, comparator: r.comparator, first: seen, otherFile: nil))
                }
            }
        }
        return out
    }

    /// Adds the cross-document findings to the summaries when the pipeline asks for them. With
    /// `sourceLines`, each gets its source line for display: claim records do not keep them (a run
    /// would hold most of its input), so the few files with such findings are read and decoded again.
    public static func apply(to summaries: inout [DocumentSummary], pipeline: Pipeline, sourceLines: Bool = true) {
        guard let v = pipeline.stages.lazy.compactMap({ $0 as? ValidateStage }).first, v.corpus,
              let severity = v.severity(of: "quantity-conflict") else { return }
        let extra = findings(summaries, severity: severity)
        for i in summaries.indices {
            guard var added = extra[summaries[i].input.path] else { continue }
            if sourceLines { fillSourceLines(&added, input: summaries[i].input, pipeline: pipeline) }
            summaries[i].findings += added
        }
    }

    /// Sets `sourceLine` from the raw file as the decode stage reads it; left empty if the file
    /// cannot be read any more.
    static func fillSourceLines(_ findings: inout [Finding], input: InputDocument, pipeline: Pipeline) {
        guard let bytes = try? FileIO.read(input.path) else { return }
        let doc = pipeline.process(SourceFile(path: input.path, bytes: bytes), id: input.id, through: "decode")
        for k in findings.indices {
            findings[k].sourceLine = doc.original.utf8Slice(doc.originalLines.lineRange(findings[k].line, in: doc.original))
        }
    }
}
