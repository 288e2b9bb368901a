/// The enclave block: security protection assets into and out of the enclave, VDI access from
/// user VLANs, enclave to government cloud, traffic inside the enclave, a few deliberate leaks,
/// a disabled any → enclave rule, then deny any ↔ enclave (interzone).
extension RealisticPolicy {
    var enclaveZones: [Int] { zones(.enclave) }

    func enclave(_ label: String) -> Int? { enclaveZones.first { network.zones[$0].label == label } }

    mutating func addEnclaveBlock(_ count: Int, rng: inout SplitMix64) {
        let enc = enclaveZones.map(name)
        let fixed = 8  // cloud, four leaks, the disabled rule, two denies
        var k = 0
        while k < max(0, count - fixed) {
            switch k % 4 {
            case 0: addSPAIn(rng: &rng)
            case 1: addSPAOut(rng: &rng)
            case 2: addVDIAccess(rng: &rng)
            default: addInsideEnclave(rng: &rng)
            }
            k += 1
        }
        let cloud = add(
            "ENC", "to-gov-cloud", from: enc, to: ["untrust"], source: [catalog.enclaveNets],
            destination: [catalog.cloud], tag: "ENCLAVE", rng: &rng)
        (rules[cloud].applications, rules[cloud].services) = (["ssl"], ["application-default"])
        addLeaks(rng: &rng)
        let temp = add(
            "ENC", "TEMP-any-to-enclave", from: ["any"], to: enc, source: ["any"], destination: ["any"],
            tag: "ENCLAVE", rng: &rng)
        rules[temp].disabled = true
        rules[temp].description = "temporary migration rule <do not enable>"
        let inbound = add(
            "ENC", "deny-any-to-enclave", from: ["any"], to: enc, source: ["any"], destination: ["any"],
            action: "deny", tag: "ENCLAVE", rng: &rng)
        let outbound = add(
            "ENC", "deny-enclave-to-any", from: enc, to: ["any"], source: ["any"],
            destination: ["any"], action: "drop", tag: "ENCLAVE", rng: &rng)
        rules[inbound].ruleType = "interzone"
        rules[outbound].ruleType = "interzone"
    }

    /// Security tools reaching into the enclave: scanners (any service), PAM and management.
    private mutating func addSPAIn(rng: inout SplitMix64) {
        let (label, group) = pick(catalog.securityGroups, &rng)
        let from = zones(.security).filter { network.zones[$0].label == label }.map(name)
        let to = sample(enclaveZones, Int.random(in: 1...enclaveZones.count, using: &rng), &rng).map(name)
        let i = add(
            "ENC", "spa-in-\(label)", from: from, to: to, source: [group], destination: [catalog.enclaveNets],
            tag: "ENCLAVE", rng: &rng)
        switch label {
        case "scan": rules[i].services = ["any"]
        case "pam": rules[i].services = ["tcp-22", "tcp-3389"]
        case "edr": rules[i].services = ["tcp-443"]
        default: rules[i].services = ["SG-MGMT"]
        }
    }

    /// Enclave hosts sending logs, authenticating, patching and reporting to security services.
    private mutating func addSPAOut(rng: inout SplitMix64) {
        let (label, group) = pick(catalog.securityGroups, &rng)
        let to = zones(.security).filter { network.zones[$0].label == label }.map(name)
        let from = sample(enclaveZones, Int.random(in: 1...enclaveZones.count, using: &rng), &rng)
        let i = add(
            "ENC", "spa-out-\(label)", from: from.map(name), to: to,
            source: members(from, anyAllowed: false, &rng), destination: [group], tag: "ENCLAVE", rng: &rng)
        switch label {
        case "siem": rules[i].services = ["SG-SIEM"]
        case "ad", "pki": rules[i].services = ["SG-AD-DC"]
        case "patch": (rules[i].applications, rules[i].services) = (["ms-update", "ms-wsus"], ["application-default"])
        default: rules[i].services = ["tcp-443"]
        }
    }

    /// Users of one department reaching the enclave's VDI brokers.
    private mutating func addVDIAccess(rng: inout SplitMix64) {
        let (label, group) = pick(catalog.departmentGroups, &rng)
        let from = zones(.users).filter { network.zones[$0].label == label }.map(name)
        let target = enclave("vdi") ?? enclave("servers") ?? enclaveZones[0]
        let i = add(
            "ENC", "vdi-\(label)", from: from, to: [name(target)], source: [group],
            destination: [catalog.vdiBrokers], tag: "ENCLAVE", rng: &rng)
        rules[i].services = ["SG-VDI"]
    }

    /// Enclave zones talking to each other (users and VDI to servers, everyone to enclave management).
    private mutating func addInsideEnclave(rng: inout SplitMix64) {
        let ia = Int.random(in: 0..<enclaveZones.count, using: &rng)
        var ib = Int.random(in: 0..<enclaveZones.count, using: &rng)
        if ia == ib { ib = (ia + 1) % enclaveZones.count }
        let (a, b) = (enclaveZones[ia], enclaveZones[ib])
        let purpose = pick(["file", "web", "db", "mgmt", "siem", "ad"], &rng)
        let i = add(
            "ENC", "\(network.zones[a].label)-to-\(network.zones[b].label)", from: [name(a)], to: [name(b)],
            source: members(a, anyAllowed: false, &rng), destination: members(b, anyAllowed: false, &rng),
            tag: "ENCLAVE", rng: &rng)
        (rules[i].applications, rules[i].services) = services(purpose, &rng)
    }

    /// Paths into and out of the enclave that an assessor should find: a lab VLAN with any
    /// service, one engineer's workstation (a literal address) to enclave file shares, enclave
    /// users printing to a corporate printer VLAN, a plant line to the enclave lab.
    private mutating func addLeaks(rng: inout SplitMix64) {
        let lab = pick(zones(.lab), &rng)
        let target = enclave("servers") ?? enclaveZones[0]
        add(
            "ENC", "legacy-lab-access", from: [name(lab)], to: [name(target)], source: [catalog.zoneSubnet[lab]],
            destination: [catalog.enclaveNets], tag: "ENCLAVE", rng: &rng)
        let eng = zones(.users).first { network.zones[$0].label == "eng" } ?? zones(.users)[0]
        let storage = enclave("storage") ?? target
        let i = add(
            "ENC", "eng-ws-smb", from: [name(eng)], to: [name(storage)],
            source: [IPv4.text(network.zones[eng].host(0))], destination: [catalog.zoneSubnet[storage]],
            tag: "ENCLAVE", rng: &rng)
        rules[i].services = ["tcp-445"]
        let printers = pick(zones(.printers), &rng)
        let users = enclave("users") ?? enclaveZones[0]
        let p = add(
            "ENC", "enclave-print", from: [name(users)], to: [name(printers)],
            source: [catalog.zoneSubnet[users]], destination: [catalog.zoneSubnet[printers]],
            tag: "ENCLAVE", rng: &rng)
        rules[p].services = ["SG-PRINT"]
        let ot = pick(zones(.ot), &rng)
        let encLab = enclave("lab") ?? target
        let o = add(
            "ENC", "plant-to-enclave", from: [name(ot)], to: [name(encLab)], source: [catalog.zoneSubnet[ot]],
            destination: [catalog.zoneSubnet[encLab]], tag: "ENCLAVE", rng: &rng)
        rules[o].services = ["tcp-502"]
    }
}
