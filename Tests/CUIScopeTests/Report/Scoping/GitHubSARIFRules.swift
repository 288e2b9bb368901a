import Foundation

/// The rules GitHub code scanning applies when it ingests a SARIF file, beyond the OASIS schema.
/// One rule may reject the whole upload, so each is checked on its own, with its source:
///
/// - [support]: GitHub Docs, "SARIF support for code scanning" (github/docs,
///   content/code-security/reference/code-scanning/sarif-files/sarif-support.md): required
///   properties of sarifLog, run, toolComponent, reportingDescriptor, result, location and
///   physicalLocation; "the empty string is not supported for required properties"; rule `name`
///   at most 255 characters, short and full descriptions at most 1024; at least one location per
///   result ("Only one location should be included…", "up to a maximum of 10"); code scanning only
///   uses `partialFingerprints.primaryLocationLineHash`; `security-severity` is a score up to 10.0;
///   10 MB per gzip-compressed file.
/// - [limits]: GitHub Docs, "SARIF results exceed one or more limits" (…/troubleshoot-sarif-uploads/
///   results-exceed-limit.md): 20 runs per file, 25,000 results and 25,000 rules per run, 100 tool
///   extensions per run, 1,000 locations per result, 20 tags per rule.
/// - [action]: github/codeql-action, src/upload-lib.ts: a run without a `results` array is refused;
///   processing errors "locationFromSarifResult: expected at least one location", "… expected artifact
///   location" and "could not convert rules: invalid security severity value, is not a number".
/// - [validator]: Microsoft SARIF validator, GitHub rules (microsoft/sarif-sdk, Sarif.Multitool.Library
///   /Rules): GH1001 location required, GH1003 `region.startLine` required, GH1005 locations are
///   relative URIs or `file:` URIs.
/// - [sarif]: SARIF 2.1.0 §3.27.6–3.27.7: when `ruleIndex` and `ruleId` are both present,
///   `rules[ruleIndex].id` equals `ruleId`; §3.19.23 rule ids are unique within a run.
enum GitHubSARIFRules {
    static let maxRuns = 20, maxResults = 25_000, maxRules = 25_000, maxExtensions = 100
    static let maxLocations = 10, maxTags = 20, maxNameLength = 255, maxDescriptionLength = 1024
    static let maxCompressedBytes = 10 * 1024 * 1024

