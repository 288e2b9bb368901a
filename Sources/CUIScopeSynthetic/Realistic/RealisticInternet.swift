/// Addresses outside the organisation: cloud provider ranges (which `untrust` rules name and where
/// cloud-service assets sit), partner and blocked hosts, and the popular Internet destinations
/// flows go to. Public-looking but synthetic; none of this claims to be a provider's real range.
enum RealisticInternet {
    /// Cloud blocks, as (first address, prefix length, label).
    static let cloudBlocks: [(UInt32, Int, String)] = [
        (IPv4.make(15, 200, 0, 0), 16, "iaas-gov-west"),
        (IPv4.make(52, 61, 0, 0), 16, "iaas-gov-east"),
        (IPv4.make(20, 140, 0, 0), 15, "azure-gov"),
        (IPv4.make(52, 126, 0, 0), 15, "saas-gcch"),
        (IPv4.make(13, 72, 0, 0), 14, "edr-cloud"),
        (IPv4.make(40, 112, 0, 0), 13, "backup-cloud"),
    ]

    /// The `n`-th cloud-service asset address: hosts spread over the first three blocks.
    static func cloudHost(_ n: Int) -> UInt32 {
        let (base, _, _) = cloudBlocks[n % 3]
        return base + UInt32(1 + (n / 3) * 37 % 65_000)
    }

    /// `count` cloud range slices (/16 to /24) for address objects, in block order.
    static func cloudRanges(_ count: Int) -> [(low: UInt32, length: Int, label: String)] {
        var out: [(UInt32, Int, String)] = []
        var i = 0
        while out.count < count {
            let (base, length, label) = cloudBlocks[i % cloudBlocks.count]
            let round = i / cloudBlocks.count
            if round == 0 {
                out.append((base, length, label))
            } else {
                // Later rounds: /24s inside the block, spread out.
                let offset = UInt32((round * 7919) % Int(IPv4.size(length) >> 8)) << 8
                out.append((base + offset, 24, label))
            }
            i += 1
        }
        return out
    }

    /// First octets of public destinations (no private, shared, loopback, multicast or
    /// documentation space).
    private static let publicFirst: [UInt32] = [
        13, 20, 23, 34, 35, 44, 52, 54, 63, 64, 66, 69, 74, 96, 104, 142,
        151, 157, 162, 185, 199, 204, 208, 216,
    ]

    /// A deterministic public host: the `n`-th of a fixed pool.
    static func publicHost(_ n: Int) -> UInt32 {
        var x = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        let a = publicFirst[Int(x % UInt64(publicFirst.count))]
        let rest = UInt32(truncatingIfNeeded: x >> 8) & 0x00FF_FFFE | 1
        return a << 24 | rest
    }
}
