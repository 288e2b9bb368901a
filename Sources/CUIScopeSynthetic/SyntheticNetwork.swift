import CUIScope
import Foundation

/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same network on
/// every platform and run, which `SystemRandomNumberGenerator` would not.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A generated contractor network for benchmarks and differential tests.
///
/// Shaped like a small defense contractor: an enclave zone (~2 % of assets, declared CUI),
/// several corporate zones of many /24 subnets, a DMZ, a guest network and the Internet
/// (`untrust`, a zone only rules name). An edge firewall joins untrust, DMZ, guest and the first
/// corporate zone; a core firewall joins every corporate zone and the enclave, so DMZ → enclave
/// crosses both. Rules reference subnets, single hosts, ranges and groups, with service lists,
/// deny rules, disabled rules, negated addresses and catch-all rules near the end.
public enum SyntheticNetwork {
    public static func make(assets count: Int, rules ruleCount: Int, seed: UInt64)
        -> (assets: [Asset], zones: [Zone], enforcementPoints: [EnforcementPoint])
    {
        var generator = Generator(assets: count, seed: seed)
        let assets = generator.assets()
        let zones = generator.plans.map { Zone(name: $0.name, subnets: $0.subnets, isEnclave: $0.name == "enclave") }
        let zoneByName = Dictionary(uniqueKeysWithValues: zones.map { ($0.name, $0) })
        let corpNames = (1...generator.corpZones).map { "corp-\($0)" }
        let edgeZones = ["untrust", "dmz", "guest", "corp-1"]
        let coreZones = corpNames + ["enclave"]
        let (coreRules, edgeRules) = generator.rules(ruleCount, core: coreZones, edge: edgeZones)
        let core = EnforcementPoint(
            name: "core-fw", vendor: "native", zones: coreZones.compactMap { zoneByName[$0] }, rules: coreRules,
            location: SourceLocation(file: generator.ruleFile, line: 2))
        let edge = EnforcementPoint(
            name: "edge-fw", vendor: "native", zones: edgeZones.compactMap { zoneByName[$0] }, rules: edgeRules,
            location: SourceLocation(file: generator.ruleFile, line: 3), ruleOnlyZones: ["untrust"])
        return (assets, zones, [core, edge])
    }

    private struct ZonePlan {
        var name: String
        var prefix: (UInt32, UInt32)  // first two octets; subnets are prefix.s.0/24
        var count: Int
        var subnets: [Subnet] = []
        var hosts: [String] = []
    }

    /// One generation: the random stream (every draw in a fixed order, so a seed always gives the
    /// same network), the zone plans, and the line counter of the rule file.
    private struct Generator {
        var rng: SplitMix64
        let inventory: SourceLocation
        let ruleFile: String
        let corpZones: Int
        var plans: [ZonePlan]
        /// The plans by name, with their subnets and hosts, once ``assets()`` has run.
        var planByName: [String: ZonePlan] = [:]
        var line = 10

        /// Zone sizes: ~2 % enclave, 4 % DMZ, 8 % guest, the rest over 2–8 corporate zones.
        init(assets count: Int, seed: UInt64) {
            rng = SplitMix64(seed: seed)
            inventory = SourceLocation(file: "synthetic-inventory-\(seed).csv", line: 1)
            ruleFile = "synthetic-rules-\(seed).xml"
            let enclaveCount = max(1, count / 50)
            let dmzCount = count / 25
            let guestCount = count / 12
            corpZones = max(2, min(8, count / 3000 + 2))
            let corpTotal = max(0, count - enclaveCount - dmzCount - guestCount)
            plans = [
                ZonePlan(name: "enclave", prefix: (10, 50), count: enclaveCount),
                ZonePlan(name: "dmz", prefix: (172, 16), count: dmzCount),
                ZonePlan(name: "guest", prefix: (192, 168), count: guestCount),
            ]
            for z in 0..<corpZones {
                let n = corpTotal / corpZones + (z < corpTotal % corpZones ? 1 : 0)
                plans.append(ZonePlan(name: "corp-\(z + 1)", prefix: (10, UInt32(10 + z)), count: n))
            }
        }

