// WikiWars (Mazur & Dale 2010) scorer for the date tagger. Reads the corpus in place from
// `<dir>/wikiwars-1.0.4/keyinline/*.key.xml` (never copied): inline TIMEX2 gold inside <TEXT>.
// The text given to the tagger is the <TEXT> content with the TIMEX2 tags removed (byte-identical to
// the corpus's in/*.sgm); offsets are UTF-8 bytes of that text.
//
// Scores (TempEval-3 style):
//   relaxed  — a system expression matches a gold one when their extents overlap (one-to-one, greedy in order)
//   strict   — extents are identical
//   value accuracy — among relaxed matches, system value == gold value (after the mapping below);
//                    a gold TIMEX2 without val (e.g. `this period`) counts as a mismatch
//   value F1 — value accuracy × relaxed F1 (HeidelTime 2.2.1 narratives: 0.919 / 0.854 / 0.829)
// Narrative mode: the tagger gets no reference date; the document's <DATETIME> stamp is ignored.
// `dir` is the corpus folder (`../shared/conformance/wikiwars`); a missing folder prints a note and
// returns false. WIKIWARS_DEBUG=1 in the environment lists every miss, false alarm, value and extent error.
//
// TIMEX2 → TIMEX3 value mapping applied to the gold (nothing else is changed):
//   set="YES" with val XXXX → P1Y, XXXX-XX → P1M, XXXX-WXX → P1W, XXXX-XX-XX → P1D (TIMEX3 SET values);
//   durations in decades / centuries / millennia become years: P2DE → P20Y, P.5CE → P50Y, P1ML → P1000Y
//   (TIMEX3 and this tagger write decade and century durations in years). Vague PXDE/PXCE are kept.
import DocPipeExtract
import Foundation

@discardableResult
func scoreWikiWars(_ dir: String) -> Bool {
    var keyDir = dir + "/wikiwars-1.0.4/keyinline"
    if !FileManager.default.fileExists(atPath: keyDir) && FileManager.default.fileExists(atPath: dir + "/keyinline") { keyDir = dir + "/keyinline" }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: keyDir).filter({ $0.hasSuffix(".key.xml") }).sorted(),
          !names.isEmpty else {
        print("wikiwars: \(keyDir) not found; skipped")
        return false
    }
    let debug = ProcessInfo.processInfo.environment["WIKIWARS_DEBUG"] != nil
    let tagger = TimexTagger()
    var nGold = 0, nSys = 0, relaxed = 0, strict = 0, valueOK = 0, modOK = 0
    var seconds = 0.0, bytes = 0
    for name in names {
        guard let data = FileManager.default.contents(atPath: keyDir + "/" + name) else { continue }
        let (text, gold) = WikiWarsGold.parse([UInt8](data))
        let clock = ContinuousClock.now
        let sys = tagger.tag(text: text)
        seconds += Double((ContinuousClock.now - clock).components.attoseconds) / 1e18 + Double((ContinuousClock.now - clock).components.seconds)
        bytes += text.utf8.count
        nGold += gold.count
        nSys += sys.count
        let goldSet = Set(gold.map { [$0.range.lowerBound, $0.range.upperBound] })
        strict += sys.filter { goldSet.contains([$0.range.lowerBound, $0.range.upperBound]) }.count
        var used = [Bool](repeating: false, count: sys.count)
        let u8 = Array(text.utf8)
        func snippet(_ r: Range<Int>) -> String { String(decoding: u8[r], as: UTF8.self) }
        // One-to-one matching: identical extents first, then overlaps, shorter gold first (nested TIMEX2
        // such as `the years 1751-1777` around `1751` then pair the inner one with the system's year).
        var pair = [Int](repeating: -1, count: gold.count)
        var bySpan: [[Int]: Int] = [:]
        for (k, s) in sys.enumerated() where bySpan[[s.range.lowerBound, s.range.upperBound]] == nil { bySpan[[s.range.lowerBound, s.range.upperBound]] = k }
        for (gi, g) in gold.enumerated() {
            if let k = bySpan[[g.range.lowerBound, g.range.upperBound]], !used[k] { used[k] = true; pair[gi] = k }
        }
        let order = gold.indices.sorted { gold[$0].range.count != gold[$1].range.count ? gold[$0].range.count < gold[$1].range.count : $0 < $1 }
        for gi in order where pair[gi] < 0 {
            for (k, s) in sys.enumerated() where !used[k] && s.range.overlaps(gold[gi].range) { used[k] = true; pair[gi] = k; break }
        }
        for (gi, g) in gold.enumerated() {
            let hit = pair[gi]
            if hit < 0 {
                if debug {
                    let lo = max(0, g.range.lowerBound - 40), hi = min(u8.count, g.range.upperBound + 30)
                    print("MISS\t\(name)\t\(snippet(g.range))\t\(g.value ?? "-")\t…\(snippet(lo..<hi).replacingOccurrences(of: "\n", with: " "))…")
                }
                continue
            }
            relaxed += 1
            if sys[hit].value == g.value { valueOK += 1 } else if debug {
                print("VALUE\t\(name)\t\(snippet(g.range))\t|\(snippet(sys[hit].range))\tgold=\(g.value ?? "-")\tsys=\(sys[hit].value)")
            }
            if sys[hit].mod == g.mod { modOK += 1 }
            if debug && sys[hit].range != g.range { print("EXTENT\t\(name)\t\(snippet(g.range))\t|\(snippet(sys[hit].range))") }
        }
        if debug {
            for (k, s) in sys.enumerated() where !used[k] {
                let lo = max(0, s.range.lowerBound - 30), hi = min(u8.count, s.range.upperBound + 30)
                print("FALSE\t\(name)\t\(snippet(s.range))\t\(s.value)\t…\(snippet(lo..<hi).replacingOccurrences(of: "\n", with: " "))…")
            }
        }
    }
    func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    let rp = Double(relaxed) / Double(max(nSys, 1)), rr = Double(relaxed) / Double(max(nGold, 1))
    let sp = Double(strict) / Double(max(nSys, 1)), sr = Double(strict) / Double(max(nGold, 1))
    let acc = Double(valueOK) / Double(max(relaxed, 1))
    let f = { (x: Double) in String(format: "%.3f", x) }
    print("wikiwars (\(names.count) documents, \(nGold) gold TIMEX2, \(nSys) system expressions; narrative mode)")
    print("  relaxed  P \(f(rp))  R \(f(rr))  F1 \(f(f1(rp, rr)))   (HeidelTime 2.2.1: F1 0.919)")
    print("  strict   P \(f(sp))  R \(f(sr))  F1 \(f(f1(sp, sr)))   (HeidelTime 2.2.1: F1 0.854)")
    print("  value accuracy \(f(acc))  value F1 \(f(acc * f1(rp, rr)))   (HeidelTime 2.2.1: value F1 0.829)")
    print("  mod agreement on relaxed matches \(f(Double(modOK) / Double(max(relaxed, 1))))")
    print("  tagger speed \(String(format: "%.1f", Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s on \(bytes) bytes (this build)")
    return true
}

