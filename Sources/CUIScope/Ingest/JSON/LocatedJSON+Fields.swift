/// Typed reads of an object's members for the cloud exports (AWS, Azure): each says what was
/// expected and where, so a wrong type is an error naming file:line:column, never a silent drop.
extension LocatedJSON {
    /// The member `key` as a string; nil when absent or null.
    /// - Throws: ``InputError`` at the value when it is another JSON type.
    func string(_ key: String) throws(InputError) -> String? {
        guard let v = member(key), !v.isNull else { return nil }
        guard let s = v.stringValue else { throw InputError(v.location, "\(key): expected a string, found \(v.typeName)") }
        return s
    }

    /// The first of `keys` present as a string.
    func string(anyOf keys: [String]) throws(InputError) -> String? {
        for key in keys { if let s = try string(key) { return s } }
        return nil
    }

    /// The member `key` as an integer (a JSON number, or a string of digits as some exports
    /// write them); nil when absent or null.
    func int(_ key: String) throws(InputError) -> Int? {
        guard let v = member(key), !v.isNull else { return nil }
        switch v.value {
        case .number(let text), .string(let text):
            if let n = Int(text) { return n }
        default: break
        }
        throw InputError(v.location, "\(key): expected an integer, found \(v.typeName)")
    }

    /// The member `key` as a boolean; nil when absent or null.
    func bool(_ key: String) throws(InputError) -> Bool? {
        guard let v = member(key), !v.isNull else { return nil }
        guard case .bool(let b) = v.value else { throw InputError(v.location, "\(key): expected true or false, found \(v.typeName)") }
        return b
    }

    /// The member `key` as an array; empty when absent or null.
    func array(_ key: String) throws(InputError) -> [LocatedJSON] {
        guard let v = member(key), !v.isNull else { return [] }
        guard let a = v.elements else { throw InputError(v.location, "\(key): expected an array, found \(v.typeName)") }
        return a
    }

    /// The member `key` as an object; nil when absent or null.
    func object(_ key: String) throws(InputError) -> LocatedJSON? {
        guard let v = member(key), !v.isNull else { return nil }
        guard v.members != nil else { throw InputError(v.location, "\(key): expected an object, found \(v.typeName)") }
        return v
    }

    /// The member `key` as a string that must be present.
    func requiredString(_ key: String) throws(InputError) -> String {
        guard let s = try string(key), !s.isEmpty else { throw InputError(location, "missing \(key)") }
        return s
    }

    /// Every element of the array `key`, each required to be an object.
    func objects(_ key: String) throws(InputError) -> [LocatedJSON] {
        let items = try array(key)
        for item in items where item.members == nil {
            throw InputError(item.location, "\(key): expected an object, found \(item.typeName)")
        }
        return items
    }
}
