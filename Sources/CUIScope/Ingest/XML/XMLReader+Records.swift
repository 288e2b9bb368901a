import Foundation
internal import CLibXML2

/// One attribute of the element being streamed: the (interned) local name and the value as
/// bytes owned by libxml2, valid only during the handler call.
struct XMLRawAttribute {
    var name: String
    /// A dense number for `name`, stable within one walk: lets a caller map names to fields
    /// once per distinct name instead of comparing strings per record.
    var nameID: Int
    var value: ByteField
}

/// Fast record paths for flow logs: millions of small records, where building an
/// ``XMLElement`` (and a `String` per attribute) for each dominates the run time. Same
/// libxml2 safety options and error reporting as ``XMLReader/stream(_:displayName:select:skipNames:handle:)``;
/// field records (child-element logs) are in `XMLReader+Fields.swift`.
extension XMLReader {
    /// Streams a file calling `handle` for each element `select` answers `.record` for, with its
    /// attributes as raw bytes and its exact start-tag position; no tree is built. Unlike
    /// ``stream(_:displayName:select:skipNames:handle:)``, `select` is also asked about the
    /// children of a record (so a caller can notice unexpected content).
    /// - Parameter handle: receives the element's local name, its attributes, its location and
    ///   its depth (root = 0).
    static func streamAttributes(
        _ path: String, displayName: String? = nil, select: ([String]) -> Selection,
        handle: (String, [XMLRawAttribute], SourceLocation, Int) throws(InputError) -> Void
    ) throws(InputError) {
        try streamAttributesSAX(path, displayName: displayName, select: select, handle: handle)
    }
}

/// Names interned for one walk: libxml2 interns names in the reader's dictionary, so within
/// one reader the pointer identifies the name (never across readers: the dictionary is freed).
final class InternTableBox {
    private var table: [UnsafePointer<xmlChar>: Int] = [:]
    private var names: [String] = []
    /// A direct-mapped cache of pointer → id in front of `table`: records repeat the same
    /// handful of names, and one masked compare is far cheaper than hashing.
    private var cacheKeys = [UnsafePointer<xmlChar>?](repeating: nil, count: 64)
    private var cacheIDs = [Int](repeating: 0, count: 64)

    func string(_ p: UnsafePointer<xmlChar>?) -> String { interned(p).0 }

    @inline(__always)
    func interned(_ p: UnsafePointer<xmlChar>?) -> (String, Int) {
        guard let p else { return ("", -1) }
        let slot = Int(bitPattern: UInt(bitPattern: p) >> 3) & 63
        if cacheKeys[slot] == p {
            let id = cacheIDs[slot]
            return (names[id], id)
        }
        let id: Int
        if let known = table[p] {
            id = known
        } else {
            id = names.count
            names.append(String(cString: p))
            table[p] = id
        }
        cacheKeys[slot] = p
        cacheIDs[slot] = id
        return (names[id], id)
    }
}
