/// A light element tree built from the libxml2 stream, namespace-agnostic (local names only),
/// every element with the line and column of its start tag.
public final class XMLElement: @unchecked Sendable {
    public let name: String
    public private(set) var attributes: [(name: String, value: String)]
    public private(set) var children: [XMLElement] = []
    /// Character data directly inside this element (CDATA included), untrimmed.
    public internal(set) var rawText: String = ""
    public let location: SourceLocation

    init(name: String, attributes: [(name: String, value: String)], location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    func append(_ child: XMLElement) { children.append(child) }

    /// The value of an attribute by local name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// All child elements with this local name, in document order.
    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// Follows a `/`-separated path of child names, taking the first match at each step.
    public func path(_ path: String) -> XMLElement? {
        var node: XMLElement? = self
        for step in path.split(separator: "/") { node = node?.child(String(step)) }
        return node
    }

    /// All elements reached by a `/`-separated path, every match at every step.
    public func all(_ path: String) -> [XMLElement] {
        var nodes = [self]
        for step in path.split(separator: "/") {
            let s = String(step)
            nodes = nodes.flatMap { $0.children(s) }
        }
        return nodes
    }

    /// Trimmed text content of this element.
    public var text: String { rawText.trimmedWhitespaceAndNewlines }

    /// Trimmed text of a child, or nil when the child is absent.
    public func text(of child: String) -> String? { self.child(child)?.text }

    /// `<member>` texts under a child (`source/member`), the PAN-OS list shape.
    public func members(_ child: String) -> [String] {
        (self.child(child)?.children("member") ?? []).map(\.text)
    }
}

import Foundation
