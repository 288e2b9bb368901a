/// Writes realistic flow records twice: as a native `<cuiscope-flows>` file and as a PAN-OS XML
/// API traffic-log answer (`/response/result/log/logs/entry`, ~50 of the fields PAN-OS 10.1
/// returns, in its order). The week starts 2026-10-01 00:00 UTC; the firewall's local time is
/// US Eastern (UTC-4 in October), which `time_generated` carries without a zone and
/// `high_res_timestamp` with one.
struct RealisticFlowWriters {
    static let windowStart = 1_790_812_800  // 2026-10-01T00:00:00Z
    static let localOffset = -4 * 3600
    static let serial = "007951000123456"

    let net: RealisticNetwork
    let native: FileSink
    let panos: FileSink

    init(_ net: RealisticNetwork, nativePath: String, panosPath: String) throws {
        self.net = net
        native = try FileSink(path: nativePath)
        panos = try FileSink(path: panosPath)
    }

    func begin(count: Int) throws {
        try native.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cuiscope-flows version=\"1\">\n")
        try panos.write(
            "<response status=\"success\"><result>\n  <job>\n    <tenq>09:00:01</tenq>\n"
                + "    <tdeq>09:00:01</tdeq>\n    <tlast>16:00:00</tlast>\n    <status>FIN</status>\n    <id>4711</id>\n"
                + "  </job>\n  <log>\n    <logs count=\"\(count)\" progress=\"100\">\n")
    }

    func end() throws {
        try native.write("</cuiscope-flows>\n")
        try panos.write("    </logs>\n  </log>\n</result></response>\n")
        try native.close()
        try panos.close()
    }

    func write(_ f: RealisticFlow) throws {
        try native.write(nativeLine(f))
        try panos.write(panosEntry(f))
    }

    func ruleName(_ f: RealisticFlow) -> String {
        if let r = f.rule { return net.rules[r].name }
        return f.srcZone == f.dstZone ? "intrazone-default" : "interzone-default"
    }

    func nativeLine(_ f: RealisticFlow) -> String {
        let first = Self.windowStart + f.start
        var s =
            "  <flow src=\"\(IPv4.text(f.src))\" dst=\"\(IPv4.text(f.dst))\" proto=\"\(f.proto == 17 ? "udp" : "tcp")\""
        s += " sport=\"\(f.sport)\" dport=\"\(f.dport)\" action=\"\(f.allow ? "allow" : "deny")\" bytes=\"\(f.bytes)\""
        s += " packets=\"\(f.packets)\" first-seen=\"\(CivilTime.iso(first, millis: f.millis))\""
        s += " last-seen=\"\(CivilTime.iso(first + f.elapsed, millis: f.millis))\" count=\"\(f.repeatCount)\""
        s += " device=\"\(RealisticNetwork.hostname)\" rule=\"\(ruleName(f))\"/>\n"
        return s
    }

    func panosEntry(_ f: RealisticFlow) -> String {
        let start = Self.windowStart + f.start + Self.localOffset
        let end = start + f.elapsed
        let logged = CivilTime.panos(end)
        let rule = f.rule.map { net.rules[$0] }
        let proto = f.proto == 17 ? "udp" : "tcp"
        let sz = net.zones[f.srcZone]
        let dz = net.zones[f.dstZone]
        let sent = f.bytes * 3 / 5
        let pktSent = (f.packets + 1) / 2
        var s = "      <entry logid=\"\(7_000_000_000 + f.sequence)\">\n"
        s += "        <domain>1</domain><receive_time>\(logged)</receive_time><serial>\(Self.serial)</serial>"
        s += "<seqno>\(f.sequence)</seqno><actionflags>0x0</actionflags><type>TRAFFIC</type>"
        s += "<subtype>\(f.allow ? "end" : "deny")</subtype><config_ver>2562</config_ver>"
        s += "<time_generated>\(logged)</time_generated>"
        s += "<high_res_timestamp>\(CivilTime.iso(end, millis: f.millis, offset: "-04:00"))</high_res_timestamp>\n"
        s += "        <src>\(IPv4.text(f.src))</src><dst>\(IPv4.text(f.dst))</dst><natsrc>0.0.0.0</natsrc>"
        s += "<natdst>0.0.0.0</natdst><rule>\(ruleName(f))</rule><srcuser/><dstuser/>"
        s += "<app>\(Self.application(f))</app><vsys>vsys1</vsys><from>\(sz.name)</from><to>\(dz.name)</to>"
        s += "<inbound_if>\(sz.interface)</inbound_if><outbound_if>\(dz.interface)</outbound_if>"
        s += "<logset>default</logset><time_received>\(logged)</time_received>\n"
        s += "        <sessionid>\(100_000 + f.sequence % 900_000)</sessionid><repeatcnt>\(f.repeatCount)</repeatcnt>"
        s += "<sport>\(f.sport)</sport><dport>\(f.dport)</dport><natsport>0</natsport><natdport>0</natdport>"
        s +=
            "<flags>0x19</flags><proto>\(proto)</proto><action>\(rule?.action ?? (f.allow ? "allow" : "deny"))</action>\n"
        s +=
            "        <bytes>\(f.bytes)</bytes><bytes_sent>\(sent)</bytes_sent><bytes_received>\(f.bytes - sent)</bytes_received>"
        s += "<packets>\(f.packets)</packets><start>\(CivilTime.panos(start))</start><elapsed>\(f.elapsed)</elapsed>"
        s += "<category>any</category><srcloc>\(Self.location(f.src))</srcloc><dstloc>\(Self.location(f.dst))</dstloc>"
        s += "<pkts_sent>\(pktSent)</pkts_sent><pkts_received>\(f.packets - pktSent)</pkts_received>\n"
        s += "        <session_end_reason>\(f.allow ? (proto == "tcp" ? "tcp-fin" : "aged-out") : "policy-deny")"
        s += "</session_end_reason><device_name>\(RealisticNetwork.hostname)</device_name><vsys_name>vsys1</vsys_name>"
        s += "<rule_uuid>\(rule?.uuid ?? "")</rule_uuid><action_source>from-policy</action_source>\n      </entry>\n"
        return s
    }

    static func application(_ f: RealisticFlow) -> String {
        guard f.allow else { return "not-applicable" }
        switch (f.proto, f.dport) {
        case (6, 443): return "ssl"
        case (6, 80), (6, 8080): return "web-browsing"
        case (6, 445), (6, 139): return "ms-ds-smb"
        case (_, 53): return "dns"
        case (6, 22): return "ssh"
        case (6, 3389): return "ms-rdp"
        case (6, 1433): return "mssql-db"
        case (17, 123): return "ntp"
        default: return f.proto == 17 ? "unknown-udp" : "unknown-tcp"
        }
    }

    /// `srcloc`/`dstloc` as PAN-OS fills them: the private range, or a country for public space.
    static func location(_ ip: UInt32) -> String {
        switch ip >> 24 {
        case 10: return "10.0.0.0-10.255.255.255"
        case 172 where ip >> 20 & 0xF == 1: return "172.16.0.0-172.31.255.255"
        case 192 where ip >> 16 & 0xFF == 168: return "192.168.0.0-192.168.255.255"
        default: return "United States"
        }
    }
}
