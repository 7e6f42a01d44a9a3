/// Field-by-field check of the SARIF 2.1.0 structure docpipe emits and GitHub code scanning reads:
/// the properties the specification marks required, the enumerations, and the constraints GitHub
/// adds (relative URIs, 1-based regions, partial fingerprints).
enum SARIFCheck {
    static func validate(_ log: JSONValue) -> [String] {
        var e: [String] = []
        func need(_ cond: Bool, _ msg: String) { if !cond { e.append(msg) } }
        need(log["version"] == .string("2.1.0"), "version must be \"2.1.0\"")
        need(log["$schema"]?.string?.contains("sarif-2.1.0") == true, "$schema must name sarif-2.1.0")
        guard let runs = log["runs"]?.array, !runs.isEmpty else { return e + ["runs must be a non-empty array"] }
        for (ri, run) in runs.enumerated() {
            let p = "runs[\(ri)]"
            guard let driver = run["tool"]?["driver"] else { e.append("\(p).tool.driver is required"); continue }
            need(driver["name"]?.string?.isEmpty == false, "\(p).tool.driver.name is required")
            let rules = driver["rules"]?.array ?? []
            var ids: [String] = []
            for (i, r) in rules.enumerated() {
                guard let id = r["id"]?.string else { e.append("\(p).rules[\(i)].id is required"); continue }
                ids.append(id)
                need(r["shortDescription"]?["text"]?.string?.isEmpty == false, "\(p).rules[\(i)].shortDescription.text is required")
                need(r["fullDescription"]?["text"]?.string != nil, "\(p).rules[\(i)].fullDescription.text is required")
                need(r["help"]?["text"]?.string != nil, "\(p).rules[\(i)].help.text is required")
                if let level = r["defaultConfiguration"]?["level"]?.string {
                    need(["none", "note", "warning", "error"].contains(level), "\(p).rules[\(i)] bad default level \(level)")
                }
            }
            need(Set(ids).count == ids.count, "\(p) rule ids must be unique")
            need(run["columnKind"] == .string("unicodeCodePoints"), "\(p).columnKind must be unicodeCodePoints")
            guard let results = run["results"]?.array else { e.append("\(p).results is required"); continue }
            for (i, r) in results.enumerated() {
                let q = "\(p).results[\(i)]"
                guard let id = r["ruleId"]?.string else { e.append("\(q).ruleId is required"); continue }
                need(ids.contains(id), "\(q).ruleId \(id) is not in rules[]")
                if let idx = r["ruleIndex"]?.int { need(idx >= 0 && idx < ids.count && ids[idx] == id, "\(q).ruleIndex does not point at \(id)") }
                need(["none", "note", "warning", "error"].contains(r["level"]?.string ?? ""), "\(q).level must be none|note|warning|error")
                need(r["message"]?["text"]?.string?.isEmpty == false, "\(q).message.text is required")
                let locs = r["locations"]?.array ?? []
                need(locs.count == 1, "\(q) needs exactly one location")
                for (k, l) in (locs + (r["relatedLocations"]?.array ?? [])).enumerated() {
                    let lp = "\(q).location[\(k)]"
                    let uri = l["physicalLocation"]?["artifactLocation"]?["uri"]?.string ?? ""
                    need(!uri.isEmpty && !uri.hasPrefix("/") && !uri.contains("://"), "\(lp) uri must be repository-relative, found '\(uri)'")
                    let region = l["physicalLocation"]?["region"]
                    let sl = region?["startLine"]?.int ?? 0, sc = region?["startColumn"]?.int ?? 0
                    let el = region?["endLine"]?.int ?? sl, ec = region?["endColumn"]?.int ?? sc + 1
                    need(sl >= 1 && sc >= 1, "\(lp) region must be 1-based")
                    need(el > sl || (el == sl && ec > sc), "\(lp) region end must follow its start")
                    if k > 0 {
                        need(l["id"]?.int != nil, "\(lp) related location needs an id")
                        need(l["message"]?["text"]?.string != nil, "\(lp) related location needs a message")
                    }
                }
                if case .object(let fps)? = r["partialFingerprints"] {
                    need(!fps.isEmpty && fps.allSatisfy { $0.value.string != nil }, "\(q).partialFingerprints must map names to strings")
                } else {
                    e.append("\(q).partialFingerprints is required")
                }
            }
        }
        return e
    }
}
