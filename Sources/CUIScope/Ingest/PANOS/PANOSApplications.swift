/// Standard ports of common predefined App-IDs, for rules whose service is
/// `application-default`.
///
/// The App-ID content database is not part of a configuration export, so the ports a rule
/// with `application-default` opens cannot be read from the file. This table holds the
/// default ports Palo Alto Networks documents (Applipedia) for applications a contractor's
/// policy typically names. An application that is not here (and not defined as a custom
/// application in the config) makes the rule match any port, with a note for review:
/// assuming fewer ports would hide paths.
enum PANOSApplications {
    /// Default services of predefined applications, as `ServiceSet.parse` texts.
    static let defaultPorts: [String: [String]] = [
        "web-browsing": ["tcp/80"],
        "ssl": ["tcp/443"],
        "ms-rdp": ["tcp/3389", "udp/3389"],
        "ssh": ["tcp/22"],
        "telnet": ["tcp/23"],
        "dns": ["tcp/53", "udp/53"],
        "dns-base": ["tcp/53", "udp/53"],
        "smtp": ["tcp/25"],
        "smtp-base": ["tcp/25"],
        "pop3": ["tcp/110"],
        "imap": ["tcp/143"],
        "ldap": ["tcp/389", "udp/389"],
        "ms-ds-smb": ["tcp/139", "tcp/445"],
        "ms-ds-smb-base": ["tcp/139", "tcp/445"],
        "netbios-ss": ["tcp/139"],
        "netbios-ns": ["udp/137"],
        "kerberos": ["tcp/88", "udp/88"],
        "ntp": ["udp/123"],
        "ntp-base": ["udp/123"],
        "snmp": ["udp/161"],
        "snmp-base": ["udp/161"],
        "snmp-trap": ["udp/162"],
        "syslog": ["udp/514"],
        "ftp": ["tcp/21"],
        "ping": ["icmp"],
        "icmp": ["icmp"],
        "ipv6-icmp": ["icmpv6"],
        "traceroute": ["icmp", "udp/33434-33534"],
        "mssql-db": ["tcp/1433"],
        "mssql-mon": ["udp/1434"],
        "mysql": ["tcp/3306"],
        "postgres": ["tcp/5432"],
        "oracle": ["tcp/1521"],
        "ms-rpc": ["tcp/135"],
        "msrpc-base": ["tcp/135"],
        "radius": ["udp/1812", "udp/1813"],
        "tacacs-plus": ["tcp/49"],
        "dhcp": ["udp/67", "udp/68"],
        "tftp": ["udp/69"],
        "vnc": ["tcp/5900-5901"],
        "ike": ["udp/500", "udp/4500"],
        "ipsec-esp-udp": ["udp/4500"],
        "ipsec-esp": ["esp"],
        "http-video": ["tcp/80"],
        "sip": ["tcp/5060", "udp/5060"],
        "ms-update": ["tcp/80", "tcp/443"],
        "paloalto-updates": ["tcp/443"],
        "paloalto-wildfire-cloud": ["tcp/443"],
        "panos-web-interface": ["tcp/80", "tcp/443"],
        "ms-wsus": ["tcp/8530-8531"],
        "splunk": ["tcp/8089", "tcp/9997"],
        "winrm": ["tcp/5985-5986"],
    ]

    /// The default service set of a predefined application, or nil when the table does not know it.
    static func defaultServices(_ app: String) -> ServiceSet? {
        guard let texts = defaultPorts[app] else { return nil }
        var out = ServiceSet()
        for t in texts {
            guard let s = ServiceSet.parse(t) else { return nil }
            out = out.union(s)
        }
        return out
    }

    /// Services PAN-OS predefines as objects: `service-http` and `service-https`.
    static func predefinedService(_ name: String) -> ServiceSet? {
        switch name {
        case "service-http": return ServiceSet.parse("tcp/80,8080")
        case "service-https": return ServiceSet.parse("tcp/443")
        default: return nil
        }
    }
}