    /// Every violation in `json`, as "path: problem"; empty when GitHub would accept the file.
    static func violations(_ json: String) throws -> [String] {
        var out: [String] = []
        // [support] at most 10 MB once gzip-compressed (as the upload sends it).
        let size = try gzippedSize(json)
        if size > maxCompressedBytes { out.append("file: \(size) bytes gzip-compressed, over 10 MB [support]") }
        guard let doc = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            return ["file: not a JSON object"]
        }
        if !nonEmpty(doc["$schema"]) { out.append("$schema: required [support]") }
        if doc["version"] as? String != "2.1.0" { out.append("version: must be 2.1.0 [support]") }
        guard let runs = doc["runs"] as? [[String: Any]], !runs.isEmpty else { return out + ["runs: required [support]"] }
        if runs.count > maxRuns { out.append("runs: \(runs.count) > \(maxRuns) [limits]") }
        for (i, run) in runs.enumerated() { out += runViolations(run, at: "runs[\(i)]") }
        return out
    }

    static func runViolations(_ run: [String: Any], at path: String) -> [String] {
        var out: [String] = []
        let tool = run["tool"] as? [String: Any]
        let driver = tool?["driver"] as? [String: Any]
        if !nonEmpty(driver?["name"]) { out.append("\(path).tool.driver.name: required [support]") }
        if ((tool?["extensions"] as? [Any])?.count ?? 0) > maxExtensions { out.append("\(path).tool.extensions: over \(maxExtensions) [limits]") }
        guard let rules = driver?["rules"] as? [[String: Any]] else { return out + ["\(path).tool.driver.rules: required [support]"] }
        if rules.count > maxRules { out.append("\(path) rules: \(rules.count) > \(maxRules) [limits]") }
        var ids = Set<String>()
        for (i, rule) in rules.enumerated() {
            let at = "\(path).tool.driver.rules[\(i)]"
            out += ruleViolations(rule, at: at)
            if let id = rule["id"] as? String, !ids.insert(id).inserted { out.append("\(at).id: duplicate \(id) [sarif]") }
        }
        guard let results = run["results"] as? [[String: Any]] else { return out + ["\(path).results: required [action]"] }
        if results.count > maxResults { out.append("\(path).results: \(results.count) > \(maxResults) [limits]") }
        for (i, r) in results.enumerated() { out += resultViolations(r, rules: rules, at: "\(path).results[\(i)]") }
        return out
    }

    static func ruleViolations(_ rule: [String: Any], at path: String) -> [String] {
        var out: [String] = []
        if !nonEmpty(rule["id"]) { out.append("\(path).id: required [support]") }
        if let name = rule["name"] as? String, name.count > maxNameLength { out.append("\(path).name: over 255 [support]") }
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = (rule[key] as? [String: Any])?["text"]
            if !nonEmpty(text) { out.append("\(path).\(key).text: required [support]") }
            if key != "help", let t = text as? String, t.count > maxDescriptionLength { out.append("\(path).\(key).text: over 1024 [support]") }
        }
        if let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String,
            !["note", "warning", "error"].contains(level)
        {
            out.append("\(path).defaultConfiguration.level: \(level) [support]")
        }
        let properties = rule["properties"] as? [String: Any] ?? [:]
        if let tags = properties["tags"] {
            guard let list = tags as? [String] else { return out + ["\(path).properties.tags: not strings [support]"] }
            if list.count > maxTags { out.append("\(path).properties.tags: \(list.count) > \(maxTags) [limits]") }
        }
        if let score = properties["security-severity"] {
            let value = (score as? String).flatMap(Double.init)
            if value == nil || !(0...10).contains(value ?? -1) { out.append("\(path): security-severity \(score) not a number in 0–10 [action]") }
        }
        return out
    }

    static func resultViolations(_ r: [String: Any], rules: [[String: Any]], at path: String) -> [String] {
        var out: [String] = []
        if !nonEmpty((r["message"] as? [String: Any])?["text"]) { out.append("\(path).message.text: required [support]") }
        let ruleID = r["ruleId"] as? String
        if let ruleID, !rules.contains(where: { $0["id"] as? String == ruleID }) { out.append("\(path).ruleId: \(ruleID) not in rules [sarif]") }
        if let index = r["ruleIndex"] as? Int {
            if !rules.indices.contains(index) {
                out.append("\(path).ruleIndex: \(index) out of range [sarif]")
            } else if let ruleID, rules[index]["id"] as? String != ruleID {
                out.append("\(path).ruleIndex: rules[\(index)] is not \(ruleID) [sarif]")
            }
        }
        let locations = r["locations"] as? [[String: Any]] ?? []
        if locations.isEmpty { out.append("\(path).locations: expected at least one location [action, validator GH1001]") }
        if locations.count > maxLocations { out.append("\(path).locations: \(locations.count) > \(maxLocations) [support]") }
        for (i, l) in locations.enumerated() { out += locationViolations(l, at: "\(path).locations[\(i)]") }
        for (i, l) in (r["relatedLocations"] as? [[String: Any]] ?? []).enumerated() {
            out += locationViolations(l, at: "\(path).relatedLocations[\(i)]")
        }
        let prints = r["partialFingerprints"] as? [String: String] ?? [:]
        if !nonEmpty(prints["primaryLocationLineHash"]) { out.append("\(path).partialFingerprints.primaryLocationLineHash: required [support]") }
        return out
    }

    static func locationViolations(_ l: [String: Any], at path: String) -> [String] {
        guard let physical = l["physicalLocation"] as? [String: Any] else {
            return ["\(path).physicalLocation: required [support, validator GH1001]"]
        }
        var out: [String] = []
        let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
        if uri.isEmpty { out.append("\(path): expected artifact location [action]") }
        if let scheme = URL(string: uri)?.scheme, scheme != "file" { out.append("\(path).uri: \(uri) is not a file path [validator GH1005]") }
        let region = physical["region"] as? [String: Any]
        if ((region?["startLine"] as? Int) ?? 0) < 1 { out.append("\(path).region.startLine: required, at least 1 [validator GH1003]") }
        if let column = region?["startColumn"] as? Int, column < 1 { out.append("\(path).region.startColumn: below 1 [sarif]") }
        return out
    }

    /// The size of `text` compressed with gzip (Python's `gzip`, the default level, as the upload action compresses with zlib).
    static func gzippedSize(_ text: String) throws -> Int {
        let file = TestPaths.temporaryFile(text, name: "out.sarif")
        let r = try ExternalValidators.python(["-c", "import gzip,sys; print(len(gzip.compress(open(sys.argv[1],'rb').read())))", file])
        return Int(r.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? Int.max
    }

    static func nonEmpty(_ value: Any?) -> Bool { !((value as? String) ?? "").isEmpty }
}
