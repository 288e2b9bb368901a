/// Reads `show configuration | display xml` (or a NETCONF `get-config` reply) into the same
/// ``JunosConfigTree`` the set reader builds (docs/FORMATS.md, Juniper SRX).
///
/// Junos XML spells each statement as nested elements: an element is a keyword, a `<name>` child
/// is the identifier that follows it, and a leaf's text is its value. Two shapes differ from the
/// set words and are mapped: the zone-pair `<policy>` keyed by `<from-zone-name>` and
/// `<to-zone-name>` (set: `from-zone A to-zone B`), and `<interfaces><interface>` (set:
/// `interfaces NAME`). Namespaces are ignored; `inactive="inactive"` marks the element's
/// statement inactive. Every word keeps its element's line and column.
public enum JunosXMLConfig {
    /// Subtrees never needed for policy that hold secrets (password hashes, keys).
    public static let skippedElements: Set<String> = [
        "root-authentication", "login", "ike", "ipsec", "pki", "authentication-key-chains", "snmp",
    ]

    /// Whether a document with this root element (and head text) is a Junos configuration.
    static func isJunos(rootName: String, head: String) -> Bool {
        rootName == "configuration" || (rootName == "rpc-reply" && (head.contains("junos") || head.contains("<configuration")))
    }

    /// The `<configuration>` element: the root, or under `<rpc-reply>` (optionally `<data>`).
    static func configuration(_ root: XMLElement) -> XMLElement? {
        if root.name == "configuration" { return root }
        return root.child("configuration") ?? root.path("data/configuration")
    }

    /// Builds the tree from the document.
    /// - Throws: ``InputError`` when there is no `<configuration>`.
    public static func tree(_ root: XMLElement, file: String) throws(InputError) -> JunosConfigTree {
        guard let config = configuration(root) else {
            throw InputError(root.location, "expected a Junos <configuration> element (directly or in <rpc-reply>), found <\(root.name)>")
        }
        let tree = JunosConfigTree(file: file)
        for child in config.children { add(child, parentName: "configuration", under: tree.root, tree: tree) }
        return tree
    }

    /// Adds one element's statement words and recurses into its children.
    private static func add(_ e: XMLElement, parentName: String, under parent: JunosNode, tree: JunosConfigTree) {
        if e.name == "comment" { return }   // junos:comment annotations
        let (words, keyChildren) = keyWords(e, parentName: parentName)
        let node = tree.insert(words, at: [e.location], under: parent)
        if e.attribute("inactive") == "inactive" { node.inactive = true }
        for child in e.children where !keyChildren.contains(child.name) {
            add(child, parentName: e.name, under: node, tree: tree)
        }
    }

    /// The words an element stands for, and the child elements consumed as its key.
    static func keyWords(_ e: XMLElement, parentName: String) -> ([String], Set<String>) {
        if e.name == "policy", let from = e.text(of: "from-zone-name"), let to = e.text(of: "to-zone-name") {
            return (["from-zone", from, "to-zone", to], ["from-zone-name", "to-zone-name"])
        }
        if e.name == "interface", parentName == "interfaces", let name = e.text(of: "name") {
            return ([name], ["name"])
        }
        if let name = e.text(of: "name") { return ([e.name, name], ["name"]) }
        if e.children.isEmpty, !e.text.isEmpty { return ([e.name, e.text], []) }
        return ([e.name], [])
    }
}
