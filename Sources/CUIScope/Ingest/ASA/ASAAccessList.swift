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
    /// Lists that are not extended (`standard`, `webtype`, `ethertype`, pre-9.0 `ipv6
    /// access-list`): named so an
    /// `access-group` binding one is reported rather than read as empty.
    var otherKinds: Set<String> = []
    var counts: [String: Int] = ["aces": 0, "remarks": 0, "inactive": 0, "skipped": 0, "time-range": 0]

    static func parse(_ blocks: [ASABlock], objects: ASAObjects, problems: inout ASAProblems) -> ASAAccessLists {
        var reader = ASAAccessListReader(parser: ASAEntryParser(objects: objects))
        for b in blocks where b.keyword == "access-list" || b.keyword == "ipv6" {
            reader.read(b.head, problems: &problems)
        }
        return reader.out
    }

    mutating func notRead(_ acl: String) {
        otherKinds.insert(acl)
        counts["not-read", default: 0] += 1
    }

    mutating func count(_ e: ASAEntry) {
        counts["aces", default: 0] += 1
        if e.inactive { counts["inactive", default: 0] += 1 }
        if e.unevaluated.contains(where: { $0.hasPrefix("time-range") }) { counts["time-range", default: 0] += 1 }
    }
}

/// Reads `access-list` lines in order, numbering each list's lines and carrying the remarks
/// above an ACE onto it.
private struct ASAAccessListReader {
    let parser: ASAEntryParser
    var out = ASAAccessLists()
    var positions: [String: Int] = [:]
    var remarks: [String: [String]] = [:]
    /// How often each ACE text was seen, so identical ACEs keep distinct identities.
    var seen: [String: Int] = [:]

    mutating func read(_ line: ASALine, problems: inout ASAProblems) {
        if line.word(0) == "ipv6" {
            // Pre-9.0 `ipv6 access-list NAME …`: not read; a binding of it is reported.
            if line.word(1) == "access-list", let acl = line.word(2) { out.notRead(acl) }
            return
        }
        guard let acl = line.word(1) else {
            problems.problem(line, column: 1, "expected access-list NAME")
            out.counts["skipped", default: 0] += 1
            return
        }
        let at = line.word(2) == "line" && line.word(3).flatMap({ Int($0) }) != nil ? 4 : 2
        let kind = line.word(at) ?? ""
        if ["standard", "webtype", "ethertype"].contains(kind) { return out.notRead(acl) }
        positions[acl, default: 0] += 1
        if kind == "remark" {
            remarks[acl, default: []].append(line.rest(after: at + 1))
            out.counts["remarks", default: 0] += 1
            return
        }
        ace(line, acl: acl, at: at, problems: &problems)
    }

    private mutating func ace(_ line: ASALine, acl: String, at: Int, problems: inout ASAProblems) {
        var c = ASAWordCursor(line, from: line.word(at) == "extended" ? at + 1 : at)
        let description = remarks.removeValue(forKey: acl).map { $0.joined(separator: " ") }
        do throws(ASASyntaxError) {
            var undefined: [ASASyntaxError] = []
            var e = try parser.entry(&c, acl: acl, position: positions[acl]!, location: line.location(problems.file),
                                     undefined: &undefined)
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
}
