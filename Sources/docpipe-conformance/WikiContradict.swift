// WikiContradict (Hou et al. 2024; IBM Research, MIT licence; passages from English Wikipedia, CC BY-SA)
// scorer for the fact-checking rules. Reads `<dir>/wikicontradict/WikiContradict_dataset_v1_rag_qa.csv`
// in place (RFC-4180). As the LICENSE-NOTE there describes, one document is built in memory per
// distinct passage pair: the article title, a blank line, context1, a blank line, context2 (context1
// alone when samepassage=Same). Every such document holds a real contradiction; a pair is labelled
// "numeric" when both answers are numbers or counts, "date" when they are dates or years, "other"
// otherwise (yes/no answers are judged by the question). Printed:
//   - how many numeric pairs get an error, how many date pairs get an error (recall-like);
//   - for each passage of a Different pair alone under its title (a control, not verified clean),
//     how many get any error or warning (false-alarm-like; a finding there means "look").
// Nothing is written to disk. WIKICONTRADICT_DEBUG=1 lists every finding.
import DocPipe
import DocPipeCore
import Foundation

@discardableResult
func scoreWikiContradict(_ dir: String) -> Bool {
    let path = dir + "/wikicontradict/WikiContradict_dataset_v1_rag_qa.csv"
    guard let data = FileManager.default.contents(atPath: path) else {
        print("wikicontradict: \(path) not found; skipped")
        return false
    }
    let rows = WikiContradict.parseCSV(String(decoding: data, as: UTF8.self))
    guard let header = rows.first else { print("wikicontradict: empty file"); return false }
    func col(_ name: String) -> Int? { header.firstIndex(of: name) }
    guard let cQ = col("question"), let c1 = col("context1"), let c2 = col("context2"), let a1 = col("answer1"),
          let a2 = col("answer2"), let cSame = col("samepassage"), let cTitle = col("WikipediaArticleTitle") else {
        print("wikicontradict: unexpected header \(header)")
        return false
    }
    let pipeline: Pipeline
    do { pipeline = try Pipeline(spec: PipelineSpec.load(path: "Pipelines/default.yml")) } catch {
        print("wikicontradict: cannot load Pipelines/default.yml: \(error)")
        return false
    }
    let debug = ProcessInfo.processInfo.environment["WIKICONTRADICT_DEBUG"] != nil

    // Distinct passage pairs, in file order, with the strongest label any of their questions gives.
    struct Pair { var title: String; var context1: String; var context2: String?; var label: WikiContradict.Label }
    var pairs: [Pair] = []
    var index: [String: Int] = [:]
    var singles: [(title: String, text: String)] = []
    var singleSeen = Set<String>()
    for r in rows.dropFirst() where r.count == header.count {
        let title = r[cTitle], same = r[cSame] == "Same"
        let ctx2: String? = same ? nil : r[c2]
        let label = WikiContradict.label(question: r[cQ], r[a1], r[a2])
        let key = title + "\u{1}" + r[c1] + "\u{1}" + (ctx2 ?? "")
        if let i = index[key] {
            if label.rawValue < pairs[i].label.rawValue { pairs[i].label = label }
        } else {
            index[key] = pairs.count
            pairs.append(Pair(title: title, context1: r[c1], context2: ctx2, label: label))
        }
        if let ctx2 {
            for p in [r[c1], ctx2] where singleSeen.insert(title + "\u{1}" + p).inserted { singles.append((title, p)) }
        }
    }

    let clock = ContinuousClock.now
    var total: [WikiContradict.Label: Int] = [:], withError: [WikiContradict.Label: Int] = [:]
    var pairRules: [String: Int] = [:]
    for (n, p) in pairs.enumerated() {
        let text = p.title + "\n\n" + p.context1 + "\n\n" + (p.context2.map { $0 + "\n" } ?? "")
        let doc = pipeline.process(SourceFile(path: "wikicontradict/pair-\(n).txt", bytes: Array(text.utf8), mediaType: "text/plain"), id: "pair-\(n)")
        let errors = doc.diagnostics.filter { $0.severity == .error }
        total[p.label, default: 0] += 1
        if !errors.isEmpty { withError[p.label, default: 0] += 1 }
        for e in Set(errors.map(\.rule)) { pairRules[e, default: 0] += 1 }
        if debug { for e in errors { print("  pair \(n) [\(p.label)] \(p.title): \(e.message) [\(e.rule)]") } }
    }
    var singleFlagged = 0
    var singleRules: [String: Int] = [:]
    for (n, s) in singles.enumerated() {
        let text = s.title + "\n\n" + s.text + "\n"
        let doc = pipeline.process(SourceFile(path: "wikicontradict/single-\(n).txt", bytes: Array(text.utf8), mediaType: "text/plain"), id: "single-\(n)")
        let found = doc.diagnostics.filter { $0.severity >= .warning }
        if !found.isEmpty { singleFlagged += 1 }
        for e in Set(found.map(\.rule)) { singleRules[e, default: 0] += 1 }
        if debug { for e in found { print("  single \(n) \(s.title): \(e.message) [\(e.rule)]") } }
    }
    let secs = (ContinuousClock.now - clock).components
    let seconds = Double(secs.seconds) + Double(secs.attoseconds) / 1e18
    func breakdown(_ d: [String: Int]) -> String { d.isEmpty ? "none" : d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }

    print("WikiContradict (\(rows.count - 1) questions, \(pairs.count) distinct passage pairs; default pipeline)")
    print("  numeric contradictions with an error: \(withError[.numeric] ?? 0)/\(total[.numeric] ?? 0)")
    print("  date contradictions with an error:    \(withError[.date] ?? 0)/\(total[.date] ?? 0)")
    print("  other contradictions with an error:   \(withError[.other] ?? 0)/\(total[.other] ?? 0)")
    print("  errors on pairs by rule: \(breakdown(pairRules))")
    print("  single passages (each passage of a Different pair alone) with an error or warning: \(singleFlagged)/\(singles.count)")
    print("  findings on single passages by rule: \(breakdown(singleRules))")
    print(String(format: "  %.2f s", seconds))
    return true
}

