/// Configuration groups (`groups G …` with `apply-groups G`), applied where they are simple
/// (docs/FORMATS.md, Juniper SRX).
///
/// A top-level `apply-groups G` inherits every statement of `groups G` into the configuration:
/// statements the configuration already has keep their place (the local one wins), new ones are
/// appended after the local ones. Group statements with wildcards (`<*>`, `<ge-*>`) and
/// `apply-groups` below the top level are not read; each is reported and counted.
enum JunosGroups {
    /// Applies the top-level groups to the tree.
    /// - Returns: the number of statements not read.
    static func apply(_ tree: JunosConfigTree, log: inout DiagnosticLog) -> Int {
        let root = tree.root
        var notRead = 0
        for g in root.child("apply-groups")?.active ?? [] where g.word != "junos-defaults" {
            guard let group = root.path("groups")?.child(g.word), !group.inactive else {
                log.warning(g.location, "apply-groups \(g.word): no such group; nothing inherited")
                continue
            }
            for child in group.active {
                notRead += merge(child, into: root, log: &log)
            }
        }
        for c in root.children where c.word != "groups" && c.word != "apply-groups" {
            notRead += nestedApplyGroups(c, path: c.word, log: &log)
        }
        return notRead
    }

    /// Copies a group statement under `target`; wildcard words are reported instead.
    private static func merge(_ node: JunosNode, into target: JunosNode, log: inout DiagnosticLog) -> Int {
        if node.word.hasPrefix("<") {
            log.warning(node.location, "group statement with wildcard \(node.word) is not read (\(node.leafCount) statements)")
            return node.leafCount
        }
        let copy = target.child(node.word, at: node.location)
        if node.inactive { copy.inactive = true }
        var notRead = 0
        for child in node.children { notRead += merge(child, into: copy, log: &log) }
        return notRead
    }

    /// `apply-groups` below the top level: reported, not applied.
    private static func nestedApplyGroups(_ node: JunosNode, path: String, log: inout DiagnosticLog) -> Int {
        var notRead = 0
        for c in node.children {
            if c.word == "apply-groups" {
                log.warning(c.location, "apply-groups under \(path) is not read; inherit the groups first (show configuration | display inheritance)")
                notRead += c.leafCount
            } else {
                notRead += nestedApplyGroups(c, path: "\(path) \(c.word)", log: &log)
            }
        }
        return notRead
    }
}
