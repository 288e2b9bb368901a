/// Where the access lists apply (`access-group`) and the settings that change the implicit
/// rules (`same-security-traffic`), as the ASA reads them (docs/FORMATS.md, Cisco ASA).
struct ASABindings {
    /// Interface → the list bound `in`; a later `access-group` for the same interface replaces it.
    var inbound: [String: (acl: String, location: SourceLocation)] = [:]
    var outbound: [String: (acl: String, location: SourceLocation)] = [:]
    var global: (acl: String, location: SourceLocation)?
    var interInterface = false
    var intraInterface = false

    static func parse(_ blocks: [ASABlock], interfaces: Set<String>, lists: ASAAccessLists,
                      problems: inout ASAProblems) -> ASABindings {
        var out = ASABindings()
        for b in blocks {
            let w = b.head.words.map(\.text)
            if w[0] == "same-security-traffic", w.count == 3, w[1] == "permit" {
                if w[2] == "inter-interface" { out.interInterface = true }
                if w[2] == "intra-interface" { out.intraInterface = true }
            }
            guard w[0] == "access-group" else { continue }
            out.bind(b.head, interfaces: interfaces, lists: lists, problems: &problems)
        }
        return out
    }

    private mutating func bind(_ line: ASALine, interfaces: Set<String>, lists: ASAAccessLists,
                               problems: inout ASAProblems) {
        let w = line.words.map(\.text)
        let loc = line.location(problems.file)
        guard w.count >= 3 else { return problems.problem(line, column: 1, "expected access-group NAME in|out interface IF, or access-group NAME global") }
        let acl = w[1]
        if lists.otherKinds.contains(acl) {
            problems.log.warning(line.location(problems.file, column: line.words[1].column),
                                 "access-group binds \(acl), which is not an extended access-list; not read")
            return
        }
        if lists.lists[acl] == nil {
            problems.problem(line, column: line.words[1].column, "access-group binds access-list \(acl), which has no entries")
        }
        if w[2] == "global", w.count == 3 { global = (acl, loc); return }
        guard w.count >= 5, ["in", "out"].contains(w[2]), w[3] == "interface" else {
            return problems.problem(line, column: line.words[2].column, "expected in interface IF, out interface IF or global")
        }
        guard interfaces.contains(w[4]) else {
            return problems.problem(line, column: line.words[4].column, "access-group names interface \(w[4]), which has no nameif")
        }
        if w.count > 5, w[5] == "control-plane" {
            problems.log.warning(loc, "access-group \(acl) control-plane (to-the-box traffic) is not read")
            return
        }
        if w[2] == "in" { inbound[w[4]] = (acl, loc) } else { outbound[w[4]] = (acl, loc) }
    }
}
