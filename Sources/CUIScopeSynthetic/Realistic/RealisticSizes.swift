import Foundation

/// How many of each thing a realistic network of a given size has.
///
/// Calibrated on the shape of a real enterprise PAN-OS policy at 20,000 rules: about 400 zones,
/// 21,000 address objects, 1,600 address groups, 2,500 services and 350 service groups. Object
/// counts grow linearly with the rule count; zones grow more slowly (`rules^0.6`): a policy ten
/// times larger has more rules per zone pair, not ten times the VLANs. Assets and flows are the
/// caller's numbers.
public struct RealisticSizes: Sendable, Equatable {
    public var assets: Int
    public var rules: Int
    public var flows: Int

    public init(assets: Int, rules: Int, flows: Int) {
        self.assets = max(20, assets)
        self.rules = max(40, rules)
        self.flows = max(0, flows)
    }

    /// 25 zones at 200 rules, 100 at 2,000, 400 at 20,000.
    var zones: Int {
        let scale = Double(rules) / 20_000
        return max(20, Int((400 * pow(scale, 0.6)).rounded()))
    }

    /// Enclave zones (users, servers, VDI, management, lab, storage): 3 to 6.
    var enclaveZones: Int { min(6, max(3, zones / 60 + 2)) }

    var addressObjects: Int { Int((Double(rules) * 1.05).rounded()) }
    var addressGroups: Int { max(12, Int((Double(rules) * 0.08).rounded())) }
    var services: Int { max(24, Int((Double(rules) * 0.125).rounded())) }
    var serviceGroups: Int { max(14, Int((Double(rules) * 0.0175).rounded())) }

    /// Zones per kind (every kind at least one; `untrust` exactly one), largest remainder.
    var zonesPerKind: [ZoneKind: Int] {
        var out: [ZoneKind: Int] = [.untrust: 1, .enclave: enclaveZones]
        let rest = zones - 1 - enclaveZones
        out.merge(Self.split(rest, weights: ZoneKind.ordinary.map { ($0, $0.zoneWeight) })) { $1 }
        return out
    }

    /// Assets per kind of zone.
    var assetsPerKind: [ZoneKind: Int] {
        Self.split(assets, weights: ZoneKind.allCases.map { ($0, $0.assetWeight) })
    }

    /// Splits `total` by weight, every key getting at least one when `total` allows it.
    static func split(_ total: Int, weights: [(ZoneKind, Int)]) -> [ZoneKind: Int] {
        let sum = weights.reduce(0) { $0 + $1.1 }
        var out: [ZoneKind: Int] = [:]
        var given = 0
        var remainders: [(Int, ZoneKind)] = []
        for (kind, w) in weights {
            let exact = total * w
            out[kind] = exact / sum
            given += exact / sum
            remainders.append((exact % sum, kind))
        }
        remainders.sort { ($0.0, $1.1.order) > ($1.0, $0.1.order) }
        for (_, kind) in remainders.prefix(max(0, total - given)) { out[kind, default: 0] += 1 }
        for (kind, w) in weights where w > 0 && out[kind] == 0 && total >= weights.count {
            // Take one from the largest share so every weighted kind exists.
            if let (big, _) = out.max(by: { ($0.value, $1.key.order) < ($1.value, $0.key.order) }), let n = out[big],
                n > 1
            {
                out[big] = n - 1
                out[kind] = 1
            }
        }
        return out
    }
}
