/// One ACE of an `access-list NAME extended` list, read into the model's terms; it becomes a
/// ``Rule`` once an `access-group` says where it applies (docs/FORMATS.md, Cisco ASA).
struct ASAEntry {
    let acl: String
    /// The ACE's line in its list as `show access-list` numbers it (remarks count).
    let position: Int
    var action: RuleAction
    var services: ServiceSet
    var serviceMembers: [String]
    var source: AddressMatch
    var destination: AddressMatch
    var unevaluated: [String]
    var inactive: Bool
    var description: String?
    let location: SourceLocation
    /// A hash of the ACE's text (and its rank among identical ACEs): the ASA numbers ACEs by
    /// position, so an inserted line renumbers the rest; `check` matches rules by this instead
    /// (docs/DECISIONS.md 128).
    var identity = ""

    var name: String { "\(acl) line \(position)" }

    /// The rule this ACE is where `binding` (`in inside`, `out dmz`, `global`) applies it.
    func rule(from: ZoneMatch, to: ZoneMatch, binding: String) -> Rule {
        Rule(name: name, uuid: "\(identity)@\(binding)", action: action, from: from, to: to, source: source,
             destination: destination, services: services, serviceMembers: serviceMembers, disabled: inactive,
             unevaluated: unevaluated, description: description, location: location)
    }
}

/// Every `access-list` of the configuration, in document order per list.
struct ASAAccessLists {
    var lists: [String: [ASAEntry]] = [:]
    /// Lists that are not extended (`standard`, `webtype`, `ethertype`): named so an
    /// `access-group` binding one is reported rather than read as empty.
    var otherKinds: Set<String> = []
    var counts: [String: Int] = ["aces": 0, "remarks": 0, "inactive": 0, "skipped": 0, "time-range": 0]

    static func parse(_ blocks: [ASABlock], objects: ASAObjects, problems: inout ASAProblems) -> ASAAccessLists {
        var out = ASAAccessLists()
        var positions: [String: Int] = [:]
        var remarks: [String: [String]] = [:]
        var seen: [String: Int] = [:]
        for b in blocks where b.keyword == "access-list" {
            let line = b.head
            guard let acl = line.word(1) else {
                problems.problem(line, column: 1, "expected access-list NAME")
                out.counts["skipped", default: 0] += 1
                continue
            }
            var at = 2
            if line.word(2) == "line", line.word(3).flatMap({ Int($0) }) != nil { at = 4 }
            let kind = line.word(at) ?? ""
            if ["standard", "webtype", "ethertype"].contains(kind) { out.otherKinds.insert(acl); continue }
            positions[acl, default: 0] += 1
            if kind == "remark" {
                remarks[acl, default: []].append(line.rest(after: at + 1))
                out.counts["remarks", default: 0] += 1
                continue
            }
            let start = kind == "extended" ? at + 1 : at
            var c = ASAWordCursor(line, from: start)
            let description = remarks.removeValue(forKey: acl).map { $0.joined(separator: " ") }
            do throws(ASASyntaxError) {
                var undefined: [ASASyntaxError] = []
                var e = try ASAEntryParser(objects: objects).entry(&c, acl: acl, position: positions[acl]!,
                                                                   location: line.location(problems.file), undefined: &undefined)
                e.description = description
                let text = acl + " " + line.words[at...].map(\.text).joined(separator: " ")
                seen[text, default: 0] += 1
                e.identity = StableHash.hex(text + "#\(seen[text]!)")
                for u in undefined { problems.problem(line, column: u.column, "access-list \(acl): \(u.message)") }
                out.count(e)
                out.lists[acl, default: []].append(e)
            } catch {
                problems.problem(line, column: error.column, "access-list \(acl): \(error.message); entry skipped")
                out.counts["skipped", default: 0] += 1
            }
        }
        return out
    }

    private mutating func count(_ e: ASAEntry) {
        counts["aces", default: 0] += 1
        if e.inactive { counts["inactive", default: 0] += 1 }
        if e.unevaluated.contains(where: { $0.hasPrefix("time-range") }) { counts["time-range", default: 0] += 1 }
    }
}
