/// Builds ``ASAObjects`` from the configuration's `name`, `object` and `object-group` blocks,
/// reporting each unusable definition line once, where it is written.
struct ASAObjectBuilder {
    var objects: ASAObjects
    var problems: ASAProblems
    /// Group blocks by name, resolved on first use so a group may name one defined later.
    var groupBlocks: [String: ASABlock] = [:]
    var resolving: Set<String> = []
    var unusable = 0

    init(hosts: [String: [IPAddress]], interfaces: [String: ASAAddresses], problems: ASAProblems) {
        objects = ASAObjects(hosts: hosts)
        objects.interfaceAddresses = interfaces
        self.problems = problems
    }

    mutating func build(_ blocks: [ASABlock]) {
        for b in blocks where b.keyword == "name" { name(b.head) }
        for b in blocks where b.keyword == "object" && b.head.word(1) == "network" { networkObject(b) }
        for b in blocks where b.keyword == "object" && b.head.word(1) == "service" { serviceObject(b) }
        for b in blocks where b.keyword == "object-group" {
            if let n = b.head.word(2) { groupBlocks[n] = b }
        }
        for name in groupBlocks.keys.sorted() { group(name) }
    }

    /// Reports a problem with a definition line and counts it as unusable.
    mutating func reject(_ line: ASALine, _ error: ASASyntaxError) {
        unusable += 1
        problems.problem(line, column: error.column, error.message)
    }

    private mutating func name(_ line: ASALine) {
        guard let a = line.word(1).flatMap({ IPAddress($0) }), let n = line.word(2) else {
            return reject(line, ASASyntaxError(column: line.words[0].column, message: "expected name ADDRESS NAME"))
        }
        objects.names[n] = a
    }

    private mutating func networkObject(_ b: ASABlock) {
        guard let name = b.head.word(2) else { return reject(b.head, ASASyntaxError(column: 1, message: "expected object network NAME")) }
        for line in b.children {
            let w = line.words.map(\.text)
            var value: ASAAddresses?
            switch w[0] {
            case "host" where w.count == 2: value = objects.ip(w[1]).map { ASAAddresses(set: .host($0)) }
            case "subnet" where w.count == 3: value = objects.ip(w[1]).flatMap { AddressSet.parse("\($0)/\(w[2])") }.map { ASAAddresses(set: $0) }
            case "subnet" where w.count == 2: value = AddressSet.parse(w[1]).map { ASAAddresses(set: $0) }
            case "range" where w.count == 3:
                value = objects.ip(w[1]).flatMap { a in objects.ip(w[2]).flatMap { AddressSet.parse("\(a)-\($0)") } }
                    .map { ASAAddresses(set: $0) }
            case "fqdn": value = fqdn(w.last ?? "", name)
            case "description", "nat": continue
            default:
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object network \(name): expected host, subnet, range, fqdn, description or nat"))
                continue
            }
            guard let value else {
                reject(line, ASASyntaxError(column: line.words[0].column, message: "object network \(name): \(w[0]) needs valid addresses"))
                continue
            }
            objects.networkObjects[name] = value
        }
    }

    /// An FQDN object: the hosts mapping's addresses, else unresolved (never DNS).
    private func fqdn(_ host: String, _ name: String) -> ASAAddresses {
        if let ips = objects.hosts[host], !ips.isEmpty {
            return ASAAddresses(set: ips.reduce(AddressSet()) { $0.union(.host($1)) })
        }
        return ASAAddresses(unresolved: ["\(name) (fqdn \(host), not resolved offline)"])
    }

    private mutating func serviceObject(_ b: ASABlock) {
        guard let name = b.head.word(2) else { return reject(b.head, ASASyntaxError(column: 1, message: "expected object service NAME")) }
        for line in b.children where line.word(0) == "service" {
            var c = ASAWordCursor(line, from: 1)
            var undefined: [ASASyntaxError] = []
            do throws(ASASyntaxError) {
                objects.serviceObjects[name] = try objects.serviceSpec(&c, undefined: &undefined)
            } catch {
                reject(line, error)
            }
        }
    }
}
