/// A Junos configuration as a tree of words, the one shape both exports are read into
/// (docs/FORMATS.md, Juniper SRX).
///
/// `set security zones security-zone trust interfaces ge-0/0/0.0` and the XML
/// `<security><zones><security-zone><name>trust</name><interfaces><name>ge-0/0/0.0</name>…` give
/// the same path of words, so one model builder reads both and the two forms of one
/// configuration give the same rules. Children keep their first-insertion order: document order,
/// which is the order Junos evaluates policies in.
public final class JunosNode: @unchecked Sendable {
    public let word: String
    /// Where the word first appeared: the `set` line, or the XML element's start tag.
    public let location: SourceLocation
    /// `deactivate` (set) or `inactive="inactive"` (XML): kept as evidence, never applied.
    public internal(set) var inactive = false
    public private(set) var children: [JunosNode] = []
    private var index: [String: Int] = [:]

    init(word: String, location: SourceLocation) {
        self.word = word
        self.location = location
    }

    /// The child with this word, created at `location` when absent.
    func child(_ word: String, at location: SourceLocation) -> JunosNode {
        if let i = index[word] { return children[i] }
        let node = JunosNode(word: word, location: location)
        index[word] = children.count
        children.append(node)
        return node
    }

    /// The child with this word, if any.
    public func child(_ word: String) -> JunosNode? { index[word].map { children[$0] } }

    /// Follows a path of words (`"security policies default-policy"`).
    public func path(_ words: String) -> JunosNode? {
        var node: JunosNode? = self
        for w in words.split(separator: " ") { node = node?.child(String(w)) }
        return node
    }

    /// The children's words: the values of a leaf statement, or the names under a keyword.
    public var words: [String] { children.map(\.word) }

    /// The active children (inactive ones are never applied).
    public var active: [JunosNode] { children.filter { !$0.inactive } }

    /// The single value of a `keyword value` statement, when active.
    public func value(_ keyword: String) -> String? {
        guard let k = child(keyword), !k.inactive else { return nil }
        return k.active.first?.word
    }

    /// Every statement below this node, counted as leaves, for "statements not read" counts.
    public var leafCount: Int { children.isEmpty ? 1 : children.reduce(0) { $0 + $1.leafCount } }
}

/// Builds a ``JunosNode`` tree from statements (word paths) and deactivations.
public struct JunosConfigTree: Sendable {
    public let root: JunosNode

    init(file: String) {
        root = JunosNode(word: "", location: SourceLocation(file: file, line: 1, column: 1))
    }

    /// Adds one statement; each word's node records `locations[i]` (or the last one) when new.
    /// - Returns: the node of the last word.
    /// A single-value keyword (`protocol tcp`) followed by more words on one `set` line
    /// (`term t1 protocol tcp destination-port 80`) closes there: the next keyword is its sibling.
    @discardableResult
    func insert(_ words: [String], at locations: [SourceLocation], under base: JunosNode? = nil) -> JunosNode {
        var node = base ?? root
        var i = 0
        while i < words.count {
            let at = { (k: Int) in locations[min(k, locations.count - 1)] }
            if Self.singleValue.contains(words[i]), i + 2 < words.count {
                node.child(words[i], at: at(i)).child(words[i + 1], at: at(i + 1))
                i += 2
                continue
            }
            node = node.child(words[i], at: at(i))
            i += 1
        }
        return node
    }

    /// Keywords that take exactly one value (Junos `applications` and policy statements).
    static let singleValue: Set<String> = [
        "protocol", "destination-port", "source-port", "icmp-type", "icmp-code", "icmp6-type", "icmp6-code",
        "inactivity-timeout", "application-protocol", "rpc-program-number", "uuid", "description",
    ]

    /// Marks the node at `words` inactive (`deactivate`), or active again (`activate`).
    func setInactive(_ words: [String], _ inactive: Bool, at location: SourceLocation) {
        insert(words, at: [location]).inactive = inactive
    }

    /// Whether no statement was read.
    public var isEmpty: Bool { root.children.isEmpty }
}
