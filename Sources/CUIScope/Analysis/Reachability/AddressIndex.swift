/// Finds the inventory asset that owns an address: exact host addresses by hash, declared
/// ranges by the smallest containing range. Built once per analysis; lookups are O(1) for
/// hosts, so correlating a million flow records stays linear.
struct AddressIndex {
    private var hosts: [UInt128: Int] = [:]
    /// (range, asset index), smallest ranges first so the most specific wins.
    private var ranges: [(AddressSet.Interval, Int)] = []

    init(assets: [Asset]) {
        for (i, a) in assets.enumerated() {
            for iv in a.addresses.intervals {
                if iv.lower == iv.upper {
                    if hosts[iv.lower] == nil { hosts[iv.lower] = i }
                } else {
                    ranges.append((iv, i))
                }
            }
        }
        ranges.sort { ($0.0.upper - $0.0.lower, $0.1) < ($1.0.upper - $1.0.lower, $1.1) }
    }

    func owner(of address: IPAddress) -> Int? {
        if let i = hosts[address.value] { return i }
        return ranges.first { $0.0.contains(address.value) }?.1
    }
}
