/// The literal names an ASA configuration may write instead of numbers: ports, IP protocols,
/// ICMP types and logging levels (docs/FORMATS.md, Cisco ASA).
///
/// The port table is Cisco's "TCP and UDP Ports" table of the ASA general operations
/// configuration guide (chapter "Addresses, Protocols, and Ports"). Some values differ from
/// IANA on purpose — `kerberos` is 750, `radius` 1645, `sqlnet` 1521 — and `dns` is not a
/// port name (the ASA writes `domain`); the table is kept as Cisco publishes it.
enum ASANames {
    /// Literal → port, for TCP, UDP and SCTP alike: the ASA refuses a name on a protocol its
    /// table does not list, so a saved configuration only holds valid pairs.
    static let ports: [String: UInt16] = [
        "aol": 5190, "bgp": 179, "biff": 512, "bootpc": 68, "bootps": 67, "chargen": 19, "cifs": 3020,
        "citrix-ica": 1494, "cmd": 514, "ctiqbe": 2748, "daytime": 13, "discard": 9, "dnsix": 195,
        "domain": 53, "echo": 7, "exec": 512, "finger": 79, "ftp": 21, "ftp-data": 20, "gopher": 70,
        "h323": 1720, "hostname": 101, "http": 80, "https": 443, "ident": 113, "imap4": 143, "irc": 194,
        "isakmp": 500, "kerberos": 750, "klogin": 543, "kshell": 544, "ldap": 389, "ldaps": 636,
        "login": 513, "lotusnotes": 1352, "lpd": 515, "mobile-ip": 434, "nameserver": 42,
        "netbios-dgm": 138, "netbios-ns": 137, "netbios-ssn": 139, "nfs": 2049, "nntp": 119, "ntp": 123,
        "pcanywhere-data": 5631, "pcanywhere-status": 5632, "pim-auto-rp": 496, "pop2": 109, "pop3": 110,
        "pptp": 1723, "radius": 1645, "radius-acct": 1646, "rip": 520, "rsh": 514, "rtsp": 554,
        "secureid-udp": 5510, "sip": 5060, "smtp": 25, "snmp": 161, "snmptrap": 162, "sqlnet": 1521,
        "ssh": 22, "sunrpc": 111, "syslog": 514, "tacacs": 49, "talk": 517, "telnet": 23, "tftp": 69,
        "time": 37, "uucp": 540, "vxlan": 4789, "who": 513, "whois": 43, "www": 80, "xdmcp": 177,
    ]

    /// A port written as a number or a literal name.
    static func port(_ word: String) -> UInt16? { UInt16(word) ?? ports[word.lowercased()] }

    /// IP protocol literals of the ASA ("Protocols and Applications" table); `ip` is every
    /// protocol and is handled by the caller.
    static let protocols: [String: UInt8] = [
        "ah": 51, "eigrp": 88, "esp": 50, "gre": 47, "icmp": 1, "icmp6": 58, "igmp": 2, "igrp": 9,
        "ipinip": 4, "ipsec": 50, "nos": 94, "ospf": 89, "pcp": 108, "pim": 103, "pptp": 47, "sctp": 132,
        "snp": 109, "tcp": 6, "udp": 17,
    ]

    /// A protocol written as a number (0–255) or a literal.
    static func proto(_ word: String) -> UInt8? { UInt8(word) ?? protocols[word.lowercased()] }

    /// ICMP and ICMPv6 type literals; types are recorded, not evaluated (docs/FORMATS.md, Rules
    /// for every firewall format), so only the names are needed to tell a type from the next word.
    static let icmpTypes: Set<String> = [
        "alternate-address", "conversion-error", "echo", "echo-reply", "information-reply",
        "information-request", "mask-reply", "mask-request", "mobile-redirect", "parameter-problem",
        "redirect", "router-advertisement", "router-solicitation", "source-quench", "time-exceeded",
        "timestamp-reply", "timestamp-request", "traceroute", "unreachable", "membership-query",
        "membership-reduction", "membership-report", "neighbor-advertisement", "neighbor-redirect",
        "neighbor-solicitation", "packet-too-big", "router-renumbering",
    ]

    /// Whether a word is an ICMP type: a literal or a number.
    static func isICMPType(_ word: String) -> Bool { icmpTypes.contains(word.lowercased()) || UInt8(word) != nil }

    /// Logging levels accepted after `log`.
    static let logLevels: Set<String> = [
        "emergencies", "alerts", "critical", "errors", "warnings", "notifications", "informational", "debugging",
    ]
}
