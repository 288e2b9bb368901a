/// Writes a ``RealisticNetwork`` as a PAN-OS 10.1 firewall configuration (`<config>` as saved
/// by `show config running` / exported from the web UI): interfaces with VLAN sub-interfaces
/// (`ethernet1/2.110` with `<tag>` and `<ip><entry name="10.64.0.1/23"/>`), a virtual router,
/// then vsys1 with zones, address objects (`ip-netmask`, `ip-range`, `fqdn`), static address
/// groups, services, service groups (`<members>`), tags, security rules and the default rules.
/// Element order and spelling follow real exports.
enum PANOSConfigWriter {
    static func write(_ net: RealisticNetwork, to path: String) throws {
        let sink = try FileSink(path: path)
        try sink.write(
            "<?xml version=\"1.0\"?>\n<config version=\"10.1.0\" urldb=\"paloaltonetworks\" detail-version=\"10.1.9\">\n"
        )
        try sink.write(
            "  <mgt-config>\n    <users>\n      <entry name=\"admin\">\n        <phash>*</phash>\n"
                + "        <permissions><role-based><superuser>yes</superuser></role-based></permissions>\n"
                + "      </entry>\n    </users>\n  </mgt-config>\n  <shared>\n    <log-settings/>\n  </shared>\n")
        try sink.write("  <devices>\n    <entry name=\"localhost.localdomain\">\n      <network>\n")
        try writeInterfaces(net, sink)
        try sink.write(
            "      </network>\n      <deviceconfig>\n        <system>\n"
                + "          <hostname>\(RealisticNetwork.hostname)</hostname>\n"
                + "          <timezone>US/Eastern</timezone>\n        </system>\n      </deviceconfig>\n")
        try sink.write("      <vsys>\n        <entry name=\"vsys1\">\n")
        try writeZones(net, sink)
        try PANOSObjectsWriter.write(net, sink)
        try sink.write("          <rulebase>\n            <security>\n              <rules>\n")
        for rule in net.rules { try sink.write(PANOSRuleText.entry(rule)) }
        try sink.write("              </rules>\n            </security>\n")
        try sink.write(
            "            <default-security-rules>\n              <rules>\n"
                + "                <entry name=\"intrazone-default\">\n                  <action>allow</action>\n"
                + "                  <log-end>no</log-end>\n                </entry>\n"
                + "                <entry name=\"interzone-default\">\n                  <action>deny</action>\n"
                + "                  <log-end>yes</log-end>\n                </entry>\n"
                + "              </rules>\n            </default-security-rules>\n          </rulebase>\n")
        try sink.write("        </entry>\n      </vsys>\n    </entry>\n  </devices>\n</config>\n")
        try sink.close()
    }

    /// The untrust port, then one parent port per trunk with its VLAN sub-interfaces, and a
    /// virtual router holding every interface.
    private static func writeInterfaces(_ net: RealisticNetwork, _ sink: FileSink) throws {
        try sink.write("        <interface>\n          <ethernet>\n")
        var parents: [String] = []
        for z in net.zones where !parents.contains(z.kind.trunk.interface) { parents.append(z.kind.trunk.interface) }
        parents.sort()
        for parent in parents {
            try sink.write("            <entry name=\"\(parent)\">\n              <layer3>\n")
            let units = net.zones.filter { $0.kind.trunk.interface == parent && $0.kind != .untrust }
            if units.isEmpty {
                for z in net.zones where z.kind == .untrust {
                    try sink.write(
                        "                <ip>\n                  <entry name=\"\(z.interfaceAddress)\"/>\n"
                            + "                </ip>\n                <interface-management-profile>ping-only</interface-management-profile>\n"
                    )
                }
            } else {
                try sink.write("                <units>\n")
                for z in units {
                    try sink.write(
                        "                  <entry name=\"\(z.interface)\">\n"
                            + "                    <tag>\(z.tag)</tag>\n                    <comment>\(z.name)</comment>\n"
                            + "                    <ip>\n                      <entry name=\"\(z.interfaceAddress)\"/>\n"
                            + "                    </ip>\n                  </entry>\n")
                }
                try sink.write("                </units>\n")
            }
            try sink.write(
                "              </layer3>\n              <link-state>auto</link-state>\n            </entry>\n")
        }
        try sink.write("          </ethernet>\n        </interface>\n")
        try sink.write("        <virtual-router>\n          <entry name=\"default\">\n            <interface>\n")
        for z in net.zones { try sink.write("              <member>\(z.interface)</member>\n") }
        try sink.write("            </interface>\n          </entry>\n        </virtual-router>\n")
    }

    private static func writeZones(_ net: RealisticNetwork, _ sink: FileSink) throws {
        try sink.write("          <zone>\n")
        for z in net.zones {
            try sink.write(
                "            <entry name=\"\(z.name)\">\n              <network>\n"
                    + "                <layer3>\n                  <member>\(z.interface)</member>\n"
                    + "                </layer3>\n")
            if z.kind == .untrust {
                try sink.write(
                    "                <zone-protection-profile>Recommended_Zone_Protection</zone-protection-profile>\n")
            }
            try sink.write("              </network>\n")
            if z.kind == .users || z.kind == .vpn {
                try sink.write("              <enable-user-identification>yes</enable-user-identification>\n")
            }
            try sink.write("            </entry>\n")
        }
        try sink.write("          </zone>\n")
    }
}
