/// Writes a ``RealisticNetwork`` in cuiscope's native `<cuiscope-rules>` format: the same objects,
/// groups, interfaces and rules as the PAN-OS file, as far as the native format can say them.
///
/// What it cannot say is translated so that both files match the same packets: `reset-*`
/// becomes `reject`; `application-default` becomes the App-IDs' standard ports
/// (``RealisticApplications``) and `service-http`/`service-https` their ports, as literal
/// services; FQDN objects (which no rule uses) and rule tags are left out.
enum RealisticNativeRulesWriter {
    static func write(_ net: RealisticNetwork, to path: String) throws {
        let sink = try FileSink(path: path)
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cuiscope-rules version=\"1\">\n")
        for a in net.addresses {
            switch a.value {
            case .netmask(let t), .range(let t): try sink.write("  <address name=\"\(a.name)\">\(t)</address>\n")
            case .fqdn: continue
            }
        }
        for g in net.groups { try sink.write(group("address-group", g.name, g.members)) }
        for s in net.services { try sink.write("  <service name=\"\(s.name)\">\(s.proto)/\(s.ports)</service>\n") }
        for g in net.serviceGroups { try sink.write(group("service-group", g.name, g.members)) }
        try sink.write(
            "  <enforcement-point name=\"\(RealisticNetwork.enforcementPoint)\" default-action=\"deny\""
                + " intrazone-default=\"allow\">\n")
        for z in net.zones {
            try sink.write(
                "    <interface name=\"\(z.interface)\" zone=\"\(z.name)\" address=\"\(z.interfaceAddress)\"/>\n")
        }
        for r in net.rules { try sink.write(rule(r)) }
        try sink.write("  </enforcement-point>\n</cuiscope-rules>\n")
        try sink.close()
    }

    private static func group(_ tag: String, _ name: String, _ members: [String]) -> String {
        "  <\(tag) name=\"\(name)\">" + members.map { "<member>\($0)</member>" }.joined() + "</\(tag)>\n"
    }

    static func rule(_ r: RealisticRule) -> String {
        let action = r.action.hasPrefix("reset") ? "reject" : r.action
        var attrs = "name=\"\(r.name)\" uuid=\"\(r.uuid)\" action=\"\(action)\""
        if r.disabled { attrs += " disabled=\"yes\"" }
        if let t = r.ruleType { attrs += " rule-type=\"\(t)\"" }
        if r.negateSource { attrs += " negate-source=\"yes\"" }
        if r.negateDestination { attrs += " negate-destination=\"yes\"" }
        var body = ""
        for z in r.from { body += "<from>\(z)</from>" }
        for z in r.to { body += "<to>\(z)</to>" }
        for m in r.source { body += "<source>\(m)</source>" }
        for m in r.destination { body += "<destination>\(m)</destination>" }
        for s in services(r) { body += "<service>\(s)</service>" }
        if r.applications != ["any"] { for a in r.applications { body += "<application>\(a)</application>" } }
        if let d = r.description { body += "<description>\(XMLEscape.text(d))</description>" }
        return "    <rule \(attrs)>\(body)</rule>\n"
    }

    /// The rule's services with PAN-OS-only names replaced by their ports.
    static func services(_ r: RealisticRule) -> [String] {
        var out: [String] = []
        func add(_ s: String) { if !out.contains(s) { out.append(s) } }
        for s in r.services {
            switch s {
            case "application-default":
                for app in r.applications { for p in RealisticApplications.defaultPorts[app] ?? ["any"] { add(p) } }
            case "service-http": add("tcp/80,8080")
            case "service-https": add("tcp/443")
            default: add(s)
            }
        }
        return out
    }
}