        /// The first three octets of subnet `s` (1-based) of a zone: 250 /24s per second octet,
        /// then the second octet moves up by 64 (zones of 100k-asset networks need ~270 /24s).
        static func base(_ plan: ZonePlan, _ s: Int) -> String {
            let block = (s - 1) / 250
            return "\(plan.prefix.0).\(plan.prefix.1 + 64 * UInt32(block)).\((s - 1) % 250 + 1)"
        }

        /// Assets: 40 hosts per /24 (.10–.49); 1 % declared as a /30 range of their own (.64–.223).
        /// Fills each plan's subnets and hosts.
        mutating func assets() -> [Asset] {
            var assets: [Asset] = []
            assets.reserveCapacity(plans.reduce(0) { $0 + $1.count })
            for p in plans.indices {
                let plan = plans[p]
                let perSubnet = 40
                let subnetCount = max(1, (plan.count + perSubnet - 1) / perSubnet)
                for s in 0..<subnetCount {
                    let text = "\(Self.base(plan, s + 1)).0/24"
                    if let set = AddressSet.parse(text) {
                        plans[p].subnets.append(
                            Subnet(text: text, addresses: set, location: inventory, origin: "synthetic \(plan.name)"))
                    }
                }
                for i in 0..<plan.count {
                    let s = i / perSubnet + 1
                    let isRange = Int.random(in: 0..<100, using: &rng) == 0
                    let text =
                        isRange
                        ? "\(Self.base(plan, s)).\(64 + 4 * (i % perSubnet))/30"
                        : "\(Self.base(plan, s)).\(10 + i % perSubnet)"
                    if !isRange { plans[p].hosts.append(text) }
                    let n = assets.count
                    let kinds: [AssetKind] = [.endpoint, .endpoint, .server, .printer, .iot]
                    let isEnclave = plan.name == "enclave"
                    assets.append(
                        Asset(
                            id: String(format: "asset-%06d", n), name: "\(plan.name)-host-\(i)", addressTexts: [text],
                            addresses: AddressSet.parse(text) ?? .empty,
                            kind: isEnclave ? .server : kinds[Int.random(in: 0..<kinds.count, using: &rng)],
                            cui: isEnclave ? .all : [], declared: isEnclave ? .cui : nil, zoneHint: plan.name,
                            location: SourceLocation(file: inventory.file, line: n + 2)))
                }
            }
            planByName = Dictionary(uniqueKeysWithValues: plans.map { ($0.name, $0) })
            return assets
        }

        /// The next rule's place in the rule file.
        mutating func location() -> SourceLocation {
            line += 7
            return SourceLocation(file: ruleFile, line: line, column: 17)
        }

        /// The rules of both firewalls: catch-all rules close each list; the rest are split
        /// ~40 % core / 60 % edge.
        mutating func rules(_ ruleCount: Int, core coreZones: [String], edge edgeZones: [String])
            -> (core: [Rule], edge: [Rule])
        {
            let closing = 4
            let generated = max(0, ruleCount - closing)
            var coreRules: [Rule] = []
            var edgeRules: [Rule] = []
            for n in 0..<generated {
                if Int.random(in: 0..<100, using: &rng) < 40 {
                    coreRules.append(rule(n, zones: coreZones))
                } else {
                    edgeRules.append(rule(n, zones: edgeZones))
                }
            }
            if ruleCount >= closing {
                coreRules.append(
                    Rule(
                        name: "corp-intrazone", action: .allow, services: .anyService, ruleType: .intrazone,
                        location: location()))
                coreRules.append(Rule(name: "core-deny-all", action: .deny, location: location()))
                edgeRules.append(
                    Rule(
                        name: "corp-to-internet", action: .allow, from: .zones(["corp-1"]), to: .zones(["untrust"]),
                        location: location()))
                edgeRules.append(Rule(name: "edge-deny-all", action: .deny, location: location()))
            }
            return (coreRules, edgeRules)
        }

        /// A zone of `eps` for a rule's from or to, or nil (any) for 15 % of rules.
        mutating func pick(_ eps: [String]) -> String? {
            Int.random(in: 0..<100, using: &rng) < 15 ? nil : eps[Int.random(in: 0..<eps.count, using: &rng)]
        }

