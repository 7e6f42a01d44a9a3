// MED1250 (Ab3P's gold standard for abbreviation definitions), read in place from
// ../shared/conformance/abbreviations: texts.jsonl, gold.jsonl, ab3p_reference_output.jsonl (see FORMAT.txt there).
// Scoring rule of FORMAT.txt §4: per record, multisets of (norm(SF), norm(LF)), case-sensitive, micro-averaged.
import DocPipeCore
import DocPipeExtract
import Foundation

enum MED1250 {
    typealias Pair = String

    /// Strip and fold every whitespace run to one space.
    static func norm(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    static func key(_ sf: String, _ lf: String) -> Pair { norm(sf) + "\u{1}" + norm(lf) }

    /// `id` → list of pairs, from a JSON Lines file of `{"id", "pairs": [[SF, LF], …]}`.
    static func readPairs(_ path: String) -> [(id: String, pairs: [Pair])]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var out: [(String, [Pair])] = []
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = obj["id"] as? String else { continue }
            let pairs = (obj["pairs"] as? [[String]] ?? []).compactMap { $0.count == 2 ? key($0[0], $0[1]) : nil }
            out.append((id, pairs))
        }
        return out
    }

    struct Score {
        var tp = 0, fp = 0, fn = 0
        var p: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        var r: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        var f: Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        var line: String {
            String(format: "TP %4d  FP %3d  FN %3d   P %.3f  R %.3f  F1 %.3f", tp, fp, fn, p, r, f)
        }
    }

    /// Multiset (or, with `unique`, set) intersection per record.
    static func score(gold: [String: [Pair]], system: [String: [Pair]], unique: Bool = false) -> Score {
        var s = Score()
        for (id, g0) in gold {
            let g = unique ? Array(Set(g0)) : g0
            let sys = unique ? Array(Set(system[id] ?? [])) : (system[id] ?? [])
            var counts: [Pair: Int] = [:]
            for p in g { counts[p, default: 0] += 1 }
            var tp = 0
            for p in sys { if let c = counts[p], c > 0 { counts[p] = c - 1; tp += 1 } }
            s.tp += tp; s.fp += sys.count - tp; s.fn += g.count - tp
        }
        for (id, sys) in system where gold[id] == nil { s.fp += unique ? Set(sys).count : sys.count }
        return s
    }
}

/// Scores `AcronymFinder` on MED1250 in `dir`; prints P/R/F1 next to Ab3P and scispaCy. False when the data is absent.
@discardableResult
func scoreMED1250(_ dir: String) -> Bool {
    guard let texts = FileManager.default.contents(atPath: dir + "/texts.jsonl"),
          let goldRows = MED1250.readPairs(dir + "/gold.jsonl") else {
        print("MED1250: \(dir) not found; skipped")
        return false
    }
    var gold: [String: [MED1250.Pair]] = [:]
    for (id, pairs) in goldRows { gold[id, default: []] += pairs }
    var system: [String: [MED1250.Pair]] = [:]
    var bytes = 0
    var records: [(String, String)] = []
    for line in texts.split(separator: 0x0A) where !line.isEmpty {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let id = obj["id"] as? String, let text = obj["text"] as? String else { continue }
        records.append((id, text))
        bytes += text.utf8.count
    }
    let clock = ContinuousClock()
    let t0 = clock.now
    for (id, text) in records {
        let defs = AcronymFinder.definitions(inText: text)
        system[id, default: []] += defs.map { MED1250.key($0.short, $0.long) }
    }
    let elapsed = clock.now - t0
    let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let ours = MED1250.score(gold: gold, system: system)
    let oursUnique = MED1250.score(gold: gold, system: system, unique: true)
    print("MED1250 acronym definitions (\(records.count) records, \(gold.values.reduce(0) { $0 + $1.count }) gold pairs; exact SF, whitespace-folded LF)")
    print("  docpipe      " + ours.line)
    print("  docpipe (unique pairs per record) " + oursUnique.line)
    if let ab3pRows = MED1250.readPairs(dir + "/ab3p_reference_output.jsonl") {
        var ab3p: [String: [MED1250.Pair]] = [:]
        for (id, pairs) in ab3pRows { ab3p[id, default: []] += pairs }
        print("  Ab3P (reference output, rescored) " + MED1250.score(gold: gold, system: ab3p).line)
    }
    print("  Ab3P published here: P 0.970  R 0.836  F1 0.898;  scispaCy 0.6.2: F1 0.751 (en_core_web_sm), 0.808 (combined tokenizer)")
    print(String(format: "  speed: %.2f MB in %.3f s = %.1f MB/s (one core)", Double(bytes) / 1e6, secs, secs > 0 ? Double(bytes) / 1e6 / secs : 0))
    // Optional error listing for development: DOCPIPE_MED1250_ERRORS=path writes every FP and FN with context.
    if let path = ProcessInfo.processInfo.environment["DOCPIPE_MED1250_ERRORS"] {
        var out = ""
        for (id, g) in gold.sorted(by: { $0.key < $1.key }) {
            var counts: [MED1250.Pair: Int] = [:]
            for p in g { counts[p, default: 0] += 1 }
            var fps: [MED1250.Pair] = []
            for p in system[id] ?? [] { if let c = counts[p], c > 0 { counts[p] = c - 1 } else { fps.append(p) } }
            let fns = counts.flatMap { Array(repeating: $0.key, count: $0.value) }
            for p in fps { out += "FP\t\(id)\t\(p.replacingOccurrences(of: "\u{1}", with: " | "))\n" }
            for p in fns { out += "FN\t\(id)\t\(p.replacingOccurrences(of: "\u{1}", with: " | "))\n" }
        }
        try? out.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return true
}
