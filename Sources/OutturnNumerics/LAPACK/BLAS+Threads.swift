import COpenBLAS

/// Control of OpenBLAS's own thread pool.
public enum BLASThreads {
    /// Sets the number of threads OpenBLAS may use for one call (`openblas_set_num_threads`).
    /// Call with 1 before running many small problems on all cores with your own threads, so
    /// BLAS's threads and yours do not compete.
    public static func setCount(_ count: Int) {
        precondition(count >= 1, "thread count must be at least 1, got \(count)")
        openblas_set_num_threads(Int32(clamping: count))
    }
}
