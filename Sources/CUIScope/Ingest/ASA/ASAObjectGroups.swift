/// `object-group network|service|protocol|icmp-type` blocks, nested with `group-object`
/// (docs/FORMATS.md, Cisco ASA). Other group types (`user`, `security`) are identity
/// conditions, recorded where an ACE names them.
extension ASAObjectBuilder {
    mutating func group(_ name: String) {
        guard let b = groupBlocks[name], !objects.isGroup(name), !resolving.contains(name) else { return }
        resolving.insert(name)
        defer { resolving.remove(name) }
        switch b.head.word(1) {
        case "network": objects.networkGroups[name] = networkGroup(name, b)
        case "service":
            if let type = b.head.word(3) {
                objects.portGroups[name] = portGroup(name, type, b)
            } else {
                objects.serviceGroups[name] = serviceGroup(name, b)
            }
        case "protocol": objects.protocolGroups[name] = protocolGroup(name, b)
        case "icmp-type": objects.icmpGroups[name] = icmpGroup(name, b)
        default: break
        }
    }

    /// Resolves a `group-object` member first, reporting a cycle or an undefined group.
    private mutating func nested(_ line: ASALine, in owner: String) -> String? {
        guard let member = line.word(1) else {
            reject(line, ASASyntaxError(column: line.words[0].column, message: "expected group-object NAME"))
            return nil
        }
        if resolving.contains(member) {
            reject(line, ASASyntaxError(column: line.words[1].column, message: "object-group \(owner): group-object \(member) nests a group inside itself"))
            return nil
        }
        group(member)
        return member
    }

    private mutating func networkGroup(_ name: String, _ b: ASABlock) -> ASAAddresses {
        var out = ASAAddresses()
        for line in b.children {
            switch line.word(0) {
            case "description": continue
            case "group-object":
                guard let m = nested(line, in: name) else { continue }
                guard let inner = objects.networkGroups[m] else {
                    problems.problem(line, column: line.words[1].column, "object-group \(m) is not defined as a network group")
                    out.unresolved.append("\(m) (not defined)")
                    continue
                }
                out.add(inner)
            case "network-object":
                var c = ASAWordCursor(line, from: 1)
                var undefined: [ASASyntaxError] = []
                do throws(ASASyntaxError) {
                    let (a, _) = try objects.address(&c, undefined: &undefined)
                    out.add(a)
                } catch {
                    reject(line, error)
                }
                for u in undefined { problems.problem(line, column: u.column, u.message) }
            default:
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object-group network \(name): expected network-object, group-object or description"))
            }
        }
        return out
    }

    private mutating func portGroup(_ name: String, _ type: String, _ b: ASABlock)
        -> (protocols: [UInt8], ranges: [ClosedRange<UInt16>])
    {
        let protos = ASAObjects.protocols(type).flatMap { $0 } ?? [IPProtocol.tcp, IPProtocol.udp]
        var ranges: [ClosedRange<UInt16>] = []
        for line in b.children {
            switch line.word(0) {
            case "description": continue
            case "group-object":
                guard let m = nested(line, in: name) else { continue }
                if let inner = objects.portGroups[m] { ranges += inner.ranges } else {
                    problems.problem(line, column: line.words[1].column, "object-group \(m) is not defined as a port group")
                }
            case "port-object":
                var c = ASAWordCursor(line, from: 1)
                do throws(ASASyntaxError) {
                    guard let r = try objects.portRanges(&c) else { throw c.fail("expected eq, neq, lt, gt or range") }
                    ranges += r
                } catch {
                    reject(line, error)
                }
            default:
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object-group service \(name): expected port-object, group-object or description"))
            }
        }
        return (protos, ranges)
    }

    private mutating func serviceGroup(_ name: String, _ b: ASABlock) -> ASAService {
        var out = ASAService()
        for line in b.children {
            switch line.word(0) {
            case "description": continue
            case "group-object":
                guard let m = nested(line, in: name) else { continue }
                if let inner = objects.serviceGroups[m] { out.add(inner) } else if let inner = objects.protocolGroups[m] {
                    out.add(inner)
                } else {
                    problems.problem(line, column: line.words[1].column, "object-group \(m) is not defined as a service group")
                }
            case "service-object":
                var c = ASAWordCursor(line, from: 1)
                var undefined: [ASASyntaxError] = []
                do throws(ASASyntaxError) { out.add(try objects.serviceSpec(&c, undefined: &undefined)) } catch { reject(line, error) }
                for u in undefined { problems.problem(line, column: u.column, u.message) }
            default:
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object-group service \(name): expected service-object, group-object or description"))
            }
        }
        return out
    }

    private mutating func protocolGroup(_ name: String, _ b: ASABlock) -> ASAService {
        var out = ASAService()
        for line in b.children {
            switch line.word(0) {
            case "description": continue
            case "group-object":
                guard let m = nested(line, in: name) else { continue }
                if let inner = objects.protocolGroups[m] { out.add(inner) } else {
                    problems.problem(line, column: line.words[1].column, "object-group \(m) is not defined as a protocol group")
                }
            case "protocol-object":
                guard let word = line.word(1), let parsed = ASAObjects.protocols(word) else {
                    reject(line, ASASyntaxError(column: line.words.count > 1 ? line.words[1].column : line.words[0].column,
                                                message: "expected a protocol name or number after protocol-object"))
                    continue
                }
                out.set = out.set.union(parsed.map { $0.reduce(ServiceSet()) { $0.union(.proto($1)) } } ?? .anyService)
            default:
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object-group protocol \(name): expected protocol-object, group-object or description"))
            }
        }
        return out
    }

    private mutating func icmpGroup(_ name: String, _ b: ASABlock) -> [String] {
        var out: [String] = []
        for line in b.children {
            switch line.word(0) {
            case "description": continue
            case "group-object":
                guard let m = nested(line, in: name) else { continue }
                out += objects.icmpGroups[m] ?? []
            case "icmp-object":
                if let t = line.word(1) { out.append(t) }
            default:
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object-group icmp-type \(name): expected icmp-object, group-object or description"))
            }
        }
        return out
    }
}