        mutating func rule(_ n: Int, zones eps: [String]) -> Rule {
            let from = pick(eps)
            let to = pick(eps)
            let (svc, svcText) = services()
            let typeRoll = Int.random(in: 0..<100, using: &rng)
            let touchesEnclave = from == "enclave" || to == "enclave"
            // Guests get the Internet and nothing else.
            let guestOnly = from == "guest" && to != "untrust"
            let allow = !guestOnly && Int.random(in: 0..<100, using: &rng) < 75
            return Rule(
                name: "rule-\(n)", uuid: String(format: "00000000-0000-4000-8000-%012d", n),
                action: allow ? .allow : .deny,
                from: from.map { .zones([$0]) } ?? .any, to: to.map { .zones([$0]) } ?? .any,
                source: address(zone: from, pool: eps, broad: !touchesEnclave),
                destination: address(zone: to, pool: eps, broad: !touchesEnclave),
                services: svc, serviceMembers: svcText,
                ruleType: typeRoll < 90 ? .universal : (typeRoll < 95 ? .intrazone : .interzone),
                disabled: Int.random(in: 0..<100, using: &rng) < 5,
                unevaluated: Int.random(in: 0..<100, using: &rng) < 2 ? ["source-user"] : [], location: location())
        }

        /// An address condition drawn from one zone (or from any of `pool` when the zone is any).
        /// `any` and negation appear only where an administrator would write them: for a named,
        /// ordinary zone on a rule that does not touch the enclave.
        mutating func address(zone: String?, pool: [String], broad: Bool) -> AddressMatch {
            let name = zone ?? pool[Int.random(in: 0..<pool.count, using: &rng)]
            guard let plan = planByName[name], !plan.subnets.isEmpty else { return .any }
            func one(_ rng: inout SplitMix64) -> String {
                let roll = Int.random(in: 0..<100, using: &rng)
                let subnet = plan.subnets[Int.random(in: 0..<plan.subnets.count, using: &rng)].text
                if roll < 45 || plan.hosts.isEmpty { return subnet }
                if roll < 80 { return plan.hosts[Int.random(in: 0..<plan.hosts.count, using: &rng)] }
                let base = subnet.dropLast(4)  // "a.b.c."
                let lo = Int.random(in: 1..<200, using: &rng)
                return "\(base)\(lo)-\(base)\(lo + Int.random(in: 1..<50, using: &rng))"
            }
            let roll = Int.random(in: 0..<100, using: &rng)
            let mayBeBroad = broad && zone != nil && name != "enclave" && name != "guest"
            if roll < 10 && mayBeBroad { return .any }
            let members = roll < 85 ? [one(&rng)] : (0..<Int.random(in: 2...3, using: &rng)).map { _ in one(&rng) }
            var set = members.reduce(AddressSet()) { $0.union(AddressSet.parse($1) ?? .empty) }
            let negated = mayBeBroad && Int.random(in: 0..<100, using: &rng) < 4
            if negated { set = set.complement() }
            return AddressMatch(set: set, negated: negated, members: members)
        }

        mutating func services() -> (ServiceSet, [String]) {
            let common: [UInt16] = [22, 25, 80, 135, 139, 389, 443, 445, 636, 1433, 3306, 3389, 5432, 8080, 8443]
            let roll = Int.random(in: 0..<100, using: &rng)
            let text: String
            switch roll {
            case 0..<40: text = "tcp/\(common[Int.random(in: 0..<common.count, using: &rng)])"
            case 40..<60:
                let ports = (0..<3).map { _ in String(common[Int.random(in: 0..<common.count, using: &rng)]) }
                text = "tcp/\(ports.joined(separator: ","))"
            case 60..<70:
                let lo = Int.random(in: 1024..<60000, using: &rng)
                text = "tcp/\(lo)-\(lo + Int.random(in: 1..<2000, using: &rng))"
            case 70..<80: text = Bool.random(using: &rng) ? "udp/53" : "udp/123,161"
            case 80..<95: text = "any"
            default: text = "icmp"
            }
            return (ServiceSet.parse(text) ?? .anyService, [text])
        }
    }
}
