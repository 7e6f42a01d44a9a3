// Scores docpipe against public data in ../shared/conformance (read in place, never copied).
import DocPipe
import DocPipeClean
import DocPipeCore
import Foundation

let root = CommandLine.arguments.dropFirst().first ?? "../shared/conformance"

/// ftfy's own test cases: a case passes when docpipe's output equals `fixed` or `fixed-encoding`,
/// compared after NFC with curly quotes straightened on both sides (ftfy straightens them, docpipe
/// keeps them) and C0 controls ignored.
@discardableResult
func scoreFtfy(_ dir: String) -> Bool {
    let files = ["synthetic", "in-the-wild", "language-names", "negative", "known-failures"]
    guard FileManager.default.fileExists(atPath: dir + "/synthetic.json") else {
        print("ftfy: \(dir) not found; skipped")
        return false
    }
    var cleaner = CleanStage()
    cleaner.markup = .off       // the cases are bare strings, not documents
    cleaner.whitespace = false  // ftfy keeps spacing; so does this comparison
    print("ftfy cases (\(dir)); cleaner: entities, mojibake, controls, NFC")
    var passTotal = 0, passPassed = 0, negChanged = 0, negTotal = 0, kfFixed = 0, kfTotal = 0
    var failures: [String] = []
    for name in files {
        guard let data = FileManager.default.contents(atPath: "\(dir)/\(name).json"),
              let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            print("  \(name).json: unreadable")
            continue
        }
        var passed = 0
        for c in cases {
            let original = c["original"] as? String ?? ""
            let fixed = c["fixed"] as? String ?? ""
            let fixedEncoding = c["fixed-encoding"] as? String
            let expect = c["expect"] as? String ?? "pass"
            let out = (try? cleaner.clean(original).text) ?? ""
            let ok = Compare.key(out) == Compare.key(fixed) || fixedEncoding.map { Compare.key(out) == Compare.key($0) } ?? false
            if ok { passed += 1 }
            if name == "negative" {
                negTotal += 1
                if Compare.key(out) != Compare.key(original) && !ok { negChanged += 1 }
            }
            if expect == "pass" {
                passTotal += 1
                if ok { passPassed += 1 } else { failures.append("\(name): \(c["label"] as? String ?? "?")") }
            } else {
                kfTotal += 1
                if ok { kfFixed += 1 }
            }
        }
        print("  \(name).json: \(passed)/\(cases.count) passed")
    }
    print("ftfy: \(passPassed)/\(passTotal) expected-to-pass cases passed; negatives changed: \(negChanged)/\(negTotal); ftfy's known failures fixed: \(kfFixed)/\(kfTotal)")
    for f in failures { print("  FAILED \(f)") }
    return true
}

enum Compare {
    static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch u {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out.append("\"")
            default:
                if u.value < 0x20 { continue }
                out.append(u)
            }
        }
        return String(out)
    }
}

var ranAny = scoreFtfy(root + "/ftfy")
print("")
ranAny = scoreWikiWars(root + "/wikiwars") || ranAny
print("")
ranAny = scoreMED1250(root + "/abbreviations") || ranAny
print("")
ranAny = scoreWikiContradict(root + "/contradictions") || ranAny
if !ranAny { print("conformance: no data found under \(root)") }
