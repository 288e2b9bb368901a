extension IntervalSet where Bound == UInt32 {
    /// The shorter of `summary` and `any except <complement>`: an any-any rule minus one
    /// earlier port reads `any except tcp/445`, not every protocol number one by one.
    public var exceptSummary: String {
        if isEmpty || isAnyService { return summary }
        let plain = summary
        let rest = ServiceSet.anyService.subtracting(self).summary
        return rest.count + 11 < plain.count ? "any except \(rest)" : plain
    }
}
