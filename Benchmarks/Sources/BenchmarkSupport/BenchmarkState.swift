/// A value filled in by a benchmark's `setup` hook and read by its measured closure.
///
/// ordo-one/benchmark runs setup, warm-up and iterations one after another on one thread, so the
/// unchecked sendability is never exercised concurrently.
public final class BenchmarkState<Value>: @unchecked Sendable {
    private var stored: Value?
    public init() {}
    public var value: Value {
        get {
            guard let stored else { fatalError("benchmark state read before setup") }
            return stored
        }
        set { stored = newValue }
    }
    public func clear() { stored = nil }
}
