/// The vsys object sections of a PAN-OS config: address, address-group, service,
/// service-group and tag.
enum PANOSObjectsWriter {
    static func write(_ net: RealisticNetwork, _ sink: FileSink) throws {
        try sink.write("          <address>\n")
        for a in net.addresses {
            var body: String
            switch a.value {
            case .netmask(let t): body = "<ip-netmask>\(t)</ip-netmask>"
            case .range(let t): body = "<ip-range>\(t)</ip-range>"
            case .fqdn(let t): body = "<fqdn>\(t)</fqdn>"
            }
            if let d = a.description { body += "\n              <description>\(XMLEscape.text(d))</description>" }
            try sink.write("            <entry name=\"\(a.name)\">\n              \(body)\n            </entry>\n")
        }
        try sink.write("          </address>\n          <address-group>\n")
        for g in net.groups {
            var text = "            <entry name=\"\(g.name)\">\n              <static>\n"
            for m in g.members { text += "                <member>\(m)</member>\n" }
            text += "              </static>\n"
            if let d = g.description { text += "              <description>\(XMLEscape.text(d))</description>\n" }
            try sink.write(text + "            </entry>\n")
        }
        try sink.write("          </address-group>\n          <service>\n")
        for s in net.services {
            try sink.write(
                "            <entry name=\"\(s.name)\">\n              <protocol>\n"
                    + "                <\(s.proto)>\n                  <port>\(s.ports)</port>\n"
                    + "                  <override>\n                    <no/>\n                  </override>\n"
                    + "                </\(s.proto)>\n              </protocol>\n            </entry>\n")
        }
        try sink.write("          </service>\n          <service-group>\n")
        for g in net.serviceGroups {
            var text = "            <entry name=\"\(g.name)\">\n              <members>\n"
            for m in g.members { text += "                <member>\(m)</member>\n" }
            try sink.write(text + "              </members>\n            </entry>\n")
        }
        try sink.write("          </service-group>\n          <tag>\n")
        var tags: [String] = []
        for r in net.rules where !tags.contains(r.tag) { tags.append(r.tag) }
        for (i, t) in tags.enumerated() {
            try sink.write(
                "            <entry name=\"\(t)\">\n              <color>color\(i + 1)</color>\n            </entry>\n")
        }
        try sink.write("          </tag>\n")
    }
}

/// One security rule entry as PAN-OS 10.1 writes it.
enum PANOSRuleText {
    static func entry(_ r: RealisticRule) -> String {
        var s = "                <entry name=\"\(r.name)\" uuid=\"\(r.uuid)\">\n"
        s += list("to", r.to) + list("from", r.from) + list("source", r.source) + list("destination", r.destination)
        s += list("source-user", ["any"]) + list("category", ["any"]) + list("application", r.applications)
        s += list("service", r.services) + list("source-hip", ["any"]) + list("destination-hip", ["any"])
        s += "                  <action>\(r.action)</action>\n"
        if r.negateSource { s += "                  <negate-source>yes</negate-source>\n" }
        if r.negateDestination { s += "                  <negate-destination>yes</negate-destination>\n" }
        if r.disabled { s += "                  <disabled>yes</disabled>\n" }
        if let t = r.ruleType { s += "                  <rule-type>\(t)</rule-type>\n" }
        if let d = r.description { s += "                  <description>\(XMLEscape.text(d))</description>\n" }
        s += list("tag", [r.tag])
        if r.action == "allow" {
            s +=
                "                  <profile-setting>\n                    <group>\n"
                + "                      <member>Outbound</member>\n                    </group>\n"
                + "                  </profile-setting>\n"
        }
        s += "                  <log-setting>default</log-setting>\n                </entry>\n"
        return s
    }

    private static func list(_ tag: String, _ members: [String]) -> String {
        var s = "                  <\(tag)>\n"
        for m in members { s += "                    <member>\(m)</member>\n" }
        return s + "                  </\(tag)>\n"
    }
}