enum WikiWarsGold {
    struct Timex { var range: Range<Int>; var value: String?; var mod: String? }

    /// The <TEXT> content without TIMEX2 tags, and the gold expressions as byte ranges of it.
    static func parse(_ b: [UInt8]) -> (String, [Timex]) {
        let open = Array("<TEXT>".utf8), close = Array("</TEXT>".utf8)
        guard let s = find(b, open, 0), let e = find(b, close, s) else { return ("", []) }
        var out: [UInt8] = []
        out.reserveCapacity(e - s)
        var stack: [(Int, [String: String])] = []
        var gold: [Timex] = []
        var i = s + open.count
        while i < e {
            if b[i] == 0x3C, let gt = b[i..<e].firstIndex(of: 0x3E) {
                let tag = String(decoding: b[(i + 1)..<gt], as: UTF8.self)
                if tag.hasPrefix("TIMEX2") {
                    stack.append((out.count, attributes(tag)))
                    i = gt + 1
                    continue
                }
                if tag == "/TIMEX2", let (start, attrs) = stack.popLast() {
                    gold.append(Timex(range: start..<out.count, value: attrs["val"].map { map($0, set: attrs["set"] == "YES") },
                                      mod: attrs["mod"]))
                    i = gt + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        gold.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
        return (String(decoding: out, as: UTF8.self), gold)
    }

    static func find(_ b: [UInt8], _ pat: [UInt8], _ from: Int) -> Int? {
        guard b.count >= pat.count else { return nil }
        var i = from
        while i + pat.count <= b.count {
            if b[i] == pat[0] && Array(b[i..<(i + pat.count)]) == pat { return i }
            i += 1
        }
        return nil
    }

    static func attributes(_ tag: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(tag.dropFirst("TIMEX2".count))
        while let eq = rest.firstIndex(of: "=") {
            let key = rest[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: eq)...]
            guard rest.first == "\"", let endQ = rest.dropFirst().firstIndex(of: "\"") else { break }
            out[key] = String(rest[rest.index(after: rest.startIndex)..<endQ])
            rest = rest[rest.index(after: endQ)...]
        }
        return out
    }

    /// TIMEX2 → TIMEX3 value (see the header comment).
    static func map(_ v: String, set: Bool) -> String {
        if set {
            switch v {
            case "XXXX": return "P1Y"
            case "XXXX-XX": return "P1M"
            case "XXXX-WXX": return "P1W"
            case "XXXX-XX-XX": return "P1D"
            default: return v
            }
        }
        if v.hasPrefix("P"), !v.hasPrefix("PT"), !v.contains("X") {
            for (suffix, factor) in [("DE", 10.0), ("CE", 100.0), ("ML", 1000.0)] where v.hasSuffix(suffix) {
                if let n = Double(v.dropFirst().dropLast(2)) {
                    let years = n * factor
                    if years == years.rounded() { return "P\(Int(years))Y" }
                }
            }
        }
        return v
    }
}