enum WikiContradict {
    enum Label: Int, CustomStringConvertible {
        case numeric = 0, date = 1, other = 2
        var description: String { self == .numeric ? "numeric" : self == .date ? "date" : "other" }
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."]
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                          "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                          "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen", "zero", "none"]

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == ",") })
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".,")) }.filter { !$0.isEmpty }
    }

    /// A date or year: a month name, or a bare year (3–4 digits, 1000–2099, optionally "s", "AD", "BC").
    static func isDate(_ s: String) -> Bool {
        let w = words(s)
        if w.contains(where: { m in months.contains { $0.hasSuffix(".") ? m + "." == $0 : m == $0 } }) && w.contains(where: { $0.first?.isNumber ?? false }) { return true }
        let numbers = w.filter { $0.first?.isNumber ?? false }
        guard !numbers.isEmpty else { return false }
        return numbers.allSatisfy { n in
            let digits = n.hasSuffix("s") ? String(n.dropLast()) : n
            guard digits.count == 4 || digits.count == 3, let v = Int(digits) else { return false }
            return (1000...2099).contains(v) || (digits.count == 3 && (w.contains("ad") || w.contains("bc") || w.contains("bce") || w.contains("ce")))
        } && w.count <= 5
    }

    static func isNumeric(_ s: String) -> Bool {
        let w = words(s)
        return w.contains { ($0.first?.isNumber ?? false) || numberWords.contains($0) }
    }

    static func isYesNo(_ s: String) -> Bool {
        let w = words(s)
        return w.first == "yes" || w.first == "no"
    }

    static func label(question: String, _ a: String, _ b: String) -> Label {
        if isYesNo(a) || isYesNo(b) {
            let q = question.lowercased()
            if q.hasPrefix("when") || q.contains("what year") || q.contains("which year") || q.contains("what date") { return .date }
            if q.hasPrefix("how many") || q.hasPrefix("how much") { return .numeric }
            return .other
        }
        if isDate(a) && isDate(b) { return .date }
        if isNumeric(a) && isNumeric(b) { return .numeric }
        return .other
    }

    /// RFC 4180: comma-separated, fields optionally in double quotes with "" for a quote; quoted fields
    /// may hold line breaks. CRLF or LF between records.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false, afterQuote = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return it.next() }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let d = next() {
                        if d == "\"" { field.append("\"") } else { quoted = false; afterQuote = true; pending = d }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": row.append(String(field)); field = .init(); afterQuote = false
            case "\r": continue
            case "\n":
                row.append(String(field)); field = .init(); afterQuote = false
                rows.append(row); row = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
        return rows
    }
}
