/// Body rules at the edges of the enterprise: printers, plant OT, VPN, the Internet, shared
/// security services, labs, IoT and guests.
extension RealisticPolicy {
    mutating func printing(_ rng: inout SplitMix64) -> Int {
        let printers = pick(zones(.printers), &rng)
        let (label, group) = pick(catalog.departmentGroups, &rng)
        let from = zones(.users).filter { network.zones[$0].label == label }
        let i = add(
            "PRN", "\(label)-to-\(name(printers))", from: from.map(name), to: [name(printers)],
            source: Bool.random(using: &rng) ? [group] : ["any"],
            destination: members(printers, anyAllowed: false, &rng), tag: "PRINT", rng: &rng)
        rules[i].services = Bool.random(using: &rng) ? ["SG-PRINT"] : ["tcp-9100"]
        return i
    }

    /// Historians and MES servers polling the plant, engineers on HMIs, line to line.
    mutating func plantOT(_ rng: inout SplitMix64) -> Int {
        let ot = pick(zones(.ot), &rng)
        let roll = Int.random(in: 0..<3, using: &rng)
        let from: Int
        switch roll {
        case 0: from = pick(zones(.servers), &rng)
        case 1: from = pick(zones(.users), &rng)
        default: from = pick(zones(.ot), &rng)
        }
        let i = add(
            "OT", "\(name(from))-to-\(name(ot))", from: [name(from)], to: [name(ot)],
            source: members(from, anyAllowed: false, &rng), destination: members(ot, anyAllowed: false, &rng),
            tag: "OT", rng: &rng)
        rules[i].services = roll == 1 ? ["tcp-3389"] : Bool.random(using: &rng) ? ["SG-OT"] : ["tcp-502", "tcp-44818"]
        if from == ot { rules[i].ruleType = "intrazone" }
        return i
    }

    mutating func vpnAccess(_ rng: inout SplitMix64) -> Int {
        let vpn = pick(zones(.vpn), &rng)
        let target = pick(zones(.servers) + zones(.users), &rng)
        let i = add(
            "VPN", "\(name(vpn))-to-\(name(target))", from: [name(vpn)], to: [name(target)],
            source: [catalog.zoneSubnet[vpn]], destination: members(target, anyAllowed: true, &rng),
            tag: "VPN", rng: &rng)
        (rules[i].applications, rules[i].services) = services(pick(["web", "mgmt", "file"], &rng), &rng)
        return i
    }

    /// Users and servers to the Internet: everything not private (`negate-destination` of the
    /// RFC 1918 group) with web App-IDs on `application-default`, or cloud ranges on 443.
    mutating func internet(_ rng: inout SplitMix64) -> Int {
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll < 70 {
            let (label, group) = pick(catalog.departmentGroups, &rng)
            let from = zones(.users).filter { network.zones[$0].label == label }
            let negate = Int.random(in: 0..<100, using: &rng) < 65
            let i = add(
                "INET", "\(label)-web", from: from.map(name), to: ["untrust"], source: [group],
                destination: negate ? [catalog.rfc1918] : ["any"], tag: "INTERNET", rng: &rng)
            rules[i].negateDestination = negate
            let apps = sample(
                RealisticApplications.byPurpose["internet"] ?? ["ssl"], Int.random(in: 2...4, using: &rng), &rng)
            if Int.random(in: 0..<100, using: &rng) < 75 {
                (rules[i].applications, rules[i].services) = (apps, ["application-default"])
            } else {
                (rules[i].applications, rules[i].services) = (
                    ["web-browsing", "ssl"], ["service-http", "service-https"]
                )
            }
            return i
        }
        let from = sample(zones(.servers), Int.random(in: 1...4, using: &rng), &rng)
        let i = add(
            "INET", "servers-to-cloud", from: from.map(name), to: ["untrust"],
            source: members(from, anyAllowed: true, &rng), destination: [catalog.cloud], tag: "INTERNET",
            rng: &rng)
        rules[i].services = roll < 85 ? ["tcp-443"] : ["application-default"]
        if roll >= 85 { rules[i].applications = ["ms-update", "ssl"] }
        return i
    }

    /// Many zones to one security service: directory, logging, patching, EDR, PKI.
    mutating func sharedServices(_ rng: inout SplitMix64) -> Int {
        let (label, group) = pick(catalog.securityGroups, &rng)
        let target = zones(.security).filter { network.zones[$0].label == label }
        let many = Int.random(in: 0..<100, using: &rng) < 30
        let from = many ? ["any"] : sample(internalZones, Int.random(in: 3...20, using: &rng), &rng).map(name)
        let i = add(
            "SVC", "\(label)-clients", from: from, to: target.map(name), source: ["any"], destination: [group],
            tag: "SERVICES", rng: &rng)
        switch label {
        case "siem": rules[i].services = ["SG-SIEM"]
        case "ad": (rules[i].applications, rules[i].services) = services("ad", &rng)
        case "patch": rules[i].services = ["SG-PATCH"]
        case "scan": rules[i].services = ["tcp-443", "tcp-8443"]
        default: rules[i].services = ["tcp-443"]
        }
        return i
    }

    /// Labs and IoT reaching their servers, guests to the Internet, traffic kept inside one zone.
    mutating func otherZones(_ rng: inout SplitMix64) -> Int {
        let roll = Int.random(in: 0..<4, using: &rng)
        if roll == 0 {
            let guest = pick(zones(.guest), &rng)
            let i = add(
                "GUEST", "\(name(guest))-internet", from: [name(guest)], to: ["untrust"],
                source: [catalog.zoneSubnet[guest]], destination: [catalog.rfc1918], tag: "INTERNET", rng: &rng)
            rules[i].negateDestination = true
            (rules[i].applications, rules[i].services) = (["web-browsing", "ssl", "dns"], ["application-default"])
            return i
        }
        let kind: ZoneKind = roll == 1 ? .lab : roll == 2 ? .iot : .servers
        let z = pick(zones(kind), &rng)
        let target = roll == 3 ? z : pick(zones(.servers), &rng)
        let i = add(
            roll == 3 ? "INTRA" : kind.prefix.uppercased(), "\(name(z))-to-\(name(target))", from: [name(z)],
            to: [name(target)], source: members(z, anyAllowed: true, &rng),
            destination: members(target, anyAllowed: true, &rng), tag: "OTHER", rng: &rng)
        (rules[i].applications, rules[i].services) = services("app", &rng)
        if roll == 3 { rules[i].ruleType = "intrazone" }
        return i
    }
}
