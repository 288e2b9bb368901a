/// The named objects of a native rules file (`<address>`, `<address-group>`, `<service>`,
/// `<service-group>`), resolved once to sets so rules can use a name wherever a literal goes.
///
/// Groups nest. Every definition is resolved up front in document order, so a cycle or an
/// undefined member is reported exactly once, at the group that has it, whether or not a rule
/// uses the group. A member listed twice, or reached twice through nested groups, is harmless.
struct NativeNamespace<Value: Sendable> {
    /// Words used in messages: `address`, `address group`.
    let noun: String
    let literal: (String) -> Value?
    let union: (Value, Value) -> Value
    let empty: Value
    /// What a literal looks like, for the message when a name is neither defined nor valid.
    let literalHint: String
    /// Whether text that is not a defined name is meant as a literal (so a bad literal is
    /// reported as invalid rather than as an undefined object).
    let looksLiteral: (String) -> Bool

    private struct Definition {
        var name: String
        var element: XMLElement
        var isGroup: Bool
    }

    private enum State {
        case resolving
        case done(Value)
        case broken
    }

    private var definitions: [String: Definition] = [:]
    private var order: [String] = []
    private var states: [String: State] = [:]

    init(noun: String, literalHint: String, empty: Value, literal: @escaping (String) -> Value?,
         union: @escaping (Value, Value) -> Value, looksLiteral: @escaping (String) -> Bool) {
        self.noun = noun
        self.literalHint = literalHint
        self.empty = empty
        self.literal = literal
        self.union = union
        self.looksLiteral = looksLiteral
    }

    /// Registers `<address name>` (or a group); duplicate names are reported.
    mutating func define(_ element: XMLElement, isGroup: Bool, log: inout NativeProblemLog) {
        let kind = isGroup ? "\(noun) group" : "\(noun) object"
        guard NativeShape.checkAttributes(element, allowed: ["name"], into: &log, skipping: kind),
            let name = NativeShape.required("name", of: element, into: &log, skipping: kind)
        else { return }
        if let first = definitions[name] {
            log.problem(element.location,
                        "duplicate \(noun) object name '\(name)' (first defined at line \(first.element.location.line))",
                        skipping: "this definition")
            return
        }
        definitions[name] = Definition(name: name, element: element, isGroup: isGroup)
        order.append(name)
    }

    /// Resolves every definition, reporting bad literals, undefined members and cycles.
    mutating func resolveAll(log: inout NativeProblemLog) {
        for name in order { _ = resolve(name, path: [], log: &log) }
    }

    /// What a member (in a rule or group) stands for.
    enum Lookup {
        case value(Value)
        /// A defined object that could not be resolved (already reported at its definition).
        case broken
        case undefined
        case invalidLiteral
    }

    /// Looks up a member as written: `any`, an object or group name, or a literal.
    func lookup(_ text: String) -> Lookup {
        if let state = states[text] {
            if case .done(let v) = state { return .value(v) }
            return .broken
        }
        if let v = literal(text) { return .value(v) }
        return looksLiteral(text) ? .invalidLiteral : .undefined
    }

    private mutating func resolve(_ name: String, path: [String], log: inout NativeProblemLog) -> Value? {
        switch states[name] {
        case .done(let v): return v
        case .broken: return nil
        case .resolving:
            // Reached a group that is still being resolved: a cycle through `path`.
            let start = path.firstIndex(of: name) ?? 0
            let cycle = (path[start...] + [name]).joined(separator: " → ")
            if let def = definitions[name] {
                log.problem(def.element.location, "\(noun) group '\(name)' contains itself: \(cycle)",
                            skipping: "\(noun) group '\(name)'")
            }
            for member in path[start...] { states[member] = .broken }
            return nil
        case nil: break
        }
        guard let def = definitions[name] else { return nil }
        states[name] = .resolving
        let result = def.isGroup ? resolveGroup(def, path: path + [name], log: &log) : resolveObject(def, log: &log)
        // A cycle found below may already have marked this group broken.
        if case .broken = states[name] { return nil }
        states[name] = result.map { .done($0) } ?? .broken
        return result
    }

    private func resolveObject(_ def: Definition, log: inout NativeProblemLog) -> Value? {
        let unit = "\(noun) object '\(def.name)'"
        guard let text = NativeShape.leafText(def.element, into: &log, skipping: unit) else { return nil }
        guard let v = literal(text) else {
            log.problem(def.element.location,
                        "invalid \(noun) '\(text)' in \(noun) object '\(def.name)' (expected \(literalHint))",
                        skipping: unit)
            return nil
        }
        return v
    }

    private mutating func resolveGroup(_ def: Definition, path: [String], log: inout NativeProblemLog) -> Value? {
        let unit = "\(noun) group '\(def.name)'"
        var acc = empty
        var ok = true
        if def.element.children.isEmpty {
            log.problem(def.element.location, "\(noun) group '\(def.name)' has no <member>", skipping: unit)
            return nil
        }
        for member in def.element.children {
            guard member.name == "member" else {
                log.problem(member.location, "unexpected element <\(member.name)> in \(noun) group '\(def.name)'",
                            skipping: unit)
                ok = false
                continue
            }
            guard let text = NativeShape.leafText(member, into: &log, skipping: unit) else {
                ok = false
                continue
            }
            if definitions[text] != nil {
                if let v = resolve(text, path: path, log: &log) {
                    acc = union(acc, v)
                } else {
                    ok = false
                    if case .broken = states[def.name] { return nil }  // part of a reported cycle
                    log.lenientOnly(member.location, "\(noun) group '\(def.name)' uses invalid '\(text)' (group skipped)")
                }
            } else if let v = literal(text) {
                acc = union(acc, v)
            } else if looksLiteral(text) {
                log.problem(member.location,
                            "invalid \(noun) '\(text)' in \(noun) group '\(def.name)' (expected \(literalHint))",
                            skipping: unit)
                ok = false
            } else {
                log.problem(member.location,
                            "\(noun) group '\(def.name)' references undefined \(noun) object '\(text)'",
                            skipping: unit)
                ok = false
            }
        }
        return ok ? acc : nil
    }
}

extension NativeNamespace where Value == AddressSet {
    static func addresses() -> NativeNamespace<AddressSet> {
        NativeNamespace(
            noun: "address", literalHint: "host, CIDR, a-b range or any", empty: AddressSet(),
            literal: { AddressSet.parse($0) }, union: { $0.union($1) },
            looksLiteral: { text in
                // Digits-and-dots, IPv6 colons or a prefix slash: meant as a literal, not a name.
                guard let first = text.unicodeScalars.first else { return false }
                return text.contains(":") || text.contains("/") || ("0"..."9").contains(first)
            })
    }
}

extension NativeNamespace where Value == ServiceSet {
    static func services() -> NativeNamespace<ServiceSet> {
        NativeNamespace(
            noun: "service", literalHint: "tcp/443, udp/53, tcp/8000-8080, icmp or any", empty: ServiceSet(),
            literal: { ServiceSet.parse($0) }, union: { $0.union($1) },
            looksLiteral: { text in
                if text.contains("/") { return true }
                return IPProtocol.number(text) != nil
            })
    }
}
