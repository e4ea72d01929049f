/// Trends fitted to many series at once by ``BatchTrend/fit(_:degree:workers:)``.
///
/// The per-series accessors return Optionals (nil when a value does not exist). The bulk
/// ``coefficientMatrix`` and ``residualStandardErrors`` hold the same numbers for all series at once,
/// with NaN exactly where the per-series accessor returns nil.
public struct BatchTrendFit: Sendable {
    /// Polynomial degree in the period (1 = linear).
    public let degree: Int
    /// T, the number of periods (rows of the input).
    public let periods: Int
    /// (degree+1)×m coefficients β₀, β₁, … on the period scale (t = 1…T), one column per series;
    /// series with missing values hold their fit on the observed periods; columns of ``failures`` are NaN.
    public let coefficientMatrix: Matrix
    /// Residual standard errors s = √(RSS / degrees of freedom), one per series, in the units of the
    /// series; NaN for ``failures`` and where the series has no residual degrees of freedom.
    public let residualStandardErrors: [Double]
    /// F with Cov(β̂) = s²·F·Fᵀ for complete series (shared: it depends only on the design).
    let sharedFactor: Matrix
    /// Series with missing values, fitted on their observed periods.
    let individualFits: [Int: LeastSquaresFit]
    /// Series that could not be fitted (too few observed values, or an infinite value), by column.
    public let failures: [Int: TrendError]

    /// m, the number of series.
    public var seriesCount: Int { coefficientMatrix.columns }

    /// Zero-based columns fitted individually because they had missing values, ascending.
    public var seriesWithMissingValues: [Int] { individualFits.keys.sorted() }

    /// β₀, β₁, … for series `index` on the period scale (t = 1…T); nil if it could not be fitted.
    public func coefficients(ofSeries index: Int) -> [Double]? {
        precondition(index >= 0 && index < seriesCount, "Series \(index) out of range 0..<\(seriesCount)")
        if !failures.isEmpty && failures[index] != nil { return nil }
        return coefficientMatrix.column(index)
    }

    /// Residual degrees of freedom for series `index` (observed periods − coefficients); nil if failed.
    public func degreesOfFreedom(ofSeries index: Int) -> Int? {
        precondition(index >= 0 && index < seriesCount, "Series \(index) out of range 0..<\(seriesCount)")
        if !failures.isEmpty && failures[index] != nil { return nil }
        if !individualFits.isEmpty, let fit = individualFits[index] { return fit.degreesOfFreedom }
        return periods - degree - 1
    }

    /// Residual standard error of series `index` in the units of the series; nil if it failed or has
    /// no residual degrees of freedom. O(1), no hashing: cheap enough to call for every series.
    public func residualStandardError(ofSeries index: Int) -> Double? {
        precondition(index >= 0 && index < seriesCount, "Series \(index) out of range 0..<\(seriesCount)")
        let s = residualStandardErrors[index]
        return s.isNaN ? nil : s
    }

    /// Point forecasts for periods T+1 … T+horizon of every series: a horizon×m matrix made with one
    /// GEMM (future design × coefficients). Columns of failed series are NaN; check ``failures``.
    public func forecastMeans(horizon: Int) -> Matrix {
        precondition(horizon >= 1, "Forecast horizon must be at least 1, got \(horizon)")
        var future = Matrix(rows: horizon, columns: degree + 1)
        for step in 0..<horizon {
            var power = 1.0
            for k in 0...degree {
                future[step, k] = power
                power *= Double(periods + step + 1)
            }
        }
        return future.multiplied(by: coefficientMatrix)
    }

    /// Forecasts with Student-t prediction intervals for one series; nil if it could not be fitted.
    /// Intervals are nil when the series has no residual degrees of freedom.
    public func forecast(ofSeries index: Int, horizon: Int, level: Double) -> [TrendForecast]? {
        precondition(horizon >= 1, "Forecast horizon must be at least 1, got \(horizon)")
        precondition(level > 0 && level < 1, "Level must be in (0, 1), got \(level)")
        guard let coefficients = coefficients(ofSeries: index) else { return nil }
        let individual = individualFits[index]
        let s = residualStandardError(ofSeries: index)
        let t = degreesOfFreedom(ofSeries: index).flatMap { $0 > 0 ? StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double($0)) : nil }
        return (1...horizon).map { step in
            let period = periods + step
            var row = [Double](repeating: 1, count: degree + 1)
            for k in 1..<row.count { row[k] = row[k - 1] * Double(period) }
            if let individual {
                let prediction = individual.predict(at: row, level: level)
                return TrendForecast(period: period, median: prediction.mean, mean: prediction.mean,
                                     interval: prediction.prediction)
            }
            var mean = 0.0
            for k in row.indices { mean += coefficients[k] * row[k] }
            guard let s, let t else { return TrendForecast(period: period, median: mean, mean: mean, interval: nil) }
            // Leverage x₀ᵀ(XᵀX)⁻¹x₀ = ‖Fᵀx₀‖², shared by every complete series.
            var leverage = 0.0
            for l in 0..<sharedFactor.columns {
                var dot = 0.0
                for k in row.indices { dot += sharedFactor[k, l] * row[k] }
                leverage += dot * dot
            }
            let half = t * s * (1 + leverage).squareRoot()
            return TrendForecast(period: period, median: mean, mean: mean, interval: (mean - half)...(mean + half))
        }
    }
}
