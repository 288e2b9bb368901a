#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's peak resident memory so far, for progress lines and the per-phase benchmark
/// tables (BENCHMARKS.md): the high-water mark, not the current size.
public enum PeakMemory {
    public static var residentMiB: Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(Linux)
        return usage.ru_maxrss / 1024  // KiB
        #else
        return usage.ru_maxrss / (1024 * 1024)  // bytes
        #endif
    }
}
